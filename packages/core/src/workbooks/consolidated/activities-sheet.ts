import type { SheetModel, StyleModel } from '../../book/model.ts';
import { NUM_FMT } from '../../book/palette.ts';
import { tablePrint } from '../../book/print.ts';
import { rowOf, type CellInput } from '../../book/rows.ts';
import { formatA1 } from '../../grid/a1.ts';
import { listEntry } from '../../template/names.ts';
import { CONSOLIDATED_TITLES, HEADERS } from '../../vocabulary/sheets.ts';
import { BODY, HEADER, TOTAL, columnsOf, headRows, tableSheet, type ConsolidatedContext } from './context.ts';
import { CONSOLIDATED_LAYOUT, CONSOLIDATED_SHEETS } from './layout.ts';
import { tallyTableRows, type TallyTable } from './activity-totals-rows.ts';
import { unitDisplayName } from '../../vocabulary/units.ts';

/**
 * "Hoạt động": valid activities counted by theme (rows) × form (columns), core's counts, with
 * `SUM` totals per row and per column; under it, the activity totals (count, Σ quantity, Σ
 * participants) by form and sub-form, by theme and sub-theme, and by unit (core's tallies).
 */
export function activitiesSheet(ctx: ConsolidatedContext): SheetModel {
  const L = CONSOLIDATED_LAYOUT;
  const { plan, palette } = ctx;
  const { themes, forms, counts } = ctx.result.activities;
  const themeText = new Map(plan.themes.map((t) => [t.code, t.text.vi]));
  const formText = new Map(plan.forms.map((f) => [f.code, f.text.vi]));
  const firstCol = 3;
  const totalCol = firstCol + forms.length;
  const last = L.firstRow + themes.length - 1;
  const columns = columnsOf(palette, [8, 40, ...forms.map(() => 14), 10]);
  const count = (i: number, j: number): number => counts[i]?.[j] ?? 0;
  // no repeated header rows: the tables under the matrix have headers of their own
  const print = tablePrint(columns, 'landscape', undefined, [1, 2]);
  return tableSheet(CONSOLIDATED_SHEETS.activities, columns, print, function* rows() {
    const headers = [
      HEADERS.activitiesCode,
      HEADERS.activitiesCorner,
      ...forms.map((code) => {
        const text = formText.get(code);
        return (text ? listEntry(code, text) : code).normalize('NFC');
      }),
      HEADERS.total,
    ];
    const head = headRows(ctx, columns, CONSOLIDATED_TITLES.activities, { note: 'Một hoạt động có hai nội dung được đếm ở cả hai dòng.' });
    const header = rowOf(
      palette,
      columns,
      L.headerRow,
      headers.map((h, k): [number, CellInput, StyleModel] => [k + 1, h, k >= 2 && k < headers.length - 1 ? { ...HEADER, size: 10 } : HEADER]),
      { height: 64 },
    );
    for (const row of [...head, header]) yield row;
    const totalStyle: StyleModel = { ...TOTAL, numFmt: NUM_FMT.integer, horizontal: 'right' };
    for (const [i, code] of themes.entries()) {
      const row = L.firstRow + i;
      const cells: Array<[number, CellInput, StyleModel]> = [
        [1, code, { ...BODY, horizontal: 'center' }],
        [2, (themeText.get(code) ?? code).normalize('NFC'), BODY],
      ];
      forms.forEach((_, j) => cells.push([firstCol + j, count(i, j), { ...BODY, numFmt: NUM_FMT.integer, horizontal: 'right' }]));
      const rowSum = forms.reduce((s, _, j) => s + count(i, j), 0);
      cells.push([totalCol, forms.length ? { formula: `SUM(${formatA1({ row, col: firstCol })}:${formatA1({ row, col: totalCol - 1 })})`, result: rowSum } : 0, totalStyle]);
      yield rowOf(palette, columns, row, cells);
    }
    const totalRow = last + 1;
    const cells: Array<[number, CellInput, StyleModel]> = [[1, HEADERS.total, { ...TOTAL, horizontal: 'center' }]];
    for (let col = firstCol; col <= totalCol; col++) {
      const sum = themes.reduce((s, _, i) => s + (col === totalCol ? forms.reduce((t, __, j) => t + count(i, j), 0) : count(i, col - firstCol)), 0);
      cells.push([col, themes.length ? { formula: `SUM(${formatA1({ row: L.firstRow, col })}:${formatA1({ row: last, col })})`, result: sum } : 0, totalStyle]);
    }
    yield rowOf(palette, columns, totalRow, cells, { merges: [{ fromCol: 1, toRow: totalRow, toCol: 2 }] });
    // the activity totals: by form and sub-form, by theme and sub-theme, by unit
    let next = totalRow + 2;
    for (const table of tallyTables(ctx)) {
      const built = tallyTableRows(palette, columns, next, table);
      for (const row of built.rows) yield row;
      next = built.next + 1;
    }
  }, { rows: L.headerRow, columns: 2 });
}

/** The three tables of activity totals under the theme × form matrix. */
function tallyTables(ctx: ConsolidatedContext): TallyTable[] {
  const { plan, result } = ctx;
  const totals = result.activityTotals;
  const forms = new Map(plan.forms.map((f) => [f.code, f]));
  const themes = new Map(plan.themes.map((t) => [t.code, t]));
  const units = new Map(result.units.map((u) => [u.code, u]));
  const unitTally = new Map(totals.units.map((t) => [t.code, t]));
  return [
    {
      title: CONSOLIDATED_TITLES.activitiesByForm,
      nameHeader: HEADERS.activityForm,
      rows: totals.forms.map((tally) => ({ code: tally.code, name: forms.get(tally.code)?.text.vi ?? tally.code, sub: forms.get(tally.code)?.parent !== undefined, tally })),
    },
    {
      title: CONSOLIDATED_TITLES.activitiesByTheme,
      nameHeader: HEADERS.activityTheme,
      rows: totals.themes.map((tally) => ({ code: tally.code, name: themes.get(tally.code)?.text.vi ?? tally.code, sub: themes.get(tally.code)?.parent !== undefined, tally })),
    },
    {
      title: CONSOLIDATED_TITLES.activitiesByUnit,
      nameHeader: HEADERS.activityUnit,
      rows: ctx.units.map((u) => ({ code: u.code, name: unitDisplayName(units.get(u.code) ?? u), sub: false, tally: unitTally.get(u.code) ?? { code: u.code, count: 0, quantity: 0, participants: 0 } })),
      total: totals.total,
    },
  ];
}
