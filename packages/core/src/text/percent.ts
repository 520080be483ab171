/**
 * Percentages as units type them, returned as fractions 0–1 (BRIEF §7: "percentages as 0.85 or 85").
 */
import type { Cell } from '../grid/grid.ts';
import { divideBy100 } from './decimal.ts';
import { cellNumber, type CellNumberFailure } from './cell-number.ts';

/**
 * How the fraction was obtained, for transparency:
 * - `percentFormat`: a number cell with a `%` format (already a fraction);
 * - `percentFormatPoints`: a number above 10 in a `%`-formatted cell, read as percentage points
 *   (85.5 shown as "8550%" → 0.855);
 * - `percentSign`: text ending in `%` (`"85,5%"`);
 * - `over1`: a plain number above 1, read as percent (85.5 → 0.855);
 * - `fraction`: a plain number from 0 to 1, read as a fraction (0.855 → 0.855; 1 → 100%).
 */
export type PercentBasis = 'percentFormat' | 'percentFormatPoints' | 'percentSign' | 'over1' | 'fraction';

/** A percentage as a fraction (`value` 0.855 for 85.5%), or why the cell holds none (`invalid` also for negative values). */
export type ParsedPercent = { ok: true; value: number; basis: PercentBasis } | { ok: false; reason: CellNumberFailure };

/**
 * Reads a percentage from a cell and returns a fraction:
 * - a number with a `%` number format is already a fraction (0.855 → 0.855), except above 10
 *   (over 1000%), which is percentage points typed into the cell (85.5 → 0.855);
 * - text with `%` (`"85,5%"`, `"85.5 %"`) → 0.855;
 * - a plain number or numeric text above 1 is a percentage (85.5 → 0.855);
 * - a plain number from 0 to 1 is taken as a fraction (0.855 → 0.855). This is ambiguous by
 *   nature — "1" could mean 1% — but for the plan's targets (most 100%) a unit typing 1 or 0.9
 *   means 100% or 90% far more often; the recomputed ratio is compared anyway;
 * - negative values → `invalid`; blank, ambiguous (`"1.234"`) and other failures as `cellNumber`.
 * Results above 1 are kept (a comparison measure may exceed 100%).
 */
export function parsePercent(cell: Cell | undefined): ParsedPercent {
  const n = cellNumber(cell);
  if (!n.ok) return n;
  if (n.value < 0) return { ok: false, reason: 'invalid' };
  if (n.percent && typeof cell?.value === 'number' && n.value > 10) {
    // 85.5 stored in a %-formatted cell (shown as 8550%): a program or a paste wrote percentage
    // points into the cell; no ratio of ours exceeds 1000%, so read it as 85.5%.
    return { ok: true, value: divideBy100(n.value), basis: 'percentFormatPoints' };
  }
  if (n.percent) return { ok: true, value: n.value, basis: typeof cell?.value === 'number' ? 'percentFormat' : 'percentSign' };
  if (n.value > 1) return { ok: true, value: divideBy100(n.value), basis: 'over1' };
  return { ok: true, value: n.value, basis: 'fraction' };
}
