import { basename, extname } from 'node:path';
import {
  builtinPlans,
  hatinh2021,
  hatinhCity2020,
  mergeUnits,
  parsePlanJson,
  parseUnitsCsv,
  parseUnitsJson,
  registryForPeriod,
  type Finding,
  type GivenUnits,
  type Period,
  type Plan,
  type Result,
  type SavedMappings,
  type Unit,
} from '@cchc-kpi/core';
import { limitOf, limitsFromOptions, type CliLimits, type LimitFlags } from './io/limits.ts';
import { CONFIG_FILE, readTextFile, type InputKind } from './io/read-file.ts';
import { loadMappings } from './mapping/store.ts';

/** Reading options of `check`, `score`, `consolidate` and `inspect` (plain data: they travel to worker threads). */
export interface ReadOptions {
  /** `--mappings DIR`: folder of saved mappings, one `<unit code>.json` per unit (loaded into `RunContext.mappings`). */
  mappings?: string;
  /** `--convert`: convert .xls/.ods through LibreOffice. */
  convert?: boolean;
  /** `--unit` (check, inspect): the unit of every file read, whatever the file says (layout files). */
  unit?: string;
  /** `--period` of check and inspect: the period of every layout file, whatever it says. */
  period?: string;
}

/** The plan and unit list a command works with. */
export interface RunContext {
  plan: Plan;
  /**
   * The built-in registry's units with those of `--units` added; with `deferUnits`, the built-in
   * units only, until {@link unitsForPeriod} decides for the period.
   */
  units: Unit[];
  /** The units of `--units`, when given. */
  given?: GivenUnits;
  /** The limits given on the command line (`--max-file-size`, `--max-config-size` …); absent ones keep the defaults. */
  limits?: Partial<CliLimits>;
  /** How workbooks in other layouts are read: `--mappings`, `--convert`, `--unit`/`--period` overrides. */
  read?: ReadOptions;
  /** The saved mappings of `--mappings DIR`, loaded once (mapping/store.ts), by unit code. */
  mappings?: SavedMappings;
}

export interface ContextOptions extends LimitFlags {
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
  /**
   * Leave `--units` unmerged: the command knows its period and calls {@link unitsForPeriod}, which
   * adds the units to the built-in registry or, for a period outside its dates, uses them alone.
   */
  deferUnits?: boolean;
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
 * units of Hà Tĩnh city, plus the units of `--units`, unless `deferUnits`). The files are read
 * only when they are regular files within `--max-config-size` (default 4 MiB), JSON within
 * `--max-json-depth` (64), and the saved mappings of `--mappings DIR`. Returns findings naming the
 * file when either is invalid, or a limit option is.
 */
export async function loadContext(options: ContextOptions): Promise<Result<RunContext>> {
  const limitFlags = limitsFromOptions(options);
  if (!limitFlags.ok) return limitFlags;
  const limits = limitFlags.value;
  const json = { maxChars: limitOf(limits, 'maxConfigBytes'), maxDepth: limitOf(limits, 'maxJsonDepth') };
  const findings: Finding[] = [];
  let plan: Plan = hatinh2021;
  if (options.plan) {
    const builtin = Object.hasOwn(builtinPlans, options.plan) ? builtinPlans[options.plan] : undefined;
    if (builtin) plan = builtin;
    else {
      const text = await readText(options.plan, findings, json.maxChars, CONFIG_FILE);
      if (text === null) return { ok: false, findings };
      const parsed = parsePlanJson(text, basename(options.plan), json);
      if (!parsed.ok) return { ok: false, findings: [...findings, ...parsed.findings] };
      plan = parsed.value;
    }
  }
  let units = hatinhCity2020.units;
  let given: GivenUnits | undefined;
  if (options.units) {
    const text = await readText(options.units, findings, json.maxChars, CONFIG_FILE);
    if (text === null) return { ok: false, findings };
    const source = basename(options.units);
    const extra = extname(options.units).toLowerCase() === '.json' ? parseUnitsJson(text, source, json) : parseUnitsCsv(text, source);
    if (!extra.ok) return { ok: false, findings: [...findings, ...extra.findings] };
    findings.push(...extra.findings);
    given = { units: extra.value, source };
    if (!options.deferUnits) {
      const merged = namingUnitsFile(mergeUnits(hatinhCity2020, extra.value), source);
      if (!merged.ok) return { ok: false, findings: [...findings, ...merged.findings] };
      units = merged.value.units;
      findings.push(...merged.findings);
    }
  }
  const read = readOptionsOf(options);
  const mappings = read?.mappings === undefined ? undefined : await loadMappings(read.mappings, plan, limits);
  return {
    ok: true,
    value: { plan, units, ...(given ? { given } : {}), ...(read ? { read } : {}), ...(mappings ? { mappings } : {}), ...(Object.keys(limits).length > 0 ? { limits } : {}) },
    findings,
  };
}

/**
 * The units of a period's forms or consolidation (`registryForPeriod` of core): within the built-in
 * registry's dates (Hà Tĩnh city, 01/01/2020–31/12/2024), its units with those of `--units` added;
 * outside them, the units of `--units` alone (with a notice), or a failure in both languages when
 * none was given. Use with a context loaded with `deferUnits`.
 */
export function unitsForPeriod(context: RunContext, period: Period): Result<Unit[]> {
  const found = registryForPeriod(hatinhCity2020, period, context.given);
  const registry = context.given ? namingUnitsFile(found, context.given.source) : found;
  return registry.ok ? { ok: true, value: registry.value.units, findings: registry.findings } : registry;
}

/** `result` with its findings that name no file naming the `--units` file they are about (its merge into the registry). */
function namingUnitsFile<T>(result: Result<T>, source: string): Result<T> {
  const findings = result.findings.map((f) => (f.file === undefined ? { ...f, file: source } : f));
  return { ...result, findings };
}

/**
 * Reads a UTF-8 text input of at most `maxBytes`, only when it is a regular file (see
 * `readTextFile`); on failure pushes the finding (`file-not-regular`, `file-too-large` naming
 * `kind.flag`, `file-unreadable`) and returns null.
 */
export async function readText(path: string, findings: Finding[], maxBytes: number, kind: InputKind): Promise<string | null> {
  const read = await readTextFile(path, maxBytes, kind);
  if ('finding' in read) {
    findings.push(read.finding);
    return null;
  }
  return read.text;
}
