/**
 * `@cchc-kpi/xlsx/write` — the exceljs renderer of core's workbook models (in memory or
 * streaming, deterministic bytes) and the writers built on it: the report template, the
 * consolidated workbook and the feedback to a unit. Node only (exceljs); the package root keeps
 * the browser-safe reader.
 */
export { renderXlsx, type RenderOptions } from './render.ts';
export { writeTemplate, templateFileName, TEMPLATE_SHEETS, TEMPLATE_LAYOUT, type WriteTemplateOptions, type TemplateFile } from './template.ts';
export {
  writeConsolidated,
  CONSOLIDATED_SHEETS,
  CONSOLIDATED_LAYOUT,
  CONSOLIDATED_EXTRA_SHEETS,
  SEVERITY_LABEL,
  STREAMING_ABOVE_UNITS,
  type WriteConsolidatedOptions,
} from './consolidated.ts';
export { writeFeedback, feedbackFileName, type WriteFeedbackOptions, type FeedbackFile } from './feedback.ts';
export { reportHeading, placeAndDate, numberLine, safeSheetName, safeSheetNames, cleanSheetName, MAX_SHEET_NAME_LENGTH } from '@cchc-kpi/core';
export { normalizeZip, zipTimestamp, DEFAULT_ZIP_DATE } from './deterministic-zip.ts';
