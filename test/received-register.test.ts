/**
 * The received-date register is bounded (issue 18). A register of a million rows of unknown unit
 * codes (20 MB) used to grow to 3.2 GB, one finding per row; a 50 MB quoted field never closed
 * used 1.8 GB before failing. Now: refused from its size on disk by default; with the size limit
 * raised, refused at the first row over `--max-received-rows`; with both raised, summarised in one
 * finding with the count and the first rows; the quote never closed stops reading after 4 KB.
 * Each run stays under MEMORY_CAP_MIB, measured by the child process itself (its peak RSS, worker
 * threads included).
 */
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runCliMeasured } from './support/cli.ts';
import { filledReport, unit } from './support/hostile.ts';

/** The memory every run below stays under: the child's own peak RSS (about 100 MiB is Node, the command and its two reading workers). */
const MEMORY_CAP_MIB = 256;
const ROWS = 1_000_000;

let dir = '';
let reports = '';
let million = '';
let openQuote = '';

/** Writes `rows` rows of unit codes no registry has (`X1000000` …), received 15/06/2021, in 1 MB pieces. */
function writeRegister(path: string, rows: number): void {
  const fd = openSync(path, 'w');
  try {
    let text = 'unit_code,received_on\n';
    for (let i = 0; i < rows; i++) {
      text += `X${1_000_000 + i},15/06/2021\n`;
      if (text.length > 1_000_000) {
        writeSync(fd, text);
        text = '';
      }
    }
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-register-'));
  reports = join(dir, 'bao-cao');
  mkdirSync(reports);
  writeFileSync(join(reports, '18070-2021-H1.xlsx'), await filledReport(unit('18070')));
  million = join(dir, 'so-nhan-1m.csv');
  writeRegister(million, ROWS);
  // A quote opened on line 2 and never closed, then 50 MB of text.
  openQuote = join(dir, 'so-nhan-ngoac.csv');
  writeFileSync(openQuote, `unit_code,received_on\n18070,"2021-06-15${'x'.repeat(50 * 1024 * 1024)}`);
  // The command line's bundle is built once here, not inside a measured run.
  runCli(['check', join(dir, 'khong-co.xlsx')]);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const consolidate = (out: string, ...extra: string[]): string[] => ['consolidate', reports, '--period', '2021-H1', '--out', join(dir, out, 'th.xlsx'), '--quiet', ...extra];

describe('a register of a million rows', () => {
  it('is 20 MB, as built', () => {
    expect(readFileSync(million).length).toBe(22 + ROWS * 20);
  });

  it('default limits: refused from its size on disk, before reading, nothing written', () => {
    const run = runCliMeasured(consolidate('a', '--received', million));
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'LỖI      so-nhan-1m.csv — Tệp "so-nhan-1m.csv" có dung lượng 20000022 byte, vượt giới hạn 10485760 byte; tệp không được đọc. Nâng giới hạn bằng --max-received-size nếu tệp đáng tin cậy.\n',
    );
    expect(readdirSync(dir)).not.toContain('a');
    expect(run.peakRssMiB).toBeLessThan(MEMORY_CAP_MIB);
  }, 120_000);

  it('size limit raised: refused at the first row over --max-received-rows (default 100000)', () => {
    const run = runCliMeasured(consolidate('b', '--received', million, '--max-received-size', '64M', '--lang', 'en'));
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('ERROR    so-nhan-1m.csv — The received-date register has more than 100000 rows, over the limit (--max-received-rows); it is not read.\n');
    expect(run.peakRssMiB).toBeLessThan(MEMORY_CAP_MIB);
  }, 120_000);

  it('both limits raised: read to the end, summarised in one finding with the count and the first rows', () => {
    const run = runCliMeasured(consolidate('c', '--received', million, '--max-received-size', '64M', '--max-received-rows', '2000000', '--json', join(dir, 'c', 'th.json')));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.peakRssMiB).toBeLessThan(MEMORY_CAP_MIB);
    const json = JSON.parse(readFileSync(join(dir, 'c', 'th.json'), 'utf8')) as { findings: { code: string; severity: string; file?: string; cell?: string; message: { vi: string; en: string } }[] };
    const register = json.findings.filter((f) => f.file === 'so-nhan-1m.csv');
    expect(register.map((f) => [f.severity, f.code, f.cell])).toEqual([['warning', 'received-unknown-unit', 'A2']]);
    expect(register[0]?.message.vi).toBe(
      'Sổ theo dõi nhận báo cáo có 1000000 dòng ghi mã đơn vị không có trong danh mục đơn vị; bỏ qua các dòng này: dòng 2 ("X1000000"), dòng 3 ("X1000001"), dòng 4 ("X1000002"), dòng 5 ("X1000003"), dòng 6 ("X1000004") và 999995 dòng khác.',
    );
    expect(json.findings.filter((f) => f.code === 'received-unknown-unit')).toHaveLength(1);
  }, 120_000);
});

describe('a quote never closed, 50 MB long', () => {
  it('stops reading after 4 KB: one error naming the line', () => {
    const run = runCliMeasured(consolidate('d', '--received', openQuote, '--max-received-size', '64M'));
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'LỖI      so-nhan-ngoac.csv — Dòng 2: một ô dài hơn 4096 ký tự (có lẽ dấu ngoặc kép mở ở đây không được đóng); không đọc được sổ theo dõi.\n',
    );
    expect(run.peakRssMiB).toBeLessThan(MEMORY_CAP_MIB);
  }, 120_000);
});

describe('the register limit options', () => {
  it('reject values that are not sizes or counts', () => {
    const run = runCli(consolidate('e', '--received', million, '--max-received-rows', 'nhiều', '--max-received-size', '0'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Giá trị "0" của --max-received-size không hợp lệ; cần một dung lượng dương, ví dụ 50M hoặc 1048576.');
    expect(run.stderr).toContain('Giá trị "nhiều" của --max-received-rows không hợp lệ; cần một số nguyên dương.');
  }, 120_000);
});
