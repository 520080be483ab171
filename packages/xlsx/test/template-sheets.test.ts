/**
 * `templateSheets`: a report is read from the sheets its template's defined names use. A name
 * local to a sheet is only kept in the grid when that sheet is read, so the sheet a wanted name
 * is local to must be read too, even when the name points into another sheet.
 */
import { describe, expect, it } from 'vitest';
import { hatinh2021, readTemplateReport } from '@cchc-kpi/core';
import { readGrid } from '../src/read/grid.ts';
import { templateSheets } from '../src/read-report.ts';
import { buildXlsx } from './fixtures/build-xlsx.ts';

const REPORT = '<row r="1"><c r="A1" t="inlineStr"><is><t>18070</t></is></c></row>';

describe('templateSheets', () => {
  it('reads the sheet a wanted name is local to, so the name still resolves', () => {
    const bytes = buildXlsx({
      sheets: [
        { name: 'Hướng dẫn', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: 'Báo cáo', xml: REPORT },
        { name: 'Danh mục', xml: '' },
      ],
      definedNames: `<definedName name="unit_code" localSheetId="0">'Báo cáo'!$A$1</definedName>`,
    });
    const grid = readGrid(bytes, { sheets: templateSheets(hatinh2021) });
    if (!grid.ok) throw new Error(JSON.stringify(grid.findings));
    expect(grid.value.sheets.map((s) => s.name)).toEqual(['Hướng dẫn', 'Báo cáo']);
    expect(grid.value.definedNames).toEqual([{ name: 'unit_code', ref: "'Báo cáo'!$A$1", localSheet: 0 }]);
    const report = readTemplateReport(grid.value, hatinh2021);
    expect(report.ok && report.value.unitCode).toBe('18070');
  });

  it('reads only the sheets workbook-scoped names point to', () => {
    const bytes = buildXlsx({
      sheets: [{ name: 'Hướng dẫn', xml: '' }, { name: 'Báo cáo', xml: REPORT }],
      definedNames: `<definedName name="UNIT_CODE">'BÁO CÁO'!$A$1</definedName><definedName name="list_themes">'Hướng dẫn'!$A$1</definedName>`,
    });
    const grid = readGrid(bytes, { sheets: templateSheets(hatinh2021) });
    expect(grid.ok && grid.value.sheets.map((s) => s.name)).toEqual(['Báo cáo']);
  });

  it('reads every sheet of a workbook without the template names', () => {
    const bytes = buildXlsx({ sheets: [{ name: 'A', xml: '' }, { name: 'B', xml: '' }], definedNames: `<definedName name="x">A!$A$1</definedName>` });
    const grid = readGrid(bytes, { sheets: templateSheets(hatinh2021) });
    expect(grid.ok && grid.value.sheets.map((s) => s.name)).toEqual(['A', 'B']);
  });
});
