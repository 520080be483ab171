import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/finding.ts';
import type { Cell, DefinedName, Grid, Sheet } from '../src/grid/grid.ts';
import { hatinh2021 } from '../src/plan/builtin.ts';
import { readTemplateReport } from '../src/read/template-report.ts';
import { FINDING_CODES } from '../src/validate/codes.ts';
import type { UnitReport } from '../src/report/model.ts';
import { ACTIVITIES_NAME, HEADER_NAMES, indicatorCellName, type IndicatorField } from '../src/template/names.ts';

const REPORT = 'Báo cáo';
const ACTS = 'Hoạt động';
const FILE = 'tran-phu-2021-Q1.xlsx';

/** Where each defined name points in the hand-built template: header C3…C7, indicators rows 10…18 (F–J), activities A5:I9. */
function layout(): Map<string, { sheet: string; ref: string }> {
  const names = new Map<string, { sheet: string; ref: string }>();
  const header = [HEADER_NAMES.unitCode, HEADER_NAMES.periodCode, HEADER_NAMES.submittedOn, HEADER_NAMES.planId, HEADER_NAMES.templateVersion];
  header.forEach((name, i) => names.set(name, { sheet: REPORT, ref: `C${3 + i}` }));
  hatinh2021.indicators.forEach((indicator, i) => {
    const row = 10 + i;
    const pair = indicator.measure === 'ratio' || indicator.measure === 'comparison';
    const fields: [IndicatorField, string][] = pair
      ? [['numerator', 'F'], ['denominator', 'G'], ['percent', 'H'], ['note', 'I'], ['evidence', 'J']]
      : [['value', 'F'], ['note', 'I'], ['evidence', 'J']];
    for (const [field, col] of fields) names.set(indicatorCellName(indicator.code, field), { sheet: REPORT, ref: `${col}${row}` });
  });
  names.set(ACTIVITIES_NAME, { sheet: ACTS, ref: 'A5:I9' });
  return names;
}

type Cells = Record<string, Cell | undefined>;

/** Builds a grid: `named` cells by defined name, `activityCells` by A1 on the activities sheet; `drop` removes names. */
function templateGrid(named: Cells, activityCells: Cells = {}, drop: string[] = [], date1904 = false): Grid {
  const names = layout();
  const report = new Map<string, Cell>();
  for (const [name, cell] of Object.entries(named)) {
    const at = names.get(name);
    if (!at) throw new Error(`no layout for ${name}`);
    if (cell) report.set(at.ref, cell);
  }
  const acts = new Map<string, Cell>();
  for (const [ref, cell] of Object.entries(activityCells)) if (cell) acts.set(ref, cell);
  const sheets: Sheet[] = [
    { name: REPORT, state: 'visible', cells: report, merges: [], maxRow: 18, maxCol: 10 },
    { name: ACTS, state: 'visible', cells: acts, merges: [], maxRow: 9, maxCol: 9 },
  ];
  const definedNames: DefinedName[] = [];
  for (const [name, at] of names) {
    if (drop.includes(name)) continue;
    const [a, b] = at.ref.split(':');
    const abs = (r: string) => r.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
    definedNames.push({ name, ref: `'${at.sheet}'!${abs(a!)}${b ? `:${abs(b)}` : ''}` });
  }
  return { sheets, definedNames, date1904 };
}

const v = (value: Cell['value'], extra: Partial<Cell> = {}): Cell => ({ value, ...extra });

const HEADER: Cells = {
  unit_code: v(18070),
  period_code: v(' 2021-Q1 '),
  submitted_on: v('ngày 20 tháng 3 năm 2021'),
  plan_id: v('hatinh-2021'),
  template_version: v('1'),
};

const ref = (sheet: string, cell: string) => ({ file: FILE, sheet, cell });

function read(named: Cells, activityCells: Cells = {}, drop: string[] = [], date1904 = false) {
  return readTemplateReport(templateGrid({ ...HEADER, ...named }, activityCells, drop, date1904), hatinh2021, { file: FILE });
}

function reportOf(result: ReturnType<typeof read>): UnitReport {
  if (!result.ok) throw new Error('expected ok');
  return result.value;
}

const brief = (f: Finding) => ({ severity: f.severity, code: f.code, sheet: f.sheet, cell: f.cell, indicator: f.indicator });

describe('readTemplateReport: a filled template', () => {
  const result = read(
    {
      CT1_numerator: v(1),
      CT1_denominator: v(1),
      CT3a_numerator: v('1.234'),
      CT3a_denominator: v(1300),
      CT3a_percent: v(0.95, { formula: 'IF(G13>0,F13/G13,"")', numFmt: '0.0%' }),
      CT3a_note: v('  Tính  đến 14/3 '),
      CT5a_value: v(3),
      CT5b_value: v('Có'),
      CT5b_evidence: v('Số 12/BC-UBND'),
    },
    {
      A5: v(1),
      B5: v(44260, { numFmt: 'dd/mm/yyyy' }),
      C5: v('ND3.6 – Hiện đại hóa hành chính, chính phủ điện tử'),
      D5: v('nd1'),
      E5: v('HT1.3 – Cổng/Trang thông tin điện tử'),
      F5: v('Tin bài về dịch vụ công mức độ 3, 4'),
      G5: v('2'),
      H5: v(null),
      I5: v('https://tranphu.hatinh.gov.vn/tin/123'),
      A6: v(2), // pre-numbered, otherwise blank: skipped
      A7: v(3),
      B7: v('05/02/2021'),
      C7: v('ND3.6'),
      E7: v('HT7'),
      F7: v('Đối thoại với doanh nghiệp'),
      H7: v(45),
    },
  );
  const report = reportOf(result);

  it('reads the header', () => {
    expect({ ...report, indicators: undefined, activities: undefined }).toEqual({
      unitCode: '18070',
      periodCode: '2021-Q1',
      submittedOn: '2021-03-20',
      planId: 'hatinh-2021',
      templateVersion: '1',
      indicators: undefined,
      activities: undefined,
      file: FILE,
      source: { unitCode: ref(REPORT, 'C3'), periodCode: ref(REPORT, 'C4'), submittedOn: ref(REPORT, 'C5') },
    });
  });

  it('reads every indicator of the plan, blank as null', () => {
    expect([...report.indicators.keys()]).toEqual(hatinh2021.indicators.map((i) => i.code));
    expect(report.indicators.get('CT3a')).toEqual({
      numerator: 1234,
      denominator: 1300,
      value: null,
      typedPercent: null,
      note: 'Tính đến 14/3',
      evidence: null,
      source: { numerator: ref(REPORT, 'F13'), denominator: ref(REPORT, 'G13'), evidence: ref(REPORT, 'J13') },
    });
    expect(report.indicators.get('CT2b')).toEqual({
      numerator: null,
      denominator: null,
      value: null,
      typedPercent: null,
      note: null,
      evidence: null,
      source: { numerator: ref(REPORT, 'F12'), denominator: ref(REPORT, 'G12'), evidence: ref(REPORT, 'J12') },
    });
    expect(report.indicators.get('CT5a')).toEqual({
      numerator: null,
      denominator: null,
      value: 3,
      typedPercent: null,
      note: null,
      evidence: null,
      source: { value: ref(REPORT, 'F17'), evidence: ref(REPORT, 'J17') },
    });
    expect(report.indicators.get('CT5b')?.value).toBe(true);
    expect(report.indicators.get('CT5b')?.evidence).toBe('Số 12/BC-UBND');
  });

  it('reads activities, skipping rows blank but for the number', () => {
    expect(report.activities).toEqual([
      {
        date: '2021-03-05',
        themes: ['ND3.6', 'ND1'],
        form: 'HT1.3',
        title: 'Tin bài về dịch vụ công mức độ 3, 4',
        quantity: 2,
        participants: null,
        evidence: 'https://tranphu.hatinh.gov.vn/tin/123',
        source: ref(ACTS, 'A5'),
      },
      {
        date: '2021-02-05',
        themes: ['ND3.6'],
        form: 'HT7',
        title: 'Đối thoại với doanh nghiệp',
        quantity: null,
        participants: 45,
        evidence: null,
        source: ref(ACTS, 'A7'),
      },
    ]);
  });

  it('raises no finding', () => {
    expect(result.findings).toEqual([]);
  });
});

describe('readTemplateReport: one cell at a time', () => {
  type Row = [string, Cells, (r: UnitReport) => unknown, unknown, ReturnType<typeof brief>[]];
  const ct3a = (r: UnitReport) => r.indicators.get('CT3a');
  const rows: Row[] = [
    ['numerator as text 1.234', { CT3a_numerator: v('1.234') }, (r) => ct3a(r)?.numerator, 1234, []],
    ['numerator as text 1 234', { CT3a_numerator: v('1 234') }, (r) => ct3a(r)?.numerator, 1234, []],
    ['numerator negative kept for validation', { CT3a_numerator: v(-5) }, (r) => ct3a(r)?.numerator, -5, []],
    ['numerator fractional kept for validation', { CT3a_numerator: v('12,5') }, (r) => ct3a(r)?.numerator, 12.5, []],
    ['numerator zero is not blank', { CT3a_numerator: v(0) }, (r) => ct3a(r)?.numerator, 0, []],
    [
      'numerator as words',
      { CT3a_numerator: v('một trăm') },
      (r) => ct3a(r)?.numerator,
      null,
      [{ severity: 'error', code: 'value-not-a-number', sheet: REPORT, cell: 'F13', indicator: 'CT3a' }],
    ],
    [
      'denominator #DIV/0!',
      { CT3a_denominator: v('#DIV/0!', { error: true }) },
      (r) => ct3a(r)?.denominator,
      null,
      [{ severity: 'error', code: 'value-not-a-number', sheet: REPORT, cell: 'G13', indicator: 'CT3a' }],
    ],
    [
      'numerator formula never computed',
      { CT3a_numerator: v(null, { formula: 'SUM(K1:K9)' }) },
      (r) => ct3a(r)?.numerator,
      null,
      [{ severity: 'warning', code: 'formula-not-computed', sheet: REPORT, cell: 'F13', indicator: 'CT3a' }],
    ],
    ['numerator formula cached', { CT3a_numerator: v(42, { formula: 'SUM(K1:K9)' }) }, (r) => ct3a(r)?.numerator, 42, []],
    [
      'numerator from another workbook (issue 18): cached result used, warned',
      { CT3a_numerator: v(42, { formula: '[1]Sheet1!A1' }) },
      (r) => ct3a(r)?.numerator,
      42,
      [{ severity: 'warning', code: 'formula-external-reference', sheet: REPORT, cell: 'F13', indicator: 'CT3a' }],
    ],
    [
      'yes/no from another workbook, quoted path',
      { CT5b_value: v('Có', { formula: "'C:\\Báo cáo\\[Quý 1.xlsx]Biểu 1'!F12" }) },
      (r) => r.indicators.get('CT5b')?.value,
      true,
      [{ severity: 'warning', code: 'formula-external-reference', sheet: REPORT, cell: 'F18', indicator: 'CT5b' }],
    ],
    ['a structured reference is not another workbook', { CT3a_numerator: v(7, { formula: 'SUM(Bang1[Số lượng])' }) }, (r) => ct3a(r)?.numerator, 7, []],
    ['percent is our formula', { CT3a_percent: v(0.8, { formula: 'F13/G13' }) }, (r) => ct3a(r)?.typedPercent, null, []],
    ['percent typed 85.5', { CT3a_percent: v(85.5) }, (r) => ct3a(r)?.typedPercent, 0.855, []],
    ['percent typed 0.855 with % format', { CT3a_percent: v(0.855, { numFmt: '0.0%' }) }, (r) => ct3a(r)?.typedPercent, 0.855, []],
    ['percent typed text 85,5%', { CT3a_percent: v('85,5%') }, (r) => ct3a(r)?.typedPercent, 0.855, []],
    ['percent source recorded when typed', { CT3a_percent: v('85,5%') }, (r) => ct3a(r)?.source.typedPercent, ref(REPORT, 'H13'), []],
    [
      'percent ambiguous text',
      { CT3a_percent: v('1.234') },
      (r) => ct3a(r)?.typedPercent,
      null,
      [{ severity: 'error', code: 'value-ambiguous', sheet: REPORT, cell: 'H13', indicator: 'CT3a' }],
    ],
    [
      'percent words',
      { CT3a_percent: v('đạt') },
      (r) => ct3a(r)?.typedPercent,
      null,
      [{ severity: 'error', code: 'value-not-a-number', sheet: REPORT, cell: 'H13', indicator: 'CT3a' }],
    ],
    ['count value 1.234', { CT5a_value: v('1.234') }, (r) => r.indicators.get('CT5a')?.value, 1234, []],
    ['boolean Không', { CT5b_value: v('Không') }, (r) => r.indicators.get('CT5b')?.value, false, []],
    ['boolean KHONG', { CT5b_value: v('KHONG') }, (r) => r.indicators.get('CT5b')?.value, false, []],
    ['boolean x', { CT5b_value: v('x') }, (r) => r.indicators.get('CT5b')?.value, true, []],
    ['boolean 1', { CT5b_value: v(1) }, (r) => r.indicators.get('CT5b')?.value, true, []],
    ['boolean TRUE', { CT5b_value: v(true) }, (r) => r.indicators.get('CT5b')?.value, true, []],
    [
      'boolean words',
      { CT5b_value: v('có lẽ') },
      (r) => r.indicators.get('CT5b')?.value,
      null,
      [{ severity: 'error', code: 'boolean-invalid', sheet: REPORT, cell: 'F18', indicator: 'CT5b' }],
    ],
    ['unit code as text', { unit_code: v(' 18070 ') }, (r) => r.unitCode, '18070', []],
    ['unit code blank', { unit_code: v(null) }, (r) => r.unitCode, null, []],
    ['period code NFD text normalised', { period_code: v('2021-q1\u00A0') }, (r) => r.periodCode, '2021-q1', []],
    ['date serial', { submitted_on: v(44275, { numFmt: 'dd/mm/yyyy' }) }, (r) => r.submittedOn, '2021-03-20', []],
    ['date as date cell', { submitted_on: v(null, { isoDate: '2021-03-20T00:00:00.000Z' }) }, (r) => r.submittedOn, '2021-03-20', []],
    ['date text dd/mm/yyyy', { submitted_on: v('20/03/2021') }, (r) => r.submittedOn, '2021-03-20', []],
    [
      'date impossible',
      { submitted_on: v('31/02/2021') },
      (r) => r.submittedOn,
      null,
      [{ severity: 'error', code: 'date-invalid', sheet: REPORT, cell: 'C5', indicator: undefined }],
    ],
    [
      'plan id of another plan',
      { plan_id: v('quangtri-2021') },
      (r) => r.planId,
      'quangtri-2021',
      [{ severity: 'error', code: 'plan-mismatch', sheet: REPORT, cell: 'C6', indicator: undefined }],
    ],
    ['plan id case-insensitive', { plan_id: v('HATINH-2021') }, (r) => r.planId, 'HATINH-2021', []],
    [
      'template version 0',
      { template_version: v(0) },
      (r) => r.templateVersion,
      '0',
      [{ severity: 'warning', code: 'template-version-mismatch', sheet: REPORT, cell: 'C7', indicator: undefined }],
    ],
  ];
  it.each(rows)('%s', (_name, named, pick, expected, findings) => {
    const result = read(named);
    const report = reportOf(result);
    expect(pick(report)).toEqual(expected);
    expect(result.findings.map(brief)).toEqual(findings);
    for (const f of result.findings) {
      expect(FINDING_CODES).toHaveProperty([f.code, 'severity'], f.severity);
      expect(f.file).toBe(FILE);
      expect(f.unit).toBe(report.unitCode ?? undefined);
    }
  });

  it('names the cell in both languages', () => {
    const result = read({ CT3a_numerator: v('một trăm') });
    expect(result.findings[0]?.message).toEqual({
      vi: 'Ô F13 (CT3a, tử số): "một trăm" không phải là số; coi như để trống.',
      en: 'Cell F13 (CT3a numerator): "một trăm" is not a number; read as blank.',
    });
  });

  it('reads serials in the 1904 date system', () => {
    const report = reportOf(read({ submitted_on: v(42813, { numFmt: 'dd/mm/yyyy' }) }, {}, [], true));
    expect(report.submittedOn).toBe('2021-03-20');
  });
});

describe('readTemplateReport: activities one cell at a time', () => {
  type Row = [string, Cells, unknown, ReturnType<typeof brief>[]];
  const rows: Row[] = [
    ['date serial', { B5: v(44260) }, { date: '2021-03-05' }, []],
    ['date Vietnamese', { B5: v('Ngày 5 tháng 3 năm 2021') }, { date: '2021-03-05' }, []],
    ['date invalid', { B5: v('31/02/2021') }, { date: null, dateUnreadable: true }, [{ severity: 'error', code: 'date-invalid', sheet: ACTS, cell: 'B5', indicator: undefined }]],
    ['date blank', { B5: v(null) }, { date: null }, []],
    ['theme list entry', { C5: v('ND3.2 – Cải cách TTHC') }, { themes: ['ND3.2'] }, []],
    ['theme bare lower-case', { C5: v(' nd4 ') }, { themes: ['ND4'] }, []],
    ['theme twice', { C5: v('ND4'), D5: v('ND4 – Văn hóa công vụ') }, { themes: ['ND4'] }, []],
    ['theme as number kept as typed', { C5: v(3.1) }, { themes: ['3.1'] }, []],
    ['theme words kept as typed', { C5: v('Cải  cách') }, { themes: ['Cải cách'] }, []],
    ['form entry', { E5: v('HT2.2 – Bảng điện tử') }, { form: 'HT2.2' }, []],
    ['quantity text 1.234', { G5: v('1.234') }, { quantity: 1234 }, []],
    [
      'quantity words',
      { G5: v('nhiều') },
      { quantity: null },
      [{ severity: 'error', code: 'value-not-a-number', sheet: ACTS, cell: 'G5', indicator: undefined }],
    ],
    ['title only', { F5: v('Hội nghị') }, { title: 'Hội nghị', themes: [], form: null }, []],
  ];
  it.each(rows)('%s', (_name, cells, expected, findings) => {
    const result = read({}, { A5: v(1), F5: v('Hoạt động'), ...cells });
    const report = reportOf(result);
    expect(report.activities).toHaveLength(1);
    expect(report.activities[0]).toMatchObject(expected as object);
    expect(result.findings.map(brief)).toEqual(findings);
  });

  it('names the activity cell', () => {
    const result = read({}, { A5: v(1), B5: v('31/02/2021') });
    expect(result.findings[0]?.message).toEqual({
      vi: 'Ô B5 (hoạt động dòng 5, ngày): "31/02/2021" không phải là ngày có thật; hãy ghi lại ngày đúng (ngày/tháng/năm, ví dụ 28/12/2020). Coi như để trống.',
      en: 'Cell B5 (activity row 5 date): "31/02/2021" is not a real date; enter the right date (day/month/year, e.g. 28/12/2020). Read as blank.',
    });
  });
});

describe('readTemplateReport: names', () => {
  it('fails with not-a-template when neither unit_code nor plan_id exists', () => {
    const grid: Grid = { sheets: [{ name: 'Sheet1', state: 'visible', cells: new Map(), merges: [], maxRow: 0, maxCol: 0 }], definedNames: [], date1904: false };
    const result = readTemplateReport(grid, hatinh2021, { file: 'x.xlsx' });
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => [f.severity, f.code, f.file])).toEqual([['error', 'not-a-template', 'x.xlsx']]);
  });

  it('reads a template that lost plan_id but has unit_code', () => {
    const result = read({}, {}, [HEADER_NAMES.planId]);
    expect(result.ok).toBe(true);
    expect(result.findings.map((f) => [f.code, f.severity])).toEqual([['template-name-missing', 'warning']]);
    expect(reportOf(result).planId).toBeNull();
  });

  it('warns about a missing indicator name and still reads the rest', () => {
    const result = read({ CT3a_denominator: v(100) }, {}, ['CT3a_numerator']);
    const report = reportOf(result);
    expect(result.findings.map(brief)).toEqual([{ severity: 'warning', code: 'template-name-missing', sheet: undefined, cell: undefined, indicator: 'CT3a' }]);
    expect(report.indicators.get('CT3a')?.numerator).toBeNull();
    expect(report.indicators.get('CT3a')?.denominator).toBe(100);
  });

  it('leaves out an indicator with no names at all', () => {
    const drop = ['CT1_numerator', 'CT1_denominator', 'CT1_percent', 'CT1_note', 'CT1_evidence'];
    const result = read({}, {}, drop);
    expect(reportOf(result).indicators.has('CT1')).toBe(false);
    expect(result.findings.map((f) => [f.code, f.indicator])).toEqual([
      ['template-name-missing', 'CT1'],
      ['template-name-missing', 'CT1'],
    ]);
  });

  it('ignores a #REF! name', () => {
    const grid = templateGrid(HEADER);
    grid.definedNames = grid.definedNames.map((d) => (d.name === 'unit_code' ? { ...d, ref: "'Báo cáo'!#REF!" } : d));
    const result = readTemplateReport(grid, hatinh2021);
    expect(reportOf(result).unitCode).toBeNull();
    expect(result.findings.map((f) => f.code)).toEqual(['template-name-missing']);
  });

  it('reads a table moved to column B on a narrow sheet, naming the moved cells', () => {
    const grid = templateGrid(HEADER, { B5: v(1), C5: v('32/01/2021'), D5: v('ND1'), F5: v('HT3') });
    grid.definedNames = grid.definedNames.map((d) => (d.name === ACTIVITIES_NAME ? { ...d, ref: "'Hoạt động'!$B$5:$J$9" } : d));
    grid.sheets[1]!.maxCol = 6;
    const result = readTemplateReport(grid, hatinh2021, { file: FILE });
    expect(reportOf(result).activities).toEqual([
      { date: null, dateUnreadable: true, themes: ['ND1'], form: 'HT3', title: '', quantity: null, participants: null, evidence: null, source: ref(ACTS, 'B5') },
    ]);
    expect(result.findings.map(brief)).toEqual([{ severity: 'error', code: 'date-invalid', sheet: ACTS, cell: 'C5', indicator: undefined }]);
  });

  it('warns when the activities table is missing', () => {
    const result = read({}, {}, [ACTIVITIES_NAME]);
    expect(reportOf(result).activities).toEqual([]);
    expect(result.findings.map((f) => f.code)).toEqual(['template-name-missing']);
  });
});
