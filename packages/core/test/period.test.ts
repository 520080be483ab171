import { describe, it, expect, afterEach } from 'vitest';
import {
  formatDateVN,
  formatVietnameseDate,
  isIsoDate,
  isWithinCutoff,
  parsePeriod,
  periodForWindow,
  periodLabel,
  periodsContaining,
  periodsOfYear,
} from '../src/period/period.ts';
import type { Period } from '../src/period/types.ts';

function period(code: string, options?: Parameters<typeof parsePeriod>[1]): Period {
  const result = parsePeriod(code, options);
  if (!result.ok) throw new Error(result.findings.map((f) => f.message.en).join('; '));
  return result.value;
}

/** Decree 09/2019/NĐ-CP art. 12 windows of 2021, deadline = cut-off end + 6 days. */
const PERIODS_2021 = [
  ['2021-Q1', 'quarter', 1, '2020-12-15', '2021-03-14', '2021-03-20'],
  ['2021-Q2', 'quarter', 2, '2021-03-15', '2021-06-14', '2021-06-20'],
  ['2021-Q3', 'quarter', 3, '2021-06-15', '2021-09-14', '2021-09-20'],
  ['2021-Q4', 'quarter', 4, '2021-09-15', '2021-12-14', '2021-12-20'],
  ['2021-H1', 'half', 1, '2020-12-15', '2021-06-14', '2021-06-20'],
  ['2021-H2', 'half', 2, '2021-06-15', '2021-12-14', '2021-12-20'],
  ['2021', 'year', undefined, '2020-12-15', '2021-12-14', '2021-12-20'],
] as const;

// Node re-reads process.env.TZ when it changes; `process` is untyped here (core has `types: []`).
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
const originalTz = env['TZ'];
afterEach(() => {
  if (originalTz === undefined) delete env['TZ'];
  else env['TZ'] = originalTz;
});

describe('parsePeriod: the seven periods of 2021', () => {
  it.each(PERIODS_2021)('%s: %s %s, %s → %s, deadline %s', (code, kind, index, start, end, deadline) => {
    const expected: Period = { code, kind, year: 2021, cutoffStart: start, cutoffEnd: end, deadline };
    if (index !== undefined) expected.index = index;
    const result = parsePeriod(code);
    expect(result).toEqual({ ok: true, value: expected, findings: [] });
  });

  it('periodsOfYear(2021) gives the same seven, in order', () => {
    expect(periodsOfYear(2021).map((p) => [p.code, p.cutoffStart, p.cutoffEnd, p.deadline])).toEqual(
      PERIODS_2021.map(([code, , , start, end, deadline]) => [code, start, end, deadline]),
    );
  });

  it.each(['Asia/Ho_Chi_Minh', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'])('does not depend on the time zone (%s)', (tz) => {
    env['TZ'] = tz;
    expect(new Date(2021, 0, 1).getTimezoneOffset()).toBe(
      { 'Asia/Ho_Chi_Minh': -420, 'America/Los_Angeles': 480, 'Pacific/Kiritimati': -840, UTC: 0 }[tz],
    );
    expect(periodsOfYear(2021).map((p) => [p.code, p.cutoffStart, p.cutoffEnd, p.deadline])).toEqual(
      PERIODS_2021.map(([code, , , start, end, deadline]) => [code, start, end, deadline]),
    );
    // Deadlines across the US daylight-saving change (2021-03-14) and a leap day.
    expect(period('2021-Q1', { deadlineDaysAfterCutoff: 1 }).deadline).toBe('2021-03-15');
    expect(period('2024-Q1').cutoffStart).toBe('2023-12-15');
    expect(period('2024-Q1', { deadlineDaysAfterCutoff: 0 }).deadline).toBe('2024-03-14');
    expect(period('2024-Q1', { deadlineDaysAfterCutoff: 30 }).deadline).toBe('2024-04-13');
    expect(formatVietnameseDate('2021-11-07')).toBe('ngày 07 tháng 11 năm 2021');
    expect(isWithinCutoff('2021-03-14', period('2021-Q1'))).toBe(true);
  });
});

describe('parsePeriod: input forms and options', () => {
  it.each([
    ['2021-q1', '2021-Q1'],
    [' 2021-Q3 ', '2021-Q3'],
    ['2021Q2', '2021-Q2'],
    ['2021 h2', '2021-H2'],
    ['Q4-2021', '2021-Q4'],
    ['q1/2022', '2022-Q1'],
    ['2021', '2021'],
  ])('%j → %s', (input, code) => {
    expect(period(input).code).toBe(code);
  });

  it.each(['2021-Q5', '2021-H3', '2021-Q0', '21-Q1', '2021-M1', '0999', '', 'Quý I'])('%j is not a period', (input) => {
    const result = parsePeriod(input);
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => [f.severity, f.code])).toEqual([['error', 'period-invalid']]);
  });

  it('uses the plan\'s number of days', () => {
    expect(period('2021-Q2', { deadlineDaysAfterCutoff: 10 }).deadline).toBe('2021-06-24');
    expect(period('2021', { deadlineDaysAfterCutoff: 20 }).deadline).toBe('2022-01-03');
  });

  it('an explicit deadline for the code wins (keys case-insensitive)', () => {
    const deadlines = { '2021-q2': '2021-06-25', '2021-H1': '2021-06-30' };
    expect(period('2021-Q2', { deadlines }).deadline).toBe('2021-06-25');
    expect(period('2021-H1', { deadlines }).deadline).toBe('2021-06-30');
    expect(period('2021-Q3', { deadlines }).deadline).toBe('2021-09-20');
  });

  it('a "__proto__" or "constructor" key does nothing', () => {
    const deadlines = JSON.parse('{"__proto__": "2021-01-01", "constructor": "2021-01-01"}') as Record<string, string>;
    expect(period('2021-Q1', { deadlines }).deadline).toBe('2021-03-20');
  });

  it('a deadline before the cut-off end is kept with a warning', () => {
    const result = parsePeriod('2021-Q1', { deadlines: { '2021-Q1': '2021-03-10' } });
    expect(result.ok && result.value.deadline).toBe('2021-03-10');
    expect(result.findings.map((f) => [f.severity, f.code, f.message.vi])).toEqual([
      ['warning', 'period-deadline-early', 'Hạn gửi báo cáo kỳ 2021-Q1 (10/03/2021) sớm hơn ngày chốt số liệu 14/03/2021.'],
    ]);
  });

  it.each([
    [{ deadlines: { '2021-Q1': '20/03/2021' } }],
    [{ deadlines: { '2021-Q1': '2021-02-30' } }],
    [{ deadlineDaysAfterCutoff: -1 }],
    [{ deadlineDaysAfterCutoff: 1.5 }],
  ])('bad options %j → error', (options) => {
    const result = parsePeriod('2021-Q1', options);
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => f.code)).toEqual(['period-options-invalid']);
  });

  it('periodsOfYear throws on bad options or year', () => {
    expect(() => periodsOfYear(2021, { deadlineDaysAfterCutoff: -2 })).toThrow(RangeError);
    expect(() => periodsOfYear(21)).toThrow(RangeError);
  });
});

describe('isWithinCutoff', () => {
  const q1 = period('2021-Q1');
  it.each([
    ['2020-12-14', false],
    ['2020-12-15', true],
    ['2021-01-01', true],
    ['2021-03-14', true],
    ['2021-03-15', false],
    ['2021-3-1', false],
    ['14/03/2021', false],
    ['2021-02-30', false],
  ])('%s in 2021-Q1: %s', (date, expected) => {
    expect(isWithinCutoff(date, q1)).toBe(expected);
  });
});

describe('periodsContaining and periodForWindow', () => {
  it.each([
    ['2021-01-04', '2021-02-26', ['2021-Q1', '2021-H1', '2021']],
    ['2020-12-15', '2020-12-15', ['2021-Q1', '2021-H1', '2021']],
    ['2020-12-14', '2020-12-14', ['2020-Q4', '2020-H2', '2020']],
    ['2021-03-01', '2021-04-01', ['2021-H1', '2021']],
    ['2021-06-01', '2021-07-01', ['2021']],
    ['2021-12-01', '2021-12-20', []],
    ['2021-05-01', '2021-04-01', []],
    ['2021-13-01', '2021-13-02', []],
  ])('%s…%s → %j', (start, end, codes) => {
    expect(periodsContaining(start, end).map((p) => p.code)).toEqual(codes);
  });

  it.each([
    ['2020-12-15', '2021-03-14', '2021-Q1'],
    ['2021-09-15', '2021-12-14', '2021-Q4'],
    ['2020-12-15', '2021-06-14', '2021-H1'],
    ['2021-06-15', '2021-12-14', '2021-H2'],
    ['2020-12-15', '2021-12-14', '2021'],
    ['2021-01-01', '2021-03-31', null],
    ['2020-12-15', '2021-03-15', null],
  ])('window %s…%s → %s', (start, end, code) => {
    expect(periodForWindow(start, end)?.code ?? null).toBe(code);
  });

  it.each([
    ['2021-01-01', '2021-03-31', '2021-Q1'],
    ['2021-10-01', '2021-12-31', '2021-Q4'],
    ['2021-01-01', '2021-06-30', '2021-H1'],
    ['2021-07-01', '2021-12-31', '2021-H2'],
    ['2021-01-01', '2021-12-31', '2021'],
    ['2021-02-01', '2021-03-31', null],
  ])('calendar window %s…%s → %s', (start, end, code) => {
    expect(periodForWindow(start, end, { calendar: true })?.code ?? null).toBe(code);
  });
});

describe('date formatting (Decree 30/2020/NĐ-CP)', () => {
  it.each([
    ['2021-02-05', 'ngày 05 tháng 02 năm 2021', '05/02/2021'],
    ['2021-03-15', 'ngày 15 tháng 3 năm 2021', '15/03/2021'],
    ['2021-12-01', 'ngày 01 tháng 12 năm 2021', '01/12/2021'],
    ['2020-12-28', 'ngày 28 tháng 12 năm 2020', '28/12/2020'],
    ['2021-01-10', 'ngày 10 tháng 01 năm 2021', '10/01/2021'],
    ['2021-09-09', 'ngày 09 tháng 9 năm 2021', '09/09/2021'],
    ['2024-02-29', 'ngày 29 tháng 02 năm 2024', '29/02/2024'],
  ])('%s → "%s", "%s"', (iso, long, short) => {
    expect(formatVietnameseDate(iso)).toBe(long);
    expect(formatDateVN(iso)).toBe(short);
  });

  it.each(['2021-02-29', '2021-2-5', '05/02/2021', ''])('%j throws RangeError', (iso) => {
    expect(() => formatVietnameseDate(iso)).toThrow(RangeError);
    expect(() => formatDateVN(iso)).toThrow(RangeError);
    expect(isIsoDate(iso)).toBe(false);
  });
});

describe('periodLabel', () => {
  it.each([
    ['2021-Q1', 'Quý I năm 2021', 'Q1 2021'],
    ['2021-Q4', 'Quý IV năm 2021', 'Q4 2021'],
    ['2021-H1', '6 tháng đầu năm 2021', 'First half of 2021'],
    ['2021-H2', '6 tháng cuối năm 2021', 'Second half of 2021'],
    ['2021', 'Năm 2021', 'Year 2021'],
  ])('%s → %s', (code, vi, en) => {
    expect(periodLabel(period(code))).toEqual({ vi, en });
  });
});

describe('period dates against an independent calendar (Date.UTC)', () => {
  const utcIso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

  it('every deadline from 0 to 400 days after the cut-off, across leap and century years', () => {
    const mismatches: string[] = [];
    for (const year of [1900, 1999, 2000, 2020, 2021, 2024, 2100]) {
      for (const code of [`${year}-Q1`, `${year}-Q3`, `${year}-H2`]) {
        for (let days = 0; days <= 400; days += 7) {
          const p = period(code, { deadlineDaysAfterCutoff: days });
          const [y, m, d] = p.cutoffEnd.split('-').map(Number) as [number, number, number];
          const expected = utcIso(Date.UTC(y, m - 1, d + days));
          if (p.deadline !== expected) mismatches.push(`${code}+${days}: ${p.deadline} ≠ ${expected}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    ['2024-Q1', '2024-01-01', '2024-03-31'],
    ['2024-H1', '2024-01-01', '2024-06-30'],
    ['2100-Q1', '2100-01-01', '2100-03-31'],
    ['2000-H2', '2000-07-01', '2000-12-31'],
  ])('%s has the calendar window %s…%s (month ends, leap years)', (code, start, end) => {
    expect(periodForWindow(start, end, { calendar: true })?.code).toBe(code);
  });

  it.each(['2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])('%s is an ISO date', (iso) => {
    expect(isIsoDate(iso)).toBe(true);
  });

  it.each(['2100-02-29', '1900-02-29', '0000-01-01', '2021-13-01', '2021-04-31', ' 2021-04-01'])('%j is not', (iso) => {
    expect(isIsoDate(iso)).toBe(false);
  });
});
