import type { Indicator } from './schema.ts';
import type { Unit } from '../units/unit.ts';

/**
 * Whether an indicator applies to a unit, from the indicator's `appliesTo` (plan data): true when
 * `appliesTo.units` lists the unit's code (exact match) or `appliesTo.kinds` lists its kind; with
 * neither given, every unit. So `{ units: ["TTVHTT"] }` is that unit alone (CT2a: the culture and
 * media centre, not every agency) and `{ kinds: ["ward", "commune"], units: ["TTHCC"] }` the wards,
 * communes and the public administration centre (CT4a). An indicator that applies may still be
 * "not applicable" for one report when the unit reports a denominator of 0 (BRIEF §6) — that is
 * decided at validation, not here.
 */
export function indicatorAppliesTo(indicator: Pick<Indicator, 'appliesTo'>, unit: Pick<Unit, 'code' | 'kind'>): boolean {
  const { kinds, units } = indicator.appliesTo;
  if (kinds === undefined && units === undefined) return true;
  return (kinds !== undefined && kinds.includes(unit.kind)) || (units !== undefined && units.includes(unit.code));
}
