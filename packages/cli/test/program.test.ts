/**
 * The command line's lazy start-up (program.ts): the options defined with core and xlsx are added
 * to a command only once it is the one run (`addLoadedOptions`), yet every way of asking for help
 * lists them, in the built command (bin/cchc.js).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { hatinh2021, hatinhCity2020, parsePeriod } from '@cchc-kpi/core';
import { writeTemplate } from '@cchc-kpi/xlsx/write';
import { main } from '../src/index.ts';
import { langAnywhere } from '../src/io/lang-anywhere.ts';
import { addLoadedOptions, buildProgram } from '../src/program.ts';

const BIN = fileURLToPath(new URL('../bin/cchc.js', import.meta.url));
const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const LIMIT_FLAGS = ['--max-file-size', '--max-entries', '--max-uncompressed', '--max-ratio', '--max-cells', '--max-config-size', '--max-json-depth'];
/** Limits of the inputs only `consolidate` reads (--compare, --received). */
const CONSOLIDATE_LIMIT_FLAGS = [...LIMIT_FLAGS, '--max-compare-size', '--max-received-size', '--max-received-rows'];
const REPORT_FLAGS = ['--html', '--docx', '--feedback', '--compare', '--sort', '--report-date', '--report-number'];

const flagsOf = (program: ReturnType<typeof buildProgram>, name: string): string[] =>
  program.commands.find((c) => c.name() === name)!.options.map((o) => o.long ?? '');

describe('addLoadedOptions', () => {
  it('adds the limits to the reading commands and the report options to consolidate, after the others, once', async () => {
    const program = buildProgram();
    const before = Object.fromEntries(['template', 'check', 'score', 'inspect', 'consolidate', 'report'].map((n) => [n, flagsOf(program, n)]));
    expect(before.consolidate).not.toContain('--max-file-size');
    expect(before.consolidate).not.toContain('--html');
    expect(before.consolidate!.at(-1)).toBe('--lang');
    for (const command of program.commands) {
      await addLoadedOptions(command);
      await addLoadedOptions(command);
    }
    expect(flagsOf(program, 'template')).toEqual(before.template);
    for (const name of ['check', 'score', 'inspect', 'report']) expect(flagsOf(program, name)).toEqual([...before[name]!, ...LIMIT_FLAGS]);
    expect(flagsOf(program, 'consolidate')).toEqual([...before.consolidate!, ...CONSOLIDATE_LIMIT_FLAGS, ...REPORT_FLAGS]);
    const sort = program.commands.find((c) => c.name() === 'consolidate')!.options.find((o) => o.long === '--sort')!;
    expect(sort.argChoices).toEqual(['official', 'name']);
    expect(sort.defaultValue).toBe('official');
  });
});

describe('help and version of the built command', () => {
  const run = (args: string[]): { status: number | null; stdout: string; stderr: string } =>
    spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, FORCE_COLOR: '0' } });

  it('lists the loaded options in "consolidate --help" and "help consolidate" alike', () => {
    const flag = run(['consolidate', '--help']);
    const command = run(['help', 'consolidate']);
    expect(flag.status, flag.stderr).toBe(0);
    expect(command.status, command.stderr).toBe(0);
    expect(command.stdout).toBe(flag.stdout);
    for (const option of [...CONSOLIDATE_LIMIT_FLAGS, ...REPORT_FLAGS]) expect(flag.stdout).toContain(option);
    expect(flag.stdout).toContain('(mặc định / default 50M)');
    for (const shown of ['--max-config-size <size>', '--max-json-depth <n>', '--max-compare-size <size>', '--max-received-size <size>', '--max-received-rows <n>']) {
      expect(flag.stdout).toContain(shown);
    }
    expect(flag.stdout.replace(/\s+/g, ' ')).toMatch(/--max-received-rows <n> .*\(mặc định \/ default 100000\)/);
    expect(flag.stdout).toMatch(/choices:\s+"official", "name"/);
    const version = run(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`${PACKAGE_VERSION}\n`);
  }, 120_000);

  it('refuses a --sort outside its choices before reading anything', () => {
    const bad = run(['consolidate', 'nowhere', '--period', '2021-H1', '--out', 'x.xlsx', '--sort', 'size']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("argument 'size' is invalid");
  }, 120_000);
});

describe('--lang anywhere on the command line (langAnywhere)', () => {
  const commands = ['template', 'check', 'inspect', 'score', 'consolidate'];
  it.each([
    [['--lang', 'en', 'check', 'a.xlsx'], ['check', 'a.xlsx', '--lang', 'en']],
    [['--lang=en', 'consolidate', 'dir', '--period', '2021-H1'], ['consolidate', 'dir', '--period', '2021-H1', '--lang', 'en']],
    [['check', '--lang', 'en', 'a.xlsx'], ['check', 'a.xlsx', '--lang', 'en']],
    [['--lang', 'vi', 'check', '--lang', 'en', 'a.xlsx'], ['check', 'a.xlsx', '--lang', 'en']],
    [['check', 'a.xlsx', '--', '--lang', 'en'], ['check', 'a.xlsx', '--', '--lang', 'en']],
    [['--lang', 'en', '--help'], ['--help']],
    [['--lang', 'en', 'help', 'check'], ['help', 'check']],
    [['check', 'a.xlsx'], ['check', 'a.xlsx']],
    [['check', '--lang'], ['check', '--lang']],
  ])('%j → %j', (args, expected) => {
    expect(langAnywhere(args, commands)).toEqual(expected);
  });
});

describe('the library entry: main(args) (issue p1 J)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cchc-main-'));
    const period = parsePeriod('2021-H1');
    if (!period.ok) throw new Error('period');
    const unit = hatinhCity2020.units.find((u) => u.code === '18070')!;
    writeFileSync(join(dir, '18070-2021-H1.xlsx'), (await writeTemplate(hatinh2021, unit, period.value)).bytes);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => vi.restoreAllMocks());

  /** Runs main with the process's stdout and stderr captured. */
  async function capture(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write);
    vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write);
    const code = await main(args);
    vi.restoreAllMocks();
    return { code, stdout, stderr };
  }

  it('exports main only', async () => {
    expect(Object.keys(await import('../src/index.ts'))).toEqual(['main']);
  });

  it("takes the arguments after the program name: ['check', FILE] checks the file (it printed the help and returned 0)", async () => {
    const before = process.exitCode;
    const run = await capture(['check', join(dir, '18070-2021-H1.xlsx'), '--lang', 'en']);
    expect(run.code).toBe(1); // an untouched form is no report
    expect(run.stdout.split('\n')[0]).toBe('18070-2021-H1.xlsx: 1 error, 8 warnings');
    expect(run.stdout).toContain('ERROR    18070-2021-H1.xlsx');
    expect(run.stdout).not.toContain('Usage:');
    expect(process.exitCode).toBe(before); // the caller's process is left as it was
  });

  it('returns 0 for --version and 2 for a command line error, said in both languages', async () => {
    const version = await capture(['--version']);
    expect([version.code, version.stdout]).toEqual([0, `${PACKAGE_VERSION}\n`]);
    const wrong = await capture(['chek']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.split('\n')[0]).toMatch(/^Lỗi: không có lệnh chek/);
  });
});
