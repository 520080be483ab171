/**
 * Dates as units type them: Excel serials, date cells, and text in Vietnamese order
 * (`28/12/2020`, `28-12-2020`, `28.12.2020`, `ngày 28 tháng 12 năm 2020`) or ISO (`2020-12-28`).
 * Day first always (Vietnam); never month first. Results are ISO `yyyy-mm-dd` text.
 */
import type { Cell } from '../grid/grid.ts';
import { formatIsoDate, isValidYmd, type Ymd } from './calendar.ts';
import { foldText } from './fold.ts';
import { excelSerialToIso } from './serial.ts';

/**
 * Why a cell or text is no date: `empty` (blank), `invalid` (not a date: words, a negative
 * serial, a boolean, an error), `nonexistent` (looks like a date but is not one: 31/02/2021,
 * serial 60 of the 1900 system), `uncomputed` (a formula with no cached result).
 */
export type DateFailure = 'empty' | 'invalid' | 'nonexistent' | 'uncomputed';

/** A date read from text or a cell: ISO `yyyy-mm-dd` text, or why there is none. */
export type ParsedDate = { ok: true; value: string } | { ok: false; reason: DateFailure };

/** Two-digit years as Excel reads them: 00–29 → 2000–2029, 30–99 → 1930–1999. */
function fullYear(digits: string): number {
  const n = Number(digits);
  if (digits.length !== 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

function fromParts(year: number, month: number, day: number): ParsedDate {
  const ymd: Ymd = { year, month, day };
  return isValidYmd(ymd) ? { ok: true, value: formatIsoDate(ymd) } : { ok: false, reason: 'nonexistent' };
}

// Regex literals, not `String.raw` templates: a tagged template holding `\2` is ES2018 syntax
// (template literal revision), and the add-in's bundle must parse as ES2017.
/** An optional time after a date (`T10:30`, ` 10:30:00.5`, `Z`, `+07:00`); ignored. */
const TIME = /(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/.source;
const DAY_FIRST = new RegExp(`^${/(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})/.source}${TIME}$`, 'i');
const YEAR_FIRST = new RegExp(`^${/(\d{4})([/.-])(\d{1,2})\2(\d{1,2})/.source}${TIME}$`, 'i');
const VIETNAMESE = /(?:^|[^a-z])ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*(?:nam\s*)?(\d{4})(?![0-9])/;

/**
 * Reads a date typed as text. Accepted, after trimming and folding case and diacritics:
 * `dd/mm/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy` (1- or 2-digit day and month; 2-digit years as
 * Excel: 00–29 → 20xx, 30–99 → 19xx), optionally prefixed by `ngày`; `yyyy-mm-dd`,
 * `yyyy/mm/dd`; either followed by a time, which is ignored; and `ngày 28 tháng 12 năm 2020`
 * anywhere in the text (`Hà Tĩnh, ngày 28 tháng 12 năm 2020`, `NGAY 28 THANG 12 NAM 2020`).
 * Separators must match (`28/12-2020` → `invalid`). Returns `empty`, `invalid` or `nonexistent`.
 */
export function parseDateText(text: string): ParsedDate {
  const folded = foldText(text);
  if (folded === '') return { ok: false, reason: 'empty' };
  const bare = folded.replace(/^ngay\s*/, '');
  const dayFirst = DAY_FIRST.exec(bare);
  if (dayFirst) return fromParts(fullYear(dayFirst[4] ?? ''), Number(dayFirst[3]), Number(dayFirst[1]));
  const yearFirst = YEAR_FIRST.exec(bare);
  if (yearFirst) return fromParts(Number(yearFirst[1]), Number(yearFirst[3]), Number(yearFirst[4]));
  const vi = VIETNAMESE.exec(folded);
  if (vi) return fromParts(Number(vi[3]), Number(vi[2]), Number(vi[1]));
  return { ok: false, reason: 'invalid' };
}

/**
 * Reads a date from a grid cell:
 * - absent or blank → `empty`; error cells and booleans → `invalid`;
 * - a number → an Excel serial in the workbook's system (`date1904`, from `Grid.date1904`),
 *   whatever its number format (see `excelSerialToIso`);
 * - a cell stored as a date (`isoDate`, e.g. `2020-12-28T00:00:00Z`) → its calendar date as written;
 * - text → `parseDateText`;
 * - a formula without cached result → `uncomputed`.
 */
export function parseDateCell(cell: Cell | undefined, date1904: boolean): ParsedDate {
  if (!cell) return { ok: false, reason: 'empty' };
  if (cell.error) return { ok: false, reason: 'invalid' };
  if (cell.isoDate !== undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(cell.isoDate.trim());
    return m ? fromParts(Number(m[1]), Number(m[2]), Number(m[3])) : { ok: false, reason: 'invalid' };
  }
  const value = cell.value;
  if (value === null) return { ok: false, reason: cell.formula !== undefined ? 'uncomputed' : 'empty' };
  if (typeof value === 'boolean') return { ok: false, reason: 'invalid' };
  if (typeof value === 'number') return excelSerialToIso(value, date1904);
  return parseDateText(value);
}
