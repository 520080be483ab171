/**
 * An indicator whose typed figures could not be read (the reader already raised an error naming
 * each cell, e.g. "1 trang" in a number cell) is `invalid`; no second finding about the same cell
 * (such as "blank") is added.
 */
import type { IndicatorCheck, RuleOutcome } from './types.ts';

/** Stops with `invalid` and no new finding when `figures.unreadable` lists any figure. */
export function unreadableFigures(check: IndicatorCheck): RuleOutcome | null {
  return check.figures.unreadable && check.figures.unreadable.length > 0 ? { findings: [], stop: 'invalid' } : null;
}
