/**
 * The report template (biểu mẫu) as a `BookSpec`: the same sheets, cells, formulas and defined
 * names as `writeTemplate` in `@cchc-kpi/xlsx` (positions from `TEMPLATE_LAYOUT`, names from
 * core's template/names.ts), written through Office.js instead of exceljs.
 */
import {
  ACTIVITIES_NAME,
  ACTIVITY_COLUMNS,
  HEADER_NAMES,
  LIST_NAMES,
  TEMPLATE_VERSION,
  YES_NO,
  formatA1,
  indicatorCellName,
  listEntry,
  type ActivityColumn,
  type DefinedName,
  type Indicator,
  type Period,
  type Plan,
  type Unit,
} from '@cchc-kpi/core';
import { argbToHex, mergeCells, newSheet, setCell, type BookSpec, type CellSpec, type NameSpec, type SheetSpec, type ValidationSpec } from './book.ts';
import {
  COLOR,
  NUM_FMT,
  TEMPLATE_LAYOUT,
  TEMPLATE_SHEETS,
  cutoffText,
  decree30Date,
  excelSerial,
  issuingHeader,
  nfc,
  periodLabel,
  planDocumentText,
  shortDate,
  unitDisplayName,
} from './xlsx-shared.ts';

const L = TEMPLATE_LAYOUT;
const C = L.columns;

const INPUT_FILL = argbToHex(COLOR.input);
const GREY_FILL = argbToHex(COLOR.locked);
const HEADER_FILL = argbToHex(COLOR.header);

/** A cell with the template's default look (wrapped text), as `put` in the xlsx writer. */
function put(sheet: SheetSpec, row: number, col: number, value: string | number | null, style: CellSpec = {}): void {
  setCell(sheet, row, col, { wrap: true, ...style, value });
}

const INPUT: CellSpec = { fill: INPUT_FILL, locked: false };
const GREY: CellSpec = { fill: GREY_FILL };

/** True when the indicator applies to the unit (kinds listed or code named; none listed = all). */
export function indicatorApplies(indicator: Pick<Indicator, 'appliesTo'>, unit: Pick<Unit, 'code' | 'kind'>): boolean {
  const { kinds, units } = indicator.appliesTo ?? {};
  if (units?.includes(unit.code)) return true;
  return !kinds || kinds.includes(unit.kind);
}

/** True for measures with a numerator, denominator and live ratio (ratio, comparison). */
export function hasRatio(indicator: Pick<Indicator, 'measure'>): boolean {
  return indicator.measure === 'ratio' || indicator.measure === 'comparison';
}

/**
 * Every defined name of the template, at the positions of `TEMPLATE_LAYOUT`: header cells,
 * per-indicator cells (plan order), the activities table, list sources and metadata. The same
 * list serves the insertion (where `workbook.names.add` exists) and the position fallback of
 * report/read-open-report.ts (where it does not).
 */
export function templateNames(plan: Pick<Plan, 'indicators' | 'themes' | 'forms'>): NameSpec[] {
  const S = TEMPLATE_SHEETS;
  const names: NameSpec[] = [
    { name: LIST_NAMES.themes, sheet: S.lists, ref: `A2:A${plan.themes.length + 1}` },
    { name: LIST_NAMES.forms, sheet: S.lists, ref: `B2:B${plan.forms.length + 1}` },
    { name: LIST_NAMES.yesNo, sheet: S.lists, ref: 'C2:C3' },
    { name: HEADER_NAMES.planId, sheet: S.meta, ref: 'B1' },
    { name: HEADER_NAMES.templateVersion, sheet: S.meta, ref: 'B2' },
    { name: HEADER_NAMES.unitCode, sheet: S.report, ref: formatA1({ row: L.unitRow, col: C.numerator }) },
    { name: HEADER_NAMES.periodCode, sheet: S.report, ref: formatA1({ row: L.unitRow, col: C.percent }) },
    { name: HEADER_NAMES.submittedOn, sheet: S.report, ref: formatA1({ row: L.submittedRow, col: 3 }) },
  ];
  plan.indicators.forEach((indicator, i) => {
    const row = L.firstIndicatorRow + i;
    const at = (col: number): string => formatA1({ row, col });
    if (hasRatio(indicator)) {
      names.push({ name: indicatorCellName(indicator.code, 'numerator'), sheet: S.report, ref: at(C.numerator) });
      names.push({ name: indicatorCellName(indicator.code, 'denominator'), sheet: S.report, ref: at(C.denominator) });
      names.push({ name: indicatorCellName(indicator.code, 'percent'), sheet: S.report, ref: at(C.percent) });
    } else {
      names.push({ name: indicatorCellName(indicator.code, 'value'), sheet: S.report, ref: at(C.numerator) });
    }
    names.push({ name: indicatorCellName(indicator.code, 'note'), sheet: S.report, ref: at(C.note) });
    names.push({ name: indicatorCellName(indicator.code, 'evidence'), sheet: S.report, ref: at(C.evidence) });
  });
  const lastRow = L.activitiesFirstRow + L.activityRows - 1;
  names.push({ name: ACTIVITIES_NAME, sheet: S.activities, ref: `A${L.activitiesFirstRow}:${formatA1({ row: lastRow, col: ACTIVITY_COLUMNS.length })}` });
  return names;
}

/** A name spec as a grid `DefinedName` (`'Báo cáo'!$F$12`), for readers that work on a Grid. */
export function toDefinedName(spec: NameSpec): DefinedName {
  const abs = spec.ref.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
  return { name: spec.name, ref: `'${spec.sheet.replace(/'/g, "''")}'!${abs}` };
}

function wholeValidation(prompt: string): ValidationSpec {
  return {
    kind: 'wholeAtLeast',
    min: 0,
    promptTitle: 'Nhập số nguyên ≥ 0',
    prompt: prompt.slice(0, 250),
    errorTitle: 'Số không hợp lệ',
    error: 'Chỉ nhập số nguyên không âm (0, 1, 2, …). Để trống nếu chưa có số liệu.',
  };
}

function listValidation(name: string, prompt: string): ValidationSpec {
  return {
    kind: 'list',
    source: `=${name}`,
    promptTitle: 'Chọn từ danh sách',
    prompt: prompt.slice(0, 250),
    errorTitle: 'Không có trong danh sách',
    error: 'Vui lòng chọn một mục trong danh sách thả xuống.',
  };
}

function dateValidation(from: string, to: string, warning: boolean, error: string): ValidationSpec {
  return {
    kind: 'dateBetween',
    from: excelSerial(from),
    to: excelSerial(to),
    promptTitle: 'Nhập ngày (dd/mm/yyyy)',
    prompt: `Nhập ngày theo dạng ngày/tháng/năm, từ ${shortDate(from)} đến ${shortDate(to)}.`,
    errorTitle: 'Ngày không hợp lệ',
    error,
    warning,
  };
}

/** The second line under an indicator's text: what goes in the numerator/denominator cells. */
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
 * The template of one unit for one period as a `BookSpec`: sheets "Báo cáo", "Hoạt động",
 * "Hướng dẫn", hidden "Danh mục" and "_meta", with `templateNames(plan)`. Cells, formulas and
 * names match `writeTemplate` of `@cchc-kpi/xlsx` (a test compares them); borders, row heights
 * and print setup are left to Excel's defaults.
 */
export function templateBook(plan: Plan, unit: Unit, period: Period): BookSpec {
  const S = TEMPLATE_SHEETS;
  const report = newSheet(S.report, { widths: [5, 8, 50, 10, 14, 15, 15, 10, 20, 28] });
  report.freeze = { rows: L.columnNumberRow, columns: 0 };
  const activities = newSheet(S.activities, { widths: ACTIVITY_COLUMNS.map((c) => ACTIVITY_HEADERS[c].width) });
  activities.freeze = { rows: L.activitiesHeaderRow, columns: 0 };
  const guide = newSheet(S.guide, { widths: [110] });
  const lists = newSheet(S.lists, { hidden: true, widths: [60, 60, 12] });
  const meta = newSheet(S.meta, { hidden: true, widths: [20, 20] });
  for (const sheet of [report, activities, guide, lists, meta]) sheet.protect = true;

  // ---- Danh mục ----
  put(lists, 1, 1, 'Nội dung tuyên truyền', { bold: true });
  put(lists, 1, 2, 'Hình thức tuyên truyền', { bold: true });
  put(lists, 1, 3, 'Có/Không', { bold: true });
  plan.themes.forEach((t, i) => put(lists, i + 2, 1, nfc(listEntry(t.code, t.text.vi)), { wrap: false }));
  plan.forms.forEach((f, i) => put(lists, i + 2, 2, nfc(listEntry(f.code, f.text.vi)), { wrap: false }));
  put(lists, 2, 3, YES_NO.yes, { wrap: false });
  put(lists, 3, 3, YES_NO.no, { wrap: false });

  // ---- _meta ----
  put(meta, 1, 1, HEADER_NAMES.planId);
  put(meta, 1, 2, plan.id, { numFmt: NUM_FMT.text });
  put(meta, 2, 1, HEADER_NAMES.templateVersion);
  put(meta, 2, 2, TEMPLATE_VERSION, { numFmt: NUM_FMT.text });

  // ---- Báo cáo ----
  const lastCol = 10;
  const merged = (row: number, from: number, to: number, value: string, style: CellSpec): void =>
    mergeCells(report, row, from, row, to, { wrap: true, horizontal: 'center', ...style, value: nfc(value) });
  merged(1, 1, 4, issuingHeader(unit), { bold: true });
  merged(1, 6, lastCol, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  merged(2, 1, 4, `Mã đơn vị: ${unit.code}`, { italic: true, size: 11 });
  merged(2, 6, lastCol, 'Độc lập - Tự do - Hạnh phúc', { bold: true });
  merged(4, 1, lastCol, `BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH TUYÊN TRUYỀN CCHC NĂM ${plan.year}`, { bold: true, size: 14 });
  merged(5, 1, lastCol, `Thực hiện ${planDocumentText(plan.document)} của ${plan.document.issuer}`, { italic: true });
  merged(6, 1, lastCol, `Kỳ báo cáo: ${periodLabel(period)}`, { bold: true });
  merged(7, 1, lastCol, cutoffText(period), { italic: true });

  mergeCells(report, L.unitRow, 1, L.unitRow, 2, { value: 'Đơn vị báo cáo:', bold: true, wrap: false });
  put(report, L.unitRow, 3, unitDisplayName(unit), { bold: true, wrap: false });
  put(report, L.unitRow, 5, 'Mã đơn vị:', { horizontal: 'right', wrap: false });
  put(report, L.unitRow, C.numerator, unit.code, { bold: true, numFmt: NUM_FMT.text, horizontal: 'center' });
  put(report, L.unitRow, 7, 'Mã kỳ báo cáo:', { horizontal: 'right', wrap: false });
  put(report, L.unitRow, C.percent, period.code, { bold: true, numFmt: NUM_FMT.text, horizontal: 'center' });

  mergeCells(report, L.submittedRow, 1, L.submittedRow, 2, { value: 'Ngày báo cáo:', bold: true, wrap: false });
  put(report, L.submittedRow, 3, null, { ...INPUT, numFmt: NUM_FMT.date, horizontal: 'center' });
  const lastSubmission = `${period.year + 1}-12-31`;
  report.validations.push({
    range: formatA1({ row: L.submittedRow, col: 3 }),
    rule: dateValidation(
      period.cutoffStart,
      lastSubmission,
      false,
      `Nhập ngày báo cáo dạng dd/mm/yyyy, từ ${shortDate(period.cutoffStart)} đến ${shortDate(lastSubmission)}.`,
    ),
  });
  mergeCells(report, L.submittedRow, 4, L.submittedRow, lastCol, {
    value: `(dd/mm/yyyy) – Hạn nộp báo cáo: ${decree30Date(period.deadline)}`,
    italic: true,
    size: 11,
    wrap: false,
  });

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
    put(report, L.headerRow, i + 1, title, { bold: true, fill: HEADER_FILL, horizontal: 'center' });
    put(report, L.columnNumberRow, i + 1, `(${i + 1})`, { italic: true, size: 10, fill: HEADER_FILL, horizontal: 'center' });
  });

  plan.indicators.forEach((indicator, i) => {
    const row = L.firstIndicatorRow + i;
    const applies = indicatorApplies(indicator, unit);
    const hint = applies ? inputHint(indicator) : 'Không áp dụng đối với đơn vị này.';
    put(report, row, C.stt, i + 1, { horizontal: 'center' });
    put(report, row, C.code, indicator.code, { horizontal: 'center', numFmt: NUM_FMT.text });
    put(report, row, C.text, nfc(`${indicator.text.vi}\n${hint}`));
    put(report, row, C.unitOfMeasure, nfc(indicator.unitOfMeasure), { horizontal: 'center' });
    put(report, row, C.target, nfc(indicator.targetText.vi), { horizontal: 'center' });
    const numeratorAddr = formatA1({ row, col: C.numerator });
    const denominatorAddr = formatA1({ row, col: C.denominator });
    const input = applies ? INPUT : GREY;
    if (hasRatio(indicator)) {
      put(report, row, C.numerator, null, { ...input, numFmt: NUM_FMT.integer, horizontal: 'right' });
      put(report, row, C.denominator, null, { ...input, numFmt: NUM_FMT.integer, horizontal: 'right' });
      report.validations.push({ range: numeratorAddr, rule: wholeValidation(indicator.numeratorLabel ?? 'Kết quả thực hiện (tử số).') });
      report.validations.push({
        range: denominatorAddr,
        rule: wholeValidation(`${indicator.denominatorLabel ?? 'Tổng số phải thực hiện (mẫu số)'}. Nhập 0 nếu không áp dụng.`),
      });
      setCell(report, row, C.percent, {
        wrap: true,
        formula: `IF(AND(ISNUMBER(${denominatorAddr}),${denominatorAddr}>0),${numeratorAddr}/${denominatorAddr},"")`,
        numFmt: NUM_FMT.percent,
        horizontal: 'right',
      });
    } else {
      put(report, row, C.numerator, null, {
        ...input,
        horizontal: indicator.measure === 'boolean' ? 'center' : 'right',
        ...(indicator.measure === 'count' ? { numFmt: NUM_FMT.integer } : {}),
      });
      report.validations.push({
        range: numeratorAddr,
        rule:
          indicator.measure === 'boolean'
            ? listValidation(LIST_NAMES.yesNo, `Chọn "${YES_NO.yes}" hoặc "${YES_NO.no}".`)
            : wholeValidation(indicator.numeratorLabel ?? `Số lượng (${indicator.unitOfMeasure}).`),
      });
      put(report, row, C.denominator, null, GREY);
      put(report, row, C.percent, null, GREY);
    }
    put(report, row, C.note, null, { ...INPUT });
    put(report, row, C.evidence, null, { ...INPUT });
  });

  const signRow = L.firstIndicatorRow + plan.indicators.length + 2;
  mergeCells(report, signRow, 2, signRow, 3, { value: 'NGƯỜI LẬP BIỂU', bold: true, horizontal: 'center', wrap: true });
  mergeCells(report, signRow, 7, signRow, lastCol, {
    value: unit.kind === 'agency' ? 'THỦ TRƯỞNG ĐƠN VỊ' : 'TM. ỦY BAN NHÂN DÂN',
    bold: true,
    horizontal: 'center',
    wrap: true,
  });
  mergeCells(report, signRow + 1, 2, signRow + 1, 3, { value: '(Ký, ghi rõ họ tên)', italic: true, horizontal: 'center', wrap: true });
  mergeCells(report, signRow + 1, 7, signRow + 1, lastCol, { value: '(Ký tên, đóng dấu)', italic: true, horizontal: 'center', wrap: true });

  // ---- Hoạt động ----
  const width = ACTIVITY_COLUMNS.length;
  mergeCells(activities, 1, 1, 1, width, { value: 'DANH SÁCH HOẠT ĐỘNG TUYÊN TRUYỀN CCHC', bold: true, size: 14, horizontal: 'center', wrap: true });
  mergeCells(activities, 2, 1, 2, width, {
    value: nfc(`${unitDisplayName(unit)} (mã ${unit.code}) – ${periodLabel(period)} (${period.code}). ${cutoffText(period)}.`),
    italic: true,
    horizontal: 'center',
    wrap: true,
  });
  ACTIVITY_COLUMNS.forEach((key, i) => put(activities, L.activitiesHeaderRow, i + 1, ACTIVITY_HEADERS[key].title, { bold: true, fill: HEADER_FILL, horizontal: 'center' }));
  const firstRow = L.activitiesFirstRow;
  const lastRow = firstRow + L.activityRows - 1;
  const formats: Partial<Record<ActivityColumn, string>> = { date: NUM_FMT.date, quantity: NUM_FMT.integer, participants: NUM_FMT.integer };
  for (let row = firstRow; row <= lastRow; row++) {
    ACTIVITY_COLUMNS.forEach((key, i) => {
      const format = formats[key];
      put(activities, row, i + 1, null, { ...INPUT, ...(format ? { numFmt: format } : {}) });
    });
  }
  const validations: Partial<Record<ActivityColumn, ValidationSpec>> = {
    order: wholeValidation('Số thứ tự của hoạt động.'),
    date: dateValidation(
      period.cutoffStart,
      period.cutoffEnd,
      true,
      `Ngày nằm ngoài kỳ báo cáo (${shortDate(period.cutoffStart)} – ${shortDate(period.cutoffEnd)}); hoạt động ngoài kỳ sẽ không được tính. Vẫn giữ?`,
    ),
    theme: listValidation(LIST_NAMES.themes, 'Chọn nội dung tuyên truyền chính (mã ND).'),
    theme2: listValidation(LIST_NAMES.themes, 'Chọn thêm một nội dung tuyên truyền (nếu có).'),
    form: listValidation(LIST_NAMES.forms, 'Chọn hình thức tuyên truyền (mã HT).'),
    quantity: wholeValidation('Số lượng: số tin, bài, buổi, tờ rơi, lượt phát… của hoạt động.'),
    participants: wholeValidation('Số người tham dự (nếu có).'),
  };
  ACTIVITY_COLUMNS.forEach((key, i) => {
    const rule = validations[key];
    if (rule) activities.validations.push({ range: `${formatA1({ row: firstRow, col: i + 1 })}:${formatA1({ row: lastRow, col: i + 1 })}`, rule });
  });

  // ---- Hướng dẫn ----
  guideLines(plan, unit, period).forEach(([text, style], i) => {
    put(guide, i + 1, 1, text ? nfc(text) : null, style);
  });

  return { sheets: [report, activities, guide, lists, meta], names: templateNames(plan), activate: S.report };
}

/** The lines of the "Hướng dẫn" sheet (same text as the xlsx writer's guide). */
function guideLines(plan: Plan, unit: Unit, period: Period): Array<[string, CellSpec]> {
  const { report, activities } = TEMPLATE_SHEETS;
  return [
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
    ...plan.themes.map((t): [string, CellSpec] => [listEntry(t.code, t.text.vi), t.parent ? { size: 11 } : {}]),
    ['', {}],
    ['DANH MỤC HÌNH THỨC TUYÊN TRUYỀN', { bold: true }],
    ...plan.forms.map((f): [string, CellSpec] => [listEntry(f.code, f.text.vi), f.parent ? { size: 11 } : {}]),
  ];
}
