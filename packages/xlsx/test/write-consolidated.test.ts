import { describe, expect, it } from 'vitest';
import { CONSOLIDATED_SHEETS, writeConsolidated } from '../src/write/consolidated.ts';
import { COLOR } from '@cchc-kpi/core';
import { consolidation, plan } from './write-fixtures.ts';
import { fillColor, openXlsx, wellFormed } from './write-ooxml.ts';

const S = CONSOLIDATED_SHEETS;
const M = `'${S.matrix}'`;

describe('writeConsolidated', async () => {
  const result = consolidation();
  const bytes = await writeConsolidated(result, plan);
  const book = openXlsx(bytes);
  const cell = (sheet: string, ref: string) => book.cell(sheet, ref);

  it('writes the cover, then the six sheets in order', () => {
    expect(book.sheets.map((s) => s.name)).toEqual(['Báo cáo tóm tắt', 'Tổng hợp', 'Đơn vị × chỉ tiêu', 'Xếp hạng', 'Tiến độ gửi báo cáo', 'Hoạt động', 'Kết quả kiểm tra']);
    expect(book.sheets.every((s) => s.state === 'visible')).toBe(true);
  });

  it('lists units in official order in the matrix, with figures only where counted', () => {
    expect(['B6', 'B7', 'B8'].map((r) => cell(S.matrix, r)?.value)).toEqual(['18070', '18073', '18103']);
    // CT3a occupies M:N:O (D..F CT1, G..I CT2a, J..L CT2b)
    expect(cell(S.matrix, 'M6')?.value).toBe(120);
    expect(cell(S.matrix, 'N6')?.value).toBe(125);
    expect(cell(S.matrix, 'O6')).toMatchObject({ formula: 'IF(AND(ISNUMBER(N6),N6>0),M6/N6,"")', value: 0.96 });
    // CT4a invalid for Nam Hà: no figures, status text, red
    expect(cell(S.matrix, 'S7')?.value ?? null).toBeNull();
    expect(cell(S.matrix, 'U7')?.value).toBe('Không hợp lệ');
    expect(fillColor(book, cell(S.matrix, 'U7'))).toBe(COLOR.invalid);
    expect(fillColor(book, cell(S.matrix, 'O6'))).toBe(COLOR.notMet);
    expect(fillColor(book, cell(S.matrix, 'O7'))).toBe(COLOR.met);
    expect(fillColor(book, cell(S.matrix, 'R7'))).toBe(COLOR.missing);
    expect(cell(S.matrix, 'F8')?.value).toBe('Chưa gửi');
    // count and boolean take one column each: CT5a = Y, CT5b = Z (1/0)
    expect([cell(S.matrix, 'Y6')?.value, cell(S.matrix, 'Y7')?.value]).toEqual([3, 0]);
    expect([cell(S.matrix, 'Z6')?.value, cell(S.matrix, 'Z7')?.value]).toEqual([1, 0]);
    expect(book.cellXfs[cell(S.matrix, 'Z6')!.s]).toBeDefined();
    expect(new TextDecoder().decode(book.parts['xl/styles.xml'])).toContain('formatCode="&quot;Có&quot;;&quot;Có&quot;;&quot;Không&quot;"');
  });

  it('gives every cell of a merged header the look of its first cell (borders drawn across the range)', () => {
    // CT1's header spans D4:F4; STT spans A4:A5
    expect([cell(S.matrix, 'E4')?.s, cell(S.matrix, 'F4')?.s]).toEqual([cell(S.matrix, 'D4')?.s, cell(S.matrix, 'D4')?.s]);
    expect(cell(S.matrix, 'A5')?.s).toBe(cell(S.matrix, 'A4')?.s);
    expect(book.cellXfs[cell(S.matrix, 'E4')!.s]).toMatch(/borderId="[1-9]/);
  });

  it('sums the matrix in the city totals with live formulas and matching cached values', () => {
    const row = 5 + 3; // CT3a
    expect(cell(S.totals, `F${row}`)).toMatchObject({ formula: `IF(COUNT(${M}!$M$6:$M$8)=0,"",SUM(${M}!$M$6:$M$8))`, value: 200 });
    expect(cell(S.totals, `G${row}`)).toMatchObject({ formula: `IF(COUNT(${M}!$N$6:$N$8)=0,"",SUM(${M}!$N$6:$N$8))`, value: 205 });
    expect(cell(S.totals, `H${row}`)).toMatchObject({ formula: `IF(AND(ISNUMBER(G${row}),G${row}>0),F${row}/G${row},"")`, value: 200 / 205 });
    expect(cell(S.totals, `I${row}`)).toMatchObject({ formula: `COUNT(${M}!$M$6:$M$8)`, value: 2 });
    expect(cell(S.totals, `J${row}`)?.value).toBe(1);
  });

  it('agrees with the consolidation totals for every indicator (blank where nothing was counted)', () => {
    plan.indicators.forEach((indicator, i) => {
      const row = 5 + i;
      const total = result.totals.indicators[indicator.code]!;
      const blank = (v: number | null) => (v === null ? '' : v);
      const F = cell(S.totals, `F${row}`)?.value;
      if (indicator.measure === 'count') {
        expect(F, indicator.code).toBe(blank(total.value));
      } else {
        expect(F, indicator.code).toBe(blank(total.numerator));
        expect(cell(S.totals, `G${row}`)?.value, indicator.code).toBe(blank(total.denominator));
        const ratio = cell(S.totals, `H${row}`)?.value;
        if (total.ratio === null) expect(ratio).toBe('');
        else expect(ratio as number).toBeCloseTo(total.ratio, 12);
      }
      expect(cell(S.totals, `I${row}`)?.value, indicator.code).toBe(total.unitsCounted);
      expect(cell(S.totals, `J${row}`)?.value, indicator.code).toBe(total.unitsMet);
    });
  });

  it('counts completeness and timeliness over the progress sheet', () => {
    const sheet = book.sheet(S.totals);
    const formulas = [...sheet.cells.values()].filter((c) => c.formula?.startsWith('COUNTIF'));
    expect(formulas.map((c) => [c.formula, c.value])).toEqual([
      [`COUNTIF('Tiến độ gửi báo cáo'!$D$5:$D$7,"Có")`, result.totals.received],
      [`COUNTIF('Tiến độ gửi báo cáo'!$H$5:$H$7,"Có")`, result.totals.onTime],
    ]);
    const rates = [...sheet.cells.values()].filter((c) => /^IF\(F\d+>0,F\d+\/F\d+,""\)$/.test(c.formula ?? ''));
    expect(rates.map((c) => c.value)).toEqual([result.totals.completeness, result.totals.timeliness]);
  });

  it('ranks submitted units with RANK formulas whose cached values are the consolidation ranks', () => {
    const rows = [5, 6, 7].map((r) => ({
      name: cell(S.ranking, `B${r}`)?.value,
      score: cell(S.ranking, `C${r}`)?.value ?? null,
      rank: cell(S.ranking, `D${r}`),
      code: cell(S.ranking, `G${r}`)?.value,
    }));
    expect(rows.map((r) => r.name)).toEqual(['Phường Nam Hà', 'Phường Trần Phú', 'Xã Đồng Môn']);
    expect(rows[0]!.rank).toMatchObject({ formula: 'RANK(C5,$C$5:$C$7)', value: 1 });
    expect(rows[1]!.rank).toMatchObject({ formula: 'RANK(C6,$C$5:$C$7)', value: 2 });
    for (const r of rows) {
      const unit = result.units.find((u) => u.code === r.code)!;
      expect(r.score).toBe(unit.score);
      expect(r.rank?.value ?? null).toBe(unit.rank);
    }
    expect(rows[2]!.rank?.formula).toBeUndefined();
    expect(cell(S.ranking, 'F6')?.value).toBe(1.75);
    expect(cell(S.ranking, 'E7')?.value).toBe('Chưa gửi');
  });

  it('shows submission progress with Có/Không/— and real dates', () => {
    expect(['D5', 'D6', 'D7'].map((r) => cell(S.progress, r)?.value)).toEqual(['Có', 'Có', 'Không']);
    expect(['H5', 'H6', 'H7'].map((r) => cell(S.progress, r)?.value)).toEqual(['Có', 'Không', '—']);
    expect(cell(S.progress, 'E5')?.value).toBe(44365); // 18/6/2021
    expect(cell(S.progress, 'G5')?.value).toBe(44367); // deadline 20/6/2021
  });

  it('totals the theme × form matrix with SUM formulas', () => {
    expect(cell(S.activities, 'F5')).toMatchObject({ formula: 'SUM(C5:E5)', value: 3 });
    expect(cell(S.activities, 'C8')).toMatchObject({ formula: 'SUM(C5:C7)', value: 3 });
    expect(cell(S.activities, 'F8')).toMatchObject({ formula: 'SUM(F5:F7)', value: 7 });
  });

  it('gives the activity totals by form and sub-form, theme and unit under the matrix', () => {
    const row = (r: number) => ['A', 'B', 'C', 'D', 'E'].map((c) => cell(S.activities, `${c}${r}`)?.value ?? null);
    expect(row(10)[0]).toBe('SỐ HOẠT ĐỘNG, SỐ LƯỢNG VÀ SỐ NGƯỜI THAM DỰ THEO HÌNH THỨC');
    expect(row(11)).toEqual(['Mã', 'Hình thức', 'Số hoạt động', 'Số lượng', 'Số người tham dự']);
    expect(row(12)).toEqual(['HT1', 'Thông qua ấn phẩm, truyền thanh, cổng thông tin', 3, 14, 0]);
    expect(row(13)).toEqual(['HT1.3', '   Cổng/Trang thông tin điện tử', 2, 12, 0]);
    expect(row(19)[0]).toBe('SỐ HOẠT ĐỘNG, SỐ LƯỢNG VÀ SỐ NGƯỜI THAM DỰ THEO NỘI DUNG');
    expect(row(25)).toEqual(['ND3.6', '   Hiện đại hóa hành chính, Chính quyền điện tử', 2, 501, 0]);
    expect(row(29)[0]).toBe('SỐ HOẠT ĐỘNG, SỐ LƯỢNG VÀ SỐ NGƯỜI THAM DỰ THEO ĐƠN VỊ');
    expect(row(31)).toEqual(['18070', 'Phường Trần Phú', 5, 510, 1190]);
    expect(row(33)).toEqual(['18103', 'Xã Đồng Môn', 0, 0, 0]);
    expect(row(34)).toEqual(['Tổng cộng', null, 7, 523, 1250]);
  });

  it('lists every finding with its severity in Vietnamese', () => {
    const rows = [5, 6, 7].map((r) => ['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'].map((c) => cell(S.findings, `${c}${r}`)?.value ?? null));
    expect(rows[0]).toEqual([
      'Lỗi',
      'Phường Nam Hà (18073)',
      '18073-2021-H1.xlsx',
      'Báo cáo',
      'F17',
      'Tử số (12) lớn hơn mẫu số (10).',
      'Numerator (12) exceeds denominator (10).',
      'numerator-exceeds-denominator',
    ]);
    expect(rows.map((r) => r[0])).toEqual(['Lỗi', 'Cảnh báo', 'Lưu ý']);
    expect(cell(S.findings, 'A8')).toBeUndefined();
  });

  it('prints on A4 landscape at a readable scale, with repeated header rows', () => {
    // the cover is an A4 portrait document (write-cover.test.ts); the tables are landscape, fitted
    // to the page width, except the matrix, too wide for it: 70 % across pages, columns A:C repeated
    for (const sheet of book.sheets.filter((s) => s.name !== 'Báo cáo tóm tắt')) {
      if (sheet.name === S.matrix) {
        expect(sheet.xml, sheet.name).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"[^>]*scale="70"/);
        expect(sheet.xml).not.toContain('fitToPage="1"');
        continue;
      }
      expect(sheet.xml, sheet.name).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"[^>]*fitToWidth="1"/);
      expect(sheet.xml).toContain('<pageSetUpPr fitToPage="1"/>');
    }
    const titles = book.definedNames.filter((d) => d.name === '_xlnm.Print_Titles').map((d) => d.ref);
    expect(titles).toContain(`${M}!$A:$C,${M}!$4:$5`);
    expect(titles).toContain(`'Tổng hợp'!$4:$4`);
  });

  it('writes well-formed XML parts', () => {
    expect(wellFormed(book.parts)).toEqual([]);
  });

  it('gives byte-identical output for the same inputs', async () => {
    const again = await writeConsolidated(consolidation(), plan);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses a consolidation made against another plan', async () => {
    const other = consolidation();
    other.plan = { ...other.plan, id: 'another-plan' };
    await expect(writeConsolidated(other, plan)).rejects.toThrow(/another-plan/);
  });

  it('writes an empty consolidation without formulas over empty ranges', async () => {
    const empty = consolidation();
    empty.units = [];
    empty.findings = [];
    empty.activities = { themes: [], forms: [], counts: [] };
    const other = openXlsx(await writeConsolidated(empty, plan));
    for (const sheet of other.sheets) for (const c of sheet.cells.values()) expect(c.formula ?? '', `${sheet.name}!${c.ref}`).not.toMatch(/\$6:\$[A-Z]+\$5|RANK/);
  });
});
