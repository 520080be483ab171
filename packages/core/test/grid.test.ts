import { describe, expect, it } from 'vitest';
import type { Cell, DefinedName, Grid, Sheet } from '../src/grid/grid.ts';
import {
  columnToNumber,
  formatA1,
  formatRange,
  formatSheetRef,
  isSingleCell,
  MAX_COL,
  MAX_ROW,
  numberToColumn,
  parseA1,
  parseRange,
  parseSheetRef,
  quoteSheetName,
  rangeContains,
} from '../src/grid/a1.ts';
import { cellAt, getSheet, isBlankCell, readRangeRows, resolveName } from '../src/grid/access.ts';

function sheet(name: string, cells: Record<string, Cell['value']>, maxRow = 0, maxCol = 0): Sheet {
  const map = new Map<string, Cell>();
  for (const [ref, value] of Object.entries(cells)) map.set(ref, { value });
  return { name, state: 'visible', cells: map, merges: [], maxRow, maxCol };
}

describe('columns', () => {
  it.each([
    ['A', 1],
    ['Z', 26],
    ['AA', 27],
    ['az', 52],
    ['ZZ', 702],
    ['AAA', 703],
    ['XFD', MAX_COL],
  ])('%s ↔ %d', (letters, n) => {
    expect(columnToNumber(letters)).toBe(n);
    expect(numberToColumn(n)).toBe(letters.toUpperCase());
  });
  it.each(['', 'XFE', 'AAAA', 'A1', 'Đ'])('columnToNumber(%j) = null', (letters) => {
    expect(columnToNumber(letters)).toBeNull();
  });
  it.each([0, -1, 1.5, Number.NaN])('numberToColumn(%d) = ""', (n) => {
    expect(numberToColumn(n)).toBe('');
  });
});

describe('parseA1 / formatA1', () => {
  it.each([
    ['F12', { row: 12, col: 6 }],
    ['$F$12', { row: 12, col: 6 }],
    ['F$12', { row: 12, col: 6 }],
    ['f12', { row: 12, col: 6 }],
    ['XFD1048576', { row: MAX_ROW, col: MAX_COL }],
  ])('%s', (ref, address) => {
    expect(parseA1(ref)).toEqual(address);
  });
  it.each(['F0', 'F', '12', 'A1:B2', 'Sheet1!A1', 'XFE1', 'A1048577', ''])('parseA1(%j) = null', (ref) => {
    expect(parseA1(ref)).toBeNull();
  });
  it('formats', () => {
    expect(formatA1({ row: 12, col: 6 })).toBe('F12');
    expect(formatA1({ row: 204, col: 9 })).toBe('I204');
  });
});

describe('parseRange / formatRange', () => {
  it.each([
    ['A5:I204', { start: { row: 5, col: 1 }, end: { row: 204, col: 9 } }, 'A5:I204'],
    ['$A$5:$I$204', { start: { row: 5, col: 1 }, end: { row: 204, col: 9 } }, 'A5:I204'],
    ['I204:A5', { start: { row: 5, col: 1 }, end: { row: 204, col: 9 } }, 'A5:I204'],
    ['F12', { start: { row: 12, col: 6 }, end: { row: 12, col: 6 } }, 'F12'],
    ['$A:$C', { start: { row: 1, col: 1 }, end: { row: MAX_ROW, col: 3 } }, `A1:C${MAX_ROW}`],
    ['5:7', { start: { row: 5, col: 1 }, end: { row: 7, col: MAX_COL } }, 'A5:XFD7'],
  ])('%s', (ref, range, formatted) => {
    const parsed = parseRange(ref);
    expect(parsed).toEqual(range);
    expect(parsed && formatRange(parsed)).toBe(formatted);
  });
  it.each(['A1:B2:C3', 'A:5', 'A1:B', '', 'A1,B2'])('parseRange(%j) = null', (ref) => {
    expect(parseRange(ref)).toBeNull();
  });
  it('single cell and containment', () => {
    const r = parseRange('B2:C3')!;
    expect(isSingleCell(r)).toBe(false);
    expect(isSingleCell(parseRange('B2')!)).toBe(true);
    expect(rangeContains(r, { row: 3, col: 3 })).toBe(true);
    expect(rangeContains(r, { row: 4, col: 3 })).toBe(false);
  });
});

describe('parseSheetRef', () => {
  it.each([
    ["'Báo cáo'!$F$12", { sheet: 'Báo cáo', range: { start: { row: 12, col: 6 }, end: { row: 12, col: 6 } } }],
    ["='Báo cáo'!$F$12", { sheet: 'Báo cáo', range: { start: { row: 12, col: 6 }, end: { row: 12, col: 6 } } }],
    ["'It''s'!A1", { sheet: "It's", range: { start: { row: 1, col: 1 }, end: { row: 1, col: 1 } } }],
    ["'Sheet ''A'''!B2", { sheet: "Sheet 'A'", range: { start: { row: 2, col: 2 }, end: { row: 2, col: 2 } } }],
    ['Danh_muc!$A$2:$A$20', { sheet: 'Danh_muc', range: { start: { row: 2, col: 1 }, end: { row: 20, col: 1 } } }],
    ['BaoCao!A5:I204', { sheet: 'BaoCao', range: { start: { row: 5, col: 1 }, end: { row: 204, col: 9 } } }],
    ['$F$12', { range: { start: { row: 12, col: 6 }, end: { row: 12, col: 6 } } }],
  ])('%s', (ref, expected) => {
    expect(parseSheetRef(ref)).toEqual(expected);
  });
  it.each(["'Báo cáo'!#REF!", '#REF!', '[1]Sheet1!A1', "'[1]Sheet1'!A1", 'Sheet1!A1,Sheet1!B2', "'Unclosed!A1", "'A'B!A1", '"text"', '', 'SUM(A1:A3)'])(
    'parseSheetRef(%j) = null',
    (ref) => {
      expect(parseSheetRef(ref)).toBeNull();
    },
  );
  it.each([
    ['Sheet1', 'Sheet1'],
    ['Danh_muc', 'Danh_muc'],
    ['Báo cáo', "'Báo cáo'"],
    ["It's", "'It''s'"],
    ['2021', "'2021'"],
    ['A1', "'A1'"],
  ])('quoteSheetName(%j) = %s', (name, quoted) => {
    expect(quoteSheetName(name)).toBe(quoted);
  });
  it('formatSheetRef round-trips', () => {
    const text = formatSheetRef("Báo cáo 'Q1'", parseRange('F12')!);
    expect(text).toBe("'Báo cáo ''Q1'''!$F$12");
    expect(parseSheetRef(text)).toEqual({ sheet: "Báo cáo 'Q1'", range: parseRange('F12') });
    expect(formatSheetRef('Sheet1', parseRange('A5:I204')!)).toBe('Sheet1!$A$5:$I$204');
  });
});

describe('access', () => {
  const report = sheet('Báo cáo', { F12: 120, F13: '  ', A5: 1, B5: 'x', C6: 'y' }, 13, 6);
  const lists = sheet('Danh_muc', { A2: 'ND1' }, 2, 1);
  const names: DefinedName[] = [
    { name: 'CT3a_numerator', ref: "'Báo cáo'!$F$12" },
    { name: 'local_only', ref: '$F$13', localSheet: 0 },
    { name: 'shadowed', ref: "'Báo cáo'!$A$5", localSheet: 0 },
    { name: 'Shadowed', ref: 'Danh_muc!$A$2' },
    { name: 'broken', ref: "'Báo cáo'!#REF!" },
    { name: 'broken', ref: 'Danh_muc!$A$2' },
    { name: 'missing_sheet', ref: "'Không có'!A1" },
    { name: 'table', ref: "'báo cáo'!$A$5:$C$6" },
  ];
  const grid: Grid = { sheets: [report, lists], definedNames: names, date1904: false };

  it('getSheet is case-insensitive', () => {
    expect(getSheet(grid, 'BÁO CÁO')).toBe(report);
    expect(getSheet(grid, 'nope')).toBeNull();
  });

  it('cellAt', () => {
    expect(cellAt(report, 12, 6)).toEqual({ value: 120 });
    expect(cellAt(report, 1, 1)).toBeUndefined();
  });

  it.each([
    ['CT3a_numerator', 'Báo cáo', 'F12', 'F12'],
    ['ct3a_NUMERATOR', 'Báo cáo', 'F12', 'F12'],
    ['local_only', 'Báo cáo', 'F13', 'F13'],
    ['shadowed', 'Danh_muc', 'A2', 'A2'],
    ['broken', 'Danh_muc', 'A2', 'A2'],
    ['table', 'Báo cáo', 'A5', 'A5:C6'],
  ])('resolveName(%s)', (name, sheetName, ref, range) => {
    const resolved = resolveName(grid, name);
    expect(resolved?.sheet.name).toBe(sheetName);
    expect(resolved?.ref).toBe(ref);
    expect(resolved && formatRange(resolved.range)).toBe(range);
  });

  it.each(['missing_sheet', 'unknown'])('resolveName(%s) = null', (name) => {
    expect(resolveName(grid, name)).toBeNull();
  });

  it('readRangeRows reads row by row, clipped to the sheet extent', () => {
    const rows = readRangeRows(report, parseRange('A5:C6')!);
    expect(rows).toEqual([
      { row: 5, refs: ['A5', 'B5', 'C5'], cells: [{ value: 1 }, { value: 'x' }, undefined] },
      { row: 6, refs: ['A6', 'B6', 'C6'], cells: [undefined, undefined, { value: 'y' }] },
    ]);
    expect(readRangeRows(report, parseRange('A12:B1000')!).map((r) => r.row)).toEqual([12, 13]);
    expect(readRangeRows(lists, parseRange('A:A')!).length).toBe(2);
  });

  it.each([
    [undefined, true],
    [{ value: null }, true],
    [{ value: '' }, true],
    [{ value: ' \u00A0\n' }, true],
    [{ value: '', formula: 'IF(A1,"","")' }, true],
    [{ value: 0 }, false],
    [{ value: 'x' }, false],
    [{ value: false }, false],
    [{ value: '#N/A', error: true }, false],
    [{ value: null, isoDate: '2020-12-28' }, false],
  ] as const)('isBlankCell(%j) = %s', (c, blank) => {
    expect(isBlankCell(c)).toBe(blank);
  });
});
