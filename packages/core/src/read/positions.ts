/**
 * Our template read by its cell positions when its defined names are missing: a template inserted
 * by the add-in in an Excel without ExcelApi 1.4 (Excel 2016), or one whose names were deleted.
 */
import { makeFinding } from '../finding.ts';
import { formatA1 } from '../grid/a1.ts';
import { getSheet } from '../grid/access.ts';
import type { Grid, Sheet } from '../grid/grid.ts';
import type { Plan } from '../plan/schema.ts';
import type { UnitReport } from '../report/model.ts';
import type { Result } from '../result.ts';
import { TEMPLATE_LAYOUT, TEMPLATE_SHEETS, gridDefinedName, templateNames } from '../workbooks/template/layout.ts';
import { readTemplateReport, type ReadTemplateOptions } from './template-report.ts';

/**
 * True when the grid has the template's report sheet with the plan's indicator codes in the code
 * column, one per row from `TEMPLATE_LAYOUT.firstIndicatorRow`, in plan order.
 */
export function hasTemplateLayout(grid: Grid, plan: Plan): boolean {
  const sheet = getSheet(grid, TEMPLATE_SHEETS.report);
  return sheet !== null && hasReportLayout(sheet, plan);
}

/** True when a sheet (whatever its name) has the plan's indicator codes in the template's code column, one per row from `TEMPLATE_LAYOUT.firstIndicatorRow`, in plan order. */
export function hasReportLayout(sheet: Sheet, plan: Plan): boolean {
  return plan.indicators.every((indicator, i) => {
    const cell = sheet.cells.get(formatA1({ row: TEMPLATE_LAYOUT.firstIndicatorRow + i, col: TEMPLATE_LAYOUT.columns.code }));
    return typeof cell?.value === 'string' && cell.value.trim().toUpperCase() === indicator.code.toUpperCase();
  });
}

/**
 * Reads our template by position: the template's names (template/names.ts contract) are re-created
 * on the grid from `TEMPLATE_LAYOUT` for the sheets present and missing names, then the template
 * is read as usual (`readTemplateReport`), with the notice `read-by-position` first. Null when the
 * grid does not have the template's layout (`hasTemplateLayout`).
 */
export function readTemplateByPosition(grid: Grid, plan: Plan, options: ReadTemplateOptions = {}): Result<UnitReport> | null {
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
}
