/**
 * Rules `activity-date-missing` (warning, kept) and `activity-outside-period` (warning, excluded):
 * activities count in the period whose data cut-off window holds their date
 * (Decree 09/2019/NĐ-CP, art. 12; windows from period/period.ts).
 */
import { isWithinCutoff } from '../../period/period.ts';
import type { Activity } from '../../report/model.ts';
import { formatDateVi } from '../../text/format.ts';
import { activityFinding, type ActivityContext, type ActivityOutcome } from './activity-types.ts';

/**
 * No date → `activity-date-missing` (warning), kept; a date cell that held something else
 * (`dateUnreadable`) is kept with no finding of its own, its `date-invalid` error says it. With a window
 * (`context.window`), a date outside `cutoffStart…cutoffEnd` (inclusive) →
 * `activity-outside-period` (warning) naming the date and the window, excluded. Without a
 * window only the missing date is checked.
 */
export function checkActivityDate(activity: Activity, context: ActivityContext): ActivityOutcome {
  if (activity.date === null) {
    // A date cell holding something else already has its reading error (`date-invalid`).
    if (activity.dateUnreadable === true) return { activity, findings: [] };
    return {
      activity,
      findings: [
        activityFinding(activity, 'date', context, 'warning', 'activity-date-missing', {
          vi: 'để trống; không kiểm tra được hoạt động có thuộc kỳ báo cáo không. Hãy ghi ngày thực hiện (ngày/tháng/năm).',
          en: 'is blank; whether the activity falls in the period cannot be checked. Enter the date it took place (day/month/year).',
        }),
      ],
    };
  }
  const period = context.window;
  if (period === null || isWithinCutoff(activity.date, period)) return { activity, findings: [] };
  return {
    activity: null,
    findings: [
      activityFinding(activity, 'date', context, 'warning', 'activity-outside-period', {
        vi:
          `ngày ${formatDateVi(activity.date)} nằm ngoài thời gian chốt số liệu kỳ ${period.code} ` +
          `(${formatDateVi(period.cutoffStart)}–${formatDateVi(period.cutoffEnd)}, Nghị định 09/2019/NĐ-CP, Điều 12); hoạt động không được tính.`,
        en:
          `${activity.date} is outside the data cut-off window of ${period.code} ` +
          `(${period.cutoffStart} to ${period.cutoffEnd}, Decree 09/2019/NĐ-CP art. 12); the activity is not counted.`,
      }),
    ],
  };
}
