/**
 * Sweep of the shared corpus (../shared/corpus: real-world xlsx from other projects' test suites,
 * other/ .xls/.ods/.et, hostile/ XML and zip bombs) through `cchc consolidate`: the command
 * finishes, every file is explained by an error finding naming it (none is one of our report
 * forms), the hostile ones are refused for the right reason, and no corpus file changes.
 * Skipped, with a notice, when the corpus is missing.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '@cchc-kpi/core';
import { runCli, sharedDir } from './support/cli.ts';
import { hashTree } from './support/hostile.ts';

const corpus = resolve(sharedDir, 'corpus');
const haveCorpus = existsSync(corpus);
if (!haveCorpus) console.warn(`skipped: corpus not found at ${corpus} (../shared/corpus from the repo root)`);

const SPREADSHEET = /\.(xlsx|xlsm|xls|ods|et|xlsb)$/i;
const folders = haveCorpus ? [corpus, join(corpus, 'hostile'), join(corpus, 'other')].filter((d) => existsSync(d)) : [];
const files = folders.flatMap((d) => readdirSync(d).filter((f) => SPREADSHEET.test(f)));

const out = mkdtempSync(join(tmpdir(), 'cchc-corpus-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe.skipIf(!haveCorpus)('corpus sweep through cchc consolidate', () => {
  it('explains every file, refuses the hostile ones, keeps going and modifies nothing', () => {
    expect(files.length).toBeGreaterThanOrEqual(70);
    const before = hashTree(corpus);
    const run = runCli([
      'consolidate', ...folders, '--period', '2021-H1', '--out', join(out, 'th.xlsx'), '--json', join(out, 'th.json'), '--csv', join(out, 'th.csv'), '--quiet',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'th.json'), 'utf8')) as { totals: { received: number }; findings: Finding[] };
    expect(json.totals.received).toBe(0);
    const byFile = new Map<string, Finding[]>();
    for (const f of json.findings) if (f.file !== undefined) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
    for (const file of files) {
      const findings = byFile.get(file) ?? [];
      expect(findings.filter((f) => f.severity === 'error').length, file).toBeGreaterThanOrEqual(1);
      expect(findings.filter((f) => f.code === 'read-internal-error'), file).toEqual([]);
    }
    const errorCodes = (file: string): string[] => (byFile.get(file) ?? []).filter((f) => f.severity === 'error').map((f) => f.code);
    expect(errorCodes('poi__poc-xmlbomb.xlsx')).toEqual(['xml-doctype']);
    expect(errorCodes('calamine__pass_protected.xlsx')).toEqual(['encrypted-or-legacy']);
    expect(errorCodes('edr__EmptyZipFile.xlsx')).toEqual(['no-workbook']);
    // .xls, WPS .et and .ods: converted only with --convert, else a finding saying how.
    expect(errorCodes('sheetjs__1904.xls')).toEqual(['convert-needed']);
    expect(errorCodes('sheetjs__fn.et')).toEqual(['convert-needed']);
    expect(errorCodes('sheetjs__merge_cells.ods')).toEqual(['convert-needed']);
    // Readable workbooks that hold no report table.
    expect(errorCodes('poi__poc-shared-strings.xlsx')).toEqual(['layout-table-not-found']);
    expect(errorCodes('exceljs__1904.xlsx')).toEqual(['layout-table-not-found']);
    const csv = readFileSync(join(out, 'th-phat-hien.csv'), 'utf8');
    for (const file of files) expect(csv, file).toContain(file);
    expect(hashTree(corpus)).toEqual(before);
  }, 300_000);
});
