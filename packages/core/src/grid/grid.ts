/**
 * The neutral cell grid every input is turned into before the domain reads it: the OOXML reader
 * (packages/xlsx) for files, an Office.js adapter for the open workbook. Nothing here knows
 * about files or Excel APIs.
 */

/** A cell's value after the adapter decoded the storage type. Dates stay serial numbers here. */
export type CellValue = string | number | boolean | null;

export interface Cell {
  /**
   * The value: for a formula cell, its cached result (`null` when the file has none).
   * Strings are as stored (not yet NFC-normalised or legacy-decoded).
   */
  value: CellValue;
  /** Formula text without the leading `=`, when the cell holds one. */
  formula?: string;
  /** Number format code (e.g. `0.0%`, `dd/mm/yyyy`), when not `General`. */
  numFmt?: string;
  /** Font name (e.g. `.VnTime`, `VNI-Times`), when known. */
  font?: string;
  /** `true` when the cell is an error value such as `#DIV/0!` (then `value` holds its text). */
  error?: boolean;
  /** ISO 8601 date text when the file stored the cell as a date (`t="d"`). */
  isoDate?: string;
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface Sheet {
  name: string;
  state: SheetState;
  /** Cells keyed by A1 reference (`"F12"`). A `Map`, so cell text can never reach an object prototype. */
  cells: Map<string, Cell>;
  /** Merged ranges as A1 ranges (`"A1:G1"`). */
  merges: string[];
  /** 1-based extent of the cells present (0 when empty). */
  maxRow: number;
  maxCol: number;
}

export interface DefinedName {
  name: string;
  /** The reference as written, e.g. `'Báo cáo'!$F$12` or `Danh_muc!$A$2:$A$20`. */
  ref: string;
  /** Index into `Grid.sheets` when the name is local to a sheet. */
  localSheet?: number;
}

export interface Grid {
  sheets: Sheet[];
  definedNames: DefinedName[];
  /** Workbook uses the 1904 date system (LibreOffice and old Mac Excel may write this). */
  date1904: boolean;
}
