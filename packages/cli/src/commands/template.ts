import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parsePeriod } from '@cchc-kpi/core';
import { writeTemplate } from '@cchc-kpi/xlsx/write';
import { periodOutsidePlan } from '../io/plan-year.ts';
import { loadContext, unitsForPeriod } from '../context.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import type { Lang } from '../io/lang.ts';
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
 * named `<unit code>-<period>.xlsx`. Refuses to overwrite existing forms without `--force`.
 * Exit 0 when all were written, 2 when the command could not run (unknown unit or period).
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
  const chosen = options.all ? units : (options.unit ?? []).map((code) => byCode.get(code) ?? code);
  const unknown = chosen.filter((u): u is string => typeof u === 'string');
  if (unknown.length > 0) {
    io.err(lang === 'vi' ? `Mã đơn vị không có trong danh mục: ${unknown.join(', ')}` : `Unit codes not in the registry: ${unknown.join(', ')}`);
    return EXIT.cannotRun;
  }
  for (const unit of chosen) {
    if (typeof unit === 'string') continue;
    const template = await writeTemplate(plan, unit, period.value);
    const path = join(options.out, template.fileName);
    if (existsSync(path) && !options.force) {
      io.err(lang === 'vi' ? `Tệp ${path} đã có; thêm --force để ghi đè.` : `${path} exists; add --force to overwrite it.`);
      return EXIT.cannotRun;
    }
    await writeFileAtomic(path, template.bytes);
    if (!options.quiet) io.err(lang === 'vi' ? `Đã ghi ${path}` : `Wrote ${path}`);
  }
  return EXIT.ok;
}
