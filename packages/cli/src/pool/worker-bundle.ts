/**
 * The worker threads' code when the CLI runs from its TypeScript sources (tsx, no build step).
 *
 * A worker that loads the sources through tsx pays, on Node 20, for a loader-hooks thread of its
 * own and a round trip to it for each of the ~150 modules the reader needs: seconds per worker,
 * more than reading a thousand reports. So the worker's module graph (worker.ts, this package,
 * core and xlsx) is bundled once into a single plain-JavaScript file with esbuild — the
 * compiler tsx itself runs on, so no new dependency — and cached in
 * packages/cli/node_modules/.cache/cchc-kpi-worker/,
 * rebuilt only when one of its source files changes (npm packages included and tree-shaken).
 * Workers then start in a few hundred milliseconds, without any loader: the pool starts them
 * without the parent's tsx flags (see {@link withoutTsx}).
 *
 * Anything unexpected (esbuild not found, a build error) returns null and the pool falls back to
 * worker-entry.mjs, which registers tsx in each worker; so does `CCHC_WORKER_BUNDLE=0` (to debug
 * the workers with source maps).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The part of esbuild's API used here. */
interface EsbuildApi {
  version: string;
  build(options: Record<string, unknown>): Promise<{
    outputFiles?: { text: string }[];
    metafile?: { inputs: Record<string, unknown> };
    errors: unknown[];
  }>;
}

interface PluginBuild {
  onResolve(options: { filter: RegExp }, callback: (args: ResolveArgs) => Promise<{ path?: string; sideEffects?: boolean } | undefined>): void;
  resolve(path: string, options: { kind: string; resolveDir: string; pluginData?: unknown; importer?: string }): Promise<{ path: string; errors: unknown[]; external: boolean }>;
}

interface ResolveArgs {
  path: string;
  kind: string;
  resolveDir: string;
  importer: string;
  pluginData?: unknown;
}

/** One source file the bundle was built from, as it was then. */
interface InputStamp {
  path: string;
  size: number;
  mtimeMs: number;
}

const SKIP = Symbol.for('cchc-kpi.worker-bundle.skip');
/** Packages only the workbook writers use: dropped from the worker bundle when unreferenced. */
const WRITER_ONLY = /^exceljs$/;

function loadEsbuild(): EsbuildApi | null {
  try {
    const fromCli = createRequire(import.meta.url);
    const tsxPackage = fromCli.resolve('tsx/package.json');
    return createRequire(tsxPackage)('esbuild') as EsbuildApi;
  } catch {
    return null;
  }
}

function stampsMatch(stamps: readonly InputStamp[]): boolean {
  if (stamps.length === 0) return false;
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
 * Returns the path of an up-to-date bundle of the worker (building it when needed), or null
 * when this module does not run from TypeScript sources or bundling is not possible.
 * @param entry the worker's TypeScript entry (default ./worker.ts next to this file).
 */
export async function workerBundle(entry: URL = new URL('./worker.ts', import.meta.url)): Promise<string | null> {
  if (!entry.pathname.endsWith('.ts') || process.env.CCHC_WORKER_BUNDLE === '0') return null;
  const esbuild = loadEsbuild();
  if (esbuild === null) return null;
  const entryPath = fileURLToPath(entry);
  const key = createHash('sha256').update(`${entryPath}\0${esbuild.version}\0${process.version}`).digest('hex').slice(0, 16);
  // The cache lives in the package's own node_modules/.cache, never in a shared, world-writable
  // folder (a bundle planted there would run as our code). Not writable: no bundle (null).
  const dir = fileURLToPath(new URL(`../../node_modules/.cache/cchc-kpi-worker/${key}/`, import.meta.url));
  const bundlePath = join(dir, 'worker.mjs');
  const stampsPath = join(dir, 'inputs.json');
  try {
    const stamps = JSON.parse(readFileSync(stampsPath, 'utf8')) as InputStamp[];
    if (stampsMatch(stamps)) {
      statSync(bundlePath);
      return bundlePath;
    }
  } catch {
    // no usable cache: build below
  }
  try {
    // Everything is bundled, npm packages included, so the bundle is tree-shaken: the reader uses
    // a few date-fns functions, not its ~300 modules. Writer-only packages (exceljs, reached
    // through @cchc-kpi/xlsx's index) are declared free of side effects so that, unused by
    // the reading code, they are left out entirely.
    const writerOnly = {
      name: 'writer-only-packages',
      setup(build: PluginBuild): void {
        build.onResolve({ filter: WRITER_ONLY }, async (args) => {
          if (args.pluginData === SKIP) return undefined;
          const found = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: SKIP });
          if (found.errors.length > 0 || found.external || found.path === '') return undefined;
          return { path: found.path, sideEffects: false };
        });
      },
    };
    const cwd = process.cwd();
    const started = Date.now();
    const result = await esbuild.build({
      entryPoints: [entryPath],
      absWorkingDir: cwd,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: `node${process.versions.node.split('.')[0]}`,
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [writerOnly],
      // CommonJS packages inside an ES module bundle still call require() for Node built-ins.
      banner: {
        js: [
          '// Generated by @cchc-kpi/cli (pool/worker-bundle.ts) from worker.ts; rebuilt when a source changes.',
          "import { createRequire as __cchcCreateRequire } from 'node:module';",
          'const require = __cchcCreateRequire(import.meta.url);',
        ].join('\n'),
      },
    });
    const text = result.outputFiles?.[0]?.text;
    if (result.errors.length > 0 || text === undefined || result.metafile === undefined) return null;
    const stamps: InputStamp[] = Object.keys(result.metafile.inputs).map((input) => {
      const path = input.startsWith('/') ? input : join(cwd, input);
      const info = statSync(path);
      return { path, size: info.size, mtimeMs: info.mtimeMs };
    });
    mkdirSync(dir, { recursive: true });
    // Written under temporary names and renamed, so concurrent runs never see half a file.
    const suffix = `${process.pid}-${Date.now()}`;
    writeFileSync(`${bundlePath}.${suffix}`, text);
    renameSync(`${bundlePath}.${suffix}`, bundlePath);
    // A source saved while esbuild was reading may be in the bundle in either version: then the
    // bundle serves this run only, and the next run builds again.
    if (stamps.every((stamp) => stamp.mtimeMs < started - 2000)) {
      writeFileSync(`${stampsPath}.${suffix}`, JSON.stringify(stamps));
      renameSync(`${stampsPath}.${suffix}`, stampsPath);
    } else {
      rmSync(stampsPath, { force: true });
    }
    return bundlePath;
  } catch {
    return null;
  }
}

/**
 * The parent's Node flags minus those loading tsx (`--import tsx`, `--require tsx`, `--loader
 * tsx` and their `=` forms), for workers that run the plain-JavaScript bundle: inherited, tsx
 * would hook every require of the worker for nothing. Other flags (e.g. `--cpu-prof`) are kept.
 */
export function withoutTsx(execArgv: readonly string[]): string[] {
  const loaders = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader']);
  const isTsx = (spec: string): boolean => /(^|[\\/])tsx([\\/]|$)/.test(spec);
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] as string;
    const next = execArgv[i + 1];
    if (loaders.has(arg) && next !== undefined && isTsx(next)) {
      i++;
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0 && loaders.has(arg.slice(0, eq)) && isTsx(arg.slice(eq + 1))) continue;
    out.push(arg);
  }
  return out;
}
