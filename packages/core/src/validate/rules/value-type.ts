/**
 * Rule `value-wrong-type` (error): a yes/no where a count is expected, or a number where yes/no is.
 */
import { figureFinding, type IndicatorCheck, type RuleOutcome } from './types.ts';

/**
 * A `count` indicator whose value is a boolean, or a `boolean` indicator whose value is a number
 * → `value-wrong-type` (error), status `invalid`. Other measures and matching types → no verdict.
 */
export function valueWrongType(check: IndicatorCheck): RuleOutcome | null {
  const { indicator, figures } = check;
  if (figures.value === null) return null;
  if (indicator.measure === 'count' && typeof figures.value === 'boolean') {
    return {
      findings: [
        figureFinding(check, 'value', 'error', 'value-wrong-type', {
          vi: 'cần ghi một số đếm, không phải Có/Không.',
          en: 'a count is expected, not yes/no.',
        }),
      ],
      stop: 'invalid',
    };
  }
  if (indicator.measure === 'boolean' && typeof figures.value === 'number') {
    return {
      findings: [
        figureFinding(check, 'value', 'error', 'value-wrong-type', {
          vi: 'cần trả lời "Có" hoặc "Không", không phải một số.',
          en: 'a yes/no answer ("Có"/"Không") is expected, not a number.',
        }),
      ],
      stop: 'invalid',
    };
  }
  return null;
}
