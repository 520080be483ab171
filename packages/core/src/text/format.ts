/**
 * Numbers and percentages as text for finding messages: Vietnamese style (`1.234,5`, `85,5%`)
 * and English style (`1,234.5`, `85.5%`).
 */
import { roundDecimal } from './decimal.ts';

/** Message language: `vi` uses `.` for thousands and `,` for decimals; `en` the reverse. */
export type Lang = 'vi' | 'en';

/**
 * Formats a number with thousand separators and at most `maxDecimals` decimals (default 2),
 * trailing zeros dropped: (1234.5, 'vi') → `1.234,5`; (1234.5, 'en') → `1,234.5`; (120, 'vi') → `120`.
 * Never prints `NaN`, `Infinity` or JavaScript's exponent form: from 10^21 on, a power of ten
 * (1e21 → `1 × 10^21`, 1.5e300 → `1,5 × 10^300`), below it every digit (1e20 →
 * `100.000.000.000.000.000.000`); Infinity → `vô cực` / `infinity`, NaN → `không phải số` /
 * `not a number`.
 */
export function formatNumber(value: number, lang: Lang, maxDecimals = 2): string {
  if (Number.isNaN(value)) return lang === 'vi' ? 'không phải số' : 'not a number';
  if (!Number.isFinite(value)) return `${value < 0 ? '-' : ''}${lang === 'vi' ? 'vô cực' : 'infinity'}`;
  const decimal = lang === 'vi' ? ',' : '.';
  // Number#toFixed writes 1e21 and above in exponent form.
  if (Math.abs(value) >= 1e21) {
    const [mantissa = '', exponent = ''] = value.toExponential(Math.min(maxDecimals, 20)).split('e');
    const digits = mantissa.replace(/\.?0+$/, '').replace('.', decimal);
    return `${digits} × 10^${Number(exponent)}`;
  }
  const rounded = roundDecimal(value, maxDecimals);
  const [intPart = '0', fracPart = ''] = Math.abs(rounded).toFixed(maxDecimals).split('.');
  const thousands = lang === 'vi' ? '.' : ',';
  const grouped = intPart.length > 3 ? intPart.replace(/\B(?=(\d{3})+(?!\d))/g, thousands) : intPart;
  const frac = fracPart.replace(/0+$/, '');
  return `${rounded < 0 ? '-' : ''}${grouped}${frac === '' ? '' : decimal + frac}`;
}

/**
 * Formats a fraction as a percentage with at most `maxDecimals` decimals (default 2):
 * (0.855, 'vi') → `85,5%`; (0.855, 'en') → `85.5%`; (1, 'vi') → `100%`; (2/3, 'vi') → `66,67%`.
 */
export function formatPercent(fraction: number, lang: Lang, maxDecimals = 2): string {
  return `${formatNumber(roundDecimal(fraction * 100, maxDecimals), lang, maxDecimals)}%`;
}

/** An ISO date in the one date style of running text and tables: `2021-03-14` → `14/03/2021`; other text is returned unchanged (the vocabulary's `formatDate`). */
export { formatDate as formatDateVi } from '../vocabulary/dates.ts';
