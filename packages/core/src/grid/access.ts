/**
 * Reading a Grid: sheets by name, cells by position, defined names resolved to cells and ranges,
 * and ranges read row by row. Pure lookups; nothing here interprets cell values.
 */
import type { Cell, Grid, Sheet } from './grid.ts';
import { formatA1, numberToColumn, parseSheetRef, type CellAddress, type RangeAddress } from './a1.ts';

/** Sheet or defined-name text compared as Excel does: NFC, case-insensitive (ASCII names, the usual case, skip NFC). */
function nameKey(name: string): string {
  return (ASCII.test(name) ? name : name.normalize('NFC')).toLowerCase();
}

const ASCII = /^[\x00-\x7f]*$/;

/** The sheet with this name (case-insensitive, as Excel treats sheet names), or null. */
export function getSheet(grid: Grid, name: string): Sheet | null {
  return grid.sheets[sheetIndexOf(grid, name)] ?? null;
}

/**
 * Lookup tables of a grid, built on first use: sheet index and defined names by `nameKey`.
 * Rebuilt when the grid's sheet or name arrays are replaced or change length (grids are data,
 * normally never changed once read).
 */
interface GridIndex {
  sheets: readonly Sheet[];
  sheetCount: number;
  names: Grid['definedNames'];
  nameCount: number;
  sheetByKey: Map<string, number>;
  namesByKey: Map<string, Grid['definedNames']>;
}

const indexes = new WeakMap<Grid, GridIndex>();

function gridIndex(grid: Grid): GridIndex {
  const cached = indexes.get(grid);
  if (
    cached !== undefined &&
    cached.sheets === grid.sheets &&
    cached.sheetCount === grid.sheets.length &&
    cached.names === grid.definedNames &&
    cached.nameCount === grid.definedNames.length
  ) {
    return cached;
  }
  const sheetByKey = new Map<string, number>();
  grid.sheets.forEach((s, i) => {
    const key = nameKey(s.name);
    if (!sheetByKey.has(key)) sheetByKey.set(key, i);
  });
  const namesByKey = new Map<string, Grid['definedNames']>();
  for (const d of grid.definedNames) {
    const key = nameKey(d.name);
    const list = namesByKey.get(key);
    if (list === undefined) namesByKey.set(key, [d]);
    else list.push(d);
  }
  const index: GridIndex = { sheets: grid.sheets, sheetCount: grid.sheets.length, names: grid.definedNames, nameCount: grid.definedNames.length, sheetByKey, namesByKey };
  indexes.set(grid, index);
  return index;
}

/** Index of the first sheet with this name (case-insensitive, NFC), or -1. */
function sheetIndexOf(grid: Grid, name: string): number {
  return gridIndex(grid).sheetByKey.get(nameKey(name)) ?? -1;
}

/** The cell at a 1-based row and column, or `undefined` when the grid holds none there. */
export function cellAt(sheet: Sheet, row: number, col: number): Cell | undefined {
  return sheet.cells.get(formatA1({ row, col }));
}

/** The cell at a position (`{ row, col }`), or `undefined`. */
export function cellAtAddress(sheet: Sheet, address: CellAddress): Cell | undefined {
  return cellAt(sheet, address.row, address.col);
}

/**
 * True when a cell holds nothing a person typed: absent, `null` value, or text that is empty or
 * only whitespace (incl. no-break spaces). A formula whose cached result is blank text is blank;
 * an error cell is not blank.
 */
export function isBlankCell(cell: Cell | undefined): boolean {
  if (cell === undefined) return true;
  if (cell.error) return false;
  if (cell.value === null) return cell.isoDate === undefined;
  return typeof cell.value === 'string' && !NOT_BLANK.test(cell.value);
}

/** A character that is not whitespace (incl. no-break and zero-width spaces). */
const NOT_BLANK = /[^\s\u00A0\u2007\u202F\u200B\uFEFF]/;

/**
 * A defined name resolved to its sheet.
 * - `sheet`/`sheetIndex`: the sheet the reference points to;
 * - `ref`: A1 of the top-left cell (relative, no `$`, no sheet), e.g. `F12` — the cell a
 *   single-cell name designates;
 * - `range`: the whole range (a one-cell range for a single cell), e.g. `A5:I204`.
 */
export interface ResolvedName {
  sheet: Sheet;
  sheetIndex: number;
  ref: string;
  range: RangeAddress;
}

/**
 * Resolves a defined name as Excel does: names compare case-insensitively; a workbook-scoped name
 * wins over sheet-local names of the same spelling; then the first sheet-local one that resolves.
 * References marked broken (`#REF!`), external, unions or naming a missing sheet are skipped.
 * A sheet-local name whose reference has no sheet part points into its own sheet.
 * Returns null when no usable definition exists.
 */
export function resolveName(grid: Grid, name: string): ResolvedName | null {
  const candidates = gridIndex(grid).namesByKey.get(nameKey(name)) ?? [];
  const ordered = [...candidates.filter((d) => d.localSheet === undefined), ...candidates.filter((d) => d.localSheet !== undefined)];
  for (const d of ordered) {
    const parsed = parseSheetRef(d.ref);
    if (!parsed) continue;
    let sheetIndex: number;
    if (parsed.sheet !== undefined) {
      sheetIndex = sheetIndexOf(grid, parsed.sheet);
    } else {
      sheetIndex = d.localSheet ?? -1;
    }
    const sheet = grid.sheets[sheetIndex];
    if (!sheet) continue;
    return { sheet, sheetIndex, ref: formatA1(parsed.range.start), range: parsed.range };
  }
  return null;
}

/** One row of a range: its 1-based row number, the cells left to right (`undefined` where none) and their A1 references. */
export interface RangeRow {
  row: number;
  cells: (Cell | undefined)[];
  refs: string[];
}

/**
 * Reads a range row by row, top to bottom. Rows and columns beyond the sheet's extent
 * (`maxRow`, `maxCol`) are not visited, so a whole-column range (`A:I`) costs only the used rows;
 * each row has one entry per column of the range up to `maxCol` (columns beyond it would be
 * empty anyway: index past the end reads `undefined`).
 */
export function readRangeRows(sheet: Sheet, range: RangeAddress): RangeRow[] {
  const lastRow = Math.min(range.end.row, sheet.maxRow);
  const lastCol = Math.min(range.end.col, Math.max(sheet.maxCol, range.start.col));
  const letters: string[] = [];
  for (let col = range.start.col; col <= lastCol; col += 1) letters.push(numberToColumn(col));
  const rows: RangeRow[] = [];
  for (let row = range.start.row; row <= lastRow; row += 1) {
    const cells: (Cell | undefined)[] = [];
    const refs: string[] = [];
    for (const column of letters) {
      const ref = column + row;
      refs.push(ref);
      cells.push(sheet.cells.get(ref));
    }
    rows.push({ row, cells, refs });
  }
  return rows;
}
