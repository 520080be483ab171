/**
 * Rule `numerator-exceeds-denominator` (error): a part cannot exceed its whole.
 */
import { formatNumber } from '../../text/format.ts';
import { figureFinding, type IndicatorCheck, type RuleOutcome } from './types.ts';

/**
 * For `ratio` measures (not `comparison`, where this period may exceed last year), numerator >
 * denominator → `numerator-exceeds-denominator` (error) at the numerator cell, status `invalid`,
 * not counted. Message e.g. "Ô F12 (CT3a, tử số): 120 lớn hơn mẫu số 100." /
 * "Cell F12 (CT3a numerator): 120 exceeds the denominator 100."
 */
export function numeratorExceedsDenominator(check: IndicatorCheck): RuleOutcome | null {
  const { indicator, figures } = check;
  const { numerator, denominator } = figures;
  if (indicator.measure !== 'ratio' || numerator === null || denominator === null || numerator <= denominator) return null;
  return {
    findings: [
      figureFinding(check, 'numerator', 'error', 'numerator-exceeds-denominator', {
        vi: `${formatNumber(numerator, 'vi')} lớn hơn mẫu số ${formatNumber(denominator, 'vi')}.`,
        en: `${formatNumber(numerator, 'en')} exceeds the denominator ${formatNumber(denominator, 'en')}.`,
      }),
    ],
    stop: 'invalid',
  };
}
