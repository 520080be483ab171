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
import { LIST_NAMES, compareConsolidations, parsePreviousConsolidation } from '@cchc-kpi/core';
import { writeConsolidated } from '../src/write/consolidated.ts';
import { TEMPLATE_SHEETS, writeTemplate } from '../src/write/template.ts';
import { consolidation, period, plan, units } from './write-fixtures.ts';
import { dataValidations, openXlsx, parseCsv, rowCol, type XBook } from './write-ooxml.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const loRecalc = path.resolve(process.env.CCHC_SHARED_DIR ?? path.resolve(repoRoot, '../shared'), 'tools/lo-recalc');
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
  return recalcAll(bytes, base).cells;
}

/** {@link recalc}, plus every sheet's recalculated rows (CSV fields) by sheet name. */
function recalcAll(
  bytes: Uint8Array,
  base: string,
): { cells: Array<{ where: string; cached: string | number | null; recalculated: string | undefined }>; sheets: Map<string, string[][]> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'cchc-lo-'));
  try {
    const file = path.join(dir, `${base}.xlsx`);
    writeFileSync(file, bytes);
    execFileSync(loRecalc, [file, path.join(dir, 'out')], { timeout: 180_000, stdio: 'pipe' });
    const book: XBook = openXlsx(bytes);
    const out: Array<{ where: string; cached: string | number | null; recalculated: string | undefined }> = [];
    const sheets = new Map<string, string[][]>();
    for (const sheet of book.sheets) {
      const rows = parseCsv(readFileSync(path.join(dir, 'out', `${base}-${sheet.name}.csv`), 'utf8'));
      sheets.set(sheet.name, rows);
      const formulas = [...sheet.cells.values()].filter((c) => c.formula !== undefined);
      for (const c of formulas) {
        const { row, col } = rowCol(c.ref);
        out.push({ where: `${sheet.name}!${c.ref} = ${c.formula}`, cached: c.value, recalculated: rows[row - 1]?.[col - 1] });
      }
    }
    return { cells: out, sheets };
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

  it('agrees with every cached value and with the consolidation when there is a comparison sheet and units sorted by name', async () => {
    const result = consolidation();
    const previous = parsePreviousConsolidation(
      JSON.stringify({
        plan: { id: plan.id },
        period: { code: '2020-H1', kind: 'half', year: 2020, index: 1 },
        units: [{ code: '18070', submitted: true, score: 80, rank: 2 }, { code: '18073', submitted: true, score: 95, rank: 1 }],
        totals: { indicators: { CT1: { numerator: 1, denominator: 2, ratio: 0.5 }, CT3a: { numerator: 180, denominator: 200, ratio: 0.9 }, CT5a: { value: 1 } }, completeness: 1, timeliness: 0.5 },
      }),
      'prev.json',
    );
    if (!previous.ok) throw new Error('fixture');
    const comparison = compareConsolidations(result, plan, previous.value);
    const { cells, sheets } = recalcAll(await writeConsolidated(result, plan, { comparison, sort: 'name' }), 'compared');
    expectAgreement(cells);
    const at = (sheet: string, ref: string): string | undefined => {
      const { row, col } = rowCol(ref);
      return sheets.get(sheet)?.[row - 1]?.[col - 1];
    };
    // the recalculated city totals are the consolidation's (sum, then divide)
    plan.indicators.forEach((indicator, i) => {
      const total = result.totals.indicators[indicator.code]!;
      const row = 5 + i;
      const main = indicator.measure === 'count' ? total.value : total.numerator;
      expect(at('Tổng hợp', `F${row}`), indicator.code).toBe(main === null ? '' : String(main));
      if (total.ratio === null) expect(at('Tổng hợp', `H${row}`) ?? '', indicator.code).toBe('');
      else expect(csvNumber(at('Tổng hợp', `H${row}`)!)).toBeCloseTo(total.ratio, 12);
      expect(at('Tổng hợp', `I${row}`), indicator.code).toBe(String(total.unitsCounted));
    });
    // and the recalculated changes are the comparison's
    comparison.indicators.forEach((c, i) => {
      const recalculated = at('So sánh cùng kỳ', `F${5 + i}`) ?? '';
      if (c.change.ratio === null) expect(recalculated, c.code).toBe('');
      else expect(csvNumber(recalculated), c.code).toBeCloseTo(c.change.ratio, 12);
    });
    // units by name: Đồng Môn, Nam Hà, Trần Phú
    expect([17, 18, 19].map((r) => at('So sánh cùng kỳ', `B${r}`))).toEqual(['18103', '18073', '18070']);
    expect([17, 18, 19].map((r) => at('So sánh cùng kỳ', `F${r}`))).toEqual(['', '-3.75', '7.5']);
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
