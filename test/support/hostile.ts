/**
 * Files for the hostile-input tests: a valid filled report, and the broken, foreign and
 * malicious files units (or attackers) send instead, each built in memory.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hatinh2021, hatinhCity2020, parsePeriod, type Period, type Plan, type Unit } from '@cchc-kpi/core';
import { writeTemplate } from '@cchc-kpi/xlsx/write';
import { fillTemplate, type ReportFill } from '@cchc-kpi/examples/fill-template';
import { zipParts } from './zip.ts';

/** The 2021-H1 period of the built-in plan (deadline 20/06/2021). */
export function period(code = '2021-H1'): Period {
  const parsed = parsePeriod(code, { deadlineDaysAfterCutoff: hatinh2021.deadline.daysAfterCutoff });
  if (!parsed.ok) throw new Error(`bad period ${code}`);
  return parsed.value;
}

/** A unit of the built-in registry by code. */
export function unit(code: string): Unit {
  const found = hatinhCity2020.units.find((u) => u.code === code);
  if (!found) throw new Error(`no unit ${code}`);
  return found;
}

/** Figures every indicator of a ward meets, one activity, submitted on time. */
export const GOOD_FILL: ReportFill = {
  submittedOn: new Date(Date.UTC(2021, 5, 16)),
  indicators: {
    CT1: { numerator: 1, denominator: 1 },
    CT2b: { numerator: 1, denominator: 1 },
    CT3a: { numerator: 200, denominator: 200 },
    CT3b: { numerator: 1, denominator: 1 },
    CT4a: { numerator: 120, denominator: 120 },
    CT4b: { numerator: 0, denominator: 0 },
    CT5a: { value: 2 },
    // evidence as a good form gives it: a document number with its date, a file name (text/evidence.ts)
    CT5b: { value: 'Có', evidence: 'Báo cáo 5/BC-UBND ngày 10/6/2021' },
  },
  activities: [{ date: new Date(Date.UTC(2021, 4, 4)), theme: 'ND7', form: 'HT5', title: 'Hướng dẫn DVC trực tuyến', evidence: 'anh-huong-dan-dvc.jpg' }],
};

/** A filled report form of `u` for `p`, as a unit would send it. */
export async function filledReport(u: Unit, p: Period = period(), fill: ReportFill = GOOD_FILL, plan: Plan = hatinh2021): Promise<Uint8Array> {
  const template = await writeTemplate(plan, u, p);
  return fillTemplate(template.bytes, fill);
}

/** An OLE/CFB container (the header magic, then the given stream names in UTF-16LE), as sniffers see one. */
export function oleFile(...streams: string[]): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  let at = 1024;
  for (const name of ['Root Entry', ...streams]) {
    for (let i = 0; i < name.length; i++) {
      bytes[at + 2 * i] = name.charCodeAt(i);
      bytes[at + 2 * i + 1] = 0;
    }
    at += 128;
  }
  return bytes;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a minimal valid workbook with one sheet holding `sheetData` (and, optionally, shared strings). */
export function minimalWorkbookParts(sheetData: string, sharedStrings?: string): [string, string][] {
  return [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${
        sharedStrings === undefined ? '' : `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`
      }</Relationships>`,
    ],
    ['xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${sheetData}</sheetData></worksheet>`],
    ...(sharedStrings === undefined ? [] : ([['xl/sharedStrings.xml', sharedStrings]] as [string, string][])),
  ];
}

/** A billion-laughs shared-strings part: nested entities that would expand to gigabytes. */
export const XML_BOMB = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><sst xmlns="${NS}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>`;

/** A zip whose one sheet part declares 8 MiB and compresses more than 1000:1 (a zip bomb's shape). */
export function zipBomb(): Uint8Array {
  const parts = minimalWorkbookParts('<row r="1"><c r="A1"><v>1</v></c></row>');
  const sheet = parts.find(([name]) => name === 'xl/worksheets/sheet1.xml');
  if (sheet) sheet[1] += ' '.repeat(8 * 1024 * 1024);
  return zipParts(parts);
}

/** A broken or foreign file, the name it arrives under, and the finding code it must give. */
export interface HostileCase {
  name: string;
  bytes: Uint8Array;
  code: string;
  /** Words the Vietnamese message must contain (besides the file name, when `namesFile`). */
  says: string;
  /** The message names the file in its text (the layout reader's findings carry it in `file` only). */
  namesFile: boolean;
}

/** Every broken, foreign or hostile input the issue lists, each with the finding it must give. */
export async function hostileCases(good: Uint8Array): Promise<HostileCase[]> {
  return [
    { name: 'khong-byte.xlsx', bytes: new Uint8Array(0), code: 'file-empty', says: 'rỗng (0 byte)', namesFile: true },
    { name: 'cat-ngan.xlsx', bytes: good.subarray(0, Math.floor(good.length / 2)), code: 'zip-truncated', says: 'chưa được tải về đầy đủ', namesFile: true },
    { name: 'mat-khau.xlsx', bytes: oleFile('EncryptionInfo', 'EncryptedPackage'), code: 'encrypted-or-legacy', says: 'bảo vệ bằng mật khẩu', namesFile: true },
    // An old .xls (OLE with a Workbook stream): the CLI says to convert it (or to use --convert).
    { name: 'excel-cu.xlsx', bytes: oleFile('Workbook', 'SummaryInformation'), code: 'convert-needed', says: 'Excel đời cũ', namesFile: true },
    { name: 'van-ban-cu.xlsx', bytes: oleFile('WordDocument', '1Table'), code: 'not-xlsx', says: 'văn bản Word (.doc', namesFile: true },
    { name: 'trinh-chieu-cu.xlsx', bytes: oleFile('PowerPoint Document', 'Current User'), code: 'not-xlsx', says: 'PowerPoint (.ppt', namesFile: true },
    {
      name: 'van-ban.xlsx',
      bytes: zipParts([
        ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
        ['word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'],
      ]),
      code: 'not-xlsx',
      says: 'văn bản Word',
      namesFile: true,
    },
    { name: 'ban-scan.xlsx', bytes: new Uint8Array(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n')), code: 'not-xlsx', says: 'tệp PDF', namesFile: true },
    { name: 'trang-web.xlsx', bytes: new Uint8Array(Buffer.from('<html><body><table><tr><td>1</td></tr></table></body></html>')), code: 'not-xlsx', says: 'HTML', namesFile: true },
    { name: 'nen-rong.xlsx', bytes: zipParts([]), code: 'no-workbook', says: 'tệp nén rỗng', namesFile: true },
    { name: 'nen-bao-cao.xlsx', bytes: zipParts([['18070-2021-H1.xlsx', good]]), code: 'no-workbook', says: '"18070-2021-H1.xlsx"', namesFile: true },
    { name: 'nen-tai-lieu.xlsx', bytes: zipParts([['ghi-chu.txt', 'xin chào']]), code: 'no-workbook', says: 'không chứa sổ làm việc Excel', namesFile: true },
    { name: 'rac.xlsx', bytes: new Uint8Array(Buffer.from('xin chào, đây không phải tệp Excel')), code: 'not-xlsx', says: 'không nhận dạng được định dạng', namesFile: true },
    { name: 'bom-xml.xlsx', bytes: zipParts(minimalWorkbookParts('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', XML_BOMB)), code: 'xml-doctype', says: 'DOCTYPE/ENTITY', namesFile: true },
    { name: 'bom-nen.xlsx', bytes: zipBomb(), code: 'zip-compression-ratio', says: 'bom nén', namesFile: true },
    {
      name: 'khong-bao-cao.xlsx',
      bytes: zipParts(minimalWorkbookParts('<row r="1"><c r="A1" t="inlineStr"><is><t>Bảng chấm công</t></is></c></row>')),
      // Not our form: the layout reader looks for a report table in any layout and finds none.
      code: 'layout-table-not-found',
      says: 'Không tìm thấy bảng số liệu báo cáo',
      namesFile: false,
    },
  ];
}

/** sha256 (hex) of every file under `dir` (recursively), keyed by path relative to `dir`. */
export function hashTree(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (sub: string): void => {
    for (const name of readdirSync(join(dir, sub)).sort()) {
      const rel = sub === '' ? name : join(sub, name);
      const path = join(dir, rel);
      if (statSync(path).isDirectory()) walk(rel);
      else hashes.set(rel, createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk('');
  return hashes;
}
