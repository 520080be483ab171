import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** What {@link writeFileAtomic} writes: bytes, a string (UTF-8), or pieces of text written one after the other. */
export type AtomicData = Uint8Array | string | Iterable<string> | AsyncIterable<string>;

/**
 * The name of a temporary file in `dir`: `.cchc-` and twelve hex digits, `.tmp` — 22 bytes
 * whatever the output's name, so a name the file system accepts is never made too long by the
 * temporary file (a 245-byte name plus `.…​.tmp` once passed the 255-byte limit).
 */
export function tempPathIn(dir: string): string {
  return join(dir, `.cchc-${randomBytes(6).toString('hex')}.tmp`);
}

/** True for a temporary file name of this tool ({@link tempPathIn}). */
export function isTempName(name: string): boolean {
  return /^\.cchc-[0-9a-f]{12}\.tmp$/.test(name);
}

/**
 * Writes `data` to `path` atomically: first to a hidden temporary file of a fixed-length name in
 * the same folder ({@link tempPathIn}), then renamed into place, so a crash or Ctrl-C never
 * leaves a half-written output. Creates the folder if needed. An iterable of strings (e.g.
 * `jsonChunks`) is written chunk by chunk, each encoded as UTF-8, so the whole text is never
 * held in memory. Once `signal` is aborted (Ctrl-C), a file written but not yet renamed is
 * dropped instead, so every output in place is one the caller knew about.
 * @throws the file-system error if writing fails, its `path` set to `path` (never the temporary
 *   name, which means nothing to the user); or the error thrown while iterating `data`. The
 *   temporary file is removed either way.
 */
export async function writeFileAtomic(path: string, data: AtomicData, signal?: AbortSignal): Promise<void> {
  const dir = dirname(path);
  const temp = tempPathIn(dir);
  pending.add(temp);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, data);
    // Stopped while it was being written (Ctrl-C): it never lands.
    signal?.throwIfAborted();
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw aboutOutput(error, temp, path);
  } finally {
    pending.delete(temp);
  }
}

/** An error of writing `temp` reported as one about `path`. */
function aboutOutput(error: unknown, temp: string, path: string): unknown {
  const e = error as NodeJS.ErrnoException & { dest?: string };
  if (typeof e !== 'object' || e === null || typeof e.code !== 'string') return error;
  if (e.path === temp || e.path === undefined) e.path = path;
  if (e.dest === temp) e.dest = path;
  return e;
}

/** Temporary files of writes in progress (written, not yet renamed into place). */
const pending = new Set<string>();

/**
 * Removes, synchronously, the temporary files of the atomic writes still in progress, so a
 * process stopped in the middle of writing (Ctrl-C) leaves no partial file behind. Outputs
 * already renamed into place are whole and stay.
 */
export function removePendingTempFiles(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}
