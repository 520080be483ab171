/**
 * The scoring rules of issue 14, each with the worked example the README gives (section "Scoring
 * rules, with worked examples"): the report goes through the real checkReport and scoreUnit with
 * the built-in plan 163/KH-UBND, so the numbers below are the README's numbers.
 */
import { describe, expect, it } from 'vitest';
import data from '../src/plan/plans/hatinh-2021.json' with { type: 'json' };
import { createConsolidator } from '../src/consolidate/consolidator.ts';
import type { CellRef } from '../src/finding.ts';
import { parsePeriod } from '../src/period/period.ts';
import { hatinh2021 } from '../src/plan/builtin.ts';
import { parsePlan } from '../src/plan/load.ts';
import { profileById } from '../src/plan/lookup.ts';
import type { Plan, ScoringProfile } from '../src/plan/schema.ts';
import type { Activity, IndicatorValue, UnitReport } from '../src/report/model.ts';
import { scoreComponent, scoreUnit } from '../src/score/score-unit.ts';
import { evidenceKind } from '../src/text/evidence.ts';
import { hatinhCity2020 } from '../src/units/hatinh-2021.ts';
import { checkReport } from '../src/validate/check-report.ts';

const H1 = (() => {
  const parsed = parsePeriod('2021-H1'); // cut-off 15/12/2020–14/06/2021, deadline 20/06/2021
  if (!parsed.ok) throw new Error('period');
  return parsed.value;
})();
const at = (cell: string, sheet = 'Báo cáo'): CellRef => ({ sheet, cell });

/** A figure pair (or a value) as the form holds it, with its cells. */
function pair(numerator: number, denominator: number, row: number, evidence: string | null = null): IndicatorValue {
  return { numerator, denominator, value: null, typedPercent: null, note: null, evidence, source: { numerator: at(`F${row}`), denominator: at(`G${row}`), ...(evidence ? { evidence: at(`J${row}`) } : {}) } };
}
function value(v: number | boolean, row: number, evidence: string | null = null): IndicatorValue {
  return { numerator: null, denominator: null, value: v, typedPercent: null, note: null, evidence, source: { value: at(`F${row}`), ...(evidence ? { evidence: at(`J${row}`) } : {}) } };
}
function activity(row: number, date: string, theme: string, form: string, evidence: string): Activity {
  return { date, themes: [theme], form, title: `Hoạt động ${form}`, quantity: 1, participants: null, evidence, source: at(`A${row}`, 'Hoạt động') };
}

/**
 * The README's worked example: commune Thạch Trung (18088), 2021-H1, eight targets apply (CT2a is
 * the culture centre's); seven are met, CT3a is 95/100. Three activities with evidence: a radio
 * segment (HT1.2), the LED screen (HT2.2) and Zalo (HT6).
 */
function thachTrung(change: { notMet?: string[]; ledEvidence?: string; ct5bEvidence?: string } = {}): UnitReport {
  const notMet = new Set(change.notMet ?? ['CT3a']);
  const indicators = new Map<string, IndicatorValue>([
    ['CT1', pair(notMet.has('CT1') ? 0 : 1, 1, 12)],
    ['CT2b', pair(notMet.has('CT2b') ? 0 : 1, 1, 14)],
    ['CT3a', notMet.has('CT3a') ? pair(95, 100, 15) : pair(100, 100, 15)],
    ['CT3b', pair(1, 1, 16)],
    ['CT4a', notMet.has('CT4a') ? pair(100, 110, 17) : pair(110, 110, 17)],
    ['CT4b', pair(1, 1, 18)],
    ['CT5a', value(3, 19)],
    ['CT5b', value(true, 20, change.ct5bEvidence ?? 'Báo cáo số 12/BC-UBND ngày 10/6/2021')],
  ]);
  return {
    unitCode: '18088',
    periodCode: '2021-H1',
    submittedOn: '2021-06-18',
    planId: 'hatinh-2021',
    templateVersion: null,
    indicators,
    activities: [
      activity(4, '2021-01-15', 'ND3.6', 'HT1.2', 'Văn bản số 5/UBND ngày 15/01/2021'),
      activity(5, '2021-03-10', 'ND3.4', 'HT2.2', change.ledEvidence ?? 'anh-man-hinh-led.jpg'),
      activity(6, '2021-04-20', 'ND7', 'HT6', 'https://zalo.me/thachtrung/cchc'),
    ],
    source: { submittedOn: at('C9') },
  };
}

function scores(report: UnitReport, plan: Plan = hatinh2021) {
  const checked = checkReport(report, { plan, units: hatinhCity2020.units, period: H1 });
  const of = (id: string) => scoreUnit(checked, profileById(plan, id) as ScoringProfile, plan, { onTime: true, date: '2021-06-18' });
  return { checked, published: of('communication-2'), graded: of('communication-2-graded') };
}

describe('rule 1: the published 2-point profile, exactly as BRIEF §6 gives it (Xuân Lộc guideline)', () => {
  it('worked example: 7 of 8 targets met = 87,5 % < 90 % → 0; forms 0,25 + 0,25 + 0,5 = 1 ⇒ 1 point', () => {
    const { published } = scores(thachTrung());
    expect(published.components.map((c) => c.points)).toEqual([0, 1]);
    expect(published.score).toBe(1);
    expect(published.band.vi).toBe('Đạt một phần');
    expect(published.components[0]?.detail.vi).toBe('7/8 chỉ tiêu đạt (87,5%) < 90% → 0 điểm; chưa đạt: CT3a');
  });

  it('keeps the 90 % step: all 8 met → 1 + 1 = 2; 6 of 8 → 0 + 1 = 1', () => {
    expect(scores(thachTrung({ notMet: [] })).published.score).toBe(2);
    expect(scores(thachTrung({ notMet: ['CT3a', 'CT4a'] })).published.score).toBe(1);
  });

  it('its partial credit needs 10 targets or more (9 of 10 = 90 % → 0,9): with 4 to 8 it is all or nothing', () => {
    const component = profileById(hatinh2021, 'communication-2')!.components[0]!;
    const checked = checkReport(thachTrung(), { plan: hatinh2021, units: hatinhCity2020.units, period: H1 });
    for (let planned = 4; planned <= 9; planned++) expect((planned - 1) / planned).toBeLessThan(0.9);
    expect(component).toMatchObject({ type: 'planCompletion', partialFrom: 0.9 });
    expect(scoreComponent(component, { checked, plan: hatinh2021, onTime: true }).points).toBe(0);
  });
});

describe('rule 2: the graded 2-point profile, a convention: partial credit from 75 %', () => {
  it('worked example: the same report, 7/8 = 87,5 % ≥ 75 % → 0,875 → 0,88; forms 1 ⇒ 1,88 points', () => {
    const { graded } = scores(thachTrung());
    expect(graded.components.map((c) => c.points)).toEqual([0.88, 1]);
    expect(graded.score).toBe(1.88);
    expect(graded.components[0]?.detail.vi).toBe('7/8 chỉ tiêu đạt (87,5%) ≥ 75% → 87,5% × 1 = 0,88 điểm; chưa đạt: CT3a');
  });

  it.each([
    [[], 2], // 8/8 → 1 + 1
    [['CT3a', 'CT4a'], 1.75], // 6/8 = 75 % → 0,75 + 1
    [['CT3a', 'CT4a', 'CT1'], 1], // 5/8 = 62,5 % < 75 % → 0 + 1
  ])('not met %j → %d', (notMet, total) => {
    expect(scores(thachTrung({ notMet })).graded.score).toBe(total);
  });

  it('is labelled a convention wherever it is named', () => {
    const graded = profileById(hatinh2021, 'communication-2-graded')!;
    expect(graded.name.vi).toBe('Tiêu chí công tác tuyên truyền CCHC (2 điểm, có điểm một phần – quy ước)');
    expect(graded.components.every((c) => c.basis.kind === 'convention')).toBe(true);
  });
});

describe('rule 3: evidence must look like evidence', () => {
  it.each([
    ['45/BC-UBND ngày 12/5/2021', 'document'],
    ['Báo cáo số 12/BC-UBND ngày 10/6/2021', 'document'],
    ['Quyết định 12/2021/QĐ-UBND ngày 05 tháng 02 năm 2021', 'document'],
    ['18-NQ/TW ngày 25/10/2017', 'document'],
    ['https://zalo.me/thachtrung/cchc', 'link'],
    ['hatinhcity.gov.vn/cchc', 'link'],
    ['anh-man-hinh-led.jpg', 'file'],
    ['Biên bản hội nghị.pdf', 'file'],
    ['x', null],
    ['có', null],
    ['Biên bản', null],
    ['Công văn 45/UBND', null], // a number without its date
    ['ngày 12/5/2021', null], // a date without a number
    ['45/BC-UBND ngày 31/2/2021', null], // no such day
  ])('%j → %s', (text, kind) => {
    expect(evidenceKind(text)).toBe(kind);
  });

  it('worked example: "x" on the LED activity and "Công văn 45/UBND" for CT5b are warnings and do not count ⇒ 0,75 and 1,5 points', () => {
    const { checked, published, graded } = scores(thachTrung({ ledEvidence: 'x', ct5bEvidence: 'Công văn 45/UBND' }));
    const warnings = checked.findings.filter((f) => f.code.includes('evidence')).map((f) => [f.severity, f.code, f.sheet, f.cell]);
    expect(warnings).toEqual([
      ['warning', 'evidence-unrecognised', 'Báo cáo', 'J20'],
      ['warning', 'activity-evidence-unrecognised', 'Hoạt động', 'I5'],
    ]);
    expect(checked.findings.find((f) => f.code === 'activity-evidence-unrecognised')?.message.vi).toBe(
      'Ô I5 (hoạt động dòng 5, tài liệu kiểm chứng): "x" không phải tài liệu kiểm chứng (cần số và ngày văn bản như "45/BC-UBND ngày 12/5/2021", đường dẫn hoặc tên tệp); hoạt động được tính là không có tài liệu kiểm chứng.',
    );
    // CT5b requires evidence: not met; the answer still counts in the city total (as not met)
    expect(checked.indicators.CT5b).toMatchObject({ status: 'notMet', counted: true, completion: 0 });
    // 6/8 = 75 %: published 0; LED without evidence: forms 0 + 0,25 + 0,5 = 0,75
    expect(published.components.map((c) => c.points)).toEqual([0, 0.75]);
    expect(published.score).toBe(0.75);
    expect(graded.components.map((c) => c.points)).toEqual([0.75, 0.75]);
    expect(graded.score).toBe(1.5);
  });
});

describe('rule 4: timeliness, with partial credit for a short delay only when the profile says so', () => {
  /** general-100 with `lateCredit: { withinDays: 3, share: 0.5 }` on its timeliness part, from the plan file. */
  const withCredit = (() => {
    const plan = JSON.parse(JSON.stringify(data));
    plan.profiles[0].components[3].lateCredit = { withinDays: 3, share: 0.5 };
    const parsed = parsePlan(plan);
    if (!parsed.ok) throw new Error(parsed.findings.map((f) => f.message.en).join('\n'));
    return parsed.value;
  })();
  const checked = checkReport(thachTrung(), { plan: hatinh2021, units: hatinhCity2020.units, period: H1 });
  const timeliness = (plan: Plan, onTime: boolean | null, date: string | null) =>
    scoreComponent(profileById(plan, 'general-100')!.components[3]!, { checked, plan, onTime, date });

  it.each([
    ['2021-06-20', true, 10], // on the deadline
    ['2021-06-22', false, 5], // 2 days late, within 3 → 50 % × 10
    ['2021-06-23', false, 5], // 3 days late
    ['2021-06-24', false, 0], // 4 days late
  ])('worked example (lateCredit 3 days, 50 %%, deadline 20/06/2021): received %s → %d points', (date, onTime, points) => {
    expect(timeliness(withCredit, onTime, date).points).toBe(points);
  });

  it('explains the arithmetic, and the published general-100 (no lateCredit) gives 0 for any delay', () => {
    expect(timeliness(withCredit, false, '2021-06-22').detail.vi).toBe('Gửi sau hạn 2 ngày (hạn 20/06/2021), trong 3 ngày được tính 50% (quy ước) → 50% × 10 → 5 điểm');
    expect(timeliness(withCredit, false, '2021-06-24').detail.vi).toBe('Gửi sau hạn 4 ngày (hạn 20/06/2021), quá 3 ngày → 0 điểm');
    expect(timeliness(hatinh2021, false, '2021-06-22').points).toBe(0);
    expect(profileById(hatinh2021, 'general-100')!.components[3]).not.toHaveProperty('lateCredit');
  });

  it('an unknown date scores 0 and says so — in the part’s detail and in a finding of the consolidation', () => {
    const part = timeliness(withCredit, null, null);
    expect(part.points).toBe(0);
    expect(part.detail.vi).toContain('chưa được chấm, tính 0 điểm cho đến khi có ngày nhận');
    const consolidator = createConsolidator({ plan: withCredit, units: hatinhCity2020.units, period: H1 });
    consolidator.add(checkReport({ ...thachTrung(), submittedOn: null, source: {} }, { plan: withCredit, units: hatinhCity2020.units, period: H1 }), '18088-2021-H1.xlsx');
    const result = consolidator.finish();
    const unit = result.units.find((u) => u.code === '18088')!;
    expect(unit.onTime).toBeNull();
    expect(unit.scores['general-100']?.components[3]?.points).toBe(0);
    expect(result.findings.find((f) => f.code === 'submission-date-missing')?.message.vi).toContain('phần điểm gửi đúng hạn tính 0 cho đến khi có ngày nhận');
  });

  it('the consolidation scores a short delay from the register’s date', () => {
    const consolidator = createConsolidator({ plan: withCredit, units: hatinhCity2020.units, period: H1, received: new Map([['18088', '2021-06-22']]) });
    consolidator.add(checkReport(thachTrung(), { plan: withCredit, units: hatinhCity2020.units, period: H1 }), '18088-2021-H1.xlsx');
    const unit = consolidator.finish().units.find((u) => u.code === '18088')!;
    expect(unit.onTime).toBe(false);
    expect(unit.scores['general-100']?.components[3]?.points).toBe(5);
  });
});
