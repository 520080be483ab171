/**
 * Rules on the report date (ngày báo cáo, `submitted_on`): it decides timeliness when the office
 * keeps no received-date register, so a blank or implausible date is worth a warning.
 */
import { makeFinding, type Finding, type FindingLocation } from '../../finding.ts';
import type { Period } from '../../period/types.ts';
import type { UnitReport } from '../../report/model.ts';
import { daysFromCivil, parseIsoDate } from '../../text/calendar.ts';
import { formatDateVi } from '../../text/format.ts';

/** Days after the deadline beyond which a report date is taken for a typing mistake. */
const IMPLAUSIBLE_AFTER_DEADLINE_DAYS = 366;

/**
 * - `submitted-on-missing` (warning): no report date; timeliness then needs the register. Not
 *   when the cell held something that is no date (`submittedOnUnreadable`): its `date-invalid`
 *   error is the one finding about that cell.
 * - `submitted-before-cutoff-end` (warning): dated before the period's data cut-off ends
 *   (Decree 09/2019/NĐ-CP art. 12), so it cannot hold the whole period's figures.
 * - `submitted-on-implausible` (warning): more than a year after the deadline.
 * `period` is the period being checked (or the report's own); without it only blankness is checked.
 */
export function checkSubmittedOn(report: UnitReport, period: Period | null, base: FindingLocation): Finding[] {
  const ref = report.source.submittedOn;
  const location: FindingLocation = { ...base, ...(ref ? { sheet: ref.sheet, cell: ref.cell } : {}) };
  const at = ref ? { vi: `Ô ${ref.cell} (ngày báo cáo)`, en: `Cell ${ref.cell} (report date)` } : { vi: 'Ngày báo cáo', en: 'Report date' };
  const date = report.submittedOn;
  // A date cell holding something else ("31/02/2021", "hôm qua") already has its reading error.
  if (date === null && report.submittedOnUnreadable === true) return [];
  if (date === null) {
    return [
      makeFinding('warning', 'submitted-on-missing', {
        vi: `${at.vi}: để trống; hãy ghi ngày ký báo cáo (nếu không có sổ theo dõi ngày nhận, báo cáo không được tính đúng hạn).`,
        en: `${at.en}: blank; enter the date the report was signed (without a received-date register it cannot count as on time).`,
      }, location),
    ];
  }
  if (!period) return [];
  if (date < period.cutoffEnd) {
    return [
      makeFinding('warning', 'submitted-before-cutoff-end', {
        vi: `${at.vi}: ${formatDateVi(date)} sớm hơn ngày chốt số liệu ${formatDateVi(period.cutoffEnd)} của kỳ ${period.code}; kiểm tra lại ngày báo cáo.`,
        en: `${at.en}: ${date} is before the period ${period.code}'s data cut-off ${period.cutoffEnd}; check the report date.`,
      }, location),
    ];
  }
  const reported = parseIsoDate(date);
  const deadline = parseIsoDate(period.deadline);
  if (reported && deadline && daysFromCivil(reported) - daysFromCivil(deadline) > IMPLAUSIBLE_AFTER_DEADLINE_DAYS) {
    return [
      makeFinding('warning', 'submitted-on-implausible', {
        vi: `${at.vi}: ${formatDateVi(date)} muộn hơn hạn gửi báo cáo ${formatDateVi(period.deadline)} hơn một năm; có thể gõ nhầm năm.`,
        en: `${at.en}: ${date} is more than a year after the deadline ${period.deadline}; the year may be mistyped.`,
      }, location),
    ];
  }
  return [];
}
