/**
 * Number formatting for score details. Vietnamese writes a decimal comma and a dot between
 * thousands ("1.234,5"); English the other way round ("1,234.5"). Written by hand, not with
 * `Intl`, so the output is identical in Node, browsers and the Excel add-in's web views.
 */

/** Language of a formatted number: `vi` (decimal comma) or `en` (decimal point). */
export type NumberLanguage = 'vi' | 'en';

/**
 * Formats `n` with at most `maxDigits` decimals (default 2), trailing zeros dropped:
 * `formatNumber(0.95, 'vi')` → `"0,95"`, `formatNumber(1234.5, 'vi')` → `"1.234,5"`,
 * `formatNumber(87.5, 'en')` → `"87.5"`.
 */
export function formatNumber(n: number, lang: NumberLanguage, maxDigits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = Math.abs(n).toFixed(maxDigits);
  const [intPart = '0', rawFraction = ''] = fixed.split('.');
  const fraction = rawFraction.replace(/0+$/, '');
  const groupSep = lang === 'vi' ? '.' : ',';
  const decimalSep = lang === 'vi' ? ',' : '.';
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, groupSep);
  const negative = n < 0 && (Number(intPart) !== 0 || fraction !== '');
  return `${negative ? '-' : ''}${grouped}${fraction ? decimalSep + fraction : ''}`;
}

/** A fraction (0–1) as a percentage with at most `maxDigits` decimals: `formatPercent(0.875, 'vi')` → `"87,5%"`. */
export function formatPercent(fraction: number, lang: NumberLanguage, maxDigits = 2): string {
  return `${formatNumber(fraction * 100, lang, maxDigits)}%`;
}

/** Rounds to `digits` decimals (half away from zero on the decimal value, so 0.125 → 0.13). */
export function roundTo(n: number, digits: number): number {
  const factor = 10 ** digits;
  // toPrecision(15) removes binary noise first (1.005 is stored as 1.00499…).
  const scaled = Number((Math.abs(n) * factor).toPrecision(15));
  return (Math.sign(n) * Math.round(scaled)) / factor;
}
