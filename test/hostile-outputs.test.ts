/**
 * Output safety (issue 6): CSV that Excel cannot be tricked into running, sheet names within
 * Excel's rules, unit codes and names such as `__proto__` that cannot pollute objects, text from
 * cells that never becomes a path, control characters that never reach the terminal raw, and
 * byte-identical outputs for the same inputs.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkReport,
  createConsolidator,
  hatinh2021,
  hatinhCity2020,
  mergeUnits,
  parseReceivedCsv,
  parseUnitsCsv,
  toJson,
  type Consolidation,
  type Unit,
} from '@cchc-kpi/core';
import { consolidationCsv, csvFindingsPath } from '../packages/cli/src/consolidate/csv-tables.ts';
import { csvField, escapeFormulaText, parseCsvSeparator, toCsv } from '../packages/cli/src/io/csv.ts';
import { formatFinding, printable } from '../packages/cli/src/io/lang.ts';
import { limitsFromOptions, parseByteSize } from '../packages/cli/src/io/limits.ts';
import { readGrid, readReport } from '@cchc-kpi/xlsx';
import { MAX_SHEET_NAME_LENGTH, feedbackFileName, safeSheetName, safeSheetNames, templateFileName, writeConsolidated, writeTemplate } from '@cchc-kpi/xlsx/write';
import { fillTemplate } from '@cchc-kpi/examples/fill-template';
import { renderHtmlReport } from '../packages/cli/src/html/index.ts';
import { runCli } from './support/cli.ts';
import { GOOD_FILL, filledReport, hashTree, period, unit } from './support/hostile.ts';

describe('CSV: UTF-8 with BOM, quoting, formula escaping', () => {
  it('escapes text starting with = + - @ tab or CR, also after leading spaces; leaves other text', () => {
    expect(escapeFormulaText('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(escapeFormulaText('+1')).toBe("'+1");
    expect(escapeFormulaText('-5')).toBe("'-5");
    expect(escapeFormulaText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(escapeFormulaText('\t=1')).toBe("'\t=1");
    expect(escapeFormulaText('\r1')).toBe("'\r1");
    expect(escapeFormulaText('  =1+1')).toBe("'  =1+1");
    expect(escapeFormulaText('Phường Trần Phú')).toBe('Phường Trần Phú');
    expect(escapeFormulaText('a=b')).toBe('a=b');
    expect(escapeFormulaText('')).toBe('');
  });

  it('writes numbers as numbers (negative ones unescaped), booleans, blanks, and quotes what needs it', () => {
    expect(csvField(-5, ',')).toBe('-5');
    expect(csvField(0.9083333333333333, ',')).toBe('0.9083333333333333');
    expect(csvField(-0, ',')).toBe('0');
    expect(csvField(Number.NaN, ',')).toBe('');
    expect(csvField(Number.POSITIVE_INFINITY, ',')).toBe('');
    expect(csvField(true, ',')).toBe('TRUE');
    expect(csvField(null, ',')).toBe('');
    expect(csvField(undefined, ',')).toBe('');
    expect(csvField('-5', ',')).toBe(`"'-5"`);
    expect(csvField('=1+1', ';')).toBe(`"'=1+1"`);
    expect(csvField('a,b', ',')).toBe('"a,b"');
    expect(csvField('a,b', ';')).toBe('a,b');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('a\tb', '\t')).toBe('"a\tb"');
    expect(csvField('say "hi"', ',')).toBe('"say ""hi"""');
    expect(csvField('line 1\nline 2', ',')).toBe('"line 1\nline 2"');
    expect(csvField(' padded ', ',')).toBe('" padded "');
    // NFD input comes out NFC.
    expect(csvField('Tr\u0061\u0300n', ',')).toBe('Tràn');
  });

  it('starts with the byte-order mark and ends every line with CRLF', () => {
    expect(toCsv([['Mã', 'Đơn vị'], ['18070', 'Phường Trần Phú'], [1, null, -2.5]], ';')).toBe(
      '\uFEFFMã;Đơn vị\r\n18070;Phường Trần Phú\r\n1;;-2.5\r\n',
    );
    const bytes = Buffer.from(toCsv([['a']]), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('reads the separator option and names the findings file', () => {
    expect([',', 'comma', ';', 'semicolon', 'tab', 'TAB', '\t', '\\t', '|', ''].map(parseCsvSeparator)).toEqual([',', ',', ';', ';', '\t', '\t', '\t', '\t', null, null]);
    expect(csvFindingsPath(join('out', 'tong-hop.csv'))).toBe(join('out', 'tong-hop-phat-hien.csv'));
    expect(csvFindingsPath(join('out', 'bang'))).toBe(join('out', 'bang-phat-hien'));
  });

  it('never lets a text field begin a formula, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom<',' | ';' | '\t'>(',', ';', '\t'), (text, sep) => {
        const field = csvField(text, sep);
        // What Excel sees as the cell's content: unquoted, inner quotes undoubled.
        const content = field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
        expect(/^(?:[\t\r]|\s*[=+\-@])/.test(content)).toBe(false);
        // Unquoted fields never hold the separator, a quote or a line break.
        if (!field.startsWith('"')) expect(/["\r\n]/.test(field) || field.includes(sep)).toBe(false);
      }),
      { seed: 6, numRuns: 500 },
    );
  });
});

describe('CSV outputs follow the same guards as the workbook', () => {
  it('refuses a CSV path that is an input, an existing findings CSV without --force, and an unknown separator', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-csv-'));
    try {
      mkdirSync(join(dir, 'in'));
      const report = join(dir, 'in', '18070-2021-H1.xlsx');
      writeFileSync(report, await filledReport(unit('18070')));
      const base = ['consolidate', join(dir, 'in'), '--period', '2021-H1', '--out', join(dir, 'th.xlsx'), '--quiet'];
      const asInput = runCli([...base, '--csv', report]);
      expect(asInput.status).toBe(2);
      expect(asInput.stderr).toContain('Tệp kết quả trùng với một tệp đầu vào');
      writeFileSync(join(dir, 'th-phat-hien.csv'), 'giữ nguyên');
      const exists = runCli([...base, '--csv', join(dir, 'th.csv')]);
      expect(exists.status).toBe(2);
      expect(exists.stderr).toContain('th-phat-hien.csv đã có; thêm --force để ghi đè.');
      expect(readFileSync(join(dir, 'th-phat-hien.csv'), 'utf8')).toBe('giữ nguyên');
      const separator = runCli([...base, '--csv', join(dir, 'th.csv'), '--csv-separator', '|']);
      expect(separator.status).toBe(2);
      expect(separator.stderr).toContain('Dấu phân cách CSV không hợp lệ: "|"');
      expect(readdirSync(dir).sort()).toEqual(['in', 'th-phat-hien.csv']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

describe('limit options', () => {
  it('reads byte sizes in binary units', () => {
    expect(['1048576', '1K', '50M', '50MB', '50MiB', '1.5G', '2 kb', '0', '-1', '1e6', 'nhiều', ''].map(parseByteSize)).toEqual([
      1048576, 1024, 52428800, 52428800, 52428800, 1610612736, 2048, null, null, null, null, null,
    ]);
  });
  it('keeps defaults for absent options and rejects bad values with a finding each', () => {
    expect(limitsFromOptions({})).toEqual({ ok: true, value: {}, findings: [] });
    expect(limitsFromOptions({ maxFileSize: '10M', maxEntries: '500', maxUncompressed: '1G', maxRatio: '150', maxCells: '100000', lang: 'vi' })).toEqual({
      ok: true,
      value: { maxFileBytes: 10485760, maxZipEntries: 500, maxTotalUncompressedBytes: 1073741824, maxCompressionRatio: 150, maxCellsPerSheet: 100000 },
      findings: [],
    });
    const bad = limitsFromOptions({ maxEntries: '1.5', maxRatio: '0.5', maxCells: 'all' });
    expect(bad.ok).toBe(false);
    expect(bad.findings.map((f) => [f.code, f.message.en])).toEqual([
      ['limit-option-invalid', 'Invalid value "1.5" for --max-entries; expected a positive whole number.'],
      ['limit-option-invalid', 'Invalid value "0.5" for --max-ratio; expected a number of at least 1, such as 200.'],
      ['limit-option-invalid', 'Invalid value "all" for --max-cells; expected a positive whole number.'],
    ]);
  });
});

describe('sheet names made from unit names obey Excel’s rules', () => {
  it('replaces forbidden characters, strips apostrophes, cuts to 31, never blank, never History', () => {
    expect(safeSheetName('Phường [Bắc]/Nam: *?\\', [])).toBe('Phường -Bắc--Nam- ---');
    expect(safeSheetName("'Trần Phú'", [])).toBe('Trần Phú');
    expect(safeSheetName("''", [])).toBe('Trang');
    expect(safeSheetName('   ', [])).toBe('Trang');
    expect(safeSheetName('history', [])).toBe('History-');
    expect(safeSheetName('Ủy ban nhân dân phường Thạch Linh, thành phố Hà Tĩnh', [])).toBe('Ủy ban nhân dân phường Thạch Li');
    expect(safeSheetName('a\u0000b\u001Bc', [])).toBe('a-b-c');
    // A surrogate pair is never cut in half.
    expect(safeSheetName(`${'x'.repeat(30)}😀`, [])).toBe('x'.repeat(30));
    expect(safeSheetName('__proto__', [])).toBe('__proto__');
  });

  it('makes names unique case-insensitively, Vietnamese letters included, within 31 characters', () => {
    expect(safeSheetName('Trần Phú', ['TRẦN PHÚ'])).toBe('Trần Phú (2)');
    expect(safeSheetName('đông', ['ĐÔNG', 'Đông (2)'])).toBe('đông (3)');
    const long = 'Phường Nguyễn Du thành phố Hà Tĩnh';
    expect(safeSheetNames([long, long, long])).toEqual(['Phường Nguyễn Du thành phố Hà T', 'Phường Nguyễn Du thành phố (2)', 'Phường Nguyễn Du thành phố (3)']);
    expect(safeSheetNames(['Tổng hợp', 'x'], ['Tổng hợp'])).toEqual(['Tổng hợp (2)', 'x']);
  });

  it('always gives valid, unique names (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 50 }), { maxLength: 12 }), (names) => {
        const safe = safeSheetNames(names);
        expect(safe).toHaveLength(names.length);
        expect(new Set(safe.map((n) => n.toLocaleUpperCase('vi'))).size).toBe(safe.length);
        for (const name of safe) {
          expect(name.length).toBeGreaterThan(0);
          expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
          expect(/[[\]:*?/\\\u0000-\u001F]/.test(name)).toBe(false);
          expect(name.startsWith("'") || name.endsWith("'")).toBe(false);
          expect(name.trim()).not.toBe('');
          expect(name.toLowerCase()).not.toBe('history');
          expect(/[\uD800-\uDBFF]$/.test(name)).toBe(false);
        }
      }),
      { seed: 31, numRuns: 300 },
    );
  });
});

/** Codes and names that are special to JavaScript objects. */
const SPECIAL = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

describe('unit codes and names such as __proto__ cannot pollute objects', () => {
  let extra: Unit[] = [];
  let result: Consolidation;
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  beforeAll(async () => {
    const csv = ['code,name,kind', ...SPECIAL.map((code, i) => `${code},${i === 0 ? '__proto__' : `=cmd|' /C calc'!A${i}`},agency`)].join('\n');
    const parsed = parseUnitsCsv(csv, 'don-vi.csv');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    extra = parsed.value;
    const merged = mergeUnits(hatinhCity2020, extra);
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    const units = merged.value.units;
    const received = parseReceivedCsv('unit_code,received_on\n__proto__,18/06/2021\nconstructor,19/06/2021\n', 'so-nhan.csv');
    expect(received.ok).toBe(true);
    if (!received.ok) return;
    const p = period();
    const consolidator = createConsolidator({ plan: hatinh2021, units, period: p, received: received.value });
    for (const u of units.filter((x) => SPECIAL.includes(x.code))) {
      const template = await writeTemplate(hatinh2021, u, p);
      const bytes = await fillTemplate(template.bytes, {
        ...GOOD_FILL,
        indicators: { ...GOOD_FILL.indicators, CT2a: { numerator: '__proto__', denominator: 'constructor', note: '__proto__', evidence: '=HYPERLINK("http://x")' } },
        activities: [{ ...GOOD_FILL.activities[0]!, title: '__proto__', evidence: 'constructor' }],
      });
      const read = readReport(bytes, { plan: hatinh2021, file: template.fileName });
      expect(read.ok).toBe(true);
      if (!read.ok) continue;
      const checked = checkReport(read.value, { plan: hatinh2021, units, period: p, file: template.fileName });
      consolidator.add({ ...checked, findings: [...read.findings, ...checked.findings] }, template.fileName);
    }
    result = consolidator.finish();
  });

  it('draws the HTML charts when units are named like Object.prototype members', async () => {
    // A unit named "constructor" or "toString" once crashed Vega's explicit sort list.
    const named = { ...result, units: result.units.map((u, i) => (SPECIAL.includes(u.code) ? { ...u, name: SPECIAL[i % SPECIAL.length]! } : u)) };
    const html = await renderHtmlReport(named, hatinh2021);
    expect(html).toContain('constructor');
    expect(html).toContain('toString');
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(4);
  });

  it('reads the special codes as ordinary units, with their received dates', () => {
    expect(extra.map((u) => u.code)).toEqual(SPECIAL);
    const byCode = new Map(result.units.map((u) => [u.code, u]));
    for (const code of SPECIAL) expect(byCode.get(code)?.submitted).toBe(true);
    expect(byCode.get('__proto__')?.receivedOn).toBe('2021-06-18');
    expect(byCode.get('constructor')?.receivedOn).toBe('2021-06-19');
    expect(byCode.get('prototype')?.receivedOn).toBe(null);
    expect(byCode.get('__proto__')?.name).toBe('__proto__');
  });

  it('keeps Object.prototype untouched and every JSON object plain, through stringify and parse', () => {
    const json = toJson(result);
    const parsed = JSON.parse(JSON.stringify(json)) as ReturnType<typeof toJson>;
    for (const units of [json.units, parsed.units]) {
      const special = units.filter((u) => SPECIAL.includes(u.code));
      expect(special.map((u) => u.code)).toEqual(SPECIAL);
      for (const u of special) {
        expect(Object.getPrototypeOf(u)).toBe(Object.prototype);
        expect(Object.getPrototypeOf(u.indicators)).toBe(Object.prototype);
        expect(Object.keys(u.indicators)).toEqual(hatinh2021.indicators.map((i) => i.code));
      }
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>)['polluted']).toBe(undefined);
    expect(typeof ({} as { toString: unknown }).toString).toBe('function');
  });

  it('writes the workbook and the CSV with the special names as plain, escaped text', async () => {
    const bytes = await writeConsolidated(result, hatinh2021);
    const grid = readGrid(bytes);
    expect(grid.ok).toBe(true);
    const csv = consolidationCsv(result, hatinh2021, ',');
    const lines = csv.table.split('\r\n');
    const constructorLine = lines.find((l) => l.split(',')[1] === 'constructor');
    // the registry's 17 units (15 wards and communes, the 2 centres) first, then the extra agencies
    expect(constructorLine?.split(',').slice(0, 4)).toEqual(['19', 'constructor', `"'=cmd|' /C calc'!A1"`, 'Cơ quan']);
    expect(lines.find((l) => l.split(',')[1] === '__proto__')?.split(',').slice(0, 4)).toEqual(['18', '__proto__', '__proto__', 'Cơ quan']);
    expect(csv.findings).not.toMatch(/(^|[,\n])=/);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  });
});

describe('text from files never becomes a path', () => {
  it('accepts only unit codes that make a plain file name (property over any text)', () => {
    for (const code of ['../x', 'a/b', 'a\\b', 'C:x', '.hidden', '', ' ', 'a b', 'x\u0000', '..', 'abc.', 'CON', 'nul.txt', 'Com1', 'x'.repeat(65)]) {
      const parsed = parseUnitsCsv(`code,name,kind\n"${code.replace(/"/g, '""')}",X,agency\n`);
      expect(parsed.ok, code).toBe(false);
    }
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 20 }), fc.stringMatching(/^[A-Za-z0-9_.-]{1,70}$/), fc.constantFrom('CON', 'con.x', 'LPT1', 'aux-1', 'nul_', '18070')), (code) => {
        const parsed = parseUnitsCsv(`code,name,kind\n"${code.replace(/"/g, '""')}",X,agency\n`);
        if (!parsed.ok) return;
        const name = templateFileName(parsed.value[0]!, { code: '2021-H1' });
        expect(basename(name)).toBe(name);
        expect(/[/\\:\u0000-\u001F]/.test(name)).toBe(false);
        expect(name.startsWith('.')).toBe(false);
        expect(name.endsWith('-2021-H1.xlsx')).toBe(true);
        // The feedback workbooks are named from the same codes and must never refuse one.
        expect(feedbackFileName(parsed.value[0]!.code, '2021-H1')).toBe(`${parsed.value[0]!.code}-2021-H1-phan-hoi.xlsx`);
      }),
      { seed: 7, numRuns: 1000 },
    );
  });

  it('a report whose cells name paths writes nothing but the outputs asked for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-paths-'));
    try {
      const p = period();
      // A form whose unit-code and period cells say "../../evil": the cells are data, never a path.
      const evil: Unit = { code: '../../evil', name: '../../../tmp/x', kind: 'ward', order: 99 };
      const template = await writeTemplate(hatinh2021, evil, p);
      mkdirSync(join(dir, 'in'));
      writeFileSync(join(dir, 'in', 'la.xlsx'), await fillTemplate(template.bytes, GOOD_FILL));
      const before = hashTree(dir);
      const run = runCli(['consolidate', join(dir, 'in'), '--period', '2021-H1', '--out', join(dir, 'out', 'th.xlsx'), '--json', join(dir, 'out', 'th.json'), '--quiet']);
      expect(run.status).toBe(0);
      const after = hashTree(dir);
      expect([...after.keys()].filter((k) => !before.has(k)).sort()).toEqual([join('out', 'th.json'), join('out', 'th.xlsx')]);
      expect(after.get(join('in', 'la.xlsx'))).toBe(before.get(join('in', 'la.xlsx')));
      expect(existsSync(join(dir, '..', 'evil'))).toBe(false);
      const json = JSON.parse(readFileSync(join(dir, 'out', 'th.json'), 'utf8')) as { findings: { code: string; file?: string }[] };
      expect(json.findings.filter((f) => f.file === 'la.xlsx' && f.code === 'unknown-unit-excluded')).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

describe('control characters from files never reach the terminal raw', () => {
  it('prints escapes and bidi overrides as visible codes, line breaks as spaces', () => {
    expect(printable('a\u001B[2Jb\u0007c\u202Ed\u2066e')).toBe('a\\u001B[2Jb\\u0007c\\u202Ed\\u2066e');
    expect(printable('dòng 1\r\ndòng 2\tx')).toBe('dòng 1  dòng 2 x');
    expect(formatFinding({ severity: 'error', code: 'x', message: { vi: 'Ô "\u001B]0;pwned\u0007"', en: 'x' }, file: 'a\u001B.xlsx' }, 'vi')).toBe(
      'LỖI      a\\u001B.xlsx — Ô "\\u001B]0;pwned\\u0007"',
    );
  });
});

describe('determinism: the same inputs give byte-identical outputs', () => {
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cchc-determinism-'));
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', '18070-2021-H1.xlsx'), await filledReport(unit('18070')));
    // Two reports of one unit (the duplicate rule), a bad file, and hostile text in cells.
    writeFileSync(join(dir, 'in', '18073-2021-H1.xlsx'), await filledReport(unit('18073')));
    writeFileSync(
      join(dir, 'in', '18073-ban-sua.xlsx'),
      await filledReport(unit('18073'), period(), { ...GOOD_FILL, submittedOn: new Date(Date.UTC(2021, 5, 18)), indicators: { ...GOOD_FILL.indicators, CT3a: { numerator: '=1+1', denominator: 200, note: '@x' } } }),
    );
    writeFileSync(join(dir, 'in', 'hong.xlsx'), 'PK\u0003\u0004 hỏng');
    writeFileSync(join(dir, 'don-vi.csv'), 'code,name,kind\n__proto__,=1+2,agency\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('two runs write the same workbook, JSON and CSV bytes', () => {
    const outputs = (n: number): string[] => [`th-${n}.xlsx`, `th-${n}.json`, `th-${n}.csv`, `th-${n}-phat-hien.csv`].map((f) => join(dir, 'out', f));
    for (const n of [1, 2]) {
      const [xlsx, json, csv] = outputs(n) as [string, string, string, string];
      const run = runCli(['consolidate', join(dir, 'in'), '--period', '2021-H1', '--units', join(dir, 'don-vi.csv'), '--out', xlsx, '--json', json, '--csv', csv, '--csv-separator', 'tab', '--quiet']);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    }
    const [a, b] = [outputs(1), outputs(2)];
    for (let i = 0; i < a.length; i++) expect(readFileSync(a[i]!).equals(readFileSync(b[i]!)), basename(a[i]!)).toBe(true);
    expect(readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const json = JSON.parse(readFileSync(a[1]!, 'utf8')) as { units: { code: string; file: string | null }[]; findings: { code: string; message: { vi: string } }[] };
    expect(json.units.find((u) => u.code === '18073')?.file).toBe('18073-ban-sua.xlsx');
    expect(json.findings.filter((f) => f.code === 'duplicate-report').map((f) => f.message.vi.includes('18073-2021-H1.xlsx'))).toEqual([true]);
    const table = readFileSync(a[2]!, 'utf8');
    expect(table.startsWith('\uFEFFSTT\tMã đơn vị\tĐơn vị\t')).toBe(true);
    // after the registry's 17 units
    expect(table.split('\r\n').find((l) => l.startsWith('18\t'))?.split('\t').slice(0, 3)).toEqual(['18', '__proto__', `"'=1+2"`]);
  }, 300_000);
});
