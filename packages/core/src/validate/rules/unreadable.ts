/**
 * An indicator whose typed figures could not be read (the reader already raised an error naming
 * each cell, e.g. "mười" or "85%" in a count cell) is `invalid`. No second finding about the same
 * cell (such as "blank") is added, but the indicator's other cells are still checked, so every
 * bad cell is reported at once: "12,5" beside "mười" is `count-not-integer`, a blank partner
 * `pair-incomplete`.
 */
import type { Finding } from '../../finding.ts';
import { pairIncomplete } from './blank.ts';
import { countsInvalid } from './counts.ts';
import { isPairMeasure, type IndicatorCheck, type RuleOutcome } from './types.ts';

/**
 * Stops with `invalid` when `figures.unreadable` lists any figure, with the findings of the
 * figures that were read: `countsInvalid` on them, and `pair-incomplete` when the other half of a
 * numerator/denominator pair is blank.
 */
export function unreadableFigures(check: IndicatorCheck): RuleOutcome | null {
  const unreadable = check.figures.unreadable;
  if (!unreadable || unreadable.length === 0) return null;
  const findings: Finding[] = [];
  if (isPairMeasure(check.indicator)) {
    for (const key of ['numerator', 'denominator'] as const) {
      if (check.figures[key] === null && !unreadable.includes(key)) findings.push(pairIncomplete(check, key));
    }
  }
  findings.push(...(countsInvalid(check)?.findings ?? []));
  return { findings, stop: 'invalid' };
}
