import type { Indicator } from './schema.ts';
import type { Unit } from '../units/unit.ts';

/**
 * Whether an indicator applies to a unit, from the indicator's `appliesTo` (plan data):
 * true when `appliesTo.kinds` is absent or lists the unit's kind, or when `appliesTo.units`
 * lists the unit's code (exact match). An indicator that applies may still be "not applicable"
 * for one report when the unit reports a denominator of 0 (BRIEF §6) — that is decided at
 * validation, not here.
 */
export function indicatorAppliesTo(indicator: Pick<Indicator, 'appliesTo'>, unit: Pick<Unit, 'code' | 'kind'>): boolean {
  const { kinds, units } = indicator.appliesTo;
  if (kinds === undefined || kinds.includes(unit.kind)) return true;
  return units !== undefined && units.includes(unit.code);
}
