import type { Worksheet } from 'exceljs';
import { formatNumber, formatPercent, formatVietnameseDate, type Comparison, type Consolidation, type Plan, type ReportHeading, type UnitResult } from '@cchc-kpi/core';
import { COLOR, FONT_NAME, NUM_FMT, addr, colLetter, put, quoteSheet, styleCell, type CellStyle } from './styles.ts';
import { cutoffText, nfc, periodLabel, planDocumentText, shortDate, unitDisplayName } from './vi.ts';
import { referenced, type Seen } from './written.ts';

/**
 * The cover and summary sheet of the consolidated workbook (báo cáo tóm tắt), laid out as an
 * administrative document under Decree 30/2020/NĐ-CP (Appendix I):
 *
 * - top-left: governing body (regular) and issuing body (bold) in capitals, a short rule under
 *   the issuing body, and the number line "Số: …/BC-UBND";
 * - top-right: the national motto "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (bold capitals),
 *   "Độc lập - Tự do - Hạnh phúc" (bold) with a rule as long as it, and the place-and-date line
 *   in italics, "Hà Tĩnh, ngày 05 tháng 02 năm 2021" (`formatVietnameseDate`: days below 10 and
 *   months 1–2 with a leading zero);
 * - the document type "BÁO CÁO" and the summary line (trích yếu) centred in bold, with a short rule;
 * - the body: submission progress, the city's result per indicator against its target, the
 *   scoring bands and the leading units, findings, and (with `--compare`) the change on the
 *   earlier period; every figure in the tables is a live formula on the "Tổng hợp" and
 *   "Xếp hạng" sheets with its cached result;
 * - "Nơi nhận" (recipients) bottom-left and the signature block bottom-right.
 *
 * The sheet is a grid of 24 narrow columns (4 characters each), so the blocks and the short
 * rules can be centred where the decree puts them; tables merge columns. A4 portrait, fit to
 * width; from the second printed page the page number is at the top centre, as the decree asks.
 */

/** Columns of the grid and their width (characters). */
export const COVER_GRID = { columns: 24, width: 4 } as const;

/** Where the cover's formulas read the city totals ("Tổng hợp"). */
export interface CoverTotals {
  sheet: string;
  /** Indicator code → its row on the totals sheet (figures in F, G, ratio H, units counted I, met J). */
  rows: ReadonlyMap<string, number>;
  /** What the totals sheet holds at an address (cached formula results included). */
  values: (address: string) => Seen;
  /** Addresses of the submission lines on the totals sheet. */
  expected: string;
  received: string;
  completeness: string;
  onTime: string;
  timeliness: string;
}

/** Where the cover's formulas read the ranking ("Xếp hạng"): the scored units, best first. */
export interface CoverRanking {
  sheet: string;
  rows: ReadonlyArray<{ row: number; name: string; score: number; rank: number; band: string }>;
}

/** Everything the cover needs. */
export interface CoverInput {
  plan: Plan;
  result: Consolidation;
  /** Units in display order. */
  units: readonly UnitResult[];
  heading: ReportHeading;
  /** ISO date of the place-and-date line. */
  reportDate: string;
  /** Document number after "Số:"; empty leaves room to fill it in by hand. */
  reportNumber: string;
  totals: CoverTotals;
  ranking: CoverRanking;
  /** Names of the sheets attached, in order, for the closing line. */
  attached: readonly string[];
  comparison?: Comparison;
}

/** Signature-block and heading defaults when the plan has no `report` block. */
export function reportHeading(plan: Plan, overrides: Partial<ReportHeading> = {}): ReportHeading {
  const base: ReportHeading = plan.report ?? {
    parentBody: '',
    issuingBody: plan.document.issuer.normalize('NFC').toLocaleUpperCase('vi'),
    place: '',
    symbol: 'BC',
    signer: { authority: '', title: 'THỦ TRƯỞNG CƠ QUAN', name: '' },
    recipients: ['Lưu: VT.'],
  };
  const merged = { ...base, ...overrides, signer: { ...base.signer, ...(overrides.signer ?? {}) } };
  return {
    ...merged,
    parentBody: nfc(merged.parentBody),
    issuingBody: nfc(merged.issuingBody),
    place: nfc(merged.place),
    symbol: nfc(merged.symbol),
    signer: { authority: nfc(merged.signer.authority), title: nfc(merged.signer.title), name: nfc(merged.signer.name) },
    recipients: merged.recipients.map(nfc),
  };
}

/**
 * The place-and-date line: "Hà Tĩnh, ngày 05 tháng 02 năm 2021" (Decree 30/2020/NĐ-CP).
 * @throws RangeError when `isoDate` is not a real `yyyy-mm-dd` date.
 */
export function placeAndDate(place: string, isoDate: string): string {
  const date = formatVietnameseDate(isoDate);
  return nfc(place.trim() === '' ? date.charAt(0).toLocaleUpperCase('vi') + date.slice(1) : `${place.trim()}, ${date}`);
}

/** The number line: "Số: 12/BC-UBND", or "Số:      /BC-UBND" with room to write the number by hand. */
export function numberLine(number: string, symbol: string): string {
  return nfc(`Số: ${number.trim() === '' ? '\u00a0'.repeat(8) : number.trim()}/${symbol}`);
}

const BODY_PT = 13;
const TABLE_PT = 12;

/** Estimated printed lines of `text` in a merged range `cols` grid columns wide at `pt` points (Times New Roman). */
function linesOf(text: string, cols: number, pt: number): number {
  const px = cols * (COVER_GRID.width * 7 + 5);
  const perLine = Math.max(8, Math.floor((px / (pt * 1.333 * 0.44)) * 0.96));
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
}

/** Row height (points) for `lines` lines at `pt` points. */
function heightOf(lines: number, pt: number): number {
  return Math.ceil(lines * pt * 1.2 + 5);
}

class Cover {
  row = 1;
  constructor(readonly sheet: Worksheet) {}

  /** Merges columns `from`–`to` (1-based) of the current row and writes `value` there. */
  cell(from: number, to: number, value: Parameters<typeof put>[2], style: CellStyle, row = this.row): void {
    if (to > from) this.sheet.mergeCells(row, from, row, to);
    put(this.sheet, addr(row, from), value, style);
    if (style.border) for (let c = from + 1; c <= to; c++) styleCell(this.sheet.getCell(addr(row, c)), style);
  }

  /** A paragraph across the whole width; the row is as high as the estimated wrapped text. */
  paragraph(text: string, style: CellStyle = {}): void {
    const pt = style.size ?? BODY_PT;
    this.cell(1, COVER_GRID.columns, nfc(text), { size: pt, wrap: true, horizontal: 'justify', vertical: 'top', ...style });
    this.sheet.getRow(this.row).height = heightOf(linesOf(text, COVER_GRID.columns, pt), pt);
    this.row += 1;
  }

  /** A short horizontal rule under columns `from`–`to` of the current row (bottom border). */
  rule(from: number, to: number, row = this.row): void {
    if (to > from) this.sheet.mergeCells(row, from, row, to);
    for (let c = from; c <= to; c++) {
      const cell = this.sheet.getCell(addr(row, c));
      // a new style object: the cell's own may be shared with other cells (see styleCell)
      cell.style = { ...cell.style, border: { bottom: { style: 'thin' } } };
    }
  }

  gap(height = 8): void {
    this.sheet.getRow(this.row).height = height;
    this.row += 1;
  }
}

/** A table column of the cover: grid columns `from`–`to`. */
interface Col {
  from: number;
  to: number;
  header: string;
}

/**
 * Writes the cover sheet. Every number in its tables is a formula on the totals or ranking
 * sheet, cached with the value that sheet holds, so a recalculating reader sees the same.
 */
export function writeCover(sheet: Worksheet, input: CoverInput): void {
  const { plan, result, heading, totals, ranking } = input;
  const period = result.period;
  const g = new Cover(sheet);
  const N = COVER_GRID.columns;
  for (let c = 1; c <= N; c++) {
    const column = sheet.getColumn(c);
    column.width = COVER_GRID.width;
    column.font = { name: FONT_NAME, size: BODY_PT };
  }
  const T = (address: string): string => `${quoteSheet(totals.sheet)}!${address}`;
  const R = (address: string): string => `${quoteSheet(ranking.sheet)}!${address}`;

  // ---- heading blocks: left = columns 1–10, right = 11–24 ---------------------------------
  const left = { from: 1, to: 10 };
  const right = { from: 11, to: N };
  g.cell(left.from, left.to, heading.parentBody === '' ? null : heading.parentBody.toLocaleUpperCase('vi'), { size: BODY_PT, horizontal: 'center', wrap: false });
  g.cell(right.from, right.to, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: BODY_PT, bold: true, horizontal: 'center', wrap: false });
  sheet.getRow(g.row).height = 18;
  g.row += 1;
  g.cell(left.from, left.to, heading.issuingBody.toLocaleUpperCase('vi'), { size: BODY_PT, bold: true, horizontal: 'center', wrap: false });
  g.cell(right.from, right.to, 'Độc lập - Tự do - Hạnh phúc', { size: 14, bold: true, horizontal: 'center', wrap: false });
  sheet.getRow(g.row).height = 19;
  g.row += 1;
  // rules: under the issuing body, 1/3–1/2 of its length, centred on the left block (columns 4–7);
  // under the motto, as long as the motto, centred on the right block (columns 14–21)
  g.rule(4, 7);
  g.rule(14, 21);
  sheet.getRow(g.row).height = 4;
  g.row += 1;
  g.gap(6);
  g.cell(left.from, left.to, numberLine(input.reportNumber, heading.symbol), { size: BODY_PT, horizontal: 'center', wrap: false });
  g.cell(right.from, right.to, placeAndDate(heading.place, input.reportDate), { size: 14, italic: true, horizontal: 'center', wrap: false });
  sheet.getRow(g.row).height = 20;
  g.row += 1;
  g.gap(14);

  // ---- document type and summary line ----------------------------------------------------
  g.cell(1, N, 'BÁO CÁO', { size: 14, bold: true, horizontal: 'center', wrap: false });
  sheet.getRow(g.row).height = 20;
  g.row += 1;
  const subject = `Kết quả thực hiện ${plan.title.vi}`;
  g.cell(1, N, nfc(subject), { size: 14, bold: true, horizontal: 'center', wrap: true });
  sheet.getRow(g.row).height = heightOf(linesOf(subject, N - 4, 14), 14);
  g.row += 1;
  g.cell(1, N, nfc(`Kỳ báo cáo: ${periodLabel(period)}`), { size: 14, bold: true, horizontal: 'center', wrap: false });
  sheet.getRow(g.row).height = 20;
  g.row += 1;
  // a short rule under the summary line, centred on the page (columns 10–15)
  g.rule(10, 15);
  sheet.getRow(g.row).height = 4;
  g.row += 1;
  g.gap(10);

  g.paragraph(
    `Thực hiện ${planDocumentText(plan.document)} của ${plan.document.issuer}, trên cơ sở báo cáo của các đơn vị (${cutoffText(period).replace(/^S/, 's')}), kết quả ${periodLabel(period)} được tổng hợp như sau:`,
  );

  // ---- 1. submission --------------------------------------------------------------------------
  g.paragraph('1. Tình hình gửi báo cáo', { bold: true });
  const cmp = input.comparison;
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
  tableHeader(g, progressCols);
  const progressLines: Array<{ label: string; ref: string; fmt: string; previous?: number | null }> = [
    { label: 'Số đơn vị phải báo cáo', ref: totals.expected, fmt: NUM_FMT.integer },
    { label: 'Số đơn vị đã gửi báo cáo', ref: totals.received, fmt: NUM_FMT.integer },
    { label: 'Tỷ lệ gửi đầy đủ', ref: totals.completeness, fmt: NUM_FMT.percent, previous: cmp?.completeness.previous ?? null },
    { label: 'Số đơn vị gửi đúng hạn', ref: totals.onTime, fmt: NUM_FMT.integer },
    { label: 'Tỷ lệ gửi đúng hạn', ref: totals.timeliness, fmt: NUM_FMT.percent, previous: cmp?.timeliness.previous ?? null },
  ];
  for (const line of progressLines) {
    const [labelCol, valueCol, prevCol, changeCol] = progressCols as [Col, Col, Col?, Col?];
    const cached = referenced(totals.values(line.ref));
    g.cell(labelCol.from, labelCol.to, line.label, { size: TABLE_PT, border: true, wrap: false });
    const valueAddr = addr(g.row, valueCol.from);
    g.cell(valueCol.from, valueCol.to, { formula: T(line.ref), result: cached }, { size: TABLE_PT, border: true, horizontal: 'right', numFmt: line.fmt });
    if (prevCol && changeCol) {
      const prevAddr = addr(g.row, prevCol.from);
      const prev = line.previous ?? null;
      g.cell(prevCol.from, prevCol.to, prev, { size: TABLE_PT, border: true, horizontal: 'right', numFmt: line.fmt });
      const change = typeof cached === 'number' && prev !== null ? cached - prev : '';
      g.cell(
        changeCol.from,
        changeCol.to,
        prev === null ? null : { formula: `IF(AND(ISNUMBER(${valueAddr}),ISNUMBER(${prevAddr})),${valueAddr}-${prevAddr},"")`, result: change },
        { size: TABLE_PT, border: true, horizontal: 'right', numFmt: line.fmt === NUM_FMT.percent ? '+0.0%;-0.0%;0.0%' : '+#,##0;-#,##0;0' },
      );
    }
    sheet.getRow(g.row).height = 18;
    g.row += 1;
  }
  const missing = input.units.filter((u) => !u.submitted && u.status !== 'unreadable');
  const unreadable = input.units.filter((u) => u.status === 'unreadable');
  const late = input.units.filter((u) => u.submitted && u.onTime === false);
  const undated = input.units.filter((u) => u.submitted && u.onTime === null);
  const names = (list: readonly UnitResult[]): string => list.map((u) => unitDisplayName(u)).join(', ');
  g.gap(4);
  g.paragraph(`- Chưa gửi báo cáo: ${missing.length === 0 ? 'không có.' : `${names(missing)}.`}`);
  if (unreadable.length > 0) g.paragraph(`- Đã gửi nhưng tệp không đọc được (tính là chưa nộp, cần gửi lại): ${names(unreadable)}.`);
  g.paragraph(`- Gửi sau hạn (hạn nộp ${shortDate(period.deadline)}): ${late.length === 0 ? 'không có.' : `${names(late)}.`}`);
  if (undated.length > 0) g.paragraph(`- Không xác định được ngày gửi: ${names(undated)}.`);

  // ---- 2. indicators --------------------------------------------------------------------------
  g.paragraph('2. Kết quả thực hiện các chỉ tiêu của thành phố', { bold: true });
  g.paragraph('Tỷ lệ của thành phố = tổng tử số ÷ tổng mẫu số của các đơn vị được tính (không lấy trung bình các tỷ lệ).', { italic: true, size: TABLE_PT });
  const indicatorCols: Col[] = [
    { from: 1, to: 2, header: 'STT' },
    { from: 3, to: 4, header: 'Mã' },
    { from: 5, to: 13, header: 'Chỉ tiêu' },
    { from: 14, to: 16, header: 'Chỉ tiêu kế hoạch' },
    { from: 17, to: 19, header: 'Kết quả thành phố' },
    { from: 20, to: 21, header: 'Số đơn vị đạt' },
    { from: 22, to: N, header: 'Đánh giá' },
  ];
  tableHeader(g, indicatorCols, 34);
  const notMetCity: string[] = [];
  plan.indicators.forEach((indicator, i) => {
    const tRow = totals.rows.get(indicator.code);
    if (tRow === undefined) return;
    const [cStt, cCode, cText, cTarget, cResult, cMet, cVerdict] = indicatorCols as [Col, Col, Col, Col, Col, Col, Col];
    const textCell = nfc(indicator.text.vi);
    const style: CellStyle = { size: TABLE_PT, border: true, vertical: 'top' };
    g.cell(cStt.from, cStt.to, i + 1, { ...style, horizontal: 'center' });
    g.cell(cCode.from, cCode.to, indicator.code, { ...style, horizontal: 'center' });
    g.cell(cText.from, cText.to, textCell, { ...style, wrap: true });
    g.cell(cTarget.from, cTarget.to, nfc(indicator.targetText.vi), { ...style, horizontal: 'center', wrap: true });
    const F = `F${tRow}`;
    const G = `G${tRow}`;
    const H = `H${tRow}`;
    const I = `I${tRow}`;
    const J = `J${tRow}`;
    const v = (a: string) => totals.values(a);
    const resultAddr = addr(g.row, cResult.from);
    const isCount = indicator.measure === 'count';
    const shown = isCount ? F : H;
    const resultCached = referenced(v(shown));
    g.cell(cResult.from, cResult.to, { formula: T(shown), result: resultCached }, { ...style, horizontal: 'center', numFmt: isCount ? NUM_FMT.integer : NUM_FMT.percent });
    const counted = v(I);
    const met = v(J);
    g.cell(
      cMet.from,
      cMet.to,
      { formula: `${T(J)}&"/"&${T(I)}`, result: `${typeof met === 'number' ? met : ''}/${typeof counted === 'number' ? counted : ''}` },
      { ...style, horizontal: 'center' },
    );
    // verdict for the city: ratio ≥ min; yes/no: every answering unit said yes; increase: Σ this period > Σ last year;
    // count: every counted unit reached the minimum
    let formula: string;
    let cached: string;
    const NONE = 'Chưa có số liệu';
    const target = indicator.target;
    if (target.rule === 'ratioAtLeast' || target.rule === 'yes') {
      const min = target.rule === 'ratioAtLeast' ? target.min : 1;
      formula = `IF(ISNUMBER(${resultAddr}),IF(${resultAddr}>=${min},"Đạt","Chưa đạt"),"${NONE}")`;
      cached = typeof resultCached === 'number' ? (resultCached >= min ? 'Đạt' : 'Chưa đạt') : NONE;
    } else if (target.rule === 'increase') {
      const f = v(F);
      const d = v(G);
      formula = `IF(AND(ISNUMBER(${T(F)}),ISNUMBER(${T(G)})),IF(${T(F)}>${T(G)},"Đạt","Chưa đạt"),"${NONE}")`;
      cached = typeof f === 'number' && typeof d === 'number' ? (f > d ? 'Đạt' : 'Chưa đạt') : NONE;
    } else {
      formula = `IF(${T(I)}>0,IF(${T(J)}=${T(I)},"Đạt","Chưa đạt"),"${NONE}")`;
      cached = typeof counted === 'number' && counted > 0 ? (met === counted ? 'Đạt' : 'Chưa đạt') : NONE;
    }
    const fill = cached === 'Đạt' ? COLOR.met : cached === 'Chưa đạt' ? COLOR.notMet : COLOR.missing;
    g.cell(cVerdict.from, cVerdict.to, { formula, result: cached }, { ...style, horizontal: 'center', fill, wrap: true });
    if (cached === 'Chưa đạt') notMetCity.push(isCount || typeof resultCached !== 'number' ? indicator.code : `${indicator.code} (${formatPercent(resultCached, 'vi')})`);
    const lines = Math.max(linesOf(textCell, cText.to - cText.from + 1, TABLE_PT), linesOf(indicator.targetText.vi, cTarget.to - cTarget.from + 1, TABLE_PT), 1);
    sheet.getRow(g.row).height = heightOf(lines, TABLE_PT);
    g.row += 1;
  });
  g.gap(4);
  g.paragraph(`- Chỉ tiêu chưa đạt ở cấp thành phố: ${notMetCity.length === 0 ? 'không có.' : `${notMetCity.join('; ')}.`}`);
  if (cmp) {
    const moves = cmp.indicators
      .filter((c) => c.change.ratio !== null)
      .map((c) => `${c.code} ${c.change.ratio! > 0 ? 'tăng' : c.change.ratio! < 0 ? 'giảm' : 'không đổi'}${c.change.ratio === 0 ? '' : ` ${formatNumber(Math.abs(c.change.ratio!) * 100, 'vi', 2)} điểm %`}`);
    g.paragraph(`- So với kỳ ${cmp.previous.period}: ${moves.length === 0 ? 'không có chỉ tiêu nào so sánh được.' : `${moves.join('; ')} (chi tiết tại trang So sánh cùng kỳ).`}`);
  }

  // ---- 3. scores --------------------------------------------------------------------------------
  const primary = plan.profiles.find((p) => p.id === plan.primaryProfile);
  g.paragraph(`3. Chấm điểm, xếp loại các đơn vị${primary ? ` (${primary.name.vi.replace(/^T/, 't')})` : ''}`, { bold: true });
  if (primary) {
    const bands = [...primary.bands].sort((a, b) => b.min - a.min);
    const byBand = bands.map((b) => `${b.label.vi}: ${input.units.filter((u) => u.submitted && u.band?.vi === b.label.vi).length}`);
    g.paragraph(`- Xếp loại (số đơn vị): ${byBand.join('; ')}; chưa chấm điểm (chưa gửi báo cáo): ${missing.length}.`);
  }
  const top = ranking.rows.slice(0, 5);
  if (top.length > 0) {
    g.paragraph(`- Các đơn vị dẫn đầu:`);
    const rankCols: Col[] = [
      { from: 1, to: 3, header: 'Thứ hạng' },
      { from: 4, to: 13, header: 'Đơn vị' },
      { from: 14, to: 17, header: 'Điểm' },
      { from: 18, to: 21, header: 'Xếp loại' },
    ];
    tableHeader(g, rankCols);
    for (const r of top) {
      const [cRank, cName, cScore, cBand] = rankCols as [Col, Col, Col, Col];
      const style: CellStyle = { size: TABLE_PT, border: true };
      g.cell(cRank.from, cRank.to, { formula: R(`D${r.row}`), result: r.rank }, { ...style, horizontal: 'center' });
      g.cell(cName.from, cName.to, { formula: R(`B${r.row}`), result: r.name }, { ...style, wrap: false });
      g.cell(cScore.from, cScore.to, { formula: R(`C${r.row}`), result: r.score }, { ...style, horizontal: 'right', numFmt: NUM_FMT.score });
      g.cell(cBand.from, cBand.to, { formula: R(`E${r.row}`), result: r.band }, { ...style, horizontal: 'center' });
      sheet.getRow(g.row).height = 18;
      g.row += 1;
    }
    g.gap(4);
    const lowest = ranking.rows[ranking.rows.length - 1];
    if (lowest && ranking.rows.length > top.length) {
      g.paragraph(`- Đơn vị có điểm thấp nhất: ${lowest.name} (${formatNumber(lowest.score, 'vi')} điểm, xếp loại ${lowest.band}).`);
    }
  }
  if (cmp) {
    const moved = cmp.units.filter((u) => u.change.score !== null);
    if (moved.length > 0) {
      const unitName = (code: string): string => {
        const u = result.units.find((x) => x.code === code);
        return u ? unitDisplayName(u) : code;
      };
      const up = moved.filter((u) => u.change.score! > 0).sort((a, b) => b.change.score! - a.change.score! || a.code.localeCompare(b.code))[0];
      const down = moved.filter((u) => u.change.score! < 0).sort((a, b) => a.change.score! - b.change.score! || a.code.localeCompare(b.code))[0];
      const rise = up ? `tăng điểm nhiều nhất ${unitName(up.code)} (+${formatNumber(up.change.score!, 'vi')} điểm)` : 'không đơn vị nào tăng điểm';
      const fall = down ? `giảm điểm nhiều nhất ${unitName(down.code)} (−${formatNumber(-down.change.score!, 'vi')} điểm)` : 'không đơn vị nào giảm điểm';
      g.paragraph(`- So với kỳ ${cmp.previous.period}: ${rise}; ${fall}.`);
    }
  }

  // ---- 4. findings ------------------------------------------------------------------------------
  g.paragraph('4. Kết quả kiểm tra số liệu', { bold: true });
  const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
  const withErrors = input.units
    .map((u) => ({ u, n: result.findings.filter((f) => f.unit === u.code && f.severity === 'error').length }))
    .filter((x) => x.n > 0);
  g.paragraph(
    `- Kiểm tra các báo cáo phát hiện ${count('error')} lỗi, ${count('warning')} cảnh báo và ${count('notice')} lưu ý${
      withErrors.length === 0 ? '; không đơn vị nào có lỗi' : `; đơn vị có lỗi: ${withErrors.map((x) => `${unitDisplayName(x.u)} (${x.n} lỗi)`).join(', ')}`
    }. Số liệu có lỗi không được tính vào tổng hợp; chi tiết từng ô tại trang Phát hiện.`,
  );
  g.paragraph(`Chi tiết tại các biểu kèm theo: ${input.attached.join('; ')}.`, { italic: true });
  g.gap(12);

  // ---- recipients and signature -----------------------------------------------------------------
  const signStart = g.row;
  const signer = heading.signer;
  const signLines: Array<[string, CellStyle]> = [
    ...(signer.authority.trim() === '' ? [] : ([[signer.authority.toLocaleUpperCase('vi'), { bold: true }]] as Array<[string, CellStyle]>)),
    [signer.title.toLocaleUpperCase('vi'), { bold: true }],
  ];
  const recipientLines: Array<[string, CellStyle]> = [
    ['Nơi nhận:', { bold: true, italic: true, size: 12 }],
    ...heading.recipients.map((r): [string, CellStyle] => [`- ${r}`, { size: 11 }]),
  ];
  const height = Math.max(recipientLines.length, signLines.length + 5);
  for (let k = 0; k < height; k++) {
    const row = signStart + k;
    const rl = recipientLines[k];
    if (rl) g.cell(1, 10, nfc(rl[0]), { wrap: false, vertical: 'top', ...rl[1] }, row);
    const sl = signLines[k];
    if (sl) g.cell(13, N, nfc(sl[0]), { size: BODY_PT, horizontal: 'center', wrap: false, ...sl[1] }, row);
    if (k === height - 1 && signer.name.trim() !== '') g.cell(13, N, nfc(signer.name), { size: BODY_PT, bold: true, horizontal: 'center', wrap: false }, row);
    sheet.getRow(row).height = 17;
  }
  g.row = signStart + height;

  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    // Decree 30/2020: top 20–25 mm, bottom 20–25 mm, left 30–35 mm, right 15–20 mm
    margins: { left: 1.18, right: 0.6, top: 0.8, bottom: 0.8, header: 0.4, footer: 0.3 },
    printArea: `A1:${colLetter(N)}${g.row - 1}`,
  };
  sheet.headerFooter = { differentFirst: true, firstHeader: '', firstFooter: '', oddHeader: `&C&"${FONT_NAME},Regular"&13&P`, oddFooter: '' };
}

/** Writes a table header row over `cols` on the current row. */
function tableHeader(g: Cover, cols: readonly Col[], height = 20): void {
  for (const c of cols) g.cell(c.from, c.to, c.header, { size: TABLE_PT, bold: true, border: true, fill: COLOR.header, horizontal: 'center', wrap: true });
  g.sheet.getRow(g.row).height = height;
  g.row += 1;
}
