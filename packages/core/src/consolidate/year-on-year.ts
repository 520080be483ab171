/**
 * Year-on-year comparison (`cchc consolidate --compare PREVIOUS.json`): the change of every
 * indicator's city figures and of every unit's score against an earlier consolidation, read from
 * the JSON an earlier `consolidate --json` wrote. Also gives "last year's figure" for the plan's
 * `comparison` indicators (CT2a: airtime this period vs the same period of the previous year).
 *
 * The previous JSON is untrusted input: it is read field by field, indicator codes are taken
 * only from the current plan, unit codes only matched against the current consolidation, and
 * lookups go through `Map`s (a key such as `__proto__` is an ordinary string).
 *
 * Finding codes (catalogue: consolidate/codes.ts): `compare-file-invalid` (error: not JSON or not
 * a consolidation), `compare-period-not-previous-year` (warning: the earlier consolidation is not
 * the same period one year earlier, so last year's figures are not taken from it),
 * `compare-plan-differs` (notice: made against another plan; indicators matched by code).
 */
import { makeFinding, type Finding } from '../finding.ts';
import type { Plan } from '../plan/schema.ts';
import { fail, ok, type Result } from '../result.ts';
import type { Consolidation } from './types.ts';

/** City figures of one indicator in one consolidation. */
export interface IndicatorFigures {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  ratio: number | null;
  unitsCounted: number;
  unitsMet: number;
}

/**
 * One indicator's change: current − previous for each figure (null where either side is null).
 * `ratio` is a difference of fractions: +0.05 = up 5 percentage points.
 */
export interface IndicatorChange {
  code: string;
  current: IndicatorFigures;
  /** Null when the earlier consolidation has no such indicator. */
  previous: IndicatorFigures | null;
  change: { numerator: number | null; denominator: number | null; value: number | null; ratio: number | null };
}

/** One unit's score and rank in one consolidation. */
export interface UnitStanding {
  submitted: boolean;
  score: number | null;
  rank: number | null;
}

/**
 * One unit's change: `score` = current − previous points (2 decimals); `rank` = previous rank −
 * current rank (positive = moved up). Null where either side has no score.
 */
export interface UnitChange {
  code: string;
  name: string;
  current: UnitStanding;
  /** Null when the unit is not in the earlier consolidation. */
  previous: UnitStanding | null;
  change: { score: number | null; rank: number | null };
}

/** A ratio of the submission progress in both consolidations and its change (fractions). */
export interface RateChange {
  current: number;
  previous: number | null;
  change: number | null;
}

/** The comparison of the current consolidation with an earlier one. */
export interface Comparison {
  /** The earlier consolidation: its period, plan id and, when known, file name. */
  previous: { period: string; planId: string; file: string | null };
  current: { period: string };
  /** The earlier period is the same period one year before (e.g. 2020-H1 for 2021-H1). */
  samePeriodLastYear: boolean;
  completeness: RateChange;
  timeliness: RateChange;
  /** Plan order. */
  indicators: IndicatorChange[];
  /** Units of the current consolidation, official order. */
  units: UnitChange[];
}

/** What is read from the earlier consolidation's JSON. */
export interface PreviousConsolidation {
  file: string | null;
  planId: string;
  period: { code: string; kind: string; year: number; index: number | null };
  completeness: number | null;
  timeliness: number | null;
  /** Indicator code → city figures (only codes that look like codes). */
  totals: Map<string, IndicatorFigures>;
  /** Unit code → name, standing and its own indicator figures (numerator/denominator/value per code). */
  units: Map<string, { name: string; standing: UnitStanding; indicators: Map<string, { numerator: number | null; denominator: number | null; value: number | null }> }>;
}

/** Largest earlier-consolidation JSON read (bytes of UTF-16 text); the 15-unit example is about 240 KB. */
export const MAX_PREVIOUS_JSON_CHARS = 64 * 1024 * 1024;

const CODE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function field(o: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}
function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
function count(v: unknown): number {
  const n = num(v);
  return n !== null && Number.isInteger(n) && n >= 0 ? n : 0;
}

/** Rounds a difference to 12 decimals, so 0.93 − 0.9 is 0.03 and not 0.030000000000000027. */
export function roundChange(x: number, decimals = 12): number {
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

function diff(a: number | null, b: number | null, decimals = 12): number | null {
  return a === null || b === null ? null : roundChange(a - b, decimals);
}

function invalid(file: string | null, en: string, vi: string): Result<PreviousConsolidation> {
  const name = file === null ? '' : ` ${file}`;
  return fail([
    makeFinding(
      'error',
      'compare-file-invalid',
      {
        vi: `Tệp so sánh${name} không dùng được: ${vi}. Cần tệp JSON do "cchc consolidate --json" ghi ở kỳ trước.`,
        en: `Comparison file${name} cannot be used: ${en}. It must be a JSON written by "cchc consolidate --json" for an earlier period.`,
      },
      file === null ? {} : { file },
    ),
  ]);
}

/**
 * Reads the JSON an earlier `cchc consolidate --json` wrote. Never throws: text that is not JSON,
 * too long, or lacks `period`, `plan`, `units` or `totals` gives `compare-file-invalid`.
 * Malformed parts inside (a unit without a code, a figure that is not a number) are skipped.
 * @param text the file's text (a leading byte-order mark is tolerated).
 * @param file the file name for findings.
 */
export function parsePreviousConsolidation(text: string, file: string | null = null): Result<PreviousConsolidation> {
  if (text.length > MAX_PREVIOUS_JSON_CHARS) return invalid(file, 'the file is too large', 'tệp quá lớn');
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return invalid(file, 'it is not JSON', 'không phải JSON');
  }
  if (!isRecord(data)) return invalid(file, 'it is not a JSON object', 'không phải đối tượng JSON');
  const period = field(data, 'period');
  const plan = field(data, 'plan');
  const units = field(data, 'units');
  const totals = field(data, 'totals');
  if (!isRecord(period) || typeof field(period, 'code') !== 'string' || typeof field(period, 'year') !== 'number') {
    return invalid(file, 'it has no period', 'không có kỳ báo cáo');
  }
  if (!isRecord(plan) || typeof field(plan, 'id') !== 'string') return invalid(file, 'it names no plan', 'không ghi kế hoạch');
  if (!Array.isArray(units) || !isRecord(totals) || !isRecord(field(totals, 'indicators'))) {
    return invalid(file, 'it has no units or totals', 'không có danh sách đơn vị hoặc số tổng hợp');
  }
  const figures = (o: unknown): IndicatorFigures | null => {
    if (!isRecord(o)) return null;
    return {
      numerator: num(field(o, 'numerator')),
      denominator: num(field(o, 'denominator')),
      value: num(field(o, 'value')),
      ratio: num(field(o, 'ratio')),
      unitsCounted: count(field(o, 'unitsCounted')),
      unitsMet: count(field(o, 'unitsMet')),
    };
  };
  const totalsMap = new Map<string, IndicatorFigures>();
  for (const [code, value] of Object.entries(field(totals, 'indicators') as Record<string, unknown>)) {
    const f = figures(value);
    if (CODE.test(code) && f) totalsMap.set(code, f);
  }
  const unitMap: PreviousConsolidation['units'] = new Map();
  for (const u of units) {
    if (!isRecord(u)) continue;
    const code = field(u, 'code');
    if (typeof code !== 'string' || !CODE.test(code) || unitMap.has(code)) continue;
    const name = field(u, 'name');
    const indicators = new Map<string, { numerator: number | null; denominator: number | null; value: number | null }>();
    const list = field(u, 'indicators');
    if (isRecord(list)) {
      for (const [ic, v] of Object.entries(list)) {
        if (!CODE.test(ic) || !isRecord(v)) continue;
        indicators.set(ic, { numerator: num(field(v, 'numerator')), denominator: num(field(v, 'denominator')), value: num(field(v, 'value')) });
      }
    }
    unitMap.set(code, {
      name: typeof name === 'string' ? name.normalize('NFC') : code,
      standing: { submitted: field(u, 'submitted') === true, score: num(field(u, 'score')), rank: num(field(u, 'rank')) },
      indicators,
    });
  }
  const index = num(field(period, 'index'));
  return ok({
    file,
    planId: field(plan, 'id') as string,
    period: { code: field(period, 'code') as string, kind: String(field(period, 'kind') ?? ''), year: field(period, 'year') as number, index },
    completeness: num(field(totals, 'completeness')),
    timeliness: num(field(totals, 'timeliness')),
    totals: totalsMap,
    units: unitMap,
  });
}

/** True when `previous` is the same kind of period as `current`, one year earlier (2020-H1 for 2021-H1). */
export function isSamePeriodLastYear(current: Consolidation['period'], previous: PreviousConsolidation['period']): boolean {
  return previous.kind === current.kind && previous.year === current.year - 1 && (previous.index ?? null) === (current.index ?? null);
}

/**
 * Findings about using `previous` for `current`: a warning when it is not the same period one
 * year earlier (changes are still computed; last year's figures are not taken), a notice when it
 * was made against another plan.
 */
export function previousConsolidationFindings(previous: PreviousConsolidation, current: { period: Consolidation['period']; planId: string }): Finding[] {
  const out: Finding[] = [];
  const at = previous.file === null ? {} : { file: previous.file };
  if (!isSamePeriodLastYear(current.period, previous.period)) {
    out.push(
      makeFinding(
        'warning',
        'compare-period-not-previous-year',
        {
          vi: `Tệp so sánh là kỳ ${previous.period.code}, không phải cùng kỳ năm trước của kỳ ${current.period.code}; vẫn tính mức thay đổi nhưng không lấy số liệu cùng kỳ năm trước từ tệp này.`,
          en: `The comparison file is for ${previous.period.code}, not the same period of the year before ${current.period.code}; changes are computed, but last year's figures are not taken from it.`,
        },
        at,
      ),
    );
  }
  if (previous.planId !== current.planId) {
    out.push(
      makeFinding(
        'notice',
        'compare-plan-differs',
        {
          vi: `Tệp so sánh được lập theo kế hoạch "${previous.planId}", khác kế hoạch hiện hành "${current.planId}"; các chỉ tiêu được so theo mã.`,
          en: `The comparison file was made against plan "${previous.planId}", not "${current.planId}"; indicators are matched by code.`,
        },
        at,
      ),
    );
  }
  return out;
}

/**
 * Last year's figure of each unit for the plan's `comparison` indicators (CT2a): the unit's
 * numerator (this period's figure) in the earlier consolidation, when that is the same period one
 * year earlier and the figure is a number. Unit code → indicator code → figure.
 */
export function lastYearFigures(plan: Plan, previous: PreviousConsolidation, currentPeriod: Consolidation['period']): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  if (!isSamePeriodLastYear(currentPeriod, previous.period)) return out;
  const codes = plan.indicators.filter((i) => i.measure === 'comparison').map((i) => i.code);
  for (const [unit, entry] of previous.units) {
    for (const code of codes) {
      const figure = entry.indicators.get(code)?.numerator;
      if (typeof figure !== 'number' || !Number.isInteger(figure) || figure < 0) continue;
      let m = out.get(unit);
      if (!m) out.set(unit, (m = new Map()));
      m.set(code, figure);
    }
  }
  return out;
}

/**
 * Compares the current consolidation with an earlier one: per plan indicator the city figures
 * and their changes (current − previous), per current unit the primary score and rank and their
 * changes, and the change of completeness and timeliness. Pure; same inputs → same output.
 */
export function compareConsolidations(current: Consolidation, plan: Plan, previous: PreviousConsolidation): Comparison {
  const indicators: IndicatorChange[] = plan.indicators.map((indicator) => {
    const t = Object.hasOwn(current.totals.indicators, indicator.code) ? current.totals.indicators[indicator.code] : undefined;
    const cur: IndicatorFigures = {
      numerator: t?.numerator ?? null,
      denominator: t?.denominator ?? null,
      value: t?.value ?? null,
      ratio: t?.ratio ?? null,
      unitsCounted: t?.unitsCounted ?? 0,
      unitsMet: t?.unitsMet ?? 0,
    };
    const prev = previous.totals.get(indicator.code) ?? null;
    return {
      code: indicator.code,
      current: cur,
      previous: prev,
      change: {
        numerator: diff(cur.numerator, prev?.numerator ?? null),
        denominator: diff(cur.denominator, prev?.denominator ?? null),
        value: diff(cur.value, prev?.value ?? null),
        ratio: diff(cur.ratio, prev?.ratio ?? null),
      },
    };
  });
  const units: UnitChange[] = [...current.units]
    .sort((a, b) => a.order - b.order || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((u) => {
      const p = previous.units.get(u.code);
      const cur: UnitStanding = { submitted: u.submitted, score: u.score, rank: u.rank };
      const prev = p ? { ...p.standing } : null;
      return {
        code: u.code,
        name: u.name,
        current: cur,
        previous: prev,
        change: {
          score: diff(cur.score, prev?.score ?? null, 2),
          rank: cur.rank === null || prev?.rank == null ? null : prev.rank - cur.rank,
        },
      };
    });
  const rate = (c: number, p: number | null): RateChange => ({ current: c, previous: p, change: diff(c, p) });
  return {
    previous: { period: previous.period.code, planId: previous.planId, file: previous.file },
    current: { period: current.period.code },
    samePeriodLastYear: isSamePeriodLastYear(current.period, previous.period),
    completeness: rate(current.totals.completeness, previous.completeness),
    timeliness: rate(current.totals.timeliness, previous.timeliness),
    indicators,
    units,
  };
}
