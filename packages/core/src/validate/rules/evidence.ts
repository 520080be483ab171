/**
 * Rule `evidence-missing` (warning): an indicator whose plan data sets `evidenceRequired`
 * (e.g. CT5b) is not met on the unit's word alone.
 */
import { figureFinding, isPairMeasure, type IndicatorCheck, type RuleOutcome } from './types.ts';

/**
 * When `evidenceRequired` and the figures claim something done — yes for `boolean`, a value above
 * 0 for `count`, a numerator above 0 for pair measures — but the evidence cell is blank →
 * `evidence-missing` (warning) at the evidence cell, status `notMet` (completion 0); a yes/no answer
 * stays counted (in the city total's denominator, not its numerator), other figures are not counted.
 */
export function evidenceRequired(check: IndicatorCheck): RuleOutcome | null {
  const { indicator, figures } = check;
  if (!indicator.evidenceRequired || figures.evidence !== null) return null;
  const claimed = isPairMeasure(indicator)
    ? (figures.numerator ?? 0) > 0
    : indicator.measure === 'boolean'
      ? figures.value === true
      : typeof figures.value === 'number' && figures.value > 0;
  if (!claimed) return null;
  return {
    findings: [
      figureFinding(check, 'evidence', 'warning', 'evidence-missing', {
        vi: 'để trống: chỉ tiêu yêu cầu tài liệu kiểm chứng (số, ngày văn bản hoặc đường dẫn) nên chưa được tính là đạt.',
        en: 'is blank: the indicator requires evidence (document number, date or link), so it does not count as met.',
      }),
    ],
    stop: 'notMet',
    // A yes/no answer without evidence is still an answer: it counts in the city total as "not met".
    counted: indicator.measure === 'boolean',
  };
}
