import { findingCountsText, findingCountsTextEn, hasErrors, parsePeriod, type Period } from '@cchc-kpi/core';
import { loadContext, unitsForPeriod } from '../context.ts';
import { checkEntry } from '../json.ts';
import { formatFinding, printable, type Lang } from '../io/lang.ts';
import { scanInputs, skipFinding } from '../io/inputs.ts';
import { processFile } from '../pipeline.ts';
import { withLimits, type LimitFlags } from '../io/limits.ts';
import { EXIT, type Io } from './io.ts';

export interface CheckOptions extends LimitFlags {
  json?: boolean;
  plan?: string;
  units?: string;
  period?: string;
  lang: Lang;
}

/**
 * `cchc check FILE…`: reads and validates each report. Exit 0 when no file has an error
 * finding, 1 when some has, 2 when the command could not run (bad plan, period or paths).
 */
export async function runCheck(paths: string[], options: CheckOptions, io: Io): Promise<number> {
  const loaded = await loadContext({ ...options, deferUnits: options.period !== undefined });
  if (!loaded.ok) return io.failed(loaded.findings, options.lang);
  const limited = withLimits(loaded.value, options);
  if (!limited.ok) return io.failed(limited.findings, options.lang);
  const context = { ...loaded, value: limited.value };
  let period: Period | undefined;
  if (options.period) {
    const parsed = parsePeriod(options.period, { deadlineDaysAfterCutoff: context.value.plan.deadline.daysAfterCutoff });
    if (!parsed.ok) return io.failed(parsed.findings, options.lang);
    period = parsed.value;
    // Reports of a period are checked against the registry valid then (--units outside the built-in dates).
    const registry = unitsForPeriod(context.value, period);
    if (!registry.ok) return io.failed(registry.findings, options.lang);
    context.value = { ...context.value, units: registry.value };
  }
  const scan = await scanInputs(paths);
  if (scan.missing.length > 0) return io.missing(scan.missing, options.lang);
  // Folder entries that are not regular files (a FIFO or a device named .xlsx) are said, not read.
  for (const skipped of scan.skipped) if (skipped.reason === 'not-a-regular-file') io.err(formatFinding(skipFinding(skipped), options.lang));
  if (scan.files.length === 0) return io.noFiles(options.lang);
  const entries = [];
  let errors = false;
  for (const path of scan.files) {
    const outcome = await processFile(path, context.value, period);
    errors ||= hasErrors(outcome.findings) || (!outcome.checked && outcome.status !== 'skipped');
    entries.push(checkEntry(outcome, context.value.plan));
    if (!options.json) {
      // What the file has, always: "2 lưu ý", "1 lỗi, 1 cảnh báo", "không phát hiện lỗi".
      io.out(`${printable(outcome.file)}: ${options.lang === 'vi' ? findingCountsText(outcome.findings) : findingCountsTextEn(outcome.findings)}`);
      for (const finding of outcome.findings) io.out(`  ${formatFinding(finding, options.lang)}`);
    }
  }
  if (options.json) io.json(entries);
  return errors ? EXIT.findings : EXIT.ok;
}
