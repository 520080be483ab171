import { describe, expect, it } from 'vitest';
import type { CellRef } from '../src/finding.ts';
import type { Period } from '../src/period/types.ts';
import { planSchema, type Plan, type PlanInput, type ScoringComponent, type ScoringProfile } from '../src/plan/schema.ts';
import type { Activity, UnitReport } from '../src/report/model.ts';
import { bandFor } from '../src/score/band.ts';
import { scoreComponent, scoreUnit } from '../src/score/score-unit.ts';
import { hatinh2021 } from '../src/plan/builtin.ts';
import type { CheckedReport, IndicatorResult, IndicatorStatus } from '../src/validate/types.ts';

// ---------------------------------------------------------------- fixtures

const text = (vi: string): { vi: string; en: string } => ({ vi, en: vi });
const CONV = { kind: 'convention' as const, why: 'thử' };

function testPlan(indicatorCount: number, weights: number[] = []): Plan {
  const input: PlanInput = {
    id: 'test',
    title: text('Kế hoạch thử'),
    document: { number: '1/KH', date: '2021-01-01', issuer: 'UBND' },
    year: 2021,
    indicators: Array.from({ length: indicatorCount }, (_, i) => ({
      code: `I${i + 1}`,
      text: text(`Chỉ tiêu ${i + 1}`),
      measure: 'ratio' as const,
      unitOfMeasure: 'hồ sơ',
      target: { rule: 'ratioAtLeast' as const, min: 1, basis: CONV },
      targetText: text('100%'),
      weight: weights[i] ?? 1,
      weightBasis: CONV,
      clause: 'thử',
    })),
    themes: [
      { code: 'ND1', text: text('1') },
      { code: 'ND2', text: text('2') },
      { code: 'ND3', text: text('3') },
      { code: 'ND3.1', text: text('3.1'), parent: 'ND3' },
      { code: 'ND3.2', text: text('3.2'), parent: 'ND3' },
      { code: 'ND4', text: text('4') },
    ],
    forms: [
      { code: 'HT1', text: text('1') },
      { code: 'HT1.1', text: text('1.1'), parent: 'HT1' },
      { code: 'HT1.3', text: text('1.3'), parent: 'HT1', online: true },
      { code: 'HT2', text: text('2') },
      { code: 'HT2.1', text: text('2.1'), parent: 'HT2' },
      { code: 'HT2.2', text: text('2.2'), parent: 'HT2', online: true },
      { code: 'HT3', text: text('3') },
      { code: 'HT4', text: text('4') },
      { code: 'HT5', text: text('5') },
      { code: 'HT6', text: text('6'), online: true },
      { code: 'HT6.1', text: text('6.1'), parent: 'HT6', online: true },
      { code: 'HT7', text: text('7') },
    ],
    profiles: [{ id: 'p', name: text('p'), scale: 1, components: [{ type: 'timeliness', points: 1, label: text('t'), basis: CONV }], bands: [{ min: 0, label: text('b'), basis: CONV }] }],
    primaryProfile: 'p',
  };
  return planSchema.parse(input);
}

const ref = (cell: string): CellRef => ({ sheet: 'Báo cáo', cell });

function result(code: string, status: IndicatorStatus, completion: number | null = null, row = 10): IndicatorResult {
  return {
    code,
    numerator: null,
    denominator: null,
    value: null,
    typedPercent: null,
    ratio: null,
    completion: completion ?? (status === 'met' ? 1 : null),
    status,
    counted: status === 'met' || status === 'notMet',
    note: null,
    evidence: null,
    sources: [ref(`D${row}`), ref(`E${row}`)],
  };
}

function activity(themes: string[], form: string | null, evidence: string | null = 'Quyết định số 1/QĐ-UBND ngày 05/01/2021', row = 30): Activity {
  return { date: '2021-02-01', themes, form, title: 'Hoạt động', quantity: 1, participants: null, evidence, source: ref(`A${row}`) };
}

const period: Period = {
  code: '2021-Q1',
  kind: 'quarter',
  year: 2021,
  index: 1,
  cutoffStart: '2020-12-15',
  cutoffEnd: '2021-03-14',
  deadline: '2021-03-20',
};

function checked(statuses: IndicatorStatus[] | Record<string, IndicatorResult>, activities: Activity[] = []): CheckedReport {
  const indicators = Array.isArray(statuses) ? Object.fromEntries(statuses.map((s, i) => [`I${i + 1}`, result(`I${i + 1}`, s, null, 10 + i)])) : statuses;
  const report: UnitReport = {
    unitCode: '18070',
    periodCode: '2021-Q1',
    submittedOn: '2021-03-18',
    planId: 'test',
    templateVersion: '1',
    indicators: new Map(),
    activities,
    source: { submittedOn: ref('C5') },
  };
  return { report, unit: { code: '18070', name: 'Trần Phú', kind: 'ward', order: 1 }, period, indicators, activities, findings: [] };
}

const statuses = (met: number, other: number, otherStatus: IndicatorStatus = 'notMet'): IndicatorStatus[] => [
  ...Array<IndicatorStatus>(met).fill('met'),
  ...Array<IndicatorStatus>(other).fill(otherStatus),
];

const xuanLoc: ScoringComponent = { type: 'planCompletion', points: 1, partialFrom: 0.9, label: text('Hoàn thành kế hoạch'), requiresEvidence: true, basis: CONV };
const xuanLocGroups: ScoringComponent = {
  type: 'formGroups',
      basis: CONV,
  points: 1,
  label: text('Đa dạng hình thức'),
  requiresEvidence: true,
  groups: [
    { label: { vi: 'Bảng điện tử', en: 'Boards' }, points: 0.25, forms: ['HT2.2'], others: false },
    { label: { vi: 'Trang TTĐT, mạng xã hội', en: 'Web, social' }, points: 0.25, forms: ['HT1.3', 'HT6'], others: false },
    { label: { vi: 'Truyền thống', en: 'Traditional' }, points: 0.5, forms: [], others: true },
  ],
};
const withEvidence = [activity(['ND1'], 'HT3')];

// ---------------------------------------------------------------- planCompletion (Xuân Lộc)

describe('planCompletion (BRIEF §6, Xuân Lộc: 100% → 1; 90%–<100% → share; <90% → 0)', () => {
  it.each([
    // [indicators, met, others' status, expected points]
    { n: 20, met: 20, other: 'notMet', points: 1 }, //        20/20 = 1    → 1
    { n: 20, met: 19, other: 'notMet', points: 0.95 }, //     19/20 = 0.95 → 0.95 × 1
    { n: 10, met: 9, other: 'notMet', points: 0.9 }, //       9/10  = 0.9  → 0.9 × 1 (boundary included)
    { n: 100, met: 89, other: 'notMet', points: 0 }, //       89/100 = 0.89 < 0.9 → 0
    { n: 10, met: 9, other: 'missing', points: 0.9 }, //      missing counts as not completed: 9/10
    { n: 10, met: 9, other: 'invalid', points: 0.9 }, //      invalid likewise
    { n: 10, met: 9, other: 'notApplicable', points: 1 }, //  not applicable leaves the plan: 9/9 = 1
  ] as const)('$met met of $n ($other) → $points', ({ n, met, other, points }) => {
    const plan = testPlan(n);
    const score = scoreComponent(xuanLoc, { checked: checked(statuses(met, n - met, other), withEvidence), plan, onTime: true });
    expect(score.points).toBe(points);
    expect(score.max).toBe(1);
  });

  it('writes the arithmetic with a decimal comma and names the indicators not met', () => {
    const plan = testPlan(8);
    const s = scoreComponent(xuanLoc, { checked: checked(statuses(7, 1), withEvidence), plan, onTime: true });
    // 7/8 = 0.875 < 0.9 → 0
    expect(s.detail).toEqual({
      vi: '7/8 chỉ tiêu đạt (87,5%) < 90% → 0 điểm; chưa đạt: I8',
      en: '7/8 indicators met (87.5%) < 90% → 0 points; not met: I8',
    });
    const partial = scoreComponent(xuanLoc, { checked: checked(statuses(19, 1), withEvidence), plan: testPlan(20), onTime: true });
    expect(partial.detail.vi).toBe('19/20 chỉ tiêu đạt (95%) ≥ 90% → 95% × 1 = 0,95 điểm; chưa đạt: I20');
    expect(s.sources).toHaveLength(16); // 8 indicators × 2 cells
  });

  it('gives 0 without an activity with evidence (requiresEvidence)', () => {
    const plan = testPlan(4);
    const s = scoreComponent(xuanLoc, { checked: checked(statuses(4, 0), [activity(['ND1'], 'HT3', '  ')]), plan, onTime: true });
    expect(s.points).toBe(0);
    expect(s.detail.vi).toBe('Không có hoạt động nào có tài liệu kiểm chứng → 0 điểm');
  });

  it('gives 0 with a notice when no indicator applies', () => {
    const s = scoreComponent(xuanLoc, { checked: checked(statuses(0, 3, 'notApplicable'), withEvidence), plan: testPlan(3), onTime: true });
    expect(s.points).toBe(0);
    expect(s.detail.en).toBe('No indicator applies to the unit → 0 points');
  });
});

// ---------------------------------------------------------------- indicators

describe('indicators (points × Σ(weight × completion) ÷ Σ weight over applicable indicators)', () => {
  const component: ScoringComponent = { type: 'indicators', points: 60, label: text('Chỉ tiêu'), requiresEvidence: false, basis: CONV };
  it.each([
    {
      name: 'met, half, missing; N/A excluded',
      // weights 1, 2, 3, 4; I4 not applicable → Σw = 1+2+3 = 6; Σ(w×c) = 1×1 + 2×0.5 + 3×0 = 2 → 60 × 2/6 = 20
      results: [result('I1', 'met'), result('I2', 'notMet', 0.5), result('I3', 'missing'), result('I4', 'notApplicable')],
      points: 20,
    },
    {
      name: 'invalid counts 0',
      // Σw = 1+2+3+4 = 10; Σ(w×c) = 1 + 2×1 + 0 + 4×0.25 = 4 → 60 × 0.4 = 24
      results: [result('I1', 'met'), result('I2', 'met'), result('I3', 'invalid'), result('I4', 'notMet', 0.25)],
      points: 24,
    },
    {
      name: 'a code absent from the report counts as missing',
      // I1..I3 met, I4 absent → Σw = 10, Σ(w×c) = 6 → 36
      results: [result('I1', 'met'), result('I2', 'met'), result('I3', 'met')],
      points: 36,
    },
    {
      name: 'repeating decimals rounded to 2 places',
      // I1 weight 1 at 1/3, I2 weight 2 met, I3 and I4 N/A → Σw = 3; Σ(w×c) = 1/3 + 2 = 7/3
      // → 60 × (7/3)/3 = 46.666… → 46.67
      results: [result('I1', 'notMet', 1 / 3), result('I2', 'met'), result('I3', 'notApplicable'), result('I4', 'notApplicable')],
      points: 46.67,
    },
    {
      name: 'nothing applies → 0',
      results: [result('I1', 'notApplicable'), result('I2', 'notApplicable'), result('I3', 'notApplicable'), result('I4', 'notApplicable')],
      points: 0,
    },
  ])('$name → $points', ({ results, points }) => {
    const plan = testPlan(4, [1, 2, 3, 4]);
    const s = scoreComponent(component, { checked: checked(Object.fromEntries(results.map((r) => [r.code, r]))), plan, onTime: null });
    expect(s.points).toBe(points);
  });

  it('details the weights and completions', () => {
    const plan = testPlan(4, [1, 2, 3, 4]);
    const results = [result('I1', 'met'), result('I2', 'notMet', 0.5), result('I3', 'missing'), result('I4', 'notApplicable')];
    const s = scoreComponent(component, { checked: checked(Object.fromEntries(results.map((r) => [r.code, r]))), plan, onTime: null });
    expect(s.detail.vi).toBe(
      '3 chỉ tiêu áp dụng: I1 1×100%, I2 2×50%, I3 3×0% (thiếu số liệu) → Σ(trọng số × hoàn thành) ÷ Σ trọng số = 2 ÷ 6 = 33,33% → 60 × 33,33% = 20 điểm',
    );
    expect(s.sources).toEqual([ref('D10'), ref('E10'), ref('D10'), ref('E10'), ref('D10'), ref('E10')]);
  });
});

// ---------------------------------------------------------------- themes and forms

describe('themeCoverage (points × distinct top-level themes ÷ top-level themes)', () => {
  const component: ScoringComponent = { type: 'themeCoverage', points: 15, label: text('Nội dung'), requiresEvidence: false, basis: CONV };
  const withEv: ScoringComponent = { ...component, requiresEvidence: true };
  it.each([
    // plan top-level themes: ND1, ND2, ND3, ND4 → 4
    { name: 'sub-themes count for their parent', c: component, acts: [activity(['ND3.1'], 'HT3'), activity(['ND3.2', 'ND1'], 'HT3')], points: 7.5 }, // {ND1, ND3} → 15 × 2/4
    { name: 'all four', c: component, acts: [activity(['ND1', 'ND2'], 'HT3'), activity(['ND3', 'ND4'], 'HT3')], points: 15 },
    { name: 'unknown code ignored', c: component, acts: [activity(['ND9'], 'HT3'), activity(['nd2'], 'HT3')], points: 3.75 }, // {ND2} → 15 × 1/4
    { name: 'evidence required', c: withEv, acts: [activity(['ND1'], 'HT3', null), activity(['ND2'], 'HT3')], points: 3.75 }, // only ND2 counts
    { name: 'no activity', c: component, acts: [], points: 0 },
  ])('$name → $points', ({ c, acts, points }) => {
    const s = scoreComponent(c, { checked: checked(['met'], acts), plan: testPlan(1), onTime: null });
    expect(s.points).toBe(points);
  });

  it('names the themes and the first activity row behind each', () => {
    const acts = [activity(['ND3.1'], 'HT3', 'a', 31), activity(['ND3.2', 'ND1'], 'HT3', 'b', 32)];
    const s = scoreComponent(component, { checked: checked(['met'], acts), plan: testPlan(1), onTime: null });
    expect(s.detail.vi).toBe('2/4 nhóm nội dung (ND1, ND3) trong hoạt động → 15 × 2/4 = 7,5 điểm');
    expect(s.sources).toEqual([ref('A32'), ref('A31')]); // ND1 (row 32), ND3 (first seen row 31), plan order
  });
});

describe('formDiversity (points × min(1, distinct top-level forms ÷ target))', () => {
  const component: ScoringComponent = { type: 'formDiversity', points: 15, target: 5, label: text('Hình thức'), requiresEvidence: false, basis: CONV };
  it.each([
    { name: 'three top-level forms', forms: ['HT1.1', 'HT1.3', 'HT2.2', 'HT6'], points: 9 }, // {HT1, HT2, HT6} → 15 × 3/5
    { name: 'capped at the target', forms: ['HT1', 'HT2', 'HT3', 'HT4', 'HT5', 'HT6', 'HT7'], points: 15 }, // 7 > 5 → 15 × 5/5
    { name: 'one form', forms: ['HT6.1'], points: 3 }, // {HT6} → 15 × 1/5
    { name: 'none', forms: [], points: 0 },
  ])('$name → $points', ({ forms, points }) => {
    const s = scoreComponent(component, { checked: checked(['met'], forms.map((f) => activity(['ND1'], f))), plan: testPlan(1), onTime: null });
    expect(s.points).toBe(points);
  });
});

describe('formGroups (Xuân Lộc: HT2.2 0.25; HT1.3/HT6 0.25; any other form 0.5; evidence required)', () => {
  it.each([
    { forms: ['HT2.2'], points: 0.25 },
    { forms: ['HT1.3'], points: 0.25 },
    { forms: ['HT6'], points: 0.25 },
    { forms: ['HT6.1'], points: 0.25 }, //                    HT6 covers HT6.x
    { forms: ['HT1.1'], points: 0.5 }, //                     HT1.3 covers only HT1.3 → "others"
    { forms: ['HT2.1'], points: 0.5 }, //                     HT2.2 does not cover HT2.1 → "others"
    { forms: ['HT1.3', 'HT6'], points: 0.25 }, //             one group, counted once
    { forms: ['HT2.2', 'HT6', 'HT3'], points: 1 }, //         0.25 + 0.25 + 0.5
    { forms: ['HT3', 'HT7'], points: 0.5 }, //                "others" once
    { forms: [], points: 0 },
  ])('$forms → $points', ({ forms, points }) => {
    const s = scoreComponent(xuanLocGroups, { checked: checked(['met'], forms.map((f) => activity(['ND1'], f))), plan: testPlan(1), onTime: null });
    expect(s.points).toBe(points);
  });

  it('counts only activities with evidence, and explains each group', () => {
    const acts = [activity(['ND1'], 'HT2.2', null, 31), activity(['ND1'], 'HT3', 'QĐ 5/QĐ-UBND ngày 02/02/2021', 32), activity(['ND1'], 'HT6', 'https://x', 33)];
    const s = scoreComponent(xuanLocGroups, { checked: checked(['met'], acts), plan: testPlan(1), onTime: null });
    // HT2.2 has no evidence → 0; HT6 → 0.25; HT3 → 0.5 ⇒ 0.75
    expect(s.points).toBe(0.75);
    expect(s.detail.vi).toBe(
      'Bảng điện tử (HT2.2): không → 0; Trang TTĐT, mạng xã hội (HT1.3, HT6): có (HT6) → 0,25; Truyền thống: có (HT3) → 0,5 (hoạt động có kiểm chứng) ⇒ 0,75 điểm',
    );
    expect(s.sources).toEqual([ref('A33'), ref('A32')]);
  });
});

describe('timeliness', () => {
  const component: ScoringComponent = { type: 'timeliness', points: 10, label: text('Đúng hạn'), basis: CONV };
  it.each([
    { onTime: true, points: 10, vi: 'Gửi đúng hạn (hạn 20/03/2021) → 10 điểm' },
    { onTime: false, points: 0, vi: 'Gửi sau hạn (hạn 20/03/2021) → 0 điểm' },
    // not silently 0: the detail says the part is not scored yet, and why
    {
      onTime: null,
      points: 0,
      vi: 'Chưa xác định được ngày gửi (sổ theo dõi không có ngày nhận, biểu không ghi ngày báo cáo): phần này chưa được chấm, tính 0 điểm cho đến khi có ngày nhận → 0 điểm',
    },
  ])('onTime $onTime → $points', ({ onTime, points, vi }) => {
    const s = scoreComponent(component, { checked: checked(['met']), plan: testPlan(1), onTime });
    expect(s.points).toBe(points);
    expect(s.detail.vi).toBe(vi);
    expect(s.sources).toEqual([ref('C5')]);
  });
});

// ---------------------------------------------------------------- bands and whole profiles

describe('bandFor (bands sorted by min descending; first with score ≥ min)', () => {
  const profile = (bands: ScoringProfile['bands']): ScoringProfile => ({ id: 'g', name: text('g'), scale: 100, components: [], bands });
  const general = profile([
    { min: 70, label: text('Trung bình'), basis: CONV },
    { min: 0, label: text('Yếu'), basis: CONV },
    { min: 90, label: text('Tốt'), basis: CONV },
    { min: 80, label: text('Khá'), basis: CONV },
  ]);
  it.each([
    [100, 'Tốt'],
    [90, 'Tốt'],
    [89.99, 'Khá'],
    [80, 'Khá'],
    [79.99, 'Trung bình'],
    [70, 'Trung bình'],
    [0, 'Yếu'],
  ])('%s → %s', (score, label) => {
    expect(bandFor(general, score).vi).toBe(label);
  });
  it('gives the lowest band to a score below every min', () => {
    expect(bandFor(profile([{ min: 50, label: text('Đạt'), basis: CONV }, { min: 10, label: text('Thấp'), basis: CONV }]), 5).vi).toBe('Thấp');
  });
});

describe('scoreUnit on the built-in plan hatinh2021 (a ward)', () => {
  // Statuses for a ward: CT2a applies to agencies only, CT4b: ward without a post-office point.
  const results: Record<string, IndicatorResult> = Object.fromEntries(
    (
      [
        ['CT1', 'met', null],
        ['CT2a', 'notApplicable', null],
        ['CT2b', 'met', null],
        ['CT3a', 'notMet', 0.9],
        ['CT3b', 'met', null],
        ['CT4a', 'met', null],
        ['CT4b', 'notApplicable', null],
        ['CT5a', 'met', null],
        ['CT5b', 'missing', null],
      ] as const
    ).map(([code, status, completion], i) => [code, result(code, status, completion, 12 + i)]),
  );
  const acts = [activity(['ND1'], 'HT1.3', 'QĐ 12/QĐ-UBND', 31), activity(['ND3.6', 'ND3.2'], 'HT2.2', null, 32), activity(['ND7'], 'HT6', 'https://fb.com/x', 33)];
  const report = checked(results, acts);

  it('general-100: 51,38 + 6,43 + 9 + 10 = 76,81 → Trung bình', () => {
    const profile = hatinh2021.profiles.find((p) => p.id === 'general-100') as ScoringProfile;
    const s = scoreUnit(report, profile, hatinh2021, { onTime: true });
    // indicators 60: applicable weights CT1 10, CT2b 10, CT3a 15, CT3b 10, CT4a 15, CT5a 10, CT5b 10 → Σw = 80
    //   Σ(w×c) = 10 + 10 + 15×0.9 + 10 + 15 + 10 + 0 = 68.5 → 60 × 68.5/80 = 51.375 → 51.38
    // themeCoverage 15: {ND1, ND3, ND7} of 7 top-level themes → 15 × 3/7 = 6.428… → 6.43
    // formDiversity 15, target 5: {HT1, HT2, HT6} → 15 × 3/5 = 9
    // timeliness 10: on time → 10
    expect(s.components.map((c) => c.points)).toEqual([51.38, 6.43, 9, 10]);
    expect(s.score).toBe(76.81);
    expect(s.scale).toBe(100);
    expect(s.band.vi).toBe('Trung bình');
    expect(s.profileId).toBe('general-100');
  });

  it('communication-2 (Xuân Lộc): plan 5/7 → 0; forms with evidence: web group only → 0,25', () => {
    const profile = hatinh2021.profiles.find((p) => p.id === 'communication-2') as ScoringProfile;
    const s = scoreUnit(report, profile, hatinh2021, { onTime: true });
    // planCompletion: 7 applicable, 5 met (CT3a not met, CT5b missing) → 5/7 = 71.43% < 90% → 0
    // formGroups: HT2.2 row has no evidence → 0; HT1.3 and HT6 → web group 0.25; no other form → 0
    expect(s.components.map((c) => c.points)).toEqual([0, 0.25]);
    expect(s.score).toBe(0.25);
    expect(s.components[0]?.detail.vi).toBe('5/7 chỉ tiêu đạt (71,43%) < 90% → 0 điểm; chưa đạt: CT3a, CT5b');
    expect(s.band.vi).toBe('Không đạt');
  });
});
