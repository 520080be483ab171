import type { CellRef } from '../../finding.ts';
import type { ComponentScore } from '../types.ts';
import type { ComponentOf, ScoreInput } from './input.ts';
import { daysFromCivil, parseIsoDate } from '../../text/calendar.ts';
import { formatNumber, formatPercent } from '../../text/format.ts';
import { roundDecimal } from '../../text/decimal.ts';
import { formatDate } from '../../vocabulary/dates.ts';
import { pointsText } from './text.ts';

/** Whole days from `deadline` to `date` (ISO dates; positive when `date` is later), or null when either is not a date. */
export function daysAfter(deadline: string, date: string): number | null {
  const d = parseIsoDate(deadline);
  const s = parseIsoDate(date);
  return d && s ? daysFromCivil(s) - daysFromCivil(d) : null;
}

/**
 * The `timeliness` component (general profile, BRIEF §5–6): full points when the report was
 * received on or before the period's deadline (`onTime` true). When late (`onTime` false): 0, or,
 * with the profile's `lateCredit` (a convention; the published profile has none), `share` × points
 * when it came at most `withinDays` days after the deadline — e.g. 10 points, `{ withinDays: 3,
 * share: 0.5 }`, deadline 20/06/2021, received 22/06 → 2 days late → 5 points; received 24/06 → 0.
 * When no date is known (`onTime` null) the part is 0 and its detail says so and how to fix it
 * (a received date in the register); the consolidator adds the finding `submission-date-missing`.
 * `onTime` and `date` are decided by the caller (the consolidator uses the received-date register
 * first, then the date on the form). `sources` = the form's date cell.
 */
export function scoreTimeliness(component: ComponentOf<'timeliness'>, input: ScoreInput): ComponentScore {
  const deadline = input.checked.period?.deadline;
  const by = deadline ? { vi: ` (hạn ${formatDate(deadline)})`, en: ` (deadline ${deadline})` } : { vi: '', en: '' };
  let points = 0;
  let what: { vi: string; en: string };
  if (input.onTime === true) {
    points = component.points;
    what = { vi: `Gửi đúng hạn${by.vi}`, en: `Sent on time${by.en}` };
  } else if (input.onTime === false) {
    const late = deadline && input.date ? daysAfter(deadline, input.date) : null;
    const days = late === null ? { vi: '', en: '' } : { vi: ` ${late} ngày`, en: ` by ${late} day${late === 1 ? '' : 's'}` };
    const credit = component.lateCredit;
    if (credit && late !== null && late >= 1 && late <= credit.withinDays) {
      points = roundDecimal(component.points * credit.share, 2);
      what = {
        vi: `Gửi sau hạn${days.vi}${by.vi}, trong ${credit.withinDays} ngày được tính ${formatPercent(credit.share, 'vi')} (quy ước) → ${formatPercent(credit.share, 'vi')} × ${formatNumber(component.points, 'vi')}`,
        en: `Sent late${days.en}${by.en}, within the ${credit.withinDays} days credited at ${formatPercent(credit.share, 'en')} (convention) → ${formatPercent(credit.share, 'en')} × ${formatNumber(component.points, 'en')}`,
      };
    } else {
      const beyond = credit && late !== null ? { vi: `, quá ${credit.withinDays} ngày`, en: `, more than ${credit.withinDays} days` } : { vi: '', en: '' };
      what = { vi: `Gửi sau hạn${days.vi}${by.vi}${beyond.vi}`, en: `Sent late${days.en}${by.en}${beyond.en}` };
    }
  } else {
    what = {
      vi: 'Chưa xác định được ngày gửi (sổ theo dõi không có ngày nhận, biểu không ghi ngày báo cáo): phần này chưa được chấm, tính 0 điểm cho đến khi có ngày nhận',
      en: 'Date sent unknown (no received date in the register, no report date on the form): this part is not scored and counts 0 until a received date is given',
    };
  }
  const cell = input.checked.report.source.submittedOn;
  const sources: CellRef[] = cell ? [cell] : [];
  return {
    type: component.type,
    label: component.label,
    max: component.points,
    points,
    detail: { vi: `${what.vi} → ${pointsText(points).vi}`, en: `${what.en} → ${pointsText(points).en}` },
    sources,
  };
}
