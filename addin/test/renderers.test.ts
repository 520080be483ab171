/**
 * One model, two renderers: the consolidated workbook and the template core builds are rendered
 * by exceljs (`@cchc-kpi/xlsx/write`, what `cchc` writes) and by the add-in's Office.js host (on
 * the fake Office.js), and every cell must hold the same value or formula. For random
 * consolidations (random units, figures, yes/no with and without evidence, blanks, not
 * applicable, duplicates, late, missing and unexpected units) the cached results exceljs writes
 * must be core's totals, and every formula must compute its cached result from the cells
 * written (test/support/formulas.ts evaluates them).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONSOLIDATED_SHEETS,
  buildConsolidated,
  buildTemplate,
  checkReport,
  compareConsolidations,
  consolidate,
  consolidatedPositions,
  formatA1,
  hatinh2021,
  hatinhCity2020,
  parsePreviousConsolidation,
  toJson,
  type BookModel,
  type CheckedReport,
  type Consolidation,
  type Grid,
  type IndicatorValue,
  type Period,
  type Unit,
  type UnitReport,
} from '@cchc-kpi/core';
import { readGrid } from '@cchc-kpi/xlsx';
import { renderXlsx } from '@cchc-kpi/xlsx/write';
import { consolidateFiles } from '../src/actions/consolidate.ts';
import { defaultContext } from '../src/context.ts';
import { MemoryHost } from '../src/office/memory-host.ts';
import { MemoryWorkbook } from '../src/office/memory-workbook.ts';
import { OfficeJsHost, type OfficeApi } from '../src/office/officejs-host.ts';
import { createFakeOffice } from './support/fake-office.ts';
import { Evaluator, type Value } from './support/formulas.ts';
import { goodFill, periodFor, reportFile } from './support/reports.ts';

const plan = hatinh2021;
const AGENCIES: Unit[] = [
  { code: 'TTVHTT', name: 'Trung tâm Văn hóa – Truyền thông thành phố', kind: 'agency', order: 101 },
  { code: 'TTHCC', name: 'Trung tâm Hành chính công thành phố', kind: 'agency', order: 102 },
];
const UNITS: Unit[] = [...hatinhCity2020.units, ...AGENCIES];

/** Cell content as the readers see it: `=formula` for a formula, else the value; blanks left out. */
function content(grid: Grid, sheet: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [ref, cell] of grid.sheets.find((s) => s.name === sheet)?.cells ?? []) {
    if (cell.formula !== undefined) out[ref] = `=${cell.formula}`;
    else if (cell.value !== null && cell.value !== '') out[ref] = cell.value;
  }
  return out;
}

/** What the exceljs renderer wrote, read back by the package's own reader. */
async function throughExceljs(book: BookModel): Promise<Grid> {
  const grid = readGrid(await renderXlsx(book));
  if (!grid.ok) throw new Error('exceljs output unreadable');
  return grid.value;
}

/** What the add-in's Office.js renderer wrote into a workbook (fake Office.js playing ExcelApi 1.`minor`). */
async function throughOfficeJs(book: BookModel, minor = 9): Promise<{ grid: Grid; workbook: MemoryWorkbook }> {
  const fake = createFakeOffice(new MemoryWorkbook(['Sheet1']), { minor });
  const office = fake.Office as { context: { requirements: { isSetSupported(n: string, v: string): boolean } } };
  const api = { run: fake.Excel.run, isSetSupported: (n: string, v: string) => office.context.requirements.isSetSupported(n, v) } as unknown as OfficeApi;
  await new OfficeJsHost(api).writeBook(book);
  return { grid: fake.workbook.toGrid(), workbook: fake.workbook };
}

function close(a: Value | undefined, b: Value | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return (a ?? '') === (b ?? '');
}

// ---------------------------------------------------------------- random consolidations

const PERIOD: Period = periodFor('2021-H1');
const DATES = ['2021-01-10', '2021-03-05', '2021-06-14', '2021-06-20', '2021-06-25', '2021-07-30'];
const EVIDENCE = ['Văn bản số 12/UBND', 'https://phuong.gov.vn/cchc'];

const figure = fc.option(fc.nat({ max: 300 }), { nil: null, freq: 4 });
const evidence = fc.option(fc.constantFrom(...EVIDENCE), { nil: null, freq: 2 });

/** One indicator's figures: blanks, zeros (not applicable), a numerator above its denominator, yes/no with or without evidence. */
function indicatorValue(measure: string): fc.Arbitrary<IndicatorValue> {
  const base = { typedPercent: null, note: null, source: {} };
  if (measure === 'count') return fc.record({ value: fc.option(fc.nat({ max: 12 }), { nil: null, freq: 4 }), evidence }).map((v) => ({ ...base, numerator: null, denominator: null, ...v }));
  if (measure === 'boolean') return fc.record({ value: fc.option(fc.boolean(), { nil: null, freq: 4 }), evidence }).map((v) => ({ ...base, numerator: null, denominator: null, ...v }));
  return fc.record({ numerator: figure, denominator: figure, evidence }).map((v) => ({ ...base, value: null, ...v }));
}

const reportArb = fc.record({
  unit: fc.constantFrom(...UNITS),
  submittedOn: fc.option(fc.constantFrom(...DATES), { nil: null, freq: 6 }),
  indicators: fc.tuple(...plan.indicators.map((i) => indicatorValue(i.measure))),
  activities: fc.array(
    fc.record({
      date: fc.constantFrom('2021-01-15', '2021-05-02', '2021-08-01'),
      themes: fc.subarray(plan.themes.map((t) => t.code), { minLength: 1, maxLength: 2 }),
      form: fc.constantFrom(...plan.forms.map((f) => f.code)),
    }),
    { maxLength: 4 },
  ),
});

const consolidationArb = fc.record({
  reports: fc.array(reportArb, { maxLength: 10 }),
  /** Expect only some units (the others that report are unexpected). */
  expectSome: fc.boolean(),
  received: fc.array(fc.tuple(fc.constantFrom(...UNITS.map((u) => u.code)), fc.constantFrom(...DATES)), { maxLength: 3 }),
  sort: fc.constantFrom<'official' | 'name'>('official', 'name'),
  compare: fc.boolean(),
});

type RandomReport = { unit: Unit; submittedOn: string | null; indicators: IndicatorValue[]; activities: Array<{ date: string; themes: string[]; form: string }> };
type RandomInput = { reports: RandomReport[]; expectSome: boolean; received: Array<[string, string]>; sort: 'official' | 'name'; compare: boolean };

function unitReport(r: RandomReport, n: number): UnitReport {
  return {
    unitCode: r.unit.code,
    periodCode: PERIOD.code,
    submittedOn: r.submittedOn,
    planId: plan.id,
    templateVersion: '1',
    indicators: new Map(plan.indicators.map((indicator, i) => [indicator.code, r.indicators[i] as IndicatorValue])),
    activities: r.activities.map((a, k) => ({ ...a, title: `Hoạt động ${k + 1}`, quantity: 1, participants: null, evidence: EVIDENCE[0] ?? null, source: { sheet: 'Hoạt động', cell: `A${4 + k}` } })),
    file: `${r.unit.code}-${n}.xlsx`,
    source: {},
  };
}

function consolidationOf(input: RandomInput): Consolidation {
  const reports: CheckedReport[] = input.reports.map((r, n) => checkReport(unitReport(r, n), { plan, units: UNITS, period: PERIOD, file: `${r.unit.code}-${n}.xlsx` }));
  return consolidate({
    plan,
    units: UNITS,
    period: PERIOD,
    reports,
    received: new Map(input.received),
    ...(input.expectSome ? { expected: UNITS.filter((_, i) => i % 2 === 0).map((u) => u.code) } : {}),
  });
}

describe('the consolidated workbook through both renderers', () => {
  it('has the same values and formulas in every cell, core’s totals as cached results, and formulas that compute them', async () => {
    await fc.assert(
      fc.asyncProperty(consolidationArb, async (input) => {
        const result = consolidationOf(input);
        const previous = input.compare ? parsePreviousConsolidation(JSON.stringify(toJson(consolidationOf({ ...input, reports: input.reports.slice(1) }))), 'truoc.json') : null;
        const comparison = previous?.ok ? compareConsolidations(result, plan, previous.value) : undefined;
        const book = buildConsolidated(result, plan, { sort: input.sort, ...(comparison ? { comparison } : {}) });
        const excel = await throughExceljs(book);
        const { grid: office } = await throughOfficeJs(book);
        for (const sheet of book.sheets) expect(content(office, sheet.name), sheet.name).toEqual(content(excel, sheet.name));

        // cached results = core's totals
        const totals = excel.sheets.find((s) => s.name === CONSOLIDATED_SHEETS.totals)!;
        const at = (ref: string): Value => totals.cells.get(ref)?.value ?? null;
        const rows = consolidatedPositions(plan, result.units).totalsRows;
        const hasUnits = result.units.length > 0;
        for (const indicator of plan.indicators) {
          const t = result.totals.indicators[indicator.code]!;
          const row = rows.get(indicator.code)!;
          if (!hasUnits) continue;
          const main = indicator.measure === 'count' ? t.value : t.numerator;
          expect(at(`F${row}`), indicator.code).toBe(main ?? '');
          if (indicator.measure !== 'count') {
            // yes/no: the denominator is COUNT of the answers (0, not blank, when none)
            expect(at(`G${row}`), indicator.code).toBe(indicator.measure === 'boolean' ? t.unitsCounted : (t.denominator ?? ''));
            expect(at(`H${row}`), indicator.code).toBe(t.ratio ?? '');
          }
          expect(at(`I${row}`), indicator.code).toBe(t.unitsCounted);
          expect(at(`J${row}`), indicator.code).toBe(t.unitsMet);
        }
        const S = consolidatedPositions(plan, result.units).submission;
        expect([at(S.expected), at(S.received), at(S.onTime)]).toEqual([result.totals.expected, result.totals.received, result.totals.onTime]);

        // every formula computes its cached result from the cells written
        const evaluator = new Evaluator(excel);
        for (const sheet of excel.sheets) {
          for (const [ref, cell] of sheet.cells) {
            if (cell.formula === undefined) continue;
            const computed = evaluator.evaluate(cell.formula, sheet.name);
            expect(close(computed, cell.value), `${sheet.name}!${ref} =${cell.formula}: ${String(computed)} ≠ ${String(cell.value)}`).toBe(true);
          }
        }
      }),
      { numRuns: 25, seed: 20210620 },
    );
  });

  it('degrades on an older Excel without changing a cell: ExcelApi 1.1 writes the same values and formulas', async () => {
    const result = consolidationOf({ reports: [], expectSome: false, received: [], sort: 'official', compare: false });
    const book = buildConsolidated(result, plan);
    const newest = await throughOfficeJs(book, 9);
    const oldest = await throughOfficeJs(book, 1);
    for (const sheet of book.sheets) expect(content(oldest.grid, sheet.name)).toEqual(content(newest.grid, sheet.name));
    expect(oldest.workbook.sheet(CONSOLIDATED_SHEETS.totals).merges).toEqual([]);
    expect(newest.workbook.sheet(CONSOLIDATED_SHEETS.matrix).pageLayout).toMatchObject({ orientation: 'landscape', fit: { scale: 70 }, titleRows: [4, 5], titleColumns: [1, 3] });
  });
});

describe('the template through both renderers', () => {
  const unitArb = fc.oneof(
    fc.constantFrom(...UNITS),
    fc.record({
      code: fc.stringMatching(/^[A-Z][A-Z0-9_]{1,9}$/),
      name: fc.constantFrom('Phòng Nội vụ', 'Ban [Tuyên] giáo: "số 1"', "Trung tâm 'Y tế'", '__proto__', 'Văn phòng HĐND & UBND'),
      kind: fc.constantFrom<'ward' | 'commune' | 'agency'>('ward', 'commune', 'agency'),
      order: fc.integer({ min: 1, max: 999 }),
    }),
  );
  const periodArb = fc.constantFrom('2021-Q1', '2021-Q2', '2021-Q3', '2021-Q4', '2021-H1', '2021-H2', '2021');

  it('has the same values, formulas and defined names', async () => {
    await fc.assert(
      fc.asyncProperty(unitArb, periodArb, async (unit, code) => {
        const book = buildTemplate(plan, unit, periodFor(code));
        const excel = await throughExceljs(book);
        const { grid: office } = await throughOfficeJs(book);
        for (const sheet of book.sheets) expect(content(office, sheet.name), sheet.name).toEqual(content(excel, sheet.name));
        const names = (g: Grid) => Object.fromEntries(g.definedNames.filter((d) => !d.name.startsWith('_xlnm.')).map((d) => [d.name, d.ref.replace(/^'?([^'!]+)'?!/, '$1!')]));
        expect(names(office)).toEqual(names(excel));
      }),
      { numRuns: 15, seed: 163 },
    );
  });
});

describe('CT5b answered "Có" without evidence', () => {
  it('counts 0 of 1 (0 %) for the city through the add-in’s own consolidate action, as core and cchc do', async () => {
    const context = defaultContext();
    const fill = goodFill(1);
    const withoutEvidence = { ...fill, indicators: { ...fill.indicators, CT5b: { value: 'Có' } } };
    const file = await reportFile('18088', '2021-H1', withoutEvidence); // xã Thạch Trung
    const host = new MemoryHost(new MemoryWorkbook(['Sheet1']), 9);
    const outcome = await consolidateFiles(host, context, [{ name: file.name, bytes: async () => file.bytes }], { periodCode: '2021-H1' });
    const total = outcome.consolidation.totals.indicators.CT5b!;
    expect([total.numerator, total.denominator, total.ratio]).toEqual([0, 1, 0]);
    const row = consolidatedPositions(plan, outcome.consolidation.units).totalsRows.get('CT5b')!;
    const cell = (ref: string) => host.workbook.peek(CONSOLIDATED_SHEETS.totals, ref);
    expect([cell(`F${row}`)?.value, cell(`G${row}`)?.value, cell(`H${row}`)?.value]).toEqual([0, 1, 0]);
    // the commune's matrix cell holds 0 ("Không"): the yes is not met without its evidence
    const matrix = consolidatedPositions(plan, outcome.consolidation.units);
    const communeRow = matrix.matrixRows.first + outcome.consolidation.units.findIndex((u) => u.code === '18088');
    expect(host.workbook.peek(CONSOLIDATED_SHEETS.matrix, formatA1({ row: communeRow, col: matrix.matrixColumns.get('CT5b')! }))?.value).toBe(0);
    // and the exceljs workbook of the same consolidation says the same
    const excel = await throughExceljs(buildConsolidated(outcome.consolidation, plan));
    const totals = excel.sheets.find((s) => s.name === CONSOLIDATED_SHEETS.totals)!;
    expect([`F${row}`, `G${row}`, `H${row}`].map((r) => totals.cells.get(r)?.value)).toEqual([0, 1, 0]);
  });
});
