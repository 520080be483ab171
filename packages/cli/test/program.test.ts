/**
 * The command line's lazy start-up (program.ts): the options defined with core and xlsx are added
 * to a command only once it is the one run (`addLoadedOptions`), yet every way of asking for help
 * lists them, in the built command (bin/cchc.js).
 */
import { langAnywhere } from '../src/io/lang-anywhere.ts';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
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
  const node = ['node', 'cchc'];
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
    expect(langAnywhere([...node, ...args], commands)).toEqual([...node, ...expected]);
  });
});
