/**
 * Units' own layouts (not our template) as real .xlsx files built here, read the way `check` and
 * `consolidate` read them (`processFile`): the look-alikes of Đ and the ways tones are written must
 * not change what is read, and every cell type that carries a date must give the period.
 * Each case asserts the unit, the period, the header row and the exact numerators/denominators.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { foldText, hatinh2021, hatinhCity2020, normalizeText } from '@cchc-kpi/core';
import { processFile } from '../packages/cli/src/pipeline.ts';
import { layoutXlsx, type LayoutCell } from './support/layout-xlsx.ts';
import { unzipText } from './support/zip.ts';

const dir = mkdtempSync(join(tmpdir(), 'cchc-layouts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const context = { plan: hatinh2021, units: hatinhCity2020.units };

/** Writes the workbook and reads it as the CLI does: unit, period, figures and findings. */
async function readLayout(name: string, bytes: Uint8Array) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const outcome = await processFile(path, context);
  const report = outcome.checked?.report;
  const figures = Object.fromEntries([...(report?.indicators ?? new Map())].map(([code, v]) => [code, [v.numerator, v.denominator]]));
  return { unit: report?.unitCode ?? null, period: report?.periodCode ?? null, figures, codes: outcome.findings.map((f) => f.code) };
}

/** A ward's report in its own layout; `t` writes each text the way a given program or font would. */
function wardReport(t: (text: string) => string, period: LayoutCell[] = [t('SỐ LIỆU TÍNH TỪ NGÀY 15/12/2020 ĐẾN NGÀY 14/6/2021')]): LayoutCell[][] {
  return [
    [t('UBND PHƯỜNG ĐẠI NÀI'), null, null, null, t('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')],
    [null, null, null, null, t('Độc lập - Tự do - Hạnh phúc')],
    [t('BÁO CÁO KẾT QUẢ CÔNG TÁC TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH')],
    period,
    [],
    ['STT', t('Nội dung'), t('Đơn vị tính'), t('Chỉ tiêu kế hoạch'), t('Kết quả thực hiện'), t('Tỷ lệ (%)'), t('Ghi chú')],
    [1, t('Tỷ lệ trang thông tin điện tử của phường có chuyên mục CCHC'), t('trang'), 1, 1, '100%'],
    [2, t('Tỷ lệ hồ sơ TTHC được cập nhật, công khai tình trạng giải quyết'), t('hồ sơ'), '1.234', '1.200', '97,2%'],
    [3, t('Thủ tục hành chính được niêm yết công khai tại Bộ phận một cửa'), 'TTHC', 112, 110],
    [4, t('Điểm Bưu điện văn hóa xã có tài liệu CCHC'), t('điểm'), 0, 0],
  ];
}

const EXPECTED_FIGURES = { CT1: [1, 1], CT3a: [1200, 1234], CT4a: [110, 112], CT4b: [0, 0] };

/** Old tone placement on the vowel pairs that have one: "hòa" → "hoà", "thủy" → "thuỷ", "khỏe" → "khoẻ". */
function oldTones(text: string): string {
  return text.normalize('NFD').replace(/([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])/g, '$1$3$2').replace(/([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])/g, '$1$3$2').normalize('NFC');
}

const WRITINGS: [string, (text: string) => string][] = [
  ['Icelandic eth Ð (U+00D0) for Đ', (s) => s.replace(/Đ/g, '\u00D0')],
  ['eth ð (U+00F0) for đ and Ð for Đ', (s) => s.replace(/Đ/g, '\u00D0').replace(/đ/g, '\u00F0')],
  ['African D Ɖ (U+0189) / ɖ (U+0256)', (s) => s.replace(/Đ/g, '\u0189').replace(/đ/g, '\u0256')],
  ['D and d with a combining stroke (U+0335)', (s) => s.replace(/Đ/g, 'D\u0335').replace(/đ/g, 'd\u0335')],
  ['decomposed tones (NFD) with U+0110/U+0111', (s) => s.normalize('NFD')],
  ['composed and decomposed mixed, cell by cell', (s) => (s.length % 2 === 0 ? s.normalize('NFD') : s)],
  ['Ð with decomposed tones', (s) => s.normalize('NFD').replace(/Đ/g, '\u00D0')],
  ['old tone placement (hoà, thuỷ) with Ð', (s) => oldTones(s).replace(/Đ/g, '\u00D0')],
  ['old i/y spelling (Tỉ lệ) in capitals', (s) => s.replace(/Tỷ/g, 'Tỉ').toUpperCase()],
  ['Cyrillic look-alike capitals (С, Т, Н in CCHC, TTHC)', (s) => s.replace(/CCHC/g, 'ССНС').replace(/TTHC/g, 'ТТНС')],
  ['full-width digits and no-break spaces', (s) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace(/ /g, '\u00A0')],
];

describe("units' own layouts: look-alike letters and tone writings read the same", () => {
  it.each(WRITINGS)('%s: unit 18082 Đại Nài, period 2021-H1, the four figures', async (name, t) => {
    const read = await readLayout(`dai-nai-${WRITINGS.findIndex((w) => w[0] === name)}.xlsx`, layoutXlsx('Báo cáo', wardReport(t)));
    expect(read.unit).toBe('18082');
    expect(read.period).toBe('2021-H1');
    expect(read.figures).toEqual(EXPECTED_FIGURES);
    expect(read.codes).not.toContain('layout-row-unmatched');
  });

  it('finds the unit whatever the spelling of its name: Thạch Quý as "THẠCH QUÍ" (old i/y), with NFD tones', async () => {
    const t = (s: string): string => s.replace('PHƯỜNG ĐẠI NÀI', 'PHƯỜNG THẠCH QUÍ').normalize('NFD');
    const read = await readLayout('thach-qui.xlsx', layoutXlsx('Báo cáo', wardReport(t)));
    expect([read.unit, read.period]).toEqual(['18091', '2021-H1']);
    expect(read.figures).toEqual(EXPECTED_FIGURES);
  });

  it('reads the period from "6 THÁNG ÐẦU NĂM" and "QUÍ II" written with the look-alikes too', async () => {
    const half = await readLayout('half.xlsx', layoutXlsx('Sheet1', wardReport((s) => s, ['BÁO CÁO 6 THÁNG \u00D0ẦU NĂM 2021'.normalize('NFD')])));
    expect([half.unit, half.period]).toEqual(['18082', '2021-H1']);
    const quarter = await readLayout('quarter.xlsx', layoutXlsx('Sheet1', wardReport((s) => s, ['BÁO CÁO QUÍ II NĂM 2021'])));
    expect([quarter.unit, quarter.period]).toEqual(['18082', '2021-Q2']);
  });

  it('one folding for every comparison: the look-alikes fold to the same key, tones ignored or kept', () => {
    const key = foldText('Đồng Môn');
    for (const variant of ['\u00D0ồng Môn', '\u0189ồng Môn', 'D\u0335ồng Môn', 'Đồng Môn'.normalize('NFD'), 'ĐỒNG MÔN', 'Ðồng\u00A0Môn', 'Đồng\u200BMôn'.replace('\u200B', ' ')]) {
      expect(foldText(variant), variant).toBe(key);
    }
    expect(foldText('Quý II')).toBe(foldText('QUÍ II'));
    expect(foldText('Tỷ lệ')).toBe('ti le');
    expect(foldText('Thạch Quý', 'tones')).toBe(foldText('Thạch Quí', 'tones'));
    expect(foldText('Hoà Bình', 'tones')).toBe(foldText('Hòa Bình', 'tones'));
    expect(foldText('Thạch Hạ', 'tones')).not.toBe(foldText('Thạch Hà', 'tones'));
    expect(foldText('tuy', 'letters')).toBe('tuy'); // only a y after a consonant is respelled
    expect(normalizeText('\u0189ại Nài và \u0256ường')).toBe('Đại Nài và đường');
  });
});

describe('the period from a range of two date cells, whatever type carries the dates', () => {
  const range = (from: LayoutCell, to: LayoutCell): LayoutCell[] => ['Số liệu tính từ ngày', from, 'đến ngày', to];
  const cases: [string, LayoutCell, LayoutCell, boolean][] = [
    ['ISO date cells t="d" (2020-12-15T00:00:00)', { iso: '2020-12-15T00:00:00' }, { iso: '2021-06-14T00:00:00' }, false],
    ['ISO date cells t="d" with Z and milliseconds', { iso: '2020-12-15T00:00:00Z' }, { iso: '2021-06-14T00:00:00.000Z' }, false],
    ['ISO date cells t="d" without a time', { iso: '2020-12-15' }, { iso: '2021-06-14' }, false],
    ['serials with a dd/mm/yyyy format', { serial: 44180 }, { serial: 44361 }, false],
    ['serials with built-in format 14', { serial: 44180, builtin: true }, { serial: 44361, builtin: true }, false],
    ['serials in the 1904 date system', { serial: 44180 - 1462 }, { serial: 44361 - 1462 }, true],
    ['text dates in shared strings', { shared: '15/12/2020' }, { shared: '14/6/2021' }, false],
  ];
  it.each(cases)('%s → 2021-H1', async (name, from, to, date1904) => {
    const rows = wardReport((s) => s, range(from, to));
    const read = await readLayout(`range-${cases.findIndex((c) => c[0] === name)}.xlsx`, layoutXlsx('Báo cáo', rows, { date1904 }));
    expect([read.unit, read.period]).toEqual(['18082', '2021-H1']);
    expect(read.figures).toEqual(EXPECTED_FIGURES);
  });

  it('a quarter window from ISO date cells → 2021-Q2', async () => {
    const rows = wardReport((s) => s, range({ iso: '2021-03-15T00:00:00' }, { iso: '2021-06-14T00:00:00' }));
    const read = await readLayout('range-q2.xlsx', layoutXlsx('Báo cáo', rows));
    expect(read.period).toBe('2021-Q2');
  });
});

/** Debian's python3-openpyxl is built for /usr/bin/python3. */
const OPENPYXL_PYTHON = '/usr/bin/python3';
const openpyxlMissing =
  existsSync(OPENPYXL_PYTHON) && spawnSync(OPENPYXL_PYTHON, ['-c', 'import openpyxl']).status === 0 ? null : 'skipped: openpyxl not installed, install with apt-get install -y python3-openpyxl';
if (openpyxlMissing) console.warn(`layout-real-files.test.ts (openpyxl): ${openpyxlMissing}`);

describe.skipIf(openpyxlMissing !== null)('a layout written by openpyxl with ISO date cells (iso_dates)', () => {
  it('reads the period from the two date cells, and the figures', async () => {
    const out = join(dir, 'openpyxl.xlsx');
    const script = [
      'import sys, datetime, openpyxl',
      'wb = openpyxl.Workbook(); wb.iso_dates = True; ws = wb.active; ws.title = "Báo cáo"',
      'rows = [["UBND PHƯỜNG ĐẠI NÀI"], ["BÁO CÁO KẾT QUẢ CÔNG TÁC TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH"],',
      '  ["Số liệu tính từ ngày", datetime.datetime(2020, 12, 15), "đến ngày", datetime.datetime(2021, 6, 14)], [],',
      '  ["STT", "Nội dung", "Đơn vị tính", "Chỉ tiêu kế hoạch", "Kết quả thực hiện", "Tỷ lệ (%)"],',
      '  [1, "Tỷ lệ hồ sơ TTHC được cập nhật, công khai tình trạng giải quyết", "hồ sơ", 1234, 1200, "97,2%"]]',
      'for r in rows: ws.append(r)',
      'wb.save(sys.argv[1])',
    ].join('\n');
    const run = spawnSync(OPENPYXL_PYTHON, ['-c', script, out], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const bytes = new Uint8Array(readFileSync(out));
    // openpyxl wrote the dates as ISO date cells, the kind that was not found before.
    expect(unzipText(bytes).get('xl/worksheets/sheet1.xml')).toMatch(/<c r="B3"[^>]*t="d"[^>]*><v>2020-12-15T00:00:00<\/v>/);
    const read = await readLayout('openpyxl-copy.xlsx', bytes);
    expect([read.unit, read.period]).toEqual(['18082', '2021-H1']);
    expect(read.figures).toEqual({ CT3a: [1200, 1234] });
  });
});
