// The cache of single-file bundles of the CLI's TypeScript sources (see build.ts), in plain
// JavaScript so that bin/cchc.js can find an up-to-date bundle and run it without loading tsx.
// Types: cache.d.mts.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The entry of the CLI's main bundle: the command line, without the entry script around it. */
export const MAIN_ENTRY = fileURLToPath(new URL('../program.ts', import.meta.url));

/**
 * The record of a bundle's cache folder: `{ bundle, inputs }`, the file name of the current
 * bundle (`bundle-<hash of its text>.mjs`) and the stamps of the files it was built from. Being
 * one file, replaced by a rename, it always names a bundle together with its own inputs.
 */
export const STAMPS_FILE = 'inputs.json';

/**
 * The cache folder of the bundle `name` built from `entryPath` for this Node version:
 * packages/cli/node_modules/.cache/cchc-kpi-<name>/<key>/. It lives in the package's own
 * node_modules, never in a shared, world-writable folder (a bundle planted there would run as
 * our code).
 */
export function bundleCacheDir(name, entryPath) {
  const key = createHash('sha256').update(`${entryPath}\0${process.version}`).digest('hex').slice(0, 16);
  return fileURLToPath(new URL(`../../node_modules/.cache/cchc-kpi-${name}/${key}/`, import.meta.url));
}

/** True when every file still has the size and modification time it had when the bundle was built. */
export function stampsMatch(stamps) {
  if (!Array.isArray(stamps) || stamps.length === 0) return false;
  for (const stamp of stamps) {
    try {
      const info = statSync(stamp.path);
      if (info.size !== stamp.size || info.mtimeMs !== stamp.mtimeMs) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * The path of the bundle in `dir` when it is up to date (none of the files it was built from
 * changed since), else null (no bundle, no or unreadable record, a file changed or gone).
 */
export function freshBundle(dir) {
  try {
    const record = JSON.parse(readFileSync(join(dir, STAMPS_FILE), 'utf8'));
    if (typeof record?.bundle !== 'string' || !/^bundle-[0-9a-f]{16}\.mjs$/.test(record.bundle)) return null;
    if (!stampsMatch(record.inputs)) return null;
    const bundle = join(dir, record.bundle);
    statSync(bundle);
    return bundle;
  } catch {
    return null;
  }
}
