/**
 * A small formula evaluator for the formulas units type in their tables, used when a formula has
 * no cached result (file never recalculated) and to notice a stale cached result: numbers, cell
 * references of the same sheet (`E12`, `$E$12`), `+ - * /`, unary minus, a trailing `%`,
 * parentheses and `SUM(…)` over references, ranges and expressions. Anything else (other
 * functions, references to other sheets or workbooks, text) is not evaluated.
 */
import { parseA1, parseRange, type CellAddress, type RangeAddress } from '../../grid/a1.ts';

/** What the evaluator needs from the sheet. */
export interface FormulaSheet {
  /**
   * The number in a cell: its value or cached result, or, for a formula without one, its
   * evaluation (the callback may recurse, with its own cycle guard). `null` for a blank cell
   * (counts as 0, as in Excel); `undefined` for anything that is not a number (text, errors).
   */
  numberAt(address: CellAddress): number | null | undefined;
  /** The sum of the numbers in a range (blank and text cells ignored, as Excel's SUM does); `undefined` when it cannot be computed. */
  sumRange(range: RangeAddress): number | undefined;
}

type Token = { kind: 'num'; value: number } | { kind: 'ref'; text: string } | { kind: 'op'; text: string } | { kind: 'fn'; name: string };

function tokenize(formula: string): Token[] | null {
  const tokens: Token[] = [];
  const s = formula.trim().replace(/^=/, '');
  let i = 0;
  while (i < s.length) {
    const ch = s[i] ?? '';
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const rest = s.slice(i);
    const num = /^(\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest);
    if (num && !/^\d+[A-Za-z$]/.test(rest.slice(0, num[0].length + 1))) {
      tokens.push({ kind: 'num', value: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const fn = /^([A-Za-z][A-Za-z0-9.]*)\s*\(/.exec(rest);
    if (fn?.[1]) {
      tokens.push({ kind: 'fn', name: fn[1].toUpperCase() });
      i += fn[0].length;
      continue;
    }
    const ref = /^\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/.exec(rest);
    if (ref) {
      tokens.push({ kind: 'ref', text: ref[0] });
      i += ref[0].length;
      continue;
    }
    if ('+-*/(),;%'.includes(ch)) {
      tokens.push({ kind: 'op', text: ch });
      i += 1;
      continue;
    }
    return null;
  }
  return tokens;
}

/**
 * Evaluates a formula (text without or with the leading `=`) against `sheet`. Returns the number,
 * or null when the formula uses anything outside the supported subset, divides by zero,
 * references a non-number, or is malformed.
 * Examples: `E12/D12*100` → 95 (E12 = 190, D12 = 200); `SUM(D8:D10)`; `(E5+E6)/2`; `-D4%`.
 */
export function evaluateFormula(formula: string, sheet: FormulaSheet): number | null {
  const tokens = tokenize(formula);
  if (!tokens || tokens.length === 0) return null;
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isOp = (t: Token | undefined, text: string): boolean => t?.kind === 'op' && t.text === text;

  const primary = (): number | undefined => {
    const t = peek();
    if (!t) return undefined;
    if (t.kind === 'num') {
      pos += 1;
      return t.value;
    }
    if (t.kind === 'ref') {
      pos += 1;
      if (t.text.includes(':')) return undefined;
      const at = parseA1(t.text);
      if (!at) return undefined;
      const n = sheet.numberAt(at);
      return n === null ? 0 : n;
    }
    if (t.kind === 'fn') {
      pos += 1;
      if (t.name !== 'SUM') return undefined;
      let total = 0;
      if (isOp(peek(), ')')) {
        pos += 1;
        return 0;
      }
      for (;;) {
        const arg = peek();
        if (arg?.kind === 'ref' && arg.text.includes(':')) {
          pos += 1;
          const range = parseRange(arg.text);
          const sum = range ? sheet.sumRange(range) : undefined;
          if (sum === undefined) return undefined;
          total += sum;
        } else {
          const v = expression();
          if (v === undefined) return undefined;
          total += v;
        }
        if (isOp(peek(), ',') || isOp(peek(), ';')) {
          pos += 1;
          continue;
        }
        if (isOp(peek(), ')')) {
          pos += 1;
          return total;
        }
        return undefined;
      }
    }
    if (isOp(t, '(')) {
      pos += 1;
      const v = expression();
      if (!isOp(peek(), ')')) return undefined;
      pos += 1;
      return v;
    }
    return undefined;
  };

  const unary = (): number | undefined => {
    if (isOp(peek(), '-')) {
      pos += 1;
      const v = unary();
      return v === undefined ? undefined : -v;
    }
    if (isOp(peek(), '+')) {
      pos += 1;
      return unary();
    }
    let v = primary();
    while (v !== undefined && isOp(peek(), '%')) {
      pos += 1;
      v /= 100;
    }
    return v;
  };

  const term = (): number | undefined => {
    let v = unary();
    while (v !== undefined && (isOp(peek(), '*') || isOp(peek(), '/'))) {
      const op = (peek() as { text: string }).text;
      pos += 1;
      const r = unary();
      if (r === undefined) return undefined;
      if (op === '/') {
        if (r === 0) return undefined;
        v /= r;
      } else v *= r;
    }
    return v;
  };

  function expression(): number | undefined {
    let v = term();
    while (v !== undefined && (isOp(peek(), '+') || isOp(peek(), '-'))) {
      const op = (peek() as { text: string }).text;
      pos += 1;
      const r = term();
      if (r === undefined) return undefined;
      v = op === '+' ? v + r : v - r;
    }
    return v;
  }

  const value = expression();
  if (value === undefined || pos !== tokens.length || !Number.isFinite(value)) return null;
  return value;
}
