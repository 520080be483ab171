/**
 * CSV output that Excel opens correctly and safely: UTF-8 with a byte-order mark (so Excel shows
 * Vietnamese), CRLF line ends, a selectable separator, RFC 4180 quoting, text that Excel
 * would run as a formula ("CSV injection") neutralised, and control characters that would drive a
 * terminal printing the file shown as escapes (`csvSafeText`).
 */
import { csvSafeText } from './terminal-text.ts';

/** Field separators `--csv-separator` accepts: comma (default), semicolon (Excel in many non-English locales), tab. */
export type CsvSeparator = ',' | ';' | '\t';

/** A CSV value: text, a number (written as is), a boolean (`TRUE`/`FALSE`), or blank (`null`/`undefined`). */
export type CsvValue = string | number | boolean | null | undefined;

/** The UTF-8 byte-order mark, as the first character of the text. */
export const CSV_BOM = '\uFEFF';

/**
 * Reads a `--csv-separator` value: `,` `comma`, `;` `semicolon`, `tab` `\t` (a real tab too).
 * @returns the separator, or null for anything else.
 */
export function parseCsvSeparator(text: string): CsvSeparator | null {
  if (text === '\t') return '\t';
  switch (text.trim().toLowerCase()) {
    case ',':
    case 'comma':
      return ',';
    case ';':
    case 'semicolon':
      return ';';
    case '\\t':
    case 'tab':
      return '\t';
    default:
      return null;
  }
}

/** Text Excel or LibreOffice would read as a formula: starting with `=`, `+`, `-`, `@`, tab or CR (leading white space skipped for `=+-@`). */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;

/**
 * Neutralises text a spreadsheet would run as a formula (OWASP "CSV injection"): text starting
 * with `=`, `+`, `-`, `@`, a tab or a carriage return (also after leading white space) gets a
 * leading apostrophe, so `=HYPERLINK(…)` is shown as the text `'=HYPERLINK(…)`. Other text is
 * returned unchanged. Apply only to text: numbers are written as numbers (`-5` stays `-5`).
 */
export function escapeFormulaText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One field as written: numbers in JavaScript's shortest round-trip form with `.` as the decimal
 * point (`0.9083333333333333`, `-5`; NaN and ±Infinity blank, -0 as `0`); booleans `TRUE`/`FALSE`;
 * text NFC, with C0/C1 and bidirectional controls other than tab, CR and LF shown as `\u001B`-style
 * escapes (`csvSafeText`), formula-escaped ({@link escapeFormulaText}), quoted with `"` (inner
 * quotes doubled) when it contains the separator, a quote, CR or LF, starts or ends with a space,
 * or was escaped; `null`/`undefined` blank.
 */
export function csvField(value: CsvValue, separator: CsvSeparator): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value === 0 ? 0 : value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = csvSafeText(value.normalize('NFC'));
  const escaped = escapeFormulaText(text);
  const quote =
    escaped !== text ||
    escaped.includes(separator) ||
    /["\r\n]/.test(escaped) ||
    /^\s|\s$/.test(escaped);
  return quote ? `"${escaped.replace(/"/g, '""')}"` : escaped;
}

/**
 * A whole CSV document: the byte-order mark, then each row's fields joined by `separator`, every
 * line ending in CRLF (the last one too). Rows may have different lengths.
 * @returns the text; write it as UTF-8 (the BOM is its first character).
 */
export function toCsv(rows: readonly (readonly CsvValue[])[], separator: CsvSeparator = ','): string {
  return CSV_BOM + rows.map((row) => `${row.map((v) => csvField(v, separator)).join(separator)}\r\n`).join('');
}
