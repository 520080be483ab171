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
 * a consolidation), `compare-figure-invalid` (warning: figures outside what this tool writes,
 * ignored), `json-too-large` / `json-too-deep` (errors: refused before parsing),
 * `compare-period-not-previous-year` (warning: the earlier consolidation is not
 * the same period one year earlier, so last year's figures are not taken from it),
 * `compare-plan-differs` (notice: made against another plan; indicators matched by code).
 */
import { makeFinding, type Finding } from '../finding.ts';
import { jsonLimitFinding, parseBoundedJson, type JsonLimits } from '../json/bounded.ts';
import { parsePeriod } from '../period/period.ts';
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
  units: Map<string, { name: string; standing: UnitStanding; indicators: Map<string, PreviousUnitFigures> }>;
}

/**
 * One unit's figures of one indicator in the earlier consolidation: counts, or the yes/no
 * answer (`value` true/false) of a yes/no indicator. Null where blank, and where the earlier
 * consolidation did not count the figure (see {@link parsePreviousConsolidation}).
 */
export interface PreviousUnitFigures {
  numerator: number | null;
  denominator: number | null;
  value: number | boolean | null;
}

/** Largest earlier-consolidation JSON read (characters); the 15-unit example is about 240 KB, 1,000 units about 16 MB. */
export const MAX_PREVIOUS_JSON_CHARS = 64 * 1024 * 1024;

const CODE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;
/** Plan ids as the plan schema allows them (plan/schema.ts), at most 64 characters. */
const PLAN_ID = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
/**
 * The largest count or sum this tool writes: sums of whole counts stay exact below 2^53, far
 * under Excel's largest number (9.99999999999999E+307). Our convention.
 */
export const MAX_PREVIOUS_FIGURE = Number.MAX_SAFE_INTEGER;
/** The most invalid figures a `compare-figure-invalid` message lists. */
const LISTED_FIGURES = 5;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function field(o: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}
function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
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
 * Reads the figures of the earlier consolidation, keeping only values in the shapes and ranges
 * this tool writes and recording the others (their JSON path and value) for one warning.
 */
class FigureReader {
  readonly rejected: { path: string; value: unknown }[] = [];
  rejectedCount = 0;

  private reject(path: string, value: unknown): null {
    this.rejectedCount += 1;
    if (this.rejected.length < LISTED_FIGURES) this.rejected.push({ path, value });
    return null;
  }

  /** A value from `min` to `max` (`integer`: whole); absent or null → null; anything else → null, recorded. */
  number(o: Record<string, unknown>, key: string, path: string, min: number, max: number, integer = false): number | null {
    const v = field(o, key);
    if (v === undefined || v === null) return null;
    if (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v))) return v;
    return this.reject(`${path}.${key}`, v);
  }

  /** A count or sum: 0 to {@link MAX_PREVIOUS_FIGURE}. */
  figure(o: Record<string, unknown>, key: string, path: string): number | null {
    return this.number(o, key, path, 0, MAX_PREVIOUS_FIGURE);
  }

  /**
   * One of a unit's own figures, which the JSON copies as the unit typed it, whatever the rules
   * made of it (a negative, fractional or implausibly large number, a yes/no answer for `value`):
   * any number (or, for `value`, true/false) is a shape this tool writes. Kept when it is a count
   * from 0 to {@link MAX_PREVIOUS_FIGURE}, else blank without a warning (the earlier run refused it
   * with a finding of its own); anything else (text, a list) → null, recorded.
   */
  typed(o: Record<string, unknown>, key: 'numerator' | 'denominator' | 'value', path: string): number | boolean | null {
    const v = field(o, key);
    if (v === undefined || v === null) return null;
    if (key === 'value' && typeof v === 'boolean') return v;
    if (typeof v !== 'number') return this.reject(`${path}.${key}`, v);
    return v >= 0 && v <= MAX_PREVIOUS_FIGURE ? v : null;
  }

  /** A fraction 0–1 (completeness, timeliness). */
  fraction(o: Record<string, unknown>, key: string, path: string): number | null {
    return this.number(o, key, path, 0, 1);
  }

  /**
   * A city ratio as `indicatorTotals` writes it: numerator ÷ denominator (within 1e-9,
   * relative), null when either is missing or the denominator is 0.
   */
  ratio(o: Record<string, unknown>, path: string, numerator: number | null, denominator: number | null): number | null {
    const v = field(o, 'ratio');
    if (v === undefined || v === null) return null;
    const expected = numerator !== null && denominator !== null && denominator > 0 ? numerator / denominator : null;
    if (typeof v === 'number' && expected !== null && Math.abs(v - expected) <= 1e-9 * Math.max(1, expected)) return v;
    return this.reject(`${path}.ratio`, v);
  }

  /** The one warning about the rejected figures, or none. */
  finding(file: string | null): Finding[] {
    if (this.rejectedCount === 0) return [];
    const shown = (v: unknown): string => {
      const text = typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : String(JSON.stringify(v) ?? v);
      return text.length > 40 ? `${text.slice(0, 39)}…` : text;
    };
    const list = this.rejected.map((r) => `${r.path} = ${shown(r.value)}`).join('; ');
    const more = this.rejectedCount - this.rejected.length;
    const name = file === null ? '' : ` ${file}`;
    return [
      makeFinding(
        'warning',
        'compare-figure-invalid',
        {
          vi: `Tệp so sánh${name} có ${this.rejectedCount} số liệu không phải số liệu công cụ ghi ra (số âm, quá lớn, tỷ lệ không khớp tử số/mẫu số…); các số này bị bỏ qua, coi như để trống: ${list}${more > 0 ? ` và ${more} số khác` : ''}.`,
          en: `Comparison file${name} holds ${this.rejectedCount} figures this tool never writes (negative, too large, a ratio that does not match its numerator and denominator…); they are ignored, as if blank: ${list}${more > 0 ? ` and ${more} more` : ''}.`,
        },
        file === null ? {} : { file },
      ),
    ];
  }
}

/** The largest `scale` among a unit's `scores` (the points a score can reach), 100 when none is readable. */
function scoreScale(u: Record<string, unknown>): number {
  const scores = field(u, 'scores');
  let best = 0;
  if (isRecord(scores)) {
    for (const s of Object.values(scores)) {
      const scale = isRecord(s) ? num(field(s, 'scale')) : null;
      if (scale !== null && scale > 0 && scale <= 1_000_000) best = Math.max(best, scale);
    }
  }
  return best > 0 ? best : 100;
}

/**
 * Reads the JSON an earlier `cchc consolidate --json` wrote. Never throws. The text is checked
 * before it is parsed: longer than `limits.maxChars` (default {@link MAX_PREVIOUS_JSON_CHARS}) or
 * nesting deeper than `limits.maxDepth` (default 64) gives `json-too-large` / `json-too-deep`.
 * Text that is not JSON, or lacks a valid `period` code, a `plan` id, `units` or `totals`, gives
 * `compare-file-invalid`. Malformed parts inside (a unit without a code) are skipped.
 *
 * Figures are kept only in the shapes and ranges this tool writes, and any other becomes blank
 * (null), with one warning `compare-figure-invalid` giving how many and the first five paths:
 * counts and sums (numerators, denominators, values) from 0 to {@link MAX_PREVIOUS_FIGURE}, a
 * unit's yes/no answer (`value` true or false);
 * a city `ratio` equal to its numerator ÷ denominator; completeness and timeliness 0–1;
 * `unitsCounted`, `unitsMet` whole and ≥ 0; a unit's `score` from 0 to its profiles' largest
 * `scale` (100 when none); `rank` a whole number from 1 to the number of units. A unit's own
 * figures are copied into the JSON as the unit typed them (the rules' findings say what was wrong
 * with them): any number there is accepted, and kept only when it is a count in range (else
 * blank, without a warning). The JSON `consolidate --json` writes therefore reads back without
 * `compare-figure-invalid`. The period's
 * kind, year and index are taken from its code (`parsePeriod`), not from the file's other fields.
 * @param text the file's text (a leading byte-order mark is tolerated).
 * @param file the file name for findings.
 */
export function parsePreviousConsolidation(text: string, file: string | null = null, limits: Partial<JsonLimits> = {}): Result<PreviousConsolidation> {
  const json = parseBoundedJson(text, { maxChars: MAX_PREVIOUS_JSON_CHARS, ...limits });
  if (!json.ok) {
    if (json.problem !== 'syntax') return fail([jsonLimitFinding(json, { vi: 'Tệp so sánh', en: 'Comparison file' }, file ?? undefined)]);
    return invalid(file, 'it is not JSON', 'không phải JSON');
  }
  const data = json.value;
  if (!isRecord(data)) return invalid(file, 'it is not a JSON object', 'không phải đối tượng JSON');
  const period = field(data, 'period');
  const plan = field(data, 'plan');
  const units = field(data, 'units');
  const totals = field(data, 'totals');
  const code = isRecord(period) ? field(period, 'code') : undefined;
  const parsedPeriod = typeof code === 'string' && code.length <= 16 ? parsePeriod(code) : null;
  if (parsedPeriod === null || !parsedPeriod.ok) return invalid(file, 'it has no valid period', 'không có kỳ báo cáo hợp lệ');
  const planId = isRecord(plan) ? field(plan, 'id') : undefined;
  if (typeof planId !== 'string' || !PLAN_ID.test(planId)) return invalid(file, 'it names no plan', 'không ghi kế hoạch');
  if (!Array.isArray(units) || !isRecord(totals) || !isRecord(field(totals, 'indicators'))) {
    return invalid(file, 'it has no units or totals', 'không có danh sách đơn vị hoặc số tổng hợp');
  }
  const read = new FigureReader();
  const figures = (o: unknown, path: string): IndicatorFigures | null => {
    if (!isRecord(o)) return null;
    const numerator = read.figure(o, 'numerator', path);
    const denominator = read.figure(o, 'denominator', path);
    return {
      numerator,
      denominator,
      value: read.figure(o, 'value', path),
      ratio: read.ratio(o, path, numerator, denominator),
      unitsCounted: read.number(o, 'unitsCounted', path, 0, MAX_PREVIOUS_FIGURE, true) ?? 0,
      unitsMet: read.number(o, 'unitsMet', path, 0, MAX_PREVIOUS_FIGURE, true) ?? 0,
    };
  };
  const totalsMap = new Map<string, IndicatorFigures>();
  for (const [code, value] of Object.entries(field(totals, 'indicators') as Record<string, unknown>)) {
    if (!CODE.test(code)) continue;
    const f = figures(value, `totals.indicators.${code}`);
    if (f) totalsMap.set(code, f);
  }
  const unitMap: PreviousConsolidation['units'] = new Map();
  units.forEach((u: unknown, i: number) => {
    if (!isRecord(u)) return;
    const code = field(u, 'code');
    if (typeof code !== 'string' || !CODE.test(code) || unitMap.has(code)) return;
    const path = `units[${i}]`;
    const name = field(u, 'name');
    const indicators = new Map<string, PreviousUnitFigures>();
    const list = field(u, 'indicators');
    if (isRecord(list)) {
      for (const [ic, v] of Object.entries(list)) {
        if (!CODE.test(ic) || !isRecord(v)) continue;
        const at = `${path}.indicators.${ic}`;
        const count = (key: 'numerator' | 'denominator'): number | null => {
          const typed = read.typed(v, key, at);
          return typeof typed === 'number' ? typed : null;
        };
        indicators.set(ic, { numerator: count('numerator'), denominator: count('denominator'), value: read.typed(v, 'value', at) });
      }
    }
    unitMap.set(code, {
      name: typeof name === 'string' ? name.normalize('NFC') : code,
      standing: {
        submitted: field(u, 'submitted') === true,
        score: read.number(u, 'score', path, 0, scoreScale(u)),
        rank: read.number(u, 'rank', path, 1, Math.max(1, units.length), true),
      },
      indicators,
    });
  });
  const p = parsedPeriod.value;
  return ok(
    {
      file,
      planId,
      period: { code: p.code, kind: p.kind, year: p.year, index: p.index ?? null },
      completeness: read.fraction(totals, 'completeness', 'totals'),
      timeliness: read.fraction(totals, 'timeliness', 'totals'),
      totals: totalsMap,
      units: unitMap,
    },
    read.finding(file),
  );
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
