import type { SheetModel, StyleModel } from '../../book/model.ts';
import { COLOR, NUM_FMT } from '../../book/palette.ts';
import { tablePrint } from '../../book/print.ts';
import { RowSet, type CellInput } from '../../book/rows.ts';
import { formatA1, formatSheetCell } from '../../grid/a1.ts';
import type { Comparison } from '../../consolidate/year-on-year.ts';
import { CONSOLIDATED_TITLES, HEADERS } from '../../vocabulary/sheets.ts';
import { unitDisplayName } from '../../vocabulary/units.ts';
import { BODY, HEADER, SUBTITLE, TITLE, columnsOf, tableSheet, type ConsolidatedContext } from './context.ts';
import { CONSOLIDATED_EXTRA_SHEETS, CONSOLIDATED_LAYOUT, CONSOLIDATED_SHEETS } from './layout.ts';
import { totalsRowValues } from './totals-sheet.ts';

/** `IF(AND(ISNUMBER(a),ISNUMBER(b)),a-b,"")` with its result. */
function change(a: string, b: string, av: number | '' | null, bv: number | null): { formula: string; result: number | '' } {
  return { formula: `IF(AND(ISNUMBER(${a}),ISNUMBER(${b})),${a}-${b},"")`, result: typeof av === 'number' && typeof bv === 'number' ? av - bv : '' };
}

/**
 * "So sánh cùng kỳ" (`cchc consolidate --compare PREVIOUS.json`): per indicator the city ratio,
 * Σ numerator (or the count) and Σ denominator this period — live references to "Tổng hợp" —
 * beside the earlier consolidation's figures and the change (this period − earlier, ratios in
 * percentage points); then per unit the score and rank of both periods and their changes (rank
 * change = earlier rank − current rank, positive = moved up).
 */
export function comparisonSheet(ctx: ConsolidatedContext, comparison: Comparison): SheetModel {
  const L = CONSOLIDATED_LAYOUT;
  const { plan, palette } = ctx;
  const hasUnits = ctx.units.length > 0;
  const columns = columnsOf(palette, [5, 8, 44, 11, 11, 11, 12, 12, 11, 12, 12, 11]);
  const rows = new RowSet(palette);
  rows.merge(1, 1, 1, columns.length, CONSOLIDATED_TITLES.comparison(comparison.previous.period).normalize('NFC'), TITLE);
  rows.height(1, 22);
  rows.merge(2, 1, 2, columns.length, ctx.subtitle, SUBTITLE);
  rows.height(2, 34);
  const source = comparison.previous.file ? ` (tệp ${comparison.previous.file})` : '';
  const same = comparison.samePeriodLastYear ? 'cùng kỳ năm trước' : 'không phải cùng kỳ năm trước';
  rows.put(
    3,
    1,
    `Kỳ trước: ${comparison.previous.period}${source}, ${same}. Thay đổi = kỳ này − kỳ trước; thay đổi tỷ lệ tính bằng điểm phần trăm. Số kỳ này lấy từ trang ${CONSOLIDATED_SHEETS.totals}.`.normalize('NFC'),
    { italic: true, size: 10, wrap: false },
  );
  const header: StyleModel = { ...HEADER, size: 11 };
  HEADERS.comparison.forEach((h, i) => rows.put(L.headerRow, i + 1, h, header));
  rows.height(L.headerRow, 48);
  const T = (address: string): string => formatSheetCell(CONSOLIDATED_SHEETS.totals, address);
  comparison.indicators.forEach((ic, i) => {
    const row = L.firstRow + i;
    const indicator = plan.indicators.find((x) => x.code === ic.code);
    const tRow = ctx.positions.totalsRows.get(ic.code);
    const shown = indicator ? totalsRowValues(indicator, ctx.result.totals.indicators[ic.code], hasUnits) : null;
    rows.put(row, 1, i + 1, { ...BODY, horizontal: 'center' });
    rows.put(row, 2, ic.code, { ...BODY, horizontal: 'center' });
    rows.put(row, 3, indicator ? indicator.text.vi.normalize('NFC') : ic.code, { ...BODY, size: 10, vertical: 'top' });
    const isCount = indicator?.measure === 'count';
    /** A reference to a totals cell (none where the totals sheet leaves it blank) and the value it shows. */
    const ref = (column: 'F' | 'G' | 'H', blank: boolean): { cell: CellInput; seen: number | '' | null } => {
      const seen = shown?.[column] ?? null;
      if (tRow === undefined || blank || seen === null) return { cell: null, seen: null };
      return { cell: { formula: T(`${column}${tRow}`), result: seen }, seen };
    };
    const cur = { ratio: ref('H', isCount), main: ref('F', false), den: ref('G', isCount) };
    const prev = {
      ratio: isCount ? null : (ic.previous?.ratio ?? null),
      main: isCount ? (ic.previous?.value ?? null) : (ic.previous?.numerator ?? null),
      den: isCount ? null : (ic.previous?.denominator ?? null),
    };
    const groups = [
      [4, cur.ratio, prev.ratio, NUM_FMT.percent, NUM_FMT.changePercent],
      [7, cur.main, prev.main, NUM_FMT.integer, NUM_FMT.changeNumber],
      [10, cur.den, prev.den, NUM_FMT.integer, NUM_FMT.changeNumber],
    ] as const;
    for (const [col, c, p, fmt, changeFmt] of groups) {
      const a = formatA1({ row, col });
      const b = formatA1({ row, col: col + 1 });
      rows.put(row, col, c.cell, { ...BODY, numFmt: fmt, horizontal: 'right' });
      rows.put(row, col + 1, p, { ...BODY, numFmt: fmt, horizontal: 'right' });
      const d = change(a, b, c.seen, p);
      const fill = typeof d.result === 'number' ? (d.result > 0 ? COLOR.met : d.result < 0 ? COLOR.notMet : undefined) : undefined;
      rows.put(row, col + 2, d, { ...BODY, numFmt: changeFmt, horizontal: 'right', ...(fill ? { fill } : {}) });
    }
  });

  // ---- units ------------------------------------------------------------------------------
  let row = L.firstRow + comparison.indicators.length + 1;
  rows.merge(row, 1, row, 6, CONSOLIDATED_TITLES.unitsComparison, { bold: true, wrap: false });
  row += 1;
  HEADERS.comparisonUnits.forEach((h, i) => rows.put(row, i + 1, h, header));
  rows.height(row, 34);
  row += 1;
  const byCode = new Map(comparison.units.map((u) => [u.code, u]));
  ctx.units.forEach((u, i) => {
    const c = byCode.get(u.code);
    const r = row + i;
    rows.put(r, 1, i + 1, { ...BODY, horizontal: 'center' });
    rows.put(r, 2, u.code, { ...BODY, numFmt: NUM_FMT.text, horizontal: 'center' });
    rows.put(r, 3, unitDisplayName(u), BODY);
    const score = c?.current.score ?? null;
    const prevScore = c?.previous?.score ?? null;
    const rank = c?.current.rank ?? null;
    const prevRank = c?.previous?.rank ?? null;
    rows.put(r, 4, score, { ...BODY, numFmt: NUM_FMT.score, horizontal: 'right' });
    rows.put(r, 5, prevScore, { ...BODY, numFmt: NUM_FMT.score, horizontal: 'right' });
    rows.put(r, 6, change(formatA1({ row: r, col: 4 }), formatA1({ row: r, col: 5 }), score, prevScore), { ...BODY, numFmt: NUM_FMT.changeScore, horizontal: 'right' });
    rows.put(r, 7, rank, { ...BODY, horizontal: 'center' });
    rows.put(r, 8, prevRank, { ...BODY, horizontal: 'center' });
    rows.put(r, 9, change(formatA1({ row: r, col: 8 }), formatA1({ row: r, col: 7 }), prevRank, rank), { ...BODY, numFmt: NUM_FMT.changeNumber, horizontal: 'center' });
  });
  const built = rows.rows(columns);
  return tableSheet(CONSOLIDATED_EXTRA_SHEETS.comparison, columns, tablePrint(columns, 'landscape', [L.headerRow, L.headerRow]), () => built);
}


