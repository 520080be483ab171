/**
 * Formulas that take a figure from another workbook (`=[1]Sheet1!A1`, `='C:\Báo cáo\[Quý 1.xlsx]Biểu 1'!F12`).
 * Their cached result is all a file carries: it was right when the file was last recalculated
 * with the other workbook at hand, and cannot be checked here. The readers use it, with a warning
 * naming the cell (issue 18).
 */
import type { Message } from '../finding.ts';

/** String literals of a formula (`"…"`, with `""` inside), removed before looking for references. */
const STRING_LITERAL = /"(?:[^"]|"")*"/g;
/** `'…[book]sheet'!` — a quoted sheet name holding a workbook in brackets (path allowed before it). */
const QUOTED_EXTERNAL = /'(?:[^']|'')*\[[^\]]+\](?:[^']|'')*'!/;
/**
 * `[1]Sheet1!`, `[Book.xlsx]Sheet1!`, `[1]!Name` — brackets right before a sheet name and `!`. The
 * sheet name is any run of characters that are not an operator, space, quote or bracket (no
 * `\p{L}`: Unicode property escapes are ES2018, and the add-in's oldest web view is ES2017).
 */
const BARE_EXTERNAL = /\[[^\][]+\][^\s!'"(),;=<>&+\-*\/^[\]{}]*!/;

/**
 * True when a formula (as stored, without `=`) refers to another workbook: OOXML writes such a
 * reference as `[n]Sheet!A1` (n indexes the workbook's external links), Excel's own text as
 * `[Book.xlsx]Sheet!A1` or `'path\[Book.xlsx]Sheet name'!A1`, and a name in another workbook as
 * `[n]!Name`. Brackets inside string literals and structured references (`Table1[Column]`,
 * `Table1[[#This Row],[Column]]`, never followed by `!`) are not external.
 */
export function hasExternalReference(formula: string): boolean {
  if (!formula.includes('[')) return false;
  const code = formula.replace(STRING_LITERAL, '""');
  return QUOTED_EXTERNAL.test(code) || BARE_EXTERNAL.test(code);
}

/** A formula quoted in a message: `=` and the text, cut to 60 characters. */
function shown(formula: string): string {
  return `=${formula.length > 59 ? `${formula.slice(0, 58)}…` : formula}`;
}

/**
 * The message of `formula-external-reference` (warning): the cell's figure comes from another
 * workbook; `cached` is the result used, as written in the message (null: the file has none).
 */
export function externalReferenceMessage(formula: string, cached: string | null): Message {
  const used =
    cached === null
      ? { vi: 'tệp không lưu sẵn kết quả nên ô được coi như để trống', en: 'the file holds no result, so the cell is read as blank' }
      : { vi: `dùng kết quả lưu sẵn ${cached} như trên tệp, số này có thể đã cũ và không kiểm tra được`, en: `the cached result ${cached} is used as in the file; it may be out of date and cannot be checked` };
  return {
    vi: `công thức ${shown(formula)} lấy số liệu từ một sổ tính khác; ${used.vi}. Hãy chép giá trị vào ô (Dán đặc biệt › Giá trị) rồi lưu lại.`,
    en: `the formula ${shown(formula)} takes its figure from another workbook; ${used.en}. Paste the value into the cell (Paste Special › Values) and save again.`,
  };
}
