/**
 * @cchc-kpi/xlsx — reads the workbooks units send (a lean OOXML reader on fflate + saxes that
 * runs in Node and in browsers) and writes the report template and the consolidated workbook
 * (exceljs, deterministic bytes).
 */
export * from './limits.ts';
export * from './read/grid.ts';
export * from './read-report.ts';
export * from './write/template.ts';
export * from './write/consolidated.ts';
export * from './write/cover.ts';
export * from './write/feedback.ts';
export * from './write/sheet-name.ts';
export * from './read/marker.ts';
export { detectEncryption, hasBiffFilePass, type EncryptionKind } from './read/encryption.ts';
export { encryptedFile } from './read/findings.ts';
