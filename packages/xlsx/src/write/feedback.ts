import { buildFeedback, feedbackFileName, type Consolidation, type FeedbackOptions, type Plan, type UnitResult } from '@cchc-kpi/core';
import { renderXlsx } from './render.ts';

export { feedbackFileName } from '@cchc-kpi/core';

/** Options of {@link writeFeedback}. */
export type WriteFeedbackOptions = FeedbackOptions;

/** A written feedback workbook. */
export interface FeedbackFile {
  /** `<unit code>-<period code>-phan-hoi.xlsx` */
  fileName: string;
  bytes: Uint8Array;
}

/**
 * Writes the feedback workbook of one unit of a consolidation: core's `buildFeedback` rendered
 * with exceljs.
 * @returns the file name (from the unit's registry code) and the xlsx bytes.
 * @throws RangeError when the unit code is not safe in a file name or a date is not ISO.
 */
export async function writeFeedback(unit: UnitResult, result: Consolidation, plan: Plan, options: WriteFeedbackOptions = {}): Promise<FeedbackFile> {
  const fileName = feedbackFileName(unit.code, result.period.code);
  return { fileName, bytes: await renderXlsx(buildFeedback(unit, result, plan, options)) };
}
