/**
 * Terminal escapes from files never reach the terminal (issue 18). A report whose cells hold ESC
 * sequences and U+202E, and a file named with them, go through `score`, `inspect`, `check`,
 * `consolidate` (its progress lines on a non-terminal stderr, the CSV tables, `--json` to a file
 * and to stdout): no output holds a code point below U+0020 other than tab, CR and LF, none of
 * U+007F–U+009F, U+202A–U+202E or U+2066–U+2069. The text stays readable (`\u001B` escapes) and the
 * JSON still parses to the very text the cell held.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField } from '../packages/cli/src/io/csv.ts';
import { jsonSafeText, printable } from '../packages/cli/src/io/terminal-text.ts';
import { runCli, type CliRun } from './support/cli.ts';
import { PAYLOAD, PAYLOAD_SHOWN, payloadReport, strictUtf8, terminalUnsafe } from './support/terminal.ts';

/** A file name carrying ESC, BEL and U+202E (legal on Linux and macOS). */
const HOSTILE_NAME = 'bao-cao\u001B]0;X\u0007\u202E.xlsx';
const HOSTILE_NAME_SHOWN = 'bao-cao\\u001B]0;X\\u0007\\u202E.xlsx';

let dir = '';
let file = '';
let folder = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-escapes-'));
  const bytes = await payloadReport();
  file = join(dir, 'payload.xlsx');
  writeFileSync(file, bytes);
  folder = join(dir, 'in');
  mkdirSync(folder);
  writeFileSync(join(folder, HOSTILE_NAME), bytes);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Both streams of a run, checked as the terminal would receive them. */
function expectSafe(run: CliRun): void {
  expect(terminalUnsafe(run.stdout), 'stdout').toEqual([]);
  expect(terminalUnsafe(run.stderr), 'stderr').toEqual([]);
}

/** A file's bytes: valid UTF-8 with nothing unsafe in it. */
function safeFile(path: string): string {
  const text = strictUtf8(new Uint8Array(readFileSync(path)));
  expect(terminalUnsafe(text), path).toEqual([]);
  return text;
}

describe('the payload is real: the reader gives the raw characters', () => {
  it('score --json parses back to the very text the cells hold', () => {
    const run = runCli(['score', file, '--json']);
    expectSafe(run);
    expect(run.stdout).toContain('\\u001b]0;PWNED\\u0007\\u001b[2J\\u202e');
    const [entry] = JSON.parse(run.stdout) as { unit: string; period: string }[];
    if (entry === undefined) throw new Error('score --json printed an empty array');
    expect(entry.unit).toBe(`18070${PAYLOAD}`);
    expect(entry.period).toBe(`2021-H1${PAYLOAD}`);
  });
});

describe('every text command prints the escapes visibly', () => {
  it('score', () => {
    const run = runCli(['score', file]);
    expect(run.status).toBe(1);
    expectSafe(run);
    expect(run.stdout.split('\n')[0]).toBe(`payload.xlsx: 18070${PAYLOAD_SHOWN} — 2021-H1${PAYLOAD_SHOWN}`);
  });

  it('inspect, as text and as JSON', () => {
    const text = runCli(['inspect', file]);
    expectSafe(text);
    expect(text.stdout).toContain(`Đơn vị: 18070${PAYLOAD_SHOWN}; kỳ báo cáo: 2021-H1${PAYLOAD_SHOWN}`);
    const json = runCli(['inspect', file, '--json', '--lang', 'en']);
    expectSafe(json);
    expect((JSON.parse(json.stdout) as { unit: string }).unit).toBe(`18070${PAYLOAD}`);
  });

  it('check, as text and as JSON, with the hostile file name', () => {
    const text = runCli(['check', folder]);
    expectSafe(text);
    expect(text.stdout).toContain(`${HOSTILE_NAME_SHOWN}: `);
    const json = runCli(['check', folder, '--json']);
    expectSafe(json);
    expect((JSON.parse(json.stdout) as { file: string }[])[0]?.file).toBe(HOSTILE_NAME);
  });
});

describe('the command line’s own errors', () => {
  it('quote a hostile argument (a file name a shell glob expanded into an option) escaped', () => {
    const run = runCli(['check', `--${HOSTILE_NAME}`]);
    expect(run.status).toBe(2);
    expectSafe(run);
    expect(run.stderr).toBe(
      `Lỗi: không có tùy chọn --${HOSTILE_NAME_SHOWN}. Xem cách dùng: cchc --help.\nError: unknown option '--${HOSTILE_NAME_SHOWN}'. See cchc --help.\n`,
    );
  });
});

describe('consolidate: progress, CSV and JSON', () => {
  it('progress lines on a non-terminal stderr, the CSV tables and the JSON file carry no raw escape', () => {
    const out = join(dir, 'out');
    const run = runCli(['consolidate', folder, '--period', '2021-H1', '--out', join(out, 'th.xlsx'), '--csv', join(out, 'th.csv'), '--json', join(out, 'th.json')]);
    expect(run.status).toBe(0);
    expectSafe(run);
    // The progress line (stderr is a pipe here, not a terminal) names the file, escaped.
    expect(run.stderr).toContain(`Đọc báo cáo: 1/1 (100%)`);
    expect(run.stderr).toContain(`— ${HOSTILE_NAME_SHOWN}`);
    const findings = safeFile(join(out, 'th-phat-hien.csv'));
    expect(findings).toContain(HOSTILE_NAME_SHOWN);
    expect(findings).toContain(`18070${PAYLOAD_SHOWN}`);
    safeFile(join(out, 'th.csv'));
    const json = safeFile(join(out, 'th.json'));
    const parsed = JSON.parse(json) as { findings: { file?: string; message: { vi: string } }[] };
    expect(parsed.findings.some((f) => f.file === HOSTILE_NAME)).toBe(true);
    expect(parsed.findings.some((f) => f.message.vi.includes(`18070${PAYLOAD}`))).toBe(true);
  }, 300_000);

  it('--json - to stdout: the same escaped JSON', () => {
    const run = runCli(['consolidate', folder, '--period', '2021-H1', '--out', join(dir, 'out2', 'th.xlsx'), '--json', '-', '--quiet']);
    expect(run.status).toBe(0);
    expectSafe(run);
    expect(run.stdout).toBe(readFileSync(join(dir, 'out', 'th.json'), 'utf8'));
  }, 300_000);

  it('the findings CSV printed by `cat` cannot drive the terminal', () => {
    const cat = spawnSync('cat', [join(dir, 'out', 'th-phat-hien.csv')], { encoding: 'utf8' });
    if (cat.error) return; // no `cat` on this system: the file check above covers it
    expect(terminalUnsafe(cat.stdout)).toEqual([]);
  });
});

describe('the functions every output goes through', () => {
  it('printable: visible escapes, one line', () => {
    expect(printable(`a${PAYLOAD}\u009B\u2066b\r\nc\td`)).toBe(`a${PAYLOAD_SHOWN}\\u009B\\u2066b  c d`);
    expect(printable(printable(PAYLOAD))).toBe(PAYLOAD_SHOWN);
  });
  it('JSON: any text comes back unchanged from the escaped JSON, nothing unsafe left raw (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 30 }), { maxKeys: 4 }), (value) => {
        const text = jsonSafeText(JSON.stringify({ value, list: Object.values(value) }, null, 2));
        expect(terminalUnsafe(text)).toEqual([]);
        expect(JSON.parse(text)).toEqual({ value, list: Object.values(value) });
      }),
      { seed: 18, numRuns: 500 },
    );
  });
  it('CSV cells keep tab and line breaks (quoted) and escape the rest', () => {
    expect(csvField(`x${PAYLOAD}\u0085`, ',')).toBe(`x${PAYLOAD_SHOWN}\\u0085`);
    expect(csvField('dòng 1\r\ndòng 2\tx', ',')).toBe('"dòng 1\r\ndòng 2\tx"');
    // Escaping never opens a formula: a cell starting with a control shows `\u0001` (a backslash).
    expect(csvField('\u0001=1+1', ',')).toBe('\\u0001=1+1');
  });
});
