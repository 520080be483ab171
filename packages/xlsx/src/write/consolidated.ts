import { SEVERITY_WORDS, buildConsolidated, type Consolidation, type ConsolidatedOptions, type Plan } from '@cchc-kpi/core';
import { renderXlsx } from './render.ts';

export { CONSOLIDATED_EXTRA_SHEETS, CONSOLIDATED_LAYOUT, CONSOLIDATED_SHEETS } from '@cchc-kpi/core';

/** Severity as shown to officers (the vocabulary's `SEVERITY_WORDS`). */
export const SEVERITY_LABEL = SEVERITY_WORDS;

/** Options of {@link writeConsolidated}. */
export interface WriteConsolidatedOptions extends ConsolidatedOptions {
  /**
   * Render with exceljs's streaming writer (rows written out as they are complete, memory bounded
   * by the shared strings, not by the cells) instead of in memory. The cells, formulas and cached
   * results are the same. Default: above {@link STREAMING_ABOVE_UNITS} units.
   */
  streaming?: boolean;
}

/**
 * Number of units above which {@link writeConsolidated} streams by default: below it the in-memory
 * workbook is as fast and its memory small.
 */
export const STREAMING_ABOVE_UNITS = 2000;

/**
 * Writes the consolidated workbook of a period: core's `buildConsolidated` (cover, totals,
 * unit × indicator matrix, ranking, submission progress, activities, check results, and the
 * year-on-year sheet with a comparison) rendered with exceljs. Every formula carries core's
 * result. Same inputs → byte-identical output.
 * @throws Error when `result.plan.id` is not `plan.id` (the consolidation was made against another plan).
 * @throws RangeError when a date in the period, the units or `options` is not ISO `yyyy-mm-dd`.
 */
export async function writeConsolidated(result: Consolidation, plan: Plan, options: WriteConsolidatedOptions = {}): Promise<Uint8Array> {
  const { streaming, ...build } = options;
  return renderXlsx(buildConsolidated(result, plan, build), { streaming: streaming ?? result.units.length > STREAMING_ABOVE_UNITS });
}
