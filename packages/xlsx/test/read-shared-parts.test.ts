/**
 * The reader remembers the parts reports of one template share byte for byte (relationships,
 * workbook, styles) and does not parse them again: results must be exactly those of a fresh
 * parse, whatever was read before, and a part read with XML errors is never remembered.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readGrid } from '../src/read/grid.ts';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WB_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
const workbook = (name: string, extra = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="unit_code">'${name}'!$A$1</definedName></definedNames>${extra}</workbook>`;
const styles = (numFmtId: number): string =>
  `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><name val="Times New Roman"/></font></fonts><cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="${numFmtId}" fontId="0"/></cellXfs></styleSheet>`;
const SHEET = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" s="1"><v>44197</v></c></row></sheetData></worksheet>`;

function book(options: { sheet?: string; numFmtId?: number; level?: 0 | 6; workbookExtra?: string }): Uint8Array {
  const level = options.level ?? 6;
  return zipSync(
    {
      '[Content_Types].xml': strToU8(CONTENT_TYPES),
      '_rels/.rels': strToU8(ROOT_RELS),
      'xl/workbook.xml': strToU8(workbook(options.sheet ?? 'Báo cáo', options.workbookExtra)),
      'xl/_rels/workbook.xml.rels': strToU8(WB_RELS),
      'xl/styles.xml': strToU8(styles(options.numFmtId ?? 14)),
      'xl/worksheets/sheet1.xml': strToU8(SHEET),
    },
    { level },
  );
}

function a1(bytes: Uint8Array, file = 'x.xlsx'): { sheet: string; numFmt: string | undefined; names: string[]; findings: string[] } {
  const grid = readGrid(bytes, { file });
  if (!grid.ok) throw new Error(JSON.stringify(grid.findings));
  const sheet = grid.value.sheets[0]!;
  return { sheet: sheet.name, numFmt: sheet.cells.get('A1')?.numFmt, names: grid.value.definedNames.map((d) => d.ref), findings: grid.findings.map((f) => `${f.code} ${f.file}`) };
}

describe('parts shared between reports', () => {
  it('gives each file its own styles and workbook, whatever was read before', () => {
    const dated = book({ numFmtId: 14 });
    const plain = book({ numFmtId: 0 });
    const other = book({ sheet: 'Khác', numFmtId: 14 });
    for (let round = 0; round < 3; round++) {
      expect(a1(dated)).toEqual({ sheet: 'Báo cáo', numFmt: 'mm-dd-yy', names: ["'Báo cáo'!$A$1"], findings: [] });
      expect(a1(plain).numFmt).toBeUndefined();
      expect(a1(other)).toMatchObject({ sheet: 'Khác', numFmt: 'mm-dd-yy', names: ["'Khác'!$A$1"] });
    }
  });

  it('reads the same parts stored differently (no compression) alike', () => {
    expect(a1(book({ level: 0 }))).toEqual(a1(book({ level: 6 })));
  });

  it('reports recovered XML errors in a shared part for every file, with that file’s name', () => {
    // An unclosed element inside the workbook part: recovered by saxes, with a warning.
    const broken = book({ workbookExtra: '<fileVersion appName="xl">' });
    const first = a1(broken, 'a.xlsx');
    const second = a1(broken, 'b.xlsx');
    expect(first.findings.some((f) => f.endsWith('a.xlsx'))).toBe(true);
    expect(second.findings.some((f) => f.endsWith('b.xlsx'))).toBe(true);
    expect(second.findings.length).toBe(first.findings.length);
  });
});
