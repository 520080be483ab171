/**
 * Reading Excel number-format codes (`0.0%`, `dd/mm/yyyy`, `#,##0 "đồng"`): only what the
 * reader needs — is a number shown as a percentage, is it shown as a date.
 */

/** The format code with quoted literals, escaped characters, `_x`/`*x` padding and `[...]` sections (colours, locales, conditions) removed. */
function stripLiterals(format: string): string {
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

/**
 * True when a number format shows the value as a percentage (`0%`, `0.0%`, `#,##0.00%`), i.e. the
 * stored value is a fraction (0.855 shown as 85.5%). A `%` inside quotes or escaped does not count.
 */
export function isPercentFormat(format: string | undefined): boolean {
  return format !== undefined && stripLiterals(format).includes('%');
}

/**
 * True when a number format shows the value as a date or time (`dd/mm/yyyy`, `d-mmm-yy`, `[$-42A]dd/mm/yyyy`,
 * `hh:mm`), i.e. the stored number is a date serial. `General` and formats whose letters are
 * only inside quotes (`0 "ngày"`) are not dates.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (format === undefined) return false;
  const bare = stripLiterals(format);
  if (/general/i.test(bare)) return false;
  return /[dmyhs]/i.test(bare.replace(/E[+-]/gi, ''));
}
