import { deadlineBasisSuffix } from '../vocabulary/basis.ts';
import type { BookModel, StyleModel } from '../book/model.ts';
import { COLOR, NUM_FMT, Palette } from '../book/palette.ts';
import { RowSet, type CellInput } from '../book/rows.ts';
import type { Finding } from '../finding.ts';
import type { Plan } from '../plan/schema.ts';
import type { UnitScore } from '../score/types.ts';
import type { CheckedReport } from '../validate/types.ts';
import { formatDate } from '../vocabulary/dates.ts';
import { NO_FINDINGS, findingCountsText } from '../vocabulary/findings.ts';
import { periodName, planCitation } from '../vocabulary/periods.ts';
import { HEADERS, RESULTS_SHEET_NAME } from '../vocabulary/sheets.ts';
import { unitDisplayName } from '../vocabulary/units.ts';
import { NO, SEVERITY_WORDS, STATUS_WORDS, UNKNOWN_MARK, YES } from '../vocabulary/words.ts';
import { SEVERITY_FILL, STATUS_FILL, columnsOf } from './consolidated/context.ts';

/** What the results sheet shows. */
export interface ResultsInput {
  plan: Plan;
  checked: CheckedReport;
  /** Scores by profile id (empty when the report could not be scored). */
  scores: Record<string, UnitScore>;
  /** Submitted on or before the deadline; null when unknown. */
  onTime: boolean | null;
  /** Every finding of the read and the check. */
  findings: readonly Finding[];
}

/** Rows where the results sheet put its parts (for tests and for selecting). */
export interface ResultsLayout {
  /** Row of each profile's total, by profile id. */
  totalRows: Record<string, number>;
  /** Row of each indicator, by code. */
  indicatorRows: Record<string, number>;
  findingsHeaderRow: number;
}

const HEADER: StyleModel = { bold: true, fill: COLOR.header, horizontal: 'center' };
const TOTAL: StyleModel = { bold: true, fill: COLOR.total, wrap: false };
const PLAIN: StyleModel = { wrap: false };

/**
 * The "Kết quả" sheet the add-in's Score action writes: the unit's score under every profile of
 * the plan (components, points, reasons, band), each indicator's figures and status with its
 * source cell, and the findings. Profile totals are plain `SUM` formulas (results: core's scores).
 * Columns: A STT, B code/profile, C text, D points/numerator, E max/denominator, F ratio or
 * reason, G completion, H status, I source cell.
 */
export function buildResults(input: ResultsInput): { book: BookModel; layout: ResultsLayout } {
  const { plan, checked, scores, onTime, findings } = input;
  const palette = new Palette();
  const columns = columnsOf(palette, [6, 22, 46, 12, 12, 12, 14, 16, 16]);
  const rows = new RowSet(palette);
  const put = (row: number, col: number, value: CellInput, style: StyleModel = PLAIN): void => rows.put(row, col, value, style);

  const unit = checked.unit;
  const period = checked.period;
  const who = unit ? `${unitDisplayName(unit)} (mã ${unit.code})` : `Đơn vị mã ${checked.report.unitCode ?? '?'}`;
  const when = period ? `${periodName(period)} (${period.code})` : `kỳ ${checked.report.periodCode ?? '?'}`;
  put(1, 1, 'KẾT QUẢ KIỂM TRA VÀ CHẤM ĐIỂM BÁO CÁO', { bold: true, size: 14, wrap: false });
  put(2, 1, `${who} – ${when}. ${planCitation(plan.document)}.`.normalize('NFC'), { italic: true, wrap: false });
  const submitted = checked.report.submittedOn;
  const timing = [
    `Ngày báo cáo: ${submitted ? formatDate(submitted) : 'chưa ghi'}`,
    period ? `hạn gửi báo cáo: ${formatDate(period.deadline)}${deadlineBasisSuffix(plan).vi}` : null,
    `đúng hạn: ${onTime === null ? UNKNOWN_MARK : onTime ? YES : NO}`,
  ].filter((s): s is string => s !== null);
  put(3, 1, `${timing.join('; ')}.`);
  put(4, 1, findings.length === 0 ? `Kết quả kiểm tra: ${NO_FINDINGS}` : `Kết quả kiểm tra: ${findingCountsText(findings)}.`, { italic: true, wrap: false });

  // ---- scores ----
  let row = 6;
  HEADERS.resultsScores.forEach((h, i) => put(row, i + 1, h, HEADER));
  row += 1;
  const totalRows: Record<string, number> = {};
  let n = 0;
  for (const profile of plan.profiles) {
    const score = scores[profile.id];
    if (!score) continue;
    const first = row;
    score.components.forEach((component, i) => {
      n += 1;
      put(row, 1, n, { horizontal: 'center', wrap: false });
      put(row, 2, i === 0 ? profile.name.vi.normalize('NFC') : null, {});
      put(row, 3, component.label.vi.normalize('NFC'), {});
      put(row, 4, component.points, { numFmt: NUM_FMT.score, wrap: false });
      put(row, 5, component.max, { numFmt: NUM_FMT.score, wrap: false });
      put(row, 6, component.detail.vi.normalize('NFC'), PLAIN);
      row += 1;
    });
    const last = row - 1;
    put(row, 3, 'Tổng điểm', TOTAL);
    put(row, 4, { formula: `SUM(D${first}:D${last})`, result: score.score }, { ...TOTAL, numFmt: NUM_FMT.score });
    put(row, 5, { formula: `SUM(E${first}:E${last})`, result: score.scale }, { ...TOTAL, numFmt: NUM_FMT.score });
    put(row, 6, `Xếp loại: ${score.band.vi}`.normalize('NFC'), TOTAL);
    totalRows[profile.id] = row;
    row += 2;
  }
  if (Object.keys(totalRows).length === 0) {
    put(row, 1, 'Không chấm điểm được: chưa xác định được đơn vị hoặc kỳ báo cáo (xem kết quả kiểm tra bên dưới).', { italic: true, wrap: false });
    row += 2;
  }

  // ---- indicators ----
  HEADERS.resultsIndicators.forEach((h, i) => put(row, i + 1, h, HEADER));
  row += 1;
  const indicatorRows: Record<string, number> = {};
  plan.indicators.forEach((indicator, i) => {
    const r = checked.indicators[indicator.code];
    indicatorRows[indicator.code] = row;
    put(row, 1, i + 1, { horizontal: 'center', wrap: false });
    put(row, 2, indicator.code, { horizontal: 'center', numFmt: NUM_FMT.text, wrap: false });
    put(row, 3, indicator.text.vi.normalize('NFC'), PLAIN);
    if (r) {
      const value = typeof r.value === 'boolean' ? (r.value ? YES : NO) : r.value;
      put(row, 4, r.numerator ?? value ?? null, { numFmt: NUM_FMT.integer, horizontal: 'right', wrap: false });
      put(row, 5, r.denominator, { numFmt: NUM_FMT.integer, horizontal: 'right', wrap: false });
      put(row, 6, r.ratio, { numFmt: NUM_FMT.percent, wrap: false });
      put(row, 7, r.completion, { numFmt: NUM_FMT.percent, wrap: false });
      put(row, 8, STATUS_WORDS[r.status], { fill: STATUS_FILL[r.status], horizontal: 'center', wrap: false });
      const source = r.sources[0];
      put(row, 9, source ? `${source.sheet}!${source.cell}` : null);
    }
    row += 1;
  });

  // ---- findings ----
  row += 1;
  const findingsHeaderRow = row;
  HEADERS.resultsFindings.forEach((h, i) => put(row, i + 1, h, HEADER));
  row += 1;
  findings.forEach((f, i) => {
    put(row, 1, i + 1, { horizontal: 'center', wrap: false });
    put(row, 2, SEVERITY_WORDS[f.severity], { fill: SEVERITY_FILL[f.severity], horizontal: 'center', wrap: false });
    put(row, 3, f.message.vi.normalize('NFC'), {});
    put(row, 4, f.sheet ?? null);
    put(row, 5, f.cell ?? null, { numFmt: NUM_FMT.text, wrap: false });
    put(row, 6, f.code);
    row += 1;
  });
  if (findings.length === 0) put(row, 3, NO_FINDINGS, { italic: true, wrap: false });
  const built = rows.rows(columns);
  return {
    book: {
      title: `${RESULTS_SHEET_NAME} – ${who}`.normalize('NFC'),
      createdOn: period?.deadline ?? plan.document.date,
      sheets: [{ name: RESULTS_SHEET_NAME, columns, activeCell: 'A1', gridlines: true, validations: [], rows: () => built }],
      names: [],
      styles: palette.styles,
      activeSheet: RESULTS_SHEET_NAME,
    },
    layout: { totalRows, indicatorRows, findingsHeaderRow },
  };
}
