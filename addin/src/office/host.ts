/**
 * The one interface through which the add-in touches the open workbook. `OfficeJsHost`
 * (officejs-host.ts) implements it with Office.js in Excel; `MemoryHost` (memory-host.ts) with an
 * in-memory workbook for tests. Actions (src/actions/) only ever see a `Host`.
 */
import type { BookModel, Grid } from '@cchc-kpi/core';

/**
 * What the running Excel supports, from `Office.context.requirements.isSetSupported('ExcelApi', …)`.
 * The core (read values, write values, formulas and fills) needs only ExcelApi 1.1; everything
 * below is added where available.
 */
export interface Capabilities {
  /** Highest ExcelApi 1.x version supported (`'1.1'` … `'1.20'`). */
  apiVersion: string;
  /** 1.2: merges, column widths, row heights, hidden sheets, cell locking and sheet protection. */
  format: boolean;
  /** 1.4: adding and deleting defined names; `…OrNullObject` lookups. */
  names: boolean;
  /** 1.6: conditional formats (problem cells highlighted without touching their fill). */
  conditionalFormats: boolean;
  /** 1.7: frozen panes; a defined name's `formula`. */
  freeze: boolean;
  /** 1.7: the colour of a sheet's tab. */
  tabColor: boolean;
  /** 1.8: data validation (drop-downs, whole numbers, dates); hiding gridlines. */
  validation: boolean;
  /** 1.9: page layout: A4, orientation, scale or fit to pages, margins, print titles, footer, page breaks. */
  pageLayout: boolean;
}

/** ExcelApi minor versions probed, newest first. */
export const PROBED_VERSIONS = [20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1] as const;

/**
 * Capabilities from an `isSetSupported`-style probe. `probe('ExcelApi', '1.4')` must answer
 * whether ExcelApi 1.4 is supported. A host that supports nothing still reports `1.1` as the floor
 * the manifest requires.
 */
export function detectCapabilities(probe: (name: string, version: string) => boolean): Capabilities {
  let minor = 1;
  for (const v of PROBED_VERSIONS) {
    if (probe('ExcelApi', `1.${v}`)) {
      minor = v;
      break;
    }
  }
  return capabilitiesFor(minor);
}

/** The capabilities of ExcelApi `1.<minor>`. */
export function capabilitiesFor(minor: number): Capabilities {
  return {
    apiVersion: `1.${minor}`,
    format: minor >= 2,
    names: minor >= 4,
    conditionalFormats: minor >= 6,
    freeze: minor >= 7,
    tabColor: minor >= 7,
    validation: minor >= 8,
    pageLayout: minor >= 9,
  };
}

/** A cell on a sheet: `{ sheet: 'Báo cáo', cell: 'F12' }`. */
export interface CellLocation {
  sheet: string;
  cell: string;
}

/** Options of `Host.writeBook`. */
export interface WriteOptions {
  /** Replace sheets that already exist (else `SheetsExistError`). */
  replace?: boolean;
  /** Rows written per block (default 200). */
  blockRows?: number;
  /** Called after each block with cells written so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** What a write did: the features left out because this Excel lacks them, and the syncs used. */
export interface WriteResult {
  sheets: string[];
  cells: number;
  /** Round trips to Excel (`context.sync()`); the memory host counts blocks. */
  syncs: number;
  /** Features not written (`names`, `validation`, `merges`, `widths`, `heights`, `hidden`, `protection`, `freeze`, `pageLayout`). */
  skipped: string[];
}

/** The sheets asked for already exist and `replace` was not set. */
export class SheetsExistError extends Error {
  readonly sheets: string[];
  constructor(sheets: string[]) {
    super(`Sheets already exist: ${sheets.join(', ')}`);
    this.name = 'SheetsExistError';
    this.sheets = sheets;
  }
}

/** How problem cells are shown: a fill colour (ExcelApi 1.1) or a conditional format (1.6). */
export type HighlightMode = 'fill' | 'conditionalFormat';

/** Access to the open workbook. Every method is one or a few batched Office.js round trips. */
export interface Host {
  readonly capabilities: Capabilities;
  /** Sheet names in tab order. */
  sheetNames(): Promise<string[]>;
  /**
   * The workbook as a neutral Grid: each sheet's used range read in blocks of rows (values,
   * formulas, number formats, error flags), workbook-scoped defined names, sheet visibility.
   */
  readGrid(options?: { blockRows?: number }): Promise<Grid>;
  /**
   * Writes a workbook model's sheets (values, formulas, number formats, fills, fonts, borders;
   * more where supported) and names. Formulas are written without results: Excel computes them.
   */
  writeBook(book: BookModel, options?: WriteOptions): Promise<WriteResult>;
  /** Activates the sheet and selects the cell. */
  select(location: CellLocation): Promise<void>;
  /** Marks cells (fill on ExcelApi 1.1, conditional format where 1.6 exists); returns the mode used. */
  highlight(cells: CellLocation[], color: string): Promise<HighlightMode>;
  /** Removes the marks this host added (fills restored); returns how many cells were cleared. */
  clearHighlights(): Promise<number>;
}

/** Distinct locations, in first-seen order. */
export function distinctLocations(cells: CellLocation[]): CellLocation[] {
  const seen = new Set<string>();
  const out: CellLocation[] = [];
  for (const c of cells) {
    const key = `${c.sheet}\u0000${c.cell.toUpperCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ sheet: c.sheet, cell: c.cell.toUpperCase() });
  }
  return out;
}
