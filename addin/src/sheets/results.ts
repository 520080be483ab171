/**
 * The "Kết quả" sheet written by the Score action: the unit's score under every profile of the
 * plan (components, points, reasons, band), each indicator's figures and status with its source
 * cell, and the findings. Totals are plain `SUM` formulas, so the sheet works in every Excel.
 */
import { type CheckedReport, type Finding, type IndicatorStatus, type Plan, type UnitScore } from '@cchc-kpi/core';
import { argbToHex, newSheet, setCell, type BookSpec, type CellSpec } from './book.ts';
import { COLOR, NUM_FMT, SEVERITY_LABEL, nfc, periodLabel, planDocumentText, shortDate, unitDisplayName } from './xlsx-shared.ts';

/** Name of the results sheet. */
export const RESULTS_SHEET = 'Kết quả';

/** Vietnamese status words, as in the consolidated workbook. */
export const STATUS_TEXT: Record<IndicatorStatus, string> = {
  met: 'Đạt',
  notMet: 'Chưa đạt',
  missing: 'Thiếu số liệu',
  invalid: 'Không hợp lệ',
  notApplicable: 'Không áp dụng',
};

/** Fill of each status (`#RRGGBB`). */
export const STATUS_FILL: Record<IndicatorStatus, string> = {
  met: argbToHex(COLOR.met),
  notMet: argbToHex(COLOR.notMet),
  missing: argbToHex(COLOR.missing),
  invalid: argbToHex(COLOR.invalid),
  notApplicable: argbToHex(COLOR.notApplicable),
};

const HEADER: CellSpec = { bold: true, fill: argbToHex(COLOR.header), horizontal: 'center', wrap: true };
const TOTAL: CellSpec = { bold: true, fill: argbToHex(COLOR.total) };

/** What the results sheet shows. */
export interface ResultsInput {
  plan: Plan;
  checked: CheckedReport;
  /** Scores by profile id (empty when the report could not be scored). */
  scores: Record<string, UnitScore>;
  /** Submitted on or before the deadline; null when unknown. */
  onTime: boolean | null;
  /** Every finding of the read and the check. */
  findings: Finding[];
}

/** Rows where the results sheet put its parts (for tests and for selecting). */
export interface ResultsLayout {
  /** Row of each profile's total, by profile id. */
  totalRows: Record<string, number>;
  /** Row of each indicator, by code. */
  indicatorRows: Record<string, number>;
  findingsHeaderRow: number;
}

/**
 * Builds the "Kết quả" sheet. Columns: A STT, B code/profile, C text, D points/numerator,
 * E max/denominator, F ratio or reason, G completion, H status, I source cell.
 */
export function resultsBook(input: ResultsInput): { book: BookSpec; layout: ResultsLayout } {
  const { plan, checked, scores, onTime, findings } = input;
  const sheet = newSheet(RESULTS_SHEET, { widths: [6, 22, 46, 12, 12, 12, 14, 16, 16] });
  const put = (row: number, col: number, value: string | number | null, style: CellSpec = {}): void => setCell(sheet, row, col, { ...style, value });

  const unit = checked.unit;
  const period = checked.period;
  const who = unit ? `${unitDisplayName(unit)} (mã ${unit.code})` : `Đơn vị mã ${checked.report.unitCode ?? '?'}`;
  const when = period ? `${periodLabel(period)} (${period.code})` : `kỳ ${checked.report.periodCode ?? '?'}`;
  put(1, 1, 'KẾT QUẢ KIỂM TRA VÀ CHẤM ĐIỂM BÁO CÁO', { bold: true, size: 14 });
  put(2, 1, nfc(`${who} – ${when}. ${planDocumentText(plan.document)} của ${plan.document.issuer}.`), { italic: true });
  const submitted = checked.report.submittedOn;
  const timing = [
    `Ngày báo cáo: ${submitted ? shortDate(submitted) : 'chưa ghi'}`,
    period ? `hạn nộp: ${shortDate(period.deadline)}` : null,
    `đúng hạn: ${onTime === null ? '—' : onTime ? 'Có' : 'Không'}`,
  ].filter((s): s is string => s !== null);
  put(3, 1, `${timing.join('; ')}.`);
  const count = (s: Finding['severity']): number => findings.filter((f) => f.severity === s).length;
  put(4, 1, `Phát hiện: ${count('error')} lỗi, ${count('warning')} cảnh báo, ${count('notice')} lưu ý.`, { italic: true });

  // ---- scores ----
  let row = 6;
  ['STT', 'Thang điểm', 'Thành phần', 'Điểm', 'Tối đa', 'Diễn giải'].forEach((h, i) => put(row, i + 1, h, HEADER));
  row += 1;
  const totalRows: Record<string, number> = {};
  let n = 0;
  for (const profile of plan.profiles) {
    const score = scores[profile.id];
    if (!score) continue;
    const first = row;
    score.components.forEach((component, i) => {
      n += 1;
      put(row, 1, n, { horizontal: 'center' });
      put(row, 2, i === 0 ? nfc(profile.name.vi) : null, { wrap: true });
      put(row, 3, nfc(component.label.vi));
      put(row, 4, component.points, { numFmt: NUM_FMT.score });
      put(row, 5, component.max, { numFmt: NUM_FMT.score });
      put(row, 6, nfc(component.detail.vi));
      row += 1;
    });
    const last = row - 1;
    put(row, 3, 'Tổng điểm', TOTAL);
    setCell(sheet, row, 4, { ...TOTAL, formula: `SUM(D${first}:D${last})`, value: score.score, numFmt: NUM_FMT.score });
    setCell(sheet, row, 5, { ...TOTAL, formula: `SUM(E${first}:E${last})`, value: score.scale, numFmt: NUM_FMT.score });
    put(row, 6, nfc(`Xếp loại: ${score.band.vi}`), TOTAL);
    totalRows[profile.id] = row;
    row += 2;
  }
  if (Object.keys(totalRows).length === 0) {
    put(row, 1, 'Không chấm điểm được: chưa xác định được đơn vị hoặc kỳ báo cáo (xem các phát hiện bên dưới).', { italic: true });
    row += 2;
  }

  // ---- indicators ----
  ['STT', 'Mã', 'Chỉ tiêu', 'Tử số / Giá trị', 'Mẫu số', 'Tỷ lệ (%)', 'Mức hoàn thành (%)', 'Tình trạng', 'Ô nguồn'].forEach((h, i) => put(row, i + 1, h, HEADER));
  row += 1;
  const indicatorRows: Record<string, number> = {};
  plan.indicators.forEach((indicator, i) => {
    const r = checked.indicators[indicator.code];
    indicatorRows[indicator.code] = row;
    put(row, 1, i + 1, { horizontal: 'center' });
    put(row, 2, indicator.code, { horizontal: 'center', numFmt: NUM_FMT.text });
    put(row, 3, nfc(indicator.text.vi));
    if (r) {
      const value = typeof r.value === 'boolean' ? (r.value ? 'Có' : 'Không') : r.value;
      put(row, 4, r.numerator ?? value ?? null, { numFmt: NUM_FMT.integer, horizontal: 'right' });
      put(row, 5, r.denominator, { numFmt: NUM_FMT.integer, horizontal: 'right' });
      put(row, 6, r.ratio, { numFmt: NUM_FMT.percent });
      put(row, 7, r.completion, { numFmt: NUM_FMT.percent });
      put(row, 8, STATUS_TEXT[r.status], { fill: STATUS_FILL[r.status], horizontal: 'center' });
      const source = r.sources[0];
      put(row, 9, source ? `${source.sheet}!${source.cell}` : null);
    }
    row += 1;
  });

  // ---- findings ----
  row += 1;
  const findingsHeaderRow = row;
  ['STT', 'Mức độ', 'Nội dung', 'Trang tính', 'Ô', 'Mã'].forEach((h, i) => put(row, i + 1, h, HEADER));
  row += 1;
  const fill: Record<Finding['severity'], string> = { error: argbToHex(COLOR.invalid), warning: argbToHex(COLOR.notMet), notice: argbToHex(COLOR.total) };
  findings.forEach((f, i) => {
    put(row, 1, i + 1, { horizontal: 'center' });
    put(row, 2, SEVERITY_LABEL[f.severity], { fill: fill[f.severity], horizontal: 'center' });
    put(row, 3, nfc(f.message.vi), { wrap: true });
    put(row, 4, f.sheet ?? null);
    put(row, 5, f.cell ?? null, { numFmt: NUM_FMT.text });
    put(row, 6, f.code);
    row += 1;
  });
  if (findings.length === 0) put(row, 3, 'Không có phát hiện nào.', { italic: true });
  return { book: { sheets: [sheet], names: [], activate: RESULTS_SHEET }, layout: { totalRows, indicatorRows, findingsHeaderRow } };
}
