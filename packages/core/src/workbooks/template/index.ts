import type { BookModel } from '../../book/model.ts';
import { Palette } from '../../book/palette.ts';
import type { Plan } from '../../plan/schema.ts';
import type { Period } from '../../period/types.ts';
import type { Unit } from '../../units/unit.ts';
import { periodName } from '../../vocabulary/periods.ts';
import { unitDisplayName } from '../../vocabulary/units.ts';
import { activitiesSheet } from './activities-sheet.ts';
import type { TemplateContext } from './context.ts';
import { guideSheet } from './guide-sheet.ts';
import { TEMPLATE_SHEETS, templateNames } from './layout.ts';
import { listsSheet, metaSheet } from './lists-sheet.ts';
import { reportSheet } from './report-sheet.ts';

export * from './layout.ts';
export { inputHint, NOT_APPLICABLE_HINT } from './report-sheet.ts';

/** Options of {@link buildTemplate}. */
export interface TemplateOptions {
  /**
   * ISO date stored as the workbook's created/modified date. Default: the later of the plan's
   * document date and the period's cut-off start.
   */
  createdOn?: string;
}

/**
 * The report template (biểu mẫu) a unit fills in for one period, as a model. Sheets: "Báo cáo"
 * (header cells `unit_code`, `period_code`, `submitted_on`; one row per plan indicator with
 * cells `<code>_numerator`/`_denominator`/`_percent` for ratio and comparison measures or
 * `<code>_value` for count and yes/no measures, plus `<code>_note`/`_evidence`; the narrative
 * cells `narrative_highlights` … `narrative_proposals`), "Hoạt động"
 * (200 input rows named `activities_table`, columns in `ACTIVITY_COLUMNS` order), "Hướng dẫn",
 * hidden "Danh mục" (list sources `list_themes`, `list_forms`, `list_yes_no`) and hidden "_meta"
 * (`plan_id`, `template_version`). All defined names are workbook-scoped; input cells are
 * unlocked and every sheet is protected without a password.
 * @throws RangeError when a date in `period`, `plan.document` or `options` is not ISO `yyyy-mm-dd`.
 */
export function buildTemplate(plan: Plan, unit: Unit, period: Period, options: TemplateOptions = {}): BookModel {
  const palette = new Palette();
  const ctx: TemplateContext = { plan, unit, period, palette };
  return {
    title: `Báo cáo ${unitDisplayName(unit)} – ${periodName(period)}`.normalize('NFC'),
    createdOn: options.createdOn ?? (plan.document.date > period.cutoffStart ? plan.document.date : period.cutoffStart),
    sheets: [reportSheet(ctx), activitiesSheet(ctx), guideSheet(ctx), listsSheet(ctx), metaSheet(ctx)],
    names: templateNames(plan),
    styles: palette.styles,
    activeSheet: TEMPLATE_SHEETS.report,
  };
}
