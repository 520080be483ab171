/**
 * The worker side of the read pool: each task reads and validates one report file with the same
 * `processFile` the in-process path uses, and returns its outcome as plain data (structured-clone
 * safe: objects, arrays, strings, numbers, Maps). The run context (plan, units, limits, the saved
 * mappings loaded from `--mappings`) and the period arrive once per worker in `workerData`.
 */
import { workerData } from 'node:worker_threads';
import { processFile, type FileOutcome } from '../pipeline.ts';
import type { ReadTask, WorkerSetup } from './protocol.ts';

const setup = workerData as WorkerSetup;

/** Reads one file (see `processFile`); never throws for bad input, the findings explain. */
export default async function readTask(task: ReadTask): Promise<FileOutcome> {
  return processFile(task.path, setup.context, setup.period);
}
