/**
 * The seam between the task pane and its Word bundle (word-*.js, a classic script built from
 * entry.ts and loaded only when the officer asks for the Word report): the global the bundle sets
 * and what it offers. The pane imports only these types, never `docx`.
 */
import type { ConsolidatedReportOptions, Consolidation, Plan } from '@cchc-kpi/core';

/** The global the Word bundle assigns its exports to. */
export const WORD_GLOBAL = 'CchcWord';

/** What the Word bundle offers the pane. */
export interface WordExport {
  /**
   * The city's report on the consolidation as .docx bytes: `writeConsolidatedReport` of
   * `@cchc-kpi/docx` (Decree 30/2020/NĐ-CP layout), the same bytes `cchc consolidate --docx`
   * writes for the same consolidation and options.
   */
  consolidatedReport(result: Consolidation, plan: Plan, options?: ConsolidatedReportOptions): Promise<Uint8Array>;
}
