import { describe, expect, it } from 'vitest';
import { consolidate, createConsolidator, type ConsolidateOptions } from '../src/consolidate/consolidator.ts';
import { toJson } from '../src/consolidate/json.ts';
import { rankDescending } from '../src/consolidate/rank.ts';
import { makeFinding, type CellRef, type Finding } from '../src/finding.ts';
import type { Period } from '../src/period/types.ts';
import { planSchema, type Plan, type PlanInput } from '../src/plan/schema.ts';
import type { Activity, IndicatorValue, UnitReport } from '../src/report/model.ts';
import { CONSOLIDATION_FINDING_CODES } from '../src/consolidate/codes.ts';
import { parsePeriod } from '../src/period/period.ts';
import { hatinh2021 } from '../src/plan/builtin.ts';
import { parseReceivedCsv } from '../src/received/parse-received.ts';
import { hatinhCity2020 } from '../src/units/hatinh-2021.ts';
import { checkReport } from '../src/validate/check-report.ts';
import type { Unit } from '../src/units/unit.ts';
import type { CheckedReport, IndicatorResult, IndicatorStatus } from '../src/validate/types.ts';

// ---------------------------------------------------------------- fixtures

const text = (vi: string): { vi: string; en: string } => ({ vi, en: vi });
const CONV = { kind: 'convention' as const, why: 'thử' };
const indicator = (code: string, measure: 'ratio' | 'count' | 'boolean', extra: Partial<PlanInput['indicators'][number]> = {}): PlanInput['indicators'][number] => ({
  code,
  text: text(code),
  measure,
  unitOfMeasure: 'lượt',
  target: measure === 'ratio' ? { rule: 'ratioAtLeast', min: 1, basis: CONV } : measure === 'count' ? { rule: 'countAtLeast', min: 1, basis: CONV } : { rule: 'yes', basis: CONV },
  targetText: text('100%'),
  weight: 1,
  weightBasis: CONV,
  clause: 'thử',
  ...extra,
});

const plan: Plan = planSchema.parse({
  id: 'test',
  title: text('Kế hoạch thử'),
  document: { number: '1/KH', date: '2021-01-01', issuer: 'UBND' },
  year: 2021,
  indicators: [indicator('R1', 'ratio'), indicator('R2', 'ratio'), indicator('C1', 'count'), indicator('B1', 'boolean'), indicator('X1', 'ratio', { appliesTo: { kinds: ['agency'] } })],
  themes: [
    { code: 'ND1', text: text('1') },
    { code: 'ND2', text: text('2') },
    { code: 'ND3', text: text('3') },
    { code: 'ND3.1', text: text('3.1'), parent: 'ND3' },
    { code: 'ND3.2', text: text('3.2'), parent: 'ND3' },
  ],
  forms: [
    { code: 'HT1', text: text('1') },
    { code: 'HT1.1', text: text('1.1'), parent: 'HT1' },
    { code: 'HT1.3', text: text('1.3'), parent: 'HT1' },
    { code: 'HT2', text: text('2') },
    { code: 'HT2.2', text: text('2.2'), parent: 'HT2' },
  ],
  profiles: [
    {
      id: 'p100',
      name: text('100'),
      scale: 100,
      components: [{ type: 'indicators', points: 100, label: text('Chỉ tiêu'), basis: CONV }],
      bands: [
        { min: 90, label: text('Tốt'), basis: CONV },
        { min: 80, label: text('Khá'), basis: CONV },
        { min: 70, label: text('Trung bình'), basis: CONV },
        { min: 0, label: text('Yếu'), basis: CONV },
      ],
    },
    {
      id: 'p2',
      name: text('2'),
      scale: 2,
      components: [{ type: 'planCompletion', points: 2, partialFrom: 0.9, label: text('Hoàn thành'), basis: CONV }],
      bands: [
        { min: 2, label: text('Đạt'), basis: CONV },
        { min: 0, label: text('Không đạt'), basis: CONV },
      ],
    },
  ],
  primaryProfile: 'p100',
} satisfies PlanInput);

const period = (code: string, deadline: string): Period => ({ code, kind: 'quarter', year: 2021, cutoffStart: '2020-12-15', cutoffEnd: '2021-03-14', deadline });
const Q1 = period('2021-Q1', '2021-03-20');
const Q2 = period('2021-Q2', '2021-06-20');

const A: Unit = { code: '18070', name: 'Trần Phú', kind: 'ward', order: 1 };
const B: Unit = { code: '18073', name: 'Nam Hà', kind: 'ward', order: 2 };
const C: Unit = { code: '18100', name: 'Thạch Hạ', kind: 'commune', order: 11 };
const D: Unit = { code: '18103', name: 'Đồng Môn', kind: 'commune', order: 12 };
const E: Unit = { code: '18109', name: 'Thạch Hưng', kind: 'commune', order: 13 };
const units = [D, B, E, A, C]; // not in official order on purpose

const ref = (cell: string): CellRef => ({ sheet: 'Báo cáo', cell });
const base = (code: string, status: IndicatorStatus): IndicatorResult => ({
  code,
  numerator: null,
  denominator: null,
  value: null,
  typedPercent: null,
  ratio: null,
  completion: null,
  status,
  counted: false,
  note: null,
  evidence: null,
  sources: [ref('E12')],
});
/** A ratio result as validation would give it (completion = min(1, ratio), target 100%). */
const ratio = (code: string, n: number, d: number): IndicatorResult => {
  if (d === 0) return { ...base(code, 'notApplicable'), numerator: n, denominator: d };
  const r = n / d;
  return { ...base(code, r >= 1 ? 'met' : 'notMet'), numerator: n, denominator: d, ratio: r, completion: Math.min(1, r), counted: true };
};
const count = (code: string, v: number): IndicatorResult => ({ ...base(code, v >= 1 ? 'met' : 'notMet'), value: v, completion: Math.min(1, v), counted: true });
const yesNo = (code: string, v: boolean): IndicatorResult => ({ ...base(code, v ? 'met' : 'notMet'), value: v, completion: v ? 1 : 0, counted: true });
const missing = (code: string): IndicatorResult => base(code, 'missing');
const na = (code: string): IndicatorResult => base(code, 'notApplicable');

const act = (themes: string[], form: string, row: number): Activity => ({
  date: '2021-02-01',
  themes,
  form,
  title: 'Hoạt động',
  quantity: 1,
  participants: null,
  evidence: 'QĐ 1',
  source: ref(`A${row}`),
});

function report(
  unit: Unit | null,
  file: string,
  indicators: IndicatorResult[],
  opts: { submittedOn?: string | null; period?: Period; activities?: Activity[]; findings?: Finding[]; unitCode?: string } = {},
): CheckedReport {
  const p = opts.period ?? Q1;
  const r: UnitReport = {
    unitCode: opts.unitCode ?? unit?.code ?? null,
    periodCode: p.code,
    submittedOn: opts.submittedOn === undefined ? '2021-03-18' : opts.submittedOn,
    planId: 'test',
    templateVersion: '1',
    indicators: new Map(),
    activities: opts.activities ?? [],
    file,
    source: {},
  };
  return {
    report: r,
    unit,
    period: p,
    indicators: Object.fromEntries(indicators.map((i) => [i.code, i])),
    activities: opts.activities ?? [],
    findings: opts.findings ?? [],
  };
}

const typedMismatch = makeFinding('warning', 'typed-percent-mismatch', { vi: 'Tỷ lệ tự ghi khác tỷ lệ tính lại.', en: 'Typed percentage differs.' }, { sheet: 'Báo cáo', cell: 'F12', indicator: 'R2' });

const reportA = report(A, 'a.xlsx', [ratio('R1', 9, 10), ratio('R2', 1, 2), count('C1', 3), yesNo('B1', true), na('X1')], {
  submittedOn: '2021-03-18',
  activities: [act(['ND1', 'ND3.1'], 'HT1.3', 30), act(['ND3.1', 'ND3.2'], 'HT2', 31)],
  findings: [typedMismatch],
});
const reportB = report(B, 'b.xlsx', [ratio('R1', 45, 50), ratio('R2', 99, 100), count('C1', 2), yesNo('B1', false), na('X1')], {
  submittedOn: '2021-03-25',
  activities: [act(['ND2'], 'HT1.1', 30)],
});
const reportC = report(C, 'c.xlsx', [missing('R1'), missing('R2'), missing('C1'), missing('B1'), na('X1')], { submittedOn: null });
const reportD = report(D, 'd.xlsx', [ratio('R1', 0, 0), ratio('R2', 0, 0), count('C1', 1), yesNo('B1', true), na('X1')], {
  submittedOn: '2021-03-21',
  activities: [act(['ND1'], 'HT2.2', 30), act(['ND9'], 'HT2', 31)],
});
const received = new Map([
  [B.code, '2021-03-20'],
  [E.code, '2021-03-19'],
  ['ZZZ', '2021-03-19'],
]);
const options: ConsolidateOptions = { plan, units, period: Q1, received };

// ---------------------------------------------------------------- the main scenario

describe('consolidate: four reports, one unit missing', () => {
  const result = consolidate({ ...options, reports: [reportA, reportB, reportC, reportD] });
  const byCode = (code: string) => result.units.find((u) => u.code === code);

  it('lists units in official order, with E unsubmitted', () => {
    expect(result.units.map((u) => [u.code, u.submitted])).toEqual([
      [A.code, true],
      [B.code, true],
      [C.code, true],
      [D.code, true],
      [E.code, false],
    ]);
    const e = byCode(E.code);
    expect(e).toMatchObject({ score: null, rank: null, band: null, onTime: null, file: null, receivedOn: '2021-03-19', activityCount: 0, scores: {} });
    // X1 applies to agencies only → not applicable on a commune's line; the rest missing
    expect(Object.values(e?.indicators ?? {}).map((i) => i.status)).toEqual(['missing', 'missing', 'missing', 'missing', 'notApplicable']);
  });

  it('sums numerators and denominators, then divides (never an average of percentages)', () => {
    const t = result.totals.indicators;
    // R1: A 9/10, B 45/50, C blank (not counted), D 0/0 (not applicable) → 54/60 = 0.9
    expect(t.R1).toEqual({ code: 'R1', numerator: 54, denominator: 60, value: null, ratio: 0.9, unitsCounted: 2, unitsMet: 0 });
    // R2: A 1/2 (50%), B 99/100 (99%) → 100/102 = 0.98039…, not (50% + 99%)/2 = 74.5%
    expect(t.R2).toEqual({ code: 'R2', numerator: 100, denominator: 102, value: null, ratio: 100 / 102, unitsCounted: 2, unitsMet: 0 });
    // C1 (count): 3 + 2 + 1 = 6
    expect(t.C1).toEqual({ code: 'C1', numerator: null, denominator: null, value: 6, ratio: null, unitsCounted: 3, unitsMet: 3 });
    // B1 (yes/no): A yes, B no, D yes → 2 yes of 3 answering
    expect(t.B1).toEqual({ code: 'B1', numerator: 2, denominator: 3, value: null, ratio: 2 / 3, unitsCounted: 3, unitsMet: 2 });
    // X1: nobody counted → blank, not 0
    expect(t.X1).toEqual({ code: 'X1', numerator: null, denominator: null, value: null, ratio: null, unitsCounted: 0, unitsMet: 0 });
  });

  it('counts a yes without the required evidence as answered but not met', () => {
    // B1 with D's "yes" lacking evidence (notMet, still counted): A yes → 1 met of 3 answering.
    const noEvidence: IndicatorResult = { ...yesNo('B1', true), status: 'notMet', completion: 0 };
    const d = report(D, 'd.xlsx', [ratio('R1', 0, 0), ratio('R2', 0, 0), count('C1', 1), noEvidence, na('X1')], { submittedOn: '2021-03-21' });
    const t = consolidate({ ...options, reports: [reportA, reportB, d] }).totals.indicators;
    expect(t.B1).toEqual({ code: 'B1', numerator: 1, denominator: 3, value: null, ratio: 1 / 3, unitsCounted: 3, unitsMet: 1 });
  });

  it('scores every profile, ranks like Excel RANK', () => {
    // p100 = 100 × mean completion over applicable indicators (weights 1):
    //   A: (0.9 + 0.5 + 1 + 1)/4 = 0.85 → 85 (Khá);  B: (0.9 + 0.99 + 1 + 0)/4 = 0.7225 → 72.25 (Trung bình)
    //   C: all missing → 0 (Yếu);  D: R1, R2 not applicable → (1 + 1)/2 → 100 (Tốt)
    expect(result.units.map((u) => [u.code, u.score, u.band?.vi, u.rank])).toEqual([
      [A.code, 85, 'Khá', 2],
      [B.code, 72.25, 'Trung bình', 3],
      [C.code, 0, 'Yếu', 4],
      [D.code, 100, 'Tốt', 1],
      [E.code, null, undefined, null],
    ]);
    // p2: plan completion, 2 points, from 90%: A 2/4, B 1/4, C 0/4 → 0; D 2/2 → 2
    expect(result.units.map((u) => u.scores.p2?.score ?? null)).toEqual([0, 0, 0, 2, null]);
  });

  it('decides timeliness from the register first, then the form', () => {
    // deadline 2021-03-20: A form 18/03 ✓; B register 20/03 (form 25/03) ✓; C no date → null; D form 21/03 ✗
    expect(result.units.map((u) => [u.code, u.onTime, u.submittedOn, u.receivedOn])).toEqual([
      [A.code, true, '2021-03-18', null],
      [B.code, true, '2021-03-25', '2021-03-20'],
      [C.code, null, null, null],
      [D.code, false, '2021-03-21', null],
      [E.code, null, null, '2021-03-19'],
    ]);
    // 5 expected, 4 received, 2 on time → completeness 4/5, timeliness 2/5
    expect(result.totals).toMatchObject({ expected: 5, received: 4, onTime: 2, completeness: 0.8, timeliness: 0.4 });
  });

  it('counts activities by top-level theme × top-level form', () => {
    // A: [ND1, ND3.1]×HT1.3 → ND1×HT1, ND3×HT1; [ND3.1, ND3.2]×HT2 → ND3×HT2 once
    // B: ND2×HT1.1 → ND2×HT1;  D: ND1×HT2.2 → ND1×HT2; ND9 unknown → left out
    expect(result.activities).toEqual({
      themes: ['ND1', 'ND2', 'ND3'],
      forms: ['HT1', 'HT2'],
      counts: [
        [1, 1],
        [1, 0],
        [1, 1],
      ],
    });
    expect(result.units.map((u) => u.activityCount)).toEqual([2, 1, 0, 2, 0]);
  });

  it('keeps every finding, stamped and sorted by unit order, and per unit', () => {
    expect(result.findings.map((f) => [f.unit, f.code, f.file ?? null])).toEqual([
      [A.code, 'typed-percent-mismatch', 'a.xlsx'],
      [C.code, 'submission-date-missing', 'c.xlsx'],
      [E.code, 'received-without-report', null],
      [E.code, 'report-missing', null],
      [undefined, 'received-unknown-unit', null],
    ]);
    expect(byCode(A.code)?.findings).toEqual([{ ...typedMismatch, file: 'a.xlsx', unit: A.code }]);
    expect(byCode(E.code)?.findings.map((f) => f.message.vi)).toEqual([
      'Sổ theo dõi ghi đã nhận báo cáo của đơn vị xã Thạch Hưng (18109) ngày 19/03/2021, nhưng không đọc được báo cáo kỳ 2021-Q1 nào của đơn vị.',
      'Chưa có báo cáo kỳ 2021-Q1 của đơn vị xã Thạch Hưng (18109).',
    ]);
    expect(result.plan).toEqual({ id: 'test', title: text('Kế hoạch thử'), document: '1/KH ngày 01/01/2021 của UBND' });
  });

  it('turns into plain JSON keyed only by plan codes', () => {
    const json = toJson(result);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(Object.keys(json.units[0]?.indicators ?? {})).toEqual(['R1', 'R2', 'C1', 'B1', 'X1']);
    expect(Object.keys(json.units[0]?.scores ?? {})).toEqual(['p100', 'p2']);
    expect(Object.keys(json.totals.indicators)).toEqual(['R1', 'R2', 'C1', 'B1', 'X1']);
    expect(json.units[0]?.indicators.R1).toEqual({ numerator: 9, denominator: 10, value: null, ratio: 0.9, completion: 0.9, status: 'notMet' });
    expect(json.totals.indicators.R1).toEqual({ numerator: 54, denominator: 60, value: null, ratio: 0.9, unitsCounted: 2, unitsMet: 0 });
    expect(json.totals).toMatchObject({ expected: 5, received: 4, onTime: 2, completeness: 0.8, timeliness: 0.4 });
  });
});

// ---------------------------------------------------------------- duplicates, exclusions

describe('two reports for one unit', () => {
  const r1 = (file: string, submittedOn: string | null, n: number) => report(A, file, [ratio('R1', n, 10), na('R2'), na('C1'), na('B1'), na('X1')], { submittedOn, findings: [makeFinding('notice', 'from-file', { vi: file, en: file })] });
  it.each([
    // [first, second, chosen, reason (vi)]
    { a: r1('a-1.xlsx', '2021-03-18', 9), b: r1('a-2.xlsx', '2021-03-19', 10), chosen: 'a-2.xlsx', why: 'ngày ký trên biểu muộn nhất: 19/03/2021', discarded: 'a-1.xlsx' },
    { a: r1('z.xlsx', '2021-03-19', 9), b: r1('a.xlsx', '2021-03-18', 10), chosen: 'z.xlsx', why: 'ngày ký trên biểu muộn nhất: 19/03/2021', discarded: 'a.xlsx' },
    { a: r1('b.xlsx', '2021-03-18', 9), b: r1('a.xlsx', '2021-03-18', 10), chosen: 'b.xlsx', why: 'cùng ngày; tên tệp xếp sau cùng theo thứ tự chữ cái', discarded: 'a.xlsx' },
    { a: r1('b.xlsx', null, 9), b: r1('a.xlsx', '2021-03-01', 10), chosen: 'a.xlsx', why: 'ngày ký trên biểu muộn nhất: 01/03/2021', discarded: 'b.xlsx' },
  ])('chooses $chosen over $discarded, whatever the arrival order', ({ a, b, chosen, why, discarded }) => {
    const forward = consolidate({ plan, units: [A], period: Q1, reports: [a, b] });
    const backward = consolidate({ plan, units: [A], period: Q1, reports: [b, a] });
    expect(toJson(backward)).toEqual(toJson(forward));
    const unit = forward.units[0];
    expect(unit?.file).toBe(chosen);
    const dup = forward.findings.filter((f) => f.code === 'duplicate-report');
    expect(dup).toHaveLength(1);
    const names = [chosen, discarded].sort().join(', ');
    expect(dup[0]?.message.vi).toBe(
      `Đơn vị phường Trần Phú (18070) có 2 báo cáo kỳ 2021-Q1: ${names}. Dùng ${chosen} (${why}); bỏ ${discarded}. ` +
        'Quy tắc: ngày ký muộn nhất, rồi ngày nhận muộn nhất, rồi tên tệp xếp sau cùng.',
    );
    // Both files' findings are kept overall; the unit's line carries the chosen file's and the duplicate notice.
    expect(forward.findings.filter((f) => f.code === 'from-file').map((f) => f.file).sort()).toEqual([chosen, discarded].sort());
    expect(unit?.findings.map((f) => [f.code, f.file])).toEqual([
      ['duplicate-report', chosen],
      ['from-file', chosen],
    ]);
  });
});

describe('reports left out', () => {
  it('excludes a report of another period with an error, and lists the unit as missing', () => {
    const other = report(A, 'a-q2.xlsx', [ratio('R1', 1, 1)], { period: Q2, findings: [typedMismatch] });
    const result = consolidate({ plan, units: [A], period: Q1, reports: [other] });
    expect(result.units[0]).toMatchObject({ submitted: false, score: null });
    expect(result.totals).toMatchObject({ expected: 1, received: 0, completeness: 0 });
    // within a unit: no file first, then by file name; then sheet and cell
    expect(result.findings.map((f) => [f.severity, f.code, f.file ?? null])).toEqual([
      ['warning', 'report-missing', null],
      ['error', 'period-mismatch-excluded', 'a-q2.xlsx'],
      ['warning', 'typed-percent-mismatch', 'a-q2.xlsx'],
    ]);
    expect(result.findings[1]?.message.vi).toBe('Báo cáo a-q2.xlsx của đơn vị phường Trần Phú (18070) là kỳ 2021-Q2, không phải kỳ tổng hợp 2021-Q1; không đưa vào tổng hợp.');
    expect(result.units[0]?.findings.map((f) => f.code)).toEqual(['report-missing', 'period-mismatch-excluded']);
  });

  it('excludes a report whose unit is unknown, keeping its findings', () => {
    const stray = report(null, 'x.xlsx', [ratio('R1', 1, 1)], { unitCode: '99999', findings: [makeFinding('error', 'unit-unknown', { vi: 'Mã lạ', en: 'Unknown' }, { sheet: 'Báo cáo', cell: 'C3' })] });
    const c = createConsolidator({ plan, units: [A], period: Q1 });
    c.add(reportA);
    c.add(stray);
    c.addFailure('broken.xlsx', [makeFinding('error', 'file-unreadable', { vi: 'Không đọc được tệp', en: 'Unreadable file' })]);
    const result = c.finish();
    expect(result.units.map((u) => u.code)).toEqual([A.code]);
    expect(result.findings.map((f) => [f.code, f.file, f.cell ?? null])).toEqual([
      ['typed-percent-mismatch', 'a.xlsx', 'F12'],
      ['file-unreadable', 'broken.xlsx', null],
      ['unknown-unit-excluded', 'x.xlsx', null],
      ['unit-unknown', 'x.xlsx', 'C3'],
    ]);
    expect(result.findings[2]?.message.vi).toBe('Báo cáo x.xlsx ghi mã đơn vị "99999" không có trong danh mục đơn vị; không đưa vào tổng hợp.');
  });

  it('counts completeness over the expected units only', () => {
    const result = consolidate({ plan, units, period: Q1, received, expected: [A.code, B.code, 'NOPE'], reports: [reportA, reportB, reportD] });
    // listed: expected A, B and D (reported, not expected); C and E neither → not listed
    expect(result.units.map((u) => u.code)).toEqual([A.code, B.code, D.code]);
    // expected 2 (NOPE unknown), received 2, on time 2 (A form 18/03, B register 20/03)
    expect(result.totals).toMatchObject({ expected: 2, received: 2, onTime: 2, completeness: 1, timeliness: 1 });
    expect(result.findings.filter((f) => f.code !== 'typed-percent-mismatch').map((f) => [f.code, f.unit ?? null])).toEqual([
      ['unexpected-report', D.code],
      // E is in the register but neither expected nor reported: still said
      ['received-without-report', E.code],
      ['expected-unit-unknown', null],
      ['received-unknown-unit', null],
    ]);
  });
});

describe('register codes the registry does not know (issue 18)', () => {
  it('give one finding, whatever their number: the code, or the count and the first five', () => {
    const one = consolidate({ plan, units: [A], period: Q1, received: new Map([['X1', '2021-03-18']]), reports: [] });
    expect(one.findings.filter((f) => f.code === 'received-unknown-unit').map((f) => f.message.vi)).toEqual([
      'Sổ theo dõi nhận báo cáo có mã đơn vị "X1" không có trong danh mục đơn vị.',
    ]);
    const many = new Map(Array.from({ length: 100_000 }, (_, i): [string, string] => [`X${i}`, '2021-03-18']));
    const result = consolidate({ plan, units: [A], period: Q1, received: many, reports: [] });
    const unknown = result.findings.filter((f) => f.code === 'received-unknown-unit');
    expect(unknown.map((f) => [f.severity, f.message.en])).toEqual([
      ['warning', 'The received-date register names 100000 unit codes that are not in the unit registry: "X0", "X1", "X2", "X3", "X4" and 99995 more.'],
    ]);
    expect(result.findings).toHaveLength(2); // and A's report-missing
  });
});

// ---------------------------------------------------------------- ranking and order independence

describe('ranking', () => {
  it.each([
    { scores: [90, 85, 85, 70], ranks: [1, 2, 2, 4] },
    { scores: [70, 85, 90, 85], ranks: [4, 2, 1, 2] },
    { scores: [50, null, 50], ranks: [1, null, 1] },
    { scores: [], ranks: [] },
  ])('rankDescending($scores) = $ranks', ({ scores, ranks }) => {
    expect(rankDescending(scores)).toEqual(ranks);
  });

  it('ties share a rank in the consolidation (90, 85, 85, 70 → 1, 2, 2, 4)', () => {
    // only R1 applies → score = 100 × R1 completion
    const only = (unit: Unit, n: number) => report(unit, `${unit.code}.xlsx`, [ratio('R1', n, 100), na('R2'), na('C1'), na('B1'), na('X1')]);
    const result = consolidate({ plan, units: [A, B, C, D], period: Q1, reports: [only(A, 90), only(B, 85), only(C, 85), only(D, 70)] });
    expect(result.units.map((u) => [u.score, u.rank])).toEqual([
      [90, 1],
      [85, 2],
      [85, 2],
      [70, 4],
    ]);
  });
});

describe('order independence', () => {
  const dupA = report(A, 'a-old.xlsx', [ratio('R1', 1, 10), na('R2'), na('C1'), na('B1'), na('X1')], { submittedOn: '2021-03-10', findings: [typedMismatch] });
  const otherPeriod = report(B, 'b-q2.xlsx', [ratio('R1', 1, 1)], { period: Q2 });
  const stray = report(null, 'x.xlsx', [], { unitCode: '99999' });
  const all = [reportA, reportB, reportC, reportD, dupA, otherPeriod, stray];

  /** A seeded Fisher–Yates shuffle (mulberry32), so the test is repeatable. */
  function shuffled<T>(list: readonly T[], seed: number): T[] {
    let s = seed >>> 0;
    const rand = (): number => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  it('gives the identical consolidation for 25 arrival orders', () => {
    const baseline = JSON.stringify(toJson(consolidate({ ...options, reports: all })));
    for (let seed = 1; seed <= 25; seed++) {
      const c = createConsolidator({ ...options, units: shuffled(units, seed + 100) });
      for (const r of shuffled(all, seed)) c.add(r);
      expect(JSON.stringify(toJson(c.finish()))).toBe(baseline);
    }
    // and the chosen report of A is the later one
    expect(consolidate({ ...options, reports: [dupA, reportA] }).units[0]?.file).toBe('a.xlsx');
  });
});

// ---------------------------------------------------------------- with the real validator and built-in data

describe('end to end with checkReport, hatinh2021 and the Hà Tĩnh registry', () => {
  const q1 = parsePeriod('2021-Q1', { deadlineDaysAfterCutoff: 6 });
  if (!q1.ok) throw new Error('period');
  const ratioValue = (n: number | null, d: number | null, row: number): IndicatorValue => ({
    numerator: n,
    denominator: d,
    value: null,
    typedPercent: null,
    note: null,
    evidence: null,
    source: { numerator: ref(`D${row}`), denominator: ref(`E${row}`) },
  });
  const unitReport = (code: string, file: string, submittedOn: string | null, entries: [string, IndicatorValue][], activities: Activity[]): UnitReport => ({
    unitCode: code,
    periodCode: '2021-Q1',
    submittedOn,
    planId: 'hatinh-2021',
    templateVersion: '1',
    indicators: new Map(entries),
    activities,
    file,
    source: { submittedOn: ref('C5') },
  });
  const tranPhu = unitReport(
    '18070',
    'tran-phu.xlsx',
    '2021-03-18',
    [
      ['CT1', ratioValue(2, 2, 12)],
      ['CT2b', ratioValue(1, 1, 14)],
      ['CT3a', ratioValue(9, 10, 15)],
      ['CT3b', ratioValue(1, 1, 16)],
      ['CT4a', ratioValue(50, 50, 17)],
      ['CT4b', ratioValue(0, 0, 18)],
      ['CT5a', { ...ratioValue(null, null, 19), value: 2, source: { value: ref('G19') } }],
      ['CT5b', { ...ratioValue(null, null, 20), value: true, evidence: 'QĐ 1/QĐ-UBND', source: { value: ref('G20'), evidence: ref('I20') } }],
    ],
    [act(['ND1'], 'HT1.3', 30)],
  );
  const namHa = unitReport('18073', 'nam-ha.xlsx', null, [['CT3a', ratioValue(45, 50, 15)]], []);
  const register = parseReceivedCsv('ma_don_vi;ngay_nhan\n18073;19/03/2021\n', 'so-nhan.csv');
  if (!register.ok) throw new Error('register');
  const units = hatinhCity2020.units;
  const checked = [tranPhu, namHa].map((r) => checkReport(r, { plan: hatinh2021, units, period: q1.value }));
  const result = consolidate({ plan: hatinh2021, units, period: q1.value, received: register.value, reports: checked });

  it('sums CT3a over the two wards and scores them', () => {
    // CT3a: 9/10 + 45/50 → 54/60 = 0.9
    expect(result.totals.indicators.CT3a).toMatchObject({ numerator: 54, denominator: 60, ratio: 0.9, unitsCounted: 2 });
    // Trần Phú, general-100: indicators Σw = 80 (CT2a the culture centre's only, CT4b 0/0 not
    //   applicable); CT5b's evidence "QĐ 1/QĐ-UBND" has no date, so it is not evidence and CT5b is
    //   not met: Σ(w×c) = 80 − 15 × 0.1 − 10 × 1 = 68.5 → 60 × 68.5/80 = 51.375 → 51.38;
    //   themes {ND1} → 15 × 1/7 = 2.14; forms {HT1} → 15 × 1/5 = 3; on time (18/03 ≤ 20/03) → 10 ⇒ 66.52
    //   (74.02 when any text counted as evidence)
    // Nam Hà: Σw = 90 (CT4b blank → missing), Σ(w×c) = 15 × 0.9 = 13.5 → 60 × 13.5/90 = 9;
    //   no activities → 0 + 0; register 19/03 → on time 10 ⇒ 19
    expect(result.units.slice(0, 2).map((u) => [u.code, u.score, u.rank, u.onTime])).toEqual([
      ['18070', 66.52, 1, true],
      ['18073', 19, 2, true],
    ]);
    expect(result.units[0]?.indicators.CT5b).toMatchObject({ status: 'notMet', counted: true });
    expect(result.findings.filter((f) => f.unit === '18070' && f.code === 'evidence-unrecognised').map((f) => f.cell)).toEqual(['I20']);
    expect(result.units[0]?.indicators.CT2a?.status).toBe('notApplicable');
    // 17 units expected (15 wards and communes, 2 agencies), 2 received, both on time
    expect(result.totals).toMatchObject({ expected: 17, received: 2, onTime: 2, completeness: 2 / 17, timeliness: 2 / 17 });
    expect(result.findings.filter((f) => f.code === 'report-missing')).toHaveLength(15);
  });

  it('raises consolidation codes only with their catalogued severity', () => {
    for (const f of result.findings) {
      if (Object.hasOwn(CONSOLIDATION_FINDING_CODES, f.code)) {
        expect(f.severity).toBe(CONSOLIDATION_FINDING_CODES[f.code as keyof typeof CONSOLIDATION_FINDING_CODES].severity);
      }
    }
  });
});
