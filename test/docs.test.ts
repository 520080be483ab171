/**
 * `pnpm api-docs`: typedoc documents the five public entry points — `@cchc-kpi/core`,
 * `@cchc-kpi/xlsx`, `@cchc-kpi/xlsx/write`, `@cchc-kpi/docx` and `@cchc-kpi/cli` — from the
 * docstrings, without errors or warnings, under an introduction (docs/api-intro.md); the README
 * links the reference it writes, docs/api/index.html. The script is not called `docs`: pnpm 12
 * has a `docs` command of its own ("Usage: pnpm docs <PACKAGE>"), which shadows a script of that name.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { repoRoot } from './support/cli.ts';

const out = mkdtempSync(join(tmpdir(), 'cchc-docs-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const pnpmMissing = spawnSync('sh', ['-c', 'command -v pnpm']).status === 0 ? null : 'skipped: pnpm not on PATH, install with npm i -g pnpm@12.4.2';
if (pnpmMissing) console.warn(`docs.test.ts: ${pnpmMissing}`);

it('the documented command is a script pnpm runs, not one of pnpm’s own commands', () => {
  const scripts = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  expect(scripts['api-docs']).toBe('typedoc');
  expect(scripts.docs).toBeUndefined();
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  expect(readme).toContain('`pnpm api-docs`');
  expect(readme).not.toMatch(/`pnpm docs`/);
});

it.skipIf(pnpmMissing !== null)('pnpm api-docs writes the API reference of every public entry point, documented, without a warning', () => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  const run = spawnSync('pnpm', ['api-docs', '--out', join(out, 'html'), '--json', join(out, 'api.json')], { cwd: repoRoot, encoding: 'utf8', timeout: 300_000, env });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  expect(`${run.stdout}${run.stderr}`).not.toMatch(/\[warning\]|\[error\]/);
  const index = readFileSync(join(out, 'html', 'index.html'), 'utf8');
  expect(index).toContain('cchc-kpi API reference');
  expect(index).toContain('Where to start');
  expect(existsSync(join(out, 'html', 'index.html'))).toBe(true);
  const api = JSON.parse(readFileSync(join(out, 'api.json'), 'utf8')) as { children: { name: string; children?: { name: string; comment?: unknown; signatures?: { comment?: unknown }[] }[] }[] };
  expect(api.children.map((m) => m.name).sort()).toEqual(['@cchc-kpi/cli', '@cchc-kpi/core', '@cchc-kpi/docx', '@cchc-kpi/xlsx', '@cchc-kpi/xlsx/write']);
  const find = (module: string, name: string) => api.children.find((m) => m.name === module)?.children?.find((c) => c.name === name);
  // The functions the README's snippet uses, the Word report's writer and the command line's main carry their docstrings into the reference.
  for (const [module, name] of [['@cchc-kpi/core', 'parsePeriod'], ['@cchc-kpi/core', 'createConsolidator'], ['@cchc-kpi/xlsx', 'readReport'], ['@cchc-kpi/xlsx/write', 'writeConsolidated'], ['@cchc-kpi/docx', 'writeConsolidatedReport'], ['@cchc-kpi/cli', 'main']] as const) {
    const declaration = find(module, name);
    expect(declaration?.signatures?.[0]?.comment ?? declaration?.comment, `${module} ${name}`).toBeDefined();
  }
  expect(api.children.find((m) => m.name === '@cchc-kpi/cli')?.children?.map((c) => c.name)).toEqual(['main']);
}, 300_000);
