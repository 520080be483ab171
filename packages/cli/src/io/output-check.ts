import { Buffer } from 'node:buffer';
import { lstat, mkdir, open, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Message } from '@cchc-kpi/core';
import { tempPathIn } from './atomic-write.ts';
import { CANNOT_CREATE_HERE, describeReason, systemErrorCode, systemReason, type Reason } from './system-error.ts';

/**
 * Before a command reads anything, every output it will write is checked (issue p1 E): a long
 * reading must not end in an output that cannot be written, nor in half the outputs written.
 * Each path must be a name the file system takes (≤ 255 bytes a name, ≤ 4,095 a path), not an
 * existing folder, not an existing file unless `--force`; and its folder (or, when it does not
 * exist yet, the nearest folder above it that does) must take a new file — found out by creating
 * and removing a temporary one there ({@link tempPathIn}), since permissions alone do not say
 * it (/proc, a read-only disk, a root-owned folder for root, ACLs).
 */

/** Longest file or folder name, in bytes (ext4, APFS, NTFS: 255). */
export const MAX_NAME_BYTES = 255;
/** Longest path, in bytes (Linux PATH_MAX, less its terminating zero). */
export const MAX_PATH_BYTES = 4095;
/** The most existing files one message names; the others are counted. */
const LISTED = 5;

/** What {@link checkOutputs} needs to know. */
export interface OutputCheckOptions {
  /** `--force`: existing files may be replaced. */
  force: boolean;
}

/** Why outputs cannot be written: the reason, and a detail after the path (the name too long). */
interface Problem {
  reason: Reason;
  detail?: Message;
}

/** Why `path` is not a name the file system takes, and the key of the outputs sharing that name; null when it is fine. */
function nameProblem(path: string): { key: string; problem: Problem } | null {
  const parts = path.split(/[\\/]/);
  const at = parts.findIndex((part) => Buffer.byteLength(part) > MAX_NAME_BYTES);
  const reason = systemReason('ENAMETOOLONG');
  if (at < 0) return Buffer.byteLength(resolve(path)) > MAX_PATH_BYTES ? { key: `path:${resolve(path)}`, problem: { reason } } : null;
  const long = parts[at] as string;
  const name = `"${long.slice(0, 24)}…"`;
  const bytes = Buffer.byteLength(long);
  return {
    key: `name:${parts.slice(0, at + 1).join('/')}`,
    problem: { reason, detail: { vi: `tên ${name} dài ${bytes} byte`, en: `the name ${name} is ${bytes} bytes long` } },
  };
}

/** The nearest existing folder at or above `dir`, or the error that stopped the walk (a file or a broken link in the way). */
async function nearestFolder(dir: string): Promise<{ folder: string; exists: boolean } | { error: unknown; at: string }> {
  let at = resolve(dir);
  let exists = true;
  for (;;) {
    try {
      const info = await stat(at);
      if (!info.isDirectory()) return { error: { code: 'ENOTDIR' }, at };
      return { folder: at, exists };
    } catch (error) {
      const up = dirname(at);
      if (systemErrorCode(error) !== 'ENOENT' || up === at) return { error, at };
      // A broken link where a folder should be: mkdir cannot make it either.
      if (await lstat(at).then((l) => l.isSymbolicLink()).catch(() => false)) return { error, at };
      exists = false;
      at = up;
    }
  }
}

/**
 * Creates and removes a temporary file in `folder` (or, when `asFolder`, a temporary folder: the
 * output's folders will have to be made there). Returns null when it worked, else the error.
 */
async function probe(folder: string, asFolder: boolean): Promise<unknown> {
  const temp = tempPathIn(folder);
  try {
    if (asFolder) {
      await mkdir(temp);
      await rmdir(temp);
    } else {
      const handle = await open(temp, 'wx');
      await handle.close();
      await rm(temp, { force: true });
    }
    return null;
  } catch (error) {
    await rm(temp, { force: true, recursive: true }).catch(() => undefined);
    return error;
  }
}

/** Why the folder of `path` cannot take it, and the key of the outputs sharing that folder; null when it can. Probes each folder once. */
async function folderProblem(path: string, probed: Map<string, unknown>): Promise<{ key: string; problem: Problem } | null> {
  const found = await nearestFolder(dirname(path));
  if ('error' in found) return { key: `walk:${found.at}`, problem: { reason: systemReason(systemErrorCode(found.error) ?? 'EIO') } };
  const key = `${found.exists ? 'in' : 'under'}:${found.folder}`;
  if (!probed.has(key)) probed.set(key, await probe(found.folder, !found.exists));
  const error = probed.get(key);
  if (error === null || error === undefined) return null;
  // A folder that exists yet answers "no such file" to a new one: /proc and its like.
  const code = systemErrorCode(error) ?? 'EIO';
  return { key, problem: { reason: code === 'ENOENT' ? CANNOT_CREATE_HERE : systemReason(code) } };
}

/** The message of a problem shared by `count` outputs, naming the first. */
function problemText(path: string, count: number, problem: Problem): Message {
  const others = count > 1 ? { vi: ` (và ${count - 1} tệp khác cùng chỗ)`, en: ` (and ${count - 1} more files there)` } : { vi: '', en: '' };
  const detail = problem.detail ? { vi: ` (${problem.detail.vi})`, en: ` (${problem.detail.en})` } : { vi: '', en: '' };
  return {
    vi: describeReason(problem.reason, 'write', `${path}${detail.vi}${others.vi}`).vi,
    en: describeReason(problem.reason, 'write', `${path}${detail.en}${others.en}`).en,
  };
}

/** "Tệp a, b đã có; thêm --force để ghi đè." — at most {@link LISTED} names, the others counted. */
function existing(paths: readonly string[]): Message {
  const shown = paths.slice(0, LISTED).join(', ');
  const more = paths.length - LISTED;
  if (paths.length === 1) return { vi: `Tệp ${shown} đã có; thêm --force để ghi đè.`, en: `${shown} exists; add --force to overwrite it.` };
  return {
    vi: `Các tệp ${shown}${more > 0 ? ` và ${more} tệp khác` : ''} đã có; thêm --force để ghi đè.`,
    en: `${shown}${more > 0 ? ` and ${more} more files` : ''} exist; add --force to overwrite them.`,
  };
}

/**
 * Checks that every path in `paths` can be written, before anything is read: a name the file
 * system takes, not a folder, not an existing file without `force`, and a folder that takes new
 * files (probed with a temporary file or folder, removed at once). Nothing else is created.
 * @returns one message per problem (empty when every output can be written): each names the
 *   output, says why in the CLI's wording of the system error (io/system-error.ts) and how to fix
 *   it. Outputs sharing a problem (feedback workbooks in one folder) are named together, and so
 *   are existing files.
 */
export async function checkOutputs(paths: readonly string[], options: OutputCheckOptions): Promise<Message[]> {
  const exists: string[] = [];
  const probed = new Map<string, unknown>();
  const shared = new Map<string, { path: string; count: number; problem: Problem }>();
  const add = (path: string, found: { key: string; problem: Problem }): void => {
    const seen = shared.get(found.key);
    if (seen) seen.count += 1;
    else shared.set(found.key, { path, count: 1, problem: found.problem });
  };
  for (const path of paths) {
    const name = nameProblem(path);
    if (name) {
      add(path, name);
      continue;
    }
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      add(path, { key: `dir:${resolve(path)}`, problem: { reason: systemReason('EISDIR') } });
      continue;
    }
    if (info && !options.force) {
      exists.push(path);
      continue;
    }
    const folder = await folderProblem(path, probed);
    if (folder) add(path, folder);
  }
  const problems = [...shared.values()].map(({ path, count, problem }) => problemText(path, count, problem));
  if (exists.length > 0) problems.push(existing(exists));
  return problems;
}
