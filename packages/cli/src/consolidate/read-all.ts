import type { Consolidator, Period } from '@cchc-kpi/core';
import type { RunContext } from '../context.ts';
import { processFile } from '../pipeline.ts';
import type { Progress } from '../progress.ts';

/**
 * Reads and validates every file into the consolidator, one at a time, so no more than one
 * workbook is in memory. A file that gives no report becomes a failure with its findings.
 * Stops early (returning false) when `shouldStop()` turns true, e.g. after Ctrl-C.
 */
export async function readAll(
  files: string[],
  context: RunContext,
  period: Period,
  consolidator: Consolidator,
  progress: Progress,
  shouldStop: () => boolean,
): Promise<boolean> {
  for (const path of files) {
    if (shouldStop()) return false;
    const outcome = await processFile(path, context, period);
    if (outcome.checked) consolidator.add(outcome.checked, outcome.file);
    else consolidator.addFailure(outcome.file, outcome.findings);
    progress.tick(outcome.file);
  }
  return !shouldStop();
}
