/**
 * The add-in reaches the library only through its package exports (`@cchc-kpi/core`,
 * `@cchc-kpi/xlsx`): no file under addin/ imports a package's sources by a relative path, so the
 * seams the packages export are the seams the add-in uses.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADDIN_DIR } from './support/build.ts';

const SKIP = new Set(['node_modules', 'dist', '.tsbuild', '.certs']);
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name) || name.startsWith('.dist-')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.(ts|mts|cts|js|mjs|html)$/.test(name)) out.push(path);
  }
  return out;
}

/** Relative imports of `file` that land in `packages/<name>/src`. */
function reachesIntoPackages(file: string, text: string): string[] {
  const root = resolve(ADDIN_DIR, '..');
  const found: string[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    const spec = m[1] ?? '';
    if (!spec.startsWith('.')) continue;
    const target = relative(root, resolve(dirname(file), spec)).split('\\').join('/');
    if (/^packages\/[^/]+\/src(\/|$)/.test(target)) found.push(spec);
  }
  return found;
}

describe('imports of the add-in', () => {
  it('never reach into packages/*/src by a relative path', () => {
    const files = sources(ADDIN_DIR);
    expect(files.length).toBeGreaterThan(30);
    const offending = files.flatMap((file) => reachesIntoPackages(file, readFileSync(file, 'utf8')).map((spec) => `${relative(ADDIN_DIR, file)}: ${spec}`));
    expect(offending).toEqual([]);
  });

  it('would see one (the check has teeth)', () => {
    const file = join(ADDIN_DIR, 'src/sheets/x.ts');
    expect(reachesIntoPackages(file, "import { COLOR } from '../../../packages/xlsx/src/write/styles.ts';")).toEqual(['../../../packages/xlsx/src/write/styles.ts']);
    expect(reachesIntoPackages(file, "export { x } from '../../../packages/core/src/index.ts';")).toHaveLength(1);
    expect(reachesIntoPackages(file, "import { buildTemplate } from '@cchc-kpi/core';")).toEqual([]);
    expect(reachesIntoPackages(file, "import { h } from '../taskpane/dom.ts';")).toEqual([]);
  });
});
