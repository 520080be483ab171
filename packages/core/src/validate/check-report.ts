/**
 * Validating a unit's report against the plan, the unit registry and the period being checked.
 */
import { makeFinding, type Finding, type FindingLocation } from '../finding.ts';
import { isEmptyReport } from '../report/empty.ts';
import type { Period } from '../period/types.ts';
import type { Plan } from '../plan/schema.ts';
import type { UnitReport } from '../report/model.ts';
import type { Unit } from '../units/unit.ts';
import { checkActivities } from './activities.ts';
import { blankIndicatorValue, checkIndicator } from './indicator.ts';
import { checkPeriod } from './rules/period.ts';
import { checkSubmittedOn } from './rules/submitted-on.ts';
import { checkUnit } from './rules/unit.ts';
import type { CheckedReport, IndicatorResult } from './types.ts';

/** What a report is checked against: the plan, the registry units, the period, and the file name for findings. */
export interface CheckContext {
  plan: Plan;
  /** The registry units valid for the period (e.g. `hatinhCity2020.units` plus agencies). */
  units: readonly Unit[];
  /** The period being consolidated or checked; when given, a report of another period is an error. */
  period?: Period;
  /** File name for findings; default `report.file`. */
  file?: string;
}

/**
 * Validates a report (BRIEF §6). Steps, each a rule in validate/rules/ with stable codes
 * (catalogue: validate/codes.ts):
 * - unit: `unit-code-missing`, `unit-unknown` (errors; `unit` null);
 * - period: `period-code-missing`, `period-invalid`, `period-mismatch` (errors). `period` in the
 *   result is the report's own period (null when missing or unreadable), so the consolidator can
 *   leave out a report of another period;
 * - every plan indicator, in plan order (`checkIndicator`): not applicable to the unit's kind,
 *   blank is not zero, counts, denominator 0, numerator above denominator, typed percentage,
 *   evidence → `IndicatorResult` with status, ratio and completion (fractions 0–1) and `counted`;
 *   an indicator absent from the report is checked as all blank;
 * - an untouched form (`isEmptyReport`) → `report-empty` (error; callers leave it out);
 * - report date (`checkSubmittedOn`): blank, before the cut-off end, over a year late (warnings);
 * - activities (`checkActivities`): unknown theme/form codes, dates outside the cut-off window of
 *   `context.period` (else of the report's own period), missing dates, invalid counts.
 * Findings carry file, sheet, cell, unit code and indicator where known, in this order: unit,
 * period, indicators, activities.
 */
export function checkReport(report: UnitReport, context: CheckContext): CheckedReport {
  const file = context.file ?? report.file;
  const base: FindingLocation = {};
  if (file !== undefined) base.file = file;
  const unitCode = report.unitCode?.trim();
  if (unitCode) base.unit = unitCode;

  const findings: Finding[] = [];
  const unitCheck = checkUnit(report, context.units, base);
  findings.push(...unitCheck.findings);
  const periodCheck = checkPeriod(report, context.plan, context.period, base);
  findings.push(...periodCheck.findings);

  const indicators: Record<string, IndicatorResult> = {};
  for (const indicator of context.plan.indicators) {
    const figures = report.indicators.get(indicator.code) ?? blankIndicatorValue();
    const { result, findings: found } = checkIndicator({ indicator, figures, unit: unitCheck.unit, base });
    indicators[indicator.code] = result;
    findings.push(...found);
  }

  const window = context.period ?? periodCheck.period;
  if (isEmptyReport(report)) {
    findings.push(
      makeFinding('error', 'report-empty', {
        vi: 'Biểu mẫu chưa được điền: không có số liệu, ghi chú, tài liệu kiểm chứng hay hoạt động nào; không tính là đã gửi báo cáo.',
        en: 'The form is not filled in: no figure, note, evidence or activity; it does not count as a received report.',
      }, base),
    );
  } else findings.push(...checkSubmittedOn(report, window, base));
  const activities = checkActivities(report.activities, { plan: context.plan, window, base });
  findings.push(...activities.findings);

  return { report, unit: unitCheck.unit, period: periodCheck.period, indicators, activities: activities.activities, findings };
}
