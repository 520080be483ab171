/**
 * End to end: template → filled by three units → `cchc consolidate` (the real command in a child
 * process) → JSON and workbook. Every expected number below is worked out by hand from the
 * figures typed in, not taken from the program.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hatinh2021, hatinhCity2020, parsePeriod, type Unit } from '@cchc-kpi/core';
import { readGrid } from '@cchc-kpi/xlsx';
import { writeTemplate } from '@cchc-kpi/xlsx/write';
import { fillTemplate, type ReportFill } from '@cchc-kpi/examples/fill-template';
import { runCli } from './support/cli.ts';
import { libreOfficeMissing, recalculate } from './support/libreoffice.ts';

const period = (() => {
  const parsed = parsePeriod('2021-H1');
  if (!parsed.ok) throw new Error('period');
  return parsed.value;
})();
const unit = (code: string): Unit => hatinhCity2020.units.find((u) => u.code === code)!;
const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

// Trần Phú (ward): CT3a 95/100, everything else met; three activities with evidence.
const tranPhu: ReportFill = {
  submittedOn: day('2021-06-18'),
  indicators: {
    CT1: { numerator: 1, denominator: 1 },
    CT2b: { numerator: 1, denominator: 1 },
    CT3a: { numerator: 95, denominator: 100 },
    CT3b: { numerator: 1, denominator: 1 },
    CT4a: { numerator: 110, denominator: 110 },
    CT4b: { numerator: 0, denominator: 0 },
    CT5a: { value: 3 },
    CT5b: { value: 'Có', evidence: 'Báo cáo số 12/BC-UBND ngày 10/6/2021' },
  },
  activities: [
    { date: day('2021-01-15'), theme: 'ND3.6', form: 'HT1.2', title: 'Chuyên mục CCHC trên đài truyền thanh', quantity: 12, evidence: 'Lịch phát sóng' },
    { date: day('2021-03-10'), theme: 'ND7', form: 'HT5', title: 'Hướng dẫn nộp hồ sơ trực tuyến', quantity: 4, participants: 80, evidence: 'Danh sách' },
    { date: '20/04/2021', theme: 'ND1', form: 'HT3', title: 'Hội nghị quán triệt', quantity: 1, participants: 60, evidence: 'Biên bản' },
  ],
};
// Nam Hà (ward): CT3a 450/500, CT4a 100/112, no CCHC section on its site (CT1 0/1), CT5a 0, CT5b Không; late.
const namHa: ReportFill = {
  submittedOn: day('2021-06-22'),
  indicators: {
    CT1: { numerator: 0, denominator: 1 },
    CT2b: { numerator: 1, denominator: 1 },
    CT3a: { numerator: 450, denominator: 500 },
    CT3b: { numerator: 1, denominator: 1 },
    CT4a: { numerator: 100, denominator: 112 },
    CT4b: { numerator: 0, denominator: 0 },
    CT5a: { value: 0 },
    CT5b: { value: 'Không' },
  },
  activities: [{ date: day('2021-02-02'), theme: 'ND3.2', form: 'HT1.3', title: 'Tin bài trên Trang TTĐT', quantity: 5, evidence: 'Đường dẫn' }],
};
// Thạch Trung (commune): CT3a left blank (not zero!), CT4a 115/115, CT4b 1/1; the form says 25/06 but the register says 19/06.
const thachTrung: ReportFill = {
  submittedOn: day('2021-06-25'),
  indicators: {
    CT1: { numerator: 1, denominator: 1 },
    CT2b: { numerator: 1, denominator: 1 },
    CT3a: { numerator: null, denominator: null },
    CT3b: { numerator: 1, denominator: 1 },
    CT4a: { numerator: 115, denominator: 115 },
    CT4b: { numerator: 1, denominator: 1 },
    CT5a: { value: 2 },
    CT5b: { value: 'Có', evidence: 'Công văn 45/UBND' },
  },
  activities: [{ date: day('2021-05-05'), theme: 'ND3.7', form: 'HT2.2', title: 'Bảng LED', quantity: 2, evidence: 'Ảnh chụp' }],
};

let dir = '';
let json: any;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-e2e-'));
  const reports = join(dir, 'reports');
  mkdirSync(reports);
  for (const [code, fill] of [['18070', tranPhu], ['18073', namHa], ['18088', thachTrung]] as const) {
    const template = await writeTemplate(hatinh2021, unit(code), period);
    writeFileSync(join(reports, template.fileName), await fillTemplate(template.bytes, fill));
  }
  writeFileSync(join(reports, '~$18070-2021-H1.xlsx'), 'lock');
  writeFileSync(join(dir, 'received.csv'), 'unit_code,received_on\n18088,19/06/2021\n');
  const run = runCli(['consolidate', reports, '--period', '2021-H1', '--received', join(dir, 'received.csv'), '--out', join(dir, 'out', 'tong-hop.xlsx'), '--json', join(dir, 'out', 'tong-hop.json'), '--quiet']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  json = JSON.parse(readFileSync(join(dir, 'out', 'tong-hop.json'), 'utf8'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cchc consolidate, template → fill → consolidate', () => {
  it('sums numerators and denominators, never averages percentages', () => {
    // CT3a: Trần Phú 95/100 + Nam Hà 450/500; Thạch Trung blank is excluded, not a zero.
    expect(json.totals.indicators.CT3a).toMatchObject({ numerator: 545, denominator: 600, unitsCounted: 2, unitsMet: 0 });
    expect(json.totals.indicators.CT3a.ratio).toBeCloseTo(545 / 600, 12); // 0.9083, not (0.95 + 0.90) / 2 = 0.925
    // CT4a: 110 + 100 + 115 = 325 over 110 + 112 + 115 = 337.
    expect(json.totals.indicators.CT4a).toMatchObject({ numerator: 325, denominator: 337, unitsCounted: 3, unitsMet: 2 });
    expect(json.totals.indicators.CT1).toMatchObject({ numerator: 2, denominator: 3, unitsMet: 2 });
    // CT4b: the two wards typed 0/0 (no post-office point) → not applicable; only Thạch Trung's 1/1 counts.
    expect(json.totals.indicators.CT4b).toMatchObject({ numerator: 1, denominator: 1, unitsCounted: 1 });
    // CT5a is a count: 3 + 0 + 2; Nam Hà's 0 is below the "at least one" rule.
    expect(json.totals.indicators.CT5a).toMatchObject({ value: 5, unitsCounted: 3, unitsMet: 2 });
    // CT5b yes/no: two of the three answered yes, but Thạch Trung's evidence "Công văn 45/UBND" has
    // no date, so it is not evidence: its yes counts as not met (1 of 3; 2 of 3 when any text counted).
    expect(json.totals.indicators.CT5b).toMatchObject({ numerator: 1, denominator: 3 });
    const ct5b = json.findings.find((f: any) => f.unit === '18088' && f.indicator === 'CT5b');
    expect(ct5b).toMatchObject({ severity: 'warning', code: 'evidence-unrecognised' });
    // CT2a is the culture and media centre's alone: nothing from wards and communes.
    expect(json.totals.indicators.CT2a).toMatchObject({ numerator: null, denominator: null, ratio: null, unitsCounted: 0 });
  });

  it('counts completeness and timeliness against the 17 expected units (15 wards and communes, 2 agencies)', () => {
    // Deadline 20/06/2021 = cut-off 14/06 + 6 days. Trần Phú 18/06 on time; Nam Hà 22/06 late;
    // Thạch Trung's register date 19/06 wins over the 25/06 typed on its form.
    expect(json.totals).toMatchObject({ expected: 17, received: 3, onTime: 2 });
    expect(json.totals.completeness).toBeCloseTo(3 / 17, 12);
    expect(json.totals.timeliness).toBeCloseTo(2 / 17, 12);
    const byCode = new Map(json.units.map((u: any) => [u.code, u]));
    expect((byCode.get('18070') as any).onTime).toBe(true);
    expect((byCode.get('18073') as any).onTime).toBe(false);
    expect((byCode.get('18088') as any).onTime).toBe(true);
    expect((byCode.get('18112') as any).submitted).toBe(false);
  });

  it('scores Trần Phú by the general 100-point profile and the 2-point criterion', () => {
    const tp = json.units.find((u: any) => u.code === '18070');
    // Indicators (60): weights of the applicable ones CT1 10, CT2b 10, CT3a 15, CT3b 10, CT4a 15,
    // CT5a 10, CT5b 10 = 80 (CT4b 0/0 not applicable, CT2a the culture centre's); completion 1 except
    // CT3a 0.95 → 79.25 / 80 × 60 = 59.4375 → 59.44.
    // Themes (15): ND3, ND7, ND1 of 7 → 15 × 3/7 = 6.43. Forms (15, target 5): HT1, HT5, HT3 → 9.
    // On time (10): 10. Total 84.87 → band Khá (80–<90).
    expect(tp.score).toBeCloseTo(84.87, 2);
    expect(tp.band.vi).toBe('Khá');
    // Xuân Lộc criterion: each part needs activities with evidence, and "Lịch phát sóng", "Danh sách"
    // and "Biên bản" name no document, link or file: no activity has evidence → 0 and 0 (0.5 when any
    // text counted: 6 of 7 met = 85.7% < 90% → 0; traditional forms → 0.5). The graded profile too.
    expect(tp.scores['communication-2'].score).toBe(0);
    expect(tp.scores['communication-2-graded'].score).toBe(0);
    expect(tp.scores['communication-2'].components[0].detail.vi).toBe('Không có hoạt động nào có tài liệu kiểm chứng → 0 điểm');
    expect(json.findings.filter((f: any) => f.unit === '18070' && f.code === 'activity-evidence-unrecognised').map((f: any) => f.cell)).toEqual(['I4', 'I5', 'I6']);
    expect(tp.indicators.CT3a).toMatchObject({ numerator: 95, denominator: 100, status: 'notMet' });
    expect(tp.indicators.CT3a.completion).toBeCloseTo(0.95, 12);
  });

  it('lists units in official order, ranks them, and skips the Excel lock file with a notice', () => {
    expect(json.units.map((u: any) => u.code)).toEqual(hatinhCity2020.units.map((u) => u.code));
    const ranked = json.units.filter((u: any) => u.submitted).map((u: any) => [u.code, u.rank]);
    expect(ranked.map((r: any) => r[1]).sort()).toEqual([1, 2, 3]);
    expect(json.findings.some((f: any) => f.code === 'file-skipped' && f.file === '~$18070-2021-H1.xlsx')).toBe(true);
    const blank = json.units.find((u: any) => u.code === '18088').indicators.CT3a;
    expect(blank).toMatchObject({ numerator: null, denominator: null, status: 'missing' });
  });

  it('writes a workbook whose city totals match the JSON', () => {
    const grid = readGrid(new Uint8Array(readFileSync(join(dir, 'out', 'tong-hop.xlsx'))));
    expect(grid.ok).toBe(true);
    if (!grid.ok) return;
    const summary = grid.value.sheets.find((s) => s.name === 'Tổng hợp')!;
    const row = [...summary.cells.entries()].find(([, c]) => c.value === 'CT3a')![0].replace(/^[A-Z]+/, '');
    const values = [...summary.cells.entries()].filter(([ref]) => ref.replace(/^[A-Z]+/, '') === row).map(([, c]) => c.value);
    expect(values).toContain(545);
    expect(values).toContain(600);
  });

  it.skipIf(libreOfficeMissing() !== null)('recalculates in LibreOffice to the same city totals', () => {
    const sheets = recalculate(join(dir, 'out', 'tong-hop.xlsx'), join(dir, 'lo'));
    const summary = sheets.get('Tổng hợp')!;
    const ct3a = summary.find((r) => r.includes('CT3a'))!;
    expect(ct3a).toContain('545');
    expect(ct3a).toContain('600');
    // The target column is text with its basis; LibreOffice's CSV keeps the % of a percent-formatted
    // cell: "90.8333333333333%", the recalculated city ratio.
    expect(ct3a).toContain('100% (theo kế hoạch)');
    const percents = ct3a.filter((v) => v.endsWith('%')).map((v) => Number(v.slice(0, -1)) / 100);
    expect(percents).toHaveLength(1);
    expect(percents[0]).toBeCloseTo(545 / 600, 12);
  });
});

if (libreOfficeMissing()) console.warn(libreOfficeMissing());
