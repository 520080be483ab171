/**
 * The layout reader on hand-built grids of the spreadsheets units really send (BRIEF §7): the
 * classic "STT | Nội dung | Đơn vị tính | Chỉ tiêu/Kế hoạch | Kết quả thực hiện | Tỷ lệ (%) | Ghi
 * chú" table, two-row merged headers, percentages only, TCVN3 and VNI text, numbers as text,
 * formulas, unit and period in titles, sheet and file names, mappings. Every expected figure is
 * the one typed into the grid.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/finding.ts';
import { formatA1 } from '../src/grid/a1.ts';
import type { Cell, Grid, Sheet, SheetState } from '../src/grid/grid.ts';
import { hatinh2021 } from '../src/plan/builtin.ts';
import { LAYOUT_CODES } from '../src/read/layout/codes.ts';
import { hasExternalReference } from '../src/read/external-reference.ts';
import { readLayoutReport, type ReadLayoutOptions, type LayoutReading } from '../src/read/layout/layout-report.ts';
import { mappingFromLayout, parseLayoutMapping, formatLayoutMapping, type LayoutMapping } from '../src/read/layout/mapping.ts';
import { FINDING_CODES } from '../src/validate/codes.ts';
import { hatinhCity2020 } from '../src/units/hatinh-2021.ts';
import { checkReport } from '../src/validate/check-report.ts';

type Spec = string | number | boolean | null | undefined | Cell;

/** A sheet from rows of cell specs (row 1 first); `font` is set on every text cell. */
function sheet(name: string, rows: Spec[][], options: { merges?: string[]; state?: SheetState; font?: string } = {}): Sheet {
  const cells = new Map<string, Cell>();
  let maxRow = 0;
  let maxCol = 0;
  rows.forEach((row, r) =>
    row.forEach((spec, c) => {
      if (spec === null || spec === undefined) return;
      const cell: Cell = typeof spec === 'object' ? spec : { value: spec };
      if (options.font !== undefined && typeof cell.value === 'string' && cell.font === undefined) cell.font = options.font;
      cells.set(formatA1({ row: r + 1, col: c + 1 }), cell);
      maxRow = Math.max(maxRow, r + 1);
      maxCol = Math.max(maxCol, c + 1);
    }),
  );
  return { name, state: options.state ?? 'visible', cells, merges: options.merges ?? [], maxRow, maxCol };
}

const grid = (...sheets: Sheet[]): Grid => ({ sheets, definedNames: [], date1904: false });
const units = hatinhCity2020.units;

function read(g: Grid, options: Partial<ReadLayoutOptions> = {}): LayoutReading & { findings: Finding[] } {
  const result = readLayoutReport(g, hatinh2021, { units, file: 'bao-cao.xlsx', ...options });
  if (!result.ok) throw new Error(`not read: ${result.findings.map((f) => f.message.en).join(' | ')}`);
  return { ...result.value, findings: result.findings };
}

/** Figures per indicator code: [numerator, denominator, value, typedPercent]. */
function figures(reading: LayoutReading): Record<string, [number | null, number | null, number | boolean | null, number | null]> {
  const out: Record<string, [number | null, number | null, number | boolean | null, number | null]> = {};
  for (const [code, v] of reading.report.indicators) out[code] = [v.numerator, v.denominator, v.value, v.typedPercent];
  return out;
}

const codes = (findings: Finding[]): string[] => findings.map((f) => f.code);
const find = (findings: Finding[], code: string): Finding | undefined => findings.find((f) => f.code === code);

const CLASSIC_HEADER = ['STT', 'Nội dung', 'Đơn vị tính', 'Chỉ tiêu/Kế hoạch', 'Kết quả thực hiện', 'Tỷ lệ (%)', 'Ghi chú'];

/** The classic layout: merged title rows, Roman sections, numbers as text, a total row, a signature block. */
function classic(): Grid {
  return grid(
    sheet(
      'Báo cáo',
      [
        ['UBND PHƯỜNG BẮC HÀ', null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
        [null, null, null, null, 'Bắc Hà, ngày 18 tháng 6 năm 2021'],
        ['BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH TUYÊN TRUYỀN CCHC 6 THÁNG ĐẦU NĂM 2021'],
        [],
        CLASSIC_HEADER,
        ['I', 'CÔNG TÁC TUYÊN TRUYỀN'],
        [1, 'Tỷ lệ Trang thông tin điện tử của phường có chuyên mục CCHC', 'trang', 1, 1, '100%'],
        [2, 'Trạm truyền thanh có chuyên mục tuyên truyền CCHC', 'trạm', 2, 1, 50],
        ['II', 'CÔNG KHAI THỦ TỤC HÀNH CHÍNH'],
        [3, 'Tỷ lệ hồ sơ TTHC được cập nhật, công khai tình trạng giải quyết', 'hồ sơ', '1.234', '1.200', '97,2%'],
        [4, 'Niêm yết, công khai thủ tục hành chính tại Bộ phận một cửa', 'TTHC', 112, 110, { value: 0.982, numFmt: '0.0%' }],
        [5, 'Số cuộc họp giao ban', 'cuộc', 4, 4],
        [null, 'Tổng cộng', null, 1350, 1316],
        [],
        [null, 'NGƯỜI LẬP BIỂU', null, null, 'TM. UBND PHƯỜNG'],
      ],
      { merges: ['A1:C1', 'A3:G3'] },
    ),
  );
}

describe('the classic table', () => {
  const reading = read(classic());

  it('finds the sheet, the header row and what each column holds', () => {
    expect(reading.layout.sheet).toBe('Báo cáo');
    expect(reading.layout.headerRows).toEqual([5]);
    expect(reading.layout.columns.map((c) => [c.letter, c.role])).toEqual([
      ['A', 'order'],
      ['B', 'text'],
      ['C', 'unitOfMeasure'],
      ['D', 'planned'],
      ['E', 'achieved'],
      ['F', 'percent'],
      ['G', 'note'],
    ]);
    expect(find(reading.findings, 'layout-plan-column')?.cell).toBe('D5');
  });

  it('reads the exact numerators, denominators and typed percentages ("1.234" → 1234, "97,2%" → 0.972)', () => {
    expect(figures(reading)).toEqual({
      CT1: [1, 1, null, 1],
      CT2b: [1, 2, null, 0.5],
      CT3a: [1200, 1234, null, 0.972],
      CT4a: [110, 112, null, 0.982],
    });
    expect(reading.report.indicators.get('CT3a')?.source).toEqual({
      numerator: { file: 'bao-cao.xlsx', sheet: 'Báo cáo', cell: 'E10' },
      denominator: { file: 'bao-cao.xlsx', sheet: 'Báo cáo', cell: 'D10' },
      typedPercent: { file: 'bao-cao.xlsx', sheet: 'Báo cáo', cell: 'F10' },
    });
  });

  it('classifies rows: sections and the total row skipped, the signature block ends the table', () => {
    expect(reading.layout.rows.map((r) => [r.row, r.kind, r.indicator])).toEqual([
      [6, 'section', null],
      [7, 'data', 'CT1'],
      [8, 'data', 'CT2b'],
      [9, 'section', null],
      [10, 'data', 'CT3a'],
      [11, 'data', 'CT4a'],
      [12, 'data', null],
      [13, 'total', null],
    ]);
    expect(reading.layout.rows.find((r) => r.row === 10)).toMatchObject({ via: 'text', confidence: 1 });
  });

  it('reports the unmatched row, never drops it silently, and the total row with figures', () => {
    const unmatched = find(reading.findings, 'layout-row-unmatched');
    expect(unmatched).toMatchObject({ severity: 'warning', file: 'bao-cao.xlsx', sheet: 'Báo cáo', cell: 'B12', unit: '18076' });
    expect(unmatched?.message.vi).toContain('Dòng 12 "Số cuộc họp giao ban" không khớp chỉ tiêu nào');
    expect(find(reading.findings, 'layout-section-figures')?.cell).toBe('B13');
  });

  it('reads unit, period and signing date from the title rows', () => {
    expect(reading.report).toMatchObject({ unitCode: '18076', periodCode: '2021-H1', submittedOn: '2021-06-18', planId: 'hatinh-2021' });
    expect(reading.layout.unit).toEqual({ code: '18076', via: 'title', text: 'UBND PHƯỜNG BẮC HÀ', cell: 'A1' });
    expect(reading.layout.period).toMatchObject({ code: '2021-H1', via: 'title', cell: 'A3' });
    expect(reading.layout.submittedOn).toEqual({ date: '2021-06-18', cell: 'E2' });
  });

  it('validates like a template report (blank is not zero for the indicators it lacks)', () => {
    const checked = checkReport(reading.report, { plan: hatinh2021, units });
    expect(checked.unit?.code).toBe('18076');
    expect(checked.period?.code).toBe('2021-H1');
    expect(checked.indicators['CT3a']).toMatchObject({ status: 'notMet', numerator: 1200, denominator: 1234 });
    expect(checked.indicators['CT1']).toMatchObject({ status: 'met' });
    expect(checked.indicators['CT3b']?.status).toBe('missing');
  });

  it('uses only catalogued finding codes, bilingual and with the file', () => {
    for (const f of reading.findings) {
      expect(f.code in LAYOUT_CODES || f.code in FINDING_CODES, f.code).toBe(true);
      expect(f.message.vi.length).toBeGreaterThan(10);
      expect(f.message.en.length).toBeGreaterThan(10);
      expect(f.file).toBe('bao-cao.xlsx');
    }
  });
});

describe('two-row merged header, numbering row, code column', () => {
  const g = grid(
    sheet(
      'Sheet1',
      [
        ['ỦY BAN NHÂN DÂN XÃ THẠCH HẠ'],
        ['BÁO CÁO CÔNG TÁC TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH QUÝ II NĂM 2021'],
        [],
        ['TT', 'Mã', 'Tên chỉ tiêu', 'Chỉ tiêu (%)', 'Kết quả thực hiện', null, null, 'Tài liệu kiểm chứng'],
        [null, null, null, null, 'Tổng số', 'Đạt', 'Tỷ lệ (%)'],
        ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)=(6)/(5)', '(8)'],
        ['A', null, 'CHỈ TIÊU VỀ CÔNG KHAI'],
        [1, 'CT3a', 'Hồ sơ giải quyết', '100%', 300, 285, 95, 'Phần mềm một cửa'],
        [2, 'CT4a', 'Thủ tục niêm yết', '100%', '1.021', '1.021', '100%'],
        [3, 'CT4b', 'Điểm bưu điện', '100%', 1, 0, 0],
      ],
      { merges: ['A4:A5', 'B4:B5', 'C4:C5', 'D4:D5', 'E4:G4', 'H4:H5'] },
    ),
  );
  const reading = read(g, { file: 'thach-ha-q2.xlsx' });

  it('joins the two header rows and gives sub-headings their meaning', () => {
    expect(reading.layout.headerRows).toEqual([4, 5]);
    expect(reading.layout.columns.map((c) => [c.letter, c.label, c.role])).toEqual([
      ['A', 'TT', 'order'],
      ['B', 'Mã', 'code'],
      ['C', 'Tên chỉ tiêu', 'text'],
      ['D', 'Chỉ tiêu (%)', 'target'],
      ['E', 'Kết quả thực hiện / Tổng số', 'total'],
      ['F', 'Kết quả thực hiện / Đạt', 'achieved'],
      ['G', 'Kết quả thực hiện / Tỷ lệ (%)', 'percent'],
      ['H', 'Tài liệu kiểm chứng', 'evidence'],
    ]);
  });

  it('matches by code, skips the numbering and lettered section rows, reads the figures', () => {
    expect(reading.layout.rows.map((r) => [r.row, r.kind, r.indicator, r.via])).toEqual([
      [6, 'numbering', null, null],
      [7, 'section', null, null],
      [8, 'data', 'CT3a', 'code'],
      [9, 'data', 'CT4a', 'code'],
      [10, 'data', 'CT4b', 'code'],
    ]);
    expect(figures(reading)).toEqual({
      CT3a: [285, 300, null, 0.95],
      CT4a: [1021, 1021, null, 1],
      CT4b: [0, 1, null, 0],
    });
    expect(reading.report.indicators.get('CT3a')?.evidence).toBe('Phần mềm một cửa');
    expect(reading.layout.rows.find((r) => r.row === 8)?.figures?.target).toBe(1);
  });

  it('reads the commune (not the district Thạch Hà) and the quarter', () => {
    expect(reading.report.unitCode).toBe('18100');
    expect(reading.report.periodCode).toBe('2021-Q2');
  });
});

describe('percentages typed without a % sign in a row whose unit of measure is "%"', () => {
  const g = grid(
    sheet('BC', [
      ['UBND XÃ THẠCH BÌNH'],
      ['Báo cáo 6 tháng đầu năm 2021'],
      ['STT', 'Nội dung', 'Đơn vị tính', 'Kế hoạch', 'Kết quả thực hiện', 'Ghi chú'],
      [1, 'Niêm yết, công khai TTHC', '%', 100, 95, ''],
      [2, 'Cập nhật, công khai tình trạng giải quyết hồ sơ', 'Hồ sơ', 300, 285, ''],
      [3, 'Trạm truyền thanh có chuyên mục CCHC', 'Tỷ lệ', 1, 0.9, ''],
    ]),
  );
  const reading = read(g);

  it('reads them as typed percentages (kept out of the city totals), counts elsewhere', () => {
    // Row 4: 95 of a "%" row is 95%, not 95 procedures of 100; row 6: 0.9 is 90%, not an error.
    expect(figures(reading)).toEqual({ CT4a: [null, null, null, 0.95], CT3a: [285, 300, null, null], CT2b: [null, null, null, 0.9] });
    expect(reading.findings.filter((f) => f.code === 'layout-percent-only').map((f) => f.indicator)).toEqual(['CT2b', 'CT4a']);
    expect(reading.findings.filter((f) => f.code === 'count-not-integer' || f.code === 'value-not-a-number')).toEqual([]);
  });
});

describe('percentages only', () => {
  const g = grid(
    sheet('BC', [
      ['UBND PHƯỜNG TRẦN PHÚ'],
      ['Báo cáo năm 2021'],
      ['STT', 'Nội dung', 'Chỉ tiêu', 'Kết quả'],
      [1, 'Tỷ lệ hồ sơ TTHC được công khai tình trạng giải quyết', '100%', '95%'],
      [2, 'Tỷ lệ TTHC được niêm yết, công khai đúng quy định', { value: 1, numFmt: '0%' }, { value: 0.9, numFmt: '0%' }],
    ]),
  );
  const reading = read(g);

  it('gives typedPercent with numerator and denominator null, and warns the city totals cannot include it', () => {
    expect(figures(reading)).toEqual({ CT3a: [null, null, null, 0.95], CT4a: [null, null, null, 0.9] });
    const warnings = reading.findings.filter((f) => f.code === 'layout-percent-only');
    expect(warnings.map((f) => [f.severity, f.cell, f.indicator])).toEqual([
      ['warning', 'D4', 'CT3a'],
      ['warning', 'D5', 'CT4a'],
    ]);
    expect(warnings[0]?.message.vi).toContain('không tính được');
  });

  it('reads "Chỉ tiêu" holding 100% as a target, and says so', () => {
    expect(reading.layout.columns.find((c) => c.letter === 'C')?.role).toBe('target');
    expect(find(reading.findings, 'layout-plan-column')?.message.vi).toContain('chỉ tiêu');
    expect(reading.report.periodCode).toBe('2021');
  });
});

describe('legacy text', () => {
  it('decodes TCVN3 by the .VnTime font (capitals from .VnTimeH) and matches the rows', () => {
    const tcvn = grid(
      sheet(
        'B¸o c¸o',
        [
          [{ value: 'ubnd x· th¹ch h¹', font: '.VnTimeH' }],
          ['B¸o c¸o 6 th¸ng ®Çu n¨m 2021'],
          ['STT', 'Néi dung', '§¬n vÞ tÝnh', 'KÕ ho¹ch', 'Thùc hiÖn', 'Tû lÖ (%)', 'Ghi chó'],
          [1, 'Tû lÖ hå s¬ TTHC ®­îc c«ng khai t×nh tr¹ng gi¶i quyÕt', 'hå s¬', 80, 80, 100],
          [2, '§iÓm B­u ®iÖn v¨n hãa x· cã tµi liÖu tuyªn truyÒn vÒ CCHC', '®iÓm', 1, 1, 100],
        ],
        { font: '.VnTime' },
      ),
    );
    const reading = read(tcvn);
    expect(reading.layout.columns.map((c) => c.label)).toEqual(['STT', 'Nội dung', 'Đơn vị tính', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ (%)', 'Ghi chú']);
    expect(reading.layout.rows.map((r) => [r.text, r.indicator, r.encoding])).toEqual([
      ['Tỷ lệ hồ sơ TTHC được công khai tình trạng giải quyết', 'CT3a', 'tcvn3'],
      ['Điểm Bưu điện văn hóa xã có tài liệu tuyên truyền về CCHC', 'CT4b', 'tcvn3'],
    ]);
    expect(figures(reading)).toEqual({ CT3a: [80, 80, null, 1], CT4b: [1, 1, null, 1] });
    expect(reading.layout.unit).toMatchObject({ code: '18100', text: 'UBND XÃ THẠCH HẠ' });
    expect(reading.report.periodCode).toBe('2021-H1');
    expect(find(reading.findings, 'layout-legacy-text')?.message.vi).toContain('TCVN3');
  });

  it('decodes VNI-Windows from the text itself when no font says so', () => {
    const vni = grid(
      sheet('Sheet1', [
        ['UBND PHÖÔØNG NAM HAØ'],
        ['Soá lieäu tính töø ngaøy 15/12/2020 ñeán ngaøy 14/6/2021'],
        ['STT', 'Noäi dung', 'Toång soá', 'Keát quaû', 'Tyû leä (%)'],
        [1, 'Traïm truyeàn thanh cô sôû coù chuyeân muïc CCHC', 3, 3, '100%'],
        [2, 'Hoã trôï doanh nghieäp tieáp caän thoâng tin', null, 'Coù'],
      ]),
    );
    const reading = read(vni);
    expect(reading.layout.rows.map((r) => [r.text, r.indicator, r.encoding])).toEqual([
      ['Trạm truyền thanh cơ sở có chuyên mục CCHC', 'CT2b', 'vni'],
      ['Hỗ trợ doanh nghiệp tiếp cận thông tin', 'CT5b', 'vni'],
    ]);
    expect(figures(reading)).toEqual({ CT2b: [3, 3, null, 1], CT5b: [null, null, true, null] });
    expect(reading.report.unitCode).toBe('18073');
    expect(reading.layout.period).toMatchObject({ code: '2021-H1', via: 'dateRange' });
  });

  it('treats NFD text, U+00D0 for Đ and old tone placement as the same wording', () => {
    const nfd = grid(
      sheet('S', [
        ['UBND PHƯỜNG ÐẠI NÀI'.normalize('NFD')],
        ['Quý 1/2021'],
        ['STT', 'Nội dung'.normalize('NFD'), 'Tổng số', 'Đạt'],
        [1, 'Điểm bưu điện văn hoà xã có tài liệu tuyên truyền CCHC'.normalize('NFD'), 2, 2],
      ]),
    );
    const reading = read(nfd);
    expect(reading.report.unitCode).toBe('18082');
    expect(figures(reading)).toEqual({ CT4b: [2, 2, null, null] });
    expect(reading.report.periodCode).toBe('2021-Q1');
  });
});

describe('formulas', () => {
  const g = grid(
    sheet('BC', [
      ['UBND PHƯỜNG TÂN GIANG - BÁO CÁO 6 THÁNG ĐẦU NĂM 2021'],
      ['STT', 'Nội dung', 'Số phải thực hiện', 'Đã thực hiện', 'Tỷ lệ'],
      [1, 'Hồ sơ TTHC được cập nhật, công khai tình trạng giải quyết', 40, 38, { value: null, formula: 'D3/C3' }],
      [2, 'Số liệu phụ, tháng 1', 20, 19],
      [3, 'Số liệu phụ, tháng 2', 20, 19],
      [4, 'TTHC được niêm yết công khai đúng quy định', { value: null, formula: 'SUM(C4:C5)+$C$3' }, { value: 65, formula: 'C6-10' }],
      [5, 'Trang TTĐT đăng tải bộ TTHC phục vụ DVC trực tuyến mức độ 2 trở lên', { value: null, formula: 'VLOOKUP(A1,B:C,2)' }, 1],
    ]),
  );
  const reading = read(g, { units });

  it('evaluates arithmetic and SUM without a cached result, flags a stale cached result, reports the rest', () => {
    expect(figures(reading)['CT3a']).toEqual([38, 40, null, 0.95]);
    expect(figures(reading)['CT4a']).toEqual([65, 80, null, null]);
    expect(figures(reading)['CT3b']).toEqual([1, null, null, null]);
    // In plan order: CT3a (row 3), CT3b (row 7), CT4a (row 6).
    expect(reading.findings.filter((f) => f.code.startsWith('formula')).map((f) => [f.code, f.cell])).toEqual([
      ['formula-evaluated', 'E3'],
      ['formula-not-computed', 'C7'],
      ['formula-evaluated', 'C6'],
      ['formula-stale', 'D6'],
    ]);
    expect(find(reading.findings, 'formula-stale')?.message.vi).toContain('kết quả lưu sẵn 65 khác với kết quả tính lại của công thức =C6-10 (70)');
  });
});

describe('figures taken from another workbook (issue 18)', () => {
  it('uses the cached result and warns, naming the cell and the formula', () => {
    const g = grid(
      sheet('BC', [
        ['UBND PHƯỜNG TÂN GIANG - BÁO CÁO 6 THÁNG ĐẦU NĂM 2021'],
        ['STT', 'Nội dung', 'Số phải thực hiện', 'Đã thực hiện'],
        [1, 'Hồ sơ TTHC được cập nhật, công khai tình trạng giải quyết', 40, { value: 38, formula: '[1]Sheet1!D3' }],
        [2, 'TTHC được niêm yết công khai đúng quy định', { value: null, formula: "'[2]Số liệu'!C4" }, 12],
      ]),
    );
    const reading = read(g, { units });
    expect(figures(reading)['CT3a']).toEqual([38, 40, null, null]);
    expect(reading.findings.filter((f) => f.code.startsWith('formula')).map((f) => [f.severity, f.code, f.cell, f.indicator])).toEqual([
      ['warning', 'formula-external-reference', 'D3', 'CT3a'],
      ['warning', 'formula-external-reference', 'C4', 'CT4a'],
      ['warning', 'formula-not-computed', 'C4', 'CT4a'],
    ]);
    expect(find(reading.findings, 'formula-external-reference')?.message.vi).toBe(
      'Ô D3 (CT3a, tử số): công thức =[1]Sheet1!D3 lấy số liệu từ một sổ tính khác; dùng kết quả lưu sẵn 38 như trên tệp, số này có thể đã cũ và không kiểm tra được. Hãy chép giá trị vào ô (Dán đặc biệt › Giá trị) rồi lưu lại.',
    );
  });

  it.each([
    ['[1]Sheet1!A1', true],
    ['SUM([1]Sheet1!A1:A9)+2', true],
    ["'[Book 2.xlsx]Trang 1'!$B$4", true],
    ["'C:\\x\\[Quý 1.xlsx]Biểu'!F12*100", true],
    ['[1]!TongSo', true],
    ['[Bao-cao.xlsx]BC!A1', true],
    ['SUM(C4:C5)', false],
    ['Bang1[Số lượng]', false],
    ['SUM(Bang1[[#This Row],[Cột 1]])+Sheet2!A1', false],
    ['"[1]Sheet1!A1"&A2', false],
    ['Sheet1!A1', false],
  ])('%s refers to another workbook: %s', (formula, external) => {
    expect(hasExternalReference(formula)).toBe(external);
  });
});

describe('unit and period from other places', () => {
  const table = (title: Spec[][] = []): Spec[][] => [...title, ['STT', 'Nội dung', 'Tổng số', 'Kết quả'], [1, 'Trạm truyền thanh cơ sở có chuyên mục CCHC', 1, 1]];

  it.each([
    ['UBND P. BẮC HÀ', '18076'],
    ['UBND PHUONG BAC HA', '18076'],
    ['Phường Hà Huy Tập', '18085'],
    ['ỦY BAN NHÂN DÂN XÃ ĐỒNG MÔN', '18103'],
  ])('title %s → unit %s', (title, code) => {
    expect(read(grid(sheet('S', table([[title], ['Năm 2021']])))).report.unitCode).toBe(code);
  });

  it('takes unit and period from the file name and the sheet name when the titles say nothing', () => {
    const r1 = read(grid(sheet('S', table())), { file: '18070-2021-Q2.xlsx' });
    expect(r1.layout.unit).toMatchObject({ code: '18070', via: 'fileName' });
    expect(r1.layout.period).toMatchObject({ code: '2021-Q2', via: 'fileName' });
    const r2 = read(grid(sheet('Thạch Linh 6 tháng đầu năm 2021', table())), { file: 'bc.xlsx' });
    expect(r2.layout.unit).toMatchObject({ code: '18094', via: 'sheetName' });
    expect(r2.layout.period).toMatchObject({ code: '2021-H1', via: 'sheetName' });
    const r3 = read(grid(sheet('S', table())), { file: 'BaoCao_ThachBinh.xlsx' });
    expect(r3.report.unitCode).toBe('18112');
  });

  it('matches a date range to its cut-off window, also split over cells with date cells', () => {
    const split = read(grid(sheet('S', table([['UBND XÃ THẠCH TRUNG'], ['Từ ngày', { value: 44545, numFmt: 'dd/mm/yyyy' }, 'đến ngày', { value: 44634, numFmt: 'dd/mm/yyyy' }]]))));
    expect(split.layout.period).toMatchObject({ code: '2022-Q1', via: 'dateRange' });
    const unmatched = read(grid(sheet('S', table([['UBND XÃ THẠCH TRUNG'], ['Số liệu từ ngày 01/02/2021 đến ngày 20/05/2021']]))));
    expect(unmatched.report.periodCode).toBeNull();
    expect(codes(unmatched.findings)).toEqual(expect.arrayContaining(['layout-period-range-unmatched', 'layout-period-not-found']));
  });

  it('never guesses: nothing found, several units, conflicts and overrides are findings', () => {
    const none = read(grid(sheet('S', table())), { file: 'x.xlsx' });
    expect(none.report.unitCode).toBeNull();
    expect(none.report.periodCode).toBeNull();
    expect(codes(none.findings)).toEqual(expect.arrayContaining(['layout-unit-not-found', 'layout-period-not-found']));
    const many = read(grid(sheet('S', table([['Phường Nam Hà và phường Bắc Hà'], ['6 tháng đầu năm 2021']]))));
    expect(many.report.unitCode).toBeNull();
    expect(find(many.findings, 'layout-unit-ambiguous')?.message.vi).toContain('Phường Nam Hà (18073), Phường Bắc Hà (18076)');
    const conflict = read(grid(sheet('S', table([['UBND PHƯỜNG BẮC HÀ'], ['6 tháng đầu năm 2021']]))), { file: '18070-2021-H2.xlsx' });
    expect(conflict.report).toMatchObject({ unitCode: '18076', periodCode: '2021-H1' });
    expect(codes(conflict.findings)).toEqual(expect.arrayContaining(['layout-unit-conflict', 'layout-period-conflict']));
    const override = read(grid(sheet('S', table([['UBND PHƯỜNG BẮC HÀ'], ['6 tháng đầu năm 2021']]))), { unitCode: '18070', periodCode: '2021-Q1' });
    expect(override.report).toMatchObject({ unitCode: '18070', periodCode: '2021-Q1' });
    expect(find(override.findings, 'layout-unit-override')?.message.vi).toContain('tệp ghi Phường Bắc Hà');
    const assumed = read(grid(sheet('S', table([['UBND PHƯỜNG BẮC HÀ']]))), { assumePeriod: '2021-H1' });
    expect(assumed.layout.period).toEqual({ code: '2021-H1', via: 'assumed' });
    expect(find(assumed.findings, 'layout-period-assumed')?.severity).toBe('warning');
  });

  it('takes the year of a half-year without one from elsewhere in the file, with a warning', () => {
    const r = read(grid(sheet('S', table([['UBND PHƯỜNG BẮC HÀ'], ['Báo cáo 6 tháng đầu năm'], ['Kế hoạch tuyên truyền năm 2022']]))));
    expect(r.report.periodCode).toBe('2022-H1');
    expect(find(r.findings, 'layout-period-year-assumed')?.severity).toBe('warning');
  });
});

describe('rows and sheets', () => {
  it('reads count and yes/no indicators, and refuses a percentage for them', () => {
    const r = read(
      grid(
        sheet('S', [
          ['UBND XÃ THẠCH BÌNH', '6 tháng đầu năm 2021'],
          ['STT', 'Nội dung', 'Kết quả'],
          [1, 'Số hoạt động tuyên truyền về dịch vụ công trực tuyến mức độ 3, mức độ 4', '12'],
          [2, 'Hỗ trợ doanh nghiệp tiếp cận tài liệu, thông tin', 'Đã thực hiện'],
          [3, 'Trạm truyền thanh cơ sở có chuyên mục CCHC', '100%'],
        ]),
      ),
    );
    expect(figures(r)).toEqual({ CT5a: [null, null, 12, null], CT5b: [null, null, true, null], CT2b: [null, null, null, 1] });
    const again = read(grid(sheet('S', [['UBND XÃ THẠCH BÌNH'], ['STT', 'Nội dung', 'Kết quả'], [1, 'Đẩy mạnh tuyên truyền dịch vụ công trực tuyến', '50%']])));
    expect(figures(again)).toEqual({ CT5a: [null, null, null, null] });
    expect(find(again.findings, 'layout-value-unreadable')?.cell).toBe('C3');
  });

  it('keeps the most confident of two rows for one indicator, with a warning; reports ambiguous text', () => {
    const r = read(
      grid(
        sheet('S', [
          ['UBND PHƯỜNG VĂN YÊN', 'Năm 2021'],
          ['STT', 'Nội dung', 'Tổng số', 'Đạt'],
          [1, 'Tỷ lệ hồ sơ TTHC được công khai tình trạng giải quyết', 10, 9],
          [2, 'Hồ sơ được cập nhật', 5, 5],
        ]),
      ),
    );
    expect(figures(r)).toEqual({ CT3a: [9, 10, null, null] });
    expect(find(r.findings, 'layout-indicator-duplicate')).toMatchObject({ severity: 'warning', indicator: 'CT3a' });
  });

  it('prefers a visible sheet, says when it had to use a hidden one, and fails clearly without a table', () => {
    const data = [['UBND PHƯỜNG NGUYỄN DU'], ['STT', 'Nội dung', 'Tổng số', 'Đạt'], [1, 'Trạm truyền thanh cơ sở có chuyên mục CCHC', 1, 1]];
    const both = read(grid(sheet('Ẩn', data, { state: 'hidden' }), sheet('Hiện', data), sheet('Ghi chú', [['Không có gì']])));
    expect(both.layout.sheet).toBe('Hiện');
    expect(both.layout.otherSheets.map((s) => [s.name, s.hasTable])).toEqual([
      ['Ghi chú', false],
      ['Ẩn', true],
    ]);
    const hidden = read(grid(sheet('Ghi chú', [['Không có gì']]), sheet('Ẩn', data, { state: 'hidden' })));
    expect(hidden.layout.sheet).toBe('Ẩn');
    expect(find(hidden.findings, 'layout-hidden-sheet')?.severity).toBe('warning');
    const none = readLayoutReport(grid(sheet('Sheet1', [['a', 'b'], [1, 2]])), hatinh2021, { units, file: 'x.xlsx' });
    expect(none.ok).toBe(false);
    expect(none.findings.map((f) => [f.code, f.severity, f.file])).toEqual([['layout-table-not-found', 'error', 'x.xlsx']]);
    expect(none.findings[0]?.message.vi).toContain('"Sheet1"');
  });

  it('counts a merged figure once, at its first row', () => {
    const r = read(
      grid(
        sheet(
          'S',
          [
            ['UBND PHƯỜNG NAM HÀ', 'Năm 2021'],
            ['STT', 'Nội dung', 'Tổng số', 'Đạt'],
            [1, 'Cổng/Trang TTĐT có chuyên mục CCHC', 2, 2],
            [2, 'Cổng/Trang TTĐT đăng tải bộ TTHC phục vụ DVC trực tuyến mức độ 2 trở lên', null, 1],
          ],
          { merges: ['C3:C4'] },
        ),
      ),
    );
    expect(figures(r)).toEqual({ CT1: [2, 2, null, null], CT3b: [1, null, null, null] });
    expect(find(r.findings, 'layout-merged-value')?.cell).toBe('C4');
  });
});

describe('mappings', () => {
  const odd = (): Grid =>
    grid(
      sheet('S', [
        ['UBND PHƯỜNG THẠCH QUÝ', '6 tháng đầu năm 2021'],
        ['STT', 'Nội dung', 'Tổng', 'Kết quả', 'Tỷ lệ'],
        [1, 'Kết quả xử lý', 50, 45, '90%'],
        [2, 'Giao ban', 4, 4],
      ]),
    );

  it('writes what was understood as an editable mapping, and reads a corrected one back', () => {
    const first = read(odd());
    expect(first.report.indicators.size).toBe(0);
    const mapping = mappingFromLayout(first.layout, hatinh2021, '18091');
    expect(mapping).toEqual({
      format: 'cchc-layout-mapping/1',
      unit: '18091',
      plan: 'hatinh-2021',
      sheet: 'S',
      headerRows: [2],
      columns: { A: 'order', B: 'text', C: 'total', D: 'achieved', E: 'percent' },
      rows: [
        { row: 3, text: 'Kết quả xử lý', indicator: null },
        { row: 4, text: 'Giao ban', indicator: null },
      ],
    });
    const edited = formatLayoutMapping({ ...mapping, rows: [{ row: 3, text: 'KẾT QUẢ XỬ LÝ', indicator: 'CT3a' }, { row: 4, text: 'Giao ban', indicator: null }] });
    const parsed = parseLayoutMapping(edited, '18091.json', hatinh2021);
    expect(parsed.ok).toBe(true);
    const second = read(odd(), { mapping: (parsed as { value: LayoutMapping }).value });
    expect(figures(second)).toEqual({ CT3a: [45, 50, null, 0.9] });
    expect(second.layout.rows.map((r) => [r.row, r.indicator, r.via])).toEqual([
      [3, 'CT3a', 'mapping'],
      [4, null, 'mapping'],
    ]);
    expect(codes(second.findings)).toEqual(expect.arrayContaining(['layout-mapping-used', 'layout-row-ignored']));
    expect(codes(second.findings)).not.toContain('layout-row-unmatched');
  });

  it('refuses a malformed mapping or one naming codes the plan lacks', () => {
    expect(parseLayoutMapping('{', 'a.json').findings.map((f) => f.code)).toEqual(['mapping-invalid']);
    const wrong = JSON.stringify({ format: 'cchc-layout-mapping/1', unit: '1', rows: [{ row: 3, text: 'x', indicator: 'CT9' }] });
    const result = parseLayoutMapping(wrong, 'b.json', hatinh2021);
    expect(result.ok).toBe(false);
    expect(result.findings[0]?.message.vi).toContain('CT9 (dòng 3)');
  });
});

describe('values typed every way', () => {
  const g = grid(
    sheet('S', [
      ['UBND PHƯỜNG TÂN GIANG'],
      ['BÁO CÁO NĂM 2021'],
      ['STT', 'Nội dung', 'Tổng số', 'Kết quả', 'Tỷ lệ (%)'],
      [1, 'Cổng/Trang TTĐT có chuyên mục CCHC', '1,234', '1 200', '1.234'],
      [2, 'Trạm truyền thanh cơ sở có chuyên mục CCHC', '10', '8', '85,5'],
      [3, 'Tỷ lệ hồ sơ TTHC được công khai tình trạng giải quyết', '1.234,5', 'abc', { value: '#DIV/0!', error: true }],
      [4, 'Điểm BĐVHX có tài liệu tuyên truyền về CCHC', 0, 0, null],
      [],
      [null, null, null, 'TÂN GIANG, NGÀY 05 THÁNG 01 NĂM 2022'],
    ]),
  );
  const reading = read(g);

  it('reads counts in either style, percentages as 85,5 → 0.855, and reports what it cannot read', () => {
    expect(figures(reading)).toEqual({
      CT1: [1200, 1234, null, null],
      CT2b: [8, 10, null, 0.855],
      CT3a: [null, 1234.5, null, null],
      CT4b: [0, 0, null, null],
    });
    expect(reading.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.cell])).toEqual([
      ['value-ambiguous', 'E4'],
      ['value-not-a-number', 'D6'],
    ]);
    expect(reading.report.submittedOn).toBe('2022-01-05');
  });

  it('lets validation compare the typed percentage and refuse a half-read pair', () => {
    const checked = checkReport(reading.report, { plan: hatinh2021, units });
    expect(checked.indicators['CT2b']).toMatchObject({ status: 'notMet', ratio: 0.8 });
    const byCode = checked.findings.map((f) => [f.code, f.indicator, f.cell]);
    expect(byCode).toContainEqual(['typed-percent-mismatch', 'CT2b', 'E5']);
    expect(byCode).toContainEqual(['pair-incomplete', 'CT3a', 'D6']);
    expect(checked.indicators['CT4b']?.status).toBe('notApplicable');
  });
});

describe('one sheet per period, agencies and comparison indicators', () => {
  const quarter = (roman: string, n: number): Sheet =>
    sheet(`Quý ${roman}`, [
      ['UBND PHƯỜNG TRẦN PHÚ'],
      [`BÁO CÁO QUÝ ${roman} NĂM 2021`],
      ['STT', 'Nội dung', 'Tổng số', 'Đạt'],
      [1, 'Hồ sơ TTHC được công khai tình trạng giải quyết', n, n - 1],
    ]);
  const g = grid(quarter('I', 10), quarter('II', 20));

  it('reads the sheet of the requested period, else the first one with a warning naming the other', () => {
    const q2 = read(g, { assumePeriod: '2021-Q2' });
    expect(q2.layout.sheet).toBe('Quý II');
    expect(figures(q2)).toEqual({ CT3a: [19, 20, null, null] });
    expect(q2.report.periodCode).toBe('2021-Q2');
    expect(codes(q2.findings)).not.toContain('layout-sheet-ambiguous');
    const plain = read(g);
    expect(plain.layout.sheet).toBe('Quý I');
    expect(find(plain.findings, 'layout-sheet-ambiguous')?.message.vi).toContain('"Quý II"');
  });

  it('finds an agency by its long name (any dash, with or without diacritics) and reads last year as the denominator', () => {
    // the culture and media centre is in the built-in registry: "Trung tâm Văn hóa – Truyền thông thành phố"
    const r = read(
      grid(
        sheet('S', [
          ['TRUNG TAM VAN HOA - TRUYEN THONG THANH PHO'],
          ['Báo cáo năm 2021'],
          ['STT', 'Nội dung', 'Cùng kỳ năm trước', 'Kết quả thực hiện'],
          [1, 'Số tin, bài, chuyên mục về CCHC', 120, 150],
        ]),
      ),
      { units },
    );
    expect(r.report.unitCode).toBe('TTVHTT');
    expect(figures(r)).toEqual({ CT2a: [150, 120, null, null] });
  });
});

describe('headings without "Nội dung"', () => {
  it('takes "Chỉ tiêu" holding long text as the wording and "Kế hoạch" holding counts as planned', () => {
    const r = read(
      grid(
        sheet('S', [
          ['UBND XÃ ĐỒNG MÔN', 'Năm 2021'],
          ['STT', 'Chỉ tiêu', 'ĐVT', 'Kế hoạch', 'Thực hiện', 2021],
          [1, 'Tỷ lệ TTHC được niêm yết, công khai đúng quy định', 'TTHC', 98, 97],
        ]),
      ),
    );
    expect(r.layout.columns.map((c) => [c.letter, c.role])).toEqual([
      ['A', 'order'],
      ['B', 'text'],
      ['C', 'unitOfMeasure'],
      ['D', 'planned'],
      ['E', 'achieved'],
      ['F', 'other'],
    ]);
    expect(codes(r.findings)).toEqual(expect.arrayContaining(['layout-text-column', 'layout-plan-column']));
    expect(figures(r)).toEqual({ CT4a: [97, 98, null, null] });
  });
});
