/**
 * The task pane's actions on the in-memory host: the open workbook through the one pipeline
 * (names → positions → layout reader), check (same findings as the file path of `cchc check`,
 * problem cells marked), score (the "Kết quả" sheet) and consolidation of real .xlsx files read
 * with the OOXML reader.
 */
import { describe, expect, it } from 'vitest';
import {
  CONSOLIDATED_EXTRA_SHEETS,
  CONSOLIDATED_LAYOUT,
  CONSOLIDATED_SHEETS,
  RESULTS_SHEET_NAME as RESULTS_SHEET,
  checkReport,
  consolidatedPositions,
  consolidate,
  hatinh2021,
  hatinhCity2020,
  readGridReport,
  scoreUnit,
  type Finding,
} from '@cchc-kpi/core';
import { readReport } from '@cchc-kpi/xlsx';
import { writeConsolidated } from '@cchc-kpi/xlsx/write';
import { checkOpenReport, ERROR_FILL, problemCells, scoreOpenReport } from '../src/actions/check.ts';
import { consolidateFiles, type PickedFile } from '../src/actions/consolidate.ts';
import { InputError, insertTemplate } from '../src/actions/insert.ts';
import { defaultContext } from '../src/context.ts';
import { SheetsExistError } from '../src/office/host.ts';
import { MemoryHost } from '../src/office/memory-host.ts';
import { MemoryWorkbook } from '../src/office/memory-workbook.ts';
import { goodFill, periodFor, reportFile, type ReportFill } from './support/reports.ts';

const context = defaultContext();

/** What an officer typed, as cell → value on "Báo cáo" / "Hoạt động". */
const TYPED: Array<[string, string, string | number]> = [
  ['Báo cáo', 'C9', 44363], // 16/06/2021
  ['Báo cáo', 'F12', 5], // CT1 numerator above its denominator
  ['Báo cáo', 'G12', 3],
  ['Báo cáo', 'F14', 1],
  ['Báo cáo', 'G14', 1],
  ['Báo cáo', 'F15', 'nhiều'], // not a number
  ['Báo cáo', 'G15', 410],
  ['Báo cáo', 'F19', 3],
  ['Báo cáo', 'F20', 'Có'],
  ['Hoạt động', 'B4', 44210],
  ['Hoạt động', 'C4', 'ND3.6 – Hiện đại hóa hành chính'],
  ['Hoạt động', 'E4', 'HT1.2 – Đài truyền thanh'],
  ['Hoạt động', 'F4', 'Phát thanh chuyên mục CCHC'],
  ['Hoạt động', 'G4', 12],
];

/** The same figures as `TYPED`, for `fillTemplate` (the file path). */
const SAME_AS_TYPED: ReportFill = {
  submittedOn: new Date('2021-06-16T00:00:00Z'),
  indicators: {
    CT1: { numerator: 5, denominator: 3 },
    CT2b: { numerator: 1, denominator: 1 },
    CT3a: { numerator: 'nhiều', denominator: 410 },
    CT5a: { value: 3 },
    CT5b: { value: 'Có' },
  },
  activities: [{ date: new Date(Date.UTC(2021, 0, 14)), theme: 'ND3.6 – Hiện đại hóa hành chính', form: 'HT1.2 – Đài truyền thanh', title: 'Phát thanh chuyên mục CCHC', quantity: 12 }],
};

async function filledHost(minor: number): Promise<MemoryHost> {
  const host = new MemoryHost(new MemoryWorkbook(['Sheet1']), minor);
  await insertTemplate(host, context, '18070', '2021-H1');
  for (const [sheet, cell, value] of TYPED) host.workbook.type(sheet, cell, value);
  return host;
}

/** Findings as comparable keys, without file names (the open workbook has none). */
function keys(findings: Finding[]): string[] {
  return findings.map((f) => `${f.severity} ${f.code} ${f.sheet ?? ''}!${f.cell ?? ''} ${f.indicator ?? ''}`).sort();
}

describe('reading the open report', () => {
  const options = { plan: hatinh2021, units: hatinhCity2020.units };

  it('uses the defined names where Excel could add them, else the template positions', async () => {
    for (const [minor, reader] of [
      [8, 'names'],
      [1, 'positions'],
    ] as const) {
      const host = await filledHost(minor);
      const read = readGridReport(await host.readGrid(), options);
      expect(read.ok).toBe(true);
      if (!read.ok) continue;
      expect(read.value.reader).toBe(reader);
      expect(read.value.report.unitCode).toBe('18070');
      expect(read.value.report.indicators.get('CT1')).toMatchObject({ numerator: 5, denominator: 3 });
      expect(read.findings.some((f) => f.code === 'read-by-position')).toBe(reader === 'positions');
    }
  });

  it('says so when the workbook holds no report', () => {
    const read = readGridReport(new MemoryWorkbook(['Sheet1']).toGrid(), options);
    expect(read.ok).toBe(false);
    expect(read.findings.map((f) => f.code)).toEqual(['layout-table-not-found']);
  });

  it("reads a unit's own table in the open workbook with the layout reader", async () => {
    const host = new MemoryHost(new MemoryWorkbook(['Báo cáo']), 1);
    const rows: (string | number)[][] = [
      ['UBND PHƯỜNG BẮC HÀ'],
      ['BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN CCHC 6 THÁNG ĐẦU NĂM 2021'],
      [],
      ['STT', 'Nội dung', 'Đơn vị tính', 'Tổng số', 'Kết quả thực hiện', 'Tỷ lệ (%)'],
      [1, 'Tỷ lệ hồ sơ TTHC được cập nhật, công khai tình trạng giải quyết', 'hồ sơ', 410, 400, '97,6%'],
      [2, 'Hỗ trợ doanh nghiệp tiếp cận văn bản, quy định pháp luật', '', '', 'Đạt'],
    ];
    rows.forEach((row, r) => row.forEach((value, c) => host.workbook.type('Báo cáo', `${String.fromCharCode(65 + c)}${r + 1}`, value)));
    const outcome = await checkOpenReport(host, context);
    expect(outcome.reader).toBe('layout');
    expect(outcome.status).toBe('received');
    expect(outcome.checked?.unit?.code).toBe('18076');
    expect(outcome.checked?.period?.code).toBe('2021-H1');
    expect(outcome.checked?.report.indicators.get('CT3a')).toMatchObject({ numerator: 400, denominator: 410 });
    expect(outcome.checked?.report.indicators.get('CT5b')?.value).toBe(true);
  });
});

describe('check', () => {
  for (const minor of [1, 8]) {
    it(`finds what cchc check finds in the same figures, and marks the cells (ExcelApi 1.${minor})`, async () => {
      const host = await filledHost(minor);
      const outcome = await checkOpenReport(host, context);
      expect(outcome.checked?.unit?.code).toBe('18070');

      const file = await reportFile('18070', '2021-H1', SAME_AS_TYPED);
      const read = readReport(file.bytes, { plan: hatinh2021, units: hatinhCity2020.units });
      if (read.outcome.status !== 'received') throw new Error('not a report');
      const ours = outcome.findings.filter((f) => f.code !== 'read-by-position');
      expect(keys(ours)).toEqual(keys(read.outcome.findings));
      expect(ours.map((f) => f.code)).toEqual(expect.arrayContaining(['numerator-exceeds-denominator', 'value-not-a-number']));

      const { errors, warnings } = problemCells(outcome.findings);
      expect(errors).toContainEqual({ sheet: 'Báo cáo', cell: 'F12' });
      expect(outcome.highlighted).toBe(new Set([...errors, ...warnings].map((c) => c.cell + c.sheet)).size);
      const report = host.workbook.sheet('Báo cáo');
      if (minor >= 6) {
        expect(outcome.mode).toBe('conditionalFormat');
        expect(report.conditionalFormats.find((c) => c.range === 'F12')?.fill).toBe(ERROR_FILL);
        expect(host.workbook.peek('Báo cáo', 'F12')?.fill).toBe('#FFF9E0');
      } else {
        expect(outcome.mode).toBe('fill');
        expect(host.workbook.peek('Báo cáo', 'F12')?.fill).toBe(ERROR_FILL);
      }
      expect(await host.clearHighlights()).toBe(outcome.highlighted);
      expect(host.workbook.peek('Báo cáo', 'F12')?.fill).toBe('#FFF9E0');
      expect(report.conditionalFormats).toEqual([]);
    });
  }

  it('lists a layout-table-not-found error for a workbook without a report', async () => {
    const outcome = await checkOpenReport(new MemoryHost(), context);
    expect(outcome.checked).toBeNull();
    expect(outcome.status).toBe('unreadable');
    expect(outcome.findings[0]?.code).toBe('layout-table-not-found');
  });
});

describe('insert', () => {
  it('refuses unknown units and periods, and existing sheets unless replacing', async () => {
    const host = new MemoryHost(new MemoryWorkbook(['Sheet1']), 8);
    await expect(insertTemplate(host, context, '99999', '2021-H1')).rejects.toBeInstanceOf(InputError);
    await expect(insertTemplate(host, context, '18070', '2021-H9')).rejects.toBeInstanceOf(InputError);
    await insertTemplate(host, context, '18070', '2021-H1');
    await expect(insertTemplate(host, context, '18073', '2021-H1')).rejects.toBeInstanceOf(SheetsExistError);
    await insertTemplate(host, context, '18073', '2021-H1', { replace: true });
    expect(host.workbook.peek('Báo cáo', 'F8')?.value).toBe('18073');
  });
});

describe('score', () => {
  it('writes "Kết quả" with the score cchc score gives, and replaces it on the next run', async () => {
    const host = await filledHost(8);
    const outcome = await scoreOpenReport(host, context);
    expect(outcome.checked).not.toBeNull();
    const checked = outcome.checked!;
    const primary = hatinh2021.profiles.find((p) => p.id === hatinh2021.primaryProfile)!;
    const expected = scoreUnit(checked, primary, hatinh2021, { onTime: true });
    expect(outcome.onTime).toBe(true);
    expect(outcome.score?.score).toBe(expected.score);
    const sheet = host.workbook.sheet(RESULTS_SHEET);
    const totals = [...sheet.cells.entries()].filter(([, c]) => c.formula?.startsWith('SUM(D'));
    expect(totals).toHaveLength(hatinh2021.profiles.length);
    expect(totals[0]?.[1].value).toBe(expected.score);
    const texts = [...sheet.cells.values()].map((c) => c.value);
    expect(texts).toContain('Tổng điểm');
    expect(texts).toContain('Không hợp lệ');
    await scoreOpenReport(host, context);
    expect(host.workbook.sheets.filter((s) => s.name === RESULTS_SHEET)).toHaveLength(1);
  });
});

describe('consolidate', () => {
  async function files(): Promise<PickedFile[]> {
    const made = [
      await reportFile('18070', '2021-H1', goodFill(1)),
      await reportFile('18073', '2021-H1', goodFill(2, '2021-06-25')),
      await reportFile('18088', '2021-H1', goodFill(3)),
      await reportFile('18076', '2021-Q1', goodFill(4)),
    ];
    const picked: PickedFile[] = made.map((f) => ({ name: f.name, bytes: async () => f.bytes }));
    picked.push({ name: 'ghi-chu.txt', bytes: async () => new TextEncoder().encode('không phải tệp Excel') });
    return picked;
  }

  it('reads picked .xlsx files in the browser way and writes the consolidated sheets', async () => {
    const host = new MemoryHost(new MemoryWorkbook(['Sheet1']), 8);
    const picked = await files();
    const seen: string[] = [];
    const outcome = await consolidateFiles(host, context, picked, {
      periodCode: '2021-H1',
      receivedCsv: { name: 'so-nhan.csv', text: 'unit_code,received_on\n18070,2021-06-17\n' },
      onFile: (i, n, name) => seen.push(`${i}/${n} ${name}`),
    });
    expect(seen).toHaveLength(5);
    expect(outcome).toMatchObject({ read: 4, skipped: 0, failed: 1 });
    const c = outcome.consolidation;
    // the registry's 17 units: 15 wards and communes, the 2 centres the plan names
    expect(c.totals).toMatchObject({ expected: 17, received: 3, onTime: 2 });

    // The same consolidation as core's, fed by the library's pipeline (readReport).
    const period = periodFor('2021-H1');
    const reports = [];
    for (const f of picked.slice(0, 4)) {
      const read = readReport(await f.bytes(), { plan: hatinh2021, units: hatinhCity2020.units, period, file: f.name });
      if (read.outcome.status === 'received') reports.push(read.outcome.checked);
    }
    const direct = consolidate({ plan: hatinh2021, units: hatinhCity2020.units, period, reports, received: new Map([['18070', '2021-06-17']]) });
    expect(c.totals).toEqual(direct.totals);
    expect(c.units.map((u) => [u.code, u.score, u.rank])).toEqual(direct.units.map((u) => [u.code, u.score, u.rank]));

    // Sheets and the numbers in them.
    const names = host.workbook.sheets.map((s) => s.name);
    // the same sheets as `cchc consolidate`, the cover first
    expect(names).toEqual(['Sheet1', CONSOLIDATED_EXTRA_SHEETS.cover, ...Object.values(CONSOLIDATED_SHEETS)]);
    const totalsRows = consolidatedPositions(hatinh2021, c.units).totalsRows;
    for (const indicator of hatinh2021.indicators) {
      const total = c.totals.indicators[indicator.code]!;
      const row = totalsRows.get(indicator.code)!;
      const at = (col: string): unknown => host.workbook.peek(CONSOLIDATED_SHEETS.totals, `${col}${row}`)?.value ?? null;
      if (indicator.measure === 'ratio' || indicator.measure === 'comparison') {
        expect([at('F'), at('G')], indicator.code).toEqual([total.numerator, total.denominator]);
        expect(at('H'), indicator.code).toBe(total.ratio);
      } else if (indicator.measure === 'count') expect(at('F'), indicator.code).toBe(total.value);
      expect(host.workbook.peek(CONSOLIDATED_SHEETS.totals, `I${row}`)?.value, indicator.code).toBe(total.unitsCounted);
      expect(host.workbook.peek(CONSOLIDATED_SHEETS.totals, `F${row}`)?.formula ?? '').toMatch(/^IF\(COUNT\('Đơn vị × chỉ tiêu'!\$[A-Z]+\$6:\$[A-Z]+\$22\)=0,"",SUM/); // 17 unit rows, 6–22
    }
    const first = host.workbook.peek(CONSOLIDATED_SHEETS.ranking, `B${CONSOLIDATED_LAYOUT.firstRow}`)?.value;
    const best = [...c.units].filter((u) => u.rank === 1)[0];
    expect(first).toContain(best?.name);
    expect(host.workbook.names.map((n) => n.name)).toContain('cchc_consolidated');
    const findingRows = host.workbook.sheet(CONSOLIDATED_SHEETS.findings).cells;
    expect([...findingRows.values()].some((cell) => cell.value === 'ghi-chu.txt')).toBe(true);
  });

  it('tells a unit whose file could not be read from one that sent nothing, in the Tiến độ gửi báo cáo sheet', async () => {
    const host = new MemoryHost(new MemoryWorkbook(['Sheet1']), 8);
    const picked = (await files()).slice(0, 1);
    picked.push({ name: '18082-2021-H1.xlsx', bytes: async () => new TextEncoder().encode('không phải tệp Excel') });
    const outcome = await consolidateFiles(host, context, picked, { periodCode: '2021-H1' });
    expect(outcome).toMatchObject({ read: 1, skipped: 0, failed: 1 });
    const c = outcome.consolidation;
    expect(c.totals).toMatchObject({ expected: 17, received: 1, unreadable: 1 });
    expect(c.units.filter((u) => u.code === '18070' || u.code === '18082' || u.code === '18085').map((u) => [u.code, u.status, u.submitted, u.file])).toEqual([
      ['18070', 'received', true, '18070-2021-H1.xlsx'],
      ['18082', 'unreadable', false, '18082-2021-H1.xlsx'],
      ['18085', 'missing', false, null],
    ]);
    const status = (code: string): unknown => {
      const rows = host.workbook.sheet(CONSOLIDATED_SHEETS.progress).cells;
      const at = [...rows.entries()].find(([ref, cell]) => ref.startsWith('B') && cell.value === code)?.[0];
      return at === undefined ? undefined : host.workbook.peek(CONSOLIDATED_SHEETS.progress, `J${at.slice(1)}`)?.value;
    };
    expect(host.workbook.peek(CONSOLIDATED_SHEETS.progress, `J${CONSOLIDATED_LAYOUT.headerRow}`)?.value).toBe('Tình trạng');
    expect([status('18070'), status('18082'), status('18085')]).toEqual(['Đã nhận', 'Đã gửi, không đọc được', 'Chưa gửi']);
  });

  it('skips a consolidated workbook among the files, and refuses an invalid period', async () => {
    const host = new MemoryHost(new MemoryWorkbook(['Sheet1']), 8);
    const picked = (await files()).slice(0, 1);
    const first = await consolidateFiles(new MemoryHost(), context, picked, { periodCode: '2021-H1' });
    const own = await writeConsolidated(first.consolidation, hatinh2021);
    picked.push({ name: 'tong-hop.xlsx', bytes: async () => own });
    const outcome = await consolidateFiles(host, context, picked, { periodCode: '2021-H1' });
    expect(outcome).toMatchObject({ read: 1, skipped: 1, failed: 0 });
    await expect(consolidateFiles(host, context, picked, { periodCode: 'sớm', replace: true })).rejects.toBeInstanceOf(InputError);
  });
});
