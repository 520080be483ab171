/**
 * `cchc consolidate` reads files in a worker pool: the consolidated JSON must be the same byte for
 * byte whatever the number of workers and whichever way the built CLI was started (bin/cchc.js,
 * the command pnpm links into node_modules/.bin, Node flags workers refuse), and Ctrl-C must stop
 * a run without writing anything.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureReports } from './bench/generate.ts';
import { repoRoot, runCli } from './support/cli.ts';
import { oleFile } from './support/hostile.ts';

let dir = '';
let reports = '';
let unitsFile = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-workers-'));
  // Eighteen filled agency reports (about a hundred activities each, one unit in forty with an error)…
  const set = await ensureReports(dir, 18);
  reports = set.reportsDir;
  unitsFile = set.unitsFile;
  // …plus a second report of one unit (the duplicate rule must pick the same one either way),
  // a damaged file and a file that is not a workbook.
  const first = readdirSync(reports).sort()[0]!;
  copyFileSync(join(reports, first), join(reports, `z-${first}`));
  writeFileSync(join(reports, 'hong.xlsx'), 'PK\u0003\u0004 truncated');
  writeFileSync(join(reports, 'ghi-chu.txt'), 'not a report');
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function consolidateJson(workers: number): { status: number | null; stdout: string; stderr: string } {
  return runCli(['consolidate', reports, '--period', '2021-H1', '--units', unitsFile, '--out', join(dir, `out-${workers}.xlsx`), '--json', '-', '--quiet', '--force', '--workers', String(workers)]);
}

describe('consolidate with a worker pool', () => {
  it('gives byte-identical JSON with 1 and 2 workers', () => {
    const one = consolidateJson(1);
    const two = consolidateJson(2);
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const json = JSON.parse(one.stdout);
    expect(json.totals.received).toBe(18);
    expect(json.findings.some((f: { code: string }) => f.code === 'duplicate-report')).toBe(true);
    expect(json.findings.some((f: { file?: string; severity: string }) => f.file === 'hong.xlsx' && f.severity === 'error')).toBe(true);
    expect(json.findings.some((f: { code: string }) => f.code === 'read-internal-error')).toBe(false);
  });

  // The built command line, as run by bin/cchc.js and by the link pnpm makes to it (pnpm exec cchc).
  const launches: Array<[string, string[], string]> = [
    ['starts its workers when launched through the link in node_modules/.bin (pnpm exec cchc)', [], 'node_modules/.bin/cchc'],
    ['starts its workers when Node runs with V8 flags workers refuse (node --max-old-space-size=… bin/cchc.js)', ['--max-old-space-size=2048'], 'packages/cli/bin/cchc.js'],
  ];
  let reference: string | undefined;
  launches.forEach(([label, nodeFlags, entry], i) => {
    it(label, () => {
      const args = ['consolidate', reports, '--period', '2021-H1', '--units', unitsFile, '--out', join(dir, `out-launch-${i}.xlsx`), '--json', '-', '--quiet', '--force', '--workers', '2'];
      const [command, argv] = nodeFlags.length === 0 ? [resolve(repoRoot, entry), args] : [process.execPath, [...nodeFlags, resolve(repoRoot, entry), ...args]];
      const run = spawnSync(command, argv, { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
      expect(run.status, run.stderr).toBe(0);
      reference ??= consolidateJson(1).stdout;
      expect(run.stdout).toBe(reference);
    });
  });

  it('refuses a worker count that is not a whole number from 1 to 256', () => {
    for (const bad of ['0', 'two']) expect(consolidateJson(bad as unknown as number).status).toBe(2);
  });
});

describe('Ctrl-C', () => {
  /** Waits until the text read so far from the child's stderr matches, or the child exits. */
  function waitFor(child: ChildProcess, text: () => string, pattern: RegExp): Promise<string> {
    return new Promise((done) => {
      const check = (): void => {
        if (pattern.test(text()) || child.exitCode !== null || child.signalCode !== null) {
          clearInterval(timer);
          done(text());
        }
      };
      const timer = setInterval(check, 20);
      check();
    });
  }

  // [workers, how many SIGINTs at once]: pnpm exec passes the terminal's Ctrl-C on, so the run gets two (issue p1 L).
  for (const [workers, signals] of [[1, 1], [2, 1], [2, 2]] as const) {
    it(`stops a run with ${workers} worker(s) cleanly on ${signals} SIGINT at once: exit 130, no output file, the closing line printed`, async () => {
      // An old .xls among the inputs, with --convert and a stand-in for LibreOffice that waits
      // until this test releases it: the run is certainly still reading when Ctrl-C comes,
      // without depending on timing. (A FIFO did this before issue 18; it is now refused unread.)
      const inputs = join(dir, `ctrl-c-${workers}-${signals}`);
      mkdirSync(inputs);
      const names = readdirSync(reports).filter((n) => n.startsWith('CQ')).sort().slice(0, 9);
      for (const name of names) copyFileSync(join(reports, name), join(inputs, name));
      const held = join(inputs, 'zz-cho.xls');
      writeFileSync(held, oleFile('Workbook'));
      const release = join(inputs, 'release');
      const soffice = join(inputs, 'soffice-cho.sh');
      // Waits for the release file, or until the test folder is gone (at most 60 s, so it never
      // outlives the test), then fails.
      writeFileSync(soffice, `#!/bin/sh\ni=0\nwhile [ -d '${inputs}' ] && [ ! -e '${release}' ] && [ $i -lt 1200 ]; do sleep 0.05; i=$((i+1)); done\nexit 1\n`, { mode: 0o755 });
      const out = join(dir, `ctrl-c-${workers}-${signals}.xlsx`);
      const json = join(dir, `ctrl-c-${workers}-${signals}.json`);
      const child = spawn(
        process.execPath,
        [resolve(repoRoot, 'packages/cli/bin/cchc.js'), 'consolidate', ...names.map((n) => join(inputs, n)), held, '--convert', '--period', '2021-H1', '--units', unitsFile, '--out', out, '--json', json, '--workers', String(workers)],
        { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CCHC_SOFFICE: soffice } },
      );
      let stderr = '';
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => (stderr += chunk));
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      try {
        // Every real report read (the last progress line says 9/10), the conversion still pending.
        expect(await waitFor(child, () => stderr, /9\/10/), stderr).toMatch(/9\/10/);
        for (let i = 0; i < signals; i++) child.kill('SIGINT');
        // The conversion waits until the run says it is stopping, so the run cannot finish first.
        expect(await waitFor(child, () => stderr, /Đang dừng theo yêu cầu/), stderr).toMatch(/Đang dừng theo yêu cầu/);
      } finally {
        writeFileSync(release, '');
      }
      expect(await exited, stderr).toBe(130);
      // The stand-in for LibreOffice, started by a worker now stopped, ends on its own.
      await new Promise((done) => setTimeout(done, 200));
      expect(spawnSync('pgrep', ['-f', soffice]).stdout?.toString().trim() ?? '').toBe('');
      expect(stderr.match(/Đang dừng theo yêu cầu/g)).toHaveLength(1);
      expect(stderr).toMatch(/Đã dừng theo yêu cầu; không ghi tệp kết quả nào\.\n$/);
      expect(existsSync(out)).toBe(false);
      expect(existsSync(json)).toBe(false);
      expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    }, 120_000);
  }

  it('while writing, lists exactly the outputs in place and leaves no temporary file (two SIGINTs at once)', async () => {
    // Ctrl-C once the HTML report is announced: the workbook is in place, the HTML being made.
    const out = join(dir, 'ctrl-c-writing');
    const child = spawn(
      process.execPath,
      [resolve(repoRoot, 'packages/cli/bin/cchc.js'), 'consolidate', reports, '--period', '2021-H1', '--units', unitsFile, '--out', join(out, 'a.xlsx'), '--html', join(out, 'b.html'), '--feedback', join(out, 'phan-hoi'), '--workers', '1'],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    expect(await waitFor(child, () => stderr, /Ghi báo cáo HTML/), stderr).toMatch(/Ghi báo cáo HTML/);
    child.kill('SIGINT');
    child.kill('SIGINT');
    expect(await exited, stderr).toBe(130);
    const last = stderr.trim().split('\n').at(-1) ?? '';
    const said = /^Đã dừng theo yêu cầu trong khi ghi; không để lại tệp ghi dở\. Đã ghi xong: (.*)\. Chưa ghi: (.*)\.$/.exec(last);
    expect(said, stderr).not.toBeNull();
    // What it says is in place is what is in place; the rest is said not written.
    const inPlace = readdirSync(out).filter((n) => n !== 'phan-hoi').map((n) => join(out, n));
    const feedback = existsSync(join(out, 'phan-hoi')) ? readdirSync(join(out, 'phan-hoi')) : [];
    expect(feedback.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const listed = [...inPlace.sort(), ...(feedback.length > 0 ? [`${feedback.length} phiếu phản hồi trong ${join(out, 'phan-hoi')}`] : [])];
    expect(said![1]).toBe(listed.join(', '));
    expect(said![1]).toContain(join(out, 'a.xlsx'));
    expect(said![2]).toContain('phiếu phản hồi');
  }, 120_000);
});
