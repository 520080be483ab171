import { buildTemplate, templateFileName, type Period, type Plan, type TemplateOptions, type Unit } from '@cchc-kpi/core';
import { renderXlsx } from './render.ts';

export { TEMPLATE_LAYOUT, TEMPLATE_SHEETS, templateFileName } from '@cchc-kpi/core';

/** Options of {@link writeTemplate}. */
export type WriteTemplateOptions = TemplateOptions;

/** A written template: the file name to save it under and its bytes. */
export interface TemplateFile {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * Writes the report template of one unit for one period: core's `buildTemplate` rendered with
 * exceljs. Same inputs → byte-identical output.
 * @returns `{ fileName: '<unit code>-<period code>.xlsx', bytes }`.
 * @throws RangeError when a date in `period`, `plan.document` or `options` is not ISO `yyyy-mm-dd`.
 */
export async function writeTemplate(plan: Plan, unit: Unit, period: Period, options: WriteTemplateOptions = {}): Promise<TemplateFile> {
  return { fileName: templateFileName(unit, period), bytes: await renderXlsx(buildTemplate(plan, unit, period, options)) };
}
