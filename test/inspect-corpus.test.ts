/**
 * Every file of the shared corpus (../shared/corpus: workbooks from other projects' test suites
 * written by Excel, LibreOffice, Google Sheets, WPS, Strict OOXML…, other/ .xls/.ods, hostile/
 * XML and zip bombs) through `cchc check`: none is a unit's report, so each must give clear
 * findings (at least one error naming the file, bilingual) and exit 1 — never a stack trace, a
 * hang or "no sheets" taken as a reading. Skipped, with a notice, when the corpus is missing.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, sharedDir } from './support/cli.ts';

const corpus = resolve(sharedDir, 'corpus');
const haveCorpus = existsSync(corpus);
if (!haveCorpus) console.warn(`skipped: corpus not found at ${corpus} (../shared/corpus beside the repository)`);

const SPREADSHEET = /\.(xlsx|xlsm|xls|ods|et|xlsb)$/i;
const folders = haveCorpus ? [corpus, join(corpus, 'hostile'), join(corpus, 'other')].filter((d) => existsSync(d)) : [];
const files = folders.flatMap((d) => readdirSync(d).filter((f) => SPREADSHEET.test(f)));

interface Entry {
  file: string;
  indicators: Record<string, unknown>;
  findings: { severity: string; code: string; file?: string; message: { vi: string; en: string } }[];
}

const STACK = /\n\s+at |unexpected error|Lỗi không mong đợi/;

describe.skipIf(!haveCorpus)('the corpus through cchc check', () => {
  it('gives every file clear findings with exit 1, and no stack trace', () => {
    expect(files.length).toBeGreaterThanOrEqual(70);
    const run = runCli(['check', ...folders, '--json']);
    expect(run.stderr).not.toMatch(STACK);
    expect(run.status).toBe(1);
    const entries = JSON.parse(run.stdout) as Entry[];
    expect(entries.map((e) => e.file).sort()).toEqual([...files].sort());
    for (const entry of entries) {
      const errors = entry.findings.filter((f) => f.severity === 'error');
      expect(errors.length, entry.file).toBeGreaterThanOrEqual(1);
      for (const f of entry.findings) {
        expect(f.file, `${entry.file} ${f.code}`).toBe(entry.file);
        expect(f.message.vi.length, f.code).toBeGreaterThan(20);
        expect(f.message.en.length, f.code).toBeGreaterThan(20);
      }
      expect(entry.findings.map((f) => f.code), entry.file).not.toContain('read-internal-error');
    }
    const codes = (file: string): string[] => (entries.find((e) => e.file === file)?.findings ?? []).filter((f) => f.severity === 'error').map((f) => f.code);
    expect(codes('calamine__pass_protected.xlsx')).toEqual(['encrypted-or-legacy']);
    expect(codes('sheetjs__1904.xls')).toEqual(['convert-needed']);
    expect(codes('calamine__merged_cells.ods')).toEqual(['convert-needed']);
    expect(codes('calamine__date_1904.xlsx')).toEqual(['layout-table-not-found']);
  }, 600_000);

  it.each(['poi__poc-xmlbomb.xlsx', 'edr__EmptyZipFile.xlsx', 'sheetjs__wtf_path.xlsx', 'calamine__issue_174.xlsx'])('check %s alone exits 1 with a finding, no stack trace', (name) => {
    const path = [corpus, join(corpus, 'hostile')].map((d) => join(d, name)).find((p) => existsSync(p));
    if (!path) throw new Error(`${name} missing from the corpus`);
    const run = runCli(['check', path]);
    expect(run.stderr).not.toMatch(STACK);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^ {2}LỖI {6}/m);
  }, 180_000);
});
