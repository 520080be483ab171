/** The Word documents core builds as models (Decree 30/2020/NĐ-CP layout): the city's report and a unit's own. */
export { buildConsolidatedReport, ANNEXES, type AnnexKey, type ConsolidatedReportOptions } from './consolidated-report/index.ts';
export { buildUnitReport, unitReportHeading, type UnitReportOptions } from './unit-report/index.ts';
