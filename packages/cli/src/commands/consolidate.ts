import { existsSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { createConsolidator, makeFinding, parsePeriod, parseReceivedCsv, type Consolidation } from '@cchc-kpi/core';
import { readAll } from '../consolidate/read-all.ts';
import { outputFiles, writeOutputs } from '../consolidate/write-outputs.ts';
import { loadContext, readText } from '../context.ts';
import { isOwnOutput } from '../io/own-output.ts';
import { scanInputs } from '../io/inputs.ts';
import type { Lang } from '../io/lang.ts';
import { createProgress } from '../progress.ts';
import { EXIT, type Io } from './io.ts';

export interface ConsolidateOptions {
  period: string;
  out: string;
  json?: string;
  received?: string;
  plan?: string;
  units?: string;
  quiet?: boolean;
  force?: boolean;
  lang: Lang;
}

const SKIP_REASON: Record<string, { vi: string; en: string }> = {
  'lock-file': { vi: 'tệp khóa tạm của Excel', en: 'an Excel lock file' },
  'own-output': { vi: 'tệp kết quả của chính lệnh này', en: "this command's own output" },
  'not-a-workbook': { vi: 'không phải sổ tính Excel', en: 'not an Excel workbook' },
};

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
  const context = await loadContext(options);
  if (!context.ok) return io.failed(context.findings, lang);
  const { plan, units } = context.value;
  const period = parsePeriod(options.period, { deadlineDaysAfterCutoff: plan.deadline.daysAfterCutoff });
  if (!period.ok) return io.failed(period.findings, lang);

  const outputs = outputFiles(options);
  if (extname(options.out).toLowerCase() !== '.xlsx') {
    io.err(lang === 'vi' ? `Tệp kết quả phải có đuôi .xlsx: ${options.out}` : `The output must end in .xlsx: ${options.out}`);
    return EXIT.cannotRun;
  }
  const scan = await scanInputs(paths);
  if (scan.missing.length > 0) return io.missing(scan.missing, lang);
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

  let received: Map<string, string> | undefined;
  const startFindings = [...context.findings];
  if (options.received) {
    const text = await readText(options.received, startFindings);
    if (text === null) return io.failed(startFindings, lang);
    const parsed = parseReceivedCsv(text, basename(options.received));
    if (!parsed.ok) return io.failed(parsed.findings, lang);
    received = parsed.value;
    startFindings.push(...parsed.findings);
  }

  const consolidator = createConsolidator({ plan, units, period: period.value, ...(received ? { received } : {}) });
  if (startFindings.length > 0) consolidator.addFailure(options.received ? basename(options.received) : '', startFindings);
  for (const skipped of scan.skipped) {
    const file = basename(skipped.file);
    const reason = SKIP_REASON[skipped.reason] ?? { vi: skipped.reason, en: skipped.reason };
    consolidator.addFailure(file, [
      makeFinding('notice', 'file-skipped', { vi: `Bỏ qua ${file}: ${reason.vi}.`, en: `Skipped ${file}: ${reason.en}.` }, { file }),
    ]);
  }

  let interrupted = false;
  const onInterrupt = (): void => {
    interrupted = true;
  };
  process.once('SIGINT', onInterrupt);
  const progress = createProgress({ total: scan.files.length, quiet: Boolean(options.quiet), isTty: io.isTty, lang, err: io.err });
  try {
    await readAll(scan.files, context.value, period.value, consolidator, progress, () => interrupted);
  } finally {
    progress.stop();
    process.removeListener('SIGINT', onInterrupt);
  }
  if (interrupted) {
    io.err(lang === 'vi' ? 'Đã dừng theo yêu cầu; không ghi tệp kết quả nào.' : 'Stopped on request; no output written.');
    return 130;
  }

  const result = consolidator.finish();
  await writeOutputs(result, plan, options, io.out);
  if (!options.quiet) io.err(summary(result, options, lang));
  return EXIT.ok;
}

function summary(result: Consolidation, options: ConsolidateOptions, lang: Lang): string {
  const { totals } = result;
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const late = totals.received - totals.onTime;
  return lang === 'vi'
    ? `Kỳ ${result.period.code}: đã nhận ${totals.received}/${totals.expected} đơn vị, đúng hạn ${totals.onTime}, muộn hoặc chưa rõ ngày ${late}; ${result.findings.length} phát hiện (${errors} lỗi). Đã ghi ${options.out}${options.json && options.json !== '-' ? ` và ${options.json}` : ''}.`
    : `Period ${result.period.code}: received ${totals.received}/${totals.expected} units, on time ${totals.onTime}, late or undated ${late}; ${result.findings.length} findings (${errors} errors). Wrote ${options.out}${options.json && options.json !== '-' ? ` and ${options.json}` : ''}.`;
}
