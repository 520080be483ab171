/**
 * Every sheet of the example's outputs, printed by LibreOffice: the consolidated workbook (with
 * its year-on-year sheet), the fifteen feedback workbooks and the templates of a ward, a commune
 * and an agency go to PDF through test/support/lo-print.py, which then asks LibreOffice itself,
 * for every wrapped text cell, how high its row must be (python3-uno): no row may be shorter than
 * its text needs. Skipped, with a visible message, where LibreOffice or python3-uno is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Palette, hatinh2021, hatinhCity2020, parsePeriod, type BookModel } from '@cchc-kpi/core';
import { readGrid } from '@cchc-kpi/xlsx';
import { renderXlsx, writeTemplate } from '@cchc-kpi/xlsx/write';
import { repoRoot, runCli } from './support/cli.ts';

const PYTHON = '/usr/bin/python3';
const SCRIPT = resolve(repoRoot, 'test/support/lo-print.py');

function missing(): string | null {
  if (spawnSync('sh', ['-c', 'command -v soffice']).status !== 0 || spawnSync(PYTHON, ['-c', 'import uno']).status !== 0) {
    return 'skipped: LibreOffice or python3-uno not installed, install with apt-get install -y libreoffice-calc-nogui python3-uno';
  }
  return null;
}

const skip = missing();
if (skip) console.warn(skip);

interface Short {
  row: number;
  column: number;
  needed: number;
  height: number;
  text: string;
}
interface Printed {
  file: string;
  pdf: string;
  sheets: Array<{ name: string; checked: number; short: Short[] }>;
}

let dir = '';
let printed: Printed[] = [];
let workbooks: string[] = [];
let controlResult: Printed | null = null;

beforeAll(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'cchc-print-'));
  const generated = spawnSync(process.execPath, ['--import', 'tsx', resolve(repoRoot, 'examples/generate-reports.ts'), dir], { cwd: repoRoot, encoding: 'utf8', timeout: 180_000 });
  expect(generated.status, generated.stderr).toBe(0);
  const base = ['consolidate', join(dir, 'reports'), '--period', '2021-H1', '--received', join(dir, 'received-2021-H1.csv'), '--quiet', '--report-date', '2021-07-05'];
  const first = runCli([...base, '--out', join(dir, 'first', 'tong-hop.xlsx'), '--json', join(dir, 'first', 'tong-hop.json')]);
  expect(first.status, first.stderr).toBe(0);
  // last year's consolidation, made up from this one, so the year-on-year sheet prints too
  const previous = JSON.parse(readFileSync(join(dir, 'first', 'tong-hop.json'), 'utf8'));
  previous.period = { ...previous.period, code: '2020-H1', year: 2020, cutoffStart: '2019-12-15', cutoffEnd: '2020-06-14', deadline: '2020-06-20' };
  writeFileSync(join(dir, 'tong-hop-2020-H1.json'), JSON.stringify(previous));
  const run = runCli([...base, '--out', join(dir, 'out', 'tong-hop-2021-H1.xlsx'), '--feedback', join(dir, 'out', 'phan-hoi'), '--compare', join(dir, 'tong-hop-2020-H1.json')]);
  expect(run.status, run.stderr).toBe(0);
  const period = parsePeriod('2021-H1', { deadlineDaysAfterCutoff: hatinh2021.deadline.daysAfterCutoff });
  if (!period.ok) throw new Error('period');
  mkdirSync(join(dir, 'templates'));
  // a ward, a commune and an agency (the public administration centre, in the built-in registry)
  for (const unit of ['18070', '18112', 'TTHCC'].map((code) => hatinhCity2020.units.find((u) => u.code === code)!)) {
    const file = await writeTemplate(hatinh2021, unit, period.value);
    writeFileSync(join(dir, 'templates', file.fileName), file.bytes);
  }
  // a control: a row given 15 points for three lines of text must be caught
  const palette = new Palette();
  const text = 'Cập nhật, công khai, minh bạch tình trạng giải quyết thủ tục hành chính đối với hồ sơ đã tiếp nhận trên cổng thông tin';
  const control: BookModel = {
    title: 'control',
    createdOn: '2021-06-20',
    names: [],
    styles: palette.styles,
    sheets: [{ name: 'Control', columns: [{ width: 30 }], gridlines: true, validations: [], rows: () => [{ row: 2, height: 15, cells: [{ col: 1, value: text, style: palette.name({}) }] }] }],
  };
  writeFileSync(join(dir, 'control.xlsx'), await renderXlsx(control));
  workbooks = [
    join(dir, 'out', 'tong-hop-2021-H1.xlsx'),
    ...readdirSync(join(dir, 'out', 'phan-hoi')).sort().map((f) => join(dir, 'out', 'phan-hoi', f)),
    ...readdirSync(join(dir, 'templates')).sort().map((f) => join(dir, 'templates', f)),
    join(dir, 'control.xlsx'),
  ];
  const lo = spawnSync(PYTHON, [SCRIPT, join(dir, 'pdf'), ...workbooks], { encoding: 'utf8', timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
  expect(lo.status, lo.stderr).toBe(0);
  const all = (JSON.parse(lo.stdout) as { files: Printed[] }).files;
  controlResult = all.pop() ?? null;
  printed = all;
}, 900_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Pages of a PDF (its page objects). */
function pages(pdf: string): number {
  return (readFileSync(pdf).toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}

describe.skipIf(skip !== null)('the example outputs printed by LibreOffice', () => {
  it('prints every workbook to PDF, at least a page for each sheet that prints', () => {
    expect(printed).toHaveLength(workbooks.length - 1);
    // the workbook, a feedback workbook for each of the registry's 17 units, 3 forms, the control
    expect(workbooks.length).toBe(1 + 17 + 3 + 1);
    for (const file of printed) {
      const grid = readGrid(new Uint8Array(readFileSync(file.file)));
      if (!grid.ok) throw new Error(file.file);
      const visible = grid.value.sheets.filter((s) => s.state === 'visible').map((s) => s.name);
      expect(file.sheets.map((s) => s.name), file.file).toEqual(visible);
      expect(pages(file.pdf), file.pdf).toBeGreaterThanOrEqual(visible.length);
    }
    const consolidated = printed[0]!;
    expect(consolidated.sheets.map((s) => s.name)).toEqual(['Báo cáo tóm tắt', 'Tổng hợp', 'Đơn vị × chỉ tiêu', 'Xếp hạng', 'Tiến độ gửi báo cáo', 'Hoạt động', 'Kết quả kiểm tra', 'So sánh cùng kỳ']);
  });

  it('gives every row of wrapped text the height LibreOffice needs to show all its lines', () => {
    let checked = 0;
    const short: string[] = [];
    for (const file of printed) {
      for (const sheet of file.sheets) {
        checked += sheet.checked;
        for (const s of sheet.short) short.push(`${file.file.split('/').pop()} ${sheet.name}!${s.row} (column ${s.column}): needs ${s.needed} pt, has ${s.height} pt — ${s.text}`);
      }
    }
    expect(checked).toBeGreaterThan(1500);
    expect(short).toEqual([]);
  });

  it('would catch a row too short for its text (the check has teeth)', () => {
    const sheet = controlResult?.sheets[0];
    expect(sheet?.short.map((s) => [s.row, s.column, s.height])).toEqual([[2, 1, 15]]);
    expect(sheet?.short[0]?.needed).toBeGreaterThan(30);
  });

  it('checks the cells that wrap on every sheet with text', () => {
    for (const file of printed) for (const sheet of file.sheets) expect(sheet.checked, `${file.file} ${sheet.name}`).toBeGreaterThan(0);
  });
});

if (skip) {
  describe('the example outputs printed by LibreOffice', () => {
    it.skip(skip, () => {});
  });
}
