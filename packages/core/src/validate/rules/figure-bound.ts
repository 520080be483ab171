/**
 * The plausible bound of a figure a unit reports: `figure-too-large` (error for an indicator's
 * figures, validate/rules/counts.ts; a dropped figure for an activity's quantity or participants,
 * validate/rules/activity-counts.ts).
 */
import type { Message } from '../../finding.ts';
import { formatNumber } from '../../text/format.ts';

/**
 * The largest figure one unit may report for one period: one billion (10^9). Our convention: no
 * count a ward, commune or city agency reports — dossiers, procedures, portals, broadcasts,
 * minutes of airtime (a year has 525,600), leaflets, participants — comes near it, so a larger one
 * is a slip (digits typed twice, a pasted ID or phone number, `1E+20`). It also keeps every city
 * sum exact: up to nine million such figures add up below 2^53 (`Number.MAX_SAFE_INTEGER`).
 */
export const MAX_FIGURE = 1_000_000_000;

/** True when `n` is above {@link MAX_FIGURE} (also: not a safe integer, Infinity). */
export function isImplausibleFigure(n: number): boolean {
  return !(n <= MAX_FIGURE);
}

/** The tail of a `figure-too-large` message: what is wrong and how to fix it. */
export function tooLargeMessage(n: number): Message {
  return {
    vi: `${formatNumber(n, 'vi')} lớn hơn ${formatNumber(MAX_FIGURE, 'vi')} (một tỷ), quá lớn đối với số liệu của một đơn vị trong một kỳ; có thể gõ thừa chữ số hoặc dán nhầm nội dung. Hãy sửa lại số liệu.`,
    en: `${formatNumber(n, 'en')} is above ${formatNumber(MAX_FIGURE, 'en')} (one billion), too large for a figure of one unit in one period; digits typed twice or something pasted by mistake? Correct the figure.`,
  };
}
