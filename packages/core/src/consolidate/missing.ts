import { indicatorAppliesTo } from '../plan/applies.ts';
import type { Plan } from '../plan/schema.ts';
import type { Unit } from '../units/unit.ts';
import type { IndicatorResult } from '../validate/types.ts';

/**
 * The result of an indicator with no figures: status `missing`, nothing counted. Used for units
 * that sent no report and for plan indicators a checked report lacks (blank is not zero, BRIEF §6).
 */
export function missingIndicator(code: string, status: 'missing' | 'notApplicable' = 'missing'): IndicatorResult {
  return {
    code,
    numerator: null,
    denominator: null,
    value: null,
    typedPercent: null,
    ratio: null,
    completion: null,
    status,
    counted: false,
    note: null,
    evidence: null,
    sources: [],
  };
}

/**
 * The indicators of a unit that sent no report, keyed by plan code in plan order: `missing` for
 * those that apply to the unit's kind (plan `appliesTo`), `notApplicable` for the others (e.g.
 * CT2a, for agencies only, on a ward's line), as IndicatorStatus defines them.
 */
export function unsubmittedIndicators(plan: Plan, unit: Unit): Record<string, IndicatorResult> {
  return Object.fromEntries(plan.indicators.map((i) => [i.code, missingIndicator(i.code, indicatorAppliesTo(i, unit) ? 'missing' : 'notApplicable')]));
}
