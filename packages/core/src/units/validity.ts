import { makeFinding } from '../finding.ts';
import { periodCalendarSpan } from '../period/period.ts';
import type { Period } from '../period/types.ts';
import { fail, ok, type Result } from '../result.ts';
import { formatDate } from '../vocabulary/dates.ts';
import { mergeUnits, registryValidOn } from './registry.ts';
import type { Unit, UnitRegistry } from './unit.ts';

/**
 * Which unit registry a period's reports are matched against. Administrative units are merged and
 * their GSO codes reused (Hà Tĩnh city: Resolution 1283/NQ-UBTVQH15 from 01/01/2025), so a
 * registry names the right units only within its dates, and forms or a consolidation for a period
 * outside them would name the wrong wards.
 *
 * Finding codes:
 * - `registry-period-outside` (error): the period's dates are not all within the registry's
 *   validity and no registry for that time was given;
 * - `registry-from-file` (notice): the period is outside the built-in registry's dates and the
 *   given unit list is used as the registry of that time.
 */

/** True when the registry is valid on every calendar day of the period (its first and last day). */
export function registryCoversPeriod(registry: Pick<UnitRegistry, 'validFrom' | 'validTo'>, period: Pick<Period, 'kind' | 'year' | 'index'>): boolean {
  const span = periodCalendarSpan(period);
  return registryValidOn(registry, span.start) && registryValidOn(registry, span.end);
}

/** The unit list a user gave for a run (`--units FILE`): its units and the file name. */
export interface GivenUnits {
  units: readonly Unit[];
  source: string;
}

/**
 * The registry to match the reports of `period` against:
 * - the period lies within `registry`'s dates → `registry`, with the `given` units (agencies)
 *   added by `mergeUnits` when a list is given;
 * - it does not, and a list is given → that list alone, as the registry of that time (notice
 *   `registry-from-file`; the built-in units are not mixed in, since their codes may now name
 *   other units);
 * - it does not, and no list is given → `fail` with `registry-period-outside`, which says in both
 *   languages which dates the registry covers, why (its `validityBasis`) and how to give the
 *   registry of that time.
 * Never throws.
 */
export function registryForPeriod(registry: UnitRegistry, period: Period, given?: GivenUnits): Result<UnitRegistry> {
  if (registryCoversPeriod(registry, period)) return given ? mergeUnits(registry, given.units) : ok(registry);
  const span = periodCalendarSpan(period);
  const until = registry.validTo === undefined ? { vi: 'nay', en: 'now' } : { vi: formatDate(registry.validTo), en: registry.validTo };
  const dates = { vi: `${formatDate(registry.validFrom)}–${until.vi}`, en: `${registry.validFrom} to ${until.en}` };
  const periodDates = { vi: `${formatDate(span.start)}–${formatDate(span.end)}`, en: `${span.start} to ${span.end}` };
  if (given) {
    const units = [...given.units].sort((a, b) => a.order - b.order);
    const from: UnitRegistry = {
      id: given.source,
      validFrom: span.start,
      validTo: span.end,
      validityBasis: { from: `Danh sách đơn vị ${given.source} do người dùng cung cấp cho kỳ ${period.code}` },
      units,
    };
    return ok(from, [
      makeFinding(
        'notice',
        'registry-from-file',
        {
          vi: `Kỳ ${period.code} (${periodDates.vi}) nằm ngoài thời gian hiệu lực của danh sách đơn vị có sẵn ${registry.id} (${dates.vi}); dùng danh sách ${given.source} (${units.length} đơn vị) làm danh sách của thời kỳ này.`,
          en: `Period ${period.code} (${periodDates.en}) is outside the dates of the built-in unit registry ${registry.id} (${dates.en}); the list ${given.source} (${units.length} units) is used as the registry of that time.`,
        },
        { file: given.source },
      ),
    ]);
  }
  // cite the act at the end the period falls beyond
  const act = span.start < registry.validFrom ? registry.validityBasis?.from : registry.validityBasis?.to;
  const basis = act ? ` Căn cứ: ${act}.` : '';
  return fail([
    makeFinding('error', 'registry-period-outside', {
      vi: `Kỳ ${period.code} (${periodDates.vi}) nằm ngoài thời gian hiệu lực của danh sách đơn vị ${registry.id} (${dates.vi}): các đơn vị và mã đơn vị của thời kỳ đó khác, nên không lập biểu mẫu, không tổng hợp theo danh sách này. Hãy cung cấp danh sách đơn vị của thời kỳ đó (--units TỆP.csv, các cột code,name,kind).${basis}`,
      en: `Period ${period.code} (${periodDates.en}) is outside the dates of unit registry ${registry.id} (${dates.en}): that time has other units and unit codes, so no form or consolidation is made with this list. Give the unit registry of that time (--units FILE.csv, columns code,name,kind).${act ? ` Basis (Vietnamese): ${act}.` : ''}`,
    }),
  ]);
}
