/** The `cchc` commands as an officer runs them: exit codes, JSON shapes, refusals. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hatinh2021, hatinhCity2020 } from '@cchc-kpi/core';
import { fillTemplate } from '@cchc-kpi/examples/fill-template';
import { repoRoot, runCli } from './support/cli.ts';

let dir = '';
let good = '';
let bad = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-cli-'));
  const forms = join(dir, 'forms');
  const run = runCli(['template', '--all', '--period', '2021-Q2', '--out', forms, '--quiet']);
  expect(run.status).toBe(0);
  const template = new Uint8Array(readFileSync(join(forms, '18076-2021-Q2.xlsx')));
  const figures = {
    CT1: { numerator: 1, denominator: 1 },
    CT2b: { numerator: 1, denominator: 1 },
    CT3a: { numerator: 200, denominator: 200 },
    CT3b: { numerator: 1, denominator: 1 },
    CT4a: { numerator: 120, denominator: 120 },
    CT4b: { numerator: 0, denominator: 0 },
    CT5a: { value: 2 },
    CT5b: { value: 'Có', evidence: 'Báo cáo 5/BC-UBND' },
  };
  const activity = { date: new Date(Date.UTC(2021, 4, 4)), theme: 'ND7', form: 'HT5', title: 'Hướng dẫn DVC trực tuyến', evidence: 'Ảnh' };
  mkdirSync(join(dir, 'in'));
  good = join(dir, 'in', '18076-2021-Q2.xlsx');
  writeFileSync(good, await fillTemplate(template, { submittedOn: new Date(Date.UTC(2021, 5, 16)), indicators: figures, activities: [activity] }));
  bad = join(dir, 'in', 'bad.xlsx');
  writeFileSync(bad, await fillTemplate(template, { indicators: { ...figures, CT3a: { numerator: 210, denominator: 200 } }, activities: [activity] }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cchc template', () => {
  it('writes one form per unit, named <GSO code>-<period>.xlsx', () => {
    const names = readdirSync(join(dir, 'forms')).sort();
    expect(names).toEqual(hatinhCity2020.units.map((u) => `${u.code}-2021-Q2.xlsx`).sort());
  });
  it('refuses to overwrite without --force, and an unknown unit', () => {
    expect(runCli(['template', '--unit', '18070', '--period', '2021-Q2', '--out', join(dir, 'forms')]).status).toBe(2);
    expect(runCli(['template', '--unit', '18070', '--period', '2021-Q2', '--out', join(dir, 'forms'), '--force', '--quiet']).status).toBe(0);
    const unknown = runCli(['template', '--unit', '99999', '--period', '2021-Q2', '--out', join(dir, 'x')]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('99999');
  });
});

describe('cchc check', () => {
  it('exits 0 on a clean report and prints the JSON entry', () => {
    const run = runCli(['check', good, '--json']);
    expect(run.status).toBe(0);
    const [entry] = JSON.parse(run.stdout);
    expect(entry).toMatchObject({ file: '18076-2021-Q2.xlsx', unit: '18076', period: '2021-Q2' });
    expect(entry.indicators.CT3a).toMatchObject({ numerator: 200, denominator: 200, value: null, typedPercent: null });
    expect(entry.indicators.CT5a).toMatchObject({ numerator: null, denominator: null, value: 2 });
    expect(entry.indicators.CT5b.value).toBe(true);
    expect(Object.keys(entry.indicators)).toEqual(hatinh2021.indicators.map((i) => i.code));
  });
  it('exits 1 when a report has errors, naming the cell in Vietnamese', () => {
    const run = runCli(['check', bad]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/F\d+.*210 lớn hơn mẫu số 200/);
  });
  it('exits 1 for a file that is not a workbook, 2 when it cannot run', () => {
    const junk = join(dir, 'junk.xlsx');
    writeFileSync(junk, 'not a zip');
    expect(runCli(['check', junk]).status).toBe(1);
    expect(runCli(['check', join(dir, 'nope.xlsx')]).status).toBe(2);
    expect(runCli(['check', good, '--period', '2021-Q9']).status).toBe(2);
  });
});

describe('cchc score', () => {
  it('adds the scores of both profiles and the band', () => {
    const run = runCli(['score', good, '--json']);
    expect(run.status).toBe(0);
    const entries = JSON.parse(run.stdout) as unknown[];
    expect(entries).toHaveLength(1); // one array entry per file, like check --json
    const entry = entries[0] as any;
    // Every applicable indicator met but CT5b: its evidence "Báo cáo 5/BC-UBND" has no date, so it is
    // not evidence and CT5b is not met: Σw = 80, Σ(w×c) = 70 → 60 × 70/80 = 52.5; themes ND7 → 15 × 1/7
    // = 2.14; forms HT5 → 15 × 1/5 = 3; submitted 16/06/2021, before the 2021-Q2 deadline (cut-off
    // 14/06 + 6 days = 20/06) → 10. Total 67.64, band Yếu (< 70). (75.14, Trung bình, when any text counted.)
    expect(entry.onTime).toBe(true);
    expect(entry.score).toBeCloseTo(67.64, 2);
    expect(entry.band.vi).toBe('Yếu');
    expect(entry.indicators.CT5b.status).toBe('notMet');
    expect(entry.findings.filter((f: any) => f.code.includes('evidence')).map((f: any) => f.code)).toEqual(['evidence-unrecognised', 'activity-evidence-unrecognised']);
    expect(Object.keys(entry.scores)).toEqual(['general-100', 'communication-2', 'communication-2-graded']);
    // Xuân Lộc: each part needs an activity with evidence, and "Ảnh" names no document, link or file → 0 + 0
    // (1.5 when any text counted: all 7 met → 1; a traditional form → 0.5). The graded profile too.
    expect(entry.scores['communication-2'].score).toBe(0);
    expect(entry.scores['communication-2-graded'].score).toBe(0);
  });
});

describe('cchc consolidate guards', () => {
  it('refuses an existing output without --force and an output that is an input', () => {
    const out = join(dir, 'out.xlsx');
    writeFileSync(out, 'keep me');
    const refused = runCli(['consolidate', join(dir, 'in'), '--period', '2021-Q2', '--out', out]);
    expect(refused.stderr).toContain('--force');
    expect(refused.status).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(runCli(['consolidate', join(dir, 'in'), '--period', '2021-Q2', '--out', good, '--force']).status).toBe(2);
  });
  it('goes on past a bad file and writes the JSON to stdout with --json -', () => {
    writeFileSync(join(dir, 'in', 'broken.xlsx'), 'PK\u0003\u0004 truncated');
    const out = join(dir, 'q2.xlsx');
    const run = runCli(['consolidate', join(dir, 'in'), '--period', '2021-Q2', '--out', out, '--json', '-', '--quiet']);
    expect(run.status).toBe(0);
    expect(existsSync(out)).toBe(true);
    const json = JSON.parse(run.stdout);
    expect(json.totals.received).toBe(1);
    expect(json.findings.some((f: { file?: string; severity: string }) => f.file === 'broken.xlsx' && f.severity === 'error')).toBe(true);
    expect(json.findings.some((f: { code: string }) => f.code === 'duplicate-report')).toBe(true);
    rmSync(join(dir, 'in', 'broken.xlsx'));
  });
  it('writes every file before the JSON on stdout, so a reader that stops early (| head) loses none', () => {
    const out = join(dir, 'piped');
    mkdirSync(out, { recursive: true });
    // 15 units' JSON is far larger than a pipe's buffer: the command meets the closed pipe.
    const cli = ['node', join(repoRoot, 'packages/cli/bin/cchc.js'), 'consolidate', join(dir, 'in'), '--period', '2021-Q2', '--out', join(out, 'a.xlsx'), '--json', '-', '--csv', join(out, 'a.csv'), '--html', join(out, 'a.html'), '--quiet'];
    const quoted = cli.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const run = spawnSync('bash', ['-c', `${quoted} | head -c 1 >/dev/null; echo "status=\${PIPESTATUS[0]}"`], { encoding: 'utf8', timeout: 120_000 });
    expect(run.stdout.trim()).toBe('status=0');
    expect(readdirSync(out).sort()).toEqual(['a-phat-hien.csv', 'a.csv', 'a.html', 'a.xlsx']);
  });
  const systemErrors: Array<[string, (out: string) => { args: string[]; shell?: string }, RegExp]> = [
    ['stdout on a full disk (> /dev/full)', (out) => ({ args: ['--out', join(out, 'f.xlsx'), '--json', '-'], shell: ' > /dev/full' }), /ổ đĩa đã đầy[\s\S]*the disk is full/],
    // Found before anything is read (the output checks), in the language asked for.
    ['a JSON path through a file', (out) => ({ args: ['--out', join(out, 'z.xlsx'), '--json', join(out, 'afile', 'z.json')] }), /^Không ghi được .*afile\/z\.json: một phần của đường dẫn không phải thư mục\. Hãy kiểm tra lại đường dẫn\.\n$/],
    ['a JSON path through a file (--lang en)', (out) => ({ args: ['--out', join(out, 'z.xlsx'), '--json', join(out, 'afile', 'z.json'), '--lang', 'en'] }), /^Could not write .*afile\/z\.json: part of the path is not a folder\. Check the path\.\n$/],
  ];
  for (const [label, make, message] of systemErrors) {
    it(`explains an operating-system error in both languages, exit 2, no stack trace: ${label}`, () => {
      const out = mkdtempSync(join(dir, 'os-'));
      writeFileSync(join(out, 'afile'), '');
      const { args, shell = '' } = make(out);
      const cli = ['node', join(repoRoot, 'packages/cli/bin/cchc.js'), 'consolidate', join(dir, 'in'), '--period', '2021-Q2', ...args, '--quiet'];
      const quoted = cli.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
      const run = spawnSync('bash', ['-c', `${quoted}${shell}`], { encoding: 'utf8', timeout: 120_000 });
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    });
  }
  it('skips its own earlier output found among the inputs, with a notice', () => {
    const out = join(dir, 'in', 'tong-hop.xlsx');
    expect(runCli(['consolidate', join(dir, 'in'), '--period', '2021-Q2', '--out', out, '--quiet']).status).toBe(0);
    const again = runCli(['consolidate', join(dir, 'in'), '--period', '2021-Q2', '--out', out, '--force', '--json', '-', '--quiet']);
    expect(again.status).toBe(0);
    const json = JSON.parse(again.stdout);
    expect(json.findings.some((f: { code: string; file?: string }) => f.code === 'file-skipped' && f.file === 'tong-hop.xlsx')).toBe(true);
    expect(json.totals.received).toBe(1);
    rmSync(out);
  });
  it('does not count an untouched form as received, warns about subfolders, reads a file named twice once', () => {
    const dir2 = join(dir, 'mixed');
    mkdirSync(join(dir2, 'nam-truoc'), { recursive: true });
    writeFileSync(join(dir2, '18073-2021-Q2.xlsx'), readFileSync(join(dir, 'forms', '18073-2021-Q2.xlsx')));
    writeFileSync(join(dir2, '18076-2021-Q2.xlsx'), readFileSync(good));
    const run = runCli(['consolidate', dir2, join(dir2, '18076-2021-Q2.xlsx'), '--period', '2021-Q2', '--out', join(dir, 'mixed.xlsx'), '--json', '-', '--quiet']);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.totals.received).toBe(1);
    const codes = json.findings.map((f: { code: string; file?: string; severity: string }) => [f.severity, f.code, f.file]);
    expect(codes).toContainEqual(['error', 'report-empty', '18073-2021-Q2.xlsx']);
    expect(codes).toContainEqual(['warning', 'file-skipped', 'nam-truoc']);
    expect(codes.filter((c: string[]) => c[1] === 'duplicate-report')).toEqual([]);
  });
});

describe('plan year and file names', () => {
  it('refuses forms for a period outside the plan year', () => {
    const run = runCli(['template', '--unit', '18070', '--period', '2022-H1', '--out', join(dir, 'y2022')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('không thuộc năm 2021');
  });
  it('warns when the file name carries another unit code than the form inside', () => {
    const renamed = join(dir, '18079-2021-Q2.xlsx');
    writeFileSync(renamed, readFileSync(good));
    const run = runCli(['check', renamed, '--json']);
    const [entry] = JSON.parse(run.stdout);
    expect(entry.unit).toBe('18076');
    expect(entry.findings.map((f: { code: string }) => f.code)).toContain('file-name-unit-mismatch');
  });
});

