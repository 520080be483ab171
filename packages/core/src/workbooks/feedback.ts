import type { BookModel, PrintModel, StyleModel } from '../book/model.ts';
import { NUM_FMT, Palette } from '../book/palette.ts';
import { keepTogether, pageHeightPt, rowPoints } from '../book/print.ts';
import { RowSet, type CellInput } from '../book/rows.ts';
import { safeSheetName } from '../book/sheet-name.ts';
import type { Consolidation, UnitResult } from '../consolidate/types.ts';
import type { Finding } from '../finding.ts';
import type { Plan, ReportHeading } from '../plan/schema.ts';
import { CONSOLIDATED_MARKER_NAME } from '../template/names.ts';
import { formatNumber, formatPercent } from '../text/format.ts';
import { formatDate, placeAndDate } from '../vocabulary/dates.ts';
import { NO_FINDINGS, findingCountsText } from '../vocabulary/findings.ts';
import { issuingBodyLines, reportHeading, returnOffice } from '../vocabulary/headings.ts';
import { deadlineText, periodLine, periodName, planDocumentText } from '../vocabulary/periods.ts';
import { deadlineBasisSuffix } from '../vocabulary/basis.ts';
import { HEADERS } from '../vocabulary/sheets.ts';
import { unitAddressee, unitDisplayName } from '../vocabulary/units.ts';
import { NO, SEVERITY_WORDS, STATUS_WORDS, YES } from '../vocabulary/words.ts';
import { HEADER as TABLE_HEADER, SEVERITY_FILL, STATUS_FILL, columnsOf } from './consolidated/context.ts';

/**
 * The feedback workbook (phiếu phản hồi) sent back to one unit after consolidation: its
 * submission status, score and band, every finding about its own report — severity, sheet and
 * cell, the Vietnamese message (the English one beside it) — and its figures per indicator, so
 * the ward can open its file at the cell named and correct it. One sheet, A4 landscape, named
 * after the unit (`safeSheetName`).
 */

/** Options of {@link buildFeedback}. */
export interface FeedbackOptions {
  /** ISO date of the date line and of the workbook's properties; default the period's deadline. */
  reportDate?: string;
  /** Heading overrides; default the plan's `report` block. */
  heading?: Partial<ReportHeading>;
}

/** Unit codes usable in a file name: the registry's code pattern, 1–64 characters, not starting with a Windows device name. */
const SAFE_CODE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * The feedback file name of a unit: `<unit code>-<period code>-phan-hoi.xlsx`, from the
 * registry's unit code — never from text read out of a cell.
 * @throws RangeError when the code or the period code is not safe in a file name: more than 64
 *   characters, characters outside `A–Z a–z 0–9 _ . -`, or a Windows device name before the first
 *   dot (`nul.1`).
 */
export function feedbackFileName(unitCode: string, periodCode: string): string {
  // Windows treats a name whose part before the first dot is a device (NUL, COM1…) as that device;
  // without a dot in the code that part is `<code>-<period>-phan-hoi`, never a device name.
  const stem = unitCode.includes('.') ? unitCode.slice(0, unitCode.indexOf('.')) : '';
  if (!SAFE_CODE.test(unitCode) || WINDOWS_DEVICE.test(stem)) throw new RangeError(`feedbackFileName: unsafe unit code ${JSON.stringify(unitCode)}`);
  if (!/^[0-9]{4}(-[QH][1-4])?$/.test(periodCode)) throw new RangeError(`feedbackFileName: unexpected period code ${JSON.stringify(periodCode)}`);
  return `${unitCode}-${periodCode}-phan-hoi.xlsx`;
}

const WIDTH = 8;
const HEADER: StyleModel = { ...TABLE_HEADER, size: 11 };
const BODY: StyleModel = { border: 'all', size: 11, vertical: 'top' };

/** The unit's own findings in reading order (already sorted by the consolidator: file, sheet, cell, severity). */
function ownFindings(unit: UnitResult, result: Consolidation): Finding[] {
  return unit.findings.length > 0 ? unit.findings : result.findings.filter((f) => f.unit === unit.code);
}

/**
 * The feedback workbook of one unit of a consolidation, as a model.
 * @param unit the unit's line in `result`.
 * @param result the consolidation (period, ranking size).
 * @param plan the plan (indicator order and texts, heading, the office reports go back to).
 * @throws RangeError when a date is not ISO.
 */
export function buildFeedback(unit: UnitResult, result: Consolidation, plan: Plan, options: FeedbackOptions = {}): BookModel {
  const period = result.period;
  const reportDate = options.reportDate ?? period.deadline;
  const heading = reportHeading(plan, options.heading);
  const name = unitDisplayName(unit);
  const palette = new Palette();
  const columns = columnsOf(palette, [6, 10, 11, 9, 58, 12, 14, 28]);
  const rows = new RowSet(palette);
  const sheetName = safeSheetName(name, [], 'Phản hồi');
  let row = 1;
  const line = (text: string | null, style: StyleModel, from = 1, to = WIDTH, height?: number): void => {
    rows.merge(row, from, row, to, text === null ? null : text.normalize('NFC'), { wrap: false, ...style });
    if (height !== undefined) rows.height(row, height);
  };

  // heading: issuing body left, place and date right
  if (heading.parentBody !== '') {
    line(heading.parentBody.toLocaleUpperCase('vi'), { size: 12, horizontal: 'center' }, 1, 4, 17);
    row += 1;
  }
  const issuer = issuingBodyLines(heading);
  issuer.forEach((text, k) => {
    line(text, { size: 12, bold: true, horizontal: 'center' }, 1, 4, 17);
    if (k === 0) line(placeAndDate(heading.place, reportDate), { size: 12, italic: true, horizontal: 'center' }, 5, WIDTH, 17);
    row += 1;
  });
  row += 1;
  line('PHIẾU PHẢN HỒI KẾT QUẢ KIỂM TRA BÁO CÁO', { size: 14, bold: true, horizontal: 'center' }, 1, WIDTH, 21);
  row += 1;
  line(`${periodLine(period)} – ${planDocumentText(plan.document)}`, { size: 12, italic: true, horizontal: 'center' }, 1, WIDTH, 18);
  row += 2;
  line(`Kính gửi: ${unitAddressee(unit)}`, { size: 12, bold: true }, 1, WIDTH, 18);
  row += 1;

  // status, score
  const scored = result.units.filter((u) => u.submitted && u.score !== null).length;
  const primary = plan.profiles.find((p) => p.id === plan.primaryProfile);
  const status: string[] = [];
  // the deadline with its basis, inside brackets: "hạn gửi báo cáo 20/06/2021 – quy ước, kế hoạch không quy định"
  const deadline = `${deadlineText(period)}${deadlineBasisSuffix(plan, { inBrackets: true }).vi}`;
  if (unit.status === 'unreadable') {
    status.push(`Đã nhận tệp ${unit.file ?? ''} của đơn vị cho kỳ ${period.code} nhưng không đọc được (xem lỗi bên dưới), nên đơn vị được tính là chưa gửi báo cáo (${deadline}).`);
  } else if (!unit.submitted) {
    status.push(`Chưa nhận được báo cáo kỳ ${period.code} của đơn vị (${deadline}). Đề nghị đơn vị gửi báo cáo theo biểu mẫu.`);
  } else {
    const received = unit.receivedOn ?? unit.submittedOn;
    const timing = unit.onTime === null ? 'chưa xác định được ngày gửi' : unit.onTime ? 'đúng hạn' : 'sau hạn';
    status.push(`Đã nhận báo cáo${unit.file ? ` (tệp ${unit.file})` : ''}${received ? ` ngày ${formatDate(received)}` : ''}: ${timing} (${deadline}).`);
    if (unit.score !== null) {
      const scale = primary ? ` (thang điểm ${formatNumber(primary.scale, 'vi')})` : '';
      status.push(`Điểm: ${formatNumber(unit.score, 'vi')}${unit.band ? `, xếp loại ${unit.band.vi}` : ''}${unit.rank !== null ? `, thứ hạng ${unit.rank}/${scored}` : ''}${scale}.`);
    }
  }
  for (const text of status) {
    line(`- ${text}`, { size: 12 }, 1, WIDTH, 18);
    row += 1;
  }
  row += 1;

  /** Headings kept on the page of the table rows after them. */
  const blocks: Array<[number, number]> = [];

  // findings
  const findings = ownFindings(unit, result);
  blocks.push([row, row + 2]);
  line(`1. Kết quả kiểm tra báo cáo${findings.length === 0 ? '' : ` (${findingCountsText(findings)})`}`, { size: 12, bold: true }, 1, WIDTH, 18);
  row += 1;
  let titleRows: [number, number] | undefined;
  let findingsEnd: number | null = null;
  if (findings.length === 0) {
    line(NO_FINDINGS, { size: 12, italic: true }, 1, WIDTH, 18);
    row += 1;
  } else {
    HEADERS.feedbackFindings.forEach((h, i) => (i === 6 ? rows.merge(row, 7, row, 8, h, HEADER) : rows.put(row, i + 1, h, HEADER)));
    rows.height(row, 18);
    titleRows = [row, row];
    row += 1;
    findings.forEach((f, i) => {
      rows.put(row, 1, i + 1, { ...BODY, horizontal: 'center' });
      rows.put(row, 2, SEVERITY_WORDS[f.severity], { ...BODY, horizontal: 'center', fill: SEVERITY_FILL[f.severity] });
      rows.put(row, 3, f.sheet ? f.sheet.normalize('NFC') : null, { ...BODY, numFmt: NUM_FMT.text });
      rows.put(row, 4, f.cell ?? null, { ...BODY, horizontal: 'center', numFmt: NUM_FMT.text });
      rows.put(row, 5, f.message.vi.normalize('NFC'), BODY);
      rows.put(row, 6, f.indicator ?? null, { ...BODY, horizontal: 'center', numFmt: NUM_FMT.text });
      rows.merge(row, 7, row, 8, f.message.en, { ...BODY, size: 10 });
      row += 1;
    });
    findingsEnd = row - 1;
  }
  const closing: string | null = unit.status === 'unreadable'
    ? 'Đề nghị đơn vị gửi lại báo cáo trong tệp đọc được: theo biểu mẫu, dạng .xlsx, không đặt mật khẩu.'
    : !unit.submitted
    ? `Đề nghị đơn vị lập báo cáo theo biểu mẫu và gửi về ${returnOffice(heading)}.`
    : findings.some((f) => f.severity === 'error')
      ? 'Số liệu có lỗi không được tính vào tổng hợp. Đề nghị đơn vị mở tệp báo cáo, sửa đúng các ô nêu trên và gửi lại.'
      : findings.length > 0
        ? 'Đề nghị đơn vị xem các cảnh báo, lưu ý nêu trên để hoàn thiện báo cáo các kỳ sau.'
        : null;
  if (closing !== null) {
    line(closing, { size: 12, italic: true }, 1, WIDTH, 18);
    row += 1;
  }
  row += 1;

  // indicators
  if (unit.submitted) {
    blocks.push([row, row + 2]);
    line('2. Số liệu các chỉ tiêu (như đơn vị báo cáo)', { size: 12, bold: true }, 1, WIDTH, 18);
    row += 1;
    HEADERS.feedbackIndicators.forEach((h, i) => rows.put(row, i + 1, h, HEADER));
    rows.height(row, 30);
    row += 1;
    plan.indicators.forEach((indicator, i) => {
      const ir = unit.indicators[indicator.code];
      const st = ir?.status ?? 'missing';
      const value = ir?.value;
      const first: CellInput = typeof value === 'boolean' ? (value ? YES : NO) : typeof value === 'number' ? value : (ir?.numerator ?? null);
      const shown =
        ir?.ratio !== null && ir?.ratio !== undefined
          ? formatPercent(ir.ratio, 'vi')
          : typeof value === 'number'
            ? formatNumber(value, 'vi')
            : typeof value === 'boolean'
              ? value
                ? YES
                : NO
              : '';
      rows.put(row, 1, i + 1, { ...BODY, horizontal: 'center' });
      rows.put(row, 2, indicator.code, { ...BODY, horizontal: 'center' });
      rows.put(row, 3, first, { ...BODY, horizontal: 'right', numFmt: typeof first === 'number' ? NUM_FMT.integer : NUM_FMT.text });
      rows.put(row, 4, ir?.denominator ?? null, { ...BODY, horizontal: 'right', numFmt: NUM_FMT.integer });
      rows.put(row, 5, indicator.text.vi.normalize('NFC'), { ...BODY, size: 10 });
      rows.put(row, 6, shown, { ...BODY, horizontal: 'center' });
      rows.put(row, 7, STATUS_WORDS[st], { ...BODY, horizontal: 'center', fill: STATUS_FILL[st], size: 10 });
      const remark = [ir?.evidence, ir?.note].filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.normalize('NFC')).join('; ');
      rows.put(row, 8, remark === '' ? null : remark, { ...BODY, size: 10 });
      row += 1;
    });
  }

  let print: PrintModel = {
    orientation: 'landscape',
    fit: { width: 1, height: 0 },
    ...(titleRows ? { titleRows } : {}),
    margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    horizontalCentered: true,
    // `&` starts a header/footer code; a literal one is written `&&`
    footer: `&C&"Times New Roman,Regular"&10${name.replace(/&/g, '&&')} – Trang &P/&N`,
  };
  // the findings' header repeats on every page only when the findings themselves run over a page
  const heights = new Map(rows.rows(columns).map((r) => [r.row, rowPoints(r)]));
  if (titleRows && findingsEnd !== null) {
    let table = 0;
    for (let r = titleRows[0]; r <= findingsEnd; r++) table += heights.get(r) ?? rowPoints(undefined);
    if (table <= pageHeightPt(print, columns)) {
      const { titleRows: _once, ...rest } = print;
      print = rest;
    }
  }
  for (const after of keepTogether(rows.rows(columns), print, columns, blocks)) rows.breakAfter(after);
  const built = rows.rows(columns);
  return {
    title: `Phản hồi kết quả kiểm tra báo cáo ${periodName(period)} – ${name}`.normalize('NFC'),
    createdOn: reportDate,
    sheets: [{ name: sheetName, columns, activeCell: 'A1', gridlines: false, validations: [], print, rows: () => built }],
    // marked like the consolidated workbook, so `cchc consolidate` skips it (with a notice) if it lands among the reports
    names: [{ name: CONSOLIDATED_MARKER_NAME, sheet: sheetName, ref: 'A1' }],
    styles: palette.styles,
  };
}
