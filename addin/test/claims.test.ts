/**
 * What the pane says about the Excel versions it runs in agrees with the README's table of the
 * add-in: the versions of its first row ("everything") are named, Office 2016/2019 is never
 * claimed as a whole ("Excel 2016 trở lên"), since the table sends its Internet Explorer 11 web
 * view (volume licence) to the command line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../src/taskpane/i18n.ts';
import { ADDIN_DIR } from './support/build.ts';

/** The rows of the README's `| Excel | what the pane does |` table: [versions, what the pane does]. */
function readmeTable(): string[][] {
  const readme = readFileSync(join(ADDIN_DIR, '..', 'README.md'), 'utf8');
  const start = readme.indexOf('| Excel | what the pane does |');
  expect(start).toBeGreaterThan(0);
  const rows = readme.slice(start).split('\n').slice(2);
  return rows.filter((_, i) => rows.slice(0, i + 1).every((r) => r.startsWith('|'))).map((r) => r.split('|').slice(1, -1).map((c) => c.trim()));
}

describe("the pane's claims about Excel versions", () => {
  it('name the versions the README says run everything, and send IE11 builds to the command line', () => {
    const rows = readmeTable();
    expect(rows).toHaveLength(3);
    expect(rows[0]![0]).toBe('Microsoft 365, Office 2021/2024, Excel on the web');
    expect(rows[2]![0]).toBe('Office 2016/2019 volume licence (Internet Explorer 11 web view)');
    const en = t('en', 'notInExcel');
    const vi = t('vi', 'notInExcel');
    for (const version of rows[0]![0]!.split(', ')) expect(en).toContain(version);
    for (const version of ['Microsoft 365', 'Office 2021/2024', 'Excel trên web']) expect(vi).toContain(version);
    expect(vi).toContain('Internet Explorer 11');
    expect(en).toContain('Internet Explorer 11');
    expect(vi).toContain('cchc');
    expect(vi.normalize('NFC')).toBe(vi);
  });

  it('never claim Excel 2016 or later as a whole, in any text of the pane', () => {
    const sources = ['src/taskpane/i18n.ts', 'taskpane.html'].map((f) => readFileSync(join(ADDIN_DIR, f), 'utf8'));
    for (const text of sources) {
      expect(text).not.toMatch(/2016 trở lên|2016 or later|2016 and later|2016 or newer/i);
    }
  });
});
