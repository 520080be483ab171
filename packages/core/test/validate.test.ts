import { describe, expect, it } from 'vitest';
import type { CellRef, Finding } from '../src/finding.ts';
import { parsePeriod } from '../src/period/period.ts';
import type { Period } from '../src/period/types.ts';
import { hatinh2021 } from '../src/plan/builtin.ts';
import type { Indicator } from '../src/plan/schema.ts';
import type { Activity, IndicatorValue, UnitReport } from '../src/report/model.ts';
import { hatinhCity2020 } from '../src/units/hatinh-2021.ts';
import type { Unit } from '../src/units/unit.ts';
import { checkReport } from '../src/validate/check-report.ts';
import { FINDING_CODES } from '../src/validate/codes.ts';
import { completion } from '../src/validate/completion.ts';

const FILE = 'bao-cao.xlsx';
const SHEET = 'Báo cáo';
const ACTS = 'Hoạt động';
const AGENCY: Unit = { code: 'TTVHTT', name: 'Trung tâm Văn hóa – Truyền thông', kind: 'agency', order: 16 };
const UNITS: Unit[] = [...hatinhCity2020.units, AGENCY];

function period(code: string): Period {
  const p = parsePeriod(code);
  if (!p.ok) throw new Error(code);
  return p.value;
}
const Q1 = period('2021-Q1');

const at = (cell: string, sheet = SHEET): CellRef => ({ file: FILE, sheet, cell });

/** Figures of one indicator with the template's cells: row 10 + plan index; F numerator/value, G denominator, H percent, J evidence. */
function figures(code: string, f: Partial<Pick<IndicatorValue, 'numerator' | 'denominator' | 'value' | 'typedPercent' | 'evidence'>>): IndicatorValue {
  const row = 10 + hatinh2021.indicators.findIndex((i) => i.code === code);
  const indicator = hatinh2021.indicators.find((i) => i.code === code)!;
  const pair = indicator.measure === 'ratio' || indicator.measure === 'comparison';
  const value: IndicatorValue = {
    numerator: f.numerator ?? null,
    denominator: f.denominator ?? null,
    value: f.value ?? null,
    typedPercent: f.typedPercent ?? null,
    note: null,
    evidence: f.evidence ?? null,
    source: pair ? { numerator: at(`F${row}`), denominator: at(`G${row}`), evidence: at(`J${row}`) } : { value: at(`F${row}`), evidence: at(`J${row}`) },
  };
  if (f.typedPercent !== undefined && f.typedPercent !== null) value.source.typedPercent = at(`H${row}`);
  return value;
}

function report(options: { unit?: string | null; period?: string | null; indicators?: [string, IndicatorValue][]; activities?: Activity[] } = {}): UnitReport {
  return {
    unitCode: options.unit === undefined ? '18070' : options.unit,
    periodCode: options.period === undefined ? '2021-Q1' : options.period,
    submittedOn: '2021-03-18',
    planId: 'hatinh-2021',
    templateVersion: '1',
    // Default: one filled indicator, so the report is not an untouched form (`report-empty`).
    indicators: new Map(options.indicators ?? [['CT3b', figures('CT3b', { numerator: 1, denominator: 1 })]]),
    activities: options.activities ?? [],
    file: FILE,
    source: { unitCode: at('C3'), periodCode: at('C4'), submittedOn: at('C5') },
  };
}

const brief = (f: Finding) => [f.severity, f.code, f.cell] as const;

describe('checkReport: one row per indicator rule', () => {
  type Expect = { status: string; ratio: number | null; completion: number | null; counted: boolean };
  type Row = [name: string, code: string, unit: string, f: Parameters<typeof figures>[1], findings: (readonly [string, string, string | undefined])[], expected: Expect];
  const rows: Row[] = [
    ['ratio below target', 'CT3a', '18070', { numerator: 95, denominator: 100 }, [], { status: 'notMet', ratio: 0.95, completion: 0.95, counted: true }],
    ['ratio at target', 'CT3a', '18070', { numerator: 100, denominator: 100 }, [], { status: 'met', ratio: 1, completion: 1, counted: true }],
    ['ratio zero of some', 'CT3a', '18070', { numerator: 0, denominator: 7 }, [], { status: 'notMet', ratio: 0, completion: 0, counted: true }],
    [
      'numerator > denominator',
      'CT3a',
      '18070',
      { numerator: 120, denominator: 100 },
      [['error', 'numerator-exceeds-denominator', 'F13']],
      { status: 'invalid', ratio: null, completion: null, counted: false },
    ],
    [
      'numerator > denominator 0',
      'CT3a',
      '18070',
      { numerator: 3, denominator: 0 },
      [['error', 'numerator-exceeds-denominator', 'F13']],
      { status: 'invalid', ratio: null, completion: null, counted: false },
    ],
    ['both blank', 'CT3a', '18070', {}, [['warning', 'value-missing', 'F13']], { status: 'missing', ratio: null, completion: null, counted: false }],
    [
      'only a percentage typed',
      'CT3a',
      '18070',
      { typedPercent: 1 },
      [['warning', 'value-missing', 'F13']],
      { status: 'missing', ratio: null, completion: null, counted: false },
    ],
    [
      'denominator blank',
      'CT3a',
      '18070',
      { numerator: 5 },
      [['error', 'pair-incomplete', 'G13']],
      { status: 'invalid', ratio: null, completion: null, counted: false },
    ],
    [
      'numerator blank',
      'CT3a',
      '18070',
      { denominator: 5 },
      [['error', 'pair-incomplete', 'F13']],
      { status: 'invalid', ratio: null, completion: null, counted: false },
    ],
    [
      'negative numerator',
      'CT3a',
      '18070',
      { numerator: -1, denominator: 5 },
      [['error', 'count-negative', 'F13']],
      { status: 'invalid', ratio: null, completion: null, counted: false },
    ],
    [
      'fractional numerator',
      'CT3a',
      '18070',
      { numerator: 2.5, denominator: 5 },
      [['error', 'count-not-integer', 'F13']],
      { status: 'invalid', ratio: null, completion: null, counted: false },
    ],
    [
      'negative numerator and fractional denominator',
      'CT3a',
      '18070',
      { numerator: -1, denominator: 2.5 },
      [
        ['error', 'count-negative', 'F13'],
        ['error', 'count-not-integer', 'G13'],
      ],
      { status: 'invalid', ratio: null, completion: null, counted: false },
    ],
    [
      'numerator 1e20 (past exact integers): too large, not "NaN lớn hơn mẫu số"',
      'CT3a',
      '18070',
      { numerator: 1e20, denominator: 420 },
      [['error', 'figure-too-large', 'F13']],
      { status: 'invalid', ratio: null, completion: null, counted: false },
    ],
    [
      'both figures implausible (1e21 and 2e9)',
      'CT3a',
      '18070',
      { numerator: 1e21, denominator: 2e9 },
      [
        ['error', 'figure-too-large', 'F13'],
        ['error', 'figure-too-large', 'G13'],
      ],
      { status: 'invalid', ratio: null, completion: null, counted: false },
    ],
    ['a billion exactly is still a count', 'CT3a', '18070', { numerator: 1e9, denominator: 1e9 }, [], { status: 'met', ratio: 1, completion: 1, counted: true }],
    [
      'denominator 0',
      'CT3a',
      '18070',
      { numerator: 0, denominator: 0 },
      [['notice', 'denominator-zero', 'G13']],
      { status: 'notApplicable', ratio: null, completion: null, counted: false },
    ],
    [
      'typed percent off by 10 points',
      'CT3a',
      '18070',
      { numerator: 80, denominator: 100, typedPercent: 0.9 },
      [['warning', 'typed-percent-mismatch', 'H13']],
      { status: 'notMet', ratio: 0.8, completion: 0.8, counted: true },
    ],
    [
      'typed percent off by 0.6 point',
      'CT3a',
      '18070',
      { numerator: 80, denominator: 100, typedPercent: 0.806 },
      [['warning', 'typed-percent-mismatch', 'H13']],
      { status: 'notMet', ratio: 0.8, completion: 0.8, counted: true },
    ],
    ['typed percent off by exactly 0.5 point', 'CT3a', '18070', { numerator: 80, denominator: 100, typedPercent: 0.805 }, [], { status: 'notMet', ratio: 0.8, completion: 0.8, counted: true }],
    ['typed percent rounded', 'CT3a', '18070', { numerator: 2, denominator: 3, typedPercent: 0.67 }, [], { status: 'notMet', ratio: 2 / 3, completion: 2 / 3, counted: true }],
    [
      'not applicable to a ward, figures given',
      'CT2a',
      '18070',
      { numerator: 10, denominator: 8 },
      [['notice', 'indicator-not-applicable', 'F11']],
      { status: 'notApplicable', ratio: null, completion: null, counted: false },
    ],
    ['not applicable to a ward, blank', 'CT2a', '18070', {}, [], { status: 'notApplicable', ratio: null, completion: null, counted: false }],
    ['comparison: increase', 'CT2a', 'TTVHTT', { numerator: 10, denominator: 8 }, [], { status: 'met', ratio: 1.25, completion: 1, counted: true }],
    ['comparison: decrease', 'CT2a', 'TTVHTT', { numerator: 8, denominator: 10 }, [], { status: 'notMet', ratio: 0.8, completion: 0, counted: true }],
    ['comparison: equal', 'CT2a', 'TTVHTT', { numerator: 10, denominator: 10 }, [], { status: 'notMet', ratio: 1, completion: 0, counted: true }],
    ['comparison: from nothing last year', 'CT2a', 'TTVHTT', { numerator: 5, denominator: 0 }, [], { status: 'met', ratio: null, completion: 1, counted: true }],
    [
      'comparison: 0 and 0',
      'CT2a',
      'TTVHTT',
      { numerator: 0, denominator: 0 },
      [['notice', 'denominator-zero', 'G11']],
      { status: 'notApplicable', ratio: null, completion: null, counted: false },
    ],
    ['count met', 'CT5a', '18070', { value: 3 }, [], { status: 'met', ratio: null, completion: 1, counted: true }],
    ['count zero', 'CT5a', '18070', { value: 0 }, [], { status: 'notMet', ratio: null, completion: 0, counted: true }],
    ['count blank', 'CT5a', '18070', {}, [['warning', 'value-missing', 'F17']], { status: 'missing', ratio: null, completion: null, counted: false }],
    ['count negative', 'CT5a', '18070', { value: -2 }, [['error', 'count-negative', 'F17']], { status: 'invalid', ratio: null, completion: null, counted: false }],
    [
      'count fractional',
      'CT5a',
      '18070',
      { value: 1.5 },
      [['error', 'count-not-integer', 'F17']],
      { status: 'invalid', ratio: null, completion: null, counted: false },
    ],
    ['count 1e20', 'CT5a', '18070', { value: 1e20 }, [['error', 'figure-too-large', 'F17']], { status: 'invalid', ratio: null, completion: null, counted: false }],
    ['count as yes/no', 'CT5a', '18070', { value: true }, [['error', 'value-wrong-type', 'F17']], { status: 'invalid', ratio: null, completion: null, counted: false }],
    ['yes with evidence', 'CT5b', '18070', { value: true, evidence: 'Số 12/BC-UBND ngày 10/6/2021' }, [], { status: 'met', ratio: null, completion: 1, counted: true }],
    // a document number without its date is not evidence (text/evidence.ts): a warning, not met
    [
      'yes with a document number but no date',
      'CT5b',
      '18070',
      { value: true, evidence: 'Số 12/BC-UBND' },
      [['warning', 'evidence-unrecognised', 'J18']],
      { status: 'notMet', ratio: null, completion: 0, counted: true },
    ],
    ['yes with a link', 'CT5b', '18070', { value: true, evidence: 'https://hatinhcity.gov.vn/doanh-nghiep' }, [], { status: 'met', ratio: null, completion: 1, counted: true }],
    // evidence that is not evidence is named for any indicator, required or not
    ['ratio with "x" as evidence', 'CT3a', '18070', { numerator: 5, denominator: 5, evidence: 'x' }, [['warning', 'evidence-unrecognised', 'J13']], { status: 'met', ratio: 1, completion: 1, counted: true }],
    [
      'yes without evidence',
      'CT5b',
      '18070',
      { value: true },
      [['warning', 'evidence-missing', 'J18']],
      // Still an answer: in the city total's denominator, not its numerator.
      { status: 'notMet', ratio: null, completion: 0, counted: true },
    ],
    ['no', 'CT5b', '18070', { value: false }, [], { status: 'notMet', ratio: null, completion: 0, counted: true }],
    ['yes/no as a number', 'CT5b', '18070', { value: 1 }, [['error', 'value-wrong-type', 'F18']], { status: 'invalid', ratio: null, completion: null, counted: false }],
    ['yes/no blank', 'CT5b', '18070', {}, [['warning', 'value-missing', 'F18']], { status: 'missing', ratio: null, completion: null, counted: false }],
    ['unknown unit: figures still checked', 'CT3a', '99999', { numerator: 1, denominator: 1 }, [], { status: 'met', ratio: 1, completion: 1, counted: true }],
  ];

  it.each(rows)('%s', (_name, code, unit, f, findings, expected) => {
    const checked = checkReport(report({ unit, indicators: [[code, figures(code, f)]] }), { plan: hatinh2021, units: UNITS, period: Q1 });
    const result = checked.indicators[code]!;
    expect({ status: result.status, ratio: result.ratio, completion: result.completion, counted: result.counted }).toEqual(expected);
    const mine = checked.findings.filter((x) => x.indicator === code);
    expect(mine.map(brief)).toEqual(findings);
    for (const x of mine) {
      expect(x.file).toBe(FILE);
      expect(x.sheet).toBe(SHEET);
      expect(x.unit).toBe(unit);
      expect(FINDING_CODES).toHaveProperty([x.code, 'severity'], x.severity);
    }
  });

  it('keeps the reported figures and their cells', () => {
    const checked = checkReport(report({ indicators: [['CT3a', figures('CT3a', { numerator: 120, denominator: 100, typedPercent: 1.2 })]] }), {
      plan: hatinh2021,
      units: UNITS,
    });
    expect(checked.indicators.CT3a).toEqual({
      code: 'CT3a',
      numerator: 120,
      denominator: 100,
      value: null,
      typedPercent: 1.2,
      ratio: null,
      completion: null,
      status: 'invalid',
      counted: false,
      note: null,
      evidence: null,
      sources: [at('F13'), at('G13'), at('H13'), at('J13')],
    });
  });

  it('checks every plan indicator, absent ones as blank', () => {
    const checked = checkReport(report({ indicators: [] }), { plan: hatinh2021, units: UNITS, period: Q1 });
    expect(Object.keys(checked.indicators)).toEqual(hatinh2021.indicators.map((i) => i.code));
    expect(Object.values(checked.indicators).map((r) => r.status)).toEqual([
      'missing',
      'notApplicable', // CT2a: agencies only
      'missing',
      'missing',
      'missing',
      'missing',
      'missing',
      'missing',
      'missing',
    ]);
    expect(checked.findings.map((f) => f.code)).toEqual([...Array(8).fill('value-missing'), 'report-empty']);
  });
});

describe('checkReport: messages', () => {
  const one = (code: string, f: Parameters<typeof figures>[1], unit = '18070') =>
    checkReport(report({ unit, indicators: [[code, figures(code, f)]] }), { plan: hatinh2021, units: UNITS, period: Q1 }).findings.filter(
      (x) => x.indicator === code,
    )[0]?.message;

  it.each([
    [
      'CT3a',
      { numerator: 120, denominator: 100 },
      '18070',
      { vi: 'Ô F13 (CT3a, tử số): 120 lớn hơn mẫu số 100.', en: 'Cell F13 (CT3a numerator): 120 exceeds the denominator 100.' },
    ],
    [
      'CT3a',
      { numerator: 1200, denominator: 1500, typedPercent: 0.855 },
      '18070',
      {
        vi: 'Ô H13 (CT3a, tỷ lệ): đơn vị ghi 85,5%, khác tỷ lệ tính lại 1.200/1.500 = 80% (chênh hơn 0,5 điểm phần trăm); dùng tỷ lệ tính lại.',
        en: 'Cell H13 (CT3a percentage): the unit typed 85.5%, which differs from the recomputed 1,200/1,500 = 80% (by more than 0.5 percentage point); the recomputed ratio is used.',
      },
    ],
    [
      'CT3a',
      { numerator: 5 },
      '18070',
      {
        vi: 'Ô G13 (CT3a, mẫu số): để trống trong khi tử số là 5; cần ghi cả tử số và mẫu số.',
        en: 'Cell G13 (CT3a denominator): is blank while the numerator is 5; give both numerator and denominator.',
      },
    ],
    [
      'CT3a',
      { typedPercent: 0.9 },
      '18070',
      {
        vi: 'Chỉ tiêu CT3a: tử số (ô F13) và mẫu số (ô G13) để trống; ô trống không được tính là 0, chỉ tiêu coi như chưa báo cáo. Đơn vị chỉ ghi tỷ lệ 90%; cần ghi số liệu gốc (tử số và mẫu số).',
        en: 'Indicator CT3a: numerator (cell F13) and denominator (cell G13) are blank; a blank is not read as 0, the indicator counts as not reported. The unit typed only a percentage (90%); the raw figures (numerator and denominator) are needed.',
      },
    ],
    [
      'CT3a',
      { numerator: 12.5, denominator: 20 },
      '18070',
      {
        vi: 'Ô F13 (CT3a, tử số): 12,5 không phải số nguyên; số đếm phải là số nguyên.',
        en: 'Cell F13 (CT3a numerator): 12.5 is not a whole number; counts must be whole numbers.',
      },
    ],
    [
      'CT3a',
      { numerator: 1e20, denominator: 420 },
      '18070',
      {
        vi: 'Ô F13 (CT3a, tử số): 100.000.000.000.000.000.000 lớn hơn 1.000.000.000 (một tỷ), quá lớn đối với số liệu của một đơn vị trong một kỳ; có thể gõ thừa chữ số hoặc dán nhầm nội dung. Hãy sửa lại số liệu.',
        en: 'Cell F13 (CT3a numerator): 100,000,000,000,000,000,000 is above 1,000,000,000 (one billion), too large for a figure of one unit in one period; digits typed twice or something pasted by mistake? Correct the figure.',
      },
    ],
    [
      'CT2a',
      { numerator: 10, denominator: 8 },
      '18070',
      {
        vi: 'Chỉ tiêu CT2a không áp dụng cho phường Trần Phú; số liệu đã ghi (ô F11) không được tính.',
        en: 'Indicator CT2a does not apply to the ward Trần Phú; the figures given (cell F11) are ignored.',
      },
    ],
  ] as const)('%s %j', (code, f, unit, message) => {
    expect(one(code, f, unit)).toEqual(message);
  });
});

describe('checkReport: header rules', () => {
  type Row = [name: string, unit: string | null, periodCode: string | null, context: Period | undefined, findings: (readonly [string, string, string | undefined])[], unitOut: string | null, periodOut: string | null];
  const rows: Row[] = [
    ['all good', '18070', '2021-Q1', Q1, [], '18070', '2021-Q1'],
    ['agency', 'TTVHTT', '2021-Q1', Q1, [], 'TTVHTT', '2021-Q1'],
    ['unit code blank', null, '2021-Q1', Q1, [['error', 'unit-code-missing', 'C3']], null, '2021-Q1'],
    ['unit code spaces', '  ', '2021-Q1', Q1, [['error', 'unit-code-missing', 'C3']], null, '2021-Q1'],
    ['unit unknown', '99999', '2021-Q1', Q1, [['error', 'unit-unknown', 'C3']], null, '2021-Q1'],
    ['period blank', '18070', null, Q1, [['error', 'period-code-missing', 'C4']], '18070', null],
    ['period unreadable', '18070', 'Quý 5', Q1, [['error', 'period-invalid', 'C4']], '18070', null],
    ['period of another quarter', '18070', '2021-Q2', Q1, [['error', 'period-mismatch', 'C4']], '18070', '2021-Q2'],
    ['period lower case', '18070', '2021-q1', Q1, [], '18070', '2021-Q1'],
    // Dated 18/03/2021, before H1's data cut-off ends on 14/06/2021.
    ['no period to compare with', '18070', '2021-H1', undefined, [['warning', 'submitted-before-cutoff-end', 'C5']], '18070', '2021-H1'],
  ];
  it.each(rows)('%s', (_name, unit, periodCode, context, findings, unitOut, periodOut) => {
    const checked = checkReport(report({ unit, period: periodCode }), { plan: hatinh2021, units: UNITS, ...(context ? { period: context } : {}) });
    expect(checked.findings.filter((f) => f.indicator === undefined).map(brief)).toEqual(findings);
    expect(checked.unit?.code ?? null).toBe(unitOut);
    expect(checked.period?.code ?? null).toBe(periodOut);
  });

  it('returns the context period itself when the codes agree', () => {
    const custom: Period = { ...Q1, deadline: '2021-03-31' };
    expect(checkReport(report(), { plan: hatinh2021, units: UNITS, period: custom }).period).toBe(custom);
  });

  it('says which period the report is for', () => {
    const checked = checkReport(report({ period: '2021-Q2' }), { plan: hatinh2021, units: UNITS, period: Q1 });
    expect(checked.findings.find((f) => f.code === 'period-mismatch')).toEqual({
      severity: 'error',
      code: 'period-mismatch',
      message: {
        vi: 'Ô C4 (kỳ báo cáo): báo cáo kỳ 2021-Q2, không phải kỳ đang kiểm tra 2021-Q1; báo cáo không được đưa vào tổng hợp kỳ này.',
        en: "Cell C4 (reporting period): the report is for 2021-Q2, not the period being checked, 2021-Q1; it is left out of this period's consolidation.",
      },
      file: FILE,
      sheet: SHEET,
      cell: 'C4',
      unit: '18070',
    });
  });
});

describe('checkReport: activity rules', () => {
  const activity = (a: Partial<Activity> = {}): Activity => ({
    date: '2021-02-05',
    themes: ['ND3.6'],
    form: 'HT1.3',
    title: 'Tin bài',
    quantity: 2,
    participants: null,
    evidence: null,
    source: at('A5', ACTS),
    ...a,
  });
  type Row = [name: string, a: Partial<Activity>, context: Period | undefined, findings: (readonly [string, string, string | undefined])[], kept: Partial<Activity> | null];
  const rows: Row[] = [
    ['valid', {}, Q1, [], { themes: ['ND3.6'], form: 'HT1.3' }],
    ['codes in the plan spelling', { themes: ['nd3.6', 'Nd1'], form: 'ht7' }, Q1, [], { themes: ['ND3.6', 'ND1'], form: 'HT7' }],
    ['unknown theme', { themes: ['ND9'] }, Q1, [['error', 'activity-theme-unknown', 'C5']], null],
    ['unknown second theme', { themes: ['ND1', '3.1'] }, Q1, [['error', 'activity-theme-unknown', 'D5']], null],
    ['unknown form', { form: 'HT10' }, Q1, [['error', 'activity-form-unknown', 'E5']], null],
    ['no theme', { themes: [] }, Q1, [['warning', 'activity-theme-missing', 'C5']], { themes: [] }],
    ['no form', { form: null }, Q1, [['warning', 'activity-form-missing', 'E5']], { form: null }],
    ['no date', { date: null }, Q1, [['warning', 'activity-date-missing', 'B5']], { date: null }],
    ['first day of the window', { date: '2020-12-15' }, Q1, [], { date: '2020-12-15' }],
    ['last day of the window', { date: '2021-03-14' }, Q1, [], { date: '2021-03-14' }],
    ['day after the window', { date: '2021-03-15' }, Q1, [['warning', 'activity-outside-period', 'B5']], null],
    ['day before the window', { date: '2020-12-14' }, Q1, [['warning', 'activity-outside-period', 'B5']], null],
    ['window from the report period when none is given', { date: '2021-03-15' }, undefined, [['warning', 'activity-outside-period', 'B5']], null],
    ['negative quantity', { quantity: -1 }, Q1, [['warning', 'activity-count-invalid', 'G5']], { quantity: null }],
    ['fractional participants', { participants: 2.5 }, Q1, [['warning', 'activity-count-invalid', 'H5']], { participants: null }],
    ['participants 1e21', { participants: 1e21 }, Q1, [['warning', 'activity-count-invalid', 'H5']], { participants: null }],
    ['quantity just above a billion', { quantity: 1_000_000_001 }, Q1, [['warning', 'activity-count-invalid', 'G5']], { quantity: null }],
  ];
  it.each(rows)('%s', (_name, a, context, findings, kept) => {
    const checked = checkReport(report({ activities: [activity(a)] }), { plan: hatinh2021, units: UNITS, ...(context ? { period: context } : {}) });
    const mine = checked.findings.filter((f) => f.sheet === ACTS);
    expect(mine.map(brief)).toEqual(findings);
    for (const f of mine) expect([f.file, f.unit]).toEqual([FILE, '18070']);
    if (kept === null) expect(checked.activities).toEqual([]);
    else expect(checked.activities).toEqual([{ ...activity(a), ...kept }]);
  });

  it('names the window in the message', () => {
    const checked = checkReport(report({ activities: [activity({ date: '2021-03-15', source: at('A8', ACTS) })] }), { plan: hatinh2021, units: UNITS, period: Q1 });
    expect(checked.findings[checked.findings.length - 1]?.message).toEqual({
      vi: 'Ô B8 (hoạt động dòng 8, ngày): ngày 15/03/2021 nằm ngoài thời gian chốt số liệu kỳ 2021-Q1 (15/12/2020–14/03/2021, Nghị định 09/2019/NĐ-CP, Điều 12); hoạt động không được tính.',
      en: 'Cell B8 (activity row 8 date): 2021-03-15 is outside the data cut-off window of 2021-Q1 (2020-12-15 to 2021-03-14, Decree 09/2019/NĐ-CP art. 12); the activity is not counted.',
    });
  });
});

describe('completion', () => {
  const ind = (target: Indicator['target']): Pick<Indicator, 'target'> => ({ target });
  it.each([
    [{ rule: 'ratioAtLeast', min: 1 }, { numerator: 80, denominator: 100, value: null }, { ratio: 0.8, completion: 0.8, met: false }],
    [{ rule: 'ratioAtLeast', min: 1 }, { numerator: 5, denominator: 5, value: null }, { ratio: 1, completion: 1, met: true }],
    [{ rule: 'ratioAtLeast', min: 0.9 }, { numerator: 9, denominator: 10, value: null }, { ratio: 0.9, completion: 1, met: true }],
    [{ rule: 'ratioAtLeast', min: 0.95 }, { numerator: 19, denominator: 20, value: null }, { ratio: 0.95, completion: 1, met: true }],
    [{ rule: 'ratioAtLeast', min: 0.6 }, { numerator: 3, denominator: 10, value: null }, { ratio: 0.3, completion: 0.5, met: false }],
    [{ rule: 'ratioAtLeast', min: 1 }, { numerator: 0, denominator: 0, value: null }, { ratio: null, completion: null, met: null }],
    [{ rule: 'ratioAtLeast', min: 1 }, { numerator: null, denominator: 4, value: null }, { ratio: null, completion: null, met: null }],
    [{ rule: 'countAtLeast', min: 4 }, { numerator: null, denominator: null, value: 2 }, { ratio: null, completion: 0.5, met: false }],
    [{ rule: 'countAtLeast', min: 4 }, { numerator: null, denominator: null, value: 9 }, { ratio: null, completion: 1, met: true }],
    [{ rule: 'countAtLeast', min: 1 }, { numerator: null, denominator: null, value: true }, { ratio: null, completion: null, met: null }],
    [{ rule: 'yes' }, { numerator: null, denominator: null, value: true }, { ratio: null, completion: 1, met: true }],
    [{ rule: 'yes' }, { numerator: null, denominator: null, value: false }, { ratio: null, completion: 0, met: false }],
    [{ rule: 'yes' }, { numerator: null, denominator: null, value: null }, { ratio: null, completion: null, met: null }],
    [{ rule: 'increase' }, { numerator: 12, denominator: 10, value: null }, { ratio: 1.2, completion: 1, met: true }],
    [{ rule: 'increase' }, { numerator: 10, denominator: 10, value: null }, { ratio: 1, completion: 0, met: false }],
    [{ rule: 'increase' }, { numerator: 3, denominator: 0, value: null }, { ratio: null, completion: 1, met: true }],
  ] as const)('%j %j', (target, f, expected) => {
    expect(completion(ind(target as Indicator['target']), f)).toEqual(expected);
  });
});

describe('checkReport: the form as a whole', () => {
  it('an untouched form is report-empty (error)', () => {
    const checked = checkReport(report({ indicators: [] }), { plan: hatinh2021, units: UNITS, period: Q1 });
    expect(checked.findings.filter((f) => f.indicator === undefined).map(brief)).toEqual([['error', 'report-empty', undefined]]);
  });
  type Row = [name: string, submittedOn: string | null, findings: (readonly [string, string, string | undefined])[]];
  // Q1 2021: cut-off 15/12/2020 – 14/03/2021, deadline 20/03/2021.
  const rows: Row[] = [
    ['on the deadline', '2021-03-20', []],
    ['blank', null, [['warning', 'submitted-on-missing', 'C5']]],
    ['before the cut-off ends', '2021-03-13', [['warning', 'submitted-before-cutoff-end', 'C5']]],
    ['on the cut-off end', '2021-03-14', []],
    ['366 days late', '2022-03-21', []],
    ['367 days late: a mistyped year', '2022-03-22', [['warning', 'submitted-on-implausible', 'C5']]],
  ];
  it.each(rows)('report date %s', (_name, submittedOn, findings) => {
    const checked = checkReport({ ...report(), submittedOn }, { plan: hatinh2021, units: UNITS, period: Q1 });
    expect(checked.findings.filter((f) => f.indicator === undefined).map(brief)).toEqual(findings);
  });
});


describe('checkReport: one mistake, one finding', () => {
  it('a numerator the reader could not read ("1 trang") is invalid, with no extra "blank" finding', () => {
    const value = { ...figures('CT1', { numerator: null, denominator: 1 }), unreadable: ['numerator' as const] };
    const checked = checkReport(report({ indicators: [['CT1', value]] }), { plan: hatinh2021, units: UNITS, period: Q1 });
    expect(checked.indicators.CT1).toMatchObject({ status: 'invalid', counted: false, ratio: null });
    expect(checked.findings.filter((f) => f.indicator === 'CT1')).toEqual([]);
  });
});
