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
 */
export function formatNumber(value: number, lang: Lang, maxDecimals = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = roundDecimal(value, maxDecimals);
  const [intPart = '0', fracPart = ''] = Math.abs(rounded).toFixed(maxDecimals).split('.');
  const thousands = lang === 'vi' ? '.' : ',';
  const decimal = lang === 'vi' ? ',' : '.';
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
