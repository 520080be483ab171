/**
 * Ward reports filled in our form, then saved by other programs — built here, never kept:
 * LibreOffice (through UNO) saves them as .ods and .xls with a password to open; Gnumeric's
 * ssconvert saves one as .xls. With `--convert`, the encrypted ones must be said to be encrypted,
 * in both languages with how to remove the password, and never with LibreOffice's own output;
 * in `consolidate` their units are `unreadable`, not `missing`, and the *Tiến độ gửi báo cáo* sheet
 * tells the two apart. Skipped, saying how to install, where LibreOffice, python3-uno or
 * Gnumeric is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectEncryption } from '@cchc-kpi/xlsx';
import { CONSOLIDATED_SHEETS } from '@cchc-kpi/xlsx/write';
import { prepareWorkbookBytes } from '../packages/cli/src/io/convert.ts';
import { repoRoot, runCli } from './support/cli.ts';
import { filledReport, unit } from './support/hostile.ts';
import { zipParts } from './support/zip.ts';

/** The Python that has LibreOffice's uno module (Debian's python3-uno is built for /usr/bin/python3). */
const UNO_PYTHON = '/usr/bin/python3';
const SAVE_WITH_PASSWORD = resolve(repoRoot, 'test/support/save-with-password.py');

function unoMissing(): string | null {
  if (spawnSync('sh', ['-c', 'command -v soffice']).status !== 0) return 'skipped: LibreOffice not installed, install with apt-get install -y libreoffice-calc-nogui python3-uno';
  if (!existsSync(UNO_PYTHON) || spawnSync(UNO_PYTHON, ['-c', 'import uno']).status !== 0) return 'skipped: python3-uno not installed, install with apt-get install -y python3-uno';
  return null;
}
function gnumericMissing(): string | null {
  return spawnSync('sh', ['-c', 'command -v ssconvert']).status === 0 ? null : 'skipped: Gnumeric (ssconvert) not installed, install with apt-get install -y gnumeric';
}

const missingUno = unoMissing();
const missingGnumeric = gnumericMissing();
if (missingUno) console.warn(`other-programs.test.ts (encrypted .ods/.xls): ${missingUno}`);
if (missingGnumeric) console.warn(`other-programs.test.ts (Gnumeric .xls): ${missingGnumeric}`);

const PASSWORD = 'matkhau-2021';
let dir = '';
let folder = '';

/** Saves `xlsx` through LibreOffice as `dst` with the filter, and a password when given. */
function saveWith(xlsx: string, dst: string, filter: string, password: string): void {
  const run = spawnSync(UNO_PYTHON, [SAVE_WITH_PASSWORD, xlsx, dst, filter, password], { encoding: 'utf8', timeout: 180_000 });
  if (run.status !== 0 || !existsSync(dst)) throw new Error(`LibreOffice did not save ${dst}: ${run.stderr}`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-other-programs-'));
  folder = join(dir, 'bao-cao');
  mkdirSync(folder);
  for (const code of ['18070', '18073', '18076', '18079']) writeFileSync(join(dir, `${code}.xlsx`), await filledReport(unit(code)));
  // 18076: our form as the unit filled it (.xlsx), read as is.
  writeFileSync(join(folder, '18076-2021-H1.xlsx'), readFileSync(join(dir, '18076.xlsx')));
  if (!missingUno) {
    saveWith(join(dir, '18070.xlsx'), join(folder, '18070-2021-H1.ods'), 'calc8', PASSWORD);
    saveWith(join(dir, '18073.xlsx'), join(folder, '18073-2021-H1.xls'), 'MS Excel 97', PASSWORD);
  }
  if (!missingGnumeric) {
    const run = spawnSync('ssconvert', ['--export-type=Gnumeric_Excel:excel_biff8', join(dir, '18079.xlsx'), join(folder, '18079-2021-H1.xls')], { encoding: 'utf8', timeout: 120_000 });
    if (run.status !== 0) throw new Error(`ssconvert failed: ${run.stderr}`);
  }
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(missingUno !== null)('a password to open on .ods and .xls (saved by LibreOffice)', () => {
  it('recognises the encryption in the containers: ODF manifest encryption-data, BIFF FILEPASS', () => {
    expect(detectEncryption(new Uint8Array(readFileSync(join(folder, '18070-2021-H1.ods'))))).toBe('odf');
    expect(detectEncryption(new Uint8Array(readFileSync(join(folder, '18073-2021-H1.xls'))))).toBe('biff');
    expect(detectEncryption(new Uint8Array(readFileSync(join(dir, '18070.xlsx'))))).toBeNull();
  });

  it('check --convert says "password" in both languages, with how to remove it, and no LibreOffice noise', () => {
    const files = [join(folder, '18070-2021-H1.ods'), join(folder, '18073-2021-H1.xls')];
    const json = runCli(['check', ...files, '--convert', '--json']);
    expect(json.status).toBe(1);
    const entries = JSON.parse(json.stdout) as { file: string; findings: { code: string; severity: string; message: { vi: string; en: string } }[] }[];
    expect(entries.map((e) => [e.file, e.findings.map((f) => `${f.severity} ${f.code}`)])).toEqual([
      ['18070-2021-H1.ods', ['error file-encrypted']],
      ['18073-2021-H1.xls', ['error file-encrypted']],
    ]);
    const [ods, xls] = entries.map((e) => e.findings[0]!.message);
    expect(ods!.vi).toContain('bảng tính OpenDocument (.ods) được đặt mật khẩu để mở');
    expect(ods!.vi).toContain('bỏ chọn "Lưu với mật khẩu"');
    expect(ods!.en).toContain('untick "Save with password"');
    expect(xls!.vi).toContain('tệp Excel đời cũ (.xls) được đặt mật khẩu để mở');
    expect(xls!.vi).toContain('Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu');
    expect(xls!.en).toContain('File › Info › Protect Workbook › Encrypt with Password');
    const text = runCli(['check', ...files, '--convert']);
    for (const output of [json.stdout, json.stderr, text.stdout, text.stderr]) {
      expect(output).not.toMatch(/javaldx|Warning|java may not|soffice/i);
    }
    expect(text.stdout).toContain('được đặt mật khẩu để mở');
  }, 300_000);

  it('consolidate: the units whose only file was encrypted are "unreadable", not "missing"; exit 0', async () => {
    const out = join(dir, 'out');
    const run = runCli(['consolidate', folder, '--period', '2021-H1', '--convert', '--out', join(out, 'tong-hop.xlsx'), '--json', join(out, 'tong-hop.json'), '--feedback', join(out, 'phan-hoi'), '--html', join(out, 'bao-cao.html'), '--quiet', '--workers', '1']);
    expect(run.status).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'tong-hop.json'), 'utf8')) as {
      units: { code: string; status: string; submitted: boolean; file: string | null; findings: { code: string }[] }[];
      totals: { expected: number; received: number; unreadable: number };
      findings: { code: string; unit?: string; file?: string }[];
    };
    const byCode = new Map(json.units.map((u) => [u.code, u]));
    expect(byCode.get('18070')).toMatchObject({ status: 'unreadable', submitted: false, file: '18070-2021-H1.ods' });
    expect(byCode.get('18073')).toMatchObject({ status: 'unreadable', submitted: false, file: '18073-2021-H1.xls' });
    expect(byCode.get('18076')).toMatchObject({ status: 'received', submitted: true, file: '18076-2021-H1.xlsx' });
    expect(byCode.get('18082')).toMatchObject({ status: 'missing', submitted: false, file: null });
    expect(byCode.get('18070')!.findings.map((f) => f.code)).toEqual(['file-encrypted', 'report-unreadable']);
    const about = (code: string): string[] => json.findings.filter((f) => f.unit === code).map((f) => f.code);
    expect(about('18070')).not.toContain('report-missing');
    expect(about('18073')).toContain('report-unreadable');
    expect(about('18082')).toContain('report-missing');
    const gnumeric = missingGnumeric === null ? 1 : 0;
    // the registry's 17 units: 15 wards and communes, the 2 centres
    expect(json.totals).toMatchObject({ expected: 17, received: 1 + gnumeric, unreadable: 2 });

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, 'tong-hop.xlsx'));
    const progress = book.getWorksheet(CONSOLIDATED_SHEETS.progress)!;
    const rowOf = (code: string): number => {
      for (let r = 1; r <= progress.rowCount; r++) if (progress.getCell(`B${r}`).value === code) return r;
      throw new Error(`no row for ${code}`);
    };
    const line = (code: string): unknown[] => ['D', 'I', 'J'].map((c) => progress.getCell(`${c}${rowOf(code)}`).value);
    expect(progress.getCell('J4').value).toBe('Tình trạng');
    expect(line('18070')).toEqual(['Không', '18070-2021-H1.ods', 'Đã gửi, không đọc được']);
    expect(line('18073')).toEqual(['Không', '18073-2021-H1.xls', 'Đã gửi, không đọc được']);
    expect(line('18076')).toEqual(['Có', '18076-2021-H1.xlsx', 'Đã nhận']);
    expect(line('18082')).toEqual(['Không', null, 'Chưa gửi']);

    // The signed summary lists them apart from the units that sent nothing.
    const cover = book.worksheets[0]!;
    const coverTexts: string[] = [];
    cover.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && coverTexts.push(cell.value))));
    expect(coverTexts).toContain('- Đã gửi nhưng tệp không đọc được (tính là chưa gửi, cần gửi lại): Phường Trần Phú, Phường Nam Hà.');
    expect(coverTexts.find((t) => t.startsWith('- Chưa gửi báo cáo:'))).not.toContain('Trần Phú');

    expect(readFileSync(join(out, 'bao-cao.html'), 'utf8')).toContain('Đã gửi, không đọc được'); // the status word of the vocabulary, as in the workbook

    // The feedback to Trần Phú says what is true: its file came and could not be read, and why.
    const feedback = new ExcelJS.Workbook();
    await feedback.xlsx.readFile(join(out, 'phan-hoi', '18070-2021-H1-phan-hoi.xlsx'));
    const texts: string[] = [];
    feedback.worksheets[0]!.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && texts.push(cell.value))));
    const all = texts.join('\n');
    expect(all).toContain('Đã nhận tệp 18070-2021-H1.ods của đơn vị cho kỳ 2021-H1 nhưng không đọc được');
    expect(all).toContain('được đặt mật khẩu để mở');
    expect(all).toContain('Đề nghị đơn vị gửi lại báo cáo trong tệp đọc được');
    expect(all).not.toContain('Chưa nhận được báo cáo');
  }, 300_000);
});

describe.skipIf(missingGnumeric !== null)('an .xls written by Gnumeric (ssconvert), read with --convert', () => {
  it('gives the exact figures of the form', () => {
    const run = runCli(['check', join(folder, '18079-2021-H1.xls'), '--convert', '--json'], repoRoot);
    const [entry] = JSON.parse(run.stdout) as { unit: string; period: string; indicators: Record<string, { numerator: number | null; denominator: number | null; value: unknown }> }[];
    expect([entry!.unit, entry!.period]).toEqual(['18079', '2021-H1']);
    const figures = Object.fromEntries(Object.entries(entry!.indicators).map(([k, v]) => [k, [v.numerator, v.denominator, v.value]]));
    expect(figures).toMatchObject({ CT1: [1, 1, null], CT3a: [200, 200, null], CT4a: [120, 120, null], CT4b: [0, 0, null], CT5a: [null, null, 2] });
  }, 300_000);
});

describe('an .xls with FILEPASS: the conversion is tried first (Excel\'s default key opens without a password)', () => {
  /** A CFB-looking file whose workbook stream starts with BOF (BIFF8 globals) then FILEPASS (RC4 CryptoAPI). */
  function biffWithFilePass(writeProtect: boolean): Uint8Array {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
    const name = 'Workbook';
    for (let i = 0; i < name.length; i++) bytes[1024 + 2 * i] = name.charCodeAt(i);
    const stream = [0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00, ...new Array<number>(12).fill(0)];
    if (writeProtect) stream.push(0x86, 0x00, 0x00, 0x00);
    stream.push(0x2f, 0x00, 0x36, 0x00, 0x01, 0x00, 0x01, 0x00);
    bytes.set(stream, 512);
    return bytes;
  }
  const notConverted = (file: string) => ({ ok: false as const, findings: [{ severity: 'error' as const, code: 'convert-failed', message: { vi: 'x', en: 'x' }, file }] });

  it('reads the file when the conversion succeeds', async () => {
    const converted = new Uint8Array([1, 2, 3]);
    const out = await prepareWorkbookBytes(biffWithFilePass(false), 'a.xls', true, async () => ({ ok: true, bytes: converted, findings: [] }));
    expect(out).toEqual({ ok: true, bytes: converted, findings: [] });
  });

  it('says "password" only when the conversion fails, after WRITEPROTECT too', async () => {
    for (const writeProtect of [false, true]) {
      const out = await prepareWorkbookBytes(biffWithFilePass(writeProtect), 'a.xls', true, async (_b, file) => notConverted(file));
      expect(out.ok).toBe(false);
      expect(out.findings.map((f) => f.code)).toEqual(['file-encrypted']);
    }
  });

  it('an .ods whose manifest has encryption-data is never handed to the converter', async () => {
    const manifest =
      '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">' +
      '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
      '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="4096"><manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA">' +
      '<manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/></manifest:encryption-data></manifest:file-entry></manifest:manifest>';
    const ods = zipParts([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'], ['content.xml', new Uint8Array(4096).fill(7)], ['META-INF/manifest.xml', manifest]], { store: true });
    let called = false;
    const out = await prepareWorkbookBytes(ods, 'x.ods', true, async (_b, file) => ((called = true), notConverted(file)));
    expect(out.findings.map((f) => f.code)).toEqual(['file-encrypted']);
    expect(called).toBe(false);
    // Without --convert too: the password is what the officer must hear about.
    expect((await prepareWorkbookBytes(ods, 'x.ods', false)).findings.map((f) => f.code)).toEqual(['file-encrypted']);
  });
});
