/**
 * The cover and summary sheet (Decree 30/2020/NĐ-CP layout), the year-on-year sheet, print setup
 * and the unit order of the consolidated workbook.
 */
import { describe, expect, it } from 'vitest';
import { compareConsolidations, hatinh2021, parsePreviousConsolidation, type Comparison } from '@cchc-kpi/core';
import { CONSOLIDATED_EXTRA_SHEETS, CONSOLIDATED_SHEETS, writeConsolidated } from '../src/write/consolidated.ts';
import { numberLine, placeAndDate, reportHeading } from '../src/write/index.ts';
import { COLOR, COVER_OVERVIEW_NOTE } from '@cchc-kpi/core';
import { consolidation, plan } from './write-fixtures.ts';
import { fillColor, openXlsx, wellFormed } from './write-ooxml.ts';

const S = CONSOLIDATED_SHEETS;
const C = CONSOLIDATED_EXTRA_SHEETS;
const heading = { parentBody: 'UBND THÀNH PHỐ HÀ TĨNH', issuingBody: 'VĂN PHÒNG HĐND VÀ UBND', place: 'Hà Tĩnh', symbol: 'BC-UBND' };

/** An earlier consolidation (2020-H1) as `consolidate --json` writes it, reduced to what is read. */
function previousJson(): string {
  return JSON.stringify({
    plan: { id: plan.id },
    period: { code: '2020-H1', kind: 'half', year: 2020, index: 1 },
    units: [
      { code: '18070', name: 'Trần Phú', submitted: true, score: 80, rank: 2, indicators: { CT3a: { numerator: 90, denominator: 100 } } },
      { code: '18073', name: 'Nam Hà', submitted: true, score: 85.5, rank: 1, indicators: {} },
    ],
    totals: {
      indicators: {
        CT1: { numerator: 1, denominator: 2, value: null, ratio: 0.5, unitsCounted: 2, unitsMet: 1 },
        CT3a: { numerator: 180, denominator: 200, value: null, ratio: 0.9, unitsCounted: 2, unitsMet: 0 },
        CT5a: { numerator: null, denominator: null, value: 1, ratio: null, unitsCounted: 2, unitsMet: 1 },
      },
      expected: 3,
      received: 3,
      onTime: 2,
      completeness: 1,
      timeliness: 2 / 3,
    },
  });
}

function comparison(): Comparison {
  const previous = parsePreviousConsolidation(previousJson(), 'tong-hop-2020-H1.json');
  if (!previous.ok) throw new Error('fixture');
  return compareConsolidations(consolidation(), plan, previous.value);
}

describe('the Decree 30/2020/NĐ-CP lines', () => {
  it('writes the place-and-date line with leading zeros for days below 10 and months 1–2 only', () => {
    expect(placeAndDate('Hà Tĩnh', '2021-02-05')).toBe('Hà Tĩnh, ngày 05 tháng 02 năm 2021');
    expect(placeAndDate('Hà Tĩnh', '2021-01-31')).toBe('Hà Tĩnh, ngày 31 tháng 01 năm 2021');
    expect(placeAndDate('Hà Tĩnh', '2021-03-15')).toBe('Hà Tĩnh, ngày 15 tháng 3 năm 2021');
    expect(placeAndDate('Hà Tĩnh', '2021-12-09')).toBe('Hà Tĩnh, ngày 09 tháng 12 năm 2021');
    expect(placeAndDate('', '2021-06-20')).toBe('Ngày 20 tháng 6 năm 2021');
    expect(() => placeAndDate('Hà Tĩnh', '2021-02-30')).toThrow(RangeError);
  });

  it('leaves room for the number by hand, or prints the number given', () => {
    expect(numberLine('', 'BC-UBND')).toBe('Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND');
    expect(numberLine('12', 'BC-UBND')).toBe('Số: 12/BC-UBND');
    expect(numberLine('7', 'BC-UBND')).toBe('Số: 07/BC-UBND');
    expect(numberLine(' 07 ', 'BC-UBND')).toBe('Số: 07/BC-UBND');
    expect(numberLine('123', 'BC-UBND')).toBe('Số: 123/BC-UBND');
  });

  it('takes the heading from the plan data (hatinh-2021) and lets options override it', () => {
    // the People's Committee issues its report (BC-UBND), signed TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH
    expect(reportHeading(hatinh2021)).toMatchObject({
      parentBody: '',
      issuingBody: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ TĨNH',
      place: 'Hà Tĩnh',
      symbol: 'BC-UBND',
      signer: { onBehalf: 'TM. ỦY BAN NHÂN DÂN', authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: '' },
    });
    expect(reportHeading(hatinh2021).recipients.at(-1)).toBe('Lưu: VT, NV.');
    expect(reportHeading(hatinh2021, { symbol: 'BC-VP' }).symbol).toBe('BC-VP');
    // a plan without a report block: the issuer in capitals
    expect(reportHeading(plan)).toMatchObject({ parentBody: '', issuingBody: 'UBND THÀNH PHỐ HÀ TĨNH', place: '' });
  });
});

describe('the cover sheet', async () => {
  const result = consolidation();
  const bytes = await writeConsolidated(result, plan, { reportDate: '2021-02-05', reportNumber: '12', heading });
  const book = openXlsx(bytes);
  const cover = (ref: string) => book.cell(C.cover, ref);

  it('comes first, before the six tables', () => {
    expect(book.sheets.map((s) => s.name)).toEqual([C.cover, ...Object.values(S)]);
  });

  it('has the issuing body, the national motto, the number and the place-and-date line', () => {
    expect(cover('A1')?.value).toBe('UBND THÀNH PHỐ HÀ TĨNH');
    expect(cover('A2')?.value).toBe('VĂN PHÒNG HĐND VÀ UBND');
    expect(cover('K1')?.value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(cover('K2')?.value).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(cover('A5')?.value).toBe('Số: 12/BC-UBND');
    expect(cover('K5')?.value).toBe('Hà Tĩnh, ngày 05 tháng 02 năm 2021');
    // an overview, which says so: the document signed is the Word report
    expect(cover('A7')?.value).toBe('BÁO CÁO TÓM TẮT');
    expect(cover('A11')?.value).toBe(COVER_OVERVIEW_NOTE);
    expect(cover('A8')?.value).toBe('Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính thành phố Hà Tĩnh năm 2021');
    expect(cover('A9')?.value).toBe('Kỳ báo cáo: 6 tháng đầu năm 2021');
    // the short rules: under the issuing body (D3:G3), under the motto (N3:U3), under the title (J10:O10)
    const xml = book.sheet(C.cover).xml;
    for (const range of ['D3:G3', 'N3:U3', 'J10:O10']) expect(xml).toContain(`<mergeCell ref="${range}"/>`);
  });

  it("heads the built-in plan's report as the People's Committee: two bold lines, no governing body, signed TM./KT.", async () => {
    const own = openXlsx(await writeConsolidated(result, plan, { reportDate: '2021-02-05', heading: reportHeading(hatinh2021) }));
    const at = (ref: string) => own.cell(C.cover, ref);
    expect([at('A1')?.value, at('A2')?.value, at('A5')?.value]).toEqual(['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HÀ TĨNH', 'Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND']);
    expect(['M49', 'M50', 'M51'].map((ref) => at(ref)?.value)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(at('A49')?.value).toBe('Nơi nhận:');
  });

  it('summarises submission with live references to the totals sheet', () => {
    const rows = [15, 16, 17, 18, 19].map((r) => [cover(`A${r}`)?.value, cover(`O${r}`)?.formula, cover(`O${r}`)?.value]);
    expect(rows).toEqual([
      ['Số đơn vị phải báo cáo', "'Tổng hợp'!F17", 3],
      ['Số đơn vị đã gửi báo cáo', "'Tổng hợp'!F18", 2],
      ['Tỷ lệ đơn vị đã gửi báo cáo', "'Tổng hợp'!F19", 2 / 3],
      ['Số đơn vị gửi đúng hạn', "'Tổng hợp'!F20", 1],
      ['Tỷ lệ gửi đúng hạn', "'Tổng hợp'!F21", 1 / 3],
    ]);
    expect(cover('A21')?.value).toBe('- Chưa gửi báo cáo: Xã Đồng Môn.');
    // the deadline is a convention of the plan data: said so
    expect(cover('A22')?.value).toBe('- Gửi sau hạn (hạn gửi báo cáo 20/06/2021 – quy ước, kế hoạch không quy định): Phường Nam Hà.');
  });

  it('gives each indicator the city result against its target, with a verdict formula', () => {
    const row = (r: number) => [cover(`C${r}`)?.value, cover(`Q${r}`)?.formula, cover(`Q${r}`)?.value, cover(`T${r}`)?.value, cover(`V${r}`)?.value];
    expect(row(26)).toEqual(['CT1', "'Tổng hợp'!H5", 1, '2/2', 'Đạt']);
    expect(row(27)).toEqual(['CT2a', "'Tổng hợp'!H6", '', '0/0', 'Chưa có số liệu']);
    expect(row(29)).toEqual(['CT3a', "'Tổng hợp'!H8", 200 / 205, '1/2', 'Chưa đạt']);
    expect(row(33)).toEqual(['CT5a', "'Tổng hợp'!F12", 3, '1/2', 'Chưa đạt']);
    expect(row(34)).toEqual(['CT5b', "'Tổng hợp'!H13", 0.5, '1/2', 'Chưa đạt']);
    expect(cover('V26')?.formula).toBe('IF(ISNUMBER(Q26),IF(Q26>=1,"Đạt","Chưa đạt"),"Chưa có số liệu")');
    expect(cover('T26')?.formula).toBe(`'Tổng hợp'!J5&"/"&'Tổng hợp'!I5`);
    expect(fillColor(book, cover('V26'))).toBe(COLOR.met);
    expect(fillColor(book, cover('V29'))).toBe(COLOR.notMet);
    expect(cover('A36')?.value).toBe('- Chỉ tiêu chưa đạt ở cấp thành phố: CT2b (50%); CT3a (97,56%); CT5a; CT5b (50%).');
  });

  it('lists the leading units from the ranking sheet and the findings', () => {
    // the bands' line, then a line on the scoring's basis, then the leading units (one row lower than before the basis line)
    expect([42, 43].map((r) => ['A', 'D', 'N', 'R'].map((c) => [cover(`${c}${r}`)?.formula, cover(`${c}${r}`)?.value]))).toEqual([
      [["'Xếp hạng'!D5", 1], ["'Xếp hạng'!B5", 'Phường Nam Hà'], ["'Xếp hạng'!C5", 91.25], ["'Xếp hạng'!E5", 'Xuất sắc']],
      [["'Xếp hạng'!D6", 2], ["'Xếp hạng'!B6", 'Phường Trần Phú'], ["'Xếp hạng'!C6", 87.5], ["'Xếp hạng'!E6", 'Tốt']],
    ]);
    expect(cover('A38')?.value).toBe(
      '- Xếp loại (số đơn vị): Xuất sắc: 1; Tốt: 1; Khá: 0; Chưa đạt: 0; chưa chấm điểm (chưa gửi báo cáo): 1. Ngưỡng xếp loại: Xuất sắc từ 90, Tốt từ 80, Khá từ 70, Chưa đạt từ 0 (quy ước; kế hoạch không quy định).',
    );
    expect(cover('A39')?.value).toBe(
      'Thang điểm chung (100 điểm) – quy ước, kế hoạch không quy định cách chấm điểm: Chỉ tiêu (70 điểm), Nội dung (10 điểm), Hình thức (10 điểm), Đúng hạn (10 điểm), trọng số các chỉ tiêu, ngưỡng xếp loại.',
    );
    expect(cover('A46')?.value).toBe(
      '- Kiểm tra các báo cáo phát hiện 1 lỗi, 1 cảnh báo, 1 lưu ý; đơn vị có lỗi: Phường Nam Hà (1 lỗi). Số liệu có lỗi không được tính vào tổng hợp; chi tiết từng ô tại trang Kết quả kiểm tra.',
    );
    expect(cover('A49')?.value).toBe('Nơi nhận:');
    expect(cover('M49')?.value).toBe('THỦ TRƯỞNG CƠ QUAN');
  });

  it('prints the cover A4 portrait and every table A4 landscape at a readable scale, header rows repeated', () => {
    const coverXml = book.sheet(C.cover).xml;
    expect(coverXml).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="portrait"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
    expect(coverXml).toContain('<headerFooter differentFirst="1">'); // page number from the second page, top centre
    for (const name of Object.values(S)) {
      // the matrix prints at 70 % across pages (write-consolidated.test.ts); "Tổng hợp" on one page when readable
      const fit = name === S.matrix ? 'scale="70"' : name === S.totals ? 'fitToWidth="1"[^>]*fitToHeight="[01]"' : 'fitToWidth="1"[^>]*fitToHeight="0"';
      expect(book.sheet(name).xml, name).toMatch(new RegExp(`<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"[^>]*${fit}`));
    }
    const titles = book.definedNames.filter((d) => d.name === '_xlnm.Print_Titles').map((d) => d.ref);
    expect(titles).toEqual(expect.arrayContaining([`'Tổng hợp'!$4:$4`, `'Đơn vị × chỉ tiêu'!$A:$C,'Đơn vị × chỉ tiêu'!$4:$5`, `'Xếp hạng'!$4:$4`, `'Kết quả kiểm tra'!$4:$4`]));
  });

  it('can be left out', async () => {
    const without = openXlsx(await writeConsolidated(result, plan, { cover: false }));
    expect(without.sheets.map((s) => s.name)).toEqual(Object.values(S));
  });

  it('gives byte-identical output for the same inputs and well-formed XML', async () => {
    const again = await writeConsolidated(consolidation(), plan, { reportDate: '2021-02-05', reportNumber: '12', heading });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect(wellFormed(book.parts)).toEqual([]);
  });
});

describe('unit order', () => {
  it('lists units in official order by default and by Vietnamese name with sort "name"', async () => {
    const official = openXlsx(await writeConsolidated(consolidation(), plan));
    const byName = openXlsx(await writeConsolidated(consolidation(), plan, { sort: 'name' }));
    const codes = (book: ReturnType<typeof openXlsx>, sheet: string, col: string, first: number) => [0, 1, 2].map((i) => book.cell(sheet, `${col}${first + i}`)?.value);
    expect(codes(official, S.matrix, 'B', 6)).toEqual(['18070', '18073', '18103']);
    expect(codes(official, S.progress, 'C', 5)).toEqual(['Phường Trần Phú', 'Phường Nam Hà', 'Xã Đồng Môn']);
    // Đồng Môn < Nam Hà < Trần Phú (Đ sorts after D, before N)
    expect(codes(byName, S.matrix, 'B', 6)).toEqual(['18103', '18073', '18070']);
    expect(codes(byName, S.progress, 'C', 5)).toEqual(['Xã Đồng Môn', 'Phường Nam Hà', 'Phường Trần Phú']);
    // the totals do not depend on the order
    expect(byName.cell(S.totals, 'F8')?.value).toBe(200);
    // findings follow the units' order: Đồng Môn's before Nam Hà's (whose order is kept)
    expect([5, 6, 7].map((r) => byName.cell(S.findings, `C${r}`)?.value)).toEqual(['Xã Đồng Môn (18103)', 'Phường Nam Hà (18073)', 'Phường Nam Hà (18073)']);
    expect([5, 6, 7].map((r) => byName.cell(S.findings, `B${r}`)?.value)).toEqual(['Cảnh báo', 'Lỗi', 'Lưu ý']);
  });
});

describe('the year-on-year sheet', async () => {
  const cmp = comparison();
  const book = openXlsx(await writeConsolidated(consolidation(), plan, { comparison: cmp, reportDate: '2021-07-05' }));
  const cell = (ref: string) => book.cell(C.comparison, ref);

  it('comes last, after the six tables', () => {
    expect(book.sheets.map((s) => s.name)).toEqual([C.cover, ...Object.values(S), C.comparison]);
  });

  it('puts this period (live references) beside the earlier one, with change formulas', () => {
    // CT1 (row 5): ratio 1 now, 0.5 before → +0.5; Σ numerators 2 vs 1; Σ denominators 2 vs 2
    expect(['D5', 'E5', 'F5', 'G5', 'H5', 'I5', 'J5', 'K5', 'L5'].map((r) => cell(r)?.value)).toEqual([1, 0.5, 0.5, 2, 1, 1, 2, 2, 0]);
    expect(cell('D5')?.formula).toBe("'Tổng hợp'!H5");
    expect(cell('F5')?.formula).toBe('IF(AND(ISNUMBER(D5),ISNUMBER(E5)),D5-E5,"")');
    // CT3a (row 8): 200/205 now, 0.9 before
    expect(cell('D8')?.value).toBe(200 / 205);
    expect(cell('F8')?.value).toBe(200 / 205 - 0.9);
    expect([cell('G8')?.value, cell('H8')?.value, cell('I8')?.value]).toEqual([200, 180, 20]);
    // CT5a (row 12) is a count: value 3 now, 1 before; no ratio columns
    expect([cell('D12')?.value ?? null, cell('G12')?.value, cell('H12')?.value, cell('I12')?.value]).toEqual([null, 3, 1, 2]);
    // CT2a (row 6): nothing either side
    expect([cell('D6')?.value, cell('E6')?.value ?? null, cell('F6')?.value]).toEqual(['', null, '']);
    expect(fillColor(book, cell('F5'))).toBe(COLOR.met);
  });

  it('compares the units’ scores and ranks (rank change positive = moved up)', () => {
    // units table: title on row 15, header 16, units from 17 in official order
    expect(cell('A15')?.value).toBe('ĐIỂM VÀ THỨ HẠNG CỦA CÁC ĐƠN VỊ');
    const rows = [17, 18, 19].map((r) => ['B', 'D', 'E', 'F', 'G', 'H', 'I'].map((c) => cell(`${c}${r}`)?.value ?? null));
    expect(rows).toEqual([
      ['18070', 87.5, 80, 7.5, 2, 2, 0],
      ['18073', 91.25, 85.5, 5.75, 1, 1, 0],
      ['18103', null, null, '', null, null, ''],
    ]);
    expect(cell('F17')?.formula).toBe('IF(AND(ISNUMBER(D17),ISNUMBER(E17)),D17-E17,"")');
    expect(cell('I17')?.formula).toBe('IF(AND(ISNUMBER(H17),ISNUMBER(G17)),H17-G17,"")');
  });

  it('adds the comparison to the cover', () => {
    const cover = book.sheet(C.cover);
    const texts = [...cover.cells.values()].map((c) => c.value).filter((v): v is string => typeof v === 'string');
    expect(texts).toContain('- So với kỳ 2020-H1: CT1 tăng 50 điểm %; CT3a tăng 7,56 điểm % (chi tiết tại trang So sánh cùng kỳ).');
    expect(texts).toContain('- So với kỳ 2020-H1: tăng điểm nhiều nhất Phường Trần Phú (+7,5 điểm); không đơn vị nào giảm điểm.');
    expect(book.cell(C.cover, 'A14')?.value).toBe('Nội dung');
    expect(['M14', 'Q14', 'U14'].map((r) => book.cell(C.cover, r)?.value)).toEqual(['Kỳ này', 'Kỳ 2020-H1', 'Thay đổi']);
  });
});
