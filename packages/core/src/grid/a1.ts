/**
 * A1 references: column letters ↔ numbers, cells (`F12`, `$F$12`), ranges (`A5:I204`, `A:A`,
 * `5:5`) and sheet-qualified references as Excel writes them in defined names
 * (`'Báo cáo'!$F$12`, `Sheet1!A1:B2`, quotes doubled inside quoted names).
 * Rows and columns are 1-based; the limits are Excel 2007+'s (1 048 576 rows × 16 384 columns, `XFD`).
 * Parsers return `null` for anything they cannot read (never throw).
 */

/** Last row of an Excel 2007+ sheet. */
export const MAX_ROW = 1_048_576;
/** Last column of an Excel 2007+ sheet (`XFD`). */
export const MAX_COL = 16_384;

/** A cell position: 1-based row and column numbers (`F12` → `{ row: 12, col: 6 }`). */
export interface CellAddress {
  row: number;
  col: number;
}

/** A rectangular range, normalised so that `start` is the top-left and `end` the bottom-right cell. */
export interface RangeAddress {
  start: CellAddress;
  end: CellAddress;
}

/** A range with the sheet it names, if any (`sheet` is unquoted: `'Báo cáo'` → `Báo cáo`). */
export interface SheetRange {
  sheet?: string;
  range: RangeAddress;
}

/**
 * Column letters to a 1-based number: `A` → 1, `Z` → 26, `AA` → 27, `XFD` → 16384.
 * Case-insensitive. Returns null for empty text, non-letters or a column beyond `XFD`.
 */
export function columnToNumber(letters: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= MAX_COL ? n : null;
}

/**
 * A 1-based column number to letters: 1 → `A`, 27 → `AA`, 16384 → `XFD`.
 * Returns `''` for anything that is not a positive integer.
 */
export function numberToColumn(col: number): string {
  if (!Number.isInteger(col) || col < 1) return '';
  let letters = '';
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = (n - 1 - rem) / 26;
  }
  return letters;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COL_RE = /^\$?([A-Za-z]{1,3})$/;
const ROW_RE = /^\$?([0-9]{1,7})$/;

function rowNumber(digits: string): number | null {
  const n = Number(digits);
  return n >= 1 && n <= MAX_ROW ? n : null;
}

/**
 * Parses one cell reference: `F12`, `$F$12`, `f12` → `{ row: 12, col: 6 }`.
 * Returns null for ranges, sheet-qualified text, row 0 or positions beyond the sheet limits.
 */
export function parseA1(ref: string): CellAddress | null {
  const m = CELL_RE.exec(ref.trim());
  if (!m?.[1] || !m[2]) return null;
  const col = columnToNumber(m[1]);
  const row = rowNumber(m[2]);
  return col !== null && row !== null ? { row, col } : null;
}

/** Formats a cell position as a relative A1 reference: `{ row: 12, col: 6 }` → `F12`. */
export function formatA1(address: CellAddress): string {
  return `${numberToColumn(address.col)}${address.row}`;
}

/** One side of a range: a cell, a whole column (`A`) or a whole row (`5`). */
type Side = { kind: 'cell'; at: CellAddress } | { kind: 'col'; col: number } | { kind: 'row'; row: number };

function parseSide(text: string): Side | null {
  const cell = parseA1(text);
  if (cell) return { kind: 'cell', at: cell };
  const c = COL_RE.exec(text);
  if (c?.[1]) {
    const col = columnToNumber(c[1]);
    return col === null ? null : { kind: 'col', col };
  }
  const r = ROW_RE.exec(text);
  if (r?.[1]) {
    const row = rowNumber(r[1]);
    return row === null ? null : { kind: 'row', row };
  }
  return null;
}

function normalise(a: CellAddress, b: CellAddress): RangeAddress {
  return {
    start: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) },
    end: { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) },
  };
}

/**
 * Parses a range without a sheet: `A5:I204`, `$A$5:$I$204`, `I204:A5` (normalised to `A5:I204`),
 * a single cell `F12` (a one-cell range), whole columns `A:C` (rows 1…1 048 576) and whole
 * rows `5:7` (columns 1…16 384). Returns null for anything else.
 */
export function parseRange(ref: string): RangeAddress | null {
  const parts = ref.trim().split(':');
  if (parts.length === 1) {
    const cell = parseA1(parts[0] ?? '');
    return cell ? { start: cell, end: { ...cell } } : null;
  }
  if (parts.length !== 2) return null;
  const a = parseSide(parts[0] ?? '');
  const b = parseSide(parts[1] ?? '');
  if (!a || !b) return null;
  if (a.kind === 'cell' && b.kind === 'cell') return normalise(a.at, b.at);
  if (a.kind === 'col' && b.kind === 'col') return normalise({ row: 1, col: a.col }, { row: MAX_ROW, col: b.col });
  if (a.kind === 'row' && b.kind === 'row') return normalise({ row: a.row, col: 1 }, { row: b.row, col: MAX_COL });
  return null;
}

/** Formats a range as relative A1 text: `A5:I204`, or `F12` when it is a single cell. */
export function formatRange(range: RangeAddress): string {
  const start = formatA1(range.start);
  const end = formatA1(range.end);
  return start === end ? start : `${start}:${end}`;
}

/** True when the range covers exactly one cell. */
export function isSingleCell(range: RangeAddress): boolean {
  return range.start.row === range.end.row && range.start.col === range.end.col;
}

/** True when `address` lies inside `range` (edges included). */
export function rangeContains(range: RangeAddress, address: CellAddress): boolean {
  return (
    address.row >= range.start.row &&
    address.row <= range.end.row &&
    address.col >= range.start.col &&
    address.col <= range.end.col
  );
}

/**
 * Parses a possibly sheet-qualified reference as stored in a defined name:
 * `'Báo cáo'!$F$12` → `{ sheet: 'Báo cáo', range: F12 }`, `'It''s'!A1` → sheet `It's`,
 * `Danh_muc!$A$2:$A$20`, `$F$12` (no sheet). A leading `=` is ignored.
 * Returns null for references Excel marks broken (`#REF!`), external workbooks (`[1]Sheet!A1`),
 * unions (`A1,B2`), constants and formulas — a defined name the template cannot use.
 */
export function parseSheetRef(ref: string): SheetRange | null {
  let text = ref.trim();
  if (text.startsWith('=')) text = text.slice(1).trim();
  if (text === '' || text.toUpperCase().includes('#REF!')) return null;
  let sheet: string | undefined;
  let rest: string;
  if (text.startsWith("'")) {
    // Quoted sheet name: quotes inside are doubled.
    let i = 1;
    let name = '';
    for (;;) {
      const ch = text[i];
      if (ch === undefined) return null;
      if (ch === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i += 1;
    }
    if (text[i + 1] !== '!') return null;
    sheet = name;
    rest = text.slice(i + 2);
  } else {
    const bang = text.lastIndexOf('!');
    if (bang >= 0) {
      sheet = text.slice(0, bang);
      rest = text.slice(bang + 1);
      if (sheet === '' || /[[\]'!,:]/.test(sheet)) return null;
    } else {
      rest = text;
    }
  }
  if (sheet !== undefined && (sheet === '' || sheet.startsWith('['))) return null;
  if (rest.includes(',')) return null;
  const range = parseRange(rest);
  if (!range) return null;
  return sheet === undefined ? { range } : { sheet, range };
}

/**
 * Quotes a sheet name for use in a reference. Plain ASCII identifiers (`Sheet1`, `Danh_muc`) stay
 * bare; anything else (spaces, Vietnamese letters, punctuation, a leading digit, a name that looks
 * like a cell such as `A1`) is wrapped in `'…'` with inner quotes doubled:
 * `Báo cáo` → `'Báo cáo'`, `It's` → `'It''s'`.
 */
export function quoteSheetName(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && parseA1(name) === null) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** Formats a sheet-qualified absolute reference: (`Báo cáo`, F12) → `'Báo cáo'!$F$12`; ranges → `Sheet1!$A$5:$I$204`. */
export function formatSheetRef(sheet: string, range: RangeAddress): string {
  const abs = (a: CellAddress): string => `$${numberToColumn(a.col)}$${a.row}`;
  const body = isSingleCell(range) ? abs(range.start) : `${abs(range.start)}:${abs(range.end)}`;
  return `${quoteSheetName(sheet)}!${body}`;
}

/** A reference to a cell or range of another sheet as written in a formula: (`Tổng hợp`, `H5`) → `'Tổng hợp'!H5`. */
export function formatSheetCell(sheet: string, ref: string): string {
  return `${quoteSheetName(sheet)}!${ref}`;
}

/** An absolute reference to rows `fromRow`…`toRow` of one column of a sheet: `'Đơn vị × chỉ tiêu'!$C$6:$C$20`. */
export function formatSheetColumn(sheet: string, col: number, fromRow: number, toRow: number): string {
  const c = numberToColumn(col);
  return `${quoteSheetName(sheet)}!$${c}$${fromRow}:$${c}$${toRow}`;
}
