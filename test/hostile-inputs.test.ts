/**
 * Broken, foreign and hostile report files (issue 6): each is recognised and explained by a
 * finding naming the file — in-process, through `cchc check` and through `cchc consolidate` —
 * the good report next to them is still consolidated, and no input is ever modified.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hatinh2021, hatinhCity2020, type Finding } from '@cchc-kpi/core';
import { processFile } from '../packages/cli/src/pipeline.ts';
import { readGrid } from '@cchc-kpi/xlsx';
import { runCli } from './support/cli.ts';
import { filledReport, hashTree, hostileCases, period, unit } from './support/hostile.ts';

const good = await filledReport(unit('18070'));
const cases = await hostileCases(good);
const context = { plan: hatinh2021, units: hatinhCity2020.units };

let dir = '';
let inputs = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-hostile-'));
  inputs = join(dir, 'bao-cao');
  mkdirSync(inputs);
  writeFileSync(join(inputs, '18070-2021-H1.xlsx'), good);
  for (const c of cases) writeFileSync(join(inputs, c.name), c.bytes);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const errorsOf = (findings: readonly Finding[]): Finding[] => findings.filter((f) => f.severity === 'error');

describe('each broken, foreign or hostile file gives one clear error naming it (in-process)', () => {
  for (const c of cases) {
    it(`${c.name} → ${c.code}`, async () => {
      const outcome = await processFile(join(inputs, c.name), context, period());
      expect(outcome.checked).toBeUndefined();
      const errors = errorsOf(outcome.findings);
      expect(errors.map((f) => f.code)).toEqual([c.code]);
      const [error] = errors as [Finding];
      expect(error.file).toBe(c.name);
      expect(error.message.vi).toContain(c.says);
      if (c.namesFile) {
        expect(error.message.vi).toContain(c.name);
        expect(error.message.en).toContain(c.name);
      }
      expect(error.message.vi).toBe(error.message.vi.normalize('NFC'));
    });
  }

  it('reads the good report next to them without an error', async () => {
    const outcome = await processFile(join(inputs, '18070-2021-H1.xlsx'), context, period());
    expect(outcome.checked?.unit?.code).toBe('18070');
    expect(errorsOf(outcome.findings)).toEqual([]);
  });
});

describe('limits given on the command line reach the reader', () => {
  const path = (): string => join(inputs, '18070-2021-H1.xlsx');
  it('file size: refused from its size on disk, before reading', async () => {
    const outcome = await processFile(path(), { ...context, limits: { maxFileBytes: 1000 } }, period());
    expect(outcome.findings.map((f) => [f.code, f.file])).toEqual([['file-too-large', '18070-2021-H1.xlsx']]);
    expect(outcome.findings[0]?.message.vi).toContain('--max-file-size');
  });
  it('zip entries, total uncompressed size: refused before inflating', async () => {
    const entries = await processFile(path(), { ...context, limits: { maxZipEntries: 3 } }, period());
    expect(errorsOf(entries.findings).map((f) => f.code)).toEqual(['zip-too-many-entries']);
    const inflated = await processFile(path(), { ...context, limits: { maxTotalUncompressedBytes: 10_000 } }, period());
    expect(errorsOf(inflated.findings).map((f) => f.code)).toEqual(['uncompressed-too-large']);
  });
  it('cells per sheet: each sheet read cut short with an error naming the sheet', async () => {
    const outcome = await processFile(path(), { ...context, limits: { maxCellsPerSheet: 10 } }, period());
    const cut = outcome.findings.filter((f) => f.code === 'cells-limit-exceeded');
    // A template is read from the sheets its defined names use: the instructions and list sheets are not read.
    expect(cut.map((f) => f.sheet)).toEqual(['Báo cáo', 'Hoạt động']);
    expect(cut.every((f) => f.file === '18070-2021-H1.xlsx' && f.severity === 'error')).toBe(true);
  });
});

describe('through the command line', () => {
  it('cchc check: exit 1, every file listed with its finding; limit options validated', () => {
    const before = hashTree(inputs);
    const run = runCli(['check', inputs, '--json', '--period', '2021-H1']);
    expect(run.status).toBe(1);
    const entries = JSON.parse(run.stdout) as { file: string; unit: string | null; findings: Finding[] }[];
    expect(entries.map((e) => e.file).sort()).toEqual(['18070-2021-H1.xlsx', ...cases.map((c) => c.name)].sort());
    for (const c of cases) {
      const entry = entries.find((e) => e.file === c.name);
      expect(errorsOf(entry?.findings ?? []).map((f) => [f.code, f.file])).toEqual([[c.code, c.name]]);
    }
    expect(errorsOf(entries.find((e) => e.file === '18070-2021-H1.xlsx')?.findings ?? [])).toEqual([]);
    expect(hashTree(inputs)).toEqual(before);

    const small = runCli(['check', join(inputs, '18070-2021-H1.xlsx'), '--max-file-size', '1K']);
    expect(small.status).toBe(1);
    expect(small.stdout).toContain('18070-2021-H1.xlsx');
    expect(small.stdout).toContain('vượt giới hạn 1024 byte');
    const invalid = runCli(['check', join(inputs, '18070-2021-H1.xlsx'), '--max-ratio', 'nhiều']);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain('Giá trị "nhiều" của --max-ratio không hợp lệ');
  }, 300_000);

  it('cchc consolidate: keeps the good report, explains every bad file in JSON, CSV and workbook, modifies nothing', () => {
    const before = hashTree(inputs);
    const out = join(dir, 'out');
    const run = runCli([
      'consolidate', inputs, '--period', '2021-H1', '--out', join(out, 'tong-hop.xlsx'), '--json', join(out, 'tong-hop.json'), '--csv', join(out, 'tong-hop.csv'), '--quiet',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['tong-hop-phat-hien.csv', 'tong-hop.csv', 'tong-hop.json', 'tong-hop.xlsx']);
    const json = JSON.parse(readFileSync(join(out, 'tong-hop.json'), 'utf8')) as { totals: { received: number }; findings: Finding[]; units: { code: string; submitted: boolean }[] };
    expect(json.totals.received).toBe(1);
    expect(json.units.filter((u) => u.submitted).map((u) => u.code)).toEqual(['18070']);
    for (const c of cases) {
      expect(errorsOf(json.findings.filter((f) => f.file === c.name)).map((f) => f.code)).toEqual([c.code]);
    }
    const csv = readFileSync(join(out, 'tong-hop-phat-hien.csv'), 'utf8');
    for (const c of cases) expect(csv).toContain(`;${c.name};`.replace(/;/g, ','));
    const grid = readGrid(new Uint8Array(readFileSync(join(out, 'tong-hop.xlsx'))));
    expect(grid.ok).toBe(true);
    if (grid.ok) {
      const sheet = grid.value.sheets.find((s) => s.name === 'Kết quả kiểm tra');
      const texts = new Set([...(sheet?.cells.values() ?? [])].map((cell) => cell.value));
      for (const c of cases) expect(texts.has(c.name)).toBe(true);
    }
    expect(hashTree(inputs)).toEqual(before);
    expect(readdirSync(inputs).sort()).toEqual(['18070-2021-H1.xlsx', ...cases.map((c) => c.name)].sort());
  }, 300_000);
});
