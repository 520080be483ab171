/**
 * The order units are listed in. Tables list units in the registry's official order (`order`:
 * the ten wards, then the five communes, as the city lists them); on request they are sorted by
 * name with Vietnamese collation (`Intl.Collator('vi')`: a ă â b c d đ e ê … with tones as a
 * secondary difference, so "Đại Nài" follows "Bắc Hà" and "Thạch Hạ" precedes "Thạch Hưng"),
 * which code-unit order gets wrong ("Đ" would sort after "V").
 */

/** How tables order units: `official` (registry order, the default) or `name` (Vietnamese collation). */
export type UnitSort = 'official' | 'name';

/** The unit sorts accepted by `--sort`. */
export const UNIT_SORTS: readonly UnitSort[] = ['official', 'name'];

/** Vietnamese collator: base letters first (đ after d), then diacritics and tones, then case; digits as numbers. */
const VI_COLLATOR = new Intl.Collator('vi', { usage: 'sort', sensitivity: 'variant', numeric: true });

/**
 * Compares two names with Vietnamese collation (both NFC-normalised first).
 * @returns negative, 0 or positive, as `Array.prototype.sort` expects.
 */
export function compareVietnamese(a: string, b: string): number {
  return VI_COLLATOR.compare(a.normalize('NFC'), b.normalize('NFC'));
}

/** What ordering needs of a unit. */
export interface Orderable {
  code: string;
  name: string;
  order: number;
}

/**
 * A new array of `units` in the requested order; the input is not changed.
 * - `official`: by `order`, ties by code (code-unit order);
 * - `name`: by name (without the kind prefix, so wards and communes interleave) with
 *   {@link compareVietnamese}; ties by `order`, then code.
 */
export function orderUnits<T extends Orderable>(units: readonly T[], sort: UnitSort = 'official'): T[] {
  const byOfficial = (a: T, b: T): number => a.order - b.order || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  if (sort === 'name') return [...units].sort((a, b) => compareVietnamese(a.name, b.name) || byOfficial(a, b));
  return [...units].sort(byOfficial);
}
