/**
 * The terminal-escape payload of issue 18 and the check that no output carries it raw: a report
 * whose unit-code and period cells hold `_x001B_]0;PWNED_x0007__x001B_[2J` (ESC and BEL through
 * OOXML's `_xHHHH_` escape: retitle the window, clear the screen) followed by U+202E
 * (right-to-left override).
 */
import { unzipParts, zipParts } from './zip.ts';
import { filledReport, unit } from './hostile.ts';

/** The payload as it is written in the workbook's XML. */
export const PAYLOAD_XML = '_x001B_]0;PWNED_x0007__x001B_[2J\u202E';
/** The payload as the reader gives it: real ESC, BEL and U+202E. */
export const PAYLOAD = '\u001B]0;PWNED\u0007\u001B[2J\u202E';
/** The payload as `cchc` prints it on a terminal or writes it in a CSV cell. */
export const PAYLOAD_SHOWN = '\\u001B]0;PWNED\\u0007\\u001B[2J\\u202E';

/** Trần Phú's filled form with the payload after the unit code (`18070…`) and the period (`2021-H1…`). */
export async function payloadReport(): Promise<Uint8Array> {
  const parts = unzipParts(await filledReport(unit('18070'))).map((part): [string, Uint8Array] => {
    if (part.name !== 'xl/sharedStrings.xml') return [part.name, part.data];
    const xml = Buffer.from(part.data)
      .toString('utf8')
      .replace('<si><t>18070</t></si>', `<si><t>18070${PAYLOAD_XML}</t></si>`)
      .replace('<si><t>2021-H1</t></si>', `<si><t>2021-H1${PAYLOAD_XML}</t></si>`);
    if (!xml.includes(PAYLOAD_XML)) throw new Error('the template no longer holds its unit code as a shared string');
    return [part.name, new Uint8Array(Buffer.from(xml, 'utf8'))];
  });
  return zipParts(parts);
}

/**
 * The characters of `text` that must never reach a terminal raw, as `U+001B` labels: code points
 * below U+0020 other than tab, CR and LF; U+007F–U+009F; the bidi overrides U+202A–U+202E and
 * isolates U+2066–U+2069. Empty when the text is safe.
 */
export function terminalUnsafe(text: string): string[] {
  const found: string[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const unsafe = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    if (unsafe) found.push(`U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return found;
}

/** Decodes bytes as UTF-8, throwing on an invalid sequence (a C1 byte on its own is not UTF-8). */
export function strictUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
