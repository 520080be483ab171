/**
 * A workbook as plain data (JSON-like, no exceljs, no Office.js, no Node): what core's builders
 * produce and what every renderer (exceljs in memory or streaming, Office.js, the add-in's test
 * host) writes. Rows and columns are 1-based; A1 references are relative (`F12`, `A4:I203`).
 *
 * Rows are produced lazily, sheet by sheet (`SheetModel.rows()`), so a renderer can write a
 * 10,000-unit workbook row after row without holding every cell in memory. A formula carries the
 * result core computed (`result`), never one recomputed from the cells written.
 */

/** A constant a cell can hold. Dates are Excel serials (numbers) with a date number format. */
export type Scalar = string | number | boolean;

/** One run of rich text (a cell whose text has two looks). Font fields absent = the cell's style. */
export interface RichRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  size?: number;
  /** ARGB, e.g. `FF404040`. */
  color?: string;
}

/** One cell: a constant, or a formula with its cached result; styled by name (see `BookModel.styles`). */
export interface CellModel {
  /** Column (1-based). */
  col: number;
  /** A constant; absent or null = a blank cell that still carries its style. */
  value?: Scalar | null;
  /** A formula without the leading `=` (takes precedence over `value`). */
  formula?: string;
  /** The formula's result as core computed it (`''` = an empty text result). */
  result?: Scalar;
  /** Rich text; `value` then holds the plain text (the runs joined). */
  rich?: readonly RichRun[];
  /** A name of `BookModel.styles`. */
  style?: string;
}

/** A merged range starting on the row it is listed with: `toRow`/`toCol` inclusive. */
export interface MergeModel {
  fromCol: number;
  toRow: number;
  toCol: number;
}

/** One row of a sheet. */
export interface RowModel {
  /** Row number (1-based); rows come in increasing order. */
  row: number;
  /** Height in points; absent = the spreadsheet's default. */
  height?: number;
  /** Cells in increasing column order. */
  cells: readonly CellModel[];
  /** Ranges merged from this row (their top-left cell is on it); every cell takes the top-left cell's style. */
  merges?: readonly MergeModel[];
  /** A manual page break after this row (keeps the next block together on a new page). */
  breakAfter?: boolean;
}

/**
 * A column's width, in digits of 7 pixels (Excel's usual unit: a width of 10 is 70 pixels, about
 * 18.5 mm), and the style of its empty cells.
 */
export interface ColumnModel {
  width: number;
  style?: string;
}

/** A data-validation rule on a range (`F12`, `C4:C203`). */
export interface ValidationModel {
  range: string;
  rule: { kind: 'wholeAtLeast'; min: number } | { kind: 'list'; source: string } | { kind: 'dateBetween'; from: number; to: number };
  promptTitle: string;
  prompt: string;
  errorTitle: string;
  error: string;
  /** `warning`: the value may be kept after a warning; `stop`: it is refused. */
  errorStyle: 'stop' | 'warning';
}

/** Print setup: A4 always. */
export interface PrintModel {
  orientation: 'portrait' | 'landscape';
  /** Fit to pages (0 = as many as needed), or a fixed scale in percent. */
  fit: { width: number; height: number } | { scale: number };
  /** Rows repeated at the top of every page, `[from, to]`. */
  titleRows?: readonly [number, number];
  /** Columns repeated at the left of every page, `[from, to]`. */
  titleColumns?: readonly [number, number];
  /** Margins in inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  horizontalCentered: boolean;
  /** Header and footer in Excel's `&`-code syntax (`&C&P`); literal `&` written `&&`. */
  header?: string;
  footer?: string;
  /** A different (empty) header and footer on the first page. */
  differentFirst?: boolean;
  /** `A1:X50`; absent = the used range. */
  area?: string;
}

/** One sheet. */
export interface SheetModel {
  name: string;
  hidden?: boolean;
  /** ARGB of the tab. */
  tabColor?: string;
  /** Columns A, B, C… in order. */
  columns: readonly ColumnModel[];
  /** Rows and columns kept in view; `topLeft` = first cell of the scrolling pane. */
  freeze?: { rows: number; columns: number };
  /** The cell selected when the sheet opens. */
  activeCell?: string;
  gridlines: boolean;
  /** Protected without a password; unlocked cells stay editable, columns and rows can be resized. */
  protect?: boolean;
  validations: readonly ValidationModel[];
  /** Absent: the spreadsheet's defaults (hidden list sheets). */
  print?: PrintModel;
  /** The rows, produced when iterated (each call starts again from the first row). */
  rows(): Iterable<RowModel>;
}

/** A workbook-scoped defined name on a range of a sheet. */
export interface DefinedNameModel {
  name: string;
  sheet: string;
  /** Relative A1 range on `sheet` (`F12`, `A2:A14`); renderers make it absolute. */
  ref: string;
}

/** The look of a cell: font, fill, border, number format, alignment, protection. */
export interface StyleModel {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points (default {@link FONT.size}). */
  size?: number;
  /** Fill ARGB (`FFDDEBF7`). */
  fill?: string;
  /** Thin lines on every side, or only a thin bottom line (a rule under a heading). */
  border?: 'all' | 'bottom';
  numFmt?: string;
  horizontal?: 'left' | 'center' | 'right' | 'justify';
  /** Default `middle`. */
  vertical?: 'top' | 'middle' | 'bottom';
  /** Wrap text (default true). */
  wrap?: boolean;
  /** `false`: an input cell, editable on a protected sheet. Default locked. */
  locked?: boolean;
}

/** The font of every workbook we write: Times New Roman, the face of Vietnamese administrative documents. */
export const FONT = { name: 'Times New Roman', size: 12 } as const;

/** A workbook. */
export interface BookModel {
  /** Document title (properties). */
  title: string;
  /** ISO date stored as the created/modified date and on the zip entries. */
  createdOn: string;
  /** Sheets in tab order. */
  sheets: readonly SheetModel[];
  names: readonly DefinedNameModel[];
  /**
   * Styles by name. Builders register styles as they produce rows: a name is present by the time
   * a row using it has been yielded.
   */
  styles: ReadonlyMap<string, StyleModel>;
  /** The sheet shown when the workbook opens (default the first). */
  activeSheet?: string;
}
