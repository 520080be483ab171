import { formatA1 } from '../../grid/a1.ts';
import type { Indicator, Plan } from '../../plan/schema.ts';
import type { UnitResult } from '../../consolidate/types.ts';
import { CONSOLIDATED_SHEET_NAMES } from '../../vocabulary/sheets.ts';

/** Sheet names of the consolidated workbook's tables, in tab order after the cover. */
export const CONSOLIDATED_SHEETS = {
  totals: CONSOLIDATED_SHEET_NAMES.totals,
  matrix: CONSOLIDATED_SHEET_NAMES.matrix,
  ranking: CONSOLIDATED_SHEET_NAMES.ranking,
  progress: CONSOLIDATED_SHEET_NAMES.progress,
  activities: CONSOLIDATED_SHEET_NAMES.activities,
  findings: CONSOLIDATED_SHEET_NAMES.findings,
} as const;

/**
 * Sheets the consolidated workbook has besides {@link CONSOLIDATED_SHEETS}: the cover and summary
 * (first, unless left out) and, with a comparison, the year-on-year sheet (last).
 */
export const CONSOLIDATED_EXTRA_SHEETS = {
  cover: CONSOLIDATED_SHEET_NAMES.cover,
  comparison: CONSOLIDATED_SHEET_NAMES.comparison,
} as const;

/**
 * Layout of the consolidated sheets (1-based rows). Every sheet has title rows 1–2, its header
 * on `headerRow` and data from `firstRow`; the matrix has a second header row, so its data
 * starts one row lower.
 */
export const CONSOLIDATED_LAYOUT = {
  headerRow: 4,
  firstRow: 5,
  matrixFirstRow: 6,
  /** Matrix columns before the first indicator column (STT, code, unit). */
  matrixLeadColumns: 3,
} as const;

/** Columns an indicator takes in the matrix: numerator, denominator, ratio for ratio/comparison; one value column otherwise. */
export function matrixWidth(indicator: Pick<Indicator, 'measure'>): 1 | 3 {
  return indicator.measure === 'ratio' || indicator.measure === 'comparison' ? 3 : 1;
}

/** Where things sit across the consolidated sheets, so one sheet's formulas can point into another. */
export interface ConsolidatedPositions {
  /** Indicator code → its row on "Tổng hợp". */
  totalsRows: ReadonlyMap<string, number>;
  /** Indicator code → its first column on "Đơn vị × chỉ tiêu". */
  matrixColumns: ReadonlyMap<string, number>;
  /** Last column of the matrix. */
  matrixLastCol: number;
  /** First and last unit rows of the matrix (last < first when there is no unit). */
  matrixRows: { first: number; last: number };
  /** First and last unit rows of "Tiến độ gửi báo cáo" (and of "Xếp hạng"). */
  unitRows: { first: number; last: number };
  /** Addresses on "Tổng hợp" of the submission block: expected, received, completeness, on time, timeliness. */
  submission: { title: number; expected: string; received: string; completeness: string; onTime: string; timeliness: string; note: number };
}

/** The positions for `plan` and `units` (display order). */
export function consolidatedPositions(plan: Pick<Plan, 'indicators'>, units: readonly UnitResult[]): ConsolidatedPositions {
  const L = CONSOLIDATED_LAYOUT;
  const matrixColumns = new Map<string, number>();
  let col = L.matrixLeadColumns + 1;
  for (const indicator of plan.indicators) {
    matrixColumns.set(indicator.code, col);
    col += matrixWidth(indicator);
  }
  const totalsRows = new Map(plan.indicators.map((indicator, i) => [indicator.code, L.firstRow + i]));
  const title = L.firstRow + plan.indicators.length + 2;
  const at = (row: number): string => formatA1({ row, col: 6 });
  return {
    totalsRows,
    matrixColumns,
    matrixLastCol: col - 1,
    matrixRows: { first: L.matrixFirstRow, last: L.matrixFirstRow + units.length - 1 },
    unitRows: { first: L.firstRow, last: L.firstRow + units.length - 1 },
    submission: { title, expected: at(title + 1), received: at(title + 2), completeness: at(title + 3), onTime: at(title + 4), timeliness: at(title + 5), note: title + 6 },
  };
}
