/**
 * Our template's sheets that its defined names point to but the workbook no longer has under
 * that name: a sheet renamed by a script (which, unlike Excel, leaves the names pointing at the
 * old name) or deleted. One finding per sheet says what happened and how to fix it, instead of
 * one "missing name" warning per cell.
 */
import { makeFinding, type Finding } from '../finding.ts';
import { formatA1 } from '../grid/a1.ts';
import { getSheet, resolveName } from '../grid/access.ts';
import type { DefinedName, Grid, Sheet } from '../grid/grid.ts';
import type { Plan } from '../plan/schema.ts';
import { cellText } from '../text/cell-text.ts';
import { ACTIVITY_COLUMNS } from '../template/names.ts';
import { HEADERS } from '../vocabulary/sheets.ts';
import { TEMPLATE_LAYOUT, TEMPLATE_SHEETS, gridDefinedName, templateNames } from '../workbooks/template/layout.ts';
import { hasReportLayout } from './positions.ts';

/** What `checkTemplateSheets` found. */
export interface TemplateSheets {
  /** The grid to read: a renamed sheet's names re-pointed at it under its new name (the input grid when nothing was renamed). */
  grid: Grid;
  /** `template-sheet-renamed` (warning), `template-sheet-missing` (error: the report sheet) or `activities-sheet-missing` (warning). */
  findings: Finding[];
  /** Template sheets missing with no sheet standing in for them. */
  missing: Set<string>;
  /** The template sheet each of the template's defined names belongs on. */
  nameSheets: Map<string, string>;
}

/** The sheets units fill in, and how to recognise one under another name. */
const FILLED_SHEETS: readonly { sheet: string; looksLike: (sheet: Sheet, plan: Plan) => boolean }[] = [
  { sheet: TEMPLATE_SHEETS.report, looksLike: hasReportLayout },
  { sheet: TEMPLATE_SHEETS.activities, looksLike: hasActivitiesLayout },
];

/** True when the sheet has the activities table's header row of the template (row 3, STT…Tài liệu kiểm chứng). */
function hasActivitiesLayout(sheet: Sheet): boolean {
  return ACTIVITY_COLUMNS.every((column, i) => {
    const text = cellText(sheet.cells.get(formatA1({ row: TEMPLATE_LAYOUT.activitiesHeaderRow, col: i + 1 })), false);
    return text !== null && text.toLowerCase() === HEADERS.activitiesTable[column].toLowerCase();
  });
}

/**
 * True when the grid lacks the template's report or activities sheet by name: a reader that read
 * only the sheets the template's names point to must then read every sheet, so that a renamed
 * sheet can be found (`checkTemplateSheets`).
 */
export function lacksFilledSheet(grid: Grid): boolean {
  return FILLED_SHEETS.some(({ sheet }) => getSheet(grid, sheet) === null);
}

const TEMPLATE_SHEET_SET: ReadonlySet<string> = new Set(Object.values(TEMPLATE_SHEETS).map((s) => s.toLowerCase()));

/**
 * For the report sheet ("Báo cáo") and the activities sheet ("Hoạt động"): when the workbook has
 * no sheet of that name and none of the template's names for it resolve (they point at the old
 * name, or are `#REF!`),
 * - one other sheet (not named as a template sheet) with that sheet's layout (`hasReportLayout`;
 *   the activities header row) is taken for it: its names are re-created from the template's
 *   positions on that sheet, with the warning `template-sheet-renamed` naming both names;
 * - otherwise `template-sheet-missing` (error) for the report sheet (nothing can be read: the
 *   caller gives up), `activities-sheet-missing` (warning) for the activities sheet (no activity
 *   read); the sheets the workbook has are listed.
 * A sheet renamed in Excel needs nothing: Excel moves the names with it. Our convention.
 */
export function checkTemplateSheets(grid: Grid, plan: Plan, file?: string): TemplateSheets {
  const contract = templateNames(plan);
  const nameSheets = new Map(contract.map((n) => [n.name, n.sheet]));
  const result: TemplateSheets = { grid, findings: [], missing: new Set(), nameSheets };
  const at = file === undefined ? {} : { file };
  for (const { sheet: expected, looksLike } of FILLED_SHEETS) {
    if (getSheet(result.grid, expected) !== null) continue;
    const names = contract.filter((n) => n.sheet === expected);
    const present = names.filter((n) => result.grid.definedNames.some((d) => d.name.toLowerCase() === n.name.toLowerCase()));
    if (present.length === 0 || present.some((n) => resolveName(result.grid, n.name) !== null)) continue;
    const standIns = result.grid.sheets.filter((s) => !TEMPLATE_SHEET_SET.has(s.name.toLowerCase()) && looksLike(s, plan));
    const standIn = standIns.length === 1 ? standIns[0] : undefined;
    if (standIn !== undefined) {
      const dropped = new Set(names.map((n) => n.name.toLowerCase()));
      const kept = result.grid.definedNames.filter((d) => !dropped.has(d.name.toLowerCase()));
      const moved: DefinedName[] = names.map((n) => gridDefinedName({ ...n, sheet: standIn.name }));
      result.grid = { ...result.grid, definedNames: [...kept, ...moved] };
      result.findings.push(sheetRenamed(expected, standIn.name, at));
    } else {
      result.missing.add(expected);
      result.findings.push(sheetMissing(expected, result.grid.sheets.map((s) => s.name), at));
    }
  }
  return result;
}

function sheetRenamed(expected: string, actual: string, at: { file?: string }): Finding {
  const what = expected === TEMPLATE_SHEETS.report ? { vi: 'số liệu được', en: 'the figures were' } : { vi: 'các hoạt động được', en: 'the activities were' };
  return makeFinding('warning', 'template-sheet-renamed', {
    vi: `Trang "${expected}" của biểu mẫu đã bị đổi tên thành "${actual}" (các tên vùng của biểu mẫu vẫn trỏ tới "${expected}"); ${what.vi} đọc từ trang "${actual}" theo vị trí ô của biểu mẫu. Hãy đổi lại tên trang thành "${expected}" (hoặc dùng biểu mẫu đã phát) trước khi gửi.`,
    en: `The template's sheet "${expected}" was renamed "${actual}" (the template's defined names still point to "${expected}"); ${what.en} read from sheet "${actual}" by the template's cell positions. Rename the sheet back to "${expected}" (or use the distributed template) before sending.`,
  }, { ...at, sheet: actual });
}

function sheetMissing(expected: string, sheets: readonly string[], at: { file?: string }): Finding {
  const report = expected === TEMPLATE_SHEETS.report;
  const shown = sheets.slice(0, 6).map((s) => `"${s}"`).join(', ') + (sheets.length > 6 ? ', …' : '');
  const lost = report
    ? { vi: 'nên không đọc được mã đơn vị, kỳ báo cáo và số liệu các chỉ tiêu', en: 'so the unit code, the period and the figures cannot be read' }
    : { vi: 'nên không đọc được hoạt động nào', en: 'so no activity is read' };
  const what = report ? { vi: 'số liệu', en: 'the figures' } : { vi: 'các hoạt động', en: 'the activities' };
  return makeFinding(report ? 'error' : 'warning', report ? 'template-sheet-missing' : 'activities-sheet-missing', {
    vi: `Sổ không có trang "${expected}" của biểu mẫu (trang đã bị xóa hoặc đổi tên; các tên vùng của biểu mẫu vẫn trỏ tới "${expected}"), ${lost.vi}. Các trang hiện có: ${shown}. Hãy đổi lại tên trang thành "${expected}", hoặc chép ${what.vi} vào biểu mẫu đã phát rồi gửi lại.`,
    en: `The workbook has no sheet "${expected}" of the template (deleted or renamed; the template's defined names still point to "${expected}"), ${lost.en}. Sheets present: ${shown}. Rename the sheet back to "${expected}", or copy ${what.en} into the distributed template and send it again.`,
  }, at);
}
