/**
 * The one place that decides which characters from files may reach a terminal (issue 18). Cell
 * text and file names can hold C0 controls (ESC starts the sequences that retitle the window,
 * clear the screen or fake output), DEL, C1 controls (0x80–0x9F: 0x9B is a one-byte CSI) and
 * bidirectional controls (U+202E turns `gpj.exe` into `exe.jpg`). Every line `cchc` prints goes
 * through {@link printable} (commands/io.ts), every CSV cell through {@link csvSafeText} and every
 * JSON text through {@link jsonSafeText}: all three escape the same characters, {@link UNSAFE}.
 */

/**
 * Characters never written raw: C0 controls, DEL, C1 controls, the Arabic letter mark, the
 * left-to-right and right-to-left marks, the bidi embeddings and overrides (U+202A–U+202E) and
 * isolates (U+2066–U+2069). Tab, CR and LF are in it too; each use decides what they become.
 */
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Tab, CR and LF: layout characters a CSV cell may keep (quoted). */
const LAYOUT = new Set(['\t', '\r', '\n']);

/** `\u001B`: the visible escape of one character (upper-case hex, as our messages print them). */
function visibleEscape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Text safe to print on a terminal as one line: tab, CR and LF become spaces (one finding stays
 * one line); the other characters of {@link UNSAFE} are shown as `\u001B`-style escapes. Applying
 * it twice changes nothing. Used by every line the command line prints (`Io.out`, `Io.err`).
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => (LAYOUT.has(c) ? ' ' : visibleEscape(c)));
}

/**
 * A CSV cell's text: tab, CR and LF are kept (the field is then quoted), every other character of
 * {@link UNSAFE} is shown as a `\u001B`-style escape, so `cat`-ing or `type`-ing the CSV cannot
 * drive the terminal and Excel shows what was there.
 */
export function csvSafeText(text: string): string {
  return text.replace(UNSAFE, (c) => (LAYOUT.has(c) ? c : visibleEscape(c)));
}

/** What JSON.stringify leaves raw of {@link UNSAFE} (it escapes U+0000–U+001F itself). */
const JSON_UNSAFE = /[\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * JSON text (as `JSON.stringify` writes it) with DEL, C1 and bidirectional controls written as
 * JSON escapes (`\u009b`, `\u202e`; `JSON.stringify` already escapes C0 controls as `\u001b`).
 * These characters only ever occur inside JSON strings, so the text stays valid JSON and parses
 * to the same value; it can be applied to any piece of the text separately (each character is
 * one UTF-16 unit, never half of a pair).
 */
export function jsonSafeText(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** {@link jsonSafeText} of each chunk of a JSON text written piece by piece. */
export function* jsonSafeChunks(chunks: Iterable<string>): Generator<string, void, undefined> {
  for (const chunk of chunks) yield jsonSafeText(chunk);
}
