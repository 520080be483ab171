import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'tsdown';
import { shared } from '../tsdown.shared.ts';

/**
 * Two builds into dist/:
 * - the library (`index`, what `import '@cchc-kpi/cli'` gives): an ordinary ES module whose
 *   dependencies stay imports of the installed packages, with its types;
 * - the program (`main`, run by bin/cchc.js, and `worker`, the read pool's threads): the same
 *   sources with the workspace packages and the small libraries every command starts with
 *   (zod, fflate, saxes, commander) bundled in, so that `cchc` loads a few files instead of a
 *   hundred and forty (start-up: see the README's Benchmark). The large libraries only some
 *   commands reach (exceljs, Vega, piscina…) stay imports, loaded when a command needs them.
 *   Each command is a chunk of its own. The licences of the bundled packages are written to
 *   dist/THIRD-PARTY-LICENSES.md.
 */
/** Packages bundled into the program (nothing else from node_modules may be). */
const BUNDLED = [/^@cchc-kpi\//, 'zod', 'fflate', 'saxes', 'xmlchars', 'commander'];

/** The package a bundled module belongs to (`zod`, `@scope/name`), or null for our own sources. */
function packageOf(moduleId: string): { name: string; dir: string } | null {
  const at = moduleId.lastIndexOf('/node_modules/');
  if (at < 0) return null;
  const rest = moduleId.slice(at + '/node_modules/'.length).split('/');
  const name = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? '');
  return { name, dir: join(moduleId.slice(0, at), 'node_modules', name) };
}

/** Writes the name, version, licence and licence text of every npm package in the bundle. */
const thirdPartyLicenses = {
  name: 'third-party-licenses',
  generateBundle(this: { emitFile(file: { type: 'asset'; fileName: string; source: string }): void }, _options: unknown, bundle: Record<string, { type: string; moduleIds?: string[] }>) {
    const packages = new Map<string, string>();
    for (const chunk of Object.values(bundle)) {
      for (const id of chunk.type === 'chunk' ? (chunk.moduleIds ?? []) : []) {
        const found = packageOf(id);
        if (found) packages.set(found.name, found.dir);
      }
    }
    const sections = [...packages].sort(([a], [b]) => a.localeCompare(b)).map(([name, dir]) => {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string; license?: string; author?: string | { name?: string }; repository?: string | { url?: string } };
      const author = typeof pkg.author === 'string' ? pkg.author : (pkg.author?.name ?? '');
      const repository = typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository?.url ?? '');
      const file = ['LICENSE', 'LICENSE.md', 'LICENCE', 'license', 'LICENSE.txt'].map((f) => join(dir, f)).find((f) => existsSync(f));
      const text = file ? readFileSync(file, 'utf8').trim() : `${pkg.license ?? 'UNKNOWN'} licence${author ? `, copyright ${author}` : ''} (the package ships no licence file).`;
      return `## ${name} ${pkg.version}\n\n${pkg.license ?? 'UNKNOWN'}${author ? ` — ${author}` : ''}${repository ? ` — ${repository}` : ''}\n\n\`\`\`\n${text}\n\`\`\`\n`;
    });
    const source = `# Third-party software bundled into the cchc program\n\ndist/main.js, dist/worker.js and their chunks contain code from these packages:\n\n${sections.join('\n')}`;
    this.emitFile({ type: 'asset', fileName: 'THIRD-PARTY-LICENSES.md', source });
  },
};

export default defineConfig([
  { ...shared, platform: 'node', entry: { index: 'src/index.ts' } },
  {
    ...shared,
    platform: 'node',
    entry: { main: 'src/main.ts', worker: 'src/pool/worker.ts' },
    dts: false,
    clean: false,
    deps: { alwaysBundle: BUNDLED, onlyBundle: BUNDLED },
    plugins: [thirdPartyLicenses],
  },
]);
