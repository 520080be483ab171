import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { findingCountsText, findingCountsTextEn, hasErrors, isIsoDate, parsePeriod, periodName, unitDisplayName } from '@cchc-kpi/core';
import { loadContext } from '../context.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { formatFinding, printable, type Lang } from '../io/lang.ts';
import { withLimits, type LimitFlags } from '../io/limits.ts';
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
 * Exit 0 written, 1 written but the form has errors (the document marks the figures that do not
 * count; fix the form first), 2 nothing written (no report could be read, unknown unit or period,
 * an existing output without `--force`, a bad option).
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
  if (existsSync(options.docx) && !options.force) {
    io.err(say(lang, `Tệp ${printable(options.docx)} đã có; thêm --force để ghi đè.`, `${printable(options.docx)} exists; add --force to overwrite it.`));
    return EXIT.cannotRun;
  }
  if (options.period) {
    const parsed = parsePeriod(options.period, { deadlineDaysAfterCutoff: context.plan.deadline.daysAfterCutoff });
    if (!parsed.ok) return io.failed(parsed.findings, lang);
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
  const { writeUnitReport } = await import('@cchc-kpi/docx');
  const bytes = await writeUnitReport(checked, context.plan, {
    ...(options.reportDate ? { reportDate: options.reportDate } : {}),
    ...(options.reportNumber ? { reportNumber: options.reportNumber } : {}),
  });
  await writeFileAtomic(options.docx, bytes);
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
