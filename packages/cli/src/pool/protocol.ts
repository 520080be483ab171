import type { Period } from '@cchc-kpi/core';
import type { RunContext } from '../context.ts';

/** What every worker is given once, at start (`workerData`). */
export interface WorkerSetup {
  context: RunContext;
  /** The period being consolidated, if any. */
  period?: Period;
}

/** One task: a file to read. */
export interface ReadTask {
  path: string;
}
