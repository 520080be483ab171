/**
 * Builds the add-in for the tests that need dist/ (bundle, manifest URLs, end to end) through
 * vite's JS API, once per change of its inputs: dist/.build-stamp holds a hash of the sources, and
 * a build whose stamp matches is reused. Parallel test files may build at the same time; each
 * builds into its own temporary directory and renames it into place, so dist/ is never half
 * written.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ADDIN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST_DIR = join(ADDIN_DIR, 'dist');
const STAMP = '.build-stamp';

/** Inputs whose change makes a new build. */
const INPUTS = ['src', 'public', 'scripts', 'taskpane.html', 'vite.config.ts', '../packages/core/src', '../packages/xlsx/src', '../packages/docx/src', '../pnpm-lock.yaml'];

function files(path: string, out: string[]): void {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) files(join(path, name), out);
  } else out.push(path);
}

/** A hash of every input file's path and content. */
export function sourceHash(): string {
  const hash = createHash('sha256');
  const list: string[] = [];
  for (const input of INPUTS) files(resolve(ADDIN_DIR, input), list);
  for (const file of list) {
    hash.update(relative(ADDIN_DIR, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

function current(stamp: string): boolean {
  const path = join(DIST_DIR, STAMP);
  return existsSync(path) && readFileSync(path, 'utf8') === stamp;
}

/** Ensures dist/ holds a build of the current sources; returns its path. */
export async function ensureBuilt(): Promise<string> {
  const stamp = sourceHash();
  if (current(stamp)) return DIST_DIR;
  const { build } = await import('vite');
  const temp = join(ADDIN_DIR, `.dist-${process.pid}-${Date.now()}`);
  try {
    await build({ configFile: join(ADDIN_DIR, 'vite.config.ts'), logLevel: 'warn', build: { outDir: temp, emptyOutDir: true } });
    writeFileSync(join(temp, STAMP), stamp);
    if (current(stamp)) return DIST_DIR; // another test file finished first
    rmSync(DIST_DIR, { recursive: true, force: true });
    try {
      renameSync(temp, DIST_DIR);
    } catch (error) {
      if (!current(stamp)) throw error;
    }
    return DIST_DIR;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** The built Word bundle (dist/assets/word-*.js), the classic script the pane loads on demand. */
export function wordBundle(dist: string = DIST_DIR): string {
  const name = readdirSync(join(dist, 'assets')).find((f) => /^word-[0-9a-f]{8}\.js$/.test(f));
  if (!name) throw new Error('dist/assets has no word-*.js');
  return join(dist, 'assets', name);
}

/** The built task pane's module bundle (dist/assets/taskpane-*.js). */
export function taskpaneBundle(dist: string = DIST_DIR): string {
  const name = readdirSync(join(dist, 'assets')).find((f) => /^taskpane-.*\.js$/.test(f));
  if (!name) throw new Error('dist/assets has no taskpane-*.js');
  return join(dist, 'assets', name);
}
