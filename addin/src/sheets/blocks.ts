/**
 * Turning a `SheetSpec` into few, large Office.js operations: row blocks of values/formulas and
 * number formats (one 2-D array each), and rectangles of cells sharing a style (one format
 * assignment per rectangle instead of one per cell).
 */
import { formatA1, numberToColumn } from '@cchc-kpi/core';
import type { CellSpec, SheetSpec } from './book.ts';

/** The style part of a cell spec (what format operations set). */
export type StyleKey = Pick<CellSpec, 'fill' | 'bold' | 'italic' | 'size' | 'horizontal' | 'wrap' | 'locked'>;

/** A rectangle of cells with one style. */
export interface StyleRect {
  /** A1 range, e.g. `A4:I203`. */
  range: string;
  style: StyleKey;
}

function styleOf(c: CellSpec): StyleKey | null {
  const s: StyleKey = {};
  if (c.fill !== undefined) s.fill = c.fill;
  if (c.bold) s.bold = true;
  if (c.italic) s.italic = true;
  if (c.size !== undefined) s.size = c.size;
  if (c.horizontal !== undefined) s.horizontal = c.horizontal;
  if (c.wrap) s.wrap = true;
  if (c.locked === false) s.locked = false;
  return Object.keys(s).length ? s : null;
}

function keyOf(s: StyleKey): string {
  return JSON.stringify([s.fill, s.bold, s.italic, s.size, s.horizontal, s.wrap, s.locked]);
}

/**
 * Style rectangles of rows `fromRow`…`toRow`: horizontal runs of adjacent cells with the same
 * style, then runs spanning the same columns on consecutive rows merged into one rectangle.
 */
export function styleRects(sheet: SheetSpec, fromRow: number, toRow: number): StyleRect[] {
  interface Open {
    fromCol: number;
    toCol: number;
    fromRow: number;
    toRow: number;
    style: StyleKey;
    key: string;
  }
  const done: Open[] = [];
  let previous = new Map<string, Open>();
  for (let row = fromRow; row <= toRow; row++) {
    const line = sheet.rows.get(row);
    const runs: Open[] = [];
    if (line) {
      const cols = [...line.keys()].sort((a, b) => a - b);
      for (const col of cols) {
        const cell = line.get(col);
        const style = cell ? styleOf(cell) : null;
        if (!style) continue;
        const key = keyOf(style);
        const last = runs[runs.length - 1];
        if (last && last.key === key && last.toCol === col - 1) last.toCol = col;
        else runs.push({ fromCol: col, toCol: col, fromRow: row, toRow: row, style, key });
      }
    }
    const current = new Map<string, Open>();
    for (const run of runs) {
      const id = `${run.fromCol}:${run.toCol}:${run.key}`;
      const above = previous.get(id);
      if (above && above.toRow === row - 1) {
        above.toRow = row;
        current.set(id, above);
      } else current.set(id, run);
    }
    for (const [id, open] of previous) if (current.get(id) !== open) done.push(open);
    previous = current;
  }
  done.push(...previous.values());
  return done
    .sort((a, b) => a.fromRow - b.fromRow || a.fromCol - b.fromCol)
    .map((o) => ({ range: rangeA1(o.fromRow, o.fromCol, o.toRow, o.toCol), style: o.style }));
}

/** `A1` or `A1:C3`. */
export function rangeA1(fromRow: number, fromCol: number, toRow: number, toCol: number): string {
  const a = formatA1({ row: fromRow, col: fromCol });
  const b = formatA1({ row: toRow, col: toCol });
  return a === b ? a : `${a}:${b}`;
}

/**
 * A constant as Office.js should receive it in a `formulas` array. Text Excel would otherwise
 * turn into something else — a number (`18070`, `(1)`), a date (`14/6/2021`), a boolean or a
 * formula (`=…`, `+…`, `-…`, `@…`) — gets the leading apostrophe that keeps it text, as typing would.
 */
export function constantFor(value: string | number | boolean | null | undefined): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return value;
  if (value === '') return '';
  if (/^[=+\-@'(]/.test(value) || /^\s*[\d.,$%]/.test(value) || /^(true|false)$/i.test(value.trim())) return `'${value}`;
  return value;
}

/** One row block: the A1 range and its 2-D arrays (formulas/constants, number formats or null when the block has none). */
export interface RowBlock {
  range: string;
  formulas: (string | number | boolean)[][];
  numberFormat: string[][] | null;
  cells: number;
}

/** Splits a sheet spec into blocks of `blockRows` rows spanning columns A…last used column. */
export function rowBlocks(sheet: SheetSpec, rows: number, cols: number, blockRows: number): RowBlock[] {
  const blocks: RowBlock[] = [];
  for (let from = 1; from <= rows; from += blockRows) {
    const to = Math.min(rows, from + blockRows - 1);
    const formulas: (string | number | boolean)[][] = [];
    const formats: string[][] = [];
    let anyFormat = false;
    let cells = 0;
    for (let row = from; row <= to; row++) {
      const line = sheet.rows.get(row);
      const f: (string | number | boolean)[] = [];
      const n: string[] = [];
      for (let col = 1; col <= cols; col++) {
        const c = line?.get(col);
        if (c) cells += 1;
        f.push(c?.formula !== undefined ? `=${c.formula}` : constantFor(c?.value));
        if (c?.numFmt !== undefined) anyFormat = true;
        n.push(c?.numFmt ?? 'General');
      }
      formulas.push(f);
      formats.push(n);
    }
    blocks.push({ range: `A${from}:${numberToColumn(cols)}${to}`, formulas, numberFormat: anyFormat ? formats : null, cells });
  }
  return blocks;
}
