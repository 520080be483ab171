import { toJson, type Consolidation, type Plan } from '@cchc-kpi/core';
import { writeConsolidated } from '@cchc-kpi/xlsx';
import { writeFileAtomic } from '../io/atomic-write.ts';

/** The outputs `cchc consolidate` can write; each path is written atomically. */
export interface OutputPaths {
  /** The consolidated workbook (.xlsx). */
  out: string;
  /** JSON file, or `-` for stdout. */
  json?: string;
}

/** Paths of the outputs that are files (not stdout), for the overwrite and input checks. */
export function outputFiles(paths: OutputPaths): string[] {
  return [paths.out, ...(paths.json && paths.json !== '-' ? [paths.json] : [])];
}

/**
 * Writes the consolidated workbook and, when asked, the JSON (to a file, or to `stdout` for `-`).
 * Each file goes to a temporary name first and is renamed into place.
 */
export async function writeOutputs(result: Consolidation, plan: Plan, paths: OutputPaths, stdout: (text: string) => void): Promise<void> {
  await writeFileAtomic(paths.out, await writeConsolidated(result, plan));
  if (paths.json) {
    const json = `${JSON.stringify(toJson(result), null, 2)}\n`;
    if (paths.json === '-') stdout(json.trimEnd());
    else await writeFileAtomic(paths.json, json);
  }
}
