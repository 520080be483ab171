/**
 * The cached single-file bundles the CLI runs from (src/bundle/): built once, reused while no
 * file they were built from changes, rebuilt when one does; `import.meta.url` keeps naming the
 * source file inside a bundle; anything wrong gives null (the caller then runs the sources).
 * Each test bundles a two-file entry of its own, in a temporary folder.
 */
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedBundle, sourceUrls } from '../src/bundle/build.ts';
import { bundleCacheDir, freshBundle, MAIN_ENTRY, STAMPS_FILE } from '../src/bundle/cache.mjs';
import { namesNoCommand } from '../src/bundle/launch.ts';
import { mainBundle } from '../src/bundle/main-bundle.ts';

const cleanup: string[] = [];
afterEach(() => {
  for (const dir of cleanup.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An hour ago: files older than the build's two-second window, so the build records its stamps. */
const past = (seconds = 0): Date => new Date(Date.now() - 3_600_000 + seconds * 1000);

/** A temporary entry importing a helper, in a folder with its own package.json. */
function project(helperBody = 'export const helper = (): number => 41 + 1;', age: Date | null = past()): { dir: string; entry: string; helper: string; pkg: string; name: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bundle-'));
  const entry = join(dir, 'entry.ts');
  const helper = join(dir, 'helper.ts');
  const pkg = join(dir, 'package.json');
  writeFileSync(entry, "import { helper } from './helper.ts';\nexport const here: string = import.meta.url;\nexport const value: number = helper();\n");
  writeFileSync(helper, `${helperBody}\n`);
  writeFileSync(pkg, '{ "type": "module" }\n');
  if (age) for (const file of [entry, helper, pkg]) utimesSync(file, age, age);
  const name = `test-${dir.slice(-6).replace(/\W/g, '')}`;
  cleanup.push(dir, dirname(bundleCacheDir(name, entry)));
  return { dir, entry, helper, pkg, name };
}

const build = (p: { name: string; entry: string }): Promise<string | null> =>
  cachedBundle({ name: p.name, entry: p.entry, plugins: [sourceUrls], header: '// test bundle' });

describe('cachedBundle', () => {
  it('bundles the entry into one file that keeps the source URL as import.meta.url', async () => {
    const p = project();
    const path = await build(p);
    expect(path).not.toBeNull();
    expect(path!.startsWith(bundleCacheDir(p.name, p.entry))).toBe(true);
    expect(path).toMatch(/bundle-[0-9a-f]{16}\.mjs$/);
    const text = readFileSync(path!, 'utf8');
    expect(text.startsWith('// test bundle\n')).toBe(true);
    const loaded = (await import(pathToFileURL(path!).href)) as { here: string; value: number };
    expect(loaded.value).toBe(42);
    expect(loaded.here).toBe(pathToFileURL(p.entry).href);
  });

  it('records the files it was built from, the nearest package.json included, and reuses the bundle', async () => {
    const p = project();
    const path = await build(p);
    const dir = bundleCacheDir(p.name, p.entry);
    const record = JSON.parse(readFileSync(join(dir, STAMPS_FILE), 'utf8')) as { bundle: string; inputs: { path: string }[] };
    expect(join(dir, record.bundle)).toBe(path);
    const stamped = record.inputs.map((i) => i.path);
    expect(stamped).toEqual(expect.arrayContaining([p.entry, p.helper, p.pkg]));
    expect(stamped.some((s) => s.endsWith(join('esbuild', 'package.json')))).toBe(true);
    expect(freshBundle(dir)).toBe(path);
    expect(await build(p)).toBe(path);
  });

  it('rebuilds when a source changes, and when the package.json next to it changes', async () => {
    const p = project();
    const first = await build(p);
    const dir = bundleCacheDir(p.name, p.entry);
    writeFileSync(p.helper, 'export const helper = (): number => 41 + 2;\n');
    utimesSync(p.helper, past(10), past(10));
    expect(freshBundle(dir)).toBeNull();
    const second = await build(p);
    expect(second).not.toBe(first);
    expect(((await import(pathToFileURL(second!).href)) as { value: number }).value).toBe(43);
    expect(freshBundle(dir)).toBe(second);
    utimesSync(p.pkg, past(20), past(20));
    expect(freshBundle(dir)).toBeNull();
  });

  it('serves a bundle built from files saved in the last two seconds to this run only', async () => {
    const p = project(undefined, null);
    const path = await build(p);
    expect(path).not.toBeNull();
    expect(((await import(pathToFileURL(path!).href)) as { value: number }).value).toBe(42);
    expect(freshBundle(bundleCacheDir(p.name, p.entry))).toBeNull();
  });

  it('gives null when the entry does not compile', async () => {
    const p = project('export const helper = (: number => ;');
    expect(await build(p)).toBeNull();
  });
});

describe('freshBundle', () => {
  it('refuses a missing, malformed or foreign record', async () => {
    const p = project();
    const path = await build(p);
    const dir = bundleCacheDir(p.name, p.entry);
    const recordPath = join(dir, STAMPS_FILE);
    const record = JSON.parse(readFileSync(recordPath, 'utf8')) as { bundle: string; inputs: unknown[] };
    expect(freshBundle(dir)).toBe(path);
    writeFileSync(recordPath, JSON.stringify({ ...record, bundle: '../../evil.mjs' }));
    expect(freshBundle(dir)).toBeNull();
    writeFileSync(recordPath, JSON.stringify({ ...record, inputs: [] }));
    expect(freshBundle(dir)).toBeNull();
    writeFileSync(recordPath, '{ not json');
    expect(freshBundle(dir)).toBeNull();
    rmSync(recordPath);
    expect(freshBundle(dir)).toBeNull();
    expect(freshBundle(join(dir, 'no-such-folder'))).toBeNull();
  });
});

describe('mainBundle', () => {
  it('is off with CCHC_MAIN_BUNDLE=0', async () => {
    const before = process.env.CCHC_MAIN_BUNDLE;
    process.env.CCHC_MAIN_BUNDLE = '0';
    try {
      expect(await mainBundle()).toBeNull();
    } finally {
      if (before === undefined) delete process.env.CCHC_MAIN_BUNDLE;
      else process.env.CCHC_MAIN_BUNDLE = before;
    }
  });

  it('bundles program.ts with no import() left in it, and exports main and prepareProcess', async () => {
    const path = await mainBundle();
    expect(path).not.toBeNull();
    expect(path!.startsWith(bundleCacheDir('main', MAIN_ENTRY))).toBe(true);
    const text = readFileSync(path!, 'utf8');
    // tsx rewrites every import() of a module it loads, seconds for a file this size (main-bundle.ts).
    // Lines of comments (a few packages write `import('.')` in their JSDoc types) are not code.
    const code = text.split('\n').filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line));
    expect(code.filter((line) => /(?<![{\w$.`])import\(/.test(line))).toEqual([]);
    expect(text).toMatch(/^import \{ Piscina \} from "piscina";$/m);
    const program = (await import(pathToFileURL(path!).href)) as { main?: unknown; prepareProcess?: unknown; buildProgram?: () => { name(): string } };
    expect(typeof program.main).toBe('function');
    expect(typeof program.prepareProcess).toBe('function');
    expect(program.buildProgram?.().name()).toBe('cchc');
  }, 120_000);
});

describe('namesNoCommand', () => {
  it('is true only when no command is named (the sources then start quicker than the bundle)', () => {
    const argv = (...args: string[]): string[] => ['node', 'main.ts', ...args];
    expect(namesNoCommand(argv())).toBe(true);
    expect(namesNoCommand(argv('--version'))).toBe(true);
    expect(namesNoCommand(argv('-h'))).toBe(true);
    expect(namesNoCommand(argv('help', 'consolidate'))).toBe(false);
    expect(namesNoCommand(argv('consolidate', '--help'))).toBe(false);
    expect(namesNoCommand(argv('check', 'a.xlsx'))).toBe(false);
  });
});
