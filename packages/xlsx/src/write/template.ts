import type { DataValidation, Worksheet } from 'exceljs';
import {
  ACTIVITIES_NAME,
  ACTIVITY_COLUMNS,
  HEADER_NAMES,
  LIST_NAMES,
  TEMPLATE_VERSION,
  YES_NO,
  indicatorCellName,
  listEntry,
  type ActivityColumn,
  type Indicator,
  type Period,
  type Plan,
  type Unit,
} from '@cchc-kpi/core';
import { COLOR, NUM_FMT, a4, absRef, addr, finishWorkbook, font, newWorkbook, put, setWidths, styleCell, validate, type CellStyle } from './styles.ts';
import { cutoffText, decree30Date, excelDate, issuingHeader, nfc, periodLabel, planDocumentText, shortDate, unitDisplayName } from './vi.ts';

/**
 * The report template (biểu mẫu) a unit fills in for one period. Every input cell carries a
 * workbook-scoped defined name from `@cchc-kpi/core` `template/names.ts`, so the reader never
 * depends on positions; the positions below are this writer's layout only.
 */

/** Sheet names of the template. "Danh mục" and "_meta" are hidden. */
export const TEMPLATE_SHEETS = {
  report: 'Báo cáo',
  activities: 'Hoạt động',
  guide: 'Hướng dẫn',
  lists: 'Danh mục',
  meta: '_meta',
} as const;

/** Where things sit on the "Báo cáo" and "Hoạt động" sheets (1-based rows and columns). */
export const TEMPLATE_LAYOUT = {
  /** Row of the unit-code, period-code cells (columns F and H). */
  unitRow: 8,
  /** Row of the submission-date input (column C). */
  submittedRow: 9,
  headerRow: 10,
  /** Row with the column numbers (1)…(10). */
  columnNumberRow: 11,
  /** Row of the first indicator; indicator i (0-based, plan order) sits on row `firstIndicatorRow + i`. */
  firstIndicatorRow: 12,
  columns: { stt: 1, code: 2, text: 3, unitOfMeasure: 4, target: 5, numerator: 6, denominator: 7, percent: 8, note: 9, evidence: 10 },
  activitiesHeaderRow: 3,
  activitiesFirstRow: 4,
  activityRows: 200,
} as const;

/** Options of {@link writeTemplate}. */
export interface WriteTemplateOptions {
  /**
   * ISO date stored as the workbook's created/modified date and on the zip entries.
   * Default: the later of the plan's document date and the period's cut-off start.
   */
  createdOn?: string;
}

/** A written template: the file name to save it under and its bytes. */
export interface TemplateFile {
  fileName: string;
  bytes: Uint8Array;
}

/** `<unit code>-<period code>.xlsx`, characters not allowed in file names replaced by `_`. */
export function templateFileName(unit: Pick<Unit, 'code'>, period: Pick<Period, 'code'>): string {
  return `${unit.code}-${period.code}.xlsx`.replace(/[\\/:*?"<>|\s]/g, '_');
}

/**
 * True when the indicator applies to the unit (its kind is listed, or its code is named; no kinds
 * listed = all kinds) — the same rule as core's `indicatorAppliesTo`.
 */
function indicatorApplies(indicator: Pick<Indicator, 'appliesTo'>, unit: Pick<Unit, 'code' | 'kind'>): boolean {
  const { kinds, units } = indicator.appliesTo ?? {};
  if (units?.includes(unit.code)) return true;
  return !kinds || kinds.includes(unit.kind);
}

const PROTECT_OPTIONS = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
} as const;

const INPUT: CellStyle = { fill: COLOR.input, border: true, locked: false };
const GREY: CellStyle = { fill: COLOR.locked, border: true };

/** Whole number ≥ 0, with Vietnamese messages. */
function wholeValidation(prompt: string): DataValidation {
  return {
    type: 'whole',
    operator: 'greaterThanOrEqual',
    allowBlank: true,
    formulae: [0],
    showInputMessage: true,
    promptTitle: 'Nhập số nguyên ≥ 0',
    prompt: prompt.slice(0, 250),
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Số không hợp lệ',
    error: 'Chỉ nhập số nguyên không âm (0, 1, 2, …). Để trống nếu chưa có số liệu.',
  };
}

/** A drop-down whose source is a workbook-scoped defined name. */
function listValidation(name: string, prompt: string): DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [name],
    showInputMessage: true,
    promptTitle: 'Chọn từ danh sách',
    prompt: prompt.slice(0, 250),
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Không có trong danh sách',
    error: 'Vui lòng chọn một mục trong danh sách thả xuống.',
  };
}

/** A date between two ISO dates. */
function dateValidation(from: string, to: string, style: 'stop' | 'warning', error: string): DataValidation {
  return {
    type: 'date',
    operator: 'between',
    allowBlank: true,
    formulae: [excelDate(from), excelDate(to)],
    showInputMessage: true,
    promptTitle: 'Nhập ngày (dd/mm/yyyy)',
    prompt: `Nhập ngày theo dạng ngày/tháng/năm, từ ${shortDate(from)} đến ${shortDate(to)}.`,
    showErrorMessage: true,
    errorStyle: style,
    errorTitle: 'Ngày không hợp lệ',
    error,
  };
}

/** Rough number of wrapped lines of a text in a column `width` characters wide. */
function lineCount(text: string, width: number): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil((line.length * 1.1) / Math.max(1, width - 1))), 0);
}

/** Row height (points) for a number of 12-pt lines. */
function heightFor(lines: number): number {
  return Math.max(18, Math.ceil(lines * 16 + 4));
}

/** The explanatory second line under an indicator's text: what goes in the numerator/denominator cells. */
function inputHint(indicator: Indicator): string {
  switch (indicator.measure) {
    case 'ratio':
      return `Tử số (6): ${indicator.numeratorLabel ?? 'kết quả thực hiện'}; mẫu số (7): ${indicator.denominatorLabel ?? 'tổng số phải thực hiện'}.`;
    case 'comparison':
      return `So sánh: (6) ${indicator.numeratorLabel ?? 'kỳ này'}; (7) ${indicator.denominatorLabel ?? 'cùng kỳ năm trước'}; tỷ lệ (8) = (6) ÷ (7), trên 100% là tăng.`;
    case 'count':
      return `Nhập số lượng vào cột (6)${indicator.numeratorLabel ? `: ${indicator.numeratorLabel}` : ''}.`;
    case 'boolean':
      return `Chọn "${YES_NO.yes}" hoặc "${YES_NO.no}" ở cột (6)${indicator.numeratorLabel ? `: ${indicator.numeratorLabel}` : ''}.`;
  }
}

const ACTIVITY_HEADERS: Record<ActivityColumn, { title: string; width: number }> = {
  order: { title: 'STT', width: 6 },
  date: { title: 'Ngày', width: 12 },
  theme: { title: 'Nội dung chính', width: 30 },
  theme2: { title: 'Nội dung khác', width: 30 },
  form: { title: 'Hình thức', width: 30 },
  title: { title: 'Tên hoạt động', width: 40 },
  quantity: { title: 'Số lượng', width: 10 },
  participants: { title: 'Số người tham dự', width: 12 },
  evidence: { title: 'Tài liệu kiểm chứng', width: 32 },
};

/**
 * Writes the report template of one unit for one period.
 *
 * Sheets: "Báo cáo" (header cells `unit_code`, `period_code`, `submitted_on`; one row per plan
 * indicator with cells `<code>_numerator`/`_denominator`/`_percent` for ratio and comparison
 * measures or `<code>_value` for count and yes/no measures, plus `<code>_note`/`_evidence`),
 * "Hoạt động" (header and 200 input rows named `activities_table`, columns in
 * `ACTIVITY_COLUMNS` order), "Hướng dẫn" (instructions), hidden "Danh mục" (list sources
 * `list_themes`, `list_forms`, `list_yes_no`) and hidden "_meta" (`plan_id`,
 * `template_version`). All defined names are workbook-scoped; input cells are unlocked and the
 * sheets protected without a password. Same inputs → byte-identical output.
 *
 * @param plan the validated plan (indicators in plan order, themes, forms).
 * @param unit the unit the template is for.
 * @param period the reporting period (ISO dates).
 * @param options see {@link WriteTemplateOptions}.
 * @returns `{ fileName: '<unit code>-<period code>.xlsx', bytes }`.
 * @throws RangeError when a date in `period`, `plan.document` or `options` is not ISO `yyyy-mm-dd`.
 */
export async function writeTemplate(plan: Plan, unit: Unit, period: Period, options: WriteTemplateOptions = {}): Promise<TemplateFile> {
  const createdOn = options.createdOn ?? (plan.document.date > period.cutoffStart ? plan.document.date : period.cutoffStart);
  const wb = newWorkbook(createdOn, nfc(`Báo cáo ${unitDisplayName(unit)} – ${periodLabel(period)}`));
  const { report: reportName, activities: activitiesName, guide: guideName, lists: listsName, meta: metaName } = TEMPLATE_SHEETS;
  const L = TEMPLATE_LAYOUT;
  const C = L.columns;

  const report = wb.addWorksheet(reportName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: L.columnNumberRow, topLeftCell: `A${L.firstIndicatorRow}`, activeCell: addr(L.firstIndicatorRow, C.numerator), showGridLines: false }],
    properties: { tabColor: { argb: 'FF1F4E79' } },
  });
  const activities = wb.addWorksheet(activitiesName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: L.activitiesHeaderRow, topLeftCell: `A${L.activitiesFirstRow}`, activeCell: `A${L.activitiesFirstRow}` }],
  });
  const guide = wb.addWorksheet(guideName, { views: [{ showGridLines: false }] });
  const lists = wb.addWorksheet(listsName, { state: 'hidden' });
  const meta = wb.addWorksheet(metaName, { state: 'hidden' });

  // ---- Danh mục: list sources -------------------------------------------------------------
  setWidths(lists, [60, 60, 12]);
  put(lists, 'A1', 'Nội dung tuyên truyền', { bold: true });
  put(lists, 'B1', 'Hình thức tuyên truyền', { bold: true });
  put(lists, 'C1', 'Có/Không', { bold: true });
  plan.themes.forEach((theme, i) => put(lists, addr(i + 2, 1), nfc(listEntry(theme.code, theme.text.vi)), { wrap: false }));
  plan.forms.forEach((form, i) => put(lists, addr(i + 2, 2), nfc(listEntry(form.code, form.text.vi)), { wrap: false }));
  put(lists, 'C2', YES_NO.yes, { wrap: false });
  put(lists, 'C3', YES_NO.no, { wrap: false });
  wb.definedNames.add(absRef(listsName, 2, 1, plan.themes.length + 1, 1), LIST_NAMES.themes);
  wb.definedNames.add(absRef(listsName, 2, 2, plan.forms.length + 1, 2), LIST_NAMES.forms);
  wb.definedNames.add(absRef(listsName, 2, 3, 3, 3), LIST_NAMES.yesNo);

  // ---- _meta -------------------------------------------------------------------------------
  setWidths(meta, [20, 20]);
  put(meta, 'A1', HEADER_NAMES.planId);
  put(meta, 'B1', plan.id, { numFmt: NUM_FMT.text });
  put(meta, 'A2', HEADER_NAMES.templateVersion);
  put(meta, 'B2', TEMPLATE_VERSION, { numFmt: NUM_FMT.text });
  wb.definedNames.add(absRef(metaName, 1, 2), HEADER_NAMES.planId);
  wb.definedNames.add(absRef(metaName, 2, 2), HEADER_NAMES.templateVersion);

  // ---- Báo cáo -----------------------------------------------------------------------------
  const widths = [5, 8, 50, 10, 14, 15, 15, 10, 20, 28];
  setWidths(report, widths);
  const lastCol = widths.length;
  const merged = (row: number, from: number, to: number, value: string, style: CellStyle, height?: number): void => {
    report.mergeCells(row, from, row, to);
    put(report, addr(row, from), nfc(value), { horizontal: 'center', ...style });
    if (height) report.getRow(row).height = height;
  };
  merged(1, 1, 4, issuingHeader(unit), { bold: true });
  merged(1, 6, lastCol, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  merged(2, 1, 4, `Mã đơn vị: ${unit.code}`, { italic: true, size: 11 });
  merged(2, 6, lastCol, 'Độc lập - Tự do - Hạnh phúc', { bold: true });
  merged(4, 1, lastCol, `BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH TUYÊN TRUYỀN CCHC NĂM ${plan.year}`, { bold: true, size: 14 }, 22);
  merged(5, 1, lastCol, `Thực hiện ${planDocumentText(plan.document)} của ${plan.document.issuer}`, { italic: true });
  merged(6, 1, lastCol, `Kỳ báo cáo: ${periodLabel(period)}`, { bold: true });
  merged(7, 1, lastCol, cutoffText(period), { italic: true });

  report.mergeCells(L.unitRow, 1, L.unitRow, 2);
  put(report, addr(L.unitRow, 1), 'Đơn vị báo cáo:', { bold: true, wrap: false });
  put(report, addr(L.unitRow, 3), unitDisplayName(unit), { bold: true, wrap: false });
  put(report, addr(L.unitRow, 5), 'Mã đơn vị:', { horizontal: 'right', wrap: false });
  put(report, addr(L.unitRow, C.numerator), unit.code, { bold: true, numFmt: NUM_FMT.text, horizontal: 'center', border: true });
  put(report, addr(L.unitRow, 7), 'Mã kỳ báo cáo:', { horizontal: 'right', wrap: false });
  put(report, addr(L.unitRow, C.percent), period.code, { bold: true, numFmt: NUM_FMT.text, horizontal: 'center', border: true });
  wb.definedNames.add(absRef(reportName, L.unitRow, C.numerator), HEADER_NAMES.unitCode);
  wb.definedNames.add(absRef(reportName, L.unitRow, C.percent), HEADER_NAMES.periodCode);

  report.mergeCells(L.submittedRow, 1, L.submittedRow, 2);
  put(report, addr(L.submittedRow, 1), 'Ngày báo cáo:', { bold: true, wrap: false });
  put(report, addr(L.submittedRow, 3), null, { ...INPUT, numFmt: NUM_FMT.date, horizontal: 'center' });
  const lastSubmission = `${period.year + 1}-12-31`;
  validate(report, addr(L.submittedRow, 3), dateValidation(
    period.cutoffStart,
    lastSubmission,
    'stop',
    `Nhập ngày báo cáo dạng dd/mm/yyyy, từ ${shortDate(period.cutoffStart)} đến ${shortDate(lastSubmission)}.`,
  ));
  wb.definedNames.add(absRef(reportName, L.submittedRow, 3), HEADER_NAMES.submittedOn);
  report.mergeCells(L.submittedRow, 4, L.submittedRow, lastCol);
  put(report, addr(L.submittedRow, 4), `(dd/mm/yyyy) – Hạn nộp báo cáo: ${decree30Date(period.deadline)}`, { italic: true, size: 11, wrap: false });

  const headers = [
    'STT',
    'Mã',
    'Chỉ tiêu',
    'Đơn vị tính',
    'Chỉ tiêu kế hoạch',
    'Kết quả thực hiện (tử số)',
    'Tổng số / Số phải thực hiện (mẫu số)',
    'Tỷ lệ (%)',
    'Ghi chú',
    'Tài liệu kiểm chứng',
  ];
  headers.forEach((title, i) => {
    put(report, addr(L.headerRow, i + 1), title, { bold: true, fill: COLOR.header, border: true, horizontal: 'center' });
    put(report, addr(L.columnNumberRow, i + 1), `(${i + 1})`, { italic: true, size: 10, fill: COLOR.header, border: true, horizontal: 'center' });
  });
  report.getRow(L.headerRow).height = heightFor(3);

  plan.indicators.forEach((indicator, i) => {
    const row = L.firstIndicatorRow + i;
    const applies = indicatorApplies(indicator, unit);
    const hint = applies ? inputHint(indicator) : 'Không áp dụng đối với đơn vị này.';
    put(report, addr(row, C.stt), i + 1, { border: true, horizontal: 'center' });
    put(report, addr(row, C.code), indicator.code, { border: true, horizontal: 'center', numFmt: NUM_FMT.text });
    const textCell = report.getCell(addr(row, C.text));
    textCell.value = {
      richText: [
        { text: nfc(indicator.text.vi), font: font() },
        { text: nfc(`\n${hint}`), font: font({ italic: true, size: 10, color: { argb: 'FF404040' } }) },
      ],
    };
    styleCell(textCell, { border: true, vertical: 'top' });
    put(report, addr(row, C.unitOfMeasure), nfc(indicator.unitOfMeasure), { border: true, horizontal: 'center' });
    put(report, addr(row, C.target), nfc(indicator.targetText.vi), { border: true, horizontal: 'center' });

    const numeratorAddr = addr(row, C.numerator);
    const denominatorAddr = addr(row, C.denominator);
    const input: CellStyle = applies ? INPUT : GREY;
    if (indicator.measure === 'ratio' || indicator.measure === 'comparison') {
      put(report, numeratorAddr, null, { ...input, numFmt: NUM_FMT.integer, horizontal: 'right' });
      put(report, denominatorAddr, null, { ...input, numFmt: NUM_FMT.integer, horizontal: 'right' });
      validate(report, numeratorAddr, wholeValidation(indicator.numeratorLabel ?? 'Kết quả thực hiện (tử số).'));
      validate(report, denominatorAddr, wholeValidation(`${indicator.denominatorLabel ?? 'Tổng số phải thực hiện (mẫu số)'}. Nhập 0 nếu không áp dụng.`));
      put(
        report,
        addr(row, C.percent),
        { formula: `IF(AND(ISNUMBER(${denominatorAddr}),${denominatorAddr}>0),${numeratorAddr}/${denominatorAddr},"")`, result: '' },
        { border: true, numFmt: NUM_FMT.percent, horizontal: 'right' },
      );
      wb.definedNames.add(absRef(reportName, row, C.numerator), indicatorCellName(indicator.code, 'numerator'));
      wb.definedNames.add(absRef(reportName, row, C.denominator), indicatorCellName(indicator.code, 'denominator'));
      wb.definedNames.add(absRef(reportName, row, C.percent), indicatorCellName(indicator.code, 'percent'));
    } else {
      put(report, numeratorAddr, null, {
        ...input,
        horizontal: indicator.measure === 'boolean' ? 'center' : 'right',
        ...(indicator.measure === 'count' ? { numFmt: NUM_FMT.integer } : {}),
      });
      validate(
        report,
        numeratorAddr,
        indicator.measure === 'boolean'
          ? listValidation(LIST_NAMES.yesNo, `Chọn "${YES_NO.yes}" hoặc "${YES_NO.no}".`)
          : wholeValidation(indicator.numeratorLabel ?? `Số lượng (${indicator.unitOfMeasure}).`),
      );
      put(report, denominatorAddr, null, GREY);
      put(report, addr(row, C.percent), null, GREY);
      wb.definedNames.add(absRef(reportName, row, C.numerator), indicatorCellName(indicator.code, 'value'));
    }
    put(report, addr(row, C.note), null, { ...INPUT, vertical: 'top' });
    put(report, addr(row, C.evidence), null, { ...INPUT, vertical: 'top' });
    wb.definedNames.add(absRef(reportName, row, C.note), indicatorCellName(indicator.code, 'note'));
    wb.definedNames.add(absRef(reportName, row, C.evidence), indicatorCellName(indicator.code, 'evidence'));

    const lines = Math.max(
      lineCount(`${indicator.text.vi}\n${hint}`, widths[C.text - 1] ?? 50),
      lineCount(indicator.targetText.vi, widths[C.target - 1] ?? 14),
    );
    report.getRow(row).height = heightFor(lines);
  });

  const signRow = L.firstIndicatorRow + plan.indicators.length + 2;
  report.mergeCells(signRow, 2, signRow, 3);
  put(report, addr(signRow, 2), 'NGƯỜI LẬP BIỂU', { bold: true, horizontal: 'center' });
  report.mergeCells(signRow, 7, signRow, lastCol);
  put(report, addr(signRow, 7), unit.kind === 'agency' ? 'THỦ TRƯỞNG ĐƠN VỊ' : 'TM. ỦY BAN NHÂN DÂN', { bold: true, horizontal: 'center' });
  report.mergeCells(signRow + 1, 2, signRow + 1, 3);
  put(report, addr(signRow + 1, 2), '(Ký, ghi rõ họ tên)', { italic: true, horizontal: 'center' });
  report.mergeCells(signRow + 1, 7, signRow + 1, lastCol);
  put(report, addr(signRow + 1, 7), '(Ký tên, đóng dấu)', { italic: true, horizontal: 'center' });

  a4(report, 'landscape', `${L.headerRow}:${L.columnNumberRow}`);

  // ---- Hoạt động ---------------------------------------------------------------------------
  const columns = ACTIVITY_COLUMNS.map((key) => ({ key, ...ACTIVITY_HEADERS[key] }));
  setWidths(activities, columns.map((c) => c.width));
  activities.mergeCells(1, 1, 1, columns.length);
  put(activities, 'A1', 'DANH SÁCH HOẠT ĐỘNG TUYÊN TRUYỀN CCHC', { bold: true, size: 14, horizontal: 'center' });
  activities.getRow(1).height = 22;
  activities.mergeCells(2, 1, 2, columns.length);
  put(activities, 'A2', nfc(`${unitDisplayName(unit)} (mã ${unit.code}) – ${periodLabel(period)} (${period.code}). ${cutoffText(period)}.`), {
    italic: true,
    horizontal: 'center',
  });
  const firstRow = L.activitiesFirstRow;
  const lastRow = firstRow + L.activityRows - 1;
  columns.forEach((column, i) => {
    put(activities, addr(L.activitiesHeaderRow, i + 1), column.title, { bold: true, fill: COLOR.header, border: true, horizontal: 'center' });
  });
  activities.getRow(L.activitiesHeaderRow).height = heightFor(2);
  const validations: Partial<Record<ActivityColumn, DataValidation>> = {
    order: wholeValidation('Số thứ tự của hoạt động.'),
    date: dateValidation(
      period.cutoffStart,
      period.cutoffEnd,
      'warning',
      `Ngày nằm ngoài kỳ báo cáo (${shortDate(period.cutoffStart)} – ${shortDate(period.cutoffEnd)}); hoạt động ngoài kỳ sẽ không được tính. Vẫn giữ?`,
    ),
    theme: listValidation(LIST_NAMES.themes, 'Chọn nội dung tuyên truyền chính (mã ND).'),
    theme2: listValidation(LIST_NAMES.themes, 'Chọn thêm một nội dung tuyên truyền (nếu có).'),
    form: listValidation(LIST_NAMES.forms, 'Chọn hình thức tuyên truyền (mã HT).'),
    quantity: wholeValidation('Số lượng: số tin, bài, buổi, tờ rơi, lượt phát… của hoạt động.'),
    participants: wholeValidation('Số người tham dự (nếu có).'),
  };
  const formats: Partial<Record<ActivityColumn, string>> = { date: NUM_FMT.date, quantity: NUM_FMT.integer, participants: NUM_FMT.integer };
  for (let row = firstRow; row <= lastRow; row++) {
    columns.forEach((column, i) => {
      const format = formats[column.key];
      put(activities, addr(row, i + 1), null, { ...INPUT, vertical: 'top', ...(format ? { numFmt: format } : {}) });
    });
  }
  columns.forEach((column, i) => {
    const validation = validations[column.key];
    if (validation) validate(activities, `${addr(firstRow, i + 1)}:${addr(lastRow, i + 1)}`, validation);
  });
  wb.definedNames.add(absRef(activitiesName, firstRow, 1, lastRow, columns.length), ACTIVITIES_NAME);
  a4(activities, 'landscape', `${L.activitiesHeaderRow}:${L.activitiesHeaderRow}`);

  // ---- Hướng dẫn ---------------------------------------------------------------------------
  writeGuide(guide, plan, unit, period);

  for (const sheet of [report, activities, guide, lists, meta]) await sheet.protect('', { ...PROTECT_OPTIONS });

  return { fileName: templateFileName(unit, period), bytes: await finishWorkbook(wb, createdOn) };
}

/** Fills the "Hướng dẫn" sheet: how to fill the form, then the theme and form lists for reference. */
function writeGuide(sheet: Worksheet, plan: Plan, unit: Unit, period: Period): void {
  const width = 110;
  setWidths(sheet, [width]);
  const { report, activities } = TEMPLATE_SHEETS;
  const lines: Array<[string, CellStyle]> = [
    ['HƯỚNG DẪN ĐIỀN BIỂU MẪU BÁO CÁO', { bold: true, size: 14, horizontal: 'center' }],
    [`${planDocumentText(plan.document)} của ${plan.document.issuer}`, { italic: true, horizontal: 'center' }],
    ['', {}],
    [
      `1. Biểu mẫu dành cho ${unitDisplayName(unit)} (mã ${unit.code}), kỳ báo cáo ${periodLabel(period)} (mã ${period.code}). ${cutoffText(period)}.`,
      {},
    ],
    [
      `2. Hạn nộp báo cáo: chậm nhất ${decree30Date(period.deadline)} (${shortDate(period.deadline)}). Ghi ngày báo cáo vào ô "Ngày báo cáo" trên sheet "${report}" theo dạng dd/mm/yyyy.`,
      { bold: true },
    ],
    ['3. Chỉ nhập vào các ô nền vàng nhạt; các ô khác (tiêu đề, mã đơn vị, mã kỳ, công thức tỷ lệ) đã được khóa.', {}],
    [
      `4. Sheet "${report}": với chỉ tiêu tính tỷ lệ, nhập số lượng vào cột (6) "Kết quả thực hiện (tử số)" và cột (7) "Tổng số / Số phải thực hiện (mẫu số)"; không tự nhập tỷ lệ phần trăm, cột (8) "Tỷ lệ (%)" tự tính. Chỉ tiêu đếm số lượng nhập vào cột (6); chỉ tiêu Có/Không chọn "${YES_NO.yes}" hoặc "${YES_NO.no}" ở cột (6).`,
      {},
    ],
    ['5. Ô để trống nghĩa là chưa có số liệu; để trống khác với số 0. Chỉ nhập 0 khi kết quả thực tế bằng 0.', {}],
    [
      '6. Mẫu số bằng 0 nghĩa là chỉ tiêu không áp dụng đối với đơn vị (ví dụ phường không có điểm Bưu điện văn hóa xã): nhập 0 vào mẫu số và ghi lý do ở cột "Ghi chú". Chỉ tiêu không áp dụng không bị trừ điểm.',
      {},
    ],
    [
      '7. Tài liệu kiểm chứng: ghi số, ký hiệu, ngày của văn bản hoặc đường dẫn (link) bài viết, chương trình, hình ảnh… cho từng chỉ tiêu và từng hoạt động. Số liệu, hoạt động không có tài liệu kiểm chứng có thể không được tính điểm.',
      {},
    ],
    [
      `8. Sheet "${activities}": mỗi dòng một hoạt động tuyên truyền: ngày thực hiện (dd/mm/yyyy, trong kỳ báo cáo); chọn "Nội dung chính", "Nội dung khác" (nếu có) và "Hình thức" từ danh sách thả xuống; tên hoạt động; số lượng (số tin, bài, buổi, tờ rơi, lượt phát…); số người tham dự (nếu có); tài liệu kiểm chứng.`,
      {},
    ],
    [
      '9. Không đổi tên, xóa hoặc thêm sheet; không di chuyển, xóa các ô và dòng của bảng; không sửa mã đơn vị, mã kỳ báo cáo. Chương trình tổng hợp đọc số liệu theo tên của từng ô, nên biểu mẫu bị thay đổi cấu trúc có thể không đọc được.',
      {},
    ],
    ['10. Lưu tệp ở định dạng Excel (.xlsx), giữ nguyên tên tệp, và gửi kèm tài liệu kiểm chứng theo quy định.', {}],
    ['', {}],
    ['DANH MỤC NỘI DUNG TUYÊN TRUYỀN', { bold: true }],
    ...plan.themes.map((t): [string, CellStyle] => [listEntry(t.code, t.text.vi), t.parent ? { size: 11 } : {}]),
    ['', {}],
    ['DANH MỤC HÌNH THỨC TUYÊN TRUYỀN', { bold: true }],
    ...plan.forms.map((f): [string, CellStyle] => [listEntry(f.code, f.text.vi), f.parent ? { size: 11 } : {}]),
  ];
  lines.forEach(([text, style], i) => {
    put(sheet, addr(i + 1, 1), text ? nfc(text) : null, { vertical: 'top', ...style });
    if (text) sheet.getRow(i + 1).height = heightFor(lineCount(text, width));
  });
  a4(sheet, 'portrait');
}
