import type { Worksheet } from 'exceljs';
import type { Comparison, Plan, UnitResult } from '@cchc-kpi/core';
import { COLOR, NUM_FMT, a4, addr, put, quoteSheet, setWidths, type CellStyle } from './styles.ts';
import { nfc, unitDisplayName } from './vi.ts';
import { type Seen } from './written.ts';

/**
 * The "So sánh cùng kỳ" sheet (`cchc consolidate --compare PREVIOUS.json`): per indicator the
 * city ratio, Σ numerator (or the count) and Σ denominator this period — live references to the
 * "Tổng hợp" sheet — beside the earlier consolidation's figures and the change (a formula,
 * this period − earlier, ratios in percentage points); then per unit the score and rank of both
 * periods and their changes (rank change = earlier rank − current rank, positive = moved up).
 */

/** Layout: header on row 4, indicators from row 5; the unit table starts two rows below them. */
export const COMPARISON_LAYOUT = { headerRow: 4, firstRow: 5 } as const;

/** What the sheet needs. */
export interface ComparisonSheetInput {
  plan: Plan;
  comparison: Comparison;
  /** Units in display order. */
  units: readonly UnitResult[];
  /** The subtitle every consolidated sheet carries (plan, period, cut-off window). */
  subtitle: string;
  totals: { sheet: string; rows: ReadonlyMap<string, number>; value: (address: string) => Seen };
}

const HEADER: CellStyle = { bold: true, fill: COLOR.header, border: true, horizontal: 'center', size: 11 };
const BODY: CellStyle = { border: true };
const CHANGE_PERCENT = '+0.0%;-0.0%;0.0%';
const CHANGE_NUMBER = '+#,##0;-#,##0;0';
const CHANGE_SCORE = '+0.00;-0.00;0.00';

/** `IF(AND(ISNUMBER(a),ISNUMBER(b)),a-b,"")` with its cached result. */
function change(a: string, b: string, av: Seen, bv: Seen): { formula: string; result: number | string } {
  return { formula: `IF(AND(ISNUMBER(${a}),ISNUMBER(${b})),${a}-${b},"")`, result: typeof av === 'number' && typeof bv === 'number' ? av - bv : '' };
}

/** Writes the comparison sheet. */
export function writeComparisonSheet(sheet: Worksheet, input: ComparisonSheetInput): void {
  const { plan, comparison, totals } = input;
  const L = COMPARISON_LAYOUT;
  const width = 12;
  setWidths(sheet, [5, 8, 44, 11, 11, 11, 12, 12, 11, 12, 12, 11]);
  sheet.mergeCells(1, 1, 1, width);
  put(sheet, 'A1', nfc(`SO SÁNH VỚI KỲ ${comparison.previous.period}`), { bold: true, size: 14, horizontal: 'center', wrap: false });
  sheet.getRow(1).height = 22;
  sheet.mergeCells(2, 1, 2, width);
  put(sheet, 'A2', nfc(input.subtitle), { italic: true, horizontal: 'center' });
  sheet.getRow(2).height = 34;
  const source = comparison.previous.file ? ` (tệp ${comparison.previous.file})` : '';
  const same = comparison.samePeriodLastYear ? 'cùng kỳ năm trước' : 'không phải cùng kỳ năm trước';
  put(
    sheet,
    'A3',
    nfc(`Kỳ trước: ${comparison.previous.period}${source}, ${same}. Thay đổi = kỳ này − kỳ trước; thay đổi tỷ lệ tính bằng điểm phần trăm. Số kỳ này lấy từ trang Tổng hợp.`),
    { italic: true, size: 10, wrap: false },
  );

  const headers = [
    'STT',
    'Mã',
    'Chỉ tiêu',
    'Tỷ lệ kỳ này',
    'Tỷ lệ kỳ trước',
    'Thay đổi tỷ lệ',
    'Kết quả kỳ này (Σ tử số / số lượng)',
    'Kết quả kỳ trước',
    'Thay đổi',
    'Σ mẫu số kỳ này',
    'Σ mẫu số kỳ trước',
    'Thay đổi',
  ];
  headers.forEach((h, i) => put(sheet, addr(L.headerRow, i + 1), h, HEADER));
  sheet.getRow(L.headerRow).height = 48;
  const T = (address: string): string => `${quoteSheet(totals.sheet)}!${address}`;
  /** A live reference to a totals cell, or a blank when that cell is blank. */
  const ref = (address: string): { cell: { formula: string; result: number | string } | null; seen: Seen } => {
    const v = totals.value(address);
    return v === null ? { cell: null, seen: null } : { cell: { formula: T(address), result: v }, seen: v };
  };
  comparison.indicators.forEach((ic, i) => {
    const row = L.firstRow + i;
    const indicator = plan.indicators.find((x) => x.code === ic.code);
    const tRow = totals.rows.get(ic.code);
    put(sheet, addr(row, 1), i + 1, { ...BODY, horizontal: 'center' });
    put(sheet, addr(row, 2), ic.code, { ...BODY, horizontal: 'center' });
    put(sheet, addr(row, 3), indicator ? nfc(indicator.text.vi) : ic.code, { ...BODY, size: 10, vertical: 'top' });
    const isCount = indicator?.measure === 'count';
    const cur = {
      ratio: tRow === undefined || isCount ? { cell: null, seen: null } : ref(`H${tRow}`),
      main: tRow === undefined ? { cell: null, seen: null } : ref(`F${tRow}`),
      den: tRow === undefined || isCount ? { cell: null, seen: null } : ref(`G${tRow}`),
    };
    const prev = {
      ratio: isCount ? null : (ic.previous?.ratio ?? null),
      main: isCount ? (ic.previous?.value ?? null) : (ic.previous?.numerator ?? null),
      den: isCount ? null : (ic.previous?.denominator ?? null),
    };
    const groups: Array<[number, { cell: { formula: string; result: number | string } | null; seen: Seen }, number | null, string, string]> = [
      [4, cur.ratio, prev.ratio, NUM_FMT.percent, CHANGE_PERCENT],
      [7, cur.main, prev.main, NUM_FMT.integer, CHANGE_NUMBER],
      [10, cur.den, prev.den, NUM_FMT.integer, CHANGE_NUMBER],
    ];
    for (const [col, c, p, fmt, changeFmt] of groups) {
      const a = addr(row, col);
      const b = addr(row, col + 1);
      put(sheet, a, c.cell, { ...BODY, numFmt: fmt, horizontal: 'right' });
      put(sheet, b, p, { ...BODY, numFmt: fmt, horizontal: 'right' });
      const d = change(a, b, c.seen, p);
      const fill = typeof d.result === 'number' ? (d.result > 0 ? COLOR.met : d.result < 0 ? COLOR.notMet : undefined) : undefined;
      put(sheet, addr(row, col + 2), d, { ...BODY, numFmt: changeFmt, horizontal: 'right', ...(fill ? { fill } : {}) });
    }
    sheet.getRow(row).height = Math.max(20, Math.ceil((indicator?.text.vi.length ?? 10) / 52) * 14 + 4);
  });

  // ---- units ------------------------------------------------------------------------------
  let row = L.firstRow + comparison.indicators.length + 1;
  sheet.mergeCells(row, 1, row, 6);
  put(sheet, addr(row, 1), 'ĐIỂM VÀ THỨ HẠNG CỦA CÁC ĐƠN VỊ', { bold: true, wrap: false });
  row += 1;
  const unitHeaders = ['STT', 'Mã đơn vị', 'Đơn vị', 'Điểm kỳ này', 'Điểm kỳ trước', 'Thay đổi điểm', 'Hạng kỳ này', 'Hạng kỳ trước', 'Thay đổi hạng (+ = tăng)'];
  unitHeaders.forEach((h, i) => put(sheet, addr(row, i + 1), h, HEADER));
  sheet.getRow(row).height = 34;
  row += 1;
  const byCode = new Map(comparison.units.map((u) => [u.code, u]));
  input.units.forEach((u, i) => {
    const c = byCode.get(u.code);
    const r = row + i;
    put(sheet, addr(r, 1), i + 1, { ...BODY, horizontal: 'center' });
    put(sheet, addr(r, 2), u.code, { ...BODY, numFmt: NUM_FMT.text, horizontal: 'center' });
    put(sheet, addr(r, 3), unitDisplayName(u), BODY);
    const score = c?.current.score ?? null;
    const prevScore = c?.previous?.score ?? null;
    const rank = c?.current.rank ?? null;
    const prevRank = c?.previous?.rank ?? null;
    put(sheet, addr(r, 4), score, { ...BODY, numFmt: NUM_FMT.score, horizontal: 'right' });
    put(sheet, addr(r, 5), prevScore, { ...BODY, numFmt: NUM_FMT.score, horizontal: 'right' });
    const ds = change(addr(r, 4), addr(r, 5), score, prevScore);
    put(sheet, addr(r, 6), ds, { ...BODY, numFmt: CHANGE_SCORE, horizontal: 'right' });
    put(sheet, addr(r, 7), rank, { ...BODY, horizontal: 'center' });
    put(sheet, addr(r, 8), prevRank, { ...BODY, horizontal: 'center' });
    const dr = change(addr(r, 8), addr(r, 7), prevRank, rank);
    put(sheet, addr(r, 9), dr, { ...BODY, numFmt: CHANGE_NUMBER, horizontal: 'center' });
  });
  a4(sheet, 'landscape', `${L.headerRow}:${L.headerRow}`);
}
