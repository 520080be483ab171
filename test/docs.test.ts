/**
 * `pnpm docs`: typedoc documents the five public entry points — `@cchc-kpi/core`,
 * `@cchc-kpi/xlsx`, `@cchc-kpi/xlsx/write`, `@cchc-kpi/docx` and `@cchc-kpi/cli` — from the docstrings, without
 * errors (the README links the reference it writes, docs/api/index.html).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { repoRoot } from './support/cli.ts';

const out = mkdtempSync(join(tmpdir(), 'cchc-docs-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('typedoc writes the API reference of every public entry point, documented', () => {
  const run = spawnSync(join(repoRoot, 'node_modules/.bin/typedoc'), ['--out', join(out, 'html'), '--json', join(out, 'api.json')], { cwd: repoRoot, encoding: 'utf8', timeout: 300_000 });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  expect(existsSync(join(out, 'html', 'index.html'))).toBe(true);
  const api = JSON.parse(readFileSync(join(out, 'api.json'), 'utf8')) as { children: { name: string; children?: { name: string; comment?: unknown; signatures?: { comment?: unknown }[] }[] }[] };
  expect(api.children.map((m) => m.name).sort()).toEqual(['@cchc-kpi/cli', '@cchc-kpi/core', '@cchc-kpi/docx', '@cchc-kpi/xlsx', '@cchc-kpi/xlsx/write']);
  const find = (module: string, name: string) => api.children.find((m) => m.name === module)?.children?.find((c) => c.name === name);
  // The functions the README's snippet uses carry their docstrings into the reference.
  for (const [module, name] of [['@cchc-kpi/core', 'parsePeriod'], ['@cchc-kpi/core', 'createConsolidator'], ['@cchc-kpi/xlsx', 'readReport'], ['@cchc-kpi/xlsx/write', 'writeConsolidated'], ['@cchc-kpi/docx', 'writeConsolidatedReport']] as const) {
    const declaration = find(module, name);
    expect(declaration?.signatures?.[0]?.comment ?? declaration?.comment, `${module} ${name}`).toBeDefined();
  }
}, 300_000);
