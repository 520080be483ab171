import { makeFinding } from '../finding.ts';
import type { Finding, Message } from '../finding.ts';
import { fail, ok } from '../result.ts';
import type { Result } from '../result.ts';
import type { Period, PeriodKind } from './types.ts';
import { decree30Date, formatDate, isoDateParts } from '../vocabulary/dates.ts';
import { periodName } from '../vocabulary/periods.ts';
import { civilFromDays, daysFromCivil, formatIsoDate, parseIsoDate } from '../text/calendar.ts';

/**
 * Reporting periods and their Decree 09/2019/NĐ-CP (art. 12) data cut-off windows:
 * - quarter: 15th of the month before the quarter → 14th of the quarter's last month
 *   (Q1 2021: 2020-12-15 → 2021-03-14);
 * - first half: 15 Dec of the previous year → 14 Jun; second half: 15 Jun → 14 Dec;
 * - year: 15 Dec of the previous year → 14 Dec.
 * The submission deadline is set locally: by default the cut-off end + `deadlineDaysAfterCutoff`
 * days (plan data, default 6), or an explicit date configured for the period's code.
 *
 * All dates are ISO calendar dates `yyyy-MM-dd`. Arithmetic is on day numbers (text/calendar.ts),
 * never on `Date` objects, so results do not depend on the machine's time zone.
 *
 * Finding codes: `period-invalid` (unknown period code), `period-options-invalid` (bad number of
 * days or a configured deadline that is not a date), `period-deadline-early` (warning: a configured
 * deadline before the end of the cut-off window).
 */

/** Options for building periods: the plan's deadline rule and explicit deadlines by period code. */
export interface PeriodOptions {
  /** Days after the cut-off end (integer ≥ 0); default 6 (plan `deadline.daysAfterCutoff`). */
  deadlineDaysAfterCutoff?: number;
  /** Explicit deadlines (ISO dates) by period code, e.g. `{ "2021-Q1": "2021-03-22" }`; keys are case-insensitive. */
  deadlines?: Record<string, string>;
}

/** Default days between the end of the cut-off window and the deadline. */
export const DEFAULT_DEADLINE_DAYS = 6;

/** True when `text` is a real calendar date written `yyyy-MM-dd`, year 0001–9999 (e.g. not `2021-02-29`). */
export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

/**
 * Parses a period code: `2021-Q1`…`2021-Q4`, `2021-H1`, `2021-H2` or `2021` (any case; also
 * `2021Q1`, `2021 q1`, `Q1-2021`, `Q1/2021`). The returned period has the canonical code
 * (`2021-Q1`), its cut-off window and its deadline (see {@link PeriodOptions}).
 * Errors (→ `fail`): an unknown code (`period-invalid`); a negative or fractional number of days or a
 * configured deadline that is not an ISO date (`period-options-invalid`). A configured deadline
 * before the end of the window is kept with a warning. Never throws.
 */
export function parsePeriod(code: string, options: PeriodOptions = {}): Result<Period> {
  const spec = parseCode(code);
  if (spec === null) {
    return fail([
      makeFinding('error', 'period-invalid', {
        vi: `Kỳ báo cáo "${code.trim()}" không hợp lệ; dùng dạng 2021-Q1…2021-Q4, 2021-H1, 2021-H2 hoặc 2021.`,
        en: `Unknown reporting period "${code.trim()}"; use 2021-Q1…2021-Q4, 2021-H1, 2021-H2 or 2021.`,
      }),
    ]);
  }
  const days = options.deadlineDaysAfterCutoff ?? DEFAULT_DEADLINE_DAYS;
  if (!Number.isInteger(days) || days < 0) {
    return fail([
      makeFinding('error', 'period-options-invalid', {
        vi: `Số ngày từ hết kỳ chốt số liệu đến hạn gửi báo cáo (${days}) phải là số nguyên không âm.`,
        en: `Days from the end of the cut-off window to the deadline (${days}) must be a non-negative integer.`,
      }),
    ]);
  }
  const canonical = canonicalCode(spec.kind, spec.year, spec.index);
  const window = cutoffWindow(spec.kind, spec.year, spec.index);
  const windowDeadline = addDaysIso(window.end, days);
  const findings: Finding[] = [];
  let deadline = windowDeadline;

  const configured = explicitDeadline(options.deadlines, canonical);
  if (configured !== undefined) {
    const value = configured.value.trim();
    if (!isIsoDate(value)) {
      return fail([
        makeFinding('error', 'period-options-invalid', {
          vi: `Hạn gửi báo cáo cấu hình cho kỳ ${canonical} ("${configured.value}") không phải ngày dạng yyyy-mm-dd.`,
          en: `The deadline configured for ${canonical} ("${configured.value}") is not a yyyy-mm-dd date.`,
        }),
      ]);
    }
    deadline = value;
    if (value < window.end) {
      findings.push(
        makeFinding('warning', 'period-deadline-early', {
          vi: `Hạn gửi báo cáo kỳ ${canonical} (${formatDateVN(value)}) sớm hơn ngày chốt số liệu ${formatDateVN(window.end)}.`,
          en: `The deadline of ${canonical} (${value}) is before the end of the cut-off window (${window.end}).`,
        }),
      );
    }
  }

  const period: Period = { code: canonical, kind: spec.kind, year: spec.year, cutoffStart: window.start, cutoffEnd: window.end, deadline };
  if (spec.index !== undefined) period.index = spec.index;
  return ok(period, findings);
}

/**
 * The seven periods of a year in this order: Q1, Q2, Q3, Q4, H1, H2, year.
 * Throws `RangeError` when `options` are invalid (validate configuration with {@link parsePeriod}
 * first) or the year is not a four-digit integer.
 */
export function periodsOfYear(year: number, options: PeriodOptions = {}): Period[] {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Not a four-digit year: ${year}`);
  return ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', ''].map((suffix) => {
    const result = parsePeriod(suffix === '' ? String(year) : `${year}-${suffix}`, options);
    if (!result.ok) throw new RangeError(result.findings.map((f) => f.message.en).join(' '));
    return result.value;
  });
}

/**
 * The periods whose cut-off window contains the whole date range `startIso`…`endIso` (inclusive),
 * narrowest first (quarter, half, year). E.g. 2021-01-04…2021-02-26 → 2021-Q1, 2021-H1, 2021.
 * Empty when a date is not an ISO date or start > end. Throws like {@link periodsOfYear} on bad options.
 */
export function periodsContaining(startIso: string, endIso: string, options: PeriodOptions = {}): Period[] {
  if (!isIsoDate(startIso) || !isIsoDate(endIso) || startIso > endIso) return [];
  const year = Number(startIso.slice(0, 4));
  const candidates = [...periodsOfYear(year, options), ...(year < 9999 ? periodsOfYear(year + 1, options) : [])];
  const rank: Record<PeriodKind, number> = { quarter: 0, half: 1, year: 2 };
  return candidates
    .filter((p) => p.cutoffStart <= startIso && endIso <= p.cutoffEnd)
    .sort((a, b) => rank[a.kind] - rank[b.kind] || a.cutoffStart.localeCompare(b.cutoffStart));
}

/**
 * The period whose cut-off window is exactly `startIso`…`endIso` (e.g. 2020-12-15…2021-03-14 →
 * 2021-Q1), or null. With `calendar: true` a calendar window also matches (2021-01-01…2021-03-31 →
 * 2021-Q1; 01-01…06-30 → H1; 07-01…12-31 → H2; 01-01…12-31 → year), for reports titled by calendar
 * dates. Throws like {@link periodsOfYear} on bad options.
 */
export function periodForWindow(startIso: string, endIso: string, options: PeriodOptions & { calendar?: boolean } = {}): Period | null {
  if (!isIsoDate(startIso) || !isIsoDate(endIso) || startIso > endIso) return null;
  const endYear = Number(endIso.slice(0, 4));
  const periods = periodsOfYear(endYear, options);
  const exact = periods.find((p) => p.cutoffStart === startIso && p.cutoffEnd === endIso);
  if (exact !== undefined) return exact;
  if (options.calendar !== true) return null;
  return periods.find((p) => {
    const window = calendarWindow(p);
    return window.start === startIso && window.end === endIso;
  }) ?? null;
}

/**
 * The calendar dates a period names (not its cut-off window): 2021-Q1 → 2021-01-01…2021-03-31,
 * 2021-H2 → 2021-07-01…2021-12-31, 2021 → 2021-01-01…2021-12-31. A unit registry must be valid
 * over these dates for a period's reports (units/registry.ts, `registryForPeriod`).
 */
export function periodCalendarSpan(period: Pick<Period, 'kind' | 'year' | 'index'>): { start: string; end: string } {
  return calendarWindow(period);
}

/** True when an ISO date lies inside the period's cut-off window (both ends inclusive); false for a non-date. */
export function isWithinCutoff(isoDate: string, period: Pick<Period, 'cutoffStart' | 'cutoffEnd'>): boolean {
  return isIsoDate(isoDate) && period.cutoffStart <= isoDate && isoDate <= period.cutoffEnd;
}

/**
 * A date as written in Vietnamese administrative documents: `2021-02-05` → "ngày 05 tháng 02 năm 2021",
 * `2021-03-15` → "ngày 15 tháng 3 năm 2021" (Decree 30/2020/NĐ-CP; the vocabulary's `decree30Date`).
 * Throws `RangeError` when `iso` is not a real `yyyy-MM-dd` date.
 */
export const formatVietnameseDate = decree30Date;

/** `2021-02-05` → "05/02/2021", the one date style of running text and tables (`formatDate`). Throws `RangeError` for a non-date. */
export function formatDateVN(iso: string): string {
  isoDateParts(iso);
  return formatDate(iso);
}

/** A period's name: "Quý I năm 2021"/"Q1 2021", "6 tháng đầu năm 2021"/"First half of 2021", "Năm 2021"/"Year 2021" (Vietnamese: the vocabulary's `periodName`). */
export function periodLabel(period: Pick<Period, 'kind' | 'year' | 'index'>): Message {
  const vi = periodName(period);
  switch (period.kind) {
    case 'quarter':
      return { vi, en: `Q${period.index ?? 1} ${period.year}` };
    case 'half':
      return { vi, en: period.index === 2 ? `Second half of ${period.year}` : `First half of ${period.year}` };
    default:
      return { vi, en: `Year ${period.year}` };
  }
}

/* ------------------------------------------------------------------------------------------ */

interface PeriodSpec {
  kind: PeriodKind;
  year: number;
  index?: number;
}

function parseCode(code: string): PeriodSpec | null {
  const text = code.trim().toUpperCase();
  const yearOnly = /^([1-9]\d{3})$/.exec(text);
  if (yearOnly) return { kind: 'year', year: Number(yearOnly[1]) };
  const yearFirst = /^([1-9]\d{3})\s*[-/ ]?\s*([QH])(\d)$/.exec(text);
  const partFirst = /^([QH])(\d)\s*[-/ ]\s*([1-9]\d{3})$/.exec(text);
  const year = Number(yearFirst ? yearFirst[1] : partFirst?.[3]);
  const letter = yearFirst ? yearFirst[2] : partFirst?.[1];
  const index = Number(yearFirst ? yearFirst[3] : partFirst?.[2]);
  if (letter === 'Q' && index >= 1 && index <= 4) return { kind: 'quarter', year, index };
  if (letter === 'H' && index >= 1 && index <= 2) return { kind: 'half', year, index };
  return null;
}

function canonicalCode(kind: PeriodKind, year: number, index?: number): string {
  if (kind === 'quarter') return `${year}-Q${index}`;
  if (kind === 'half') return `${year}-H${index}`;
  return String(year);
}

/** Decree 09/2019/NĐ-CP art. 12 windows (month numbers 0-based, as `Date` takes them; −1 = December of the previous year). */
function cutoffWindow(kind: PeriodKind, year: number, index?: number): { start: string; end: string } {
  if (kind === 'quarter') {
    const firstMonth = 3 * ((index ?? 1) - 1); // 0, 3, 6, 9
    return { start: isoOf(year, firstMonth - 1, 15), end: isoOf(year, firstMonth + 2, 14) };
  }
  if (kind === 'half') {
    return index === 2 ? { start: isoOf(year, 5, 15), end: isoOf(year, 11, 14) } : { start: isoOf(year, -1, 15), end: isoOf(year, 5, 14) };
  }
  return { start: isoOf(year, -1, 15), end: isoOf(year, 11, 14) };
}

/** The calendar window of a period (first to last day of its months). */
function calendarWindow(period: Pick<Period, 'kind' | 'year' | 'index'>): { start: string; end: string } {
  const index = period.index ?? 1;
  const [firstMonth, months] = period.kind === 'quarter' ? [3 * (index - 1), 3] : period.kind === 'half' ? [6 * (index - 1), 6] : [0, 12];
  return { start: isoOf(period.year, firstMonth, 1), end: isoOf(period.year, firstMonth + months, 0) };
}

/** The configured deadline for a canonical code; keys compared case-insensitively, own properties only. */
function explicitDeadline(deadlines: Record<string, string> | undefined, canonical: string): { value: string } | undefined {
  if (deadlines === undefined) return undefined;
  for (const [key, value] of Object.entries(deadlines)) {
    const spec = parseCode(key);
    if (spec !== null && canonicalCode(spec.kind, spec.year, spec.index) === canonical) return { value: String(value) };
  }
  return undefined;
}

/**
 * ISO text of a date given as `Date` takes it: month 0-based and free to overflow (−1 → December
 * of the previous year, 12 → January of the next), day 0 → the last day of the previous month.
 */
function isoOf(year: number, month: number, day: number): string {
  const first = { year: year + Math.floor(month / 12), month: (((month % 12) + 12) % 12) + 1, day: 1 };
  return formatIsoDate(civilFromDays(daysFromCivil(first) + day - 1));
}

/** The ISO date `days` days after `iso`; throws `RangeError` when `iso` is not a real ISO date. */
function addDaysIso(iso: string, days: number): string {
  return formatIsoDate(civilFromDays(daysFromCivil(requireParts(iso)) + days));
}

function requireParts(iso: string): { year: number; month: number; day: number } {
  const parts = parseIsoDate(iso);
  if (parts === null) throw new RangeError(`Not an ISO date (yyyy-MM-dd): ${iso}`);
  return parts;
}
