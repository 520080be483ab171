/**
 * The layout reader's parts, table-driven: headings → roles, wordings → indicators (with
 * confidence), the formula subset, period and unit detection from texts.
 */
import { describe, expect, it } from 'vitest';
import { parseA1, type CellAddress, type RangeAddress } from '../src/grid/a1.ts';
import { hatinh2021 } from '../src/plan/builtin.ts';
import { choosePeriod, scanPeriods } from '../src/read/layout/detect-period.ts';
import { detectUnit } from '../src/read/layout/detect-unit.ts';
import { detectSigningDate } from '../src/read/layout/detect-date.ts';
import { evaluateFormula } from '../src/read/layout/formula.ts';
import { MATCH_THRESHOLD, codeInText, createIndicatorMatcher } from '../src/read/layout/match.ts';
import { columnRole, labelMeaning } from '../src/read/layout/roles.ts';
import type { TextSource } from '../src/read/layout/text-source.ts';
import { hatinhCity2020 } from '../src/units/hatinh-2021.ts';

describe('headings → roles', () => {
  it.each([
    ['STT', 'order'],
    ['TT', 'order'],
    ['Mã chỉ tiêu', 'code'],
    ['Nội dung', 'text'],
    ['NỘI DUNG CHỈ TIÊU', 'text'],
    ['Tên chỉ tiêu', 'text'],
    ['Đơn vị tính', 'unitOfMeasure'],
    ['ĐVT', 'unitOfMeasure'],
    ['Chỉ tiêu/Kế hoạch', 'plan'],
    ['Kế hoạch năm', 'plan'],
    ['Chỉ tiêu (%)', 'target'],
    ['Kết quả thực hiện', 'achieved'],
    ['Thực hiện', 'achieved'],
    ['Đạt', 'achieved'],
    ['Tổng số', 'total'],
    ['Tổng', 'total'],
    ['Số phải thực hiện', 'total'],
    ['Số hồ sơ tiếp nhận', 'total'],
    ['Tổng số đã thực hiện', 'achieved'],
    ['Tỷ lệ (%)', 'percent'],
    ['Ti le', 'percent'],
    ['TL %', 'percent'],
    ['Cùng kỳ năm trước', 'previous'],
    ['Ghi chú', 'note'],
    ['Tài liệu kiểm chứng', 'evidence'],
    ['Đơn vị thực hiện', 'other'],
    ['Tự đánh giá', 'other'],
    ['Số lượng', 'generic'],
    ['Xyz', null],
  ])('%s → %s', (label, meaning) => expect(labelMeaning(label)).toBe(meaning));

  it.each([
    ['Kết quả thực hiện', 'Tỷ lệ (%)', 'percent'],
    ['Kết quả thực hiện', 'Số lượng', 'achieved'],
    ['Kết quả thực hiện', 'Tổng số', 'total'],
    ['Chỉ tiêu/Kế hoạch', 'Số lượng', 'planned'],
    ['Chỉ tiêu/Kế hoạch', 'Tỷ lệ', 'target'],
    ['Kế hoạch', 'Năm 2021', 'plan'],
    ['Số lượng', undefined, 'achieved'],
  ])('%s / %s → %s', (top, sub, role) => expect(columnRole(top, sub)).toBe(role));
});

describe('wordings → indicators', () => {
  const matcher = createIndicatorMatcher(hatinh2021);
  it.each([
    ['Tỷ lệ Trang thông tin điện tử của phường có chuyên mục CCHC', 'CT1'],
    ['Cổng/Trang TTĐT có chuyên mục cải cách hành chính, cập nhật thường xuyên', 'CT1'],
    ['Đài truyền thanh phường phát chuyên mục CCHC định kỳ', 'CT2b'],
    ['Trung tâm VH-TT tăng thời lượng tin bài về CCHC', 'CT2a'],
    ['Số hồ sơ được công khai tình trạng giải quyết/Tổng số hồ sơ tiếp nhận', 'CT3a'],
    ['Cập nhật, công khai tình trạng giải quyết hồ sơ trên phần mềm một cửa điện tử', 'CT3a'],
    ['Đăng tải công khai bộ thủ tục hành chính trên Trang thông tin điện tử', 'CT3b'],
    ['TTHC được niêm yết công khai tại Bộ phận TN&TKQ', 'CT4a'],
    ['Tủ sách pháp luật, tài liệu CCHC tại Bưu điện văn hoá xã', 'CT4b'],
    ['Tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến mức độ 3, 4', 'CT5a'],
    ['Hỗ trợ DN tiếp cận thông tin', 'CT5b'],
    ['HO TRO DOANH NGHIEP TIEP CAN THONG TIN', 'CT5b'],
    ['Số cuộc họp giao ban', null],
    ['Tổ chức hội nghị tập huấn nghiệp vụ', null],
    ['Số cán bộ, công chức được đào tạo, bồi dưỡng', null],
    ['Tỷ lệ hồ sơ giải quyết đúng hạn', null],
  ])('%s → %s', (text, code) => {
    const m = matcher.match(text);
    expect(m.indicator).toBe(code);
    if (code !== null) expect(m.confidence).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    else expect(m.confidence).toBeLessThan(MATCH_THRESHOLD);
  });

  it('matches a code column or a code opening the wording with confidence 1', () => {
    expect(matcher.match('Hồ sơ', 'ct3a')).toMatchObject({ indicator: 'CT3a', confidence: 1, via: 'code' });
    expect(matcher.match('CT4b. Điểm bưu điện')).toMatchObject({ indicator: 'CT4b', via: 'code' });
    expect(codeInText('CT9 thứ khác', hatinh2021.indicators.map((i) => i.code))).toBeNull();
  });

  it('keeps candidates in order and flags near ties as ambiguous', () => {
    // One row for two indicators (portal section and radio segment): too close to choose.
    const m = matcher.match('Trang TTĐT và trạm truyền thanh có chuyên mục CCHC');
    expect(m.candidates.map((c) => c.code).slice(0, 2)).toEqual(['CT1', 'CT2b']);
    expect(m.ambiguous).toBe(true);
    expect(m.indicator).toBeNull();
  });
});

describe('formulas', () => {
  const values: Record<string, number | null | undefined> = { C3: 40, D3: 38, C4: 20, C5: 20, E1: null, F1: undefined };
  const sheet = {
    numberAt: (at: CellAddress) => {
      for (const [ref, v] of Object.entries(values)) {
        const a = parseA1(ref);
        if (a && a.row === at.row && a.col === at.col) return v;
      }
      return null;
    },
    sumRange: (range: RangeAddress) => {
      let total = 0;
      for (const [ref, v] of Object.entries(values)) {
        const a = parseA1(ref);
        if (a && typeof v === 'number' && a.row >= range.start.row && a.row <= range.end.row && a.col >= range.start.col && a.col <= range.end.col) total += v;
      }
      return total;
    },
  };
  it.each([
    ['D3/C3', 0.95],
    ['=D3/C3*100', 95],
    ['SUM(C4:C5)+$C$3', 80],
    ['SUM(C3,C4;C5)', 80],
    ['(C4+C5)/2-1', 19],
    ['-C4%', -0.2],
    ['E1+1', 1],
    ['2^3', null],
    ['F1+1', null],
    ['C3/E1', null],
    ['VLOOKUP(A1,B:C,2)', null],
    ["'Sheet 2'!A1", null],
    ['SUM(C3', null],
  ])('%s → %s', (formula, expected) => expect(evaluateFormula(formula, sheet)).toBe(expected));
});

describe('period and unit from texts', () => {
  const src = (text: string, via: TextSource['via'] = 'title'): TextSource => ({ text, via, ...(via === 'title' ? { cell: 'A1' } : {}) });
  it.each([
    [['6 tháng đầu năm 2021'], '2021-H1'],
    [['SÁU THÁNG CUỐI NĂM 2021'], '2021-H2'],
    [['Quý III năm 2021'], '2021-Q3'],
    [['quý 4/2021'], '2021-Q4'],
    [['Báo cáo năm 2021'], '2021'],
    [['Số liệu tính từ ngày 15/12/2020 đến ngày 14/3/2021'], '2021-Q1'],
    [['từ ngày 01/01/2021 đến ngày 30/06/2021'], '2021-H1'],
    [['Từ ngày 15 tháng 12 năm 2020 đến ngày 14 tháng 12 năm 2021'], '2021'],
    [['Kế hoạch số 163/KH-UBND ngày 28/12/2020', 'Báo cáo 6 tháng đầu năm 2021'], '2021-H1'],
    [['Hà Tĩnh, ngày 20 tháng 6 năm 2021'], null],
  ])('%j → %s', (texts, code) => expect(choosePeriod(scanPeriods(texts.map((t) => src(t))), 2021).code).toBe(code));

  it.each([
    ['2021-H1', '2021-H1'],
    ['bao-cao_H2_2021', '2021-H2'],
    ['18070_2021Q3', '2021-Q3'],
    ['BC 6T2021', '2021-H1'],
  ])('file name %s → %s', (name, code) => expect(choosePeriod(scanPeriods([src(name, 'fileName')]), 2021).code).toBe(code));

  it('reports a range that is no window, and two periods in one text', () => {
    const scan = scanPeriods([src('từ 01/02/2021 đến 20/05/2021')]);
    expect(scan.unmatchedRanges).toEqual([{ start: '2021-02-01', end: '2021-05-20', source: src('từ 01/02/2021 đến 20/05/2021') }]);
    expect(choosePeriod(scanPeriods([src('Quý I và quý II năm 2021')]), 2021).ambiguous?.codes).toEqual(['2021-Q1', '2021-Q2']);
  });

  it.each([
    ['UBND PHƯỜNG BẮC HÀ', '18076'],
    ['UBND P. Bắc Hà', '18076'],
    ['ubnd phuong bac ha', '18076'],
    ['XÃ THẠCH HẠ', '18100'],
    ['UBND HUYỆN THẠCH HÀ', null],
    ['Thành phố Hà Tĩnh', null],
  ])('%s → unit %s', (text, code) => expect(detectUnit([src(text)], hatinhCity2020.units).unit?.code ?? null).toBe(code));

  it('reads the signing date only from a place-and-date line', () => {
    expect(detectSigningDate([src('Thực hiện Kế hoạch số 163/KH-UBND ngày 28 tháng 12 năm 2020'), src('Bắc Hà, ngày 20 tháng 6 năm 2021')])?.date).toBe('2021-06-20');
    expect(detectSigningDate([src('NGÀY 28 THÁNG 12 NĂM 2020')])?.date).toBe('2020-12-28');
    expect(detectSigningDate([src('Thực hiện Kế hoạch số 163/KH-UBND ngày 28 tháng 12 năm 2020')])).toBeNull();
  });
});
