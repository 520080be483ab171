import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** What {@link writeFileAtomic} writes: bytes, a string (UTF-8), or pieces of text written one after the other. */
export type AtomicData = Uint8Array | string | Iterable<string> | AsyncIterable<string>;

/**
 * Writes `data` to `path` atomically: first to a hidden temporary file in the same folder, then
 * renamed into place, so a crash or Ctrl-C never leaves a half-written output. Creates the
 * folder if needed. An iterable of strings (e.g. `jsonChunks`) is written chunk by chunk, each
 * encoded as UTF-8, so the whole text is never held in memory.
 * Throws the file-system error if writing fails, or the error thrown while iterating `data`
 * (the temporary file is removed either way).
 */
export async function writeFileAtomic(path: string, data: AtomicData): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  pending.add(temp);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
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
