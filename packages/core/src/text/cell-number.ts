/**
 * A number from a grid cell, whatever way the unit typed it: a number, numeric text, or a formula's
 * cached result. Blank stays blank (never 0).
 */
import type { Cell } from '../grid/grid.ts';
import { isPercentFormat } from './number-format.ts';
import { parseNumber, type NumberFailure, type ParseNumberOptions } from './numbers.ts';

/** Why a cell gives no number: the text reasons of `parseNumber`, or `uncomputed` (a formula without cached result). */
export type CellNumberFailure = NumberFailure | 'uncomputed';

/**
 * A number read from a cell. `percent: true` when the value is a fraction shown or typed as a
 * percentage: a number cell with a `%` number format (value 0.855 shown 85.5%), or text ending in `%`.
 */
export type CellNumber = { ok: true; value: number; percent: boolean } | { ok: false; reason: CellNumberFailure };

/**
 * Reads a number from a cell:
 * - absent, `null` or whitespace-only text → `empty`; a formula without cached result → `uncomputed`;
 * - a number (incl. a formula's cached number) → itself;
 * - text → `parseNumber(text, options)` (Vietnamese and English styles; `integer: true` resolves
 *   `1.234` to 1234);
 * - error values (`#DIV/0!`), booleans and date cells (`isoDate`) → `invalid`.
 */
export function cellNumber(cell: Cell | undefined, options: ParseNumberOptions = {}): CellNumber {
  if (!cell) return { ok: false, reason: 'empty' };
  if (cell.error || cell.isoDate !== undefined) return { ok: false, reason: 'invalid' };
  const value = cell.value;
  if (value === null) return { ok: false, reason: cell.formula !== undefined ? 'uncomputed' : 'empty' };
  if (typeof value === 'boolean') return { ok: false, reason: 'invalid' };
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { ok: true, value, percent: isPercentFormat(cell.numFmt) } : { ok: false, reason: 'invalid' };
  }
  return parseNumber(value, options);
}
