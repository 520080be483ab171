/**
 * Rule `activity-count-invalid` (warning): an activity's quantity and participants are whole
 * numbers from 0 to `MAX_FIGURE` (figure-bound.ts).
 */
import type { Finding } from '../../finding.ts';
import type { Activity } from '../../report/model.ts';
import { formatNumber } from '../../text/format.ts';
import { isImplausibleFigure, tooLargeMessage } from './figure-bound.ts';
import { activityFinding, type ActivityContext, type ActivityOutcome } from './activity-types.ts';

/**
 * A negative, fractional or implausibly large (above `MAX_FIGURE`, 10^9) `quantity` or
 * `participants` → `activity-count-invalid` (warning) at that cell; the figure is dropped (null),
 * the activity is kept.
 */
export function checkActivityCounts(activity: Activity, context: ActivityContext): ActivityOutcome {
  const findings: Finding[] = [];
  const fixed: Activity = { ...activity };
  for (const column of ['quantity', 'participants'] as const) {
    const n = activity[column];
    if (n === null || (Number.isInteger(n) && n >= 0 && !isImplausibleFigure(n))) continue;
    fixed[column] = null;
    const large = n > 0 && isImplausibleFigure(n) ? tooLargeMessage(n) : null;
    findings.push(
      activityFinding(
        activity,
        column,
        context,
        'warning',
        'activity-count-invalid',
        large
          ? { vi: `${large.vi} Số liệu này bị bỏ qua.`, en: `${large.en} The figure is dropped.` }
          : {
              vi: `${formatNumber(n, 'vi', 6)} không phải số nguyên không âm; bỏ qua số liệu này.`,
              en: `${formatNumber(n, 'en', 6)} is not a whole number of 0 or more; the figure is dropped.`,
            },
      ),
    );
  }
  return { activity: findings.length > 0 ? fixed : activity, findings };
}
