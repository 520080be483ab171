/**
 * `@cchc-kpi/docx` — the Word documents officers sign, rendered with the `docx` package from
 * core's document model (Decree 30/2020/NĐ-CP layout): the city's periodic report with its
 * annexes and a unit's own report. Node and browsers; the same inputs give the same bytes.
 */
export { renderDocx, twips } from './render.ts';
export { writeConsolidatedReport, writeUnitReport } from './write.ts';
