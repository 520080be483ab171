/**
 * Reading a unit's report from our template, purely through defined names (template/names.ts):
 * no positions, so a unit that inserts rows or moves a table keeps a readable form.
 */
import { makeFinding } from '../finding.ts';
import { resolveName } from '../grid/access.ts';
import type { Grid } from '../grid/grid.ts';
import type { Plan } from '../plan/schema.ts';
import type { IndicatorValue, UnitReport } from '../report/model.ts';
import { fail, ok, type Result } from '../result.ts';
import { HEADER_NAMES } from '../template/names.ts';
import { readActivities } from './activities.ts';
import type { ReadContext } from './cells.ts';
import { readHeader } from './header.ts';
import { readIndicator } from './indicators.ts';
import { readNarrative } from './narrative.ts';
import { checkTemplateSheets } from './template-sheets.ts';
import { TEMPLATE_SHEETS } from '../workbooks/template/layout.ts';

/** Options of `readTemplateReport`. */
export interface ReadTemplateOptions {
  /** File name as the caller gives it; copied into the report, every `CellRef` and every finding. */
  file?: string;
}

/** True when the grid has our template's defined names: `unit_code` or `plan_id` resolves to a cell. */
export function hasTemplateNames(grid: Grid): boolean {
  return resolveName(grid, HEADER_NAMES.unitCode) !== null || resolveName(grid, HEADER_NAMES.planId) !== null;
}

/**
 * Reads a unit's report (`UnitReport`) from a grid made from our template.
 * - Not our template at all (neither `unit_code` nor `plan_id` resolves) → `ok: false` with
 *   `not-a-template` (error).
 * - A template sheet its names point to but the workbook lacks (`checkTemplateSheets`): renamed
 *   → read from the renamed sheet with `template-sheet-renamed` (warning); the report sheet gone
 *   → `ok: false` with `template-sheet-missing` (error); the activities sheet gone → that
 *   warning and no activities. No `template-name-missing` for the names of a missing sheet.
 * - Header (`readHeader`): unit and period codes, report date (ISO), plan id (`plan-mismatch`
 *   error when it differs from `plan.id`), template version.
 * - Indicators (`readIndicator`), one entry per plan indicator that has at least one name in the
 *   workbook, keyed by the plan's code; ratio/comparison measures → numerator, denominator, typed
 *   percent (fraction 0–1, null when the cell holds our formula); count → value (number);
 *   boolean → value (true/false); note and evidence as text. Blank stays null (never 0).
 * - Activities (`readActivities`) from `activities_table`.
 * - Narrative (`readNarrative`) from the `narrative_*` cells, lines kept; absent when the form has none.
 * Unreadable values are null with an error finding naming the cell (`value-not-a-number`,
 * `value-ambiguous`, `date-invalid`, `boolean-invalid`); missing names → `template-name-missing`
 * warnings. Every finding carries the file, sheet, cell, unit code and indicator where known.
 * Rules about the figures themselves (blank, pairs, ranges, periods) belong to `checkReport`.
 */
export function readTemplateReport(grid: Grid, plan: Plan, options: ReadTemplateOptions = {}): Result<UnitReport> {
  const ctx: ReadContext = { grid, findings: [] };
  if (options.file !== undefined) ctx.file = options.file;
  if (!hasTemplateNames(grid)) {
    return fail([
      makeFinding(
        'error',
        'not-a-template',
        {
          vi: `Tệp không phải biểu mẫu báo cáo của công cụ (không có tên vùng "${HEADER_NAMES.unitCode}" hay "${HEADER_NAMES.planId}"); hãy dùng biểu mẫu đã phát.`,
          en: `The workbook is not our report template (no "${HEADER_NAMES.unitCode}" or "${HEADER_NAMES.planId}" defined name); use the distributed template.`,
        },
        options.file === undefined ? {} : { file: options.file },
      ),
    ]);
  }
  // A template sheet renamed by a script or deleted: one finding for the sheet, not one per name.
  const sheets = checkTemplateSheets(grid, plan, options.file);
  if (sheets.missing.has(TEMPLATE_SHEETS.report)) return fail(sheets.findings);
  ctx.grid = sheets.grid;
  ctx.findings.push(...sheets.findings);
  ctx.missingSheets = sheets.missing;
  ctx.nameSheets = sheets.nameSheets;
  const header = readHeader(ctx, plan);
  const indicators = new Map<string, IndicatorValue>();
  for (const indicator of plan.indicators) {
    const value = readIndicator(ctx, indicator);
    if (value) indicators.set(indicator.code, value);
  }
  const activities = readActivities(ctx);
  const narrative = readNarrative(ctx);
  const report: UnitReport = {
    unitCode: header.unitCode,
    periodCode: header.periodCode,
    submittedOn: header.submittedOn,
    planId: header.planId,
    templateVersion: header.templateVersion,
    indicators,
    activities,
    source: header.source,
  };
  if (header.submittedOnUnreadable) report.submittedOnUnreadable = true;
  if (narrative !== null) report.narrative = narrative;
  if (options.file !== undefined) report.file = options.file;
  return ok(report, ctx.findings);
}
