import type { Consolidation, Plan } from '@cchc-kpi/core';
import { writeConsolidated } from '@cchc-kpi/xlsx/write';
import { parseCsvSeparator } from '../io/csv.ts';
import { jsonChunks } from '../io/json-chunks.ts';
import { jsonSafeChunks } from '../io/terminal-text.ts';
import { writeChunks, type ChunkSink } from '../io/write-chunks.ts';
import { consolidationCsv, csvFindingsPath } from './csv-tables.ts';
import type { ReportFlags } from './report-options.ts';
import { createOutputWriter, type OutputWriter, type PlannedOutput } from './output-writer.ts';
import { consolidationJson, reportPlannedOutputs, workbookOptions, type ReportExtras } from './report-outputs.ts';

/** The outputs `cchc consolidate` can write; each path is written atomically. */
export interface OutputPaths extends ReportFlags, ReportExtras {
  /** The consolidated workbook (.xlsx). */
  out: string;
  /** JSON file, or `-` for stdout. */
  json?: string;
  /** CSV of the unit × indicator table; the findings go next to it (see `csvFindingsPath`). */
  csv?: string;
  /** `--csv-separator` as typed (`,` default, `;`, `tab`); see `parseCsvSeparator`. */
  csvSeparator?: string;
}

/** Paths of the outputs that are files (not stdout), for the overwrite and input checks. */
export function outputFiles(paths: OutputPaths): string[] {
  return [
    paths.out,
    ...(paths.json && paths.json !== '-' ? [paths.json] : []),
    ...(paths.csv ? [paths.csv, csvFindingsPath(paths.csv)] : []),
  ];
}

/**
 * The outputs {@link writeOutputs} writes, in the order it writes them: the workbook, the JSON
 * file, the CSV table and its findings, the HTML report, the Word report and the feedback workbooks (one per unit
 * of `result`), then the JSON to stdout.
 */
export function plannedOutputs(paths: OutputPaths, result: Consolidation): PlannedOutput[] {
  return [
    { path: paths.out, kind: 'workbook' },
    ...(paths.json && paths.json !== '-' ? [{ path: paths.json, kind: 'json' as const }] : []),
    ...(paths.csv ? [{ path: paths.csv, kind: 'csv' as const }, { path: csvFindingsPath(paths.csv), kind: 'csv-findings' as const }] : []),
    ...reportPlannedOutputs(paths, result),
    ...(paths.json === '-' ? [{ path: '-', kind: 'json-stdout' as const }] : []),
  ];
}

/** How {@link writeOutputs} announces and accounts for what it writes, and what else it writes. */
export interface WriteOutputsOptions {
  /** The writer (default: a silent one over {@link plannedOutputs}). */
  writer?: OutputWriter;
  /** Writes the other output files (`--html`, `--docx`, `--feedback`) through the same writer. */
  alsoWrite?: (writer: OutputWriter) => Promise<unknown>;
}

/**
 * Writes the consolidated workbook and, when asked, the JSON (to a file, or to `stdout` for `-`)
 * and the two CSV files (UTF-8 with BOM; separator from `csvSeparator`, default comma), then runs
 * `alsoWrite` (the other output files), and writes the JSON to `stdout` last: a reader that stops
 * early (`… --json - | head`) ends the process, and every file is written by then.
 * Each file goes to a temporary name first and is renamed into place. The JSON text
 * (`JSON.stringify(…, null, 2)` and a newline, byte for byte, except that DEL, C1 and bidi
 * controls inside strings are written as `\u` escapes: `jsonSafeText`) is written chunk by chunk, to the
 * temporary file or to `stdout` (waiting for it to drain when it falls behind), never built as
 * one string: 16 KB per unit would be hundreds of megabytes at ten thousand units.
 * @throws OutputsIncomplete (output-writer.ts) naming the output that failed, its error, and the
 *   outputs written before it and not written.
 */
export async function writeOutputs(result: Consolidation, plan: Plan, paths: OutputPaths, stdout: ChunkSink, options: WriteOutputsOptions = {}): Promise<void> {
  const writer = options.writer ?? createOutputWriter(plannedOutputs(paths, result), { quiet: true, isTty: false, lang: 'en', err: () => undefined });
  await writer.write({ path: paths.out, kind: 'workbook' }, () => writeConsolidated(result, plan, workbookOptions(paths)));
  if (paths.json && paths.json !== '-') await writer.write({ path: paths.json, kind: 'json' }, () => jsonSafeChunks(jsonChunks(consolidationJson(result, paths))));
  if (paths.csv) {
    const csv = consolidationCsv(result, plan, parseCsvSeparator(paths.csvSeparator ?? ',') ?? ',');
    await writer.write({ path: paths.csv, kind: 'csv' }, () => csv.table);
    await writer.write({ path: csvFindingsPath(paths.csv), kind: 'csv-findings' }, () => csv.findings);
  }
  await options.alsoWrite?.(writer);
  writer.stop();
  if (paths.json === '-') await writer.stream({ path: '-', kind: 'json-stdout' }, () => writeChunks(stdout, jsonSafeChunks(jsonChunks(consolidationJson(result, paths)))));
}
