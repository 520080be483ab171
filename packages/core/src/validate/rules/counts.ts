/**
 * Rules `count-negative`, `count-not-integer` and `figure-too-large` (errors): counts are whole
 * numbers from 0 to a plausible bound.
 */
import type { Finding } from '../../finding.ts';
import { formatNumber } from '../../text/format.ts';
import { isImplausibleFigure, tooLargeMessage } from './figure-bound.ts';
import { figureFinding, isPairMeasure, type IndicatorCheck, type RuleOutcome, type SourceKey } from './types.ts';

/**
 * Numerator and denominator (pair measures) and a count `value` must be whole numbers from 0 to
 * `MAX_FIGURE` (10^9, figure-bound.ts). Each offending figure gives `count-negative` (below 0),
 * `figure-too-large` (above the bound: 1E+20 is not a count, and past 2^53 not even exact) or
 * `count-not-integer` (fractional, e.g. 12,5), naming its cell; any of them → status `invalid`,
 * not counted. Yes/no values are not counts.
 */
export function countsInvalid(check: IndicatorCheck): RuleOutcome | null {
  const { indicator, figures } = check;
  const keys: SourceKey[] = isPairMeasure(indicator) ? ['numerator', 'denominator'] : indicator.measure === 'count' ? ['value'] : [];
  const findings: Finding[] = [];
  for (const key of keys) {
    const n = key === 'value' ? figures.value : figures[key];
    if (typeof n !== 'number') continue;
    if (n < 0) {
      findings.push(
        figureFinding(check, key, 'error', 'count-negative', {
          vi: `${formatNumber(n, 'vi', 6)} là số âm; số đếm phải từ 0 trở lên.`,
          en: `${formatNumber(n, 'en', 6)} is negative; counts must be 0 or more.`,
        }),
      );
    } else if (isImplausibleFigure(n)) {
      findings.push(figureFinding(check, key, 'error', 'figure-too-large', tooLargeMessage(n)));
    } else if (!Number.isInteger(n)) {
      findings.push(
        figureFinding(check, key, 'error', 'count-not-integer', {
          vi: `${formatNumber(n, 'vi', 6)} không phải số nguyên; số đếm phải là số nguyên.`,
          en: `${formatNumber(n, 'en', 6)} is not a whole number; counts must be whole numbers.`,
        }),
      );
    }
  }
  return findings.length > 0 ? { findings, stop: 'invalid' } : null;
}
