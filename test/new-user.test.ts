/**
 * What a new user tripped on, following the README: `score` on a folder or several files, a real
 * Word document renamed .xlsx (and its neighbours: a macro-enabled document, a Word template,
 * a PowerPoint deck, a binary workbook), `consolidate` over nothing, commander's English-only
 * errors and `--lang` before the command, and pnpm's "[ELIFECYCLE]" line after the documented
 * way to run the tool. Every file is built here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hatinh2021 } from '@cchc-kpi/core';
import { readGrid } from '@cchc-kpi/xlsx';
import { writeTemplate } from '@cchc-kpi/xlsx/write';
import { repoRoot, runCli } from './support/cli.ts';
import { GOOD_FILL, filledReport, period, unit } from './support/hostile.ts';
import { zipParts } from './support/zip.ts';

let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-new-user-'));
  mkdirSync(join(dir, 'bao-cao'));
  writeFileSync(join(dir, 'bao-cao', '18070-2021-H1.xlsx'), await filledReport(unit('18070')));
  // Nam Hà: CT3a typed 150 of 200 (not met), otherwise as the good form.
  const fill = { ...GOOD_FILL, indicators: { ...GOOD_FILL.indicators, CT3a: { numerator: 150, denominator: 200 } } };
  writeFileSync(join(dir, 'bao-cao', '18073-2021-H1.xlsx'), await filledReport(unit('18073'), undefined, fill));
  writeFileSync(join(dir, 'bao-cao', 'ghi-chu.txt'), 'not a report');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ScoreJson {
  file: string;
  unit: string;
  period: string;
  score: number;
  indicators: Record<string, { numerator: number | null; denominator: number | null; status: string }>;
}

describe('cchc score on a folder or several files', () => {
  it('scores every report of a folder: --json is one array, one entry per file', () => {
    const run = runCli(['score', join(dir, 'bao-cao'), '--json']);
    expect(run.status).toBe(0);
    const entries = JSON.parse(run.stdout) as ScoreJson[];
    expect(entries.map((e) => [e.file, e.unit, e.period])).toEqual([
      ['18070-2021-H1.xlsx', '18070', '2021-H1'],
      ['18073-2021-H1.xlsx', '18073', '2021-H1'],
    ]);
    expect(entries.map((e) => [e.indicators['CT3a']?.numerator, e.indicators['CT3a']?.denominator, e.indicators['CT3a']?.status])).toEqual([
      [200, 200, 'met'],
      [150, 200, 'notMet'],
    ]);
    // Both scored: the same themes, forms and date; only Nam Hà's indicator part is lower (CT3a 150/200).
    expect(entries[0]!.score).toBeCloseTo(75.14, 2);
    expect(entries[1]!.score).toBeCloseTo(72.33, 2);
  });

  it('scores several files named on the command line, in the text output too', () => {
    const files = ['18073-2021-H1.xlsx', '18070-2021-H1.xlsx'].map((f) => join(dir, 'bao-cao', f));
    const run = runCli(['score', ...files, '--lang', 'en']);
    expect(run.status).toBe(0);
    const headings = run.stdout.split('\n').filter((l) => /^\S.*\.xlsx: /.test(l));
    expect(headings).toEqual(['18070-2021-H1.xlsx: Trần Phú — 2021-H1', '18073-2021-H1.xlsx: Nam Hà — 2021-H1']);
  });
});

/** The parts of a real-looking Office Open XML package whose main document is `main` with content type `type`. */
function officePackage(main: string, type: string, body: string, extra: [string, string][] = []): Uint8Array {
  const rels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zipParts([
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/${main}" ContentType="${type}"/>` +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId3" Type="${rels}/extended-properties" Target="docProps/app.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        `<Relationship Id="rId1" Type="${rels}/officeDocument" Target="${main}"/></Relationships>`,
    ],
    [main, body],
    ...extra,
    ['docProps/core.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Báo cáo</dc:title></cp:coreProperties>'],
    ['docProps/app.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application></Properties>'],
  ]);
}

const WORD_BODY =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
  '<w:p><w:r><w:t>BÁO CÁO KẾT QUẢ CÔNG TÁC TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH 6 THÁNG ĐẦU NĂM 2021</w:t></w:r></w:p>' +
  '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Tỷ lệ hồ sơ được công khai</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>';
const WORD_RELS: [string, string] = [
  'word/_rels/document.xml.rels',
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
];
const WORD_STYLES: [string, string] = ['word/styles.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'];

describe('a document of another Office program renamed .xlsx is named for what it is', () => {
  const cases: [string, () => Uint8Array, string][] = [
    ['a Word document (.docx)', () => officePackage('word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', WORD_BODY, [WORD_RELS, WORD_STYLES]), 'Word'],
    ['a macro-enabled Word document (.docm)', () => officePackage('word/document.xml', 'application/vnd.ms-word.document.macroEnabled.main+xml', WORD_BODY, [WORD_RELS, WORD_STYLES]), 'Word'],
    ['a Word template (.dotx)', () => officePackage('word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml', WORD_BODY), 'Word'],
    ['a PowerPoint deck (.pptx)', () => officePackage('ppt/presentation.xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml', '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>'), 'PowerPoint'],
    ['an Excel binary workbook (.xlsb)', () => officePackage('xl/workbook.bin', 'application/vnd.ms-excel.sheet.binary.macroEnabled.main', '\u0083\u0001\u0000'), '.xlsb'],
    ['a Word document whose main part sits elsewhere (word2/)', () => officePackage('word2/main.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', WORD_BODY), 'Word'],
  ];

  it.each(cases)('%s → not-xlsx naming it', (_name, build, word) => {
    const read = readGrid(build(), { file: 'bao-cao.xlsx' });
    expect(read.ok).toBe(false);
    expect(read.findings.map((f) => f.code)).toEqual(['not-xlsx']);
    expect(read.findings[0]!.message.en).toContain(word);
  });

  it('says "this is a Word document" through check, in Vietnamese', () => {
    const path = join(dir, 'bao-cao-word.xlsx');
    writeFileSync(path, cases[0]![1]());
    const run = runCli(['check', path, '--json']);
    expect(run.status).toBe(1);
    const [entry] = JSON.parse(run.stdout) as { findings: { code: string; message: { vi: string; en: string } }[] }[];
    expect(entry!.findings.map((f) => f.code)).toEqual(['not-xlsx']);
    expect(entry!.findings[0]!.message.vi).toContain('Word');
    expect(entry!.findings[0]!.message.vi).not.toContain('không có trang tính nào đọc được');
  });
});

/** `cchc consolidate FOLDER --period 2021-H1` into OUT/a.xlsx and OUT/a.json. */
const consolidateInto = (folder: string, out: string, ...extra: string[]) =>
  runCli(['consolidate', folder, '--period', '2021-H1', '--out', join(out, 'a.xlsx'), '--json', join(out, 'a.json'), ...extra]);

describe('consolidate with no report files at all', () => {
  it('says so in Vietnamese (English with --lang en), writes nothing, exits 2', () => {
    const empty = join(dir, 'trong');
    mkdirSync(empty);
    writeFileSync(join(empty, 'ghi-chu.txt'), 'x');
    const out = join(dir, 'out-empty');
    const vi = consolidateInto(empty, out, '--quiet');
    expect(vi.status).toBe(2);
    expect(vi.stderr).toContain(`Không có tệp báo cáo nào (.xlsx, .xls, .ods) trong ${empty} (đã bỏ qua 1 tệp hoặc thư mục con khác): không tổng hợp và không ghi tệp kết quả nào.`);
    const en = consolidateInto(empty, out, '--lang', 'en');
    expect(en.status).toBe(2);
    expect(en.stderr).toContain('No report files (.xlsx, .xls, .ods) in');
    expect(existsSync(out)).toBe(false);
  });

  it('a folder of blank or unreadable forms is not empty: outputs are written, exit 0', async () => {
    const folder = join(dir, 'hong');
    mkdirSync(folder);
    writeFileSync(join(folder, '18070-2021-H1.xlsx'), 'not a zip');
    writeFileSync(join(folder, '18073-2021-H1.xlsx'), (await writeTemplate(hatinh2021, unit('18073'), period())).bytes);
    const out = join(dir, 'out-hong');
    const run = consolidateInto(folder, out, '--quiet');
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['a.json', 'a.xlsx']);
    const json = JSON.parse(readFileSync(join(out, 'a.json'), 'utf8')) as { units: { code: string; status: string }[]; totals: { received: number; unreadable: number } };
    expect(json.units.filter((u) => u.code === '18070' || u.code === '18073').map((u) => [u.code, u.status])).toEqual([
      ['18070', 'unreadable'],
      ['18073', 'missing'], // an untouched form is no report
    ]);
    expect(json.totals).toMatchObject({ received: 0, unreadable: 1 });
  });
});

describe("commander's own errors, and --lang anywhere", () => {
  it('gives a missing required option in Vietnamese, then English, exit 2', () => {
    const run = runCli(['consolidate', join(dir, 'bao-cao'), '--out', join(dir, 'x.xlsx')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "Lỗi: thiếu tùy chọn bắt buộc --period <period>. Xem cách dùng: cchc --help.\nError: required option '--period <period>' not specified. See cchc --help.\n",
    );
  });

  it.each([
    [['check', '--jsno', 'a.xlsx'], 'Lỗi: không có tùy chọn --jsno. (Có phải ý bạn là --json?)'],
    [['chek', 'a.xlsx'], 'Lỗi: không có lệnh chek'],
    [['check'], 'Lỗi: thiếu tệp báo cáo.'],
    [['check', 'a.xlsx', '--lang', 'fr'], 'Lỗi: giá trị "fr" của tùy chọn --lang <lang> không hợp lệ; chỉ chọn một trong: vi, en.'],
    [['inspect', 'a.xlsx', 'b.xlsx'], 'Lỗi: thừa đối số cho lệnh inspect: cần 1, có 2.'],
  ])('%j → %s', (args, vi) => {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toContain(vi);
    expect(run.stderr.split('\n')[1]).toMatch(/^Error: /);
  });

  it('accepts --lang before the command name, and --lang=en', () => {
    const file = join(dir, 'bao-cao', '18070-2021-H1.xlsx');
    for (const args of [['--lang', 'en', 'check', file], ['--lang=en', 'check', file], ['check', '--lang', 'en', file]]) {
      const run = runCli(args);
      expect(run.status, args.join(' ')).toBe(0);
      expect(run.stdout).toContain('NOTICE   18070-2021-H1.xlsx › Báo cáo!G18 — Cell G18 (CT4b denominator): the denominator is 0');
      expect(run.stdout).not.toContain('LƯU Ý');
    }
  });
});

const pnpmMissing = spawnSync('sh', ['-c', 'command -v pnpm']).status === 0 ? null : 'skipped: pnpm not on PATH, install with npm i -g pnpm@12.4.2';
if (pnpmMissing) console.warn(`new-user.test.ts: ${pnpmMissing}`);

describe.skipIf(pnpmMissing !== null)('the documented way to run the tool prints only its own words', () => {
  it('pnpm exec cchc: findings, exit 1, no [ELIFECYCLE]; pnpm cchc keeps working', () => {
    const sub = join(repoRoot, 'examples');
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'not a zip');
    const exec = spawnSync('pnpm', ['exec', 'cchc', 'check', bad], { cwd: sub, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, timeout: 120_000 });
    expect(exec.status).toBe(1);
    expect(exec.stdout).toContain('bad.xlsx');
    expect(`${exec.stdout}${exec.stderr}`).not.toContain('ELIFECYCLE');
    expect(`${exec.stdout}${exec.stderr}`).not.toContain('Command failed');
    const script = spawnSync('pnpm', ['cchc', 'check', bad], { cwd: sub, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, timeout: 120_000 });
    expect(script.status).toBe(1);
    expect(script.stdout).toContain('bad.xlsx');
  }, 240_000);
});

describe('what a new user reported from a clean clone of main', () => {
  it('check says what a file with only notices has: "1 lưu ý" after the colon, not nothing (N)', () => {
    const file = join(dir, 'bao-cao', '18070-2021-H1.xlsx');
    const vi = runCli(['check', file]);
    expect(vi.status).toBe(0);
    expect(vi.stdout.split('\n')[0]).toBe('18070-2021-H1.xlsx: 1 lưu ý');
    const en = runCli(['check', file, '--lang', 'en']);
    expect(en.stdout.split('\n')[0]).toBe('18070-2021-H1.xlsx: 1 notice');
    // A file with an error says so on its line too.
    const bad = join(dir, 'hong-n.xlsx');
    writeFileSync(bad, 'not a zip');
    expect(runCli(['check', bad]).stdout.split('\n')[0]).toBe('hong-n.xlsx: 1 lỗi');
  });

  it("the CLI's own option validators: the Vietnamese line is all Vietnamese, the English all English (M)", () => {
    const run = runCli(['consolidate', join(dir, 'bao-cao'), '--period', '2021-H1', '--out', join(dir, 'm.xlsx'), '--workers', 'hai']);
    expect(run.status).toBe(2);
    const [vi, en] = run.stderr.split('\n');
    expect(vi).toBe('Lỗi: giá trị "hai" của tùy chọn --workers <n> không hợp lệ: cần một số nguyên từ 1 đến 256. Xem cách dùng: cchc --help.');
    expect(en).toBe("Error: option '--workers <n>' argument 'hai' is invalid. Expected a whole number from 1 to 256. See cchc --help.");
    expect(existsSync(join(dir, 'm.xlsx'))).toBe(false);
  });

  it('template --unit 18070 18070 is one form: written once, exit 0, no "already exists" (I)', () => {
    const out = join(dir, 'twice');
    const run = runCli(['template', '--unit', '18070', '18070', '--period', '2021-H1', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe(`Đã ghi ${join(out, '18070-2021-H1.xlsx')}\n`);
    expect(readdirSync(out)).toEqual(['18070-2021-H1.xlsx']);
  });

  it('--units listing a ward the registry has: kept once, no contradicting warning; the same code as another kind is one clear error naming the file (I)', () => {
    // Issue 14: a unit the registry already has (same code and kind) is kept once, not refused.
    const units = join(dir, 'don-vi.csv');
    writeFileSync(units, 'code,name,kind\n18070,Trần Phú,ward\nSNV,Phòng Nội vụ,agency\n');
    const kept = runCli(['template', '--unit', 'SNV', '--units', units, '--period', '2021-H1', '--out', join(dir, 'units-kept')]);
    expect(kept.status, kept.stderr).toBe(0);
    expect(kept.stderr).toBe(`Đã ghi ${join(dir, 'units-kept', 'SNV-2021-H1.xlsx')}\n`);
    const wrongKind = join(dir, 'don-vi-xa.csv');
    writeFileSync(wrongKind, 'code,name,kind\n18070,Trần Phú,commune\nSNV,Phòng Nội vụ,agency\n');
    const run = runCli(['template', '--unit', 'SNV', '--units', wrongKind, '--period', '2021-H1', '--out', join(dir, 'units-dup')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'LỖI      don-vi-xa.csv — Mã đơn vị "18070" (Xã Trần Phú) đã có trong danh sách hatinh-city-2020; bỏ dòng này khỏi danh sách bổ sung (danh sách bổ sung chỉ cần các đơn vị chưa có, thường là cơ quan).\n',
    );
    expect(existsSync(join(dir, 'units-dup'))).toBe(false);
  });
});
