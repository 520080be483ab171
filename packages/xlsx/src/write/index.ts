/**
 * Workbook writers: the report template a unit fills in, and the consolidated workbook of a
 * period. Output is deterministic (same inputs → same bytes).
 */
export { writeTemplate, templateFileName, TEMPLATE_SHEETS, TEMPLATE_LAYOUT } from './template.ts';
export type { WriteTemplateOptions, TemplateFile } from './template.ts';
export { writeConsolidated, CONSOLIDATED_SHEETS, CONSOLIDATED_LAYOUT, SEVERITY_LABEL } from './consolidated.ts';
export type { WriteConsolidatedOptions } from './consolidated.ts';
export { CONSOLIDATED_EXTRA_SHEETS } from './consolidated.ts';
export { writeFeedback, feedbackFileName } from './feedback.ts';
export type { WriteFeedbackOptions, FeedbackFile } from './feedback.ts';
export { reportHeading, placeAndDate, numberLine } from './cover.ts';
export { normalizeZip, zipTimestamp, DEFAULT_ZIP_DATE } from './deterministic-zip.ts';
export { safeSheetName, safeSheetNames, cleanSheetName, MAX_SHEET_NAME_LENGTH } from './sheet-name.ts';
