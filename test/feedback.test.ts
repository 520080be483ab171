/**
 * `cchc consolidate --feedback DIR`: one small workbook per unit, named from the registry's unit
 * code, listing the unit's own findings in Vietnamese with the sheet and cell, written atomically
 * and byte-identically on every run.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hatinhCity2020 } from '@cchc-kpi/core';
import { readGrid } from '@cchc-kpi/xlsx';
import { feedbackFileName } from '@cchc-kpi/xlsx/write';
import { runCli } from './support/cli.ts';
import { writeSmallExample } from './support/small-example.ts';

let dir = '';
let reports = '';
let units = '';
let json: any;
const out = () => join(dir, 'phan-hoi');
const args = () => ['consolidate', reports, '--period', '2021-H1', '--units', units, '--out', join(dir, 'tong-hop.xlsx'), '--json', join(dir, 'tong-hop.json'), '--feedback', out(), '--report-date', '2021-07-05', '--quiet'];

/** The sheet of a feedback workbook as rows of values (A…H), by row number. */
function sheetOf(file: string): { name: string; rows: Map<number, Array<string | number | boolean | null>> } {
  const grid = readGrid(new Uint8Array(readFileSync(join(out(), file))));
  if (!grid.ok) throw new Error(`unreadable ${file}`);
  expect(grid.value.sheets).toHaveLength(1);
  const sheet = grid.value.sheets[0]!;
  const rows = new Map<number, Array<string | number | boolean | null>>();
  for (const [ref, cell] of sheet.cells) {
    const m = /^([A-Z])(\d+)$/.exec(ref)!;
    const r = Number(m[2]);
    const row = rows.get(r) ?? Array(8).fill(null);
    row[m[1]!.charCodeAt(0) - 65] = cell.value;
    rows.set(r, row);
  }
  return { name: sheet.name, rows };
}

/** The finding rows of a feedback sheet: [severity, sheet, cell, Vietnamese, indicator, English]. */
function findingRows(file: string): Array<Array<string | number | boolean | null>> {
  const { rows } = sheetOf(file);
  const header = [...rows].find(([, r]) => r[1] === 'Mức độ')?.[0];
  if (header === undefined) return [];
  // the finding rows follow the header without a gap; the indicator table comes after them
  const out: Array<Array<string | number | boolean | null>> = [];
  for (let r = header + 1; typeof rows.get(r)?.[0] === 'number'; r++) out.push(rows.get(r)!);
  return out.map((v) => [v[1] ?? null, v[2] ?? null, v[3] ?? null, v[4] ?? null, v[5] ?? null, v[6] ?? null]);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-feedback-'));
  ({ reports, units } = await writeSmallExample(dir));
  const run = runCli(args());
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  json = JSON.parse(readFileSync(join(dir, 'tong-hop.json'), 'utf8'));
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cchc consolidate --feedback', () => {
  it('refuses a --feedback path that is a file, before writing anything', () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const out2 = join(dir, 'refused.xlsx');
    const run = runCli(['consolidate', reports, '--period', '2021-H1', '--units', units, '--out', out2, '--feedback', file, '--quiet']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--feedback cần một thư mục');
    expect(run.stderr).not.toContain('    at ');
    expect(existsSync(out2)).toBe(false);
  });

  it('writes one workbook per unit, named <registry code>-<period>-phan-hoi.xlsx, and nothing else', () => {
    // the registry's 17 units; TTVHTT of --units is the built-in culture centre, not an 18th unit
    const expected = hatinhCity2020.units.map((u) => `${u.code}-2021-H1-phan-hoi.xlsx`).sort();
    expect(expected).toHaveLength(17);
    expect(readdirSync(out()).sort()).toEqual(expected); // no temporary files left behind
  });

  it('names the file from the registry code, not from the report’s file name or cells', () => {
    // Nam Hà sent "bao cao Nam Ha (sua lan 2).xlsx"
    expect(json.units.find((u: any) => u.code === '18073').file).toBe('bao cao Nam Ha (sua lan 2).xlsx');
    expect(readdirSync(out())).toContain('18073-2021-H1-phan-hoi.xlsx');
    expect(feedbackFileName('18073', '2021-H1')).toBe('18073-2021-H1-phan-hoi.xlsx');
    for (const bad of ['../18073', 'a/b', 'CON.1', 'nul.txt', '', 'x'.repeat(65), 'Trần Phú', '.hidden']) expect(() => feedbackFileName(bad, '2021-H1')).toThrow(RangeError);
    expect(() => feedbackFileName('18073', '../2021')).toThrow(RangeError);
    expect(feedbackFileName('CON', '2021')).toBe('CON-2021-phan-hoi.xlsx'); // not a device name: the stem is CON-2021-phan-hoi
  });

  it('lists the unit’s own findings in Vietnamese with sheet and cell, as in the JSON', () => {
    const unit = json.units.find((u: any) => u.code === '18073');
    const rows = findingRows('18073-2021-H1-phan-hoi.xlsx');
    const label: Record<string, string> = { error: 'Lỗi', warning: 'Cảnh báo', notice: 'Lưu ý' };
    expect(rows).toEqual(unit.findings.map((f: any) => [label[f.severity], f.sheet ?? null, f.cell ?? null, f.message.vi, f.indicator ?? null, f.message.en]));
    // the error the ward must fix: CT3a 510 over 500, with its cell
    const error = rows.find((r) => r[0] === 'Lỗi')!;
    expect(error[1]).toBe('Báo cáo');
    expect(error[2]).toMatch(/^F\d+$/);
    expect(error[3]).toBe(`Ô ${error[2]} (CT3a, tử số): 510 lớn hơn mẫu số 500.`);
    expect(error[4]).toBe('CT3a');
  });

  it('heads the sheet with the unit, the status, the score and the figures', () => {
    const unit = json.units.find((u: any) => u.code === '18073');
    const { name, rows } = sheetOf('18073-2021-H1-phan-hoi.xlsx');
    expect(name).toBe('Phường Nam Hà');
    const texts = [...rows.values()].flat().filter((v): v is string => typeof v === 'string');
    expect(texts).toContain('PHIẾU PHẢN HỒI KẾT QUẢ KIỂM TRA BÁO CÁO');
    expect(texts).toContain('Hà Tĩnh, ngày 05 tháng 7 năm 2021');
    expect(texts).toContain('Kính gửi: UBND phường Nam Hà');
    // the deadline is a convention of the plan data, and the feedback says so
    expect(texts).toContain('- Đã nhận báo cáo (tệp bao cao Nam Ha (sua lan 2).xlsx) ngày 22/06/2021: sau hạn (hạn gửi báo cáo 20/06/2021 – quy ước, kế hoạch không quy định).');
    expect(texts).toContain(`- Điểm: ${String(unit.score).replace('.', ',')}, xếp loại ${unit.band.vi}, thứ hạng ${unit.rank}/4 (thang điểm 100).`);
    const ct3a = [...rows.values()].find((r) => r[1] === 'CT3a' && typeof r[0] === 'number')!;
    expect([ct3a[2], ct3a[3], ct3a[6]]).toEqual([510, 500, 'Không hợp lệ']);
  });

  it('tells a unit that sent nothing, and one without findings', () => {
    const missing = sheetOf('18112-2021-H1-phan-hoi.xlsx');
    const texts = [...missing.rows.values()].flat().filter((v): v is string => typeof v === 'string');
    expect(missing.name).toBe('Xã Thạch Bình');
    expect(texts).toContain('- Chưa nhận được báo cáo kỳ 2021-H1 của đơn vị (hạn gửi báo cáo 20/06/2021 – quy ước, kế hoạch không quy định). Đề nghị đơn vị gửi báo cáo theo biểu mẫu.');
    // the office to send it to comes from the plan's `report` block
    expect(texts).toContain('Đề nghị đơn vị lập báo cáo theo biểu mẫu và gửi về Ủy ban nhân dân thành phố Hà Tĩnh.');
    expect(texts).toContain('Kính gửi: UBND xã Thạch Bình');
    expect(findingRows('18112-2021-H1-phan-hoi.xlsx')).toEqual([['Cảnh báo', null, null, 'Chưa có báo cáo kỳ 2021-H1 của đơn vị xã Thạch Bình (18112).', null, 'No report for 2021-H1 from unit Thạch Bình commune (18112).']]);
  });

  it('gives byte-identical files on a rerun, and refuses to overwrite them without --force', () => {
    const before = new Map(readdirSync(out()).map((f) => [f, readFileSync(join(out(), f))]));
    const refused = runCli(args());
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--force');
    const again = runCli([...args(), '--force']);
    expect(again.status).toBe(0);
    for (const [file, bytes] of before) expect(readFileSync(join(out(), file)).equals(bytes), file).toBe(true);
    expect(readdirSync(out()).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a report date that is not a date, before reading anything', () => {
    const run = runCli(['consolidate', reports, '--period', '2021-H1', '--units', units, '--out', join(dir, 'x.xlsx'), '--feedback', join(dir, 'x'), '--report-date', '2021-02-30']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Ngày báo cáo "2021-02-30" không hợp lệ; ghi dạng yyyy-mm-dd, ví dụ 2021-06-20.');
    expect(readdirSync(dir)).not.toContain('x');
  });

  it('is skipped, with a notice, when it lands among the reports', () => {
    const run = runCli(['consolidate', reports, out(), '--period', '2021-H1', '--units', units, '--out', join(dir, 'again.xlsx'), '--json', join(dir, 'again.json'), '--quiet']);
    expect(run.status).toBe(0);
    const again = JSON.parse(readFileSync(join(dir, 'again.json'), 'utf8'));
    expect(again.totals.received).toBe(4);
    // one feedback workbook per unit of the registry (17), each skipped
    expect(again.findings.filter((f: any) => f.code === 'file-skipped').length).toBe(17);
  });
});
