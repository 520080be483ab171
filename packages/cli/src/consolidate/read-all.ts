import { basename } from 'node:path';
import { makeFinding, type Consolidator } from '@cchc-kpi/core';
import type { FileOutcome } from '../pipeline.ts';
import type { ReadPool } from '../pool/read-pool.ts';
import type { Progress } from '../progress.ts';

/** What {@link readAll} needs besides the files. */
export interface ReadAllOptions {
  /** Reads one file (worker threads or in-process). */
  pool: ReadPool;
  consolidator: Consolidator;
  progress: Progress;
  /** Aborting stops the batch at once (e.g. Ctrl-C): no further file is started or added. */
  signal?: AbortSignal;
  /**
   * Most files read or waiting to be added at any moment. Default: four per worker, enough to
   * keep every worker busy while the main thread adds results, and few enough that memory does
   * not grow with the number of files.
   */
  inFlight?: number;
}

/** The finding for a file whose read failed outside the reader (a worker that died, a bug). */
function failedRead(path: string, error: unknown): FileOutcome {
  const file = basename(path);
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    file,
    path,
    status: 'unreadable',
    findings: [
      makeFinding('error', 'read-internal-error', {
        vi: `Lỗi nội bộ khi đọc tệp "${file}" (${detail}). Vui lòng báo cho bộ phận kỹ thuật, kèm theo tệp này.`,
        en: `Internal error while reading file "${file}" (${detail}). Please report it with the file attached.`,
      }, { file }),
    ],
  };
}

/**
 * Reads and validates every file through the pool and streams each outcome into the
 * consolidator as soon as it arrives (a file that gives no report becomes a failure with its
 * findings). At most `inFlight` files are pending at once, so memory stays bounded whatever the
 * number of files; the consolidator keeps only a summary of each report, and its result does not
 * depend on the order files finish in. Returns true when every file was added, false when
 * `signal` aborted the batch (the caller then writes nothing and destroys the pool).
 */
export function readAll(files: readonly string[], options: ReadAllOptions): Promise<boolean> {
  const { pool, consolidator, progress, signal } = options;
  const limit = Math.max(1, options.inFlight ?? pool.workers * 4);
  if (signal?.aborted) return Promise.resolve(false);
  if (files.length === 0) return Promise.resolve(true);
  return new Promise<boolean>((resolve, reject) => {
    let next = 0;
    let active = 0;
    let settled = false;
    const finish = (complete: boolean): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      resolve(complete);
    };
    const onAbort = (): void => finish(false);
    signal?.addEventListener('abort', onAbort, { once: true });

    const accept = (outcome: FileOutcome): void => {
      active -= 1;
      if (settled) return;
      try {
        if (outcome.checked) consolidator.add(outcome.checked, outcome.file);
        else if (outcome.status === 'unreadable') consolidator.addUnreadable(outcome.file, outcome.findings);
        else consolidator.addFailure(outcome.file, outcome.findings);
        progress.tick(outcome.file);
      } catch (error) {
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        reject(error);
        return;
      }
      if (next >= files.length && active === 0) finish(true);
      else launch();
    };
    const launch = (): void => {
      while (!settled && active < limit && next < files.length) {
        const path = files[next] as string;
        next += 1;
        active += 1;
        pool.read(path).then(accept, (error: unknown) => {
          // After an abort the pool is destroyed and pending reads reject: nothing to report.
          if (settled) {
            active -= 1;
            return;
          }
          accept(failedRead(path, error));
        });
      }
    };
    launch();
  });
}
