/**
 * A pool of worker threads (piscina) that read and validate report files in parallel. Each
 * worker runs `processFile` on one file at a time and sends back its outcome, so the main thread
 * only feeds the consolidator; at most a bounded number of files is in flight (see `readAll`).
 * With one worker everything runs in-process, without threads.
 */
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Period } from '@cchc-kpi/core';
import type { RunContext } from '../context.ts';
import type { FileOutcome } from '../pipeline.ts';
import type { ReadTask, WorkerSetup } from './protocol.ts';
import { defaultWorkerCount } from './workers-option.ts';

export { defaultWorkerCount };

type PiscinaOptions = NonNullable<ConstructorParameters<typeof Piscina<ReadTask, FileOutcome>>[0]>;

/**
 * Starts the pool. Worker threads inherit the process's Node flags, but Node refuses V8 and
 * process-wide ones there (`node --max-old-space-size=4096 bin/cchc.js …` on a server:
 * ERR_WORKER_INVALID_EXEC_ARGV); the workers need none of them, so they start without flags then.
 */
function startPiscina(options: PiscinaOptions): Piscina<ReadTask, FileOutcome> {
  try {
    return new Piscina<ReadTask, FileOutcome>(options);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    return new Piscina<ReadTask, FileOutcome>({ ...options, execArgv: [] });
  }
}

/** Reads files, in worker threads or in-process. */
export interface ReadPool {
  /** Number of files read at the same time (1 in-process). */
  readonly workers: number;
  /** Reads and validates one file; never rejects for bad input (the findings explain). */
  read(path: string): Promise<FileOutcome>;
  /** Stops the workers at once, abandoning tasks in flight (their promises reject). */
  destroy(): Promise<void>;
}

/** Options of {@link createReadPool}. */
export interface ReadPoolOptions {
  context: RunContext;
  period?: Period;
  /** Worker threads; 1 (or less) reads in-process. Default: {@link defaultWorkerCount}. */
  workers?: number;
}

/**
 * The worker threads' script: the built `worker.js` next to the built pool (both in `dist/`).
 * When the pool itself runs from the TypeScript sources (the tests, through vitest), the threads
 * still run the build, `dist/worker.js`: a worker thread loads plain JavaScript only.
 */
export function workerScript(poolModule: string = import.meta.url): string {
  const fromSources = poolModule.endsWith('.ts');
  return fileURLToPath(new URL(fromSources ? '../../dist/worker.js' : './worker.js', poolModule));
}

/**
 * Creates the read pool. With more than one worker, threads start at once, sized to
 * `options.workers`; the plan, units and limits are cloned into each worker once, and each thread
 * runs {@link workerScript}.
 */
export async function createReadPool(options: ReadPoolOptions): Promise<ReadPool> {
  const workers = Math.max(1, Math.floor(options.workers ?? defaultWorkerCount()));
  if (workers === 1) {
    // The reading code is loaded only where it runs: here, or else in the workers.
    const { processFile } = await import('../pipeline.ts');
    return {
      workers,
      read: (path) => processFile(path, options.context, options.period),
      destroy: async () => undefined,
    };
  }
  const workerData: WorkerSetup = { context: options.context, ...(options.period ? { period: options.period } : {}) };
  const piscina = startPiscina({
    filename: workerScript(),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    workerData,
    // A larger young generation: parsing allocates many short-lived strings and objects, and
    // fewer scavenges cut the workers' garbage-collection time markedly.
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
  return {
    workers,
    read: (path) => piscina.run({ path }),
    destroy: () => piscina.destroy(),
  };
}
