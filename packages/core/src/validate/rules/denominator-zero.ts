/**
 * Rule `denominator-zero` (notice): a denominator of 0 means "not applicable" and is excluded,
 * not scored 0 or 100 (BRIEF §6).
 */
import { figureFinding, isPairMeasure, type IndicatorCheck, type RuleOutcome } from './types.ts';

/**
 * Denominator 0 with numerator 0 → `denominator-zero` (notice), status `notApplicable`, not counted.
 * With a numerator above 0 there is no verdict here: for `ratio` the numerator-above-denominator
 * rule rejects it; for `comparison` (this period vs last year's 0) it is an increase.
 */
export function denominatorZero(check: IndicatorCheck): RuleOutcome | null {
  const { indicator, figures } = check;
  if (!isPairMeasure(indicator) || figures.denominator !== 0 || figures.numerator !== 0) return null;
  return {
    findings: [
      figureFinding(check, 'denominator', 'notice', 'denominator-zero', {
        vi: 'mẫu số bằng 0: chỉ tiêu không áp dụng trong kỳ, không tính điểm và không đưa vào tổng hợp.',
        en: 'the denominator is 0: the indicator does not apply this period; it is neither scored nor totalled.',
      }),
    ],
    stop: 'notApplicable',
  };
}
