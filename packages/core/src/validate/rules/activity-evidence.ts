/**
 * Rule `activity-evidence-unrecognised` (warning): an activity's evidence must look like evidence
 * (text/evidence.ts) to count.
 */
import { EVIDENCE_EXAMPLES, looksLikeEvidence } from '../../text/evidence.ts';
import type { Activity } from '../../report/model.ts';
import { activityFinding, type ActivityContext, type ActivityOutcome } from './activity-types.ts';

/**
 * Evidence text that is not a document number with its date, a link or a file name →
 * `activity-evidence-unrecognised` (warning) at the evidence cell. The activity is kept (it still
 * counts for themes and forms where evidence is not required); scoring parts that require
 * evidence do not count it (score/components/input.ts `hasEvidence`).
 */
export function checkActivityEvidence(activity: Activity, context: ActivityContext): ActivityOutcome {
  const text = activity.evidence;
  if (text === null || text.trim() === '' || looksLikeEvidence(text)) return { activity, findings: [] };
  return {
    activity,
    findings: [
      activityFinding(activity, 'evidence', context, 'warning', 'activity-evidence-unrecognised', {
        vi: `"${text.trim()}" không phải tài liệu kiểm chứng (cần số và ngày văn bản như "${EVIDENCE_EXAMPLES.document}", đường dẫn hoặc tên tệp); hoạt động được tính là không có tài liệu kiểm chứng.`,
        en: `"${text.trim()}" is not evidence (a document number and date such as "${EVIDENCE_EXAMPLES.document}", a link or a file name is needed); the activity counts as without evidence.`,
      }),
    ],
  };
}
