/**
 * Workbook writers: the report template a unit fills in, and the consolidated workbook of a
 * period. Output is deterministic (same inputs → same bytes).
 */
export { writeTemplate, templateFileName, TEMPLATE_SHEETS, TEMPLATE_LAYOUT } from './template.ts';
export type { WriteTemplateOptions, TemplateFile } from './template.ts';
export { writeConsolidated, CONSOLIDATED_SHEETS, CONSOLIDATED_LAYOUT, SEVERITY_LABEL } from './consolidated.ts';
export type { WriteConsolidatedOptions } from './consolidated.ts';
export { normalizeZip, zipTimestamp, DEFAULT_ZIP_DATE } from './deterministic-zip.ts';
