/**
 * A small spreadsheet formula evaluator for the functions our workbooks use (IF, AND, ISNUMBER,
 * SUM, COUNT, COUNTIF with a text criterion, RANK), with the operators + - * / & and the
 * comparisons, over cell and range references on any sheet. Blank cells read as 0 in arithmetic
 * and comparisons with numbers, as "" in `&`. Enough to check, on random inputs, that every
 * formula we write computes the result we cache — what LibreOffice checks on the examples.
 */
import { columnToNumber, formatA1, type Grid } from '@cchc-kpi/core';

export type Value = number | string | boolean | null;
type Ref = { sheet: string; fromRow: number; fromCol: number; toRow: number; toCol: number };
type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'ref'; ref: Ref }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'op'; op: string; a: Node; b: Node }
  | { k: 'neg'; a: Node };

const TOKEN = /\s*(?:(?<str>"(?:[^"]|"")*")|(?<ref>(?:'(?:[^']|'')+'!|[A-Za-z_][\w.]*!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)|(?<num>\d+(?:\.\d+)?(?:E[+-]?\d+)?)|(?<name>[A-Z][A-Z0-9.]*)(?=\()|(?<op><=|>=|<>|[-+*/&=<>(),]))/iy;

function tokenize(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`cannot read formula at ${TOKEN.lastIndex}: ${text}`);
    out.push(m[0].trim());
  }
  return out;
}

function parseRef(text: string, sheet: string): Ref {
  const bang = text.lastIndexOf('!');
  const on = bang < 0 ? sheet : text.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
  const [a = '', b = a] = text.slice(bang + 1).replace(/\$/g, '').split(':');
  const cell = (s: string) => ({ col: columnToNumber(/^[A-Z]+/.exec(s)?.[0] ?? '') ?? 0, row: Number(/\d+$/.exec(s)?.[0]) });
  const x = cell(a);
  const y = cell(b);
  return { sheet: on, fromRow: x.row, fromCol: x.col, toRow: y.row, toCol: y.col };
}

const PRECEDENCE: Record<string, number> = { '=': 1, '<>': 1, '<': 1, '>': 1, '<=': 1, '>=': 1, '&': 2, '+': 3, '-': 3, '*': 4, '/': 4 };

function parse(tokens: string[], sheet: string): Node {
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const primary = (): Node => {
    const t = tokens[i++];
    if (t === undefined) throw new Error('unexpected end');
    if (t === '(') {
      const e = expr(0);
      i++; // )
      return e;
    }
    if (t === '-') return { k: 'neg', a: primary() };
    if (t.startsWith('"')) return { k: 'str', v: t.slice(1, -1).replace(/""/g, '"') };
    if (/^\d/.test(t)) return { k: 'num', v: Number(t) };
    if (peek() === '(') {
      i++; // (
      const args: Node[] = [];
      if (peek() !== ')') {
        for (;;) {
          args.push(expr(0));
          if (tokens[i++] === ')') break;
        }
      } else i++;
      return { k: 'call', name: t.toUpperCase(), args };
    }
    return { k: 'ref', ref: parseRef(t, sheet) };
  };
  const expr = (min: number): Node => {
    let left = primary();
    for (;;) {
      const op = peek();
      const p = op === undefined ? undefined : PRECEDENCE[op];
      if (p === undefined || p < min) return left;
      i++;
      left = { k: 'op', op: op as string, a: left, b: expr(p + 1) };
    }
  };
  return expr(0);
}

/** Evaluates formulas on a grid, following references into other formula cells (their formulas, not their cached values). */
export class Evaluator {
  private readonly memo = new Map<string, Value>();
  constructor(private readonly grid: Grid) {}

  /** The value of a cell, computing its formula if it has one. */
  cell(sheet: string, row: number, col: number): Value {
    const key = `${sheet}!${row}:${col}`;
    if (this.memo.has(key)) return this.memo.get(key) ?? null;
    const c = this.grid.sheets.find((s) => s.name === sheet)?.cells.get(formatA1({ row, col }));
    const v = c === undefined ? null : c.formula !== undefined ? this.evaluate(c.formula, sheet) : c.value;
    this.memo.set(key, v);
    return v;
  }

  /** The result of `formula` written on `sheet`. */
  evaluate(formula: string, sheet: string): Value {
    return this.value(parse(tokenize(formula), sheet));
  }

  private range(ref: Ref): Value[] {
    const out: Value[] = [];
    for (let r = ref.fromRow; r <= ref.toRow; r++) for (let c = ref.fromCol; c <= ref.toCol; c++) out.push(this.cell(ref.sheet, r, c));
    return out;
  }

  private value(n: Node): Value {
    switch (n.k) {
      case 'num':
      case 'str':
        return n.v;
      case 'ref':
        return this.cell(n.ref.sheet, n.ref.fromRow, n.ref.fromCol);
      case 'neg':
        return -num(this.value(n.a));
      case 'op':
        return op(n.op, this.value(n.a), this.value(n.b));
      case 'call':
        return this.call(n.name, n.args);
    }
  }

  private values(args: Node[]): Value[] {
    return args.flatMap((a) => (a.k === 'ref' ? this.range(a.ref) : [this.value(a)]));
  }

  private call(name: string, args: Node[]): Value {
    const [a, b, c] = args;
    switch (name) {
      case 'IF':
        return truthy(this.value(a as Node)) ? this.value(b as Node) : c === undefined ? false : this.value(c);
      case 'AND':
        return args.every((x) => truthy(this.value(x)));
      case 'ISNUMBER':
        return typeof this.value(a as Node) === 'number';
      case 'SUM':
        return this.values(args).reduce<number>((s, v) => (typeof v === 'number' ? s + v : s), 0);
      case 'COUNT':
        return this.values(args).filter((v) => typeof v === 'number').length;
      case 'COUNTIF': {
        const want = String(this.value(b as Node)).toLocaleLowerCase('vi');
        return this.values([a as Node]).filter((v) => typeof v === 'string' && v.toLocaleLowerCase('vi') === want).length;
      }
      case 'RANK': {
        const x = num(this.value(a as Node));
        return 1 + this.values([b as Node]).filter((v) => typeof v === 'number' && v > x).length;
      }
      default:
        throw new Error(`function ${name} not supported`);
    }
  }
}

function num(v: Value): number {
  if (v === null || v === '') return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  throw new Error(`#VALUE! (${v})`);
}

function truthy(v: Value): boolean {
  return typeof v === 'string' ? v !== '' : Boolean(v);
}

function op(o: string, a: Value, b: Value): Value {
  if (o === '&') return `${a === null ? '' : typeof a === 'boolean' ? (a ? 'TRUE' : 'FALSE') : a}${b === null ? '' : typeof b === 'boolean' ? (b ? 'TRUE' : 'FALSE') : b}`;
  if (o in { '+': 1, '-': 1, '*': 1, '/': 1 }) {
    const x = num(a);
    const y = num(b);
    if (o === '/' && y === 0) throw new Error('#DIV/0!');
    return o === '+' ? x + y : o === '-' ? x - y : o === '*' ? x * y : x / y;
  }
  // comparisons: blank as the other side's empty value; text compared case-insensitively
  const l = a === null ? (typeof b === 'string' ? '' : 0) : a;
  const r = b === null ? (typeof a === 'string' ? '' : 0) : b;
  const cmp = typeof l === 'string' && typeof r === 'string' ? l.toLocaleLowerCase('vi').localeCompare(r.toLocaleLowerCase('vi')) : typeof l === typeof r ? (l < r ? -1 : l > r ? 1 : 0) : typeof l === 'string' ? 1 : -1;
  switch (o) {
    case '=':
      return cmp === 0;
    case '<>':
      return cmp !== 0;
    case '<':
      return cmp < 0;
    case '>':
      return cmp > 0;
    case '<=':
      return cmp <= 0;
    default:
      return cmp >= 0;
  }
}
