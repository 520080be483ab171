/**
 * JSON inputs nested 200,000 deep (issue 18): `--plan`, `--units`, a saved mapping and
 * `--compare` each give a clear finding, in Vietnamese and in English, and exit as documented —
 * never "unexpected error: RangeError: Maximum call stack size exceeded" with a stack trace.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './support/cli.ts';
import { filledReport, minimalWorkbookParts, unit } from './support/hostile.ts';
import { zipParts } from './support/zip.ts';

/** `{"id":"x","title":[[[…]]]}` 200,000 deep: 400 KB, the file. */
const DEEP = `{"id":"x","title":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;

let dir = '';
let report = '';
let deep = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-json-'));
  report = join(dir, '18070-2021-H1.xlsx');
  writeFileSync(report, await filledReport(unit('18070')));
  deep = join(dir, 'sau.json');
  writeFileSync(deep, DEEP);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** No crash, no stack trace, nothing of the engine's own words. */
function expectNoCrash(run: CliRun): void {
  const all = run.stdout + run.stderr;
  expect(all).not.toMatch(/RangeError|Maximum call stack|Lỗi không mong đợi|unexpected error|^\s+at /m);
}

const vi = (what: string): string =>
  `${what} sau.json có dữ liệu lồng nhau sâu quá 64 cấp (dòng 1, cột 82); không đọc tệp này. Tệp hợp lệ không lồng sâu như vậy: tệp bị hỏng hoặc không phải tệp dành cho công cụ.`;
const en = (what: string): string => `${what} sau.json nests deeper than 64 levels (line 1, column 82); it is not read. No valid file nests so deep: the file is damaged or not meant for this tool.`;

describe('a JSON input nested 200,000 deep', () => {
  it('--plan: refused with a finding in both languages, exit 2', () => {
    const a = runCli(['check', report, '--plan', deep]);
    expectNoCrash(a);
    expect(a.status).toBe(2);
    expect(a.stderr).toBe(`LỖI      sau.json — ${vi('Tệp kế hoạch')}\n`);
    const b = runCli(['score', report, '--plan', deep, '--lang', 'en']);
    expectNoCrash(b);
    expect(b.status).toBe(2);
    expect(b.stderr).toBe(`ERROR    sau.json — ${en('The plan file')}\n`);
  }, 120_000);

  it('--units: refused the same way', () => {
    const run = runCli(['check', report, '--units', deep, '--lang', 'en']);
    expectNoCrash(run);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`ERROR    sau.json — ${en('The unit list')}\n`);
  }, 120_000);

  it('--compare: refused before any report is read, nothing written', () => {
    const run = runCli(['consolidate', report, '--period', '2021-H1', '--out', join(dir, 'out', 'th.xlsx'), '--compare', deep]);
    expectNoCrash(run);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`LỖI      sau.json — ${vi('Tệp so sánh')}\n`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  }, 120_000);

  it('a saved mapping (--mappings): an error about the mapping, the workbook still read without it', () => {
    const maps = join(dir, 'anh-xa');
    mkdirSync(maps, { recursive: true });
    writeFileSync(join(maps, '18070.json'), DEEP.replace('sau', ''));
    const layout = join(dir, 'mau-cu.xlsx');
    writeFileSync(layout, zipParts(minimalWorkbookParts('<row r="1"><c r="A1" t="inlineStr"><is><t>Bảng chấm công</t></is></c></row>')));
    const run = runCli(['check', layout, '--unit', '18070', '--mappings', maps, '--json']);
    expectNoCrash(run);
    expect(run.status).toBe(1);
    const [entry] = JSON.parse(run.stdout) as { findings: { code: string; file?: string; message: { vi: string; en: string } }[] }[];
    const mapping = entry?.findings.filter((f) => f.file === '18070.json') ?? [];
    expect(mapping.map((f) => f.code)).toEqual(['json-too-deep']);
    expect(mapping[0]?.message.vi).toMatch(/^Tệp ánh xạ 18070\.json có dữ liệu lồng nhau sâu quá 64 cấp \(dòng 1, cột \d+\); không đọc tệp này\./);
    expect(mapping[0]?.message.en).toMatch(/^Mapping file 18070\.json nests deeper than 64 levels/);
  }, 120_000);

  it('--max-json-depth and --max-config-size set the limits', () => {
    const shallow = join(dir, 'nong.json');
    writeFileSync(shallow, '{"id":"x","title":[[[[1]]]]}');
    const tight = runCli(['check', report, '--plan', shallow, '--max-json-depth', '3', '--lang', 'en']);
    expect(tight.status).toBe(2);
    expect(tight.stderr).toContain('nests deeper than 3 levels (line 1, column 21)');
    const small = runCli(['check', report, '--plan', deep, '--max-config-size', '100K']);
    expect(small.status).toBe(2);
    expect(small.stderr).toBe(
      'LỖI      sau.json — Tệp "sau.json" có dung lượng 400019 byte, vượt giới hạn 102400 byte; tệp không được đọc. Nâng giới hạn bằng --max-config-size nếu tệp đáng tin cậy.\n',
    );
  }, 120_000);
});
