import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Cell, Grid, Result, Sheet } from '@cchc-kpi/core';
import { readGrid } from '../src/read/grid.ts';
import { DEFAULT_LIMITS } from '../src/limits.ts';
import { translateFormula } from '../src/read/cell-ref.ts';
import {
  NS_MAIN,
  NS_PKG_REL,
  NS_REL,
  REL_TYPE,
  STRICT_MAIN,
  STRICT_REL_TYPE,
  buildXlsx,
  patchDeclaredSize,
  worksheetXml,
  xlsxParts,
  zipParts,
} from './fixtures/build-xlsx.ts';

const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const corpusDir = path.resolve(process.env.CCHC_SHARED_DIR ?? path.resolve(repoRoot, '../shared'), 'corpus');

function okGrid(result: Result<Grid>): Grid {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.findings, null, 1)}`);
  return result.value;
}
function sheet(grid: Grid, name: string): Sheet {
  const found = grid.sheets.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
}
function cell(s: Sheet, ref: string): Cell | undefined {
  return s.cells.get(ref);
}
function codes(result: Result<Grid>): string[] {
  return result.findings.map((f) => f.code);
}

const STYLES = `<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="${NS_MAIN}">
  <numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></numFmts>
  <fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><name val=".VnTime"/></font><font><name val="VNI-Times"/></font></fonts>
  <fills count="1"><fill><patternFill patternType="none"/></fill></fills>
  <borders count="1"><border/></borders>
  <cellStyleXfs count="1"><xf numFmtId="0" fontId="2"/></cellStyleXfs>
  <cellXfs count="6">
    <xf numFmtId="0" fontId="0" xfId="0"/>
    <xf numFmtId="14" fontId="0" xfId="0" applyNumberFormat="1"/>
    <xf numFmtId="164" fontId="1" xfId="0" applyNumberFormat="1"/>
    <xf numFmtId="9" fontId="2" xfId="0"/>
    <xf numFmtId="165" fontId="0" xfId="0"/>
    <xf numFmtId="0" fontId="1" xfId="0"><alignment wrapText="1"/></xf>
  </cellXfs>
  <dxfs count="1"><dxf><font><name val="Wingdings"/></font></dxf></dxfs>
</styleSheet>`;

describe('readGrid: values, styles, workbook', () => {
  const bytes = buildXlsx({
    date1904: '1',
    sharedStrings: [
      'STT',
      '  Nội dung có khoảng trắng  ',
      '<si><t>Kết quả </t><r><rPr><b/></rPr><t>thực hiện</t></r><r><t xml:space="preserve"> (%)</t></r><rPh sb="0" eb="1"><t>ケ</t></rPh><phoneticPr fontId="1"/></si>',
      '<si><t>Dòng 1_x000D_\nDòng 2 _x005F_x000D_ giữ nguyên</t></si>',
    ],
    styles: STYLES,
    definedNames:
      `<definedName name="KetQua">'Báo cáo'!$E$2:$E$3</definedName>` +
      `<definedName name="_xlnm.Print_Area" localSheetId="0">'Báo cáo'!$A$1:$G$3</definedName>` +
      `<definedName name="LocalOnHidden" localSheetId="1">An!$A$1</definedName>`,
    sheets: [
      {
        name: 'Báo cáo',
        xml:
          `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s" s="5"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>` +
          `<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>Chỉ tiêu</t></is></c><c r="C2" s="1"><v>44197</v></c>` +
          `<c r="D2" s="2"><v>0.855</v></c><c r="E2" s="3"><v>1</v></c><c r="F2" t="b"><v>1</v></c><c r="G2" t="e"><v>#DIV/0!</v></c></row>` +
          `<row r="3"><c r="A3" t="b"><f>1=2</f><v>0</v></c><c r="B3" t="str"><f>""</f><v></v></c><c r="C3"><f>SUM(A2:A2)-1</f><v>0</v></c>` +
          `<c r="D3"><f>A2*2</f></c><c r="E3" t="d"><v>2021-12-28</v></c><c r="F3" s="4"/><c r="G3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>`,
        after: '<mergeCells count="2"><mergeCell ref="A1:A2"/><mergeCell ref="$b$3:$c$3"/></mergeCells>',
      },
      { name: 'An', state: 'hidden', xml: '<row r="1"><c r="A1"><v>7</v></c></row>' },
      { name: 'Rất ẩn', state: 'veryHidden', xml: '' },
    ],
  });
  const result = readGrid(bytes, { file: 'bao-cao.xlsx' });
  const grid = okGrid(result);
  const s = sheet(grid, 'Báo cáo');

  it('reads the workbook: sheet order, states, date1904, no findings', () => {
    expect(grid.sheets.map((x) => [x.name, x.state])).toEqual([
      ['Báo cáo', 'visible'],
      ['An', 'hidden'],
      ['Rất ẩn', 'veryHidden'],
    ]);
    expect(grid.date1904).toBe(true);
    expect(result.findings).toEqual([]);
  });

  it('reads shared strings: spaces kept, rich runs in order, phonetic runs dropped, _xHHHH_ decoded', () => {
    expect(cell(s, 'A1')).toEqual({ value: 'STT', font: 'Calibri' });
    expect(cell(s, 'B1')?.value).toBe('  Nội dung có khoảng trắng  ');
    expect(cell(s, 'C1')?.value).toBe('Kết quả thực hiện (%)');
    expect(cell(s, 'D1')?.value).toBe('Dòng 1\r\nDòng 2 _x000D_ giữ nguyên');
  });

  it('reads numbers, inline strings, booleans, errors and ISO dates', () => {
    expect(cell(s, 'A2')).toEqual({ value: 1, font: 'Calibri' });
    expect(cell(s, 'B2')?.value).toBe('Chỉ tiêu');
    expect(cell(s, 'F2')?.value).toBe(true);
    expect(cell(s, 'G2')).toEqual({ value: '#DIV/0!', error: true, font: 'Calibri' });
    expect(cell(s, 'E3')).toEqual({ value: '2021-12-28', isoDate: '2021-12-28', font: 'Calibri' });
  });

  it('gives each cell its number format (not General) and font, from cellXfs only', () => {
    expect(cell(s, 'C2')).toEqual({ value: 44197, numFmt: 'mm-dd-yy', font: 'Calibri' });
    expect(cell(s, 'D2')).toEqual({ value: 0.855, numFmt: '0.0%', font: '.VnTime' });
    expect(cell(s, 'E2')).toEqual({ value: 1, numFmt: '0%', font: 'VNI-Times' });
    expect(cell(s, 'B1')?.font).toBe('.VnTime');
    expect(cell(s, 'B1')?.numFmt).toBeUndefined();
  });

  it('keeps cached formula results, including 0, false and the empty string; null when absent', () => {
    expect(cell(s, 'A3')).toEqual({ value: false, formula: '1=2', font: 'Calibri' });
    expect(cell(s, 'B3')).toEqual({ value: '', formula: '""', font: 'Calibri' });
    expect(cell(s, 'C3')).toEqual({ value: 0, formula: 'SUM(A2:A2)-1', font: 'Calibri' });
    expect(cell(s, 'D3')).toEqual({ value: null, formula: 'A2*2', font: 'Calibri' });
    expect(cell(s, 'G3')?.value).toBe('ab');
  });

  it('omits blank styled cells and computes the extent from cells present', () => {
    expect(s.cells.has('F3')).toBe(false);
    expect([s.maxRow, s.maxCol]).toEqual([3, 7]);
    expect(s.cells.size).toBe(17);
  });

  it('reads merges as normalised A1 ranges', () => {
    expect(s.merges).toEqual(['A1:A2', 'B3:C3']);
  });

  it('reads defined names with local scope as an index into Grid.sheets', () => {
    expect(grid.definedNames).toEqual([
      { name: 'KetQua', ref: "'Báo cáo'!$E$2:$E$3" },
      { name: '_xlnm.Print_Area', ref: "'Báo cáo'!$A$1:$G$3", localSheet: 0 },
      { name: 'LocalOnHidden', ref: 'An!$A$1', localSheet: 1 },
    ]);
  });

  it('reads only the selected sheets and re-points local names', () => {
    const only = okGrid(readGrid(bytes, { sheets: (name) => name === 'An' }));
    expect(only.sheets.map((x) => x.name)).toEqual(['An']);
    expect(only.definedNames).toEqual([
      { name: 'KetQua', ref: "'Báo cáo'!$E$2:$E$3" },
      { name: 'LocalOnHidden', ref: 'An!$A$1', localSheet: 0 },
    ]);
    const byIndex = okGrid(readGrid(bytes, { sheets: (_name, index) => index === 2 }));
    expect(byIndex.sheets.map((x) => x.name)).toEqual(['Rất ẩn']);
  });
});

describe('readGrid: date1904 values', () => {
  for (const [attr, expected] of [['1', true], ['true', true], ['false', false], ['0', false]] as const) {
    it(`date1904="${attr}" → ${expected}`, () => {
      const grid = okGrid(readGrid(buildXlsx({ date1904: attr, sheets: [{ name: 'S', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }] })));
      expect(grid.date1904).toBe(expected);
    });
  }
  it('absent workbookPr attribute → false', () => {
    expect(okGrid(readGrid(buildXlsx({ sheets: [{ name: 'S', xml: '' }] }))).date1904).toBe(false);
  });
});

describe('readGrid: shared formulas', () => {
  const grid = okGrid(
    readGrid(
      buildXlsx({
        sheets: [
          {
            name: 'F',
            xml:
              `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:C3" si="0">A1+$A$1+A$1+$A1+SUM(A:A)+'Sheet 2'!A1</f><v>4</v></c>` +
              `<c r="C1"><f t="shared" si="0"/><v>0</v></c></row>` +
              `<row r="2"><c r="B2"><f t="shared" si="0"/><v>0</v></c></row>` +
              `<row r="3"><c r="C3"><f t="shared" si="0"/></c><c r="E3"><f t="shared" si="7"/><v>5</v></c><c r="F3"><f t="shared" ref="E3:F4" si="7">D3*2</f><v>6</v></c></row>`,
          },
        ],
      }),
    ),
  );
  const s = sheet(grid, 'F');

  it('keeps the master text and translates relative parts for dependents ($ parts fixed)', () => {
    expect(cell(s, 'B1')?.formula).toBe("A1+$A$1+A$1+$A1+SUM(A:A)+'Sheet 2'!A1");
    expect(cell(s, 'C1')).toEqual({ value: 0, formula: "B1+$A$1+B$1+$A1+SUM(B:B)+'Sheet 2'!B1" });
    expect(cell(s, 'B2')?.formula).toBe("A2+$A$1+A$1+$A2+SUM(A:A)+'Sheet 2'!A2");
    expect(cell(s, 'C3')).toEqual({ value: null, formula: "B3+$A$1+B$1+$A3+SUM(B:B)+'Sheet 2'!B3" });
  });

  it('resolves a dependent written before its master', () => {
    expect(cell(s, 'E3')).toEqual({ value: 5, formula: 'C3*2' });
    expect(cell(s, 'F3')).toEqual({ value: 6, formula: 'D3*2' });
  });

  it('translateFormula leaves strings, functions, names and sheet names alone', () => {
    expect(translateFormula('IF(A1>0,"A1",LOG10(B2))&Tax_2021&Sheet1!C3', 1, 1)).toBe('IF(B2>0,"A1",LOG10(C3))&Tax_2021&Sheet1!D4');
    expect(translateFormula('SUM($1:2)+1E10+Table1[[#This Row],[A1]]', 2, 0)).toBe('SUM($1:4)+1E10+Table1[[#This Row],[A1]]');
    expect(translateFormula('A1', -1, 0)).toBe('#REF!');
    expect(translateFormula('_xlfn.CONCAT(A1,B1)', 0, 1)).toBe('_xlfn.CONCAT(B1,C1)');
  });
});

describe('readGrid: positions, prefixes, paths, namespaces, encodings', () => {
  it('computes positions of rows and cells without r= from their order', () => {
    const grid = okGrid(
      readGrid(
        buildXlsx({
          sheets: [
            {
              name: 'S',
              xml:
                '<row><c><v>1</v></c><c><v>2</v></c><c/><c><v>4</v></c></row>' +
                '<row><c t="inlineStr"><is><t>x</t></is></c></row>' +
                '<row r="5"><c r="C5"><v>5</v></c><c><v>6</v></c></row>' +
                '<row><c><v>7</v></c></row>',
            },
          ],
        }),
      ),
    );
    const s = sheet(grid, 'S');
    expect([...s.cells.entries()].map(([k, c]) => [k, c.value])).toEqual([
      ['A1', 1],
      ['B1', 2],
      ['D1', 4],
      ['A2', 'x'],
      ['C5', 5],
      ['D5', 6],
      ['A6', 7],
    ]);
    expect([s.maxRow, s.maxCol]).toEqual([6, 4]);
  });

  it('normalises odd cell references (lower case, $, leading zeros) to A1 keys', () => {
    const s = sheet(okGrid(readGrid(buildXlsx({ sheets: [{ name: 'S', xml: '<row r="2"><c r="b2"><v>1</v></c><c r="$C$2"><v>2</v></c><c r="D02"><v>3</v></c></row>' }] }))), 'S');
    expect([...s.cells.keys()]).toEqual(['B2', 'C2', 'D2']);
  });

  it('reads a workbook whose sheets are all filtered out as an empty grid, and one with no sheets as a failure', () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
    expect(okGrid(readGrid(bytes, { sheets: () => false })).sheets).toEqual([]);
    expect(codes(readGrid(buildXlsx({ sheets: [] })))).toEqual(['no-sheets']);
  });

  it('reads parts whose elements all carry an x: prefix', () => {
    const X = `xmlns:x="${NS_MAIN}"`;
    const parts = xlsxParts({ sheets: [{ name: 'P', xml: '' }], sharedStrings: ['a'], styles: STYLES });
    parts['xl/workbook.xml'] = `<?xml version="1.0"?><x:workbook ${X} xmlns:r="${NS_REL}"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="P" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`;
    parts['xl/sharedStrings.xml'] = `<x:sst ${X}><x:si><x:t>pre</x:t><x:r><x:t>fix</x:t></x:r></x:si></x:sst>`;
    parts['xl/styles.xml'] = `<x:styleSheet ${X}><x:fonts><x:font><x:name val=".VnArial"/></x:font></x:fonts><x:cellXfs><x:xf numFmtId="10" fontId="0"/></x:cellXfs></x:styleSheet>`;
    parts['xl/worksheets/sheet1.xml'] =
      `<x:worksheet ${X}><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:f>A1</x:f><x:v>0</x:v></x:c></x:row></x:sheetData>` +
      `<x:mergeCells><x:mergeCell ref="C1:D1"/></x:mergeCells></x:worksheet>`;
    const grid = okGrid(readGrid(zipParts(parts)));
    const s = sheet(grid, 'P');
    expect(grid.date1904).toBe(true);
    expect(cell(s, 'A1')).toEqual({ value: 'prefix', numFmt: '0.00%', font: '.VnArial' });
    expect(cell(s, 'B1')).toEqual({ value: 0, formula: 'A1', numFmt: '0.00%', font: '.VnArial' });
    expect(s.merges).toEqual(['C1:D1']);
  });

  it('reads zip entry names written with backslashes', () => {
    const parts = xlsxParts({ sheets: [{ name: 'W', xml: '<row r="1"><c r="A1"><v>3</v></c></row>' }] });
    const renamed = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k.replace(/\//g, '\\'), v]));
    expect(Object.keys(renamed)).toContain('xl\\worksheets\\sheet1.xml');
    expect(cell(sheet(okGrid(readGrid(zipParts(renamed))), 'W'), 'A1')?.value).toBe(3);
  });

  it('follows absolute relationship targets and non-standard part locations', () => {
    const parts = xlsxParts({ sheets: [{ name: 'Abs', xml: '<row r="1"><c r="A1"><v>9</v></c></row>' }], sharedStrings: ['s'] });
    const moved: Record<string, string> = {
      '[Content_Types].xml': parts['[Content_Types].xml']!,
      '_rels/.rels': `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="r1" Type="${REL_TYPE}/officeDocument" Target="/book/main.xml"/></Relationships>`,
      'book/main.xml': parts['xl/workbook.xml']!,
      'book/_rels/main.xml.rels':
        `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${REL_TYPE}/worksheet" Target="/book/tabs/first.xml"/>` +
        `<Relationship Id="rId9" Type="${REL_TYPE}/sharedStrings" Target="../book/strings.xml"/></Relationships>`,
      'book/tabs/first.xml': worksheetXml('<row r="1"><c r="A1"><v>9</v></c><c r="B1" t="s"><v>0</v></c></row>'),
      'book/strings.xml': parts['xl/sharedStrings.xml']!,
    };
    const s = sheet(okGrid(readGrid(zipParts(moved))), 'Abs');
    expect([cell(s, 'A1')?.value, cell(s, 'B1')?.value]).toEqual([9, 's']);
  });

  it('finds the workbook through [Content_Types].xml when _rels/.rels is missing', () => {
    const parts = xlsxParts({ sheets: [{ name: 'CT', xml: '<row r="1"><c r="A1"><v>8</v></c></row>' }] });
    delete parts['_rels/.rels'];
    parts['[Content_Types].xml'] = parts['[Content_Types].xml']!.replace('/xl/workbook.xml', '/xl/book.xml');
    parts['xl/book.xml'] = parts['xl/workbook.xml']!;
    parts['xl/_rels/book.xml.rels'] = parts['xl/_rels/workbook.xml.rels']!;
    delete parts['xl/workbook.xml'];
    delete parts['xl/_rels/workbook.xml.rels'];
    expect(cell(sheet(okGrid(readGrid(zipParts(parts))), 'CT'), 'A1')?.value).toBe(8);
  });

  it('reports a binary workbook (.xlsb) as not supported', () => {
    const r = readGrid(zipParts({ '_rels/.rels': `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="r" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.bin"/></Relationships>`, 'xl/workbook.bin': new Uint8Array([1, 2]) }));
    expect(codes(r)).toEqual(['not-xlsx']);
    expect(r.findings[0]?.message.en).toContain('.xlsb');
  });

  it('reads Strict OOXML (purl.oclc.org namespaces and relationship types)', () => {
    const parts = xlsxParts({ sheets: [{ name: 'Strict', xml: '' }], sharedStrings: ['x'] });
    const strict = Object.fromEntries(
      Object.entries(parts).map(([k, v]) => [k, v.split(NS_MAIN).join(STRICT_MAIN).split(REL_TYPE).join(STRICT_REL_TYPE).split(NS_REL).join(STRICT_REL_TYPE)]),
    );
    strict['xl/worksheets/sheet1.xml'] = worksheetXml('<row r="1"><c r="A1" t="d"><v>2009-06-15T00:00:00</v></c><c r="B1" t="s"><v>0</v></c></row>').split(NS_MAIN).join(STRICT_MAIN);
    expect(strict['_rels/.rels']).toContain('http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument');
    const s = sheet(okGrid(readGrid(zipParts(strict))), 'Strict');
    expect(cell(s, 'A1')).toEqual({ value: '2009-06-15T00:00:00', isoDate: '2009-06-15T00:00:00' });
    expect(cell(s, 'B1')?.value).toBe('x');
  });

  it('decodes a UTF-16 part with a byte-order mark', () => {
    const parts: Record<string, string | Uint8Array> = xlsxParts({ sheets: [{ name: 'Tiếng Việt', xml: '<row r="1"><c r="A1"><v>2</v></c></row>' }] });
    const text = String(parts['xl/workbook.xml']).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) (utf16[2 + 2 * i] = text.charCodeAt(i) & 0xff), (utf16[3 + 2 * i] = text.charCodeAt(i) >> 8);
    parts['xl/workbook.xml'] = utf16;
    expect(okGrid(readGrid(zipParts(parts))).sheets.map((x) => x.name)).toEqual(['Tiếng Việt']);
  });

  it('ignores data validations over whole columns and the whole sheet at no cost', () => {
    const dv =
      '<dataValidations count="2"><dataValidation type="list" allowBlank="1" sqref="A:A C1:XFD1048576"><formula1>"Có,Không"</formula1></dataValidation>' +
      '<dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>';
    const bytes = buildXlsx({ sheets: [{ name: 'DV', xml: '<row r="1"><c r="A1"><v>1</v></c></row>', after: dv }] });
    const t0 = performance.now();
    const s = sheet(okGrid(readGrid(bytes)), 'DV');
    expect(performance.now() - t0).toBeLessThan(200);
    expect([s.cells.size, s.maxRow, s.maxCol]).toEqual([1, 1, 1]);
  });

  it('skips chart sheets and keeps local names pointing at the right Grid sheet', () => {
    const parts = xlsxParts({
      sheets: [{ name: 'Chart', xml: '' }, { name: 'Data', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }],
      definedNames: '<definedName name="L" localSheetId="1">Data!$A$1</definedName>',
    });
    parts['xl/_rels/workbook.xml.rels'] = parts['xl/_rels/workbook.xml.rels']!.replace(`${REL_TYPE}/worksheet" Target="worksheets/sheet1.xml"`, `${REL_TYPE}/chartsheet" Target="chartsheets/sheet1.xml"`);
    const grid = okGrid(readGrid(zipParts(parts)));
    expect(grid.sheets.map((x) => x.name)).toEqual(['Data']);
    expect(grid.definedNames).toEqual([{ name: 'L', ref: 'Data!$A$1', localSheet: 0 }]);
  });
});

describe('readGrid: inputs that are not xlsx', () => {
  const valid = buildXlsx({ sheets: [{ name: 'S', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });

  it('reports an empty file', () => {
    const r = readGrid(new Uint8Array(0), { file: 'rong.xlsx' });
    expect(r.ok).toBe(false);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ severity: 'error', code: 'file-empty', file: 'rong.xlsx' });
  });

  it('reports OLE/CFB files as encrypted or legacy with how to fix', () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const r = readGrid(ole, { file: 'x.xlsx' });
    expect(r.ok).toBe(false);
    expect(r.findings[0]).toMatchObject({ severity: 'error', code: 'encrypted-or-legacy', file: 'x.xlsx' });
    expect(r.findings[0]?.message.vi).toContain('mật khẩu');
    expect(r.findings[0]?.message.vi).toContain('.xls');
    expect(r.findings[0]?.message.en).toContain('save it as');
    const encrypted = ole.slice();
    encrypted.set(Array.from('EncryptedPackage').flatMap((ch) => [ch.charCodeAt(0), 0]), 512);
    expect(readGrid(encrypted).findings[0]?.message.en).toContain('password-protected (encrypted)');
  });

  it('reports PDF, HTML and unknown bytes as not xlsx', () => {
    const enc = new TextEncoder();
    expect(readGrid(enc.encode('%PDF-1.7\n...')).findings[0]).toMatchObject({ code: 'not-xlsx' });
    expect(readGrid(enc.encode('%PDF-1.7\n...')).findings[0]?.message.en).toContain('PDF');
    expect(readGrid(enc.encode('\ufeff <html><table><tr><td>1</td></tr></table></html>')).findings[0]?.message.en).toContain('HTML');
    expect(readGrid(enc.encode('STT;Nội dung;Kết quả\n1;a;2\n')).findings[0]).toMatchObject({ code: 'not-xlsx' });
  });

  it('reports a truncated zip', () => {
    const r = readGrid(valid.subarray(0, Math.floor(valid.length / 2)));
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual(['zip-truncated']);
  });

  it('reports a zip without a workbook, naming Word and ODS files', () => {
    expect(codes(readGrid(zipParts({ 'readme.txt': 'hi' })))).toEqual(['no-workbook']);
    const docx = readGrid(zipParts({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }));
    expect(codes(docx)).toEqual(['not-xlsx']);
    expect(docx.findings[0]?.message.en).toContain('Word');
    const ods = readGrid(zipParts({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }));
    expect(ods.findings[0]?.message.en).toContain('OpenDocument');
  });
});

describe('readGrid: hostile files and limits', () => {
  const rows = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row><row r="2"><c r="A2"><v>4</v></c><c r="B2"><v>5</v></c></row>';

  it('refuses a part declaring entities (billion laughs) without expanding anything', () => {
    const parts = xlsxParts({ sheets: [{ name: 'S', xml: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], sharedStrings: ['x'] });
    parts['xl/sharedStrings.xml'] =
      '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>' +
      `<sst xmlns="${NS_MAIN}"><si><t>&c;&c;&c;</t></si></sst>`;
    const r = readGrid(zipParts(parts), { file: 'bomb.xlsx' });
    expect(r.ok).toBe(false);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ severity: 'error', code: 'xml-doctype', file: 'bomb.xlsx' });
    expect(r.findings[0]?.message.en).toContain('xl/sharedStrings.xml');
  });

  it('catches a DOCTYPE split across two 64 KiB chunks', () => {
    const parts = xlsxParts({ sheets: [{ name: 'S', xml: '' }] });
    const head = '<?xml version="1.0"?>';
    const pad = ' '.repeat(65536 - head.length - 4);
    parts['xl/worksheets/sheet1.xml'] = `${head}${pad}<!DOCTYPE x [<!ENTITY e "e">]><worksheet xmlns="${NS_MAIN}"><sheetData/></worksheet>`;
    expect(codes(readGrid(zipParts(parts, 0)))).toEqual(['xml-doctype']);
  });

  it('never inflates a sheet that is not selected', () => {
    const parts = xlsxParts({ sheets: [{ name: 'Bad', xml: '' }, { name: 'Good', xml: rows }] });
    parts['xl/worksheets/sheet1.xml'] = '<!DOCTYPE x [<!ENTITY e "e">]><worksheet/>';
    expect(readGrid(zipParts(parts)).ok).toBe(false);
    const grid = okGrid(readGrid(zipParts(parts), { sheets: (name) => name === 'Good' }));
    expect(grid.sheets.map((s) => s.name)).toEqual(['Good']);
  });

  it('refuses a part over the compression-ratio limit (zip bomb), from the central directory', () => {
    const huge = worksheetXml(rows).replace('<sheetData>', `<sheetData>${' '.repeat(2 * 1024 * 1024)}`);
    const parts = xlsxParts({ sheets: [{ name: 'S', xml: huge }] });
    const bytes = zipParts(parts, 9);
    const r = readGrid(bytes, { file: 'bomb.xlsx' });
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual(['zip-compression-ratio']);
    expect(r.findings[0]?.message.en).toMatch(/xl\/worksheets\/sheet1\.xml.*over the 200:1 limit \(maxCompressionRatio/);
    // Raising the limit lets the same file through.
    expect(readGrid(bytes, { limits: { maxCompressionRatio: 100_000 } }).ok).toBe(true);
  });

  it('stops inflating a part that produces more than its declared size', () => {
    const parts = xlsxParts({ sheets: [{ name: 'S', xml: rows }] });
    const lying = patchDeclaredSize(zipParts(parts), 'xl/worksheets/sheet1.xml', 100);
    const r = readGrid(lying);
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual(['zip-size-mismatch']);
  });

  it('enforces the file-size limit before anything else', () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', xml: rows }] });
    const r = readGrid(bytes, { file: 'big.xlsx', limits: { maxFileBytes: 100 } });
    expect(codes(r)).toEqual(['file-too-large']);
    expect(r.findings[0]?.message.en).toContain('maxFileBytes');
    expect(r.findings[0]?.file).toBe('big.xlsx');
  });

  it('enforces the zip entry-count limit from the end record', () => {
    const r = readGrid(buildXlsx({ sheets: [{ name: 'S', xml: rows }] }), { limits: { maxZipEntries: 3 } });
    expect(codes(r)).toEqual(['zip-too-many-entries']);
    expect(r.findings[0]?.message.en).toContain('maxZipEntries');
  });

  it('enforces the total-uncompressed limit before inflating the big parts', () => {
    const r = readGrid(buildXlsx({ sheets: [{ name: 'S', xml: rows }], sharedStrings: ['x'.repeat(5000)] }), { limits: { maxTotalUncompressedBytes: 3000 } });
    expect(codes(r)).toEqual(['uncompressed-too-large']);
    expect(r.findings[0]?.message.en).toContain('maxTotalUncompressedBytes');
  });

  it('cuts a sheet at the cells-per-sheet limit with an error finding naming the first cell skipped', () => {
    const r = readGrid(buildXlsx({ sheets: [{ name: 'S', xml: rows }, { name: 'T', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }] }), {
      file: 'nhieu-o.xlsx',
      limits: { maxCellsPerSheet: 3 },
    });
    const grid = okGrid(r);
    expect([...sheet(grid, 'S').cells.keys()]).toEqual(['A1', 'B1', 'C1']);
    expect(sheet(grid, 'T').cells.size).toBe(1);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ severity: 'error', code: 'cells-limit-exceeded', file: 'nhieu-o.xlsx', sheet: 'S', cell: 'A2' });
  });

  it('has the documented default limits', () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxFileBytes: 50 * 1024 * 1024,
      maxZipEntries: 10_000,
      maxTotalUncompressedBytes: 500 * 1024 * 1024,
      maxCompressionRatio: 200,
      compressionRatioMinBytes: 1024 * 1024,
      maxCellsPerSheet: 2_000_000,
    });
  });
});

describe('readGrid: damaged content becomes findings', () => {
  it('warns about missing shared strings and bad numbers once per sheet', () => {
    const r = readGrid(
      buildXlsx({
        sharedStrings: ['a'],
        sheets: [{ name: 'S', xml: '<row r="1"><c r="A1" t="s"><v>5</v></c><c r="B1" t="s"><v>6</v></c><c r="C1"><v>1,5</v></c></row>' }],
      }),
      { file: 'f.xlsx' },
    );
    const grid = okGrid(r);
    expect(sheet(grid, 'S').cells.get('C1')).toEqual({ value: '1,5' });
    expect(r.findings.map((f) => [f.severity, f.code, f.sheet, f.cell])).toEqual([
      ['warning', 'shared-string-missing', 'S', 'A1'],
      ['warning', 'cell-bad-number', 'S', 'C1'],
    ]);
    expect(r.findings[0]?.message.en).toContain('and 1 more');
  });

  it('keeps what it can from malformed sheet XML and says so', () => {
    const parts = xlsxParts({ sheets: [{ name: 'S', xml: '' }] });
    parts['xl/worksheets/sheet1.xml'] = `<worksheet xmlns="${NS_MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v>`;
    const r = readGrid(zipParts(parts));
    const grid = okGrid(r);
    expect([...sheet(grid, 'S').cells.keys()]).toEqual(['A1', 'B1']);
    expect(r.findings.map((f) => [f.severity, f.code, f.sheet])).toEqual([['warning', 'xml-malformed', 'S']]);
  });

  it('writes Vietnamese messages in NFC', () => {
    const r = readGrid(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), { file: 'Báo cáo.xls' });
    const vi = r.findings[0]?.message.vi ?? '';
    expect(vi).toBe(vi.normalize('NFC'));
  });
});

describe('readGrid: browser-safe sources', () => {
  it('uses no Node APIs under src/read', () => {
    const dir = fileURLToPath(new URL('../src/read/', import.meta.url));
    for (const file of readdirSync(dir)) {
      const code = readFileSync(path.join(dir, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      expect(code, file).not.toMatch(/from ['"](node:|fs|path|buffer|zlib|stream)['"]|\bBuffer\b|\bprocess\.|require\(/);
    }
  });
});

// ------------------------------------------------------------------------------------------------
// Corpus sweep: real files from Excel, LibreOffice, WPS, Google Sheets and others.

const haveCorpus = existsSync(corpusDir);
if (!haveCorpus) console.warn(`skipped: corpus not found at ${corpusDir} (../shared/corpus from the repo root)`);

describe.skipIf(!haveCorpus)('readGrid: corpus sweep', () => {
  const files = haveCorpus
    ? [
        ...readdirSync(corpusDir).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(corpusDir, f)),
        ...(existsSync(path.join(corpusDir, 'hostile')) ? readdirSync(path.join(corpusDir, 'hostile')).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(corpusDir, 'hostile', f)) : []),
      ]
    : [];
  const read = (name: string, options: Parameters<typeof readGrid>[1] = {}): Result<Grid> =>
    readGrid(readFileSync(path.join(corpusDir, name)), { file: name, ...options });

  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
  });

  for (const file of files) {
    it(`${path.relative(corpusDir, file)}: sheets or error findings, never a throw, quickly`, () => {
      const bytes = readFileSync(file);
      const t0 = performance.now();
      const r = readGrid(bytes, { file: path.basename(file) });
      const ms = performance.now() - t0;
      expect(ms).toBeLessThan(3000);
      expect(codes(r)).not.toContain('read-internal-error');
      if (r.ok) expect(r.value.sheets.length).toBeGreaterThanOrEqual(1);
      else expect(r.findings.filter((f) => f.severity === 'error').length).toBeGreaterThanOrEqual(1);
      for (const f of r.findings) expect(f.file).toBe(path.basename(file));
    });
  }

  it('reads the 1904 date system where the MANIFEST says so', () => {
    for (const name of ['exceljs__1904.xlsx', 'sheetjs__1904.xlsx', 'calamine__date_1904.xlsx', 'edr__strict_roo_1904_base.xlsx']) {
      expect(okGrid(read(name)).date1904, name).toBe(true);
    }
    expect(okGrid(read('sheetjs__1900.xlsx')).date1904).toBe(false);
    const lo = sheet(okGrid(read('calamine__date_1904.xlsx')), 'Sheet1');
    expect(cell(lo, 'A1')?.value).toBe(42735);
  });

  it('reads t="d" ISO dates (calamine__date_iso.xlsx)', () => {
    const s = sheet(okGrid(read('calamine__date_iso.xlsx')), 'Sheet');
    expect(cell(s, 'A1')).toMatchObject({ value: '2021-01-01', isoDate: '2021-01-01' });
    expect(cell(s, 'A2')).toMatchObject({ value: '2021-01-01T10:10:10', isoDate: '2021-01-01T10:10:10' });
    expect(cell(s, 'A3')).toMatchObject({ value: '10:10:10', isoDate: '10:10:10' });
  });

  it('keeps cached 0 and translates 2-D shared formulas (calamine__issue_565_multi_axis_shared.xlsx)', () => {
    const s = sheet(okGrid(read('calamine__issue_565_multi_axis_shared.xlsx')), 'Sheet1');
    expect(cell(s, 'C2')).toMatchObject({ value: 0, formula: 'C2' });
    expect(cell(s, 'K1')).toMatchObject({ value: 0, formula: 'D1' });
    expect(cell(s, 'F4')).toMatchObject({ value: 0, formula: 'A4' });
  });

  it('translates shared formulas (calamine__shared_formula_simple.xlsx)', () => {
    const s = sheet(okGrid(read('calamine__shared_formula_simple.xlsx')), 'Sheet1');
    expect([cell(s, 'B1')?.formula, cell(s, 'B2')?.formula, cell(s, 'B3')?.formula, cell(s, 'B3')?.value]).toEqual(['A1*2', 'A2*2', 'A3*2', 6]);
  });

  it('reads rich text, phonetic runs and _x000D_ escapes as Excel shows them', () => {
    expect(cell(sheet(okGrid(read('calamine__richtext-after-plain.xlsx')), 'Sheet1'), 'A2')?.value).toBe('tvalrval1rval2');
    expect(cell(sheet(okGrid(read('calamine__rph.xlsx')), 'Sheet1'), 'A1')?.value).toBe('課きく　毛こ');
    expect(cell(sheet(okGrid(read('calamine__has_x000D_.xlsx')), 'Sheet1'), 'A1')?.value).toBe('ABC\r\nDEF');
  });

  it('reads x:-prefixed parts, missing r= attributes, backslash paths and odd part names', () => {
    const ns = sheet(okGrid(read('calamine__richtext-namespaced.xlsx')), 'Sheet1');
    expect(cell(ns, 'A1')?.value).toBe('inline string\nLine 2\nLine 3');
    expect(ns.merges).toEqual(['A1:G3', 'H1:M3']);
    expect(cell(sheet(okGrid(read('calamine__issue_261.xlsx')), 'Some Sheet'), 'A1')?.value).toBe('String Value 32');
    const noRef = sheet(okGrid(read('phpss__without_cell_reference.xlsx')), '工作表1');
    expect([cell(noRef, 'A1')?.value, cell(noRef, 'E1')?.value, noRef.maxRow, noRef.maxCol]).toEqual([1, 5, 10, 10]);
    expect(cell(sheet(okGrid(read('phpss__Zip-Windows-Directory-Separator.xlsx')), 'Sheet'), 'A1')?.value).toBe('Key ID');
    const wtf = okGrid(read('sheetjs__wtf_path.xlsx'));
    expect(wtf.sheets.map((s) => [s.name, s.state])).toEqual([['SheetJS', 'visible'], ['Hidden', 'hidden']]);
    expect(cell(sheet(okGrid(read('poi__style-alternate-content.xlsx')), 'Sheet2'), 'A4')).toMatchObject({ value: '1. 센터명', font: '맑은 고딕' });
  });

  it('reads sheet states, Transitional and Strict alike', () => {
    for (const name of ['sheetjs__sheet_visibility.xlsx', 'sheetjs__sheet_visibility_strict.xlsx']) {
      expect(okGrid(read(name)).sheets.map((s) => [s.name, s.state])).toEqual([
        ['Visible', 'visible'],
        ['Hidden', 'hidden'],
        ['VeryHidden', 'veryHidden'],
      ]);
    }
  });

  it('reports the encrypted workbook and the empty zip', () => {
    const enc = read('calamine__pass_protected.xlsx');
    expect(codes(enc)).toEqual(['encrypted-or-legacy']);
    expect(enc.findings[0]?.message.vi).toContain('mật khẩu');
    expect(codes(read('edr__EmptyZipFile.xlsx'))).toEqual(['no-workbook']);
  });

  it('refuses the hostile files, or bounds them with limits', () => {
    expect(codes(read('hostile/poi__poc-xmlbomb.xlsx'))).toEqual(['xml-doctype']);
    const big = 'hostile/poi__poc-shared-strings.xlsx';
    expect(codes(read(big, { limits: { maxTotalUncompressedBytes: 1024 * 1024 } }))).toEqual(['uncompressed-too-large']);
    const cut = read(big, { limits: { maxCellsPerSheet: 1000 } });
    expect(sheet(okGrid(cut), 'Tabelle1').cells.size).toBe(1000);
    expect(codes(cut)).toContain('cells-limit-exceeded');
  });

  it('reads whole-sheet dimensions and validations quickly', () => {
    for (const name of ['calamine__issue_174.xlsx', 'exceljs__test-issue-1842.xlsx', 'phpss__issue.3982.xlsx']) {
      const t0 = performance.now();
      expect(read(name).ok, name).toBe(true);
      expect(performance.now() - t0, name).toBeLessThan(1500);
    }
  });
});
