/**
 * Action: the city's Word report (the draft for signature, Decree 30/2020/NĐ-CP) of the pane's
 * last consolidation, written by the Word bundle — the same writer, and so the same bytes, as
 * `cchc consolidate … --docx` for the same report files and register (no `--report-number`,
 * `--report-date` or `--sort`: the number is left for the clerk, the date is the period's deadline,
 * the units in their official order).
 */
import type { Consolidation } from '@cchc-kpi/core';
import type { AddinContext } from '../context.ts';
import type { WordExport } from '../word/api.ts';

/** A document ready to save. */
export interface WordReportFile {
  /** `bao-cao-<period>.docx`, e.g. `bao-cao-2021-H1.docx`. */
  fileName: string;
  bytes: Uint8Array;
}

/** The file name the pane gives the city's report of a period (`bao-cao-2021-H1.docx`). */
export function wordReportFileName(periodCode: string): string {
  return `bao-cao-${periodCode}.docx`;
}

/** Writes the city's report of `consolidation` with the Word bundle's writer. */
export async function consolidatedWordReport(consolidation: Consolidation, context: AddinContext, writer: WordExport): Promise<WordReportFile> {
  const bytes = await writer.consolidatedReport(consolidation, context.plan);
  return { fileName: wordReportFileName(consolidation.period.code), bytes };
}
