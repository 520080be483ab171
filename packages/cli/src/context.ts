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
import type { ReadLimits } from '@cchc-kpi/xlsx';
import type { ReadOptions } from './mapping/read-any.ts';

/** The plan and unit list a command works with. */
export interface RunContext {
  plan: Plan;
  units: Unit[];
  /** The reader's limits given on the command line (`--max-file-size` …); absent ones keep the defaults. */
  limits?: Partial<ReadLimits>;
  /** How workbooks in other layouts are read: `--mappings`, `--convert`, `--unit`/`--period` overrides (mapping/read-any.ts). */
  read?: ReadOptions;
}

export interface ContextOptions {
  /** Built-in plan id (e.g. `hatinh-2021`) or a path to a plan JSON file. */
  plan?: string;
  /** CSV or JSON file of extra units (agencies) appended to the built-in registry. */
  units?: string;
  /** `--mappings DIR`: saved layout mappings, one `<unit code>.json` per unit. */
  mappings?: string;
  /** `--convert`: convert .xls/.ods through LibreOffice. */
  convert?: boolean;
  /** `--unit` of check/inspect: the unit of layout files, whatever they say. */
  unitOverride?: string;
  /** `--period` of check/inspect: the period of layout files, whatever they say. */
  periodOverride?: string;
}

/** The reading options carried in the run context, from the command's options (undefined when none is given). */
export function readOptionsOf(options: ContextOptions): ReadOptions | undefined {
  const read: ReadOptions = {};
  if (options.mappings !== undefined) read.mappings = options.mappings;
  if (options.convert) read.convert = true;
  if (options.unitOverride !== undefined) read.unit = options.unitOverride;
  if (options.periodOverride !== undefined) read.period = options.periodOverride;
  return Object.keys(read).length > 0 ? read : undefined;
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
  const read = readOptionsOf(options);
  return { ok: true, value: { plan, units, ...(read ? { read } : {}) }, findings };
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
