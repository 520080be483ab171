/**
 * The Office.js host against a fake Office.js (test/support/fake-office.ts) that enforces
 * load/sync and the ExcelApi version: it writes what the in-memory host writes, skips what the
 * version lacks without calling it, reads used ranges in blocks, batches many operations per
 * sync, and undoes its highlights.
 */
import { describe, expect, it } from 'vitest';
import { COLOR, Palette, buildTemplate, hatinh2021, hatinhCity2020, type BookModel, type Grid, type RowModel, type StyleModel } from '@cchc-kpi/core';
import { defaultContext, periodOf } from '../src/context.ts';
import { capabilitiesFor, detectCapabilities, SheetsExistError } from '../src/office/host.ts';
import { MemoryHost } from '../src/office/memory-host.ts';
import { MemoryWorkbook } from '../src/office/memory-workbook.ts';
import { OfficeJsHost, toGridCell, type OfficeApi } from '../src/office/officejs-host.ts';
import { constantFor, styleRects } from '../src/office/blocks.ts';
import { createFakeOffice, type FakeOffice } from './support/fake-office.ts';

const context = defaultContext();
const unit = hatinhCity2020.units[0]!;
const period = periodOf(context, '2021-H1')!;

function officeHost(fake: FakeOffice, options = {}): OfficeJsHost {
  const office = fake.Office as { context: { requirements: { isSetSupported(n: string, v: string): boolean } } };
  const api = { run: fake.Excel.run, isSetSupported: (n: string, v: string) => office.context.requirements.isSetSupported(n, v) } as unknown as OfficeApi;
  return new OfficeJsHost(api, options);
}

/** A one-sheet book of the given cells (`[row, col, value, style]`), rows in order. */
function tableBook(name: string, cells: Array<[number, number, number | null, StyleModel]>): { book: BookModel; rows: RowModel[] } {
  const palette = new Palette();
  const byRow = new Map<number, RowModel['cells'][number][]>();
  for (const [row, col, value, style] of cells) {
    const line = byRow.get(row) ?? [];
    line.push({ col, value, style: palette.name(style) });
    byRow.set(row, line);
  }
  const rows: RowModel[] = [...byRow.entries()].sort((a, b) => a[0] - b[0]).map(([row, line]) => ({ row, cells: line }));
  const sheet = { name, columns: [], gridlines: true, validations: [], rows: () => rows };
  return { book: { title: name, createdOn: '2021-06-20', sheets: [sheet], names: [], styles: palette.styles }, rows };
}

function content(grid: Grid): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const s of grid.sheets) {
    const cells: Record<string, unknown> = {};
    for (const [ref, c] of s.cells) cells[ref] = c.formula !== undefined ? `=${c.formula}` : c.value;
    out[s.name] = cells;
  }
  return out;
}

describe('capabilities', () => {
  it('finds the highest ExcelApi version and gates features on it', () => {
    expect(detectCapabilities((_n, v) => v <= '1.1')).toEqual(capabilitiesFor(1));
    expect(detectCapabilities((n, v) => n === 'ExcelApi' && Number(v.split('.')[1]) <= 7).apiVersion).toBe('1.7');
    expect(capabilitiesFor(1)).toMatchObject({ format: false, names: false, conditionalFormats: false, freeze: false, validation: false });
    expect(capabilitiesFor(8)).toMatchObject({ format: true, names: true, conditionalFormats: true, freeze: true, validation: true });
    expect(detectCapabilities(() => false).apiVersion).toBe('1.1');
  });
});

describe('OfficeJsHost over a fake Office.js', () => {
  for (const minor of [1, 2, 4, 7, 8]) {
    it(`writes the template like the memory host on ExcelApi 1.${minor}, calling nothing newer`, async () => {
      const fake = createFakeOffice(new MemoryWorkbook(['Sheet1']), { minor });
      const host = officeHost(fake);
      const memory = new MemoryHost(new MemoryWorkbook(['Sheet1']), minor);
      const book = buildTemplate(hatinh2021, unit, period);
      const a = await host.writeBook(book);
      const b = await memory.writeBook(book);
      expect(a.skipped.sort()).toEqual(b.skipped.sort());
      expect(content(fake.workbook.toGrid())).toEqual(content(memory.workbook.toGrid()));
      expect(fake.workbook.names).toEqual(memory.workbook.names);
      const report = fake.workbook.sheet('Báo cáo');
      expect(report.merges.length > 0).toBe(minor >= 2);
      expect(report.protected).toBe(minor >= 2);
      expect(report.freezeRows).toBe(minor >= 7 ? 11 : 0);
      expect(report.validations.length > 0).toBe(minor >= 8);
      expect(fake.workbook.sheet('Danh mục').visibility).toBe(minor >= 2 ? 'Hidden' : 'Visible');
      // Text Excel would turn into numbers stays text: codes and the column numbers (1)…(10).
      expect(fake.workbook.peek('Báo cáo', 'F8')?.value).toBe('18070');
      expect(fake.workbook.peek('Báo cáo', 'A11')?.value).toBe('(1)');
    });
  }

  it('batches many operations per sync and writes large sheets in blocks', async () => {
    const fake = createFakeOffice(new MemoryWorkbook(['Sheet1']), { minor: 8 });
    const host = officeHost(fake);
    const cells: Array<[number, number, number, StyleModel]> = [];
    for (let row = 1; row <= 1000; row++) for (let col = 1; col <= 5; col++) cells.push([row, col, row * col, { fill: row % 2 ? 'FFFFFFFF' : COLOR.header, wrap: false }]);
    const progress: number[] = [];
    const result = await host.writeBook(tableBook('Lớn', cells).book, { blockRows: 250, onProgress: (done) => progress.push(done) });
    expect(progress).toEqual([1250, 2500, 3750, 5000]);
    expect(result.cells).toBe(5000);
    expect(fake.stats.syncs).toBeLessThan(10);
    expect(fake.stats.maxOpsPerSync).toBeGreaterThan(100);
    expect(fake.workbook.peek('Lớn', 'E1000')?.value).toBe(5000);
    expect(fake.workbook.peek('Lớn', 'A2')?.fill).toBe('#DDEBF7');
  });

  it('reads the used ranges in blocks into the same grid the workbook holds', async () => {
    const wb = new MemoryWorkbook(['Sheet1']);
    const fake = createFakeOffice(wb, { minor: 8 });
    const host = officeHost(fake, { readBlockRows: 7, readCellsPerSync: 60 });
    await host.writeBook(buildTemplate(hatinh2021, unit, period));
    wb.type('Báo cáo', 'F12', 3);
    wb.type('Báo cáo', 'C9', 44362);
    const before = fake.stats.syncs;
    const grid = await host.readGrid();
    expect(fake.stats.syncs - before).toBeGreaterThan(5);
    expect(content(grid)).toEqual(content(wb.toGrid()));
    expect(grid.definedNames.length).toBe(wb.names.length);
    expect(grid.sheets.find((s) => s.name === '_meta')?.state).toBe('hidden');
    expect(grid.sheets.find((s) => s.name === 'Báo cáo')?.cells.get('C9')).toEqual({ value: 44362, numFmt: 'dd/mm/yyyy' });
  });

  it('reads defined names through NamedItem.value on ExcelApi < 1.7', async () => {
    const wb = new MemoryWorkbook(['Sheet1']);
    const fake = createFakeOffice(wb, { minor: 4 });
    const host = officeHost(fake);
    await host.writeBook(buildTemplate(hatinh2021, unit, period));
    const grid = await host.readGrid();
    expect(grid.definedNames.find((d) => d.name === 'unit_code')?.ref).toBe("'Báo cáo'!$F$8");
  });

  it('refuses to overwrite sheets unless asked, then replaces them and re-points the names', async () => {
    const fake = createFakeOffice(new MemoryWorkbook(['Sheet1']), { minor: 8 });
    const host = officeHost(fake);
    const book = buildTemplate(hatinh2021, unit, period);
    await host.writeBook(book);
    await expect(host.writeBook(book)).rejects.toBeInstanceOf(SheetsExistError);
    await host.writeBook(book, { replace: true });
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Báo cáo', 'Hoạt động', 'Hướng dẫn', 'Danh mục', '_meta']);
    expect(fake.workbook.names.every((n) => n.ref !== '#REF!')).toBe(true);
    expect(fake.workbook.names.filter((n) => n.name === 'unit_code')).toHaveLength(1);
  });

  it('highlights with fills on ExcelApi 1.1 and restores the previous fills', async () => {
    const fake = createFakeOffice(new MemoryWorkbook(['Sheet1']), { minor: 1 });
    const host = officeHost(fake);
    await host.writeBook(buildTemplate(hatinh2021, unit, period));
    const wb = fake.workbook;
    expect(wb.peek('Báo cáo', 'F12')?.fill).toBe('#FFF9E0');
    const mode = await host.highlight([{ sheet: 'Báo cáo', cell: 'F12' }, { sheet: 'Báo cáo', cell: 'B2' }, { sheet: 'Báo cáo', cell: 'f12' }], '#FFC7CE');
    expect(mode).toBe('fill');
    expect(wb.peek('Báo cáo', 'F12')?.fill).toBe('#FFC7CE');
    await host.highlight([{ sheet: 'Báo cáo', cell: 'F12' }], '#FFE699');
    expect(await host.clearHighlights()).toBe(2);
    expect(wb.peek('Báo cáo', 'F12')?.fill).toBe('#FFF9E0');
    expect(wb.peek('Báo cáo', 'B2')?.fill).toBeUndefined();
    expect(await host.clearHighlights()).toBe(0);
  });

  it('highlights with conditional formats where ExcelApi 1.6 exists, leaving fills alone', async () => {
    const fake = createFakeOffice(new MemoryWorkbook(['Sheet1']), { minor: 6 });
    const host = officeHost(fake);
    await host.writeBook(buildTemplate(hatinh2021, unit, period));
    const wb = fake.workbook;
    expect(await host.highlight([{ sheet: 'Báo cáo', cell: 'G14' }], '#FFC7CE')).toBe('conditionalFormat');
    expect(wb.peek('Báo cáo', 'G14')?.fill).toBe('#FFF9E0');
    expect(wb.sheet('Báo cáo').conditionalFormats).toEqual([{ id: expect.any(String), range: 'G14', formula: '=TRUE', fill: '#FFC7CE' }]);
    await host.clearHighlights();
    expect(wb.sheet('Báo cáo').conditionalFormats).toEqual([]);
  });

  it('still undoes the other marks when a marked sheet is gone', async () => {
    const wb = new MemoryWorkbook(['Sheet1', 'A', 'B']);
    const fake = createFakeOffice(wb, { minor: 1 });
    const host = officeHost(fake);
    wb.cell('B', 'C3').fill = '#123456';
    await host.highlight([{ sheet: 'A', cell: 'A1' }, { sheet: 'B', cell: 'C3' }], '#FFC7CE');
    wb.deleteSheet('A');
    expect(await host.clearHighlights()).toBe(2);
    expect(wb.peek('B', 'C3')?.fill).toBe('#123456');
  });

  it('selects a cell on its sheet', async () => {
    const wb = new MemoryWorkbook(['Sheet1', 'Báo cáo']);
    const host = officeHost(createFakeOffice(wb, { minor: 1 }));
    await host.select({ sheet: 'Báo cáo', cell: 'G15' });
    expect(wb.activeSheet).toBe('Báo cáo');
    expect(wb.selection).toEqual({ sheet: 'Báo cáo', range: 'G15' });
    await expect(host.select({ sheet: 'Báo cáo', cell: 'not a cell' })).rejects.toThrow();
  });
});

describe('write helpers', () => {
  it('keeps text that Excel would coerce as text', () => {
    expect(constantFor('18070')).toBe("'18070");
    expect(constantFor('(1)')).toBe("'(1)");
    expect(constantFor('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(constantFor('TRUE')).toBe("'TRUE");
    expect(constantFor('14/6/2021')).toBe("'14/6/2021");
    expect(constantFor('Báo cáo')).toBe('Báo cáo');
    expect(constantFor(12)).toBe(12);
    expect(constantFor(null)).toBe('');
  });

  it('merges cells of one style into rectangles', () => {
    const cells: Array<[number, number, null, StyleModel]> = [
      [3, 1, null, { bold: true, wrap: false }],
      [3, 2, null, { bold: true, wrap: false }],
    ];
    for (let row = 4; row <= 203; row++) for (let col = 1; col <= 9; col++) cells.push([row, col, null, { fill: COLOR.input, locked: false, wrap: false }]);
    const { book, rows } = tableBook('S', cells);
    expect(styleRects(rows, book.styles)).toEqual([
      { range: 'A3:B3', style: { bold: true } },
      { range: 'A4:I203', style: { fill: '#FFF9E0', locked: false } },
    ]);
  });

  it('turns loaded Office.js values into grid cells', () => {
    expect(toGridCell('', '', 'General', 'Empty')).toBeNull();
    expect(toGridCell(5, 5, '#,##0', 'Double')).toEqual({ value: 5, numFmt: '#,##0' });
    expect(toGridCell('', '=IF(G12>0,F12/G12,"")', '0.0%', 'String')).toEqual({ value: '', formula: 'IF(G12>0,F12/G12,"")', numFmt: '0.0%' });
    expect(toGridCell('#DIV/0!', '=1/0', 'General', 'Error')).toEqual({ value: '#DIV/0!', formula: '1/0', error: true });
  });
});
