/**
 * What the add-in shares with the workbook writers of `@cchc-kpi/xlsx`: sheet names, layouts,
 * colours, number formats and Vietnamese wording, so a template inserted by the add-in and one
 * written by `cchc template` have the same cells and names.
 *
 * `styles.ts` and `vi.ts` are not exported by the package index, hence the relative imports.
 * `styles.ts` imports exceljs (Node-oriented); the add-in's vite config aliases `exceljs` to a
 * stub (src/shims/exceljs.ts), which is safe because only constants are used from it here.
 */
export { TEMPLATE_LAYOUT, TEMPLATE_SHEETS, CONSOLIDATED_LAYOUT, CONSOLIDATED_SHEETS, SEVERITY_LABEL, templateFileName } from '@cchc-kpi/xlsx/write';
export { COLOR, NUM_FMT, FONT_NAME, FONT_SIZE, SUBMISSION_STATUS_FILL } from '../../../packages/xlsx/src/write/styles.ts';
export {
  cutoffText,
  decree30Date,
  excelSerial,
  issuingHeader,
  nfc,
  periodLabel,
  planDocumentText,
  shortDate,
  unitDisplayName,
} from '../../../packages/xlsx/src/write/vi.ts';
