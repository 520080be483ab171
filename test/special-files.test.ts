/**
 * Files that are not regular files (issue 18): `z.xlsx`, a symbolic link to /dev/zero, used to be
 * read until memory ran out (2.8 GB in 15 s); a FIFO named `.xlsx` hung for ever. Anything that
 * is not a regular file after following links is refused with a finding naming it — as a report,
 * as `--plan`, `--units`, `--received` or `--compare` — and a folder scan says which entries it
 * skipped. Each run must end on its own: the spawn's timeout kills a hung one (the run then has
 * no exit status and the test fails). Needs `mkfifo` and /dev/zero (Linux, macOS).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hatinh2021, hatinhCity2020 } from '@cchc-kpi/core';
import { forEachChunk } from '../packages/cli/src/io/read-file.ts';
import { processFile } from '../packages/cli/src/pipeline.ts';
import { runCli } from './support/cli.ts';
import { filledReport, period, unit } from './support/hostile.ts';

const haveFifo = process.platform !== 'win32' && existsSync('/dev/zero') && spawnSync('mkfifo', ['--version']).error === undefined;
if (!haveFifo) console.warn('skipped: special-file tests need mkfifo and /dev/zero (Linux or macOS)');

let dir = '';
let reports = '';
let zero = '';
let fifo = '';

beforeAll(async () => {
  if (!haveFifo) return;
  dir = mkdtempSync(join(tmpdir(), 'cchc-special-'));
  reports = join(dir, 'bao-cao');
  mkdirSync(reports);
  writeFileSync(join(reports, '18070-2021-H1.xlsx'), await filledReport(unit('18070')));
  zero = join(reports, 'z.xlsx');
  symlinkSync('/dev/zero', zero);
  fifo = join(reports, 'ong.xlsx');
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  symlinkSync(join(dir, 'khong-con.xlsx'), join(reports, 'gay.xlsx'));
});

afterAll(() => {
  if (!haveFifo) return;
  // A FIFO wrongly opened for reading would still wait for a writer: release it before removing.
  try {
    closeSync(openSync(fifo, 'r+'));
  } catch {
    // not there
  }
  rmSync(dir, { recursive: true, force: true });
});

const context = { plan: hatinh2021, units: hatinhCity2020.units };

describe.skipIf(!haveFifo)('a report that is not a regular file', () => {
  it('a link to /dev/zero and a FIFO are refused, naming what they are (in-process)', async () => {
    const [z, f] = await Promise.all([processFile(zero, context, period()), processFile(fifo, context, period())]);
    expect(z.findings.map((x) => [x.severity, x.code, x.file, x.message.vi])).toEqual([
      ['error', 'file-not-regular', 'z.xlsx', '"z.xlsx" không phải tệp thông thường mà là một thiết bị (character device) (qua một liên kết tượng trưng); không đọc. Hãy chọn đúng tệp.'],
    ]);
    expect(f.findings.map((x) => [x.severity, x.code, x.file, x.message.en])).toEqual([
      ['error', 'file-not-regular', 'ong.xlsx', '"ong.xlsx" is not a regular file but a named pipe (FIFO); not read. Choose the right file.'],
    ]);
  }, 30_000);

  it('cchc check names both and goes on with the good report (exit 1)', () => {
    const run = runCli(['check', zero, fifo, join(reports, '18070-2021-H1.xlsx')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('LỖI      z.xlsx — "z.xlsx" không phải tệp thông thường mà là một thiết bị (character device)');
    expect(run.stdout).toContain('LỖI      ong.xlsx — "ong.xlsx" không phải tệp thông thường mà là một đường ống (FIFO)');
    expect(run.stdout).toContain('18070-2021-H1.xlsx: ');
    expect(run.stdout).not.toContain('LỖI      18070-2021-H1.xlsx');
  }, 60_000);

  it('a folder scan skips them, and the broken link, and says so (consolidate, check)', () => {
    const run = runCli(['consolidate', reports, '--period', '2021-H1', '--out', join(dir, 'out', 'th.xlsx'), '--json', '-', '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { totals: { received: number }; findings: { severity: string; code: string; file?: string; message: { vi: string } }[] };
    expect(json.totals.received).toBe(1);
    expect(json.findings.filter((f) => f.code === 'file-skipped').map((f) => [f.severity, f.file, f.message.vi])).toEqual([
      // The CLI's one wording of the system's error, never its code (issue p1 F).
      ['warning', 'gay.xlsx', 'Bỏ qua gay.xlsx: không phải tệp thông thường mà là một liên kết tượng trưng hỏng (không tìm thấy tệp hoặc thư mục).'],
      ['warning', 'ong.xlsx', 'Bỏ qua ong.xlsx: không phải tệp thông thường mà là một đường ống (FIFO).'],
      ['warning', 'z.xlsx', 'Bỏ qua z.xlsx: không phải tệp thông thường mà là một thiết bị (character device).'],
    ]);
    const check = runCli(['check', reports, '--lang', 'en']);
    expect(check.status).toBe(0);
    expect(check.stderr.split('\n').filter(Boolean)).toEqual([
      'WARNING  gay.xlsx — Skipped gay.xlsx: not a regular file but a broken symbolic link (no such file or folder).',
      'WARNING  ong.xlsx — Skipped ong.xlsx: not a regular file but a named pipe (FIFO).',
      'WARNING  z.xlsx — Skipped z.xlsx: not a regular file but a device (character device).',
    ]);
  }, 120_000);
});

describe.skipIf(!haveFifo)('other inputs that are not regular files', () => {
  it.each([
    ['--plan', () => ['check', join(reports, '18070-2021-H1.xlsx'), '--plan', zero]],
    ['--units', () => ['check', join(reports, '18070-2021-H1.xlsx'), '--units', fifo]],
    ['--received', () => ['consolidate', reports, '--period', '2021-H1', '--out', join(dir, 'o1', 'th.xlsx'), '--received', fifo]],
    ['--compare', () => ['consolidate', reports, '--period', '2021-H1', '--out', join(dir, 'o2', 'th.xlsx'), '--compare', zero]],
  ])('%s is refused (exit 2), nothing written', (_flag, args) => {
    const run = runCli(args());
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^LỖI {6}(z|ong)\.xlsx — "(z|ong)\.xlsx" không phải tệp thông thường mà là (một thiết bị \(character device\) \(qua một liên kết tượng trưng\)|một đường ống \(FIFO\)); không đọc\. Hãy chọn đúng tệp\.\n$/);
    expect(existsSync(join(dir, 'o1'))).toBe(false);
    expect(existsSync(join(dir, 'o2'))).toBe(false);
  }, 60_000);
});

describe.skipIf(!haveFifo)('reading never goes past its cap, whatever the size on disk says', () => {
  it('an endless device read with a 1 MiB cap stops just past 1 MiB', async () => {
    const handle = await open('/dev/zero', 'r');
    try {
      let bytes = 0;
      const end = await forEachChunk(handle, 1024 * 1024, (chunk) => {
        bytes += chunk.length;
        return true;
      });
      expect(end).toBe('over');
      expect(bytes).toBe(1024 * 1024);
    } finally {
      await handle.close();
    }
  });
});
