/**
 * The report header: unit, period, date, plan and template version, read through the template's
 * header names (template/names.ts `HEADER_NAMES`).
 */
import type { CellRef } from '../finding.ts';
import type { Plan } from '../plan/schema.ts';
import { HEADER_NAMES, TEMPLATE_VERSION } from '../template/names.ts';
import { addCellFinding, locateName, nameMissing, readDate, readText, readTracked, type Located, type ReadContext } from './cells.ts';
import { HEADER_LABELS } from './labels.ts';

/** The header values (null = blank or unreadable) and the cells they came from. */
export interface Header {
  unitCode: string | null;
  periodCode: string | null;
  submittedOn: string | null;
  planId: string | null;
  templateVersion: string | null;
  source: { unitCode?: CellRef; periodCode?: CellRef; submittedOn?: CellRef };
  /** True when the date cell held something that is no date (`date-invalid` names it); `submittedOn` is then null. */
  submittedOnUnreadable: boolean;
}

type HeaderKey = keyof typeof HEADER_NAMES;

function locateHeader(ctx: ReadContext, key: HeaderKey): Located | null {
  const at = locateName(ctx, HEADER_NAMES[key], HEADER_LABELS[key]);
  if (!at) nameMissing(ctx, HEADER_NAMES[key], HEADER_LABELS[key]);
  return at;
}

/**
 * Reads the header. Text values are normalised (`normalizeText`); a unit code typed as a number
 * (18070) becomes `"18070"`. Findings: `template-name-missing` (warning) per missing name;
 * `date-invalid` for an unreadable date; `plan-mismatch` (error) when `plan_id` is not the
 * plan's id (compared case-insensitively); `template-version-mismatch` (warning) when the version
 * is not `TEMPLATE_VERSION`. Sets `ctx.unit` to the unit code once read, for later findings.
 */
export function readHeader(ctx: ReadContext, plan: Plan): Header {
  const unitAt = locateHeader(ctx, 'unitCode');
  const unitCode = unitAt ? readText(ctx, unitAt) : null;
  if (unitCode !== null) ctx.unit = unitCode;
  const periodAt = locateHeader(ctx, 'periodCode');
  const dateAt = locateHeader(ctx, 'submittedOn');
  const planAt = locateHeader(ctx, 'planId');
  const versionAt = locateHeader(ctx, 'templateVersion');
  const date = dateAt ? readTracked(ctx, () => readDate(ctx, dateAt)) : { value: null, unreadable: false };
  const header: Header = {
    unitCode,
    periodCode: periodAt ? readText(ctx, periodAt) : null,
    submittedOn: date.value,
    submittedOnUnreadable: date.unreadable,
    planId: planAt ? readText(ctx, planAt) : null,
    templateVersion: versionAt ? readText(ctx, versionAt) : null,
    source: {},
  };
  if (unitAt) header.source.unitCode = unitAt.ref;
  if (periodAt) header.source.periodCode = periodAt.ref;
  if (dateAt) header.source.submittedOn = dateAt.ref;
  if (planAt && header.planId !== null && header.planId.toLowerCase() !== plan.id.toLowerCase()) {
    addCellFinding(ctx, planAt, 'error', 'plan-mismatch', {
      vi: `báo cáo lập theo kế hoạch "${header.planId}", không phải kế hoạch "${plan.id}" đang dùng để kiểm tra.`,
      en: `the report was made for plan "${header.planId}", not the plan "${plan.id}" it is checked against.`,
    });
  }
  if (versionAt && header.templateVersion !== null && header.templateVersion !== TEMPLATE_VERSION) {
    addCellFinding(ctx, versionAt, 'warning', 'template-version-mismatch', {
      vi: `biểu mẫu phiên bản "${header.templateVersion}", công cụ này viết phiên bản "${TEMPLATE_VERSION}"; hãy dùng biểu mẫu mới nhất.`,
      en: `template version "${header.templateVersion}", this tool writes version "${TEMPLATE_VERSION}"; use the latest template.`,
    });
  }
  return header;
}
