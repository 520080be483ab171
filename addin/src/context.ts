/**
 * What the add-in works with: the built-in plan (163/KH-UBND, Hà Tĩnh city, 2021), the registry
 * of its fifteen wards and communes, and the reporting periods of the plan's year.
 */
import { hatinh2021, hatinhCity2020, parsePeriod, periodsOfYear, type Period, type Plan, type Unit } from '@cchc-kpi/core';

/** The plan, units and periods the pane offers. */
export interface AddinContext {
  plan: Plan;
  units: Unit[];
  /** Periods of the plan's year: quarters, halves, the year. */
  periods: Period[];
}

/** The default context: plan `hatinh-2021`, registry `hatinh-city-2020`. */
export function defaultContext(plan: Plan = hatinh2021, units: Unit[] = hatinhCity2020.units): AddinContext {
  return { plan, units: [...units].sort((a, b) => a.order - b.order), periods: periodsOfYear(plan.year, { deadlineDaysAfterCutoff: plan.deadline.daysAfterCutoff }) };
}

/** The period of a code with the plan's deadline rule, or null when the code is not a period. */
export function periodOf(context: AddinContext, code: string): Period | null {
  const parsed = parsePeriod(code, { deadlineDaysAfterCutoff: context.plan.deadline.daysAfterCutoff });
  return parsed.ok ? parsed.value : null;
}
