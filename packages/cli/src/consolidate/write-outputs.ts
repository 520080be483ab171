import type { Consolidation, Plan } from '@cchc-kpi/core';
import { writeConsolidated } from '@cchc-kpi/xlsx/write';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { parseCsvSeparator } from '../io/csv.ts';
import { jsonChunks } from '../io/json-chunks.ts';
import { jsonSafeChunks } from '../io/terminal-text.ts';
import { writeChunks, type ChunkSink } from '../io/write-chunks.ts';
import { consolidationCsv, csvFindingsPath } from './csv-tables.ts';
import type { ReportFlags } from './report-options.ts';
import { consolidationJson, workbookOptions, type ReportExtras } from './report-outputs.ts';

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
 * Writes the consolidated workbook and, when asked, the JSON (to a file, or to `stdout` for `-`)
 * and the two CSV files (UTF-8 with BOM; separator from `csvSeparator`, default comma), then runs
 * `alsoWrite` (the other output files), and writes the JSON to `stdout` last: a reader that stops
 * early (`… --json - | head`) ends the process, and every file is written by then.
 * Each file goes to a temporary name first and is renamed into place. The JSON text
 * (`JSON.stringify(…, null, 2)` and a newline, byte for byte, except that DEL, C1 and bidi
 * controls inside strings are written as `\u` escapes: `jsonSafeText`) is written chunk by chunk, to the
 * temporary file or to `stdout` (waiting for it to drain when it falls behind), never built as
 * one string: 16 KB per unit would be hundreds of megabytes at ten thousand units.
 * @throws the file-system or stream error of the output that failed (see `writeFileAtomic`).
 */
export async function writeOutputs(
  result: Consolidation,
  plan: Plan,
  paths: OutputPaths,
  stdout: ChunkSink,
  alsoWrite: () => Promise<unknown> = async () => undefined,
): Promise<void> {
  await writeFileAtomic(paths.out, await writeConsolidated(result, plan, workbookOptions(paths)));
  if (paths.json && paths.json !== '-') await writeFileAtomic(paths.json, jsonSafeChunks(jsonChunks(consolidationJson(result, paths))));
  if (paths.csv) {
    const csv = consolidationCsv(result, plan, parseCsvSeparator(paths.csvSeparator ?? ',') ?? ',');
    await writeFileAtomic(paths.csv, csv.table);
    await writeFileAtomic(csvFindingsPath(paths.csv), csv.findings);
  }
  await alsoWrite();
  if (paths.json === '-') await writeChunks(stdout, jsonSafeChunks(jsonChunks(consolidationJson(result, paths))));
}
