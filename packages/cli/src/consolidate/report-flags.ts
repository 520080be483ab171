import { daysFromCivil, formatDate, isIsoDate, makeFinding, parseIsoDate, type Finding, type Period, type Result } from '@cchc-kpi/core';

/**
 * `--report-number` and `--report-date` of `cchc consolidate`, checked before anything is read
 * (issue p1 H): the cover prints `Số: <number>/<symbol>` and the place-and-date line, so a symbol
 * typed twice (`12/BC-UBND/BC-UBND`), a negative number or a date before the period's figures
 * exist must be refused at once, not found in the signed report.
 */

/** Days after the deadline beyond which a report date is taken for a mistyped year: the convention of core's `submitted-on-implausible`. */
export const REPORT_DATE_FAR_AFTER_DAYS = 366;

/**
 * The document number of `--report-number`: a positive whole number (`12`, leading zeros
 * dropped: `012` → `12`), or the number followed by the plan's own symbol (`12/BC-UBND`, the
 * symbol compared without regard to case or spaces), which is dropped since the cover adds it.
 * @param symbol the document symbol the cover prints after the number (the plan's `report.symbol`).
 * @returns the number as the cover prints it, or the error `report-number-invalid` saying to give the number only.
 */
export function parseReportNumber(text: string, symbol: string): Result<string> {
  const typed = text.normalize('NFC').trim();
  const slash = typed.indexOf('/');
  const number = slash < 0 ? typed : typed.slice(0, slash).trim();
  const suffix = slash < 0 ? null : typed.slice(slash + 1).trim();
  const fold = (s: string): string => s.replace(/\s+/g, '').toLocaleUpperCase('vi');
  const whole = /^\d{1,9}$/.test(number) ? Number(number) : 0;
  if (whole >= 1 && (suffix === null || fold(suffix) === fold(symbol))) return { ok: true, value: String(whole), findings: [] };
  const example = { vi: `chỉ ghi số, ví dụ --report-number 12 (ký hiệu /${symbol} được thêm tự động: "Số: 12/${symbol}")`, en: `give the number only, e.g. --report-number 12 (the symbol /${symbol} is added: "Số: 12/${symbol}")` };
  const why =
    whole >= 1 && suffix !== null
      ? { vi: `ký hiệu "${suffix}" khác ký hiệu văn bản của kế hoạch (${symbol})`, en: `the symbol "${suffix}" is not the plan's document symbol (${symbol})` }
      : { vi: 'số văn bản phải là số nguyên dương', en: 'the document number must be a positive whole number' };
  return {
    ok: false,
    findings: [
      makeFinding('error', 'report-number-invalid', {
        vi: `Số báo cáo "${text}" (--report-number) không hợp lệ: ${why.vi}; ${example.vi}.`,
        en: `Report number "${text}" (--report-number) is not valid: ${why.en}; ${example.en}.`,
      }),
    ],
  };
}

/**
 * The date of `--report-date`: an ISO date (`report-date-invalid` otherwise) not before the end of
 * the period's data cut-off (`report-date-before-period`: the report cannot be signed before its
 * figures exist; Decree 09/2019/NĐ-CP art. 12). More than {@link REPORT_DATE_FAR_AFTER_DAYS}
 * days after the deadline is accepted with the warning `report-date-far-after` (a mistyped year?).
 * @returns the date with the warning, if any, or the error.
 */
export function checkReportDate(text: string, period: Period): Result<string> {
  if (!isIsoDate(text)) {
    return {
      ok: false,
      findings: [
        makeFinding('error', 'report-date-invalid', {
          vi: `Ngày báo cáo "${text}" không hợp lệ; ghi dạng yyyy-mm-dd, ví dụ ${period.deadline}.`,
          en: `Report date "${text}" is not a yyyy-mm-dd date, e.g. ${period.deadline}.`,
        }),
      ],
    };
  }
  if (text < period.cutoffEnd) {
    return {
      ok: false,
      findings: [
        makeFinding('error', 'report-date-before-period', {
          vi: `Ngày báo cáo ${formatDate(text)} (--report-date) trước ngày chốt số liệu cuối kỳ ${period.code} (${formatDate(period.cutoffEnd)}): báo cáo chỉ ký được khi đã có số liệu của cả kỳ. Hãy ghi ngày từ ${formatDate(period.cutoffEnd)} trở đi, ví dụ --report-date ${period.deadline} (hạn gửi báo cáo).`,
          en: `Report date ${text} (--report-date) is before the end of the data cut-off of ${period.code} (${period.cutoffEnd}): the report can only be signed once the whole period's figures are in. Give a date from ${period.cutoffEnd} on, e.g. --report-date ${period.deadline} (the deadline).`,
        }),
      ],
    };
  }
  const findings: Finding[] = [];
  const date = parseIsoDate(text);
  const deadline = parseIsoDate(period.deadline);
  if (date && deadline && daysFromCivil(date) - daysFromCivil(deadline) > REPORT_DATE_FAR_AFTER_DAYS) {
    findings.push(
      makeFinding('warning', 'report-date-far-after', {
        vi: `Ngày báo cáo ${formatDate(text)} (--report-date) muộn hơn hạn gửi báo cáo kỳ ${period.code} (${formatDate(period.deadline)}) hơn một năm; kiểm tra lại, có thể gõ nhầm năm.`,
        en: `Report date ${text} (--report-date) is more than a year after the deadline of ${period.code} (${period.deadline}); check it, the year may be mistyped.`,
      }),
    );
  }
  return { ok: true, value: text, findings };
}
