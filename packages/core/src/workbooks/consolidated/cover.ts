import type { ColumnModel, PrintModel, SheetModel, StyleModel } from '../../book/model.ts';
import { COLOR, NUM_FMT } from '../../book/palette.ts';
import { keepTogether } from '../../book/print.ts';
import { RowSet, type CellInput } from '../../book/rows.ts';
import { formatSheetCell, numberToColumn } from '../../grid/a1.ts';
import type { UnitResult } from '../../consolidate/types.ts';
import { cityVerdict } from '../../consolidate/city-verdict.ts';
import { formatNumber, formatPercent } from '../../text/format.ts';
import { formatDate, placeAndDate } from '../../vocabulary/dates.ts';
import { findingCountsText } from '../../vocabulary/findings.ts';
import { NATIONAL_MOTTO, NATIONAL_NAME, issuingBodyLines, numberLine, signatureLines } from '../../vocabulary/headings.ts';
import { cutoffText, periodName, planCitation } from '../../vocabulary/periods.ts';
import { CONSOLIDATED_SHEET_NAMES, COVER_OVERVIEW_NOTE, COVER_TYPE } from '../../vocabulary/sheets.ts';
import { bandsText, deadlineBasisSuffix, scoringBasisNote, targetText } from '../../vocabulary/basis.ts';
import { unitDisplayName } from '../../vocabulary/units.ts';
import { NO_DATA, REPORTING_BODIES, STATUS_WORDS } from '../../vocabulary/words.ts';
import type { ConsolidatedContext } from './context.ts';
import { CONSOLIDATED_LAYOUT, CONSOLIDATED_SHEETS } from './layout.ts';
import { isScored, rankingOrder } from './ranking-sheet.ts';
import { SUBMISSION_LABELS, totalsRowValues } from './totals-sheet.ts';

/**
 * The cover and summary sheet of the consolidated workbook (báo cáo tóm tắt), laid out as an
 * administrative document under Decree 30/2020/NĐ-CP (Appendix I):
 * - top-left: governing body (regular) and issuing body (bold) in capitals, a short rule under
 *   the issuing body, and the number line "Số: …/BC-UBND";
 * - top-right: the national name (bold capitals), the motto (bold) with a rule as long as it,
 *   and the place-and-date line in italics, "Hà Tĩnh, ngày 05 tháng 02 năm 2021";
 * - the document type "BÁO CÁO TÓM TẮT" and the summary line centred in bold, with a short rule,
 *   and a note saying the sheet is an overview (the document signed is the Word report);
 * - the body: submission, the city's result per indicator against its target, the scoring
 *   bands and the leading units, findings, and (with a comparison) the change on the earlier
 *   period; every figure in its tables is a formula on "Tổng hợp" or "Xếp hạng" whose result is
 *   core's;
 * - "Nơi nhận" (recipients) bottom-left and the signature block bottom-right.
 * A grid of 24 narrow columns (4 characters each), so blocks and short rules can be centred
 * where the decree puts them; tables merge columns. A4 portrait, fitted to the width; from the
 * second page the page number is at the top centre, as the decree asks.
 */

/** Columns of the grid and their width (characters). */
export const COVER_GRID = { columns: 24, width: 4 } as const;

const BODY_PT = 13;
const TABLE_PT = 12;

/** A table column of the cover: grid columns `from`–`to`. */
interface Col {
  from: number;
  to: number;
  header: string;
}

class Cover {
  row = 1;
  /** Rows to keep on one page (a heading with what follows it, the signature block). */
  readonly blocks: Array<[number, number]> = [];
  constructor(readonly rows: RowSet) {}

  /** Keeps the current row and the `count` rows after it on one page. */
  keep(count = 1): void {
    this.blocks.push([this.row, this.row + count]);
  }

  /** Merges columns `from`–`to` of `row` (default the current row) and writes `value` there. */
  cell(from: number, to: number, value: CellInput, style: StyleModel, row = this.row): void {
    this.rows.merge(row, from, row, to, value, style);
  }

  /** A paragraph across the whole width; its row is as high as its wrapped text. */
  paragraph(text: string, style: StyleModel = {}): void {
    this.cell(1, COVER_GRID.columns, text.normalize('NFC'), { size: BODY_PT, horizontal: 'justify', vertical: 'top', ...style });
    this.row += 1;
  }

  /** A line of `height` points (at least) and moves on. */
  next(height?: number): void {
    if (height !== undefined) this.rows.height(this.row, height);
    this.row += 1;
  }

  /** A short rule under columns `from`–`to` of the current row (a bottom border). */
  rule(from: number, to: number): void {
    this.rows.merge(this.row, from, this.row, to, null, { border: 'bottom' });
  }

  gap(height = 8): void {
    this.next(height);
  }

  /** A table header over `cols` on the current row, kept on the page of the table's first row. */
  header(cols: readonly Col[], height = 20): void {
    this.keep();
    for (const c of cols) this.cell(c.from, c.to, c.header, { size: TABLE_PT, bold: true, border: 'all', fill: COLOR.header, horizontal: 'center' });
    this.next(height);
  }
}

/** The cover sheet of `ctx`. */
export function coverSheet(ctx: ConsolidatedContext): SheetModel {
  const { palette } = ctx;
  const columns: ColumnModel[] = Array.from({ length: COVER_GRID.columns }, () => ({ width: COVER_GRID.width, style: palette.name({ size: BODY_PT }) }));
  const g = new Cover(new RowSet(palette));
  headingSection(g, ctx);
  const missing = submissionSection(g, ctx);
  indicatorSection(g, ctx);
  scoreSection(g, ctx, missing.length);
  findingSection(g, ctx);
  signatureSection(g, ctx);
  const print: PrintModel = {
    orientation: 'portrait',
    fit: { width: 1, height: 0 },
    // Decree 30/2020: top 20–25 mm, bottom 20–25 mm, left 30–35 mm, right 15–20 mm
    margins: { left: 1.18, right: 0.6, top: 0.8, bottom: 0.8, header: 0.4, footer: 0.3 },
    horizontalCentered: true,
    area: `A1:${numberToColumn(COVER_GRID.columns)}${g.row - 1}`,
    differentFirst: true,
    header: '&C&"Times New Roman,Regular"&13&P',
  };
  // blocks kept on one page; the blocks of a header and of the heading before it are merged
  const blocks = mergeBlocks(g.blocks);
  for (const after of keepTogether(g.rows.rows(columns), print, columns, blocks)) g.rows.breakAfter(after);
  const built = g.rows.rows(columns);
  return {
    name: CONSOLIDATED_SHEET_NAMES.cover,
    columns,
    activeCell: 'A1',
    gridlines: false,
    validations: [],
    print,
    rows: () => built,
  };
}

/** The heading blocks (Decree 30/2020/NĐ-CP), the document type, the summary line and the opening sentence. */
function headingSection(g: Cover, ctx: ConsolidatedContext): void {
  const { plan, result, heading } = ctx;
  const period = result.period;
  const N = COVER_GRID.columns;

  // ---- heading blocks: left = columns 1–10, right = 11–24 ---------------------------------
  const left = { from: 1, to: 10 };
  const right = { from: 11, to: N };
  // the governing body (regular) when there is one, then the issuing body's lines (bold); a
  // People's Committee has no governing-body line and its name takes two lines
  const leftLines: Array<[string, boolean]> = [
    ...(heading.parentBody === '' ? [] : ([[heading.parentBody.toLocaleUpperCase('vi'), false]] as Array<[string, boolean]>)),
    ...issuingBodyLines(heading).map((line): [string, boolean] => [line, true]),
  ];
  const rightLines: Array<[string, number]> = [
    [NATIONAL_NAME, BODY_PT],
    [NATIONAL_MOTTO, 14],
  ];
  const headingRows = Math.max(leftLines.length, rightLines.length);
  for (let k = 0; k < headingRows; k++) {
    const l = leftLines[k];
    if (l) g.cell(left.from, left.to, l[0], { size: BODY_PT, bold: l[1], horizontal: 'center', wrap: false });
    const r = rightLines[k];
    if (r) g.cell(right.from, right.to, r[0], { size: r[1], bold: true, horizontal: 'center', wrap: false });
    g.next(k === 1 ? 19 : 18);
  }
  // rules: under the issuing body, 1/3–1/2 of its length, centred on the left block (columns 4–7);
  // under the motto, as long as the motto, centred on the right block (columns 14–21)
  g.rule(4, 7);
  g.rule(14, 21);
  g.next(4);
  g.gap(6);
  g.cell(left.from, left.to, numberLine(ctx.reportNumber, heading.symbol), { size: BODY_PT, horizontal: 'center', wrap: false });
  g.cell(right.from, right.to, placeAndDate(heading.place, ctx.reportDate), { size: 14, italic: true, horizontal: 'center', wrap: false });
  g.next(20);
  g.gap(14);

  // ---- document type and summary line ----------------------------------------------------
  g.cell(1, N, COVER_TYPE, { size: 14, bold: true, horizontal: 'center', wrap: false });
  g.next(20);
  g.cell(1, N, `Kết quả thực hiện ${plan.title.vi}`.normalize('NFC'), { size: 14, bold: true, horizontal: 'center' });
  g.next();
  g.cell(1, N, `Kỳ báo cáo: ${periodName(period)}`, { size: 14, bold: true, horizontal: 'center', wrap: false });
  g.next(20);
  // a short rule under the summary line, centred on the page (columns 10–15)
  g.rule(10, 15);
  g.next(4);
  // an overview to follow the figures: the document signed is the Word report
  g.paragraph(COVER_OVERVIEW_NOTE, { italic: true, size: 11, horizontal: 'center' });

  g.paragraph(
    `Thực hiện ${planCitation(plan.document)}, trên cơ sở báo cáo của ${REPORTING_BODIES} (${cutoffText(period, { inSentence: true })}), kết quả ${periodName(period, { inSentence: true })} được tổng hợp như sau:`,
  );

}

/** Section 1: the submission lines (formulas on "Tổng hợp") and the units not sent, unreadable, late or undated; returns the units not sent. */
function submissionSection(g: Cover, ctx: ConsolidatedContext): readonly UnitResult[] {
  const { result } = ctx;
  const period = result.period;
  const totals = result.totals;
  const cmp = ctx.comparison;
  const N = COVER_GRID.columns;
  const T = (address: string): string => formatSheetCell(CONSOLIDATED_SHEETS.totals, address);
  // ---- 1. submission --------------------------------------------------------------------------
  g.keep();
  g.paragraph('1. Tình hình gửi báo cáo', { bold: true });
  const progressCols: Col[] = cmp
    ? [
        { from: 1, to: 12, header: 'Nội dung' },
        { from: 13, to: 16, header: 'Kỳ này' },
        { from: 17, to: 20, header: `Kỳ ${cmp.previous.period}` },
        { from: 21, to: N, header: 'Thay đổi' },
      ]
    : [
        { from: 1, to: 14, header: 'Nội dung' },
        { from: 15, to: 19, header: 'Kết quả' },
      ];
  g.header(progressCols);
  const S = ctx.positions.submission;
  const progressLines: Array<{ ref: string; fmt: string; value: number | ''; previous?: number | null }> = [
    { ref: S.expected, fmt: NUM_FMT.integer, value: totals.expected },
    { ref: S.received, fmt: NUM_FMT.integer, value: totals.received },
    { ref: S.completeness, fmt: NUM_FMT.percent, value: totals.expected > 0 ? totals.completeness : '', previous: cmp?.completeness.previous ?? null },
    { ref: S.onTime, fmt: NUM_FMT.integer, value: totals.onTime },
    { ref: S.timeliness, fmt: NUM_FMT.percent, value: totals.expected > 0 ? totals.timeliness : '', previous: cmp?.timeliness.previous ?? null },
  ];
  const labels = SUBMISSION_LABELS.map((l) => l.replace(/ \(%\)$/, ''));
  progressLines.forEach((line, i) => {
    const [labelCol, valueCol, prevCol, changeCol] = progressCols as [Col, Col, Col?, Col?];
    g.cell(labelCol.from, labelCol.to, labels[i] ?? '', { size: TABLE_PT, border: 'all', wrap: false });
    const valueAddr = `${numberToColumn(valueCol.from)}${g.row}`;
    g.cell(valueCol.from, valueCol.to, { formula: T(line.ref), result: line.value }, { size: TABLE_PT, border: 'all', horizontal: 'right', numFmt: line.fmt });
    if (prevCol && changeCol) {
      const prevAddr = `${numberToColumn(prevCol.from)}${g.row}`;
      const prev = line.previous ?? null;
      g.cell(prevCol.from, prevCol.to, prev, { size: TABLE_PT, border: 'all', horizontal: 'right', numFmt: line.fmt });
      const change = typeof line.value === 'number' && prev !== null ? line.value - prev : '';
      g.cell(
        changeCol.from,
        changeCol.to,
        prev === null ? null : { formula: `IF(AND(ISNUMBER(${valueAddr}),ISNUMBER(${prevAddr})),${valueAddr}-${prevAddr},"")`, result: change },
        { size: TABLE_PT, border: 'all', horizontal: 'right', numFmt: line.fmt === NUM_FMT.percent ? NUM_FMT.changePercent : NUM_FMT.changeNumber },
      );
    }
    g.next(18);
  });
  const missing = ctx.units.filter((u) => !u.submitted && u.status !== 'unreadable');
  const unreadable = ctx.units.filter((u) => u.status === 'unreadable');
  const late = ctx.units.filter((u) => u.submitted && u.onTime === false);
  const undated = ctx.units.filter((u) => u.submitted && u.onTime === null);
  const names = (list: readonly UnitResult[]): string => list.map((u) => unitDisplayName(u)).join(', ');
  g.gap(4);
  g.paragraph(`- Chưa gửi báo cáo: ${missing.length === 0 ? 'không có.' : `${names(missing)}.`}`);
  if (unreadable.length > 0) g.paragraph(`- Đã gửi nhưng tệp không đọc được (tính là chưa gửi, cần gửi lại): ${names(unreadable)}.`);
  g.paragraph(`- Gửi sau hạn (hạn gửi báo cáo ${formatDate(period.deadline)}${deadlineBasisSuffix(ctx.plan, { inBrackets: true }).vi}): ${late.length === 0 ? 'không có.' : `${names(late)}.`}`);
  if (undated.length > 0) g.paragraph(`- Không xác định được ngày gửi (phần điểm gửi đúng hạn tính 0 cho đến khi có ngày nhận): ${names(undated)}.`);

  return missing;
}

/** Section 2: the city's result per indicator against its target, with a verdict formula. */
function indicatorSection(g: Cover, ctx: ConsolidatedContext): void {
  const { plan, result } = ctx;
  const totals = result.totals;
  const cmp = ctx.comparison;
  const N = COVER_GRID.columns;
  const T = (address: string): string => formatSheetCell(CONSOLIDATED_SHEETS.totals, address);
  // ---- 2. indicators --------------------------------------------------------------------------
  g.keep(3);
  g.paragraph('2. Kết quả thực hiện các chỉ tiêu của thành phố', { bold: true });
  g.paragraph('Tỷ lệ của thành phố = tổng tử số ÷ tổng mẫu số của các đơn vị được tính (không lấy trung bình các tỷ lệ).', { italic: true, size: TABLE_PT });
  const indicatorCols: Col[] = [
    { from: 1, to: 2, header: 'STT' },
    { from: 3, to: 4, header: 'Mã' },
    { from: 5, to: 12, header: 'Chỉ tiêu' },
    { from: 13, to: 16, header: 'Chỉ tiêu kế hoạch' },
    { from: 17, to: 19, header: 'Kết quả thành phố' },
    { from: 20, to: 21, header: 'Số đơn vị đạt' },
    { from: 22, to: N, header: 'Đánh giá' },
  ];
  g.header(indicatorCols, 34);
  const notMetCity: string[] = [];
  const NONE = NO_DATA;
  const MET = STATUS_WORDS.met;
  const NOT_MET = STATUS_WORDS.notMet;
  const hasUnits = ctx.units.length > 0;
  plan.indicators.forEach((indicator, i) => {
    const tRow = ctx.positions.totalsRows.get(indicator.code);
    if (tRow === undefined) return;
    const v = totalsRowValues(indicator, totals.indicators[indicator.code], hasUnits);
    const [cStt, cCode, cText, cTarget, cResult, cMet, cVerdict] = indicatorCols as [Col, Col, Col, Col, Col, Col, Col];
    const style: StyleModel = { size: TABLE_PT, border: 'all', vertical: 'top' };
    g.cell(cStt.from, cStt.to, i + 1, { ...style, horizontal: 'center' });
    g.cell(cCode.from, cCode.to, indicator.code, { ...style, horizontal: 'center' });
    g.cell(cText.from, cText.to, indicator.text.vi.normalize('NFC'), style);
    g.cell(cTarget.from, cTarget.to, targetText(indicator).vi, { ...style, horizontal: 'center' });
    const isCount = indicator.measure === 'count';
    const resultAddr = `${numberToColumn(cResult.from)}${g.row}`;
    // what the totals sheet shows; a blank cell (no unit) reads as 0 through a reference
    const shown = (isCount ? v.F : v.H) ?? 0;
    g.cell(cResult.from, cResult.to, { formula: T(`${isCount ? 'F' : 'H'}${tRow}`), result: shown }, { ...style, horizontal: 'center', numFmt: isCount ? NUM_FMT.integer : NUM_FMT.percent });
    const counted = v.I;
    const met = v.J;
    g.cell(cMet.from, cMet.to, { formula: `${T(`J${tRow}`)}&"/"&${T(`I${tRow}`)}`, result: `${met}/${counted ?? ''}` }, { ...style, horizontal: 'center' });
    // verdict for the city: ratio ≥ min; yes/no: every answering unit said yes; increase: Σ this
    // period > Σ last year; count: every counted unit reached the minimum
    // the formula of core's rule (`cityVerdict`); with no unit listed, the blank cells it reads are 0
    let formula: string;
    const target = indicator.target;
    if (target.rule === 'ratioAtLeast' || target.rule === 'yes') {
      const min = target.rule === 'ratioAtLeast' ? target.min : 1;
      formula = `IF(ISNUMBER(${resultAddr}),IF(${resultAddr}>=${min},"${MET}","${NOT_MET}"),"${NONE}")`;
    } else if (target.rule === 'increase') {
      formula = `IF(AND(ISNUMBER(${T(`F${tRow}`)}),ISNUMBER(${T(`G${tRow}`)})),IF(${T(`F${tRow}`)}>${T(`G${tRow}`)},"${MET}","${NOT_MET}"),"${NONE}")`;
    } else {
      formula = `IF(${T(`I${tRow}`)}>0,IF(${T(`J${tRow}`)}=${T(`I${tRow}`)},"${MET}","${NOT_MET}"),"${NONE}")`;
    }
    const rule = hasUnits ? cityVerdict(indicator, totals.indicators[indicator.code]) : (target.rule === 'ratioAtLeast' || target.rule === 'yes') ? 'notMet' : 'missing';
    const verdict = rule === 'met' ? MET : rule === 'notMet' ? NOT_MET : NONE;
    const fill = verdict === MET ? COLOR.met : verdict === NOT_MET ? COLOR.notMet : COLOR.missing;
    g.cell(cVerdict.from, cVerdict.to, { formula, result: verdict }, { ...style, horizontal: 'center', fill });
    if (verdict === NOT_MET) notMetCity.push(isCount || typeof shown !== 'number' ? indicator.code : `${indicator.code} (${formatPercent(shown, 'vi')})`);
    g.next();
  });
  g.gap(4);
  g.paragraph(`- Chỉ tiêu chưa đạt ở cấp thành phố: ${notMetCity.length === 0 ? 'không có.' : `${notMetCity.join('; ')}.`}`);
  if (cmp) {
    const moves = cmp.indicators
      .filter((c) => c.change.ratio !== null)
      .map((c) => {
        const d = c.change.ratio as number;
        return `${c.code} ${d > 0 ? 'tăng' : d < 0 ? 'giảm' : 'không đổi'}${d === 0 ? '' : ` ${formatNumber(Math.abs(d) * 100, 'vi', 2)} điểm %`}`;
      });
    g.paragraph(`- So với kỳ ${cmp.previous.period}: ${moves.length === 0 ? 'không có chỉ tiêu nào so sánh được.' : `${moves.join('; ')} (chi tiết tại trang ${CONSOLIDATED_SHEET_NAMES.comparison}).`}`);
  }

}

/** Section 3: units per band, the leading units (formulas on "Xếp hạng"), the lowest, the change on the earlier period. */
function scoreSection(g: Cover, ctx: ConsolidatedContext, notSent: number): void {
  const { plan, result } = ctx;
  const cmp = ctx.comparison;
  const R = (address: string): string => formatSheetCell(CONSOLIDATED_SHEETS.ranking, address);
  // ---- 3. scores --------------------------------------------------------------------------------
  const primary = plan.profiles.find((p) => p.id === plan.primaryProfile);
  g.keep();
  g.paragraph(`3. Chấm điểm, xếp loại các đơn vị${primary ? ` (thang điểm ${formatNumber(primary.scale, 'vi')})` : ''}`, { bold: true });
  if (primary) {
    const bands = [...primary.bands].sort((a, b) => b.min - a.min);
    const byBand = bands.map((b) => `${b.label.vi}: ${ctx.units.filter((u) => u.submitted && u.band?.vi === b.label.vi).length}`);
    g.paragraph(`- Xếp loại (số đơn vị): ${byBand.join('; ')}; chưa chấm điểm (chưa gửi báo cáo): ${notSent}. Ngưỡng xếp loại: ${bandsText(primary)}.`);
    g.paragraph(scoringBasisNote(primary, plan), { italic: true, size: TABLE_PT });
  }
  const ranked = rankingOrder(ctx.units).filter(isScored);
  const firstRankingRow = CONSOLIDATED_LAYOUT.firstRow;
  const top = ranked.slice(0, 5);
  if (top.length > 0) {
    g.keep(2);
    g.paragraph('- Các đơn vị dẫn đầu:');
    const rankCols: Col[] = [
      { from: 1, to: 3, header: 'Thứ hạng' },
      { from: 4, to: 13, header: 'Đơn vị' },
      { from: 14, to: 17, header: 'Điểm' },
      { from: 18, to: 21, header: 'Xếp loại' },
    ];
    g.header(rankCols);
    top.forEach((u, k) => {
      const r = firstRankingRow + k;
      const [cRank, cName, cScore, cBand] = rankCols as [Col, Col, Col, Col];
      const style: StyleModel = { size: TABLE_PT, border: 'all' };
      g.cell(cRank.from, cRank.to, { formula: R(`D${r}`), result: u.rank ?? '' }, { ...style, horizontal: 'center' });
      g.cell(cName.from, cName.to, { formula: R(`B${r}`), result: unitDisplayName(u) }, { ...style, wrap: false });
      g.cell(cScore.from, cScore.to, { formula: R(`C${r}`), result: u.score }, { ...style, horizontal: 'right', numFmt: NUM_FMT.score });
      g.cell(cBand.from, cBand.to, { formula: R(`E${r}`), result: u.band ? u.band.vi.normalize('NFC') : '' }, { ...style, horizontal: 'center' });
      g.next(18);
    });
    g.gap(4);
    const lowest = ranked[ranked.length - 1];
    if (lowest && ranked.length > top.length) {
      g.paragraph(`- Đơn vị có điểm thấp nhất: ${unitDisplayName(lowest)} (${formatNumber(lowest.score, 'vi')} điểm, xếp loại ${lowest.band?.vi ?? ''}).`);
    }
  }
  if (cmp) {
    const moved = cmp.units.filter((u) => u.change.score !== null);
    if (moved.length > 0) {
      const nameOf = (code: string): string => {
        const u = result.units.find((x) => x.code === code);
        return u ? unitDisplayName(u) : code;
      };
      const score = (u: (typeof moved)[number]): number => u.change.score as number;
      const up = moved.filter((u) => score(u) > 0).sort((a, b) => score(b) - score(a) || a.code.localeCompare(b.code))[0];
      const down = moved.filter((u) => score(u) < 0).sort((a, b) => score(a) - score(b) || a.code.localeCompare(b.code))[0];
      const rise = up ? `tăng điểm nhiều nhất ${nameOf(up.code)} (+${formatNumber(score(up), 'vi')} điểm)` : 'không đơn vị nào tăng điểm';
      const fall = down ? `giảm điểm nhiều nhất ${nameOf(down.code)} (−${formatNumber(-score(down), 'vi')} điểm)` : 'không đơn vị nào giảm điểm';
      g.paragraph(`- So với kỳ ${cmp.previous.period}: ${rise}; ${fall}.`);
    }
  }

}

/** Section 4: the check results counted by kind, the units with errors, the sheets attached. */
function findingSection(g: Cover, ctx: ConsolidatedContext): void {
  const { result } = ctx;
  const cmp = ctx.comparison;

  // ---- 4. findings ------------------------------------------------------------------------------
  g.keep();
  g.paragraph('4. Kết quả kiểm tra số liệu', { bold: true });
  const withErrors = ctx.units
    .map((u) => ({ u, n: result.findings.filter((f) => f.unit === u.code && f.severity === 'error').length }))
    .filter((x) => x.n > 0);
  const found = result.findings.length === 0 ? 'không phát hiện lỗi, cảnh báo hay lưu ý nào' : `phát hiện ${findingCountsText(result.findings)}`;
  g.paragraph(
    `- Kiểm tra các báo cáo ${found}${
      withErrors.length === 0 ? '; không đơn vị nào có lỗi' : `; đơn vị có lỗi: ${withErrors.map((x) => `${unitDisplayName(x.u)} (${x.n} lỗi)`).join(', ')}`
    }. Số liệu có lỗi không được tính vào tổng hợp; chi tiết từng ô tại trang ${CONSOLIDATED_SHEETS.findings}.`,
  );
  const attached = [...Object.values(CONSOLIDATED_SHEETS), ...(cmp ? [CONSOLIDATED_SHEET_NAMES.comparison] : [])];
  g.paragraph(`Chi tiết tại các biểu kèm theo: ${attached.join('; ')}.`, { italic: true });
  g.gap(12);

}

/** Recipients ("Nơi nhận") at the left and the signature block at the right, kept on one page. */
function signatureSection(g: Cover, ctx: ConsolidatedContext): void {
  const { heading } = ctx;
  const N = COVER_GRID.columns;

  // ---- recipients and signature -----------------------------------------------------------------
  const signStart = g.row;
  const signer = heading.signer;
  const signLines: Array<[string, StyleModel]> = signatureLines(heading).map((line): [string, StyleModel] => [line, { bold: true }]);
  const recipientLines: Array<[string, StyleModel]> = [
    ['Nơi nhận:', { bold: true, italic: true, size: 12 }],
    ...heading.recipients.map((r): [string, StyleModel] => [`- ${r}`, { size: 11 }]),
  ];
  const height = Math.max(recipientLines.length, signLines.length + 5);
  for (let k = 0; k < height; k++) {
    const row = signStart + k;
    const rl = recipientLines[k];
    if (rl) g.cell(1, 10, rl[0].normalize('NFC'), { wrap: false, vertical: 'top', ...rl[1] }, row);
    const sl = signLines[k];
    if (sl) g.cell(13, N, sl[0].normalize('NFC'), { size: BODY_PT, horizontal: 'center', wrap: false, ...sl[1] }, row);
    if (k === height - 1 && signer.name.trim() !== '') g.cell(13, N, signer.name.normalize('NFC'), { size: BODY_PT, bold: true, horizontal: 'center', wrap: false }, row);
    g.rows.height(row, 17);
  }
  g.row = signStart + height;
  g.blocks.push([signStart, g.row - 1]);

}


/** Overlapping or touching blocks as one: `[[12, 13], [13, 14]]` → `[[12, 14]]`. */
function mergeBlocks(blocks: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [from, to] of [...blocks].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}
