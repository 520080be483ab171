/**
 * The bundled example, end to end: the reports of the registry's seventeen units (`examples/generate-reports.ts`,
 * generated into a temporary folder) → `cchc consolidate --json` → LibreOffice recalculates the
 * workbook. Every formula cell of every sheet must equal the cached value we wrote, and the
 * recalculated city totals, ranking, unit figures and cover must equal the JSON. A second run
 * with `--compare` checks the year-on-year sheet the same way.
 * Skipped, with a visible message, when LibreOffice is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hatinh2021 } from '@cchc-kpi/core';
import { readGrid } from '@cchc-kpi/xlsx';
import { repoRoot, runCli } from './support/cli.ts';
import { libreOfficeMissing, recalculate } from './support/libreoffice.ts';

const skip = libreOfficeMissing();
if (skip) console.warn(skip);

const SUMMARY = 'Tổng hợp';
const COVER = 'Báo cáo tóm tắt';

/** 1-based row and column of an A1 reference. */
function rowCol(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return { row: Number(m[2]), col: [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) };
}

/** A number from LibreOffice's raw CSV (`92.3076923076923%` for percent formats). */
function csvNumber(text: string): number {
  const t = text.trim();
  const n = Number(t.replace(/%$/, ''));
  return t.endsWith('%') ? n / 100 : n;
}

/** Formula cells of every sheet with their cached values, read back with our own reader. */
function formulaCells(path: string): Array<{ sheet: string; ref: string; formula: string; cached: string | number | boolean | null }> {
  const grid = readGrid(new Uint8Array(readFileSync(path)));
  if (!grid.ok) throw new Error('unreadable workbook');
  return grid.value.sheets.flatMap((s) => [...s.cells].filter(([, c]) => c.formula !== undefined).map(([ref, c]) => ({ sheet: s.name, ref, formula: c.formula!, cached: c.value })));
}

let dir = '';
let json: any;
let jsonCompared: any;
let sheets = new Map<string, string[][]>();
let sheetsCompared = new Map<string, string[][]>();

/** The recalculated text of a cell. */
function at(book: Map<string, string[][]>, sheet: string, ref: string): string {
  const { row, col } = rowCol(ref);
  return book.get(sheet)?.[row - 1]?.[col - 1] ?? '';
}

/** Rows (1-based) of a sheet whose column `col` holds `text`. */
function rowsWith(book: Map<string, string[][]>, sheet: string, col: number, text: string): number[] {
  return (book.get(sheet) ?? []).flatMap((r, i) => (r[col - 1] === text ? [i + 1] : []));
}

beforeAll(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'cchc-examples-'));
  const generated = spawnSync(process.execPath, ['--import', 'tsx', resolve(repoRoot, 'examples/generate-reports.ts'), dir], { cwd: repoRoot, encoding: 'utf8', timeout: 180_000 });
  expect(generated.status, generated.stderr).toBe(0);
  const base = ['consolidate', join(dir, 'reports'), '--period', '2021-H1', '--received', join(dir, 'received-2021-H1.csv'), '--quiet'];
  const run = runCli([...base, '--out', join(dir, 'out', 'tong-hop.xlsx'), '--json', join(dir, 'out', 'tong-hop.json')]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  json = JSON.parse(readFileSync(join(dir, 'out', 'tong-hop.json'), 'utf8'));

  // last year's consolidation, made up from this one: other figures and scores
  const previous = structuredClone(json);
  previous.period = { ...previous.period, code: '2020-H1', year: 2020, cutoffStart: '2019-12-15', cutoffEnd: '2020-06-14', deadline: '2020-06-20' };
  previous.totals.completeness = 0.8;
  previous.totals.timeliness = 0.6;
  previous.totals.indicators.CT1 = { numerator: 9, denominator: 12, value: null, ratio: 0.75, unitsCounted: 12, unitsMet: 9 };
  previous.totals.indicators.CT3a = { numerator: 9000, denominator: 10000, value: null, ratio: 0.9, unitsCounted: 12, unitsMet: 5 };
  previous.totals.indicators.CT5a = { numerator: null, denominator: null, value: 40, ratio: null, unitsCounted: 12, unitsMet: 10 };
  for (const u of previous.units) if (u.score !== null) u.score = Math.round((u.score - 5) * 100) / 100;
  mkdirSync(join(dir, 'prev'));
  writeFileSync(join(dir, 'prev', 'tong-hop-2020-H1.json'), JSON.stringify(previous));
  const compared = runCli([...base, '--out', join(dir, 'out2', 'tong-hop.xlsx'), '--json', join(dir, 'out2', 'tong-hop.json'), '--compare', join(dir, 'prev', 'tong-hop-2020-H1.json')]);
  expect(compared.stderr).toBe('');
  expect(compared.status).toBe(0);
  jsonCompared = JSON.parse(readFileSync(join(dir, 'out2', 'tong-hop.json'), 'utf8'));

  sheets = recalculate(join(dir, 'out', 'tong-hop.xlsx'), join(dir, 'lo'));
  sheetsCompared = recalculate(join(dir, 'out2', 'tong-hop.xlsx'), join(dir, 'lo2'));
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(skip !== null)('the example consolidation recalculated by LibreOffice', () => {
  it('agrees with every cached formula value, on every sheet of both workbooks', () => {
    for (const [file, book] of [
      ['out', sheets],
      ['out2', sheetsCompared],
    ] as const) {
      const cells = formulaCells(join(dir, file, 'tong-hop.xlsx'));
      expect(cells.length).toBeGreaterThan(150);
      for (const c of cells) {
        const where = `${file} ${c.sheet}!${c.ref} = ${c.formula}`;
        const recalculated = at(book, c.sheet, c.ref);
        if (c.cached === '' || c.cached === null) expect(recalculated, where).toBe('');
        else if (typeof c.cached === 'number') expect(Math.abs(csvNumber(recalculated) - c.cached), `${where}: LibreOffice ${recalculated}, cached ${c.cached}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(c.cached)));
        else expect(recalculated, where).toBe(String(c.cached));
      }
    }
  });

  it('recalculates the city totals of the JSON (sum, then divide)', () => {
    hatinh2021.indicators.forEach((indicator, i) => {
      const t = json.totals.indicators[indicator.code];
      const row = 5 + i;
      const main = indicator.measure === 'count' ? t.value : t.numerator;
      expect(at(sheets, SUMMARY, `B${row}`)).toBe(indicator.code);
      expect(at(sheets, SUMMARY, `F${row}`), indicator.code).toBe(main === null ? '' : String(main));
      if (indicator.measure !== 'count') expect(at(sheets, SUMMARY, `G${row}`), indicator.code).toBe(t.denominator === null ? '' : String(t.denominator));
      if (t.ratio === null) expect(at(sheets, SUMMARY, `H${row}`), indicator.code).toBe('');
      else expect(csvNumber(at(sheets, SUMMARY, `H${row}`)), indicator.code).toBeCloseTo(t.ratio, 12);
      expect(at(sheets, SUMMARY, `I${row}`), indicator.code).toBe(String(t.unitsCounted));
      expect(at(sheets, SUMMARY, `J${row}`), indicator.code).toBe(String(t.unitsMet));
    });
    // CT3a by hand from the JSON units: Σ numerators ÷ Σ denominators of the counted units
    const counted = json.units.filter((u: any) => u.submitted && ['met', 'notMet'].includes(u.indicators.CT3a.status));
    const num = counted.reduce((s: number, u: any) => s + u.indicators.CT3a.numerator, 0);
    const den = counted.reduce((s: number, u: any) => s + u.indicators.CT3a.denominator, 0);
    expect(at(sheets, SUMMARY, 'F8')).toBe(String(num));
    expect(at(sheets, SUMMARY, 'G8')).toBe(String(den));
  });

  it('recalculates completeness and timeliness of the JSON', () => {
    const [row] = rowsWith(sheets, SUMMARY, 2, 'Số đơn vị phải báo cáo');
    expect(row).toBeDefined();
    const values = [0, 1, 2, 3, 4].map((k) => csvNumber(at(sheets, SUMMARY, `F${row! + k}`)));
    expect(values[0]).toBe(json.totals.expected);
    expect(values[1]).toBe(json.totals.received);
    expect(values[2]).toBeCloseTo(json.totals.completeness, 12);
    expect(values[3]).toBe(json.totals.onTime);
    expect(values[4]).toBeCloseTo(json.totals.timeliness, 12);
    // 17 units (15 wards and communes, the 2 centres); Thạch Bình sent nothing; Đại Nài and Thạch Hạ late
    expect([json.totals.expected, json.totals.received, json.totals.onTime]).toEqual([17, 16, 14]);
  });

  it('recalculates every unit’s figures, score and rank of the JSON', () => {
    for (const u of json.units) {
      const [mRow] = rowsWith(sheets, 'Đơn vị × chỉ tiêu', 2, u.code);
      expect(mRow, u.code).toBeDefined();
      let col = 4;
      for (const indicator of hatinh2021.indicators) {
        const r = u.indicators[indicator.code];
        const counted = u.submitted && (r.status === 'met' || r.status === 'notMet');
        if (indicator.measure === 'ratio' || indicator.measure === 'comparison') {
          if (counted) {
            expect(at(sheets, 'Đơn vị × chỉ tiêu', `${colName(col)}${mRow}`), `${u.code} ${indicator.code}`).toBe(String(r.numerator));
            expect(at(sheets, 'Đơn vị × chỉ tiêu', `${colName(col + 1)}${mRow}`), `${u.code} ${indicator.code}`).toBe(String(r.denominator));
            expect(csvNumber(at(sheets, 'Đơn vị × chỉ tiêu', `${colName(col + 2)}${mRow}`))).toBeCloseTo(r.ratio, 12);
          }
          col += 3;
        } else {
          if (counted) expect(at(sheets, 'Đơn vị × chỉ tiêu', `${colName(col)}${mRow}`), `${u.code} ${indicator.code}`).toBe(String(typeof r.value === 'boolean' ? (r.value ? 1 : 0) : r.value));
          col += 1;
        }
      }
      // STT, unit, score, rank, band, one column per other profile, then the code
      const [rRow] = rowsWith(sheets, 'Xếp hạng', 5 + hatinh2021.profiles.length, u.code);
      expect(rRow, u.code).toBeDefined();
      expect(at(sheets, 'Xếp hạng', `C${rRow}`), u.code).toBe(u.score === null ? '' : String(u.score));
      expect(at(sheets, 'Xếp hạng', `D${rRow}`), u.code).toBe(u.rank === null ? '' : String(u.rank));
    }
  });

  it('recalculates the cover’s figures from the same totals', () => {
    for (const indicator of hatinh2021.indicators) {
      const [row] = rowsWith(sheets, COVER, 3, indicator.code);
      expect(row, indicator.code).toBeDefined();
      const t = json.totals.indicators[indicator.code];
      const shown = at(sheets, COVER, `Q${row}`);
      if (indicator.measure === 'count') expect(shown).toBe(String(t.value));
      else if (t.ratio === null) expect(shown).toBe('');
      else expect(csvNumber(shown)).toBeCloseTo(t.ratio, 12);
      expect(at(sheets, COVER, `T${row}`)).toBe(`${t.unitsMet}/${t.unitsCounted}`);
    }
    const [row] = rowsWith(sheets, COVER, 1, 'Tỷ lệ đơn vị đã gửi báo cáo');
    expect(csvNumber(at(sheets, COVER, `O${row}`))).toBeCloseTo(json.totals.completeness, 12);
  });

  it('prints through LibreOffice on A4: the cover portrait, the tables landscape, in a font with Vietnamese glyphs', () => {
    const pdfDir = join(dir, 'pdf');
    const run = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, join(dir, 'out', 'tong-hop.xlsx')], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const pdf = readFileSync(join(pdfDir, 'tong-hop.pdf')).toString('latin1');
    // page boxes in page order (the page tree's own box is square here and left out)
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]).filter(([w, h]) => w !== h);
    expect(boxes[0]).toEqual([595, 842]);
    expect(boxes.every(([w, h]) => (w === 595 && h === 842) || (w === 842 && h === 595))).toBe(true);
    const firstLandscape = boxes.findIndex(([w]) => w === 842);
    expect(firstLandscape).toBeGreaterThan(0);
    expect(boxes.slice(firstLandscape).every(([w]) => w === 842)).toBe(true);
    expect(boxes.length - firstLandscape).toBeGreaterThanOrEqual(6); // the six tables
    // Times New Roman, or its metric twin Liberation Serif (fonts-liberation2), embedded
    expect(pdf).toMatch(/\/FontName\s*\/[A-Z]{6}\+(LiberationSerif|TimesNewRoman)/);
  });

  it('recalculates the year-on-year changes of the JSON comparison', () => {
    const cmp = jsonCompared.comparison;
    expect(cmp.previous).toEqual({ period: '2020-H1', planId: 'hatinh-2021', file: 'tong-hop-2020-H1.json' });
    expect(cmp.samePeriodLastYear).toBe(true);
    const byCode = new Map(cmp.indicators.map((c: any) => [c.code, c]));
    // CT1 13/14 now (the public administration centre's 0/0 is not applicable) vs 9/12: +4, +2, 13/14 − 0.75
    expect((byCode.get('CT1') as any).change).toEqual({ numerator: 4, denominator: 2, value: null, ratio: 0.178571428571 });
    // CT3a 15 885/15 913 now (with the centre's 5 214/5 230) vs 9 000/10 000
    expect((byCode.get('CT3a') as any).change).toEqual({ numerator: 6885, denominator: 5913, value: null, ratio: 0.098240432351 });
    // CT5a 70 now (with the centres' 5 and 6) vs 40
    expect((byCode.get('CT5a') as any).change).toEqual({ numerator: null, denominator: null, value: 30, ratio: null });
    cmp.indicators.forEach((c: any, i: number) => {
      const row = 5 + i;
      const ratio = at(sheetsCompared, 'So sánh cùng kỳ', `F${row}`);
      if (c.change.ratio === null) expect(ratio, c.code).toBe('');
      else expect(csvNumber(ratio), c.code).toBeCloseTo(c.change.ratio, 10);
      const main = at(sheetsCompared, 'So sánh cùng kỳ', `I${row}`);
      const expected = c.change.value ?? c.change.numerator;
      expect(main, c.code).toBe(expected === null ? '' : String(expected));
    });
    for (const u of cmp.units) {
      const [row] = rowsWith(sheetsCompared, 'So sánh cùng kỳ', 2, u.code);
      expect(row, u.code).toBeDefined();
      const change = at(sheetsCompared, 'So sánh cùng kỳ', `F${row}`);
      if (u.change.score === null) expect(change).toBe('');
      else expect(csvNumber(change)).toBeCloseTo(u.change.score, 9);
    }
    // every submitted unit lost 5 points last year, so each gained 5
    expect(cmp.units.filter((u: any) => u.change.score !== null).map((u: any) => u.change.score)).toEqual(Array(16).fill(5));
  });
});

/** Column letters of a 1-based column number. */
function colName(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

if (skip) {
  describe('the example consolidation recalculated by LibreOffice', () => {
    it.skip(skip, () => {});
  });
}
