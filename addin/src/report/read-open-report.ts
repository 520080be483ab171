/**
 * Reading a unit's report from a Grid — the open workbook (through Office.js) or a picked file
 * (through the OOXML reader) — by trying report readers in order. This is the seam for the
 * layout reader of arbitrary workbooks (issue 3, packages/core/src/read/layout/): append it to
 * `DEFAULT_READERS` once core exports it; nothing else in the add-in changes.
 */
import {
  TEMPLATE_LAYOUT,
  TEMPLATE_SHEETS,
  formatA1,
  getSheet,
  gridDefinedName,
  templateNames,
  makeFinding,
  readTemplateReport,
  type Grid,
  type Plan,
  type Result,
  type UnitReport,
} from '@cchc-kpi/core';


/** Options passed to every reader. */
export interface ReadOptions {
  /** File name for findings (a picked file's name, or the open workbook's label). */
  file?: string;
}

/** One way of reading a report. */
export interface ReportReader {
  /** Short id, reported with the result (`names`, `template-layout`, …). */
  id: string;
  /** The report, or `null` when this reader does not recognise the workbook (the next one is tried). */
  read(grid: Grid, plan: Plan, options: ReadOptions): Result<UnitReport> | null;
}

/** What `readOpenReport` returns: the reader's result and which reader produced it (null: none recognised the workbook). */
export interface OpenReport {
  result: Result<UnitReport>;
  reader: string | null;
}

/** Our template read through its defined names (core's `readTemplateReport`). */
export const namesReader: ReportReader = {
  id: 'names',
  read(grid, plan, options) {
    const result = readTemplateReport(grid, plan, options);
    if (!result.ok && result.findings.some((f) => f.code === 'not-a-template')) return null;
    return result;
  },
};

/**
 * True when the grid has the template's report sheet with the plan's indicator codes in the code
 * column, one per row from `TEMPLATE_LAYOUT.firstIndicatorRow`, in plan order.
 */
export function hasTemplateLayout(grid: Grid, plan: Plan): boolean {
  const sheet = getSheet(grid, TEMPLATE_SHEETS.report);
  if (!sheet) return false;
  return plan.indicators.every((indicator, i) => {
    const cell = sheet.cells.get(formatA1({ row: TEMPLATE_LAYOUT.firstIndicatorRow + i, col: TEMPLATE_LAYOUT.columns.code }));
    return typeof cell?.value === 'string' && cell.value.trim().toUpperCase() === indicator.code.toUpperCase();
  });
}

/**
 * Our template read by position when its defined names are missing — a template inserted by the
 * add-in in an Excel without ExcelApi 1.4 (Excel 2016), or one whose names were deleted. The
 * template's names are re-created on the grid from `TEMPLATE_LAYOUT` (names.ts contract), then
 * read as usual; a notice says so.
 */
export const templateLayoutReader: ReportReader = {
  id: 'template-layout',
  read(grid, plan, options) {
    if (!hasTemplateLayout(grid, plan)) return null;
    const present = new Set(grid.definedNames.map((d) => d.name.toLowerCase()));
    const synthetic = templateNames(plan)
      .filter((n) => getSheet(grid, n.sheet) !== null && !present.has(n.name.toLowerCase()))
      .map(gridDefinedName);
    const result = readTemplateReport({ ...grid, definedNames: [...grid.definedNames, ...synthetic] }, plan, options);
    const notice = makeFinding(
      'notice',
      'read-by-position',
      {
        vi: `Sổ không có tên vùng của biểu mẫu (Excel này chưa hỗ trợ thêm tên vùng, hoặc tên đã bị xóa); số liệu được đọc theo vị trí ô của biểu mẫu trên trang "${TEMPLATE_SHEETS.report}".`,
        en: `The workbook lacks the template's defined names (this Excel cannot add names, or they were deleted); figures were read by the template's cell positions on sheet "${TEMPLATE_SHEETS.report}".`,
      },
      { ...(options.file === undefined ? {} : { file: options.file }), sheet: TEMPLATE_SHEETS.report },
    );
    return { ...result, findings: [notice, ...result.findings] };
  },
};

/**
 * Readers tried in order. Issue 3: add core's layout reader for arbitrary workbooks
 * (packages/core/src/read/layout/) after `templateLayoutReader`.
 */
export const DEFAULT_READERS: readonly ReportReader[] = [namesReader, templateLayoutReader];

/**
 * Reads a report with the first reader that recognises the grid. When none does, the result is
 * a failure with one `not-a-template` error.
 */
export function readOpenReport(grid: Grid, plan: Plan, options: ReadOptions = {}, readers: readonly ReportReader[] = DEFAULT_READERS): OpenReport {
  for (const reader of readers) {
    const result = reader.read(grid, plan, options);
    if (result) return { result, reader: reader.id };
  }
  return {
    reader: null,
    result: {
      ok: false,
      findings: [
        makeFinding(
          'error',
          'not-a-template',
          {
            vi: `Không nhận ra biểu mẫu báo cáo trong sổ này (không có tên vùng của biểu mẫu, cũng không có trang "${TEMPLATE_SHEETS.report}" đúng cấu trúc). Hãy chèn biểu mẫu trước, hoặc mở tệp báo cáo do đơn vị gửi.`,
            en: `No report template found in this workbook (neither the template's defined names nor a "${TEMPLATE_SHEETS.report}" sheet with its layout). Insert the template first, or open a report a unit sent.`,
          },
          options.file === undefined ? {} : { file: options.file },
        ),
      ],
    },
  };
}
