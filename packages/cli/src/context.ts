import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import {
  builtinPlans,
  hatinh2021,
  hatinhCity2020,
  makeFinding,
  mergeUnits,
  parsePlanJson,
  parseUnitsCsv,
  parseUnitsJson,
  type Finding,
  type Plan,
  type Result,
  type Unit,
} from '@cchc-kpi/core';

/** The plan and unit list a command works with. */
export interface RunContext {
  plan: Plan;
  units: Unit[];
}

export interface ContextOptions {
  /** Built-in plan id (e.g. `hatinh-2021`) or a path to a plan JSON file. */
  plan?: string;
  /** CSV or JSON file of extra units (agencies) appended to the built-in registry. */
  units?: string;
}

/**
 * Loads the plan (built-in by id, or from a JSON file) and the unit registry (the built-in
 * fifteen units of Hà Tĩnh city, plus the units of `--units`). Returns findings naming the
 * file when either is invalid.
 */
export async function loadContext(options: ContextOptions): Promise<Result<RunContext>> {
  const findings: Finding[] = [];
  let plan: Plan = hatinh2021;
  if (options.plan) {
    const builtin = Object.hasOwn(builtinPlans, options.plan) ? builtinPlans[options.plan] : undefined;
    if (builtin) plan = builtin;
    else {
      const text = await readText(options.plan, findings);
      if (text === null) return { ok: false, findings };
      const parsed = parsePlanJson(text, basename(options.plan));
      if (!parsed.ok) return { ok: false, findings: [...findings, ...parsed.findings] };
      plan = parsed.value;
    }
  }
  let units = hatinhCity2020.units;
  if (options.units) {
    const text = await readText(options.units, findings);
    if (text === null) return { ok: false, findings };
    const source = basename(options.units);
    const extra = extname(options.units).toLowerCase() === '.json' ? parseUnitsJson(text, source) : parseUnitsCsv(text, source);
    if (!extra.ok) return { ok: false, findings: [...findings, ...extra.findings] };
    const merged = mergeUnits(hatinhCity2020, extra.value);
    if (!merged.ok) return { ok: false, findings: [...findings, ...merged.findings] };
    units = merged.value.units;
    findings.push(...extra.findings, ...merged.findings);
  }
  return { ok: true, value: { plan, units }, findings };
}

/** Reads a UTF-8 text file; on failure pushes a finding and returns null. */
export async function readText(path: string, findings: Finding[]): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    findings.push(
      makeFinding('error', 'file-unreadable', {
        vi: `Không đọc được tệp ${basename(path)} (${reason}).`,
        en: `Cannot read file ${basename(path)} (${reason}).`,
      }, { file: basename(path) }),
    );
    return null;
  }
}
