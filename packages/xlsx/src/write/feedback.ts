import {
  CONSOLIDATED_MARKER_NAME,
  formatNumber,
  formatPercent,
  type Consolidation,
  type Finding,
  type IndicatorResult,
  type Plan,
  type ReportHeading,
  type Severity,
  type UnitResult,
} from '@cchc-kpi/core';
import { reportHeading, placeAndDate } from './cover.ts';
import { COLOR, FONT_NAME, NUM_FMT, addr, finishWorkbook, newWorkbook, put, quoteSheet, setWidths, styleCell, type CellStyle } from './styles.ts';
import { safeSheetName } from './sheet-name.ts';
import { nfc, periodLabel, planDocumentText, shortDate, unitDisplayName } from './vi.ts';

/**
 * The feedback workbook (phiếu phản hồi) sent back to one unit after consolidation: its
 * submission status, score and band, its figures per indicator, and every finding about its own
 * report — severity, sheet and cell, the Vietnamese message (with the English one beside it) —
 * so the ward can open its file at the cell named and correct it. One small sheet, A4 landscape,
 * named after the unit (`safeSheetName`); deterministic bytes.
 */

/** Options of {@link writeFeedback}. */
export interface WriteFeedbackOptions {
  /** ISO date of the date line and of the workbook's properties; default the period's deadline. */
  reportDate?: string;
  /** Heading overrides; default the plan's `report` block. */
  heading?: Partial<ReportHeading>;
}

/** A written feedback workbook. */
export interface FeedbackFile {
  /** `<unit code>-<period code>-phan-hoi.xlsx` */
  fileName: string;
  bytes: Uint8Array;
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

const SEVERITY_TEXT: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo', notice: 'Lưu ý' };
const SEVERITY_FILL: Record<Severity, string> = { error: COLOR.invalid, warning: COLOR.notMet, notice: COLOR.total };
const STATUS_TEXT: Record<IndicatorResult['status'], string> = {
  met: 'Đạt',
  notMet: 'Chưa đạt',
  missing: 'Thiếu số liệu',
  invalid: 'Không hợp lệ',
  notApplicable: 'Không áp dụng',
};
const STATUS_FILL: Record<IndicatorResult['status'], string> = {
  met: COLOR.met,
  notMet: COLOR.notMet,
  missing: COLOR.missing,
  invalid: COLOR.invalid,
  notApplicable: COLOR.notApplicable,
};

const WIDTH = 8;
const HEADER: CellStyle = { bold: true, fill: COLOR.header, border: true, horizontal: 'center', size: 11 };
const BODY: CellStyle = { border: true, size: 11, vertical: 'top' };

/** Estimated printed lines of `text` in a column `chars` characters wide at 11 pt. */
function lines(text: string, chars: number): number {
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / Math.max(8, chars * 1.05))), 0);
}

/** The unit's own findings in reading order (already sorted by the consolidator: file, sheet, cell, severity). */
function ownFindings(unit: UnitResult, result: Consolidation): Finding[] {
  return unit.findings.length > 0 ? unit.findings : result.findings.filter((f) => f.unit === unit.code);
}

/**
 * Writes the feedback workbook of one unit of a consolidation.
 * @param unit the unit's line in `result`.
 * @param result the consolidation (period, ranking size).
 * @param plan the plan (indicator order and texts, heading).
 * @returns the file name (from the unit's registry code) and the xlsx bytes.
 * @throws RangeError when the unit code is not safe in a file name or a date is not ISO.
 */
export async function writeFeedback(unit: UnitResult, result: Consolidation, plan: Plan, options: WriteFeedbackOptions = {}): Promise<FeedbackFile> {
  const period = result.period;
  const fileName = feedbackFileName(unit.code, period.code);
  const reportDate = options.reportDate ?? period.deadline;
  const heading = reportHeading(plan, options.heading);
  const name = unitDisplayName(unit);
  const wb = newWorkbook(reportDate, nfc(`Phản hồi kết quả kiểm tra báo cáo ${periodLabel(period)} – ${name}`));
  const sheet = wb.addWorksheet(safeSheetName(name, [], 'Phản hồi'), { views: [{ showGridLines: false, activeCell: 'A1' }] });
  // Marked like the consolidated workbook, so `cchc consolidate` skips it (with a notice) if it lands among the reports.
  wb.definedNames.add(`${quoteSheet(sheet.name)}!$A$1`, CONSOLIDATED_MARKER_NAME);
  setWidths(sheet, [6, 10, 11, 9, 58, 12, 14, 28]);
  let row = 1;
  const line = (text: string | null, style: CellStyle, from = 1, to = WIDTH, height?: number): void => {
    if (to > from) sheet.mergeCells(row, from, row, to);
    put(sheet, addr(row, from), text === null ? null : nfc(text), { wrap: false, ...style });
    if (height !== undefined) sheet.getRow(row).height = height;
  };

  // heading: issuing body left, place and date right
  if (heading.parentBody !== '') {
    line(heading.parentBody.toLocaleUpperCase('vi'), { size: 12, horizontal: 'center' }, 1, 4, 17);
    row += 1;
  }
  line(heading.issuingBody.toLocaleUpperCase('vi'), { size: 12, bold: true, horizontal: 'center' }, 1, 4, 17);
  line(placeAndDate(heading.place, reportDate), { size: 12, italic: true, horizontal: 'center' }, 5, WIDTH, 17);
  row += 2;
  line('PHIẾU PHẢN HỒI KẾT QUẢ KIỂM TRA BÁO CÁO', { size: 14, bold: true, horizontal: 'center' }, 1, WIDTH, 21);
  row += 1;
  line(`Kỳ báo cáo: ${periodLabel(period)} (${period.code}) – ${planDocumentText(plan.document)}`, { size: 12, italic: true, horizontal: 'center' }, 1, WIDTH, 18);
  row += 2;
  line(`Kính gửi: UBND ${name} (mã đơn vị ${unit.code})`, { size: 12, bold: true }, 1, WIDTH, 18);
  row += 1;

  // status, score
  const scored = result.units.filter((u) => u.submitted && u.score !== null).length;
  const status: string[] = [];
  if (unit.status === 'unreadable') {
    status.push(`Đã nhận tệp ${unit.file ?? ''} của đơn vị cho kỳ ${period.code} nhưng không đọc được (xem lỗi bên dưới), nên đơn vị được tính là chưa nộp (hạn nộp ${shortDate(period.deadline)}).`);
  } else if (!unit.submitted) {
    status.push(`Chưa nhận được báo cáo kỳ ${period.code} của đơn vị (hạn nộp ${shortDate(period.deadline)}). Đề nghị đơn vị gửi báo cáo theo biểu mẫu.`);
  } else {
    const received = unit.receivedOn ?? unit.submittedOn;
    const timing = unit.onTime === null ? 'chưa xác định được ngày gửi' : unit.onTime ? 'đúng hạn' : 'sau hạn';
    status.push(
      `Đã nhận báo cáo${unit.file ? ` (tệp ${unit.file})` : ''}${received ? ` ngày ${shortDate(received)}` : ''}: ${timing} (hạn nộp ${shortDate(period.deadline)}).`,
    );
    if (unit.score !== null) {
      status.push(
        `Điểm: ${formatNumber(unit.score, 'vi')}${unit.band ? `, xếp loại ${unit.band.vi}` : ''}${unit.rank !== null ? `, thứ hạng ${unit.rank}/${scored}` : ''} (${plan.profiles.find((p) => p.id === plan.primaryProfile)?.name.vi ?? 'thang điểm chính'}).`,
      );
    }
  }
  for (const text of status) {
    line(`- ${text}`, { size: 12 }, 1, WIDTH, 18);
    row += 1;
  }
  row += 1;

  // findings
  const findings = ownFindings(unit, result);
  line(`1. Các phát hiện khi kiểm tra (${findings.length})`, { size: 12, bold: true }, 1, WIDTH, 18);
  row += 1;
  if (findings.length === 0) {
    line('Không có phát hiện nào.', { size: 12, italic: true }, 1, WIDTH, 18);
    row += 1;
  } else {
    ['STT', 'Mức độ', 'Trang tính', 'Ô', 'Nội dung', 'Chỉ tiêu', 'Message (English)'].forEach((h, i) => put(sheet, addr(row, i + 1), h, HEADER));
    sheet.mergeCells(row, 7, row, 8);
    styleCell(sheet.getCell(addr(row, 8)), HEADER);
    sheet.getRow(row).height = 18;
    const headerRow = row;
    row += 1;
    findings.forEach((f, i) => {
      const vi = nfc(f.message.vi);
      put(sheet, addr(row, 1), i + 1, { ...BODY, horizontal: 'center' });
      put(sheet, addr(row, 2), SEVERITY_TEXT[f.severity], { ...BODY, horizontal: 'center', fill: SEVERITY_FILL[f.severity] });
      put(sheet, addr(row, 3), f.sheet ? nfc(f.sheet) : null, { ...BODY, numFmt: NUM_FMT.text });
      put(sheet, addr(row, 4), f.cell ?? null, { ...BODY, horizontal: 'center', numFmt: NUM_FMT.text });
      put(sheet, addr(row, 5), vi, { ...BODY, wrap: true });
      put(sheet, addr(row, 6), f.indicator ?? null, { ...BODY, horizontal: 'center', numFmt: NUM_FMT.text });
      sheet.mergeCells(row, 7, row, 8);
      put(sheet, addr(row, 7), f.message.en, { ...BODY, size: 10, wrap: true });
      styleCell(sheet.getCell(addr(row, 8)), BODY);
      sheet.getRow(row).height = Math.max(17, Math.max(lines(vi, 58), lines(f.message.en, 42 * 1.15)) * 15 + 3);
      row += 1;
    });
    sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  }
  const closing: string | null = unit.status === 'unreadable'
    ? 'Đề nghị đơn vị gửi lại báo cáo trong tệp đọc được: theo biểu mẫu, dạng .xlsx, không đặt mật khẩu.'
    : !unit.submitted
    ? 'Đề nghị đơn vị lập báo cáo theo biểu mẫu và gửi về Văn phòng.'
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
    line('2. Số liệu các chỉ tiêu (như đơn vị báo cáo)', { size: 12, bold: true }, 1, WIDTH, 18);
    row += 1;
    ['STT', 'Mã', 'Tử số / Giá trị', 'Mẫu số', 'Chỉ tiêu', 'Tỷ lệ / kết quả', 'Đánh giá', 'Tài liệu kiểm chứng, ghi chú'].forEach((h, i) => put(sheet, addr(row, i + 1), h, HEADER));
    sheet.getRow(row).height = 30;
    row += 1;
    plan.indicators.forEach((indicator, i) => {
      const ir = unit.indicators[indicator.code];
      const st = ir?.status ?? 'missing';
      const value = ir?.value;
      const first = typeof value === 'boolean' ? (value ? 'Có' : 'Không') : typeof value === 'number' ? value : (ir?.numerator ?? null);
      const shown =
        ir?.ratio !== null && ir?.ratio !== undefined
          ? formatPercent(ir.ratio, 'vi')
          : typeof value === 'number'
            ? formatNumber(value, 'vi')
            : typeof value === 'boolean'
              ? value
                ? 'Có'
                : 'Không'
              : '';
      const text = nfc(indicator.text.vi);
      put(sheet, addr(row, 1), i + 1, { ...BODY, horizontal: 'center' });
      put(sheet, addr(row, 2), indicator.code, { ...BODY, horizontal: 'center' });
      put(sheet, addr(row, 3), first, { ...BODY, horizontal: 'right', numFmt: typeof first === 'number' ? NUM_FMT.integer : NUM_FMT.text });
      put(sheet, addr(row, 4), ir?.denominator ?? null, { ...BODY, horizontal: 'right', numFmt: NUM_FMT.integer });
      put(sheet, addr(row, 5), text, { ...BODY, size: 10, wrap: true });
      put(sheet, addr(row, 6), shown, { ...BODY, horizontal: 'center' });
      put(sheet, addr(row, 7), STATUS_TEXT[st], { ...BODY, horizontal: 'center', fill: STATUS_FILL[st], size: 10, wrap: true });
      const remark = [ir?.evidence, ir?.note].filter((x): x is string => typeof x === 'string' && x.trim() !== '').map(nfc).join('; ');
      put(sheet, addr(row, 8), remark === '' ? null : remark, { ...BODY, size: 10, wrap: true });
      sheet.getRow(row).height = Math.max(17, Math.max(lines(text, 58 * 1.15), lines(remark, 28 * 1.15)) * 13 + 3);
      row += 1;
    });
    row += 1;
  }

  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  // `&` starts a header/footer code; a literal one is written `&&`
  sheet.headerFooter = { oddFooter: `&C&"${FONT_NAME},Regular"&10${name.replace(/&/g, '&&')} – Trang &P/&N` };
  return { fileName, bytes: await finishWorkbook(wb, reportDate) };
}
