/**
 * A neutral description of sheets to write into the open workbook: cell values, formulas, number
 * formats, fills and a few layout touches. Builders (template, results, consolidation) produce a
 * `BookSpec`; a `Host` (office/host.ts) writes it — through Office.js in Excel, into memory in
 * tests. Nothing here knows about Excel APIs.
 */
import { formatA1 } from '@cchc-kpi/core';

/** Horizontal alignment of a cell. */
export type Horizontal = 'left' | 'center' | 'right';

/** What one cell receives. Absent fields are left as Excel's defaults. */
export interface CellSpec {
  /** A constant. `null` writes nothing (the cell keeps only its format). */
  value?: string | number | boolean | null;
  /** A formula without the leading `=` (takes precedence over `value`). */
  formula?: string;
  /** Number format code, e.g. `0.0%`, `dd/mm/yyyy`, `@`. */
  numFmt?: string;
  /** Fill colour as `#RRGGBB`. */
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  /** Font size in points. */
  size?: number;
  horizontal?: Horizontal;
  wrap?: boolean;
  /** `false` marks an input cell (unlocked when the sheet is protected). */
  locked?: boolean;
}

/** A data-validation rule (written only where ExcelApi 1.8 is available). */
export type ValidationSpec = (
  | { kind: 'wholeAtLeast'; min: number }
  | { kind: 'list'; source: string }
  | { kind: 'dateBetween'; from: number; to: number }
) & {
  promptTitle: string;
  prompt: string;
  errorTitle: string;
  error: string;
  /** Let the value through after a warning (else stop it). */
  warning?: boolean;
};

/** One sheet to write. Rows and columns are 1-based. */
export interface SheetSpec {
  name: string;
  /** Hidden sheets hold list sources and metadata. */
  hidden?: boolean;
  /** Cells keyed by row, then column. Use {@link setCell} to fill. */
  rows: Map<number, Map<number, CellSpec>>;
  /** Merged ranges as A1 (`A1:D1`); written where ExcelApi 1.2 is available. */
  merges: string[];
  /** Column widths in characters (index 0 = column A); written where ExcelApi 1.2 is available. */
  widths: number[];
  /** Rows (and columns) kept in view; written where ExcelApi 1.7 is available. */
  freeze?: { rows: number; columns: number };
  /** Protect the sheet without a password (inputs unlocked); where ExcelApi 1.2 is available. */
  protect?: boolean;
  validations: { range: string; rule: ValidationSpec }[];
}

/** A workbook-scoped defined name: `ref` is a range on `sheet` (`F12`, `A4:I203`). */
export interface NameSpec {
  name: string;
  sheet: string;
  ref: string;
}

/** Sheets and names to write, and the sheet to show afterwards. */
export interface BookSpec {
  sheets: SheetSpec[];
  names: NameSpec[];
  activate?: string;
}

/** An empty sheet spec. */
export function newSheet(name: string, options: { hidden?: boolean; widths?: number[] } = {}): SheetSpec {
  const sheet: SheetSpec = { name, rows: new Map(), merges: [], widths: options.widths ?? [], validations: [] };
  if (options.hidden) sheet.hidden = true;
  return sheet;
}

/** Sets (or merges into) the spec of one cell. */
export function setCell(sheet: SheetSpec, row: number, col: number, spec: CellSpec): void {
  let line = sheet.rows.get(row);
  if (!line) {
    line = new Map();
    sheet.rows.set(row, line);
  }
  line.set(col, { ...(line.get(col) ?? {}), ...spec });
}

/** The spec of one cell, if any. */
export function getCell(sheet: SheetSpec, row: number, col: number): CellSpec | undefined {
  return sheet.rows.get(row)?.get(col);
}

/** Merges a rectangle and writes the spec into its top-left cell. */
export function mergeCells(sheet: SheetSpec, row: number, fromCol: number, toRow: number, toCol: number, spec: CellSpec): void {
  sheet.merges.push(`${formatA1({ row, col: fromCol })}:${formatA1({ row: toRow, col: toCol })}`);
  setCell(sheet, row, fromCol, spec);
}

/** The extent of the cells a sheet spec writes (0 when empty). */
export function sheetExtent(sheet: SheetSpec): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const [row, line] of sheet.rows) {
    if (line.size === 0) continue;
    rows = Math.max(rows, row);
    for (const col of line.keys()) cols = Math.max(cols, col);
  }
  return { rows, cols };
}

/** Total number of cells a book spec writes (for progress and batching). */
export function countCells(book: BookSpec): number {
  let n = 0;
  for (const sheet of book.sheets) for (const line of sheet.rows.values()) n += line.size;
  return n;
}

/** `#RRGGBB` from an exceljs-style ARGB colour (`FFFFF9E0` → `#FFF9E0`). */
export function argbToHex(argb: string): string {
  return `#${argb.slice(-6).toUpperCase()}`;
}
