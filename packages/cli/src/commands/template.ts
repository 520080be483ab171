import { join } from 'node:path';
import { parsePeriod, type Unit } from '@cchc-kpi/core';
import { templateFileName, writeTemplate } from '@cchc-kpi/xlsx/write';
import { periodOutsidePlan } from '../io/plan-year.ts';
import { loadContext, unitsForPeriod } from '../context.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import type { Lang } from '../io/lang.ts';
import { checkOutputs } from '../io/output-check.ts';
import { describeSystemError } from '../io/system-error.ts';
import { EXIT, type Io } from './io.ts';

export interface TemplateOptions {
  unit?: string[];
  all?: boolean;
  period: string;
  out: string;
  plan?: string;
  units?: string;
  force?: boolean;
  quiet?: boolean;
  lang: Lang;
}

/**
 * `cchc template (--unit CODE… | --all) --period P --out DIR`: writes one report form per unit,
 * named `<unit code>-<period>.xlsx`; a unit named twice is one form. Before writing any, checks
 * every form's path (io/output-check.ts): an existing form without `--force`, a folder that
 * cannot take it or a name too long stop the command with nothing written.
 * Exit 0 when all were written, 2 when the command could not run (unknown unit or period, an
 * output that cannot be written — then which forms were written is said).
 */
export async function runTemplate(options: TemplateOptions, io: Io): Promise<number> {
  const { lang } = options;
  const context = await loadContext({ ...options, deferUnits: true });
  if (!context.ok) return io.failed(context.findings, lang);
  const { plan } = context.value;
  const period = parsePeriod(options.period, { deadlineDaysAfterCutoff: plan.deadline.daysAfterCutoff });
  if (!period.ok) return io.failed(period.findings, lang);
  const outside = periodOutsidePlan(period.value, plan, lang);
  if (outside) {
    io.err(outside);
    return EXIT.cannotRun;
  }
  // Forms name their unit: only units of the registry valid for the period (--units outside the built-in dates).
  const registry = unitsForPeriod(context.value, period.value);
  if (!registry.ok) return io.failed(registry.findings, lang);
  const units = registry.value;
  if (Boolean(options.all) === Boolean(options.unit?.length)) {
    io.err(lang === 'vi' ? 'Chọn một trong hai: --unit MÃ hoặc --all.' : 'Give either --unit CODE or --all.');
    return EXIT.cannotRun;
  }
  const byCode = new Map(units.map((u) => [u.code, u]));
  // `--unit 18070 18070` is one form.
  const codes = [...new Set(options.unit ?? [])];
  const unknown = options.all ? [] : codes.filter((code) => !byCode.has(code));
  if (unknown.length > 0) {
    io.err(lang === 'vi' ? `Mã đơn vị không có trong danh mục: ${unknown.join(', ')}` : `Unit codes not in the registry: ${unknown.join(', ')}`);
    return EXIT.cannotRun;
  }
  const chosen = options.all ? units : codes.map((code) => byCode.get(code) as Unit);
  const forms = chosen.map((unit) => ({ unit, path: join(options.out, templateFileName(unit, period.value)) }));
  const problems = await checkOutputs(
    forms.map((f) => f.path),
    { force: Boolean(options.force) },
  );
  if (problems.length > 0) {
    for (const problem of problems) io.err(problem[lang]);
    return EXIT.cannotRun;
  }
  const written: string[] = [];
  for (const { unit, path } of forms) {
    try {
      await writeFileAtomic(path, (await writeTemplate(plan, unit, period.value)).bytes);
    } catch (error) {
      const why = describeSystemError(error, 'write', path);
      if (why === null) throw error;
      io.err(`${why[lang]} ${writtenText(written, forms.length, lang)}`);
      return EXIT.cannotRun;
    }
    written.push(path);
    if (!options.quiet) io.err(lang === 'vi' ? `Đã ghi ${path}` : `Wrote ${path}`);
  }
  return EXIT.ok;
}

/** "Đã ghi 3/15 biểu mẫu: a, b, c." after a write failed. */
function writtenText(written: readonly string[], total: number, lang: Lang): string {
  if (written.length === 0) return lang === 'vi' ? 'Chưa ghi biểu mẫu nào.' : 'No form was written.';
  const list = written.length <= 5 ? written.join(', ') : `${written.slice(0, 5).join(', ')}…`;
  return lang === 'vi' ? `Đã ghi ${written.length}/${total} biểu mẫu: ${list}.` : `Wrote ${written.length} of ${total} forms: ${list}.`;
}
