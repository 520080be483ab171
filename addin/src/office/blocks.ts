/**
 * Turning the rows of a workbook model (`@cchc-kpi/core` `BookModel`) into few, large Office.js
 * operations: blocks of rows with one 2-D array of values/formulas and one of number formats,
 * and rectangles of cells sharing a look (one format assignment per rectangle instead of one per
 * cell). Shared by the Office.js host and the in-memory test host.
 */
import { formatRange, numberToColumn, type BookModel, type CellModel, type RowModel, type StyleModel } from '@cchc-kpi/core';

/** The look of a cell as Office.js sets it: `#RRGGBB` fill; only what differs from the defaults (Times New Roman 12, middle, not wrapped, locked). */
export interface OfficeStyle {
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  horizontal?: 'left' | 'center' | 'right' | 'justify';
  vertical?: 'top' | 'bottom';
  wrap?: boolean;
  locked?: boolean;
  border?: 'all' | 'bottom';
}

/** `#RRGGBB` from an ARGB colour (`FFFFF9E0` → `#FFF9E0`). */
export function argbToHex(argb: string): string {
  return `#${argb.slice(-6).toUpperCase()}`;
}

/** The Office.js look of a model style, or null when it has nothing to set (the model wraps text unless it says not to). */
export function officeStyle(style: StyleModel): OfficeStyle | null {
  const s: OfficeStyle = {};
  if (style.fill !== undefined) s.fill = argbToHex(style.fill);
  if (style.bold) s.bold = true;
  if (style.italic) s.italic = true;
  if (style.size !== undefined) s.size = style.size;
  if (style.horizontal !== undefined) s.horizontal = style.horizontal;
  if (style.vertical === 'top' || style.vertical === 'bottom') s.vertical = style.vertical;
  if (style.wrap !== false) s.wrap = true;
  if (style.locked === false) s.locked = false;
  if (style.border !== undefined) s.border = style.border;
  return Object.keys(s).length ? s : null;
}

/** A rectangle of cells with one look. */
export interface StyleRect {
  /** A1 range, e.g. `A4:I203`. */
  range: string;
  style: OfficeStyle;
}

/** `A1` or `A1:C3` (core's `formatRange`). */
export function rangeA1(fromRow: number, fromCol: number, toRow: number, toCol: number): string {
  return formatRange({ start: { row: fromRow, col: fromCol }, end: { row: toRow, col: toCol } });
}

/**
 * Style rectangles of `rows`: horizontal runs of adjacent cells with the same style, then runs
 * spanning the same columns on consecutive rows merged into one rectangle.
 */
export function styleRects(rows: readonly RowModel[], styles: ReadonlyMap<string, StyleModel>): StyleRect[] {
  interface Open {
    fromCol: number;
    toCol: number;
    fromRow: number;
    toRow: number;
    style: OfficeStyle;
    key: string;
  }
  const done: Open[] = [];
  let previous = new Map<string, Open>();
  for (const line of rows) {
    const row = line.row;
    const runs: Open[] = [];
    for (const cell of line.cells) {
      const style = cell.style ? officeStyle(styles.get(cell.style) ?? {}) : null;
      if (!style) continue;
      const key = cell.style ?? '';
      const last = runs[runs.length - 1];
      if (last && last.key === key && last.toCol === cell.col - 1) last.toCol = cell.col;
      else runs.push({ fromCol: cell.col, toCol: cell.col, fromRow: row, toRow: row, style, key });
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
  return done.sort((a, b) => a.fromRow - b.fromRow || a.fromCol - b.fromCol).map((o) => ({ range: rangeA1(o.fromRow, o.fromCol, o.toRow, o.toCol), style: o.style }));
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

/** What Office.js writes into a cell: `=formula` or the constant (rich text as its plain text; no cached result exists in Office.js). */
export function officeInput(cell: CellModel): string | number | boolean {
  return cell.formula !== undefined ? `=${cell.formula}` : constantFor(cell.value);
}

/** One block of rows: the A1 range, its 2-D arrays (formulas/constants, number formats or null when it has none) and its rows. */
export interface RowBlock {
  from: number;
  to: number;
  range: string;
  formulas: (string | number | boolean)[][];
  numberFormat: string[][] | null;
  cells: number;
  rows: RowModel[];
}

function toBlock(rows: RowModel[], from: number, to: number, styles: ReadonlyMap<string, StyleModel>): RowBlock {
  const cols = Math.max(1, ...rows.flatMap((r) => r.cells.map((c) => c.col)));
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const formulas: (string | number | boolean)[][] = [];
  const formats: string[][] = [];
  let anyFormat = false;
  let cells = 0;
  for (let row = from; row <= to; row++) {
    const line = new Map((byRow.get(row)?.cells ?? []).map((c) => [c.col, c]));
    const f: (string | number | boolean)[] = [];
    const n: string[] = [];
    for (let col = 1; col <= cols; col++) {
      const c = line.get(col);
      if (c) cells += 1;
      f.push(c ? officeInput(c) : '');
      const numFmt = c?.style ? styles.get(c.style)?.numFmt : undefined;
      if (numFmt !== undefined) anyFormat = true;
      n.push(numFmt ?? 'General');
    }
    formulas.push(f);
    formats.push(n);
  }
  return { from, to, range: `A${from}:${numberToColumn(cols)}${to}`, formulas, numberFormat: anyFormat ? formats : null, cells, rows };
}

/**
 * The rows of a sheet in blocks of `blockRows` row numbers (1–200, 201–400…), each spanning
 * columns A… its last used column; rows are taken from the iterable as the blocks are written.
 */
export function* rowBlocks(rows: Iterable<RowModel>, blockRows: number, styles: ReadonlyMap<string, StyleModel>): Generator<RowBlock> {
  let pending: RowModel[] = [];
  let window = 0;
  for (const row of rows) {
    const w = Math.floor((row.row - 1) / blockRows);
    if (pending.length > 0 && w !== window) {
      const from = Math.max(window * blockRows + 1, pending[0]?.row ?? 1);
      yield toBlock(pending, from, pending[pending.length - 1]?.row ?? from, styles);
      pending = [];
    }
    window = w;
    pending.push(row);
  }
  if (pending.length > 0) yield toBlock(pending, pending[0]?.row ?? 1, pending[pending.length - 1]?.row ?? 1, styles);
}

/** Total number of cells a book writes (for progress): every sheet's rows are produced once to count them. */
export function countCells(book: BookModel): number {
  let n = 0;
  for (const sheet of book.sheets) for (const row of sheet.rows()) n += row.cells.length;
  return n;
}

/** Consecutive rows of one height, as Office.js sets them (`5:9` → 24 points). */
export function heightRuns(rows: readonly RowModel[]): Array<{ from: number; to: number; height: number }> {
  const runs: Array<{ from: number; to: number; height: number }> = [];
  for (const r of rows) {
    if (r.height === undefined) continue;
    const last = runs[runs.length - 1];
    if (last && last.to === r.row - 1 && last.height === r.height) last.to = r.row;
    else runs.push({ from: r.row, to: r.row, height: r.height });
  }
  return runs;
}
