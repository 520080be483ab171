/**
 * Output paths and operating-system errors, as a new user met them on a clean clone of main
 * (issue p1 D, E, F): a temporary file that made a valid name too long, a stack trace for a
 * folder name too long, outputs written before a later one failed, system error codes
 * (`ENOENT`) in messages. Every output is checked before anything is read; every operating-system
 * error is explained in Vietnamese and English with exit 2, in the one wording the command line
 * has for it.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.ts';
import { filledReport, unit } from './support/hostile.ts';

let dir = '';
let reports = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-output-paths-'));
  reports = join(dir, 'bao-cao');
  mkdirSync(reports);
  writeFileSync(join(reports, '18070-2021-H1.xlsx'), await filledReport(unit('18070')));
  writeFileSync(join(reports, '18073-2021-H1.xlsx'), await filledReport(unit('18073')));
});
afterAll(() => {
  if (ro && process.getuid?.() !== 0) chmodSync(ro, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

/** A folder that refuses new files: a read-only folder, or for root (who may write anywhere) /sys. */
let ro = '';
function readOnlyFolder(): string {
  if (ro) return ro;
  if (process.getuid?.() === 0) ro = '/sys';
  else {
    ro = join(dir, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
  }
  return ro;
}

const consolidate = (...args: string[]) => runCli(['consolidate', reports, '--period', '2021-H1', ...args]);
const noStack = (text: string): void => {
  expect(text).not.toMatch(/\n\s+at |unexpected error|Lỗi không mong đợi/);
};

describe('long names (issue p1 D)', () => {
  it('writes an output whose 245-byte name the file system accepts (the temporary file no longer adds to it)', () => {
    const out = join(dir, 'long');
    const name = `${'đ'.repeat(120)}.xlsx`;
    expect(Buffer.byteLength(name)).toBe(245);
    const run = consolidate('--out', join(out, name), '--json', join(out, `${'j'.repeat(250)}.json`), '--quiet');
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([`${'j'.repeat(250)}.json`, name]);
  });

  it('explains a name over 255 bytes before reading anything, in both languages, exit 2', () => {
    const name = `${'đ'.repeat(130)}.xlsx`; // 265 bytes
    const run = consolidate('--out', join(dir, 'long2', name));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`Không ghi được ${join(dir, 'long2', name)} (tên "${'đ'.repeat(24)}…" dài 265 byte): tên tệp hoặc đường dẫn quá dài. Hãy đặt tên ngắn hơn`);
    expect(run.stderr).not.toContain('Đọc báo cáo');
    expect(existsSync(join(dir, 'long2'))).toBe(false);
    const en = consolidate('--out', join(dir, 'long2', name), '--lang', 'en');
    expect(en.stderr).toContain('(the name "');
    expect(en.stderr).toContain('is 265 bytes long): the file name or path is too long. Use a shorter name');
    noStack(run.stderr);
  });

  it('template --out <a 300-character folder>: one message for the seventeen forms, exit 2, no stack trace', () => {
    const folder = join(dir, 'd'.repeat(300));
    const run = runCli(['template', '--all', '--period', '2021-H1', '--out', folder]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      `Không ghi được ${join(folder, '18070-2021-H1.xlsx')} (tên "${'d'.repeat(24)}…" dài 300 byte) (và 16 tệp khác cùng chỗ): tên tệp hoặc đường dẫn quá dài. Hãy đặt tên ngắn hơn (mỗi tên tệp hoặc thư mục tối đa 255 byte) hoặc chọn thư mục gần gốc ổ đĩa hơn.`,
    ]);
    noStack(run.stderr);
  });
});

describe('every output checked before anything is read (issue p1 E)', () => {
  it('--out ok/a.xlsx --json ok/a.json --html ro/b.html: exit 2 at once, nothing written, no rerun needs --force', () => {
    const ok = join(dir, 'ok');
    const html = join(readOnlyFolder(), 'b.html');
    const run = consolidate('--out', join(ok, 'a.xlsx'), '--json', join(ok, 'a.json'), '--html', html);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`Không ghi được ${html}: không có quyền truy cập. Hãy chọn thư mục khác hoặc xin quyền ghi vào thư mục này.\n`);
    expect(existsSync(ok)).toBe(false);
    // Fixed: the same command, without --force, writes everything.
    const again = consolidate('--out', join(ok, 'a.xlsx'), '--json', join(ok, 'a.json'), '--html', join(ok, 'b.html'), '--quiet');
    expect(again.status, again.stderr).toBe(0);
    expect(readdirSync(ok).sort()).toEqual(['a.json', 'a.xlsx', 'b.html']);
  });

  it('a folder of feedback workbooks that refuses them is one message naming how many', () => {
    const run = consolidate('--out', join(dir, 'fb', 'a.xlsx'), '--feedback', join(readOnlyFolder(), 'phan-hoi'), '--lang', 'en');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^Could not write .*phan-hoi\/18070-2021-H1-phan-hoi\.xlsx \(and 16 more files there\): (permission denied|operation not permitted)\. Choose another folder, or get the right to write in this one\.\n$/);
  });

  it('--docx in a folder that refuses it: said before reading, exit 2, nothing written', () => {
    const ok = join(dir, 'ok-docx');
    const docx = join(readOnlyFolder(), 'bao-cao.docx');
    const run = consolidate('--out', join(ok, 'a.xlsx'), '--docx', docx, '--lang', 'en');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^Could not write .*\/bao-cao\.docx: (permission denied|operation not permitted)\. Choose another folder, or get the right to write in this one\.\n$/);
    expect(run.stderr).toContain(`Could not write ${docx}:`);
    expect(run.stderr).not.toContain('Reading reports');
    expect(existsSync(ok)).toBe(false);
  });

  it('cchc report --docx: the output checked before the form is read, exit 2, nothing written', () => {
    const form = join(reports, '18070-2021-H1.xlsx');
    const docx = join(readOnlyFolder(), 'tran-phu.docx');
    const run = runCli(['report', form, '--docx', docx]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^Không ghi được .*tran-phu\.docx: (không có quyền truy cập|không được phép thao tác)\. Hãy chọn thư mục khác hoặc xin quyền ghi vào thư mục này\.\n$/);
    const long = join(dir, 'report-long', `${'đ'.repeat(130)}.docx`);
    const tooLong = runCli(['report', form, '--docx', long]);
    expect(tooLong.status).toBe(2);
    expect(tooLong.stderr).toContain('dài 265 byte): tên tệp hoặc đường dẫn quá dài.');
    expect(existsSync(join(dir, 'report-long'))).toBe(false);
    // Written atomically where it can be: only the document, no temporary file left.
    const fine = join(dir, 'report-ok', 'tran-phu.docx');
    const written = runCli(['report', form, '--docx', fine]);
    expect(written.status, written.stderr).toBe(0);
    expect(readdirSync(join(dir, 'report-ok'))).toEqual(['tran-phu.docx']);
  });

  it('--json /proc/x.json: this folder takes no new files (not "no such file or folder")', () => {
    const run = consolidate('--out', join(dir, 'proc', 'a.xlsx'), '--json', '/proc/x.json');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('Không ghi được /proc/x.json: thư mục này không cho tạo tệp (thư mục đặc biệt của hệ thống). Hãy chọn thư mục khác.\n');
  });

  it('an existing output without --force, and a folder given as the output, are said before reading', () => {
    const out = join(dir, 'exists');
    mkdirSync(join(out, 'b.html'), { recursive: true });
    writeFileSync(join(out, 'a.xlsx'), 'keep');
    const run = consolidate('--out', join(out, 'a.xlsx'), '--html', join(out, 'b.html'));
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      `Không ghi được ${join(out, 'b.html')}: đây là thư mục, không phải tệp. Hãy ghi tên tệp, không phải tên thư mục.`,
      `Tệp ${join(out, 'a.xlsx')} đã có; thêm --force để ghi đè.`,
    ]);
  });
});

describe('system errors in the one wording of the command line (issue p1 F)', () => {
  it.each([
    ['--compare', ['--compare', 'khong-co.json'], 'khong-co.json'],
    ['--received', ['--received', 'khong-co.csv'], 'khong-co.csv'],
    ['--plan', ['--plan', 'khong-co-plan.json'], 'khong-co-plan.json'],
  ])('%s naming a missing file', (_flag, args, file) => {
    const run = consolidate('--out', join(dir, 'missing', 'a.xlsx'), ...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`LỖI      ${file} — Không đọc được tệp ${file}: không tìm thấy tệp hoặc thư mục. Hãy kiểm tra lại đường dẫn.\n`);
    const en = consolidate('--out', join(dir, 'missing', 'a.xlsx'), ...args, '--lang', 'en');
    expect(en.stderr).toBe(`ERROR    ${file} — Could not read file ${file}: no such file or folder. Check the path.\n`);
    expect(`${run.stderr}${en.stderr}`).not.toMatch(/\bE(?!RROR\b)[A-Z]{3,}\b/);
  });
});

describe('what is being written is shown (issue p1 K)', () => {
  it('one line per output and a progress line for the feedback workbooks after the reading, none with --quiet', () => {
    const out = join(dir, 'shown');
    const run = consolidate('--out', join(out, 'a.xlsx'), '--json', join(out, 'a.json'), '--html', join(out, 'b.html'), '--docx', join(out, 'b.docx'), '--feedback', join(out, 'phan-hoi'));
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stderr.trim().split('\n');
    const read = lines.findIndex((l) => l.startsWith('Đọc báo cáo: 2/2 (100%)'));
    expect(read).toBeGreaterThanOrEqual(0);
    const after = lines.slice(read + 1);
    expect(after.slice(0, 4)).toEqual([
      `Ghi sổ tổng hợp: ${join(out, 'a.xlsx')}…`,
      `Ghi tệp JSON: ${join(out, 'a.json')}…`,
      `Ghi báo cáo HTML: ${join(out, 'b.html')}…`,
      `Ghi báo cáo Word: ${join(out, 'b.docx')}…`,
    ]);
    const feedback = after.slice(4, -1);
    expect(feedback.length).toBeGreaterThan(0);
    expect(feedback.every((l) => l.startsWith('Ghi phiếu phản hồi: '))).toBe(true);
    expect(feedback.at(-1)).toMatch(/^Ghi phiếu phản hồi: 17\/17 \(100%\)/);
    expect(after.at(-1)).toMatch(/^Kỳ 2021-H1: đã nhận 2\/17 đơn vị/);
    const quiet = consolidate('--out', join(out, 'q.xlsx'), '--html', join(out, 'q.html'), '--quiet');
    expect(quiet.stderr).toBe('');
  });
});
