/**
 * @cchc-kpi/xlsx — reads the workbooks units send: a lean OOXML reader on fflate + saxes that
 * runs in Node and in browsers (the Excel add-in uses it), with size limits, password detection
 * and the marker of our own consolidated workbooks. The exceljs writers (the report template,
 * the consolidated workbook, the feedback to a unit) are in `@cchc-kpi/xlsx/write` (Node).
 *
 * @module @cchc-kpi/xlsx
 */
export * from './limits.ts';
export * from './read/grid.ts';
export * from './read-report.ts';
export * from './read/marker.ts';
export { detectEncryption, hasBiffFilePass, type EncryptionKind } from './read/encryption.ts';
export { encryptedFile } from './read/findings.ts';
