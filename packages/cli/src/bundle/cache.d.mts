/** One file a bundle was built from, as it was then. */
export interface InputStamp {
  path: string;
  size: number;
  mtimeMs: number;
}

/** The entry of the CLI's main bundle (absolute path of src/program.ts). */
export const MAIN_ENTRY: string;
/** What a bundle's cache folder records about the current bundle (JSON, in {@link STAMPS_FILE}). */
export interface BundleRecord {
  /** File name of the bundle in the folder: `bundle-<16 hex digits>.mjs`. */
  bundle: string;
  /** The files it was built from, as they were then. */
  inputs: InputStamp[];
}

/** The record's file name inside a bundle's cache folder. */
export const STAMPS_FILE: string;

/** The cache folder (absolute path, ending in a separator) of the bundle `name` built from `entryPath` for this Node version. */
export function bundleCacheDir(name: string, entryPath: string): string;
/** True when every stamped file still has its size and modification time (false for an empty or malformed list). */
export function stampsMatch(stamps: unknown): boolean;
/** The path of the up-to-date bundle in `dir`, or null when there is none or a file it was built from changed. */
export function freshBundle(dir: string): string | null;
