import type { BookModel, SheetModel } from '../../book/model.ts';
import { Palette } from '../../book/palette.ts';
import type { Comparison } from '../../consolidate/year-on-year.ts';
import type { Consolidation } from '../../consolidate/types.ts';
import { orderUnits, type UnitSort } from '../../consolidate/unit-order.ts';
import type { Plan, ReportHeading } from '../../plan/schema.ts';
import { CONSOLIDATED_MARKER_NAME } from '../../template/names.ts';
import { reportHeading } from '../../vocabulary/headings.ts';
import { periodName, planDocumentText } from '../../vocabulary/periods.ts';
import { activitiesSheet } from './activities-sheet.ts';
import { comparisonSheet } from './comparison-sheet.ts';
import { subtitleOf, unexpectedUnits, type ConsolidatedContext } from './context.ts';
import { coverSheet } from './cover.ts';
import { findingsInOrder, findingsSheet } from './findings-sheet.ts';
import { CONSOLIDATED_SHEETS, consolidatedPositions } from './layout.ts';
import { matrixSheet } from './matrix-sheet.ts';
import { progressSheet } from './progress-sheet.ts';
import { rankingSheet } from './ranking-sheet.ts';
import { totalsSheet } from './totals-sheet.ts';

export * from './layout.ts';
export { COVER_GRID } from './cover.ts';
export { rankingOrder } from './ranking-sheet.ts';

/** Options of {@link buildConsolidated}. */
export interface ConsolidatedOptions {
  /** ISO date stored as the workbook's created/modified date. Default: `reportDate`, else the period's deadline. */
  createdOn?: string;
  /** ISO date of the cover's place-and-date line. Default: the period's deadline. */
  reportDate?: string;
  /** Document number after "Số:" on the cover. Default: blank, to be written in when the report is registered. */
  reportNumber?: string;
  /** Heading and signature overrides; default the plan's `report` block (see `reportHeading`). */
  heading?: Partial<ReportHeading>;
  /** Write the cover and summary sheet (default true). */
  cover?: boolean;
  /** Order of units in the tables: `official` registry order (default) or `name` (Vietnamese collation). */
  sort?: UnitSort;
  /** Comparison with an earlier consolidation: adds the "So sánh cùng kỳ" sheet and change lines on the cover. */
  comparison?: Comparison;
}

/**
 * The consolidated workbook (bảng tổng hợp) of one period as a model: the cover "Báo cáo tóm
 * tắt" (unless `cover: false`), "Tổng hợp", "Đơn vị × chỉ tiêu", "Xếp hạng", "Tiến độ gửi báo
 * cáo", "Hoạt động", "Kết quả kiểm tra" and, with a comparison, "So sánh cùng kỳ"; the marker
 * name `cchc_consolidated`. Totals are live formulas over the matrix (sum, then divide) whose
 * results are core's (`result.totals`, the units' results, ranks and activity counts). Rows are
 * built when a renderer iterates them.
 * @throws Error when `result.plan.id` is not `plan.id` (the consolidation was made against another plan).
 * @throws RangeError when a date in the period, the units or `options` is not ISO `yyyy-mm-dd`.
 */
export function buildConsolidated(result: Consolidation, plan: Plan, options: ConsolidatedOptions = {}): BookModel {
  if (result.plan.id !== plan.id) throw new Error(`buildConsolidated: the consolidation is for plan "${result.plan.id}", not "${plan.id}"`);
  const period = result.period;
  const reportDate = options.reportDate ?? period.deadline;
  const units = orderUnits(result.units, options.sort);
  const palette = new Palette();
  const ctx: ConsolidatedContext = {
    result,
    plan,
    units,
    findings: findingsInOrder(result.findings, units, options.sort === 'name'),
    positions: consolidatedPositions(plan, units),
    palette,
    subtitle: subtitleOf(plan, result),
    heading: reportHeading(plan, options.heading),
    reportDate,
    reportNumber: options.reportNumber ?? '',
    unexpected: unexpectedUnits(result),
    ...(options.comparison ? { comparison: options.comparison } : {}),
  };
  const sheets: SheetModel[] = [
    ...(options.cover === false ? [] : [coverSheet(ctx)]),
    totalsSheet(ctx),
    matrixSheet(ctx),
    rankingSheet(ctx),
    progressSheet(ctx),
    activitiesSheet(ctx),
    findingsSheet(ctx),
    ...(options.comparison ? [comparisonSheet(ctx, options.comparison)] : []),
  ];
  return {
    title: `Tổng hợp ${periodName(period)} – ${planDocumentText(plan.document)}`.normalize('NFC'),
    createdOn: options.createdOn ?? reportDate,
    sheets,
    // marks the workbook as ours, so `cchc consolidate` skips it when it lies among the inputs
    names: [{ name: CONSOLIDATED_MARKER_NAME, sheet: CONSOLIDATED_SHEETS.totals, ref: 'A1' }],
    styles: palette.styles,
  };
}
