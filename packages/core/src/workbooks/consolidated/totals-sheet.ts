import type { PrintModel, SheetModel, StyleModel } from '../../book/model.ts';
import { COLOR, NUM_FMT } from '../../book/palette.ts';
import { FIT_ABOVE, keepTogether, pageHeightPt, printedScale, rowPoints, tablePrint } from '../../book/print.ts';
import { RowSet } from '../../book/rows.ts';
import { formatA1, formatSheetColumn } from '../../grid/a1.ts';
import type { IndicatorTotal } from '../../consolidate/types.ts';
import type { Indicator } from '../../plan/schema.ts';
import { formatDate } from '../../vocabulary/dates.ts';
import { CONSOLIDATED_TITLES, HEADERS } from '../../vocabulary/sheets.ts';
import { deadlineBasisSuffix, targetText } from '../../vocabulary/basis.ts';
import { YES } from '../../vocabulary/words.ts';
import { BODY, HEADER, NOTE, SUBTITLE, TITLE, columnsOf, tableSheet, type ConsolidatedContext } from './context.ts';
import { CONSOLIDATED_LAYOUT, CONSOLIDATED_SHEETS, matrixWidth } from './layout.ts';
import { orEmpty, ratioFormula, sumFormula } from './matrix-sheet.ts';

/** The note under the indicator table. */
const METHOD_NOTE =
  'Ghi chú: tỷ lệ = tổng tử số ÷ tổng mẫu số của các đơn vị được tính (không lấy trung bình tỷ lệ); chỉ tiêu Có/Không: tử số = số đơn vị trả lời "Có", mẫu số = số đơn vị trả lời.';

/** The submission lines' labels, in order (expected, sent, share sent, on time, share on time). */
export const SUBMISSION_LABELS = [
  'Số đơn vị phải báo cáo',
  'Số đơn vị đã gửi báo cáo',
  'Tỷ lệ đơn vị đã gửi báo cáo (%)',
  'Số đơn vị gửi đúng hạn',
  'Tỷ lệ gửi đúng hạn (%)',
] as const;

/** What a row of "Tổng hợp" shows in F–J (null = a blank cell, `''` = an empty formula result). */
export interface TotalsRowValues {
  F: number | '' | null;
  G: number | '' | null;
  H: number | '' | null;
  I: number | null;
  J: number;
}

/**
 * What the indicator's row of "Tổng hợp" shows, from core's total: F = Σ numerators (count:
 * Σ values; yes/no: units whose yes is met), G = Σ denominators (yes/no: `COUNT` of the answers;
 * count: blank), H = the ratio, I = units counted, J = units met; F–I blank when no unit is listed.
 * The cover and the comparison sheet read these cells, so they take their results from here too.
 */
export function totalsRowValues(indicator: Pick<Indicator, 'measure'>, total: IndicatorTotal | undefined, hasUnits: boolean): TotalsRowValues {
  const J = total?.unitsMet ?? 0;
  if (!hasUnits) return { F: null, G: null, H: null, I: null, J };
  const I = total?.unitsCounted ?? 0;
  if (indicator.measure === 'count') return { F: orEmpty(total?.value), G: null, H: null, I, J };
  const G = indicator.measure === 'boolean' ? I : orEmpty(total?.denominator);
  return { F: orEmpty(total?.numerator), G, H: orEmpty(total?.ratio), I, J };
}

/**
 * "Tổng hợp": per indicator Σ numerator and Σ denominator as `SUM` over the matrix columns, the
 * ratio `IF(den>0,num/den,"")`, units counted (`COUNT`) and units met; for count measures the sum
 * is in the numerator column; for yes/no measures numerator = units whose yes is met, denominator
 * = units answering. Then the submission block, with `COUNTIF` over "Tiến độ gửi báo cáo".
 * Every result is core's (`Consolidation.totals`). Printed on one page when that keeps the text
 * readable; else the submission block is kept together on the next page.
 */
export function totalsSheet(ctx: ConsolidatedContext): SheetModel {
  const L = CONSOLIDATED_LAYOUT;
  const P = ctx.positions;
  const { plan, palette, result } = ctx;
  const columns = columnsOf(palette, [5, 8, 44, 10, 18, 15, 15, 10, 11, 11]);
  const rows = new RowSet(palette);
  rows.merge(1, 1, 1, columns.length, CONSOLIDATED_TITLES.totals(plan.year), TITLE);
  rows.height(1, 22);
  rows.merge(2, 1, 2, columns.length, ctx.subtitle, SUBTITLE);
  rows.height(2, 34);
  HEADERS.totals.forEach((h, i) => rows.put(L.headerRow, i + 1, h, HEADER));
  rows.height(L.headerRow, 50);
  const hasUnits = ctx.units.length > 0;
  const { first, last } = P.matrixRows;
  const num: StyleModel = { ...BODY, numFmt: NUM_FMT.integer, horizontal: 'right' };
  const percent: StyleModel = { ...BODY, numFmt: NUM_FMT.percent };
  plan.indicators.forEach((indicator, i) => {
    const row = L.firstRow + i;
    const c = P.matrixColumns.get(indicator.code) ?? 0;
    const t = result.totals.indicators[indicator.code];
    rows.put(row, 1, i + 1, { ...BODY, horizontal: 'center' });
    rows.put(row, 2, indicator.code, { ...BODY, horizontal: 'center' });
    rows.put(row, 3, indicator.text.vi.normalize('NFC'), { ...BODY, vertical: 'top' });
    rows.put(row, 4, indicator.unitOfMeasure.normalize('NFC'), { ...BODY, horizontal: 'center' });
    rows.put(row, 5, targetText(indicator).vi, { ...BODY, horizontal: 'center' });
    const F = formatA1({ row, col: 6 });
    const G = formatA1({ row, col: 7 });
    const range = (col: number): string => formatSheetColumn(CONSOLIDATED_SHEETS.matrix, col, first, last);
    const v = totalsRowValues(indicator, t, hasUnits);
    const sum = (col: number, value: number | '' | null) => ({ formula: sumFormula(range(col)), result: value ?? '' });
    const count = (col: number) => ({ formula: `COUNT(${range(col)})`, result: v.I ?? 0 });
    const ratio = { formula: ratioFormula(F, G), result: v.H ?? '' };
    if (!hasUnits) {
      for (let col = 6; col <= 9; col++) rows.put(row, col, null, BODY);
    } else if (matrixWidth(indicator) === 3) {
      rows.put(row, 6, sum(c, v.F), num);
      rows.put(row, 7, sum(c + 1, v.G), num);
      rows.put(row, 8, ratio, percent);
      rows.put(row, 9, count(c), num);
    } else if (indicator.measure === 'boolean') {
      rows.put(row, 6, sum(c, v.F), num);
      rows.put(row, 7, count(c), num);
      rows.put(row, 8, ratio, percent);
      rows.put(row, 9, count(c), num);
    } else {
      rows.put(row, 6, sum(c, v.F), num);
      rows.put(row, 7, null, { ...BODY, fill: COLOR.locked });
      rows.put(row, 8, null, { ...BODY, fill: COLOR.locked });
      rows.put(row, 9, count(c), num);
    }
    rows.put(row, 10, v.J, num);
  });
  rows.put(L.firstRow + plan.indicators.length, 3, METHOD_NOTE, NOTE);

  // ---- the submission block -------------------------------------------------------------
  const S = P.submission;
  rows.merge(S.title, 2, S.title, 5, CONSOLIDATED_TITLES.submission, { bold: true });
  const totals = result.totals;
  const progressColumn = (col: number): string => formatSheetColumn(CONSOLIDATED_SHEETS.progress, col, P.unitRows.first, P.unitRows.last);
  const values = [
    { value: totals.expected, fmt: NUM_FMT.integer },
    { value: hasUnits ? { formula: `COUNTIF(${progressColumn(4)},"${YES}")`, result: totals.received } : 0, fmt: NUM_FMT.integer },
    { value: { formula: `IF(${S.expected}>0,${S.received}/${S.expected},"")`, result: totals.expected > 0 ? totals.completeness : '' }, fmt: NUM_FMT.percent },
    { value: hasUnits ? { formula: `COUNTIF(${progressColumn(8)},"${YES}")`, result: totals.onTime } : 0, fmt: NUM_FMT.integer },
    { value: { formula: `IF(${S.expected}>0,${S.onTime}/${S.expected},"")`, result: totals.expected > 0 ? totals.timeliness : '' }, fmt: NUM_FMT.percent },
  ] as const;
  values.forEach(({ value, fmt }, i) => {
    const row = S.title + 1 + i;
    rows.merge(row, 2, row, 5, SUBMISSION_LABELS[i] ?? '', BODY);
    rows.put(row, 6, value, { ...BODY, numFmt: fmt, horizontal: 'right' });
  });
  rows.put(S.note, 2, `Hạn gửi báo cáo: ${formatDate(result.period.deadline)}${deadlineBasisSuffix(plan).vi}. Đúng hạn = gửi trước hoặc đúng ngày hạn gửi báo cáo.`, NOTE);

  const { print, breakBefore } = totalsPrint(rows, columns, L.firstRow + plan.indicators.length);
  if (breakBefore) rows.breakAfter(S.title - 1);
  else if (!('scale' in print.fit) && print.fit.height !== 1) for (const after of keepTogether(rows.rows(columns), print, columns, [[S.title, S.note]])) rows.breakAfter(after);
  const finalRows = rows.rows(columns);
  return tableSheet(CONSOLIDATED_SHEETS.totals, columns, print, () => finalRows);
}

/**
 * How "Tổng hợp" prints: fitted to the page width when it fits one page; on one page when that
 * keeps a readable scale; else, when the indicator table (to `tableEnd`) fits one page, the
 * submission block starts the next page on its own, under no repeated header (`breakBefore`);
 * else (a long indicator table) with its header repeated and the block kept together.
 */
function totalsPrint(rows: RowSet, columns: SheetModel['columns'], tableEnd: number): { print: PrintModel; breakBefore: boolean } {
  const L = CONSOLIDATED_LAYOUT;
  const print = tablePrint(columns, 'landscape', [L.headerRow, L.headerRow]);
  const built = new Map(rows.rows(columns).map((r) => [r.row, r]));
  const height = (from: number, to: number): number => {
    let sum = 0;
    for (let row = from; row <= to; row++) sum += rowPoints(built.get(row));
    return sum;
  };
  const page = pageHeightPt(print, columns);
  const all = height(1, rows.lastRow);
  if (all <= page) return { print, breakBefore: false };
  if ((printedScale(print, columns) * page) / all >= FIT_ABOVE) return { print: { ...print, fit: { width: 1, height: 1 } }, breakBefore: false };
  if (height(1, tableEnd) <= page) {
    const { titleRows: _none, ...rest } = print;
    return { print: rest, breakBefore: true };
  }
  return { print, breakBefore: false };
}
