import { formatNumber, formatPercent } from '../text/format.ts';

/**
 * Figures as officers read them in documents and sentences, in the Vietnamese number style: a
 * dot between thousands, a comma before decimals (`12.345`, `1.234,5`), a percentage with at
 * most two decimals and no space before the sign (`98,33%`, `100%`). Every figure the Word
 * report prints goes through these, so a figure reads the same in the body, the annexes and the
 * workbook's sentences.
 */

/** A count or sum: `12345` → `12.345`, `1234.5` → `1.234,5` (at most two decimals, trailing zeros dropped). */
export function figureText(value: number): string {
  return formatNumber(value, 'vi');
}

/** A fraction (0–1, or above 1 for a comparison) as a percentage: `0.98333` → `98,33%`, `1` → `100%`. */
export function ratioText(fraction: number): string {
  return formatPercent(fraction, 'vi');
}

/** A score: `87.5` → `87,5` (at most two decimals). */
export function scoreText(points: number): string {
  return formatNumber(points, 'vi');
}

