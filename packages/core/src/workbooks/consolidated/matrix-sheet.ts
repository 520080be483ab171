import type { RowModel, SheetModel, StyleModel } from '../../book/model.ts';
import { NUM_FMT } from '../../book/palette.ts';
import { firstPageColumns, tablePrint } from '../../book/print.ts';
import { RowSet, rowOf, type CellInput } from '../../book/rows.ts';
import { formatA1, numberToColumn } from '../../grid/a1.ts';
import type { IndicatorTotal, UnitResult } from '../../consolidate/types.ts';
import { CONSOLIDATED_TITLES, HEADERS } from '../../vocabulary/sheets.ts';
import { unitDisplayName } from '../../vocabulary/units.ts';
import { NOT_SENT, STATUS_WORDS } from '../../vocabulary/words.ts';
import { BODY, HEADER, STATUS_FILL, TOTAL, columnsOf, headRows, tableSheet, type ConsolidatedContext } from './context.ts';
import { CONSOLIDATED_LAYOUT, CONSOLIDATED_SHEETS, matrixWidth } from './layout.ts';

/** Row 3 of the matrix: what the colours mean. */
const LEGEND =
  'Màu ô tỷ lệ/kết quả: xanh = đạt; vàng = chưa đạt; xám = thiếu số liệu hoặc chưa gửi; đỏ = số liệu không hợp lệ; trắng = không áp dụng. Chỉ ghi số liệu được tính vào tổng hợp.';

/** `IF(AND(ISNUMBER(den),den>0),num/den,"")`. */
export function ratioFormula(num: string, den: string): string {
  return `IF(AND(ISNUMBER(${den}),${den}>0),${num}/${den},"")`;
}

/** `IF(COUNT(range)=0,"",SUM(range))`: blank, not 0, when nothing was counted. */
export function sumFormula(range: string): string {
  return `IF(COUNT(${range})=0,"",SUM(${range}))`;
}

/** A number, or `''` for null (the formulas' empty result). */
export function orEmpty(value: number | null | undefined): number | '' {
  return value === null || value === undefined ? '' : value;
}

/**
 * "Đơn vị × chỉ tiêu": one row per unit. Ratio and comparison indicators take numerator,
 * denominator and a ratio formula; count and yes/no indicators one column (yes/no as 1/0 shown
 * "Có"/"Không", 1 only when the yes is met, i.e. with the evidence the plan requires). Figures are
 * written only where core counted the unit's result, so the column sums are core's city totals;
 * elsewhere the ratio/value cell says why (status word, or "Chưa gửi"). The total row sums the
 * columns, with core's totals as cached results.
 */
export function matrixSheet(ctx: ConsolidatedContext): SheetModel {
  const L = CONSOLIDATED_LAYOUT;
  const P = ctx.positions;
  const { plan, palette } = ctx;
  const columns = columnsOf(palette, [5, 9, 22, ...Array.from({ length: P.matrixLastCol - L.matrixLeadColumns }, () => 10)]);
  const print = tablePrint(columns, 'landscape', [L.headerRow, L.headerRow + 1], [1, L.matrixLeadColumns]);
  return tableSheet(CONSOLIDATED_SHEETS.matrix, columns, print, function* rows() {
    const head = headRows(ctx, columns, CONSOLIDATED_TITLES.matrix, { note: LEGEND, width: firstPageColumns(print, columns) });
    const headers = new RowSet(palette);
    const h1 = L.headerRow;
    const h2 = L.headerRow + 1;
    HEADERS.matrixLead.forEach((h, i) => headers.merge(h1, i + 1, h2, i + 1, h, HEADER));
    for (const indicator of plan.indicators) {
      const c = P.matrixColumns.get(indicator.code) ?? 0;
      const w = matrixWidth(indicator);
      headers.merge(h1, c, h1, c + w - 1, indicator.code, HEADER);
      if (w === 3) {
        const words = indicator.measure === 'comparison' ? HEADERS.matrixComparison : HEADERS.matrixRatio;
        words.forEach((word, k) => headers.put(h2, c + k, word, { ...HEADER, size: 10 }));
      } else {
        headers.put(h2, c, indicator.measure === 'boolean' ? HEADERS.matrixYesNo : HEADERS.matrixCount, { ...HEADER, size: 10 });
      }
    }
    headers.height(h2, 30);
    for (const row of [...head, ...headers.rows(columns)]) yield row;
    for (const [i, u] of ctx.units.entries()) yield unitRow(ctx, columns, P.matrixRows.first + i, i, u);
    yield totalRow(ctx, columns);
  }, { rows: L.matrixFirstRow - 1, columns: L.matrixLeadColumns });
}

function unitRow(ctx: ConsolidatedContext, columns: SheetModel['columns'], row: number, index: number, u: UnitResult): RowModel {
  const cells: Array<[number, CellInput, StyleModel]> = [
    [1, index + 1, { ...BODY, horizontal: 'center' }],
    [2, u.code, { ...BODY, numFmt: NUM_FMT.text, horizontal: 'center' }],
    [3, unitDisplayName(u), BODY],
  ];
  for (const indicator of ctx.plan.indicators) {
    const c = ctx.positions.matrixColumns.get(indicator.code) ?? 0;
    const ir = u.indicators[indicator.code];
    const status = u.submitted ? (ir?.status ?? 'missing') : 'missing';
    const why = u.submitted ? STATUS_WORDS[status] : NOT_SENT;
    const fill = STATUS_FILL[status];
    const whyStyle: StyleModel = { ...BODY, size: 9, horizontal: 'center', fill };
    if (matrixWidth(indicator) === 3) {
      if (u.submitted && ir?.counted && ir.numerator !== null && ir.denominator !== null) {
        const num = formatA1({ row, col: c });
        const den = formatA1({ row, col: c + 1 });
        const ratio = ir.denominator > 0 ? ir.numerator / ir.denominator : '';
        cells.push(
          [c, ir.numerator, { ...BODY, numFmt: NUM_FMT.integer }],
          [c + 1, ir.denominator, { ...BODY, numFmt: NUM_FMT.integer }],
          [c + 2, { formula: ratioFormula(num, den), result: ratio }, { ...BODY, numFmt: NUM_FMT.percent, fill }],
        );
      } else {
        cells.push([c, null, BODY], [c + 1, null, BODY], [c + 2, why, whyStyle]);
      }
    } else {
      const value = ir?.value;
      if (u.submitted && ir?.counted && (typeof value === 'number' || typeof value === 'boolean')) {
        // a yes counts only when met (a yes without the evidence the plan requires is not met), as in core's totals
        const n = typeof value === 'boolean' ? (ir.status === 'met' ? 1 : 0) : value;
        cells.push([c, n, { ...BODY, horizontal: 'center', fill, numFmt: indicator.measure === 'boolean' ? NUM_FMT.yesNo : NUM_FMT.integer }]);
      } else {
        cells.push([c, why, whyStyle]);
      }
    }
  }
  return rowOf(ctx.palette, columns, row, cells);
}

/** The total row: column sums, with core's city totals as their results. */
function totalRow(ctx: ConsolidatedContext, columns: SheetModel['columns']): RowModel {
  const { first, last } = ctx.positions.matrixRows;
  const row = last + 1;
  const hasUnits = ctx.units.length > 0;
  const cells: Array<[number, CellInput, StyleModel]> = [[1, HEADERS.grandTotal, { ...TOTAL, horizontal: 'center' }]];
  const sum = (col: number, total: number | null): [number, CellInput, StyleModel] => {
    const letter = numberToColumn(col);
    return [col, hasUnits ? { formula: sumFormula(`${letter}${first}:${letter}${last}`), result: orEmpty(total) } : null, { ...TOTAL, numFmt: NUM_FMT.integer }];
  };
  for (const indicator of ctx.plan.indicators) {
    const c = ctx.positions.matrixColumns.get(indicator.code) ?? 0;
    const t: IndicatorTotal | undefined = ctx.result.totals.indicators[indicator.code];
    if (matrixWidth(indicator) === 3) {
      const numAddr = formatA1({ row, col: c });
      const denAddr = formatA1({ row, col: c + 1 });
      cells.push(sum(c, t?.numerator ?? null), sum(c + 1, t?.denominator ?? null), [
        c + 2,
        { formula: ratioFormula(numAddr, denAddr), result: orEmpty(t?.ratio) },
        { ...TOTAL, numFmt: NUM_FMT.percent },
      ]);
    } else {
      cells.push(sum(c, indicator.measure === 'count' ? (t?.value ?? null) : (t?.numerator ?? null)));
    }
  }
  return rowOf(ctx.palette, columns, row, cells, { merges: [{ fromCol: 1, toRow: row, toCol: 3 }] });
}
