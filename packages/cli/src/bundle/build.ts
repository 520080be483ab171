/**
 * Single-file bundles of the CLI's TypeScript sources, built once with esbuild and cached.
 *
 * Run from its sources, the CLI loads each of its ~200 TypeScript modules (and the npm packages
 * they import) through tsx's loader hooks, which on Node 20 run in a thread of their own: a round
 * trip per module, seconds in all. A bundle of the same module graph is one plain-JavaScript file
 * that Node loads in a few hundred milliseconds. It is built with esbuild — the compiler tsx
 * itself runs on, so no new dependency — into packages/cli/node_modules/.cache/cchc-kpi-<name>/
 * (see cache.mjs), and rebuilt when any file it was built from changes: every source and
 * package file bundled, the package.json nearest to each, and esbuild's own package.json.
 * Anything unexpected (esbuild not found, a build error, a folder that cannot be written) gives
 * null, and the caller runs the sources instead.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { STAMPS_FILE, bundleCacheDir, freshBundle, type BundleRecord, type InputStamp } from './cache.mjs';

/** The part of esbuild's API used here. */
export interface EsbuildApi {
  version: string;
  build(options: Record<string, unknown>): Promise<{
    outputFiles?: { text: string }[];
    metafile?: { inputs: Record<string, unknown> };
    errors: unknown[];
  }>;
}

/** The part of esbuild's plugin API used by the bundles' plugins. */
export interface PluginBuild {
  onResolve(
    options: { filter: RegExp; namespace?: string },
    callback: (args: ResolveArgs) => Promise<ResolveResult | undefined> | ResolveResult | undefined,
  ): void;
  onLoad(options: { filter: RegExp; namespace?: string }, callback: (args: { path: string; namespace: string }) => LoadResult | undefined): void;
  resolve(path: string, options: { kind: string; resolveDir: string; pluginData?: unknown; importer?: string }): Promise<{ path: string; errors: unknown[]; external: boolean }>;
}

export interface ResolveArgs {
  path: string;
  kind: string;
  resolveDir: string;
  importer: string;
  pluginData?: unknown;
}

export interface ResolveResult {
  path?: string;
  namespace?: string;
  external?: boolean;
  sideEffects?: boolean;
}

export interface LoadResult {
  contents: string;
  loader: 'ts' | 'js';
}

/** An esbuild plugin. */
export interface Plugin {
  name: string;
  setup(build: PluginBuild): void;
}

/** What {@link cachedBundle} builds. */
export interface BundleOptions {
  /** Cache folder name: packages/cli/node_modules/.cache/cchc-kpi-<name>/. */
  name: string;
  /** Absolute path of the TypeScript entry. */
  entry: string;
  /** Packages left out of the bundle, loaded by Node at run time (resolved from packages/cli). */
  external?: string[];
  plugins?: Plugin[];
  /** First line of the bundle (a comment saying what it is). */
  header: string;
}

/** esbuild, as installed with tsx (the CLI depends on tsx); null when it cannot be loaded. */
export function loadEsbuild(): { api: EsbuildApi; packageJson: string } | null {
  try {
    const fromCli = createRequire(import.meta.url);
    const fromTsx = createRequire(fromCli.resolve('tsx/package.json'));
    return { api: fromTsx('esbuild') as EsbuildApi, packageJson: fromTsx.resolve('esbuild/package.json') };
  } catch {
    return null;
  }
}

/** A virtual module's namespace prefix in esbuild's metafile (`cchc-missing:canvas`; not a drive letter). */
const NAMESPACE_PREFIX = /^[a-z][a-z-]+:/;

/**
 * esbuild plugin: in the workspace's own modules (not in node_modules), `import.meta.url` is
 * replaced by the URL of the source file, so code that finds files next to itself (the worker's
 * entry, the bundle cache) behaves in the bundle as it does from the sources.
 */
export const sourceUrls: Plugin = {
  name: 'source-urls',
  setup(build) {
    build.onLoad({ filter: /\.(ts|mts|mjs)$/ }, (args) => {
      if (args.namespace !== 'file' || /[\\/]node_modules[\\/]/.test(args.path)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      const contents = text.includes('import.meta.url') ? text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)) : text;
      return { contents, loader: args.path.endsWith('.mjs') ? 'js' : 'ts' };
    });
  },
};

/** The package.json nearest to `file` (walking up), or null. */
function nearestPackageJson(file: string, seen: Map<string, string | null>): string | null {
  const dir = dirname(file);
  const known = seen.get(dir);
  if (known !== undefined) return known;
  let found: string | null = null;
  try {
    statSync(join(dir, 'package.json'));
    found = join(dir, 'package.json');
  } catch {
    found = dirname(dir) === dir ? null : nearestPackageJson(dir, seen);
  }
  seen.set(dir, found);
  return found;
}

/** Stamps of the bundled files, of the package.json nearest to each, and of esbuild's package.json. */
function stampInputs(inputs: readonly string[], cwd: string, esbuildPackageJson: string): InputStamp[] {
  const files = new Set<string>();
  const seen = new Map<string, string | null>();
  for (const input of inputs) {
    // Virtual modules have no file.
    if (NAMESPACE_PREFIX.test(input)) continue;
    const path = isAbsolute(input) ? input : join(cwd, input);
    files.add(path);
    const pkg = nearestPackageJson(path, seen);
    if (pkg !== null) files.add(pkg);
  }
  files.add(esbuildPackageJson);
  return [...files].map((path) => {
    const info = statSync(path);
    return { path, size: info.size, mtimeMs: info.mtimeMs };
  });
}

/** Bundles replaced more than ten minutes ago: no run is still starting from them. */
const OLD_BUNDLE_MS = 10 * 60_000;

/** Removes the folder's earlier bundles (and their temporary files) left by builds long past; never `keep`. */
function removeOldBundles(dir: string, keep: string): void {
  for (const file of readdirSync(dir)) {
    if (file === keep || !file.startsWith('bundle-')) continue;
    const path = join(dir, file);
    try {
      if (Date.now() - statSync(path).mtimeMs > OLD_BUNDLE_MS) rmSync(path, { force: true });
    } catch {
      // removed by another run meanwhile
    }
  }
}

/**
 * Returns the path of an up-to-date bundle of `options.entry` (ES module for this Node version,
 * npm packages included and tree-shaken unless external), building it when needed; null when it
 * cannot be built or saved (the caller then runs the sources).
 */
export async function cachedBundle(options: BundleOptions): Promise<string | null> {
  const dir = bundleCacheDir(options.name, options.entry);
  const fresh = freshBundle(dir);
  if (fresh !== null) return fresh;
  const esbuild = loadEsbuild();
  if (esbuild === null) return null;
  try {
    const cwd = process.cwd();
    const started = Date.now();
    const result = await esbuild.api.build({
      entryPoints: [options.entry],
      absWorkingDir: cwd,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: `node${process.versions.node.split('.')[0]}`,
      write: false,
      metafile: true,
      logLevel: 'silent',
      external: options.external ?? [],
      plugins: options.plugins ?? [],
      // CommonJS packages inside an ES module bundle still call require() for Node built-ins.
      banner: {
        js: [
          options.header,
          "import { createRequire as __cchcCreateRequire } from 'node:module';",
          'const require = __cchcCreateRequire(import.meta.url);',
        ].join('\n'),
      },
    });
    const text = result.outputFiles?.[0]?.text;
    if (result.errors.length > 0 || text === undefined || result.metafile === undefined) return null;
    const stamps = stampInputs(Object.keys(result.metafile.inputs), cwd, esbuild.packageJson);
    mkdirSync(dir, { recursive: true });
    // The bundle's name comes from its text, and the record naming it is replaced by a rename:
    // concurrent runs never see half a file, nor a bundle with another build's stamps.
    const name = `bundle-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.mjs`;
    const bundlePath = join(dir, name);
    const suffix = `${process.pid}-${Date.now()}.tmp`;
    writeFileSync(`${bundlePath}.${suffix}`, text);
    renameSync(`${bundlePath}.${suffix}`, bundlePath);
    // A source saved while esbuild was reading may be in the bundle in either version: then the
    // bundle serves this run only, and the next run builds again.
    const stampsPath = join(dir, STAMPS_FILE);
    if (stamps.every((stamp) => stamp.mtimeMs < started - 2000)) {
      const record: BundleRecord = { bundle: name, inputs: stamps };
      writeFileSync(`${stampsPath}.${suffix}`, JSON.stringify(record));
      renameSync(`${stampsPath}.${suffix}`, stampsPath);
    } else {
      rmSync(stampsPath, { force: true });
    }
    removeOldBundles(dir, name);
    return bundlePath;
  } catch {
    return null;
  }
}
