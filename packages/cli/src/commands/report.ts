import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { findingCountsText, findingCountsTextEn, hasErrors, isIsoDate, parsePeriod, periodName, reportHeading, unitDisplayName, unitReportHeading } from '@cchc-kpi/core';
import { loadContext } from '../context.ts';
import { checkReportDate, parseReportNumber } from '../consolidate/report-flags.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { formatFinding, printable, type Lang } from '../io/lang.ts';
import { withLimits, type LimitFlags } from '../io/limits.ts';
import { checkOutputs } from '../io/output-check.ts';
import { describeSystemError } from '../io/system-error.ts';
import { processFile } from '../pipeline.ts';
import { EXIT, type Io } from './io.ts';

export interface ReportOptions extends LimitFlags {
  /** The Word document to write. */
  docx: string;
  reportDate?: string;
  reportNumber?: string;
  /** For a workbook not in our form: its period. */
  period?: string;
  /** For a workbook not in our form: its unit code. */
  unit?: string;
  force?: boolean;
  plan?: string;
  units?: string;
  lang: Lang;
}

const say = (lang: Lang, vi: string, en: string): string => (lang === 'vi' ? vi : en);

/**
 * `cchc report FILE --docx OUT.docx`: a unit's own report for its signature, from the form it
 * filled (Decree 30/2020/NĐ-CP layout, issued by the ward's or commune's People's Committee,
 * addressed to the city). The form is read and checked as `check` does; its findings are printed.
 * The output is checked before the form is read, as `consolidate` checks its outputs
 * (io/output-check.ts: a name the disk takes, a folder that takes it, no file replaced without
 * `--force`), and written atomically; `--report-number` and `--report-date` are checked as
 * `consolidate` checks them (consolidate/report-flags.ts) once the form says its unit and period.
 * Exit 0 written, 1 written but the form has errors (the document marks the figures that do not
 * count; fix the form first), 2 nothing written (no report could be read, unknown unit or period,
 * an output that cannot be written, a bad option).
 */
export async function runReport(file: string, options: ReportOptions, io: Io): Promise<number> {
  const { lang } = options;
  const loaded = await loadContext({ ...options, ...(options.unit ? { unitOverride: options.unit } : {}), ...(options.period ? { periodOverride: options.period } : {}) });
  if (!loaded.ok) return io.failed(loaded.findings, lang);
  const limited = withLimits(loaded.value, options);
  if (!limited.ok) return io.failed(limited.findings, lang);
  const context = limited.value;
  if (!/\.docx$/i.test(options.docx)) {
    io.err(say(lang, `Tệp báo cáo Word phải có đuôi .docx: ${printable(options.docx)}`, `The Word report must end in .docx: ${printable(options.docx)}`));
    return EXIT.cannotRun;
  }
  if (options.reportDate !== undefined && !isIsoDate(options.reportDate)) {
    io.err(say(lang, `Ngày báo cáo "${printable(options.reportDate)}" không hợp lệ; ghi dạng yyyy-mm-dd, ví dụ 2021-02-05.`, `Report date "${printable(options.reportDate)}" is not a yyyy-mm-dd date, e.g. 2021-02-05.`));
    return EXIT.cannotRun;
  }
  if (!existsSync(file)) return io.missing([file], lang);
  if (resolve(file) === resolve(options.docx)) {
    io.err(say(lang, `Tệp kết quả trùng với tệp đầu vào: ${printable(options.docx)}`, `The output is also the input: ${printable(options.docx)}`));
    return EXIT.cannotRun;
  }
  if (options.period) {
    const parsed = parsePeriod(options.period, { deadlineDaysAfterCutoff: context.plan.deadline.daysAfterCutoff });
    if (!parsed.ok) return io.failed(parsed.findings, lang);
  }
  // The output: a name the disk takes, a folder that takes it, no file replaced without --force.
  const problems = await checkOutputs([options.docx], { force: Boolean(options.force) });
  if (problems.length > 0) {
    for (const problem of problems) io.err(problem[lang]);
    return EXIT.cannotRun;
  }
  const outcome = await processFile(file, context);
  for (const finding of outcome.findings) io.err(formatFinding(finding, lang));
  const checked = outcome.checked;
  if (!checked || !checked.unit || !checked.period) {
    io.err(
      say(
        lang,
        `Không lập được báo cáo từ ${printable(outcome.file)}: không đọc được biểu mẫu, hoặc không xác định được đơn vị, kỳ báo cáo (xem các lỗi trên). Không ghi tệp nào.`,
        `Cannot write a report from ${printable(outcome.file)}: the form could not be read, or its unit or period is unknown (see the findings above). Nothing written.`,
      ),
    );
    return EXIT.cannotRun;
  }
  // The number and date as consolidate takes them: `3` or `3/BC-UBND` (the unit's own symbol), a date not before the period's cut-off ends.
  let reportNumber: string | undefined;
  if (options.reportNumber !== undefined) {
    const number = parseReportNumber(options.reportNumber, unitReportHeading(checked.unit, reportHeading(context.plan)).symbol);
    if (!number.ok) return io.failed(number.findings, lang);
    reportNumber = number.value;
  }
  if (options.reportDate !== undefined) {
    const date = checkReportDate(options.reportDate, checked.period);
    if (!date.ok) return io.failed(date.findings, lang);
    for (const note of date.findings) io.err(formatFinding(note, lang));
  }
  const { writeUnitReport } = await import('@cchc-kpi/docx');
  const bytes = await writeUnitReport(checked, context.plan, {
    ...(options.reportDate ? { reportDate: options.reportDate } : {}),
    ...(reportNumber !== undefined ? { reportNumber } : {}),
  });
  try {
    await writeFileAtomic(options.docx, bytes);
  } catch (error) {
    const why = describeSystemError(error, 'write', options.docx);
    if (why === null) throw error;
    io.err(why[lang]);
    return EXIT.cannotRun;
  }
  const errors = hasErrors(outcome.findings);
  io.err(
    say(
      lang,
      `Đã ghi ${printable(options.docx)}: báo cáo của ${unitDisplayName(checked.unit)}, ${periodName(checked.period, { inSentence: true })} (${findingCountsText(outcome.findings)}${errors ? '; số liệu có lỗi không được tính, hãy sửa biểu mẫu trước khi ký' : ''}).`,
      `Wrote ${printable(options.docx)}: the report of ${checked.unit.name} (${checked.unit.code}), ${checked.period.code} (${findingCountsTextEn(outcome.findings)}${errors ? '; figures with errors do not count: fix the form before signing' : ''}).`,
    ),
  );
  return errors ? EXIT.findings : EXIT.ok;
}
