/**
 * The packages as npm users get them. Each public workspace package is packed with `pnpm pack`
 * (the tarball `pnpm publish` uploads: built dist/, publishConfig applied, workspace versions
 * filled in), checked by publint and @arethetypeswrong/cli, and installed with npm into an empty
 * project outside the workspace — no workspace, no TypeScript, no tsx — where:
 * - the README's library snippet, as written, reads, checks, scores and consolidates the example
 *   reports in plain Node ESM and writes the city's workbook;
 * - the examples of the packages' own READMEs run;
 * - the installed `cchc` writes every unit's form (`template --all`), consolidates those blank
 *   forms (input, each found empty, not "no input") and the example reports, giving the JSON the
 *   workspace's build gives;
 * - vite bundles a small page importing core and the xlsx reader for the browser: no Node
 *   built-in is reached and exceljs is not in it; headless Chromium (when installed) runs the page
 *   on a report file.
 * `pnpm test` builds dist/ before the tests run. npm needs the registry for the third-party
 * dependencies (exceljs, zod, vega…); its cache makes later runs quicker.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConsolidatedWorkbook } from '@cchc-kpi/xlsx';
import { CLI_BIN, repoRoot } from './support/cli.ts';
import { snippets } from './support/snippets.ts';

const PACKAGES = ['core', 'xlsx', 'docx', 'cli'] as const;
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const noChromium = existsSync(CHROMIUM) ? null : `skipped: ${CHROMIUM} not found, install with apt-get install -y chromium`;
if (noChromium) console.warn(`packages.test.ts, the page in a browser: ${noChromium}`);

let work = '';
let app = '';
const tarballs = new Map<string, string>();

/** The environment for npm: pnpm's own `npm_config_*` settings (set while `pnpm test` runs) left out, the registry and proxies kept. */
function npmEnv(): NodeJS.ProcessEnv {
  const keep = /^npm_config_(registry|.*proxy|cafile|ca|strict_ssl|cache)$/i;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_/i.test(key) || keep.test(key)));
}

function run(command: string, args: string[], cwd: string, timeout = 120_000): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env: { ...npmEnv(), FORCE_COLOR: '0' } });
}

/** Runs a command in the installed project; fails the test with its output when it fails. */
function ok(command: string, args: string[], cwd = app): string {
  const result = run(command, args, cwd);
  expect(result.status, `${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

const installed = (...parts: string[]): string => join(app, 'node_modules', ...parts);
const cchc = (args: string[]): string => ok(process.execPath, [installed('@cchc-kpi', 'cli', 'bin', 'cchc.js'), ...args]);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cchc-packages-'));
  const packs = join(work, 'tarballs');
  mkdirSync(packs);
  for (const name of PACKAGES) {
    const packed = run('pnpm', ['pack', '--pack-destination', packs], join(repoRoot, 'packages', name));
    expect(packed.status, packed.stderr).toBe(0);
  }
  for (const file of readdirSync(packs)) tarballs.set(/^cchc-kpi-(\w+)-/.exec(file)![1]!, join(packs, file));
  expect([...tarballs.keys()].sort()).toEqual([...PACKAGES].sort());

  // The example's fourteen filled reports and its received-date register, as `pnpm start` makes them.
  const example = run(process.execPath, ['--import', 'tsx', join(repoRoot, 'examples/generate-reports.ts'), join(work, 'example')], repoRoot);
  expect(example.status, example.stderr).toBe(0);

  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'cchc-kpi-user', private: true, type: 'module' }, null, 2)}\n`);
  const install = run('npm', ['install', '--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=error', '--prefer-offline', ...PACKAGES.map((p) => tarballs.get(p)!)], app, 600_000);
  expect(install.status, `npm install\n${install.stdout}\n${install.stderr}`).toBe(0);
  cpSync(join(work, 'example', 'reports'), join(app, 'reports'), { recursive: true });
  cpSync(join(work, 'example', 'received-2021-H1.csv'), join(app, 'received-2021-H1.csv'));
}, 900_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed packages', () => {
  it.each(PACKAGES)('@cchc-kpi/%s: publint finds no problem, not even a suggestion', async (name) => {
    const bytes = readFileSync(tarballs.get(name)!);
    const tarball = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const { messages, pkg } = await publint({ pack: { tarball }, level: 'suggestion', strict: true });
    expect(messages.map((m) => `${m.type} ${m.code}: ${formatMessage(m, pkg)}`)).toEqual([]);
  });

  // ES modules only (Node ≥ 20.19): the esm-only profile leaves out the node10 and CommonJS
  // resolution modes, which cannot load an ES-module-only package's types anyway.
  it.each(PACKAGES)('@cchc-kpi/%s: @arethetypeswrong/cli finds no problem (esm-only profile)', (name) => {
    const attw = run(join(repoRoot, 'node_modules/.bin/attw'), [tarballs.get(name)!, '--profile', 'esm-only', '--format', 'json'], repoRoot);
    // The JSON lists the problems of every resolution mode, those the profile leaves out too.
    const report = JSON.parse(attw.stdout) as { analysis: { problems: { kind: string; resolutionKind?: string }[]; entrypoints: Record<string, unknown> } };
    expect(report.analysis.problems.filter((p) => p.resolutionKind !== 'node10' && p.resolutionKind !== 'node16-cjs')).toEqual([]);
    expect(attw.status, attw.stderr).toBe(0);
    expect(Object.keys(report.analysis.entrypoints).length).toBeGreaterThanOrEqual(2);
  });

  it('hold the built files, README, LICENSE and CHANGELOG, and no sources or tests', () => {
    const licence = readFileSync(join(repoRoot, 'LICENSE'), 'utf8');
    for (const name of PACKAGES) {
      const dir = installed('@cchc-kpi', name);
      const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => !f.startsWith('node_modules'));
      expect(files).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json', 'dist/index.js', 'dist/index.d.ts', 'dist/index.js.map']));
      expect(files.filter((f) => /^(src|test)\b|tsconfig|tsdown/.test(f))).toEqual([]);
      expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toBe(licence);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
      expect(pkg.private).toBeUndefined();
      expect(JSON.stringify(pkg)).not.toContain('workspace:');
      expect(JSON.stringify(pkg.exports)).not.toContain('src/');
    }
  });

  it('install with npm and nothing else: no TypeScript, no tsx', () => {
    expect(existsSync(installed('@cchc-kpi', 'core', 'dist', 'index.js'))).toBe(true);
    expect(existsSync(installed('typescript'))).toBe(false);
    expect(existsSync(installed('tsx'))).toBe(false);
  });
});

describe('plain Node 20 ES modules, in the installed project', () => {
  it("run the README's library snippet on the example reports, consolidating them into the city's workbook", () => {
    const library = snippets().find((s) => s.code.includes('scoreUnit('));
    expect(library?.lang).toBe('js');
    writeFileSync(join(app, 'usage.mjs'), library!.code);
    const out = ok(process.execPath, ['usage.mjs', 'reports', 'tong-hop-thu-vien.xlsx']);
    const lines = out.trim().split('\n');
    // one line per example report (16: the registry's 17 units but Thạch Bình), then the totals line
    expect(lines).toHaveLength(17);
    expect(lines[0]).toMatch(/^18070-2021-H1\.xlsx: [\d.]+\/100 (Tốt|Khá|Trung bình|Yếu) — Indicator completion/);
    // The same figures as the command line's consolidation of the same files.
    const json = JSON.parse(cchc(['consolidate', 'reports', '--period', '2021-H1', '--out', 'out/ref.xlsx', '--json', '-', '--quiet'])) as {
      totals: { received: number; expected: number; indicators: Record<string, { numerator: number; denominator: number }> };
    };
    const ct3a = json.totals.indicators.CT3a!;
    expect(json.totals.received).toBe(16);
    expect(lines[16]).toBe(`16/17 units; CT3a ${ct3a.numerator}/${ct3a.denominator}`);
    expect(isConsolidatedWorkbook(new Uint8Array(readFileSync(join(app, 'tong-hop-thu-vien.xlsx'))))).toBe(true);
  });

  it("run the examples of the packages' own READMEs", () => {
    const example = (name: string): string => {
      const [block] = snippets(join(repoRoot, 'packages', name, 'README.md'));
      writeFileSync(join(app, `${name}-example.mjs`), block!.code);
      return ok(process.execPath, [`${name}-example.mjs`]);
    };
    const core = example('core');
    expect(core).toContain('2020-12-15 2021-06-14\nngày 20 tháng 6 năm 2021\nCT1 ');
    expect(core.trim().split('\n').at(-1)).toBe('0/17 units reported');
    expect(example('xlsx').trim()).toBe('empty 18070 2021-H1');
    expect(example('docx').trim()).toBe('true true');
    expect(existsSync(join(app, 'bao-cao.docx'))).toBe(true);
    // main(args): the arguments after the program name (issue p1 J).
    expect(example('cli').trim()).toBe('mau/18070-2021-H1.xlsx written');
    expect(readdirSync(join(app, 'mau'))).toEqual(['18070-2021-H1.xlsx']);
  });
});

describe('the installed cchc command', () => {
  it('prints its version', () => {
    const version = (JSON.parse(readFileSync(join(repoRoot, 'packages/cli/package.json'), 'utf8')) as { version: string }).version;
    expect(ok(installed('.bin', 'cchc'), ['--version'])).toBe(`${version}\n`);
  });

  it('writes every form (template --all), then consolidates them: blank forms are read, each found empty', () => {
    cchc(['template', '--all', '--period', '2021-H1', '--out', 'bieu-mau', '--quiet']);
    const forms = readdirSync(join(app, 'bieu-mau')).sort();
    expect(forms).toHaveLength(17); // the registry's 15 wards and communes and 2 centres
    expect(forms[0]).toBe('18070-2021-H1.xlsx');
    cchc(['consolidate', 'bieu-mau', '--period', '2021-H1', '--out', 'out/bieu-mau.xlsx', '--json', 'out/bieu-mau.json', '--quiet']);
    const json = JSON.parse(readFileSync(join(app, 'out/bieu-mau.json'), 'utf8')) as { totals: { expected: number; received: number }; findings: { code: string; file?: string }[] };
    expect(json.totals.expected).toBe(17);
    expect(json.totals.received).toBe(0);
    expect(json.findings.filter((f) => f.code === 'report-empty').map((f) => f.file).sort()).toEqual(forms);
    expect(isConsolidatedWorkbook(new Uint8Array(readFileSync(join(app, 'out/bieu-mau.xlsx'))))).toBe(true);
  });

  it('consolidates the example reports into every output, with the JSON of the workspace build', () => {
    const args = ['consolidate', 'reports', '--period', '2021-H1', '--received', 'received-2021-H1.csv', '--json', 'out/tong-hop.json', '--html', 'out/bao-cao.html', '--docx', 'out/bao-cao.docx', '--feedback', 'out/phan-hoi', '--csv', 'out/tong-hop.csv', '--quiet'];
    cchc([...args, '--out', 'out/tong-hop.xlsx']);
    for (const file of ['tong-hop.xlsx', 'tong-hop.json', 'bao-cao.html', 'bao-cao.docx', 'tong-hop.csv', 'tong-hop-phat-hien.csv']) expect(existsSync(join(app, 'out', file)), file).toBe(true);
    expect(readdirSync(join(app, 'out/phan-hoi'))).toHaveLength(17);
    const workspace = spawnSync(process.execPath, [CLI_BIN, ...args.map((a) => a.replace(/^out\//, 'ws/')), '--out', 'ws/tong-hop.xlsx'], { cwd: app, encoding: 'utf8' });
    expect(workspace.status, workspace.stderr).toBe(0);
    expect(readFileSync(join(app, 'out/tong-hop.json'), 'utf8')).toBe(readFileSync(join(app, 'ws/tong-hop.json'), 'utf8'));
    expect(readFileSync(join(app, 'out/bao-cao.docx')).equals(readFileSync(join(app, 'ws/bao-cao.docx')))).toBe(true);
  });
});

describe('a page for the browser, bundled by vite', () => {
  let dist = '';

  beforeAll(async () => {
    const page = join(app, 'page');
    mkdirSync(page);
    writeFileSync(join(page, 'index.html'), '<!doctype html>\n<meta charset="utf-8">\n<input type="file" id="report">\n<pre id="result"></pre>\n<script type="module" src="./main.js"></script>\n');
    writeFileSync(
      join(page, 'main.js'),
      [
        "import { checkReport, hatinh2021, hatinhCity2020, parsePeriod } from '@cchc-kpi/core';",
        "import { readReport } from '@cchc-kpi/xlsx';",
        '',
        "const input = document.getElementById('report');",
        "input.addEventListener('change', async () => {",
        '  const file = input.files[0];',
        '  const read = readReport(new Uint8Array(await file.arrayBuffer()), { plan: hatinh2021, file: file.name });',
        "  const period = parsePeriod('2021-H1');",
        "  if (!read.ok || !period.ok) return void (document.getElementById('result').textContent = 'unreadable');",
        '  const checked = checkReport(read.value, { plan: hatinh2021, units: hatinhCity2020.units, period: period.value, file: file.name });',
        "  document.getElementById('result').textContent = `${checked.unit?.name} ${checked.report.periodCode} ${checked.findings.length}`;",
        '});',
        '',
      ].join('\n'),
    );
    const reached: string[] = [];
    const { build } = await import('vite');
    await build({
      root: page,
      configFile: false,
      logLevel: 'silent',
      build: { outDir: join(app, 'page-dist'), emptyOutDir: true, minify: false },
      plugins: [
        {
          name: 'refuse-node-built-ins',
          enforce: 'pre',
          resolveId(id: string, importer: string | undefined) {
            if (isBuiltin(id)) {
              reached.push(`${id} (from ${importer})`);
              return { id, external: true };
            }
            return null;
          },
        },
      ],
    });
    expect(reached).toEqual([]);
    dist = join(app, 'page-dist');
  }, 120_000);

  it('imports core and the xlsx reader without any Node built-in, and without exceljs', () => {
    const scripts = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
    expect(scripts).toHaveLength(1);
    const code = readFileSync(join(dist, 'assets', scripts[0]!), 'utf8');
    expect(code).toContain('readReport');
    expect(code).not.toMatch(/exceljs|__vite-browser-external|require\(["']node:/i);
  });

  it.skipIf(noChromium !== null)('runs in headless Chromium on a report picked in the page', async () => {
    const { chromium } = await import('playwright-core');
    const profile = mkdtempSync(join(work, 'chromium-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
      await page.route('http://cchc.test/**', (route) => {
        const path = resolve(dist, `.${new URL(route.request().url()).pathname.replace(/\/$/, '/index.html')}`);
        return path.startsWith(dist) && existsSync(path) ? route.fulfill({ path, contentType: types[extname(path)] ?? 'application/octet-stream' }) : route.fulfill({ status: 404 });
      });
      await page.goto('http://cchc.test/');
      await page.setInputFiles('#report', join(app, 'reports', '18070-2021-H1.xlsx'));
      await page.waitForFunction("document.getElementById('result').textContent !== ''");
      expect(await page.textContent('#result')).toMatch(/^Trần Phú 2021-H1 \d+$/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
