/**
 * Numbers typed as text, in Vietnamese style (`1.234,5`) or English style (`1,234.5`), with
 * spaces or no-break spaces as thousand separators and an optional trailing `%`.
 * Never guesses: `1.234` alone is `ambiguous` (1.234 or 1234) unless the caller says an integer
 * is expected.
 */

/** Why a text is not a number: blank, readable two ways, or not a number at all. */
export type NumberFailure = 'empty' | 'ambiguous' | 'invalid';

/**
 * A parsed number. With `percent: true` the text ended in `%` and `value` is already the fraction
 * (`"85,5%"` → `0.855`); otherwise `value` is the number as written.
 */
export type ParsedNumber = { ok: true; value: number; percent: boolean } | { ok: false; reason: NumberFailure };

/** Options of `parseNumber` and `cellNumber`. */
export interface ParseNumberOptions {
  /**
   * An integer (a count) is expected: a single `.` or `,` followed by exactly three digits is then
   * a thousand separator (`"1.234"` → 1234). Other text is read as usual, so `"1,5"` still gives
   * 1.5 and the caller decides what a fraction means for a count.
   */
  integer?: boolean;
}

const SPACE_SEPARATORS = /[ \u00A0\u2007\u2009\u202F]/g;
const INVISIBLE = /[\u200B\u200C\u200D\u2060\uFEFF]/g;

function failure(reason: NumberFailure): ParsedNumber {
  return { ok: false, reason };
}

/** True when digit groups after the first are all 3 digits long and the first has 1–3 digits. */
function validGrouping(groups: readonly string[]): boolean {
  return groups.every((g, i) => (i === 0 ? g.length >= 1 && g.length <= 3 : g.length === 3));
}

/**
 * Parses a number typed as text. Rules, in order:
 * - blank (after trimming whitespace) → `empty`;
 * - optional sign (`+`, `-`, `−`), digits, separators `.` `,` and spaces, optional trailing `%`
 *   (spaces allowed before it); anything else (letters, `1e3`, `(5)`, `-`) → `invalid`;
 * - both `.` and `,` present: the last one is the decimal separator, the other groups thousands
 *   (`1.234,5` → 1234.5, `1,234.5` → 1234.5); spaces group thousands (`1 234,5` → 1234.5);
 * - one kind of separator, repeated → thousands (`1.234.567` → 1234567);
 * - one `.` or `,` once: followed by exactly 3 digits after a 1–3 digit integer part not starting
 *   with `0` → `ambiguous` (`integer: true` → thousands); otherwise decimal (`85,5` → 85.5,
 *   `0,234` → 0.234, `1234.567` → 1234.567, `,5` → 0.5);
 * - thousand groups must be 3 digits (`12.34.5` → `invalid`).
 * `%` divides by 100 exactly in decimal (`"85,5%"` → 0.855, `percent: true`).
 */
export function parseNumber(text: string, options: ParseNumberOptions = {}): ParsedNumber {
  let s = text.normalize('NFC').replace(INVISIBLE, '').trim();
  if (s === '') return failure('empty');
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  let sign = '';
  if (/^[+\-\u2212]/.test(s)) {
    sign = s[0] === '+' ? '' : '-';
    s = s.slice(1);
  }
  s = s.replace(SPACE_SEPARATORS, ' ');
  if (s === '') return failure('invalid');

  let intGroups: string[];
  let fraction = '';
  if (/^[.,]\d+$/.test(s)) {
    intGroups = ['0'];
    fraction = s.slice(1);
  } else {
    if (!/^\d+(?:[., ]\d+)*$/.test(s)) return failure('invalid');
    const groups = s.split(/[., ]/);
    const seps = s.replace(/\d+/g, '').split('');
    const last = seps[seps.length - 1];
    if (last === undefined) {
      intGroups = groups;
    } else if (last === ' ' || seps.filter((c) => c === last).length > 1) {
      // Thousands only: a single kind of separator throughout.
      if (!seps.every((c) => c === last)) return failure('invalid');
      intGroups = groups;
    } else {
      const others = seps.slice(0, -1);
      const before = groups.slice(0, -1);
      const after = groups[groups.length - 1] ?? '';
      if (others.length > 0) {
        const thousands = others[0];
        if (thousands === last || !others.every((c) => c === thousands)) return failure('invalid');
        intGroups = before;
        fraction = after;
      } else {
        const head = before[0] ?? '';
        const looksGrouped = after.length === 3 && head.length <= 3 && !head.startsWith('0');
        if (looksGrouped) {
          if (!options.integer) return failure('ambiguous');
          intGroups = groups;
        } else {
          intGroups = before;
          fraction = after;
        }
      }
    }
    if (intGroups.length > 1 && !validGrouping(intGroups)) return failure('invalid');
  }
  const canonical = `${sign}${intGroups.join('')}${fraction === '' ? '' : `.${fraction}`}`;
  const value = Number(percent ? `${canonical}e-2` : canonical);
  if (!Number.isFinite(value)) return failure('invalid');
  return { ok: true, value: value === 0 ? 0 : value, percent };
}
