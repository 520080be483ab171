/**
 * What an officer reads about a unit's report, through the one pipeline (`readReport`) and the
 * `cchc` command: each mistake a fresh user met gives one finding per cell, quoting what was
 * typed, with file, sheet, cell and how to fix it (issue items 15, 16, 18, 19). Every file is
 * built here from our template.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hatinh2021, hatinhCity2020, type Finding } from '@cchc-kpi/core';
import { readReport } from '@cchc-kpi/xlsx';
import { writeTemplate } from '@cchc-kpi/xlsx/write';
import type { ReportFill } from '@cchc-kpi/examples/fill-template';
import { runCli } from './support/cli.ts';
import { ExcelJS } from './support/exceljs.ts';
import { GOOD_FILL, filledReport, period, unit } from './support/hostile.ts';
import { unzipParts, zipParts } from './support/zip.ts';

/** The good form, CT4b 1 of 1 (GOOD_FILL's 0/0 adds a "not applicable" notice to every row). */
const BASE: ReportFill = { ...GOOD_FILL, indicators: { ...GOOD_FILL.indicators, CT4b: { numerator: 1, denominator: 1 } } };
const fill = (indicators: ReportFill['indicators'], extra: Partial<ReportFill> = {}): ReportFill => ({ ...BASE, ...extra, indicators: { ...BASE.indicators, ...indicators } });

/** A filled form of Trần Phú (18070) for 2021-H1 unless said otherwise. */
const tranPhu = (f: ReportFill = BASE, p = period()): Promise<Uint8Array> => filledReport(unit('18070'), p, f);

/** Sets a cell's number format, as Excel does when 85% is typed (value 0.85, format 0%). */
async function withNumFmt(bytes: Uint8Array, sheet: string, cell: string, numFmt: string): Promise<Uint8Array> {
  const workbook = new (ExcelJS.Workbook as unknown as new () => {
    xlsx: { load(b: ArrayBuffer): Promise<unknown>; writeBuffer(): Promise<ArrayBuffer> };
    getWorksheet(name: string): { getCell(ref: string): { style: object } } | undefined;
  })();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const target = workbook.getWorksheet(sheet)!.getCell(cell);
  // A style object of its own: exceljs shares one between the cells of a loaded style.
  target.style = { ...target.style, numFmt };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Changes xl/workbook.xml as a script that renames or drops a sheet does: the defined names are left as they were. */
function editWorkbookXml(bytes: Uint8Array, edit: (xml: string) => string): Uint8Array {
  return zipParts(unzipParts(bytes).map((p): [string, Uint8Array | string] => [p.name, p.name === 'xl/workbook.xml' ? edit(new TextDecoder().decode(p.data)) : p.data]));
}
const renameSheet = (from: string, to: string) => (xml: string) => xml.replace(`name="${from}"`, `name="${to}"`);
const dropSheet = (name: string) => (xml: string) => xml.replace(new RegExp(`<sheet [^>]*name="${name}"[^>]*/>`), '');

/** The `count-is-percent` error of a CT3a cell holding `typed`. */
function percentInCount(cell: string, field: 'numerator' | 'denominator', typed: string): Row[3][number] {
  const vi = field === 'numerator' ? 'tử số' : 'mẫu số';
  return {
    severity: 'error',
    code: 'count-is-percent',
    sheet: 'Báo cáo',
    cell,
    message: {
      vi: `Ô ${cell} (CT3a, ${vi}): "${typed}" là tỷ lệ phần trăm, không phải số đếm; hãy ghi số đếm (số nguyên, ví dụ 17), không ghi tỷ lệ. Coi như để trống.`,
      en: `Cell ${cell} (CT3a ${field}): "${typed}" is a percentage, not a count; enter the count (a whole number, e.g. 17), not a percentage. Read as blank.`,
    },
  };
}

type Row = [name: string, file: string, bytes: () => Promise<Uint8Array>, findings: Pick<Finding, 'severity' | 'code' | 'sheet' | 'cell' | 'message'>[]];

const REPORT = 'Báo cáo';
/** "mười" (ten, in words) in CT3b's numerator. */
const MUOI: Row[3][number] = {
  severity: 'error',
  code: 'value-not-a-number',
  sheet: REPORT,
  cell: 'F16',
  message: { vi: 'Ô F16 (CT3b, tử số): "mười" không phải là số; coi như để trống.', en: 'Cell F16 (CT3b numerator): "mười" is not a number; read as blank.' },
};
const rows: Row[] = [
  [
    '15: "85%" typed as text in a count cell',
    'tran-phu.xlsx',
    () => tranPhu(fill({ CT3a: { numerator: '85%', denominator: 200 } })),
    [
      percentInCount('F15', 'numerator', '85%'),
    ],
  ],
  [
    '15: 85% typed in Excel (0.85 shown as 85%), and 100% read neither as 1 nor as blank',
    'tran-phu.xlsx',
    async () => withNumFmt(await withNumFmt(await tranPhu(fill({ CT3a: { numerator: 0.85, denominator: 1 } })), REPORT, 'F15', '0%'), REPORT, 'G15', '0%'),
    [
      percentInCount('F15', 'numerator', '85%'),
      percentInCount('G15', 'denominator', '100%'),
    ],
  ],
  [
    '15: every bad cell of an indicator, "mười" beside "12,5"',
    'tran-phu.xlsx',
    () => tranPhu(fill({ CT3b: { numerator: 'mười', denominator: '12,5' } })),
    [
      MUOI,
      {
        severity: 'error',
        code: 'count-not-integer',
        sheet: REPORT,
        cell: 'G16',
        message: {
          vi: 'Ô G16 (CT3b, mẫu số): 12,5 không phải số nguyên; hãy ghi số đếm là số nguyên (không có phần thập phân).',
          en: 'Cell G16 (CT3b denominator): 12.5 is not a whole number; enter the count as a whole number (no decimals).',
        },
      },
    ],
  ],
  [
    '15: an unreadable numerator beside a blank denominator',
    'tran-phu.xlsx',
    () => tranPhu(fill({ CT3b: { numerator: 'mười', denominator: null } })),
    [
      MUOI,
      {
        severity: 'error',
        code: 'pair-incomplete',
        sheet: REPORT,
        cell: 'G16',
        message: { vi: 'Ô G16 (CT3b, mẫu số): để trống; cần ghi cả tử số và mẫu số.', en: 'Cell G16 (CT3b denominator): is blank; give both numerator and denominator.' },
      },
    ],
  ],
  [
    '15: numerator above denominator says what to check',
    'tran-phu.xlsx',
    () => tranPhu(fill({ CT3a: { numerator: 1250, denominator: 1205 } })),
    [
      {
        severity: 'error',
        code: 'numerator-exceeds-denominator',
        sheet: REPORT,
        cell: 'F15',
        message: {
          vi: 'Ô F15 (CT3a, tử số): 1.250 lớn hơn mẫu số 1.205 (ô G15), nhưng "Số hồ sơ được cập nhật, công khai tình trạng" không thể nhiều hơn "Tổng số hồ sơ đã tiếp nhận". Kiểm tra lại hai ô F15 và G15 (gõ nhầm, đảo chữ số, ghi nhầm dòng?) rồi sửa; chỉ tiêu chưa được tính.',
          en: 'Cell F15 (CT3a numerator): 1,250 exceeds the denominator 1,205 (cell G15), but the part cannot exceed the whole. Check cells F15 and G15 (a typo, swapped digits, the wrong row?) and correct them; the indicator is not counted until then.',
        },
      },
    ],
  ],
  [
    '16: the file name says 2021-H1, the form 2021-H2',
    '18070-2021-H1.xlsx',
    () => tranPhu(fill({}, { submittedOn: new Date(Date.UTC(2021, 11, 16)), activities: [{ ...BASE.activities[0]!, date: new Date(Date.UTC(2021, 8, 4)) }] }), period('2021-H2')),
    [
      {
        severity: 'warning',
        code: 'file-name-period-mismatch',
        sheet: REPORT,
        cell: 'H8',
        message: {
          vi: 'Tên tệp 18070-2021-H1.xlsx ghi kỳ 2021-H1 (6 tháng đầu năm 2021) nhưng biểu mẫu bên trong ghi kỳ 2021-H2 (6 tháng cuối năm 2021) (ô H8); số liệu được tính cho kỳ 2021-H2. Kiểm tra xem đơn vị ghi nhầm kỳ trong biểu mẫu hay gửi nhầm tệp.',
          en: 'File name 18070-2021-H1.xlsx says period 2021-H1 but the form inside says 2021-H2 (cell H8); the figures count for 2021-H2. Check whether the unit typed the wrong period in the form or sent the wrong file.',
        },
      },
    ],
  ],
  ['16: a file name naming the form\'s year only agrees with it', 'tran-phu-nam-2021.xlsx', () => tranPhu(), []],
  [
    '18: the report sheet renamed by a script (names left on "Báo cáo")',
    'tran-phu.xlsx',
    async () => editWorkbookXml(await tranPhu(), renameSheet(REPORT, 'Bao cao 2021')),
    [
      {
        severity: 'warning',
        code: 'template-sheet-renamed',
        sheet: 'Bao cao 2021',
        cell: undefined,
        message: {
          vi: 'Trang "Báo cáo" của biểu mẫu đã bị đổi tên thành "Bao cao 2021" (các tên vùng của biểu mẫu vẫn trỏ tới "Báo cáo"); số liệu được đọc từ trang "Bao cao 2021" theo vị trí ô của biểu mẫu. Hãy đổi lại tên trang thành "Báo cáo" (hoặc dùng biểu mẫu đã phát) trước khi gửi.',
          en: 'The template\'s sheet "Báo cáo" was renamed "Bao cao 2021" (the template\'s defined names still point to "Báo cáo"); the figures were read from sheet "Bao cao 2021" by the template\'s cell positions. Rename the sheet back to "Báo cáo" (or use the distributed template) before sending.',
        },
      },
    ],
  ],
  [
    '18: the report sheet gone',
    'tran-phu.xlsx',
    async () => editWorkbookXml(await tranPhu(), dropSheet(REPORT)),
    [
      {
        severity: 'error',
        code: 'template-sheet-missing',
        sheet: undefined,
        cell: undefined,
        message: {
          vi: 'Sổ không có trang "Báo cáo" của biểu mẫu (trang đã bị xóa hoặc đổi tên; các tên vùng của biểu mẫu vẫn trỏ tới "Báo cáo"), nên không đọc được mã đơn vị, kỳ báo cáo và số liệu các chỉ tiêu. Các trang hiện có: "Hoạt động", "Hướng dẫn", "Danh mục", "_meta". Hãy đổi lại tên trang thành "Báo cáo", hoặc chép số liệu vào biểu mẫu đã phát rồi gửi lại.',
          en: 'The workbook has no sheet "Báo cáo" of the template (deleted or renamed; the template\'s defined names still point to "Báo cáo"), so the unit code, the period and the figures cannot be read. Sheets present: "Hoạt động", "Hướng dẫn", "Danh mục", "_meta". Rename the sheet back to "Báo cáo", or copy the figures into the distributed template and send it again.',
        },
      },
    ],
  ],
  [
    '18: the activities sheet gone',
    'tran-phu.xlsx',
    async () => editWorkbookXml(await tranPhu(), dropSheet('Hoạt động')),
    [
      {
        severity: 'warning',
        code: 'activities-sheet-missing',
        sheet: undefined,
        cell: undefined,
        message: {
          vi: 'Sổ không có trang "Hoạt động" của biểu mẫu (trang đã bị xóa hoặc đổi tên; các tên vùng của biểu mẫu vẫn trỏ tới "Hoạt động"), nên không đọc được hoạt động nào. Các trang hiện có: "Báo cáo", "Hướng dẫn", "Danh mục", "_meta". Hãy đổi lại tên trang thành "Hoạt động", hoặc chép các hoạt động vào biểu mẫu đã phát rồi gửi lại.',
          en: 'The workbook has no sheet "Hoạt động" of the template (deleted or renamed; the template\'s defined names still point to "Hoạt động"), so no activity is read. Sheets present: "Báo cáo", "Hướng dẫn", "Danh mục", "_meta". Rename the sheet back to "Hoạt động", or copy the activities into the distributed template and send it again.',
        },
      },
    ],
  ],
  [
    '19: an impossible report date is one error, not also "blank"',
    'tran-phu.xlsx',
    () => tranPhu(fill({}, { submittedOn: '31/02/2021' })),
    [
      {
        severity: 'error',
        code: 'date-invalid',
        sheet: REPORT,
        cell: 'C9',
        message: {
          vi: 'Ô C9 (ngày báo cáo): "31/02/2021" không phải là ngày có thật; hãy ghi lại ngày đúng (ngày/tháng/năm, ví dụ 28/12/2020). Coi như để trống.',
          en: 'Cell C9 (report date): "31/02/2021" is not a real date; enter the right date (day/month/year, e.g. 28/12/2020). Read as blank.',
        },
      },
    ],
  ],
  [
    '19: words for a report date are one error, not also "blank"',
    'tran-phu.xlsx',
    () => tranPhu(fill({}, { submittedOn: 'hôm qua' })),
    [
      {
        severity: 'error',
        code: 'date-invalid',
        sheet: REPORT,
        cell: 'C9',
        message: {
          vi: 'Ô C9 (ngày báo cáo): "hôm qua" không phải là ngày (ghi theo ngày/tháng/năm, ví dụ 28/12/2020); coi như để trống.',
          en: 'Cell C9 (report date): "hôm qua" is not a date (write day/month/year, e.g. 28/12/2020); read as blank.',
        },
      },
    ],
  ],
  [
    '19: an activity date in words is one error, not also "blank"',
    'tran-phu.xlsx',
    () => tranPhu(fill({}, { activities: [{ ...BASE.activities[0]!, date: 'hôm qua' }] })),
    [
      {
        severity: 'error',
        code: 'date-invalid',
        sheet: 'Hoạt động',
        cell: 'B4',
        message: {
          vi: 'Ô B4 (hoạt động dòng 4, ngày): "hôm qua" không phải là ngày (ghi theo ngày/tháng/năm, ví dụ 28/12/2020); coi như để trống.',
          en: 'Cell B4 (activity row 4 date): "hôm qua" is not a date (write day/month/year, e.g. 28/12/2020); read as blank.',
        },
      },
    ],
  ],
];

describe('one finding per bad cell, quoting what was typed, saying how to fix it', () => {
  it.each(rows)('%s', async (_name, file, bytes, expected) => {
    const read = readReport(await bytes(), { plan: hatinh2021, units: hatinhCity2020.units, file });
    expect(read.findings.map((f) => ({ severity: f.severity, code: f.code, sheet: f.sheet, cell: f.cell, message: f.message }))).toEqual(expected);
    for (const f of read.findings) expect(f.file).toBe(file);
  });

  it('a form whose only figure is "85%" is a filled form with an error, not an untouched one', async () => {
    const read = readReport(await tranPhu({ indicators: { CT3a: { numerator: '85%', denominator: null } }, activities: [] }), { plan: hatinh2021, units: hatinhCity2020.units, file: 'x.xlsx' });
    expect(read.outcome.status).toBe('received');
    expect(read.findings.map((f) => f.code)).not.toContain('report-empty');
  });
});

describe('the cchc command', () => {
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cchc-officer-'));
    mkdirSync(join(dir, 'h1'));
    writeFileSync(join(dir, 'h1', '18070-2021-H1.xlsx'), await tranPhu());
    writeFileSync(join(dir, 'h1', '18073-2021-H1.xlsx'), await filledReport(unit('18073'), period(), BASE));
    writeFileSync(join(dir, 'h1', '18076-2021-H1.xlsx'), await filledReport(unit('18076'), period(), BASE));
    writeFileSync(join(dir, 'blank-18073.xlsx'), (await writeTemplate(hatinh2021, unit('18073'), period())).bytes);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('19: score names the unit and period of an untouched form', () => {
    const run = runCli(['score', join(dir, 'blank-18073.xlsx')]);
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe('blank-18073.xlsx: Nam Hà — 2021-H1');
    const json = runCli(['score', join(dir, 'blank-18073.xlsx'), '--json']);
    expect((JSON.parse(json.stdout) as { unit: string; unitName: string; period: string }[]).map((e) => [e.unit, e.unitName, e.period])).toEqual([['18073', 'Nam Hà', '2021-H1']]);
  });

  it('16: consolidate with the wrong --period says once which period the reports are for', () => {
    const out = join(dir, 'out', 'tong-hop.xlsx');
    const run = runCli(['consolidate', join(dir, 'h1'), '--period', '2021-H2', '--out', out, '--json', '-', '--workers', '1']);
    expect(run.status).toBe(0);
    const hint =
      '3/3 báo cáo đọc được là của kỳ 2021-H1 (6 tháng đầu năm 2021), không phải kỳ 2021-H2 (6 tháng cuối năm 2021) đang tổng hợp, nên không được đưa vào tổng hợp. Nếu cần tổng hợp kỳ 2021-H1, hãy chạy lại lệnh với --period 2021-H1.';
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(hint);
    const findings = (JSON.parse(run.stdout) as { findings: Finding[] }).findings.filter((f) => f.code === 'reports-for-other-period');
    expect(findings.map((f) => [f.severity, f.message.vi])).toEqual([['warning', hint]]);
    const right = runCli(['consolidate', join(dir, 'h1'), '--period', '2021-H1', '--out', out, '--force', '--lang', 'en', '--workers', '1']);
    expect(right.status).toBe(0);
    expect(right.stderr).not.toContain('--period');
    const english = runCli(['consolidate', join(dir, 'h1'), '--period', '2021-H2', '--out', out, '--force', '--lang', 'en', '--workers', '1']);
    expect(english.stderr.trimEnd().split('\n').at(-1)).toBe(
      '3 of the 3 reports read are for period 2021-H1, not 2021-H2 being consolidated, so they were left out. To consolidate 2021-H1, run the command again with --period 2021-H1.',
    );
  });
});
