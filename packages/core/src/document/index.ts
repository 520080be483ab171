/**
 * The document model (sections, paragraphs, tables, page numbers) and, as the namespace
 * `decree30`, the Decree 30/2020/NĐ-CP layout built from it (page set-up, heading block, title,
 * outline headings, body paragraphs, data tables, signature block).
 */
export * from './model.ts';
export { paragraph, run, cell } from './build.ts';
export { textWidthMm } from './measure.ts';
export * as decree30 from './decree30.ts';
