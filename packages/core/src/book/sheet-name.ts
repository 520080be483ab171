/**
 * Worksheet names made from data (unit names in feedback workbooks), kept within Excel's rules
 * so that a unit called `Phường [Bắc]/Nam: *?` or `__proto__` can never produce a workbook Excel
 * refuses to open or repairs.
 *
 * Excel's rules for a sheet name: 1–31 characters; none of `[ ] : * ? / \`; no apostrophe at the
 * start or the end; not `History` (reserved); unique within the workbook, compared without regard
 * to case. Control characters are not allowed in the XML either.
 */

/** Longest sheet name Excel accepts, in UTF-16 code units (what Excel counts). */
export const MAX_SHEET_NAME_LENGTH = 31;

/** Characters Excel forbids in a sheet name, plus C0/C1 control characters (invalid or invisible in XML). */
const FORBIDDEN = /[[\]:*?/\\\u0000-\u001F\u007F-\u009F]/g;

/** Excel's comparison key for sheet names: case-insensitive (Vietnamese letters included), NFC. */
function key(name: string): string {
  return name.normalize('NFC').toLocaleUpperCase('vi');
}

/** Cuts `text` to at most `max` UTF-16 units without splitting a surrogate pair, then trims the end. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/** Removes apostrophes and spaces at both ends (Excel forbids a leading or trailing `'`). */
function trimEnds(text: string): string {
  return text.replace(/^['\s]+|['\s]+$/g, '');
}

/**
 * The name `name` would get as an Excel sheet name, before the uniqueness step: NFC; each
 * forbidden character (`[]:*?/\` and control characters) replaced by `-`; runs of white space
 * collapsed to one space; apostrophes and spaces stripped from both ends; cut to 31 UTF-16 units
 * (never inside a surrogate pair) and stripped again; `History` (any case) becomes `History-`.
 * A name left blank becomes `fallback`.
 *
 * @param name any text, e.g. a unit name from the registry.
 * @param fallback used when nothing is left (default `Trang`); must itself be a valid name.
 * @returns a non-blank valid sheet name of at most 31 UTF-16 units.
 */
export function cleanSheetName(name: string, fallback = 'Trang'): string {
  let text = name.normalize('NFC').replace(FORBIDDEN, '-').replace(/\s+/g, ' ');
  text = trimEnds(cut(trimEnds(text), MAX_SHEET_NAME_LENGTH));
  if (text === '') return fallback;
  if (key(text) === key('History')) return 'History-';
  return text;
}

/**
 * A valid Excel sheet name for `name` that differs (case-insensitively, as Excel compares) from
 * every name in `taken`: {@link cleanSheetName}, then, if already taken, ` (2)`, ` (3)`… appended,
 * the base being shortened so the whole still fits in 31 UTF-16 units.
 *
 * Pure: `taken` is not modified; add the result to it before naming the next sheet.
 *
 * @param name any text, e.g. a unit name from the registry (may be blank, hostile, very long).
 * @param taken the names already used in the workbook (any case).
 * @param fallback the base used when `name` is blank after cleaning (default `Trang`).
 * @returns a name of 1–31 UTF-16 units with none of `[]:*?/\`, no leading or trailing
 *   apostrophe, not `History`, and not in `taken`.
 */
export function safeSheetName(name: string, taken: Iterable<string>, fallback = 'Trang'): string {
  const used = new Set<string>();
  for (const t of taken) used.add(key(t));
  const base = cleanSheetName(name, fallback);
  if (!used.has(key(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const stem = trimEnds(cut(base, MAX_SHEET_NAME_LENGTH - suffix.length));
    const candidate = `${stem === '' ? cleanSheetName(fallback) : stem}${suffix}`;
    if (!used.has(key(candidate))) return candidate;
  }
}

/**
 * Names for a list of sheets in order, each made with {@link safeSheetName} against the names
 * before it (and `reserved`, e.g. fixed sheets of the workbook).
 *
 * @returns one valid, mutually unique name per input, in the same order.
 */
export function safeSheetNames(names: readonly string[], reserved: Iterable<string> = [], fallback = 'Trang'): string[] {
  const taken = [...reserved];
  return names.map((name) => {
    const safe = safeSheetName(name, taken, fallback);
    taken.push(safe);
    return safe;
  });
}
