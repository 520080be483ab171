import { describe, expect, it } from 'vitest';
import { fittedHeight } from '../src/book/heights.ts';
import type { ColumnModel, RowModel } from '../src/book/model.ts';
import { Palette } from '../src/book/palette.ts';
import { READABLE_SCALE, firstPageColumns, keepTogether, tablePrint } from '../src/book/print.ts';
import { RowSet } from '../src/book/rows.ts';
import { cellTextPx, columnPx, rowHeightFor, textWidthPx, wrappedLines } from '../src/book/text-lines.ts';

const cols = (...widths: number[]): ColumnModel[] => widths.map((width) => ({ width }));

describe('the wrapped-text estimator', () => {
  it('measures Times New Roman glyphs rounded up to whole pixels', () => {
    // 'x' is 0.5 em: 8 px at 12 pt (16 px per em); 'i' is 0.278 em: 4.4 px → 5
    expect(textWidthPx('xxxx', 12)).toBeCloseTo(4 * 8 * 1.01, 6);
    expect(textWidthPx('iiii', 12)).toBeCloseTo(4 * 5 * 1.01, 6);
    // a Vietnamese letter takes its base letter's width; ư and ơ a little more for the horn
    expect(textWidthPx('ệ', 12)).toBe(textWidthPx('e', 12));
    expect(textWidthPx('ư', 12)).toBeGreaterThan(textWidthPx('u', 12));
  });

  it('wraps at spaces, breaks a word longer than the line, and counts paragraphs', () => {
    const word = 'chữ';
    const px = textWidthPx(`${word} ${word}`, 12) + 1;
    expect(wrappedLines(`${word} ${word}`, px, 12)).toBe(1);
    expect(wrappedLines(`${word} ${word} ${word}`, px, 12)).toBe(2);
    expect(wrappedLines('a\nb\nc', 200, 12)).toBe(3);
    expect(wrappedLines('x'.repeat(30), textWidthPx('x'.repeat(10), 12), 12)).toBe(3);
  });

  it('gives Excel’s line height: 15.75 points a line of 12-point text, plus room', () => {
    expect(rowHeightFor(1, 12)).toBe(17.75);
    expect(rowHeightFor(4, 12)).toBe(65);
    expect(columnPx(10)).toBe(70);
    expect(cellTextPx([10, 5])).toBe(70 + 35 - 8);
  });
});

describe('row heights', () => {
  const palette = new Palette();
  const plain = palette.name({});
  const text = 'Cập nhật, công khai, minh bạch tình trạng giải quyết thủ tục hành chính đối với hồ sơ đã tiếp nhận';
  const row = (extra: Partial<RowModel> = {}): RowModel => ({ row: 3, cells: [{ col: 1, value: text, style: plain }], ...extra });

  it('fit the wrapped text in its column, or in its merged range', () => {
    const narrow = fittedHeight(row(), cols(20, 40), palette.styles) ?? 0;
    const merged = fittedHeight(row({ merges: [{ fromCol: 1, toRow: 3, toCol: 2 }] }), cols(20, 40), palette.styles) ?? 0;
    expect(narrow).toBe(rowHeightFor(wrappedLines(text, cellTextPx([20]), 12), 12));
    expect(merged).toBe(rowHeightFor(wrappedLines(text, cellTextPx([20, 40]), 12), 12));
    expect(merged).toBeLessThan(narrow);
  });

  it('leave a single line of the default font at the default height, and keep a taller height asked for', () => {
    expect(fittedHeight({ row: 1, cells: [{ col: 1, value: 'STT', style: plain }] }, cols(20), palette.styles)).toBeUndefined();
    expect(fittedHeight({ row: 1, height: 50, cells: [{ col: 1, value: 'STT', style: plain }] }, cols(20), palette.styles)).toBe(50);
    const unwrapped = palette.name({ wrap: false, size: 14 });
    expect(fittedHeight({ row: 1, cells: [{ col: 1, value: text, style: unwrapped }] }, cols(5), palette.styles)).toBe(rowHeightFor(1, 14));
  });
});

describe('the palette', () => {
  it('names a look by its fields, once', () => {
    const palette = new Palette();
    const a = palette.name({ bold: true, fill: 'FFDDEBF7', border: 'all' });
    const b = palette.name({ border: 'all', fill: 'FFDDEBF7', bold: true });
    expect(a).toBe(b);
    expect(a).toBe('bold fill=FFDDEBF7 border=all');
    expect(palette.name({})).toBe('plain');
    expect(palette.styles.size).toBe(2);
  });
});

describe('printing', () => {
  it('fits a table to the page width while it stays readable, else prints it at 70 % with its first columns repeated', () => {
    const narrow = tablePrint(cols(5, 8, 48, 10, 14, 15, 15, 10, 11, 11), 'landscape', [4, 4], [1, 3]);
    expect(narrow.fit).toEqual({ width: 1, height: 0 });
    expect(narrow.titleColumns).toBeUndefined();
    const wide = tablePrint(cols(5, 9, 22, ...Array(21).fill(10)), 'landscape', [4, 5], [1, 3]);
    expect(wide.fit).toEqual({ scale: READABLE_SCALE });
    expect(wide.titleColumns).toEqual([1, 3]);
    // 1,036 printable pixels at 70 % hold 1,480 of the sheet's: STT, code, unit (252) and 17 columns of 70
    expect(firstPageColumns(wide, cols(5, 9, 22, ...Array(21).fill(10)))).toBe(20);
  });

  it('breaks the page before a block that would not fit the rest of it', () => {
    const palette = new Palette();
    const rows = new RowSet(palette);
    for (let r = 1; r <= 40; r++) rows.put(r, 1, `dòng ${r}`);
    for (let r = 1; r <= 30; r++) rows.height(r, 15);
    const columns = cols(20);
    const print = tablePrint(columns, 'portrait');
    // a portrait page holds 10.29 in = 741 points: rows 1–30 take 450, the block 31–40 (10 × 40) does not fit after them
    for (let r = 31; r <= 40; r++) rows.height(r, 40);
    expect(keepTogether(rows.rows(columns), print, columns, [[31, 40]])).toEqual([30]);
    expect(keepTogether(rows.rows(columns), print, columns, [[5, 8]])).toEqual([]);
  });
});
