/**
 * A cell's content as display text (notes, evidence, titles, codes), normalised.
 */
import type { Cell } from '../grid/grid.ts';
import { isDateFormat } from './number-format.ts';
import { parseDateCell } from './dates.ts';
import { normalizeText } from './normalize.ts';
import { excelSerialToIso } from './serial.ts';

/**
 * The text of a cell, or null when it is blank:
 * - text → `normalizeText` (null when nothing is left);
 * - a number shown with a date format → its ISO date in the workbook's system (`date1904`);
 *   other numbers → shortest decimal text (`18070`, `3.6`);
 * - booleans → `TRUE`/`FALSE`; date cells (`t="d"`) → their ISO date (`yyyy-mm-dd`, any time dropped); error cells → their error text (`#N/A`);
 * - a formula without cached result → null.
 */
export function cellText(cell: Cell | undefined, date1904: boolean): string | null {
  if (!cell) return null;
  if (cell.isoDate !== undefined) {
    const date = parseDateCell(cell, date1904);
    return date.ok ? date.value : normalizeText(cell.isoDate) || null;
  }
  const value = cell.value;
  if (value === null) return null;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (isDateFormat(cell.numFmt)) {
      const date = excelSerialToIso(value, date1904);
      if (date.ok) return date.value;
    }
    return String(value);
  }
  const text = normalizeText(value);
  return text === '' ? null : text;
}
