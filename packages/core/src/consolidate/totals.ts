import type { Plan } from '../plan/schema.ts';
import type { IndicatorResult } from '../validate/types.ts';
import type { IndicatorTotal } from './types.ts';

/**
 * City totals per plan indicator (BRIEF §6: sum, then divide — never an average of percentages),
 * over the given units' results (units that sent a report), keyed by plan code, plan order:
 * - ratio/comparison: numerator = Σ numerators, denominator = Σ denominators of units with
 *   `counted` true; ratio = numerator ÷ denominator (null when the sum is 0);
 * - count: value = Σ values of counted units; numerator/denominator/ratio null;
 * - boolean: numerator = counted units whose yes is met (with the evidence the plan requires),
 *   denominator = counted units (every valid answer); ratio = share.
 * Nothing counted → all figures null. `unitsCounted` = units included; `unitsMet` = units with
 * status `met`.
 */
export function indicatorTotals(plan: Plan, units: readonly Record<string, IndicatorResult>[]): Record<string, IndicatorTotal> {
  return Object.fromEntries(
    plan.indicators.map((indicator) => {
      const results = units.map((u) => (Object.hasOwn(u, indicator.code) ? u[indicator.code] : undefined)).filter((r): r is IndicatorResult => r !== undefined);
      const unitsMet = results.filter((r) => r.status === 'met').length;
      let numerator = 0;
      let denominator = 0;
      let value = 0;
      let unitsCounted = 0;
      for (const r of results) {
        if (!r.counted) continue;
        if (indicator.measure === 'count') {
          if (typeof r.value !== 'number') continue;
          value += r.value;
        } else if (indicator.measure === 'boolean') {
          if (typeof r.value !== 'boolean') continue;
          numerator += r.status === 'met' ? 1 : 0;
          denominator += 1;
        } else {
          if (r.numerator === null || r.denominator === null) continue;
          numerator += r.numerator;
          denominator += r.denominator;
        }
        unitsCounted += 1;
      }
      const counted = unitsCounted > 0;
      const isCount = indicator.measure === 'count';
      const total: IndicatorTotal = {
        code: indicator.code,
        numerator: counted && !isCount ? numerator : null,
        denominator: counted && !isCount ? denominator : null,
        value: counted && isCount ? value : null,
        ratio: counted && !isCount && denominator > 0 ? numerator / denominator : null,
        unitsCounted,
        unitsMet,
      };
      return [indicator.code, total];
    }),
  );
}
