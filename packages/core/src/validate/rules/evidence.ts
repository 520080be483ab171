/**
 * The evidence rules (tài liệu kiểm chứng):
 * - `evidence-unrecognised` (warning): the evidence cell holds text that is not evidence
 *   (text/evidence.ts: a document number and date, a link or a file name); it does not count;
 * - `evidence-missing` (warning): an indicator whose plan data sets `evidenceRequired` (e.g. CT5b)
 *   is not met on the unit's word alone.
 */
import { EVIDENCE_EXAMPLES, looksLikeEvidence } from '../../text/evidence.ts';
import { figureFinding, isPairMeasure, type IndicatorCheck, type RuleOutcome } from './types.ts';

/** The evidence text when it looks like evidence, else null (blank, or text that is not evidence). */
function usableEvidence(check: IndicatorCheck): string | null {
  const text = check.figures.evidence;
  return text !== null && looksLikeEvidence(text) ? text : null;
}

/** True when the figures claim something done: yes for `boolean`, a value above 0 for `count`, a numerator above 0 for pairs. */
function claimsDone(check: IndicatorCheck): boolean {
  const { indicator, figures } = check;
  return isPairMeasure(indicator)
    ? (figures.numerator ?? 0) > 0
    : indicator.measure === 'boolean'
      ? figures.value === true
      : typeof figures.value === 'number' && figures.value > 0;
}

/**
 * Evidence text that is not evidence (`x`, `có`, `Biên bản`, a document number without its date)
 * → `evidence-unrecognised` (warning) at the evidence cell, saying what evidence looks like; it is
 * then treated as blank. Never decides the status by itself.
 */
export function evidenceUnrecognised(check: IndicatorCheck): RuleOutcome | null {
  const text = check.figures.evidence;
  if (text === null || text.trim() === '' || looksLikeEvidence(text)) return null;
  const required = check.indicator.evidenceRequired && claimsDone(check);
  return {
    findings: [
      figureFinding(check, 'evidence', 'warning', 'evidence-unrecognised', {
        vi: `"${text.trim()}" không phải tài liệu kiểm chứng (cần số và ngày văn bản như "${EVIDENCE_EXAMPLES.document}", đường dẫn hoặc tên tệp) nên không được tính${required ? '; chỉ tiêu yêu cầu tài liệu kiểm chứng nên chưa được tính là đạt' : ''}.`,
        en: `"${text.trim()}" is not evidence (a document number and date such as "${EVIDENCE_EXAMPLES.document}", a link or a file name is needed), so it does not count${required ? '; the indicator requires evidence, so it does not count as met' : ''}.`,
      }),
    ],
  };
}

/**
 * When `evidenceRequired` and the figures claim something done but there is no usable evidence:
 * status `notMet` (completion 0); a blank cell also gets `evidence-missing` (warning) at the evidence
 * cell (text that is not evidence was named by {@link evidenceUnrecognised}). A yes/no answer stays
 * counted (in the city total's denominator, not its numerator), other figures are not counted.
 */
export function evidenceRequired(check: IndicatorCheck): RuleOutcome | null {
  const { indicator, figures } = check;
  if (!indicator.evidenceRequired || usableEvidence(check) !== null || !claimsDone(check)) return null;
  const blank = figures.evidence === null || figures.evidence.trim() === '';
  return {
    findings: blank
      ? [
          figureFinding(check, 'evidence', 'warning', 'evidence-missing', {
            vi: 'để trống: chỉ tiêu yêu cầu tài liệu kiểm chứng (số, ngày văn bản, đường dẫn hoặc tên tệp) nên chưa được tính là đạt.',
            en: 'is blank: the indicator requires evidence (document number and date, link or file name), so it does not count as met.',
          }),
        ]
      : [],
    stop: 'notMet',
    // A yes/no answer without evidence is still an answer: it counts in the city total as "not met".
    counted: indicator.measure === 'boolean',
  };
}
