import { basename, extname, resolve } from 'node:path';
import { createConsolidator, findingCountsText, findingCountsTextEn, parsePeriod, withLastYearFigures, type Consolidation } from '@cchc-kpi/core';
import { handleInterrupts } from '../consolidate/interrupt.ts';
import { createOutputWriter, incompleteText, OutputsIncomplete } from '../consolidate/output-writer.ts';
import { readAll } from '../consolidate/read-all.ts';
import { outputFiles, plannedOutputs, writeOutputs } from '../consolidate/write-outputs.ts';
import type { ReportFlags } from '../consolidate/report-options.ts';
import { checkReportFlags, readComparison, reportExtras, reportOutputFiles, reportSummary, writeReportOutputs } from '../consolidate/report-outputs.ts';
import { periodOutsidePlan } from '../io/plan-year.ts';
import { loadContext, unitsForPeriod } from '../context.ts';
import { readReceivedRegister } from '../io/received.ts';
import { parseCsvSeparator } from '../io/csv.ts';
import { isOwnOutput } from '../io/own-output.ts';
import { scanInputs, skipFinding } from '../io/inputs.ts';
import { formatFinding, printable, type Lang } from '../io/lang.ts';
import { checkOutputs } from '../io/output-check.ts';
import { describeSystemError } from '../io/system-error.ts';
import { createReadPool, defaultWorkerCount } from '../pool/read-pool.ts';
import { createProgress } from '../progress.ts';
import { withLimits, type LimitFlags } from '../io/limits.ts';
import { EXIT, type Io } from './io.ts';

export interface ConsolidateOptions extends LimitFlags, ReportFlags {
  period: string;
  out: string;
  json?: string;
  /** CSV of the unit × indicator table; findings in the `-phat-hien` file next to it. */
  csv?: string;
  /** `,` (default), `;` or `tab`. */
  csvSeparator?: string;
  received?: string;
  plan?: string;
  units?: string;
  quiet?: boolean;
  force?: boolean;
  /** Files read in parallel (worker threads); default the available cores; 1 reads in-process. */
  workers?: number;
  lang: Lang;
}

/**
 * `cchc consolidate DIR|FILE… --period P --out FILE.xlsx`: reads every report, keeps going past
 * bad files (each becomes a finding), consolidates the period and writes the workbook (and the
 * JSON with `--json FILE` or `--json -` for stdout) atomically, saying what it writes. Before
 * reading anything it checks every flag and every output: an existing output without `--force`,
 * an output that is also an input, a folder that cannot take it, a name too long (io/output-check.ts).
 * Exit 0 when the outputs were written (findings are inside them), 2 when the command could not
 * run (or an output could not be written: which outputs are in place is said), 130 on Ctrl-C
 * (consolidate/interrupt.ts).
 */
export async function runConsolidate(paths: string[], options: ConsolidateOptions, io: Io): Promise<number> {
  const { lang } = options;
  const loaded = await loadContext({ ...options, deferUnits: true });
  if (!loaded.ok) return io.failed(loaded.findings, lang);
  const limited = withLimits(loaded.value, options);
  if (!limited.ok) return io.failed(limited.findings, lang);
  const { plan } = limited.value;
  const period = parsePeriod(options.period, { deadlineDaysAfterCutoff: plan.deadline.daysAfterCutoff });
  if (!period.ok) return io.failed(period.findings, lang);
  const outside = periodOutsidePlan(period.value, plan, lang);
  if (outside) {
    io.err(outside);
    return EXIT.cannotRun;
  }
  // The registry of the period: the built-in one (with --units added) within its dates, else --units alone.
  const registry = unitsForPeriod(limited.value, period.value);
  if (!registry.ok) return io.failed(registry.findings, lang);
  const units = registry.value;
  const context = { ...loaded, value: { ...limited.value, units }, findings: [...loaded.findings, ...registry.findings] };

  // Everything about the outputs is checked before anything is read (issue p1 E, H).
  if (extname(options.out).toLowerCase() !== '.xlsx') {
    io.err(lang === 'vi' ? `Tệp kết quả phải có đuôi .xlsx: ${options.out}` : `The output must end in .xlsx: ${options.out}`);
    return EXIT.cannotRun;
  }
  if (options.csvSeparator !== undefined && parseCsvSeparator(options.csvSeparator) === null) {
    io.err(
      lang === 'vi'
        ? `Dấu phân cách CSV không hợp lệ: "${options.csvSeparator}" (dùng , hoặc ; hoặc tab).`
        : `Invalid CSV separator: "${options.csvSeparator}" (use , or ; or tab).`,
    );
    return EXIT.cannotRun;
  }
  // --html, --docx, --feedback, --report-date, --report-number (consolidate/report-outputs.ts)
  const flags = checkReportFlags(options, plan, period.value, units);
  if (!flags.ok) return io.failed(flags.findings, lang);
  for (const note of flags.value.notes) io.err(formatFinding(note, lang));
  const settings: ConsolidateOptions = { ...options, ...(flags.value.reportNumber !== undefined ? { reportNumber: flags.value.reportNumber } : {}) };
  const outputs = outputFiles(options);
  if (new Set(outputs.map((o) => resolve(o))).size !== outputs.length) {
    io.err(lang === 'vi' ? `Hai tệp kết quả trùng đường dẫn: ${outputs.join(', ')}` : `Two outputs share a path: ${outputs.join(', ')}`);
    return EXIT.cannotRun;
  }
  const scan = await scanInputs(paths);
  if (scan.missing.length > 0) return io.missing(scan.missing, lang);
  // Nothing to consolidate at all: say so, write nothing (a folder of blank or unreadable forms is not this).
  if (scan.files.length === 0) {
    io.err(noInputFiles(paths, scan.skipped.length, lang));
    return EXIT.cannotRun;
  }
  const inputs = new Set(scan.files.map((f) => resolve(f)));
  for (const output of outputs) {
    // An output among the inputs is refused, unless it is our own earlier consolidated workbook.
    if (inputs.has(resolve(output)) && !(await isOwnOutput(output))) {
      io.err(lang === 'vi' ? `Tệp kết quả trùng với một tệp đầu vào: ${output}` : `An output is also an input: ${output}`);
      return EXIT.cannotRun;
    }
  }
  // --html, --docx and --feedback files: not over another output or an input.
  const reportFiles = reportOutputFiles(options, units, period.value.code);
  for (const output of reportFiles) {
    if (outputs.some((o) => resolve(o) === resolve(output)) || inputs.has(resolve(output))) {
      io.err(lang === 'vi' ? `Tệp kết quả trùng với một tệp khác của lệnh: ${output}` : `An output clashes with another file of the command: ${output}`);
      return EXIT.cannotRun;
    }
  }
  // Each output: a name the disk takes, a folder that takes it, no file overwritten without --force.
  const problems = await checkOutputs([...outputs, ...reportFiles], { force: Boolean(options.force) });
  if (problems.length > 0) {
    for (const problem of problems) io.err(problem[lang]);
    return EXIT.cannotRun;
  }

  // --compare (consolidate/report-outputs.ts) and --received: small files, read before the reports.
  const report = await readComparison(options, plan, period.value, basename, context.value.limits);
  if (!report.ok) return io.failed(report.findings, lang);
  let received: Map<string, string> | undefined;
  const startFindings = [...context.findings];
  if (options.received) {
    const parsed = await readReceivedRegister(options.received, units, context.value.limits);
    if (!parsed.ok) return io.failed(parsed.findings, lang);
    received = parsed.value;
    startFindings.push(...parsed.findings);
  }

  // With --compare, a CT2a figure without last year's takes it from the earlier consolidation.
  const consolidator = withLastYearFigures(createConsolidator({ plan, units, period: period.value, ...(received ? { received } : {}) }), report.value.lastYear, plan);
  if (report.value.findings.length > 0) consolidator.addFailure(options.compare ? basename(options.compare) : '', report.value.findings);
  if (startFindings.length > 0) consolidator.addFailure(options.received ? basename(options.received) : '', startFindings);
  for (const skipped of scan.skipped) consolidator.addFailure(basename(skipped.file), [skipFinding(skipped)]);

  const interruption = handleInterrupts(io.err, lang);
  try {
    // No more threads than files (one file or none is read in-process).
    const workers = Math.min(options.workers ?? defaultWorkerCount(), Math.max(1, scan.files.length));
    const pool = await createReadPool({ context: context.value, period: period.value, workers });
    const progress = createProgress({ total: scan.files.length, quiet: Boolean(options.quiet), isTty: io.isTty, lang, err: io.err });
    let complete = false;
    try {
      complete = await readAll(scan.files, { pool, consolidator, progress, signal: interruption.signal });
    } finally {
      progress.stop();
      await pool.destroy();
    }
    if (!complete || interruption.signal.aborted) {
      interruption.closeReading();
      return 130;
    }
    const result = consolidator.finish();
    const extras = reportExtras(result, plan, report.value);
    const flagsAndExtras = { ...settings, ...extras };
    const writer = createOutputWriter(plannedOutputs(flagsAndExtras, result), { quiet: Boolean(options.quiet), isTty: io.isTty, lang, err: io.err, signal: interruption.signal });
    interruption.writing(writer);
    try {
      await writeOutputs(result, plan, flagsAndExtras, io.stdout, { writer, alsoWrite: (w) => writeReportOutputs(result, plan, flagsAndExtras, w) });
    } catch (error) {
      if (interruption.ending) return 130;
      if (!(error instanceof OutputsIncomplete)) throw error;
      io.err(incompleteText(error, lang));
      if (describeSystemError(error.cause) === null) throw error.cause;
      return EXIT.cannotRun;
    }
    if (!options.quiet) io.err(summary(result, options, lang));
  } finally {
    interruption.dispose();
  }
  return EXIT.ok;
}

/** Error text when the inputs hold no workbook at all (exit 2, nothing written). */
function noInputFiles(paths: readonly string[], skipped: number, lang: Lang): string {
  const where = paths.map((p) => printable(p)).join(', ');
  return lang === 'vi'
    ? `Không có tệp báo cáo nào (.xlsx, .xls, .ods) trong ${where}${skipped > 0 ? ` (đã bỏ qua ${skipped} tệp hoặc thư mục con khác)` : ''}: không tổng hợp và không ghi tệp kết quả nào. Hãy kiểm tra lại đường dẫn thư mục báo cáo.`
    : `No report files (.xlsx, .xls, .ods) in ${where}${skipped > 0 ? ` (${skipped} other files or subfolders skipped)` : ''}: nothing consolidated, no output written. Check the path of the report folder.`;
}

function summary(result: Consolidation, options: ConsolidateOptions, lang: Lang): string {
  const { totals } = result;
  const late = totals.received - totals.onTime;
  return lang === 'vi'
    ? `Kỳ ${result.period.code}: đã nhận ${totals.received}/${totals.expected} đơn vị${totals.unreadable > 0 ? ` (thêm ${totals.unreadable} đơn vị gửi tệp không đọc được)` : ''}, đúng hạn ${totals.onTime}, muộn hoặc chưa rõ ngày ${late}; ${findingCountsText(result.findings)}. Đã ghi ${outputFiles(options).join(', ')}${reportSummary(options, result.units.length, lang)}.`
    : `Period ${result.period.code}: received ${totals.received}/${totals.expected} units${totals.unreadable > 0 ? ` (and ${totals.unreadable} units sent files that could not be read)` : ''}, on time ${totals.onTime}, late or undated ${late}; ${findingCountsTextEn(result.findings)}. Wrote ${outputFiles(options).join(', ')}${reportSummary(options, result.units.length, lang)}.`;
}
