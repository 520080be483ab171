/**
 * Opens the workbooks we write in LibreOffice (headless), recalculates every formula and checks
 * the results against the cached values we wrote; then saves the template through LibreOffice
 * and checks that the defined names, drop-down sources and sheet protection survive.
 * Skipped, with a visible message, when `soffice` is not installed.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIST_NAMES } from '@cchc-kpi/core';
import { writeConsolidated } from '../src/write/consolidated.ts';
import { TEMPLATE_SHEETS, writeTemplate } from '../src/write/template.ts';
import { consolidation, period, plan, units } from './write-fixtures.ts';
import { dataValidations, openXlsx, parseCsv, rowCol, type XBook } from './write-ooxml.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const loRecalc = path.resolve(repoRoot, '../shared/tools/lo-recalc');
const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;
const hasLoRecalc = existsSync(loRecalc);
const SKIP_MESSAGE = !hasSoffice
  ? 'skipped: LibreOffice not installed, install with apt-get install -y libreoffice-calc-nogui'
  : `skipped: ${loRecalc} not found (../shared/tools beside the repository)`;
const canRecalc = hasSoffice && hasLoRecalc;

if (!hasSoffice) console.warn(SKIP_MESSAGE);

/** A CSV field as LibreOffice writes a raw value: numbers, possibly with `%` for percent formats. */
function csvNumber(text: string): number {
  const t = text.trim();
  const n = Number(t.replace(/%$/, '').replace(/,/g, ''));
  return t.endsWith('%') ? n / 100 : n;
}

/** Recalculates `bytes` in LibreOffice and returns, per formula cell, the cached and recalculated values. */
function recalc(bytes: Uint8Array, base: string): Array<{ where: string; cached: string | number | null; recalculated: string | undefined }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cchc-lo-'));
  try {
    const file = path.join(dir, `${base}.xlsx`);
    writeFileSync(file, bytes);
    execFileSync(loRecalc, [file, path.join(dir, 'out')], { timeout: 180_000, stdio: 'pipe' });
    const book: XBook = openXlsx(bytes);
    const out: Array<{ where: string; cached: string | number | null; recalculated: string | undefined }> = [];
    for (const sheet of book.sheets) {
      const formulas = [...sheet.cells.values()].filter((c) => c.formula !== undefined);
      if (formulas.length === 0) continue;
      const rows = parseCsv(readFileSync(path.join(dir, 'out', `${base}-${sheet.name}.csv`), 'utf8'));
      for (const c of formulas) {
        const { row, col } = rowCol(c.ref);
        out.push({ where: `${sheet.name}!${c.ref} = ${c.formula}`, cached: c.value, recalculated: rows[row - 1]?.[col - 1] });
      }
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function expectAgreement(cells: ReturnType<typeof recalc>): void {
  expect(cells.length).toBeGreaterThan(0);
  for (const { where, cached, recalculated } of cells) {
    expect(recalculated, where).toBeDefined();
    if (cached === '' || cached === null) expect(recalculated, where).toBe('');
    else if (typeof cached === 'number') {
      const value = csvNumber(recalculated!);
      expect(Math.abs(value - cached), `${where}: LibreOffice ${recalculated}, cached ${cached}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(cached)));
    } else expect(recalculated, where).toBe(cached);
  }
}

describe.skipIf(!canRecalc)('LibreOffice recalculation', () => {
  it('agrees with every cached value of the consolidated workbook', async () => {
    const cells = recalc(await writeConsolidated(consolidation(), plan), 'consolidated');
    expect(cells.length).toBeGreaterThan(40);
    expectAgreement(cells);
  });

  it('agrees with every cached value of the template', async () => {
    const { bytes } = await writeTemplate(plan, units[0]!, period);
    expectAgreement(recalc(bytes, 'template'));
  });

  it('keeps the template names, list sources and password-less protection when LibreOffice saves it', async () => {
    const { bytes, fileName } = await writeTemplate(plan, units[2]!, period);
    const dir = mkdtempSync(path.join(tmpdir(), 'cchc-lo-'));
    try {
      writeFileSync(path.join(dir, fileName), bytes);
      mkdirSync(path.join(dir, 'profile'));
      execFileSync(
        'soffice',
        [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', path.join(dir, 'out'), path.join(dir, fileName)],
        { timeout: 180_000, stdio: 'pipe' },
      );
      const saved = openXlsx(new Uint8Array(readFileSync(path.join(dir, 'out', fileName))));
      const original = openXlsx(bytes);
      // LibreOffice drops quotes a sheet name does not need ('_meta'!$B$1 → _meta!$B$1)
      const unquoted = (ref: string | undefined) => ref?.replace(/'/g, '');
      for (const d of original.definedNames.filter((n) => n.localSheetId === undefined)) expect(unquoted(saved.ref(d.name)), d.name).toBe(unquoted(d.ref));
      const lists = dataValidations(saved.sheet(TEMPLATE_SHEETS.activities)).filter((v) => v.type === 'list');
      expect(lists.map((v) => v.formula1).sort()).toEqual([LIST_NAMES.themes, LIST_NAMES.themes, LIST_NAMES.forms].sort());
      for (const sheet of saved.sheets) expect(sheet.xml, sheet.name).not.toMatch(/<sheetProtection [^>]*(password|hashValue)=/);
      expect(saved.sheets.filter((s) => s.state === 'hidden').map((s) => s.name)).toEqual(['Danh mục', '_meta']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

if (!canRecalc) {
  console.warn(SKIP_MESSAGE);
  describe('LibreOffice recalculation', () => {
    it.skip(SKIP_MESSAGE, () => {});
  });
}
