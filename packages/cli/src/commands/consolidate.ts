import { existsSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { createConsolidator, findingCountsText, findingCountsTextEn, parsePeriod, withLastYearFigures, type Consolidation } from '@cchc-kpi/core';
import { readAll } from '../consolidate/read-all.ts';
import { outputFiles, writeOutputs } from '../consolidate/write-outputs.ts';
import type { ReportFlags } from '../consolidate/report-options.ts';
import { prepareReport, reportExtras, reportOutputFiles, reportSummary, writeReportOutputs } from '../consolidate/report-outputs.ts';
import { periodOutsidePlan } from '../io/plan-year.ts';
import { loadContext, unitsForPeriod } from '../context.ts';
import { readReceivedRegister } from '../io/received.ts';
import { parseCsvSeparator } from '../io/csv.ts';
import { isOwnOutput } from '../io/own-output.ts';
import { scanInputs, skipFinding } from '../io/inputs.ts';
import { printable, type Lang } from '../io/lang.ts';
import { removePendingTempFiles } from '../io/atomic-write.ts';
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
 * JSON with `--json FILE` or `--json -` for stdout) atomically. Refuses to overwrite an existing
 * output without `--force` and an output that is also an input. Exit 0 when the outputs were
 * written (findings are inside them), 2 when the command could not run, 130 on Ctrl-C
 * (nothing written).
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
  // --html, --feedback, --compare, --report-date (consolidate/report-outputs.ts)
  const report = await prepareReport(options, plan, period.value, basename, units, context.value.limits);
  if (!report.ok) return io.failed(report.findings, lang);

  const outputs = outputFiles(options);
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
    if (existsSync(output) && !options.force) {
      io.err(lang === 'vi' ? `Tệp ${output} đã có; thêm --force để ghi đè.` : `${output} exists; add --force to overwrite it.`);
      return EXIT.cannotRun;
    }
  }
  // --html and --feedback files: not over another output or an input, not over a file without --force.
  const reportFiles = reportOutputFiles(options, units, period.value.code);
  for (const output of reportFiles) {
    const clash = outputs.some((o) => resolve(o) === resolve(output)) || inputs.has(resolve(output));
    if (clash) {
      io.err(lang === 'vi' ? `Tệp kết quả trùng với một tệp khác của lệnh: ${output}` : `An output clashes with another file of the command: ${output}`);
      return EXIT.cannotRun;
    }
    if (existsSync(output) && !options.force) {
      io.err(lang === 'vi' ? `Tệp ${output} đã có; thêm --force để ghi đè.` : `${output} exists; add --force to overwrite it.`);
      return EXIT.cannotRun;
    }
  }

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

  // Ctrl-C, handled by one listener from here to the end so that no moment is left without it.
  // While reading: say so at once, stop starting files, destroy the pool, write nothing (exit 130).
  // While writing: outputs already renamed into place are whole; the temporary file of the one
  // being written is removed, so no partial file is left behind. A second Ctrl-C ends at once.
  const stop = new AbortController();
  let writing = false;
  const onInterrupt = (): void => {
    process.exitCode = 130;
    if (writing) {
      removePendingTempFiles();
      io.err(lang === 'vi' ? 'Đã dừng theo yêu cầu trong khi ghi; không để lại tệp ghi dở.' : 'Stopped on request while writing; no partial file left.');
      process.exit(130);
    }
    if (stop.signal.aborted) process.exit(130);
    io.err(lang === 'vi' ? 'Đang dừng theo yêu cầu (Ctrl-C)…' : 'Stopping on request (Ctrl-C)…');
    stop.abort();
  };
  process.on('SIGINT', onInterrupt);
  try {
    // No more threads than files (one file or none is read in-process).
    const workers = Math.min(options.workers ?? defaultWorkerCount(), Math.max(1, scan.files.length));
    const pool = await createReadPool({ context: context.value, period: period.value, workers });
    const progress = createProgress({ total: scan.files.length, quiet: Boolean(options.quiet), isTty: io.isTty, lang, err: io.err });
    let complete = false;
    try {
      complete = await readAll(scan.files, { pool, consolidator, progress, signal: stop.signal });
    } finally {
      progress.stop();
      await pool.destroy();
    }
    if (!complete || stop.signal.aborted) {
      io.err(lang === 'vi' ? 'Đã dừng theo yêu cầu; không ghi tệp kết quả nào.' : 'Stopped on request; no output written.');
      return 130;
    }
    writing = true;
    const result = consolidator.finish();
    const extras = reportExtras(result, plan, report.value);
    await writeOutputs(result, plan, { ...options, ...extras }, io.stdout, () => writeReportOutputs(result, plan, { ...options, ...extras }));
    if (!options.quiet) io.err(summary(result, options, lang));
  } finally {
    process.removeListener('SIGINT', onInterrupt);
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
