import { hasErrors, scoreUnit, type UnitScore } from '@cchc-kpi/core';
import { loadContext } from '../context.ts';
import { checkEntry, type ScoreEntryJson } from '../json.ts';
import { formatFinding, pick, type Lang } from '../io/lang.ts';
import { scanInputs } from '../io/inputs.ts';
import { processFile } from '../pipeline.ts';
import { withLimits, type LimitFlags } from '../io/limits.ts';
import { EXIT, type Io } from './io.ts';

export interface ScoreOptions extends LimitFlags {
  json?: boolean;
  plan?: string;
  units?: string;
  lang: Lang;
}

/**
 * `cchc score FILE`: the check of one report plus its score under every profile of the plan.
 * On time = the form's submission date ≤ the period's deadline (no register here).
 * Exit codes as `check`.
 */
export async function runScore(path: string, options: ScoreOptions, io: Io): Promise<number> {
  const loaded = await loadContext(options);
  if (!loaded.ok) return io.failed(loaded.findings, options.lang);
  const limited = withLimits(loaded.value, options);
  if (!limited.ok) return io.failed(limited.findings, options.lang);
  const context = { ...loaded, value: limited.value };
  const scan = await scanInputs([path]);
  if (scan.missing.length > 0) return io.missing(scan.missing, options.lang);
  const file = scan.files[0];
  if (!file) return io.noFiles(options.lang);
  const outcome = await processFile(file, context.value);
  const { plan } = context.value;
  const entry: ScoreEntryJson = { ...checkEntry(outcome, plan), onTime: null, score: null, scores: {}, band: null };
  const checked = outcome.checked;
  if (checked?.unit && checked.period) {
    const submitted = checked.report.submittedOn;
    entry.onTime = submitted ? submitted <= checked.period.deadline : null;
    const scores: Record<string, UnitScore> = {};
    for (const profile of plan.profiles) scores[profile.id] = scoreUnit(checked, profile, plan, { onTime: entry.onTime });
    entry.scores = scores;
    const primary = scores[plan.primaryProfile];
    entry.score = primary?.score ?? null;
    entry.band = primary?.band ?? null;
  }
  if (options.json) io.json(entry);
  else {
    io.out(`${entry.file}: ${entry.unitName ?? entry.unit ?? '?'} — ${entry.period ?? '?'}`);
    for (const profile of plan.profiles) {
      const score = entry.scores[profile.id];
      if (!score) continue;
      io.out(`  ${pick(profile.name, options.lang)}: ${formatScore(score.score, options.lang)}/${score.scale} (${pick(score.band, options.lang)})`);
      for (const component of score.components) {
        io.out(`    ${pick(component.label, options.lang)}: ${formatScore(component.points, options.lang)}/${component.max} — ${pick(component.detail, options.lang)}`);
      }
    }
    if (!entry.scores || Object.keys(entry.scores).length === 0) {
      io.out(options.lang === 'vi' ? '  Không chấm điểm được (xem các phát hiện).' : '  Could not score (see the findings).');
    }
    for (const finding of outcome.findings) io.out(`  ${formatFinding(finding, options.lang)}`);
  }
  return hasErrors(outcome.findings) || !outcome.checked ? EXIT.findings : EXIT.ok;
}

function formatScore(value: number, lang: Lang): string {
  const text = String(Math.round(value * 100) / 100);
  return lang === 'vi' ? text.replace('.', ',') : text;
}
