import { hasErrors, scoreUnit, type Finding, type Plan, type UnitScore } from '@cchc-kpi/core';
import { loadContext } from '../context.ts';
import { checkEntry, type ScoreEntryJson } from '../json.ts';
import { formatFinding, pick, printable, type Lang } from '../io/lang.ts';
import { scanInputs, skipFinding } from '../io/inputs.ts';
import { processFile, type FileOutcome } from '../pipeline.ts';
import { withLimits, type LimitFlags } from '../io/limits.ts';
import { EXIT, type Io } from './io.ts';

export interface ScoreOptions extends LimitFlags {
  json?: boolean;
  plan?: string;
  units?: string;
  lang: Lang;
}

/**
 * `cchc score FILE|DIR…`: the check of every report given (files, or the workbooks of a folder,
 * as `check` finds them) plus its score under every profile of the plan. On time = the form's
 * submission date ≤ the period's deadline (no register here). `--json` prints one array, one
 * entry per file (as `check --json`). Exit codes as `check`: 1 when any file has an error.
 */
export async function runScore(paths: string[], options: ScoreOptions, io: Io): Promise<number> {
  const loaded = await loadContext(options);
  if (!loaded.ok) return io.failed(loaded.findings, options.lang);
  const limited = withLimits(loaded.value, options);
  if (!limited.ok) return io.failed(limited.findings, options.lang);
  const context = limited.value;
  const scan = await scanInputs(paths);
  if (scan.missing.length > 0) return io.missing(scan.missing, options.lang);
  for (const skipped of scan.skipped) if (skipped.reason === 'not-a-regular-file') io.err(formatFinding(skipFinding(skipped), options.lang));
  if (scan.files.length === 0) return io.noFiles(options.lang);
  const entries: ScoreEntryJson[] = [];
  let errors = false;
  for (const file of scan.files) {
    const outcome = await processFile(file, context);
    errors ||= hasErrors(outcome.findings) || (!outcome.checked && outcome.status !== 'skipped');
    const entry = scoreEntry(outcome, context.plan);
    entries.push(entry);
    if (!options.json) printScore(entry, outcome.findings, context.plan, options.lang, io);
  }
  if (options.json) io.json(entries);
  return errors ? EXIT.findings : EXIT.ok;
}

/** One file's entry: `check`'s, with `onTime`, the scores of every profile, `score` and `band` of the primary one. */
function scoreEntry(outcome: FileOutcome, plan: Plan): ScoreEntryJson {
  const entry: ScoreEntryJson = { ...checkEntry(outcome, plan), onTime: null, score: null, scores: {}, band: null };
  const checked = outcome.checked;
  if (checked?.unit && checked.period) {
    const submitted = checked.report.submittedOn;
    entry.onTime = submitted ? submitted <= checked.period.deadline : null;
    const scores: Record<string, UnitScore> = {};
    for (const profile of plan.profiles) scores[profile.id] = scoreUnit(checked, profile, plan, { onTime: entry.onTime, date: submitted });
    entry.scores = scores;
    const primary = scores[plan.primaryProfile];
    entry.score = primary?.score ?? null;
    entry.band = primary?.band ?? null;
  }
  return entry;
}

function printScore(entry: ScoreEntryJson, findings: readonly Finding[], plan: Plan, lang: Lang, io: Io): void {
  io.out(printable(`${entry.file}: ${entry.unitName ?? entry.unit ?? '?'} — ${entry.period ?? '?'}`));
  for (const profile of plan.profiles) {
    const score = entry.scores[profile.id];
    if (!score) continue;
    io.out(`  ${pick(profile.name, lang)}: ${formatScore(score.score, lang)}/${score.scale} (${pick(score.band, lang)})`);
    for (const component of score.components) {
      io.out(`    ${pick(component.label, lang)}: ${formatScore(component.points, lang)}/${component.max} — ${pick(component.detail, lang)}`);
    }
  }
  if (Object.keys(entry.scores).length === 0) io.out(lang === 'vi' ? '  Không chấm điểm được (xem các lỗi, cảnh báo).' : '  Could not score (see the findings).');
  for (const finding of findings) io.out(`  ${formatFinding(finding, lang)}`);
}

function formatScore(value: number, lang: Lang): string {
  const text = String(Math.round(value * 100) / 100);
  return lang === 'vi' ? text.replace('.', ',') : text;
}
