/**
 * Decoding legacy Vietnamese text — TCVN3 (fonts `.VnTime`, `.VnArial`…, capitals from the
 * `.Vn…H` fonts) and VNI-Windows (fonts `VNI-Times`, `VNI-Helve`…) — to Unicode, by the cell's
 * font when it is known, or by the text itself (for the add-in on Excel API 1.1, rich text, or a
 * font changed after typing). The mapping tables are data: text/legacy-tables.ts (sources cited there).
 * Decode before `normalizeText`: TCVN3 uses U+00D0 (`é`) and U+00AD (`ư`), which normalisation
 * would otherwise turn into `Đ` and drop.
 */
import { TCVN3_TABLE, VNI_TABLE } from './legacy-tables.ts';
import { isVietnameseSyllable } from './syllable.ts';

/** A legacy 8-bit Vietnamese encoding. */
export type LegacyEncoding = 'tcvn3' | 'vni';

/** How a text was stored: Unicode, or one of the legacy encodings. */
export type TextEncoding = 'unicode' | LegacyEncoding;

/** What a font name says about its text: the legacy encoding, and whether it is a capitals-only font (`.VnTimeH`). */
export interface LegacyFont {
  encoding: LegacyEncoding;
  capitals: boolean;
}

const TCVN3 = new Map<string, string>(TCVN3_TABLE.map(([byte, unicode]) => [String.fromCharCode(byte), unicode]));
const VNI_PAIRS = new Map<string, string>();
const VNI_SINGLES = new Map<string, string>();
for (const [unicode, vni] of VNI_TABLE) {
  if (vni.length === 2) VNI_PAIRS.set(vni, unicode);
  else if (vni !== unicode) VNI_SINGLES.set(vni, unicode);
}

/**
 * The legacy encoding a font name implies, or null for a Unicode font (or no font):
 * - names starting with `.Vn` (any case: `.VnTime`, `.VnArial NarrowH`) → TCVN3; the ones ending
 *   in a capital `H` (`.VnTimeH`, `.VnArialH`) are capitals-only fonts → `capitals: true`;
 * - names starting with `VNI-` or `VNI ` (`VNI-Times`, `VNI-Helve`) → VNI-Windows.
 */
export function legacyFont(font: string | undefined): LegacyFont | null {
  if (font === undefined) return null;
  const name = font.trim();
  if (/^\.vn/i.test(name)) return { encoding: 'tcvn3', capitals: /H$/.test(name) };
  if (/^vni[- ]/i.test(name)) return { encoding: 'vni', capitals: false };
  return null;
}

/**
 * True when a text could be stored in a legacy encoding: every character is at most U+00FF (the
 * legacy bytes as Windows-1252/Latin-1 characters). Text with Vietnamese Unicode letters such as
 * `ạ` (U+1EA1) or `đ` (U+0111) is Unicode already.
 */
export function mayBeLegacy(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

/**
 * Decodes TCVN3 text: each character of the table becomes its Unicode letter, everything else
 * (ASCII, digits, punctuation) is kept. With `capitals` (a `.Vn…H` font) the result is upper-cased,
 * as the font shows it. Example: `Ninh B×nh` → `Ninh Bình`; `c¶i c¸ch` with capitals → `CẢI CÁCH`.
 */
export function decodeTcvn3(text: string, capitals = false): string {
  let out = '';
  for (const ch of text) out += TCVN3.get(ch) ?? ch;
  return capitals ? out.toUpperCase() : out;
}

/**
 * Decodes VNI-Windows text: a base letter followed by a mark byte becomes one letter (`aù` → `á`,
 * `Coâng` → `Công`), then the single-byte letters (`ñ` → `đ`, `ö` → `ư`, `ô` → `ơ`, `æ` → `ỉ`…);
 * everything else is kept. A mark byte of the other case than its letter (`Aù`) is accepted and
 * takes the letter's case.
 */
export function decodeVni(text: string): string {
  const s = text.normalize('NFC');
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] ?? '';
    const next = s[i + 1];
    if (next !== undefined) {
      const pair = VNI_PAIRS.get(ch + next) ?? swappedMark(ch, next);
      if (pair !== undefined) {
        out += pair;
        i += 1;
        continue;
      }
    }
    out += VNI_SINGLES.get(ch) ?? ch;
  }
  return out;
}

/** A pair whose mark byte has the other case than the letter (`Aù`): decoded with the letter's case. */
function swappedMark(letter: string, mark: string): string | undefined {
  const lowerMark = mark.toLowerCase();
  const upperMark = mark.toUpperCase();
  const other = mark === lowerMark ? upperMark : lowerMark;
  if (other === mark) return undefined;
  const decoded = VNI_PAIRS.get(letter + other);
  if (decoded === undefined) return undefined;
  return letter === letter.toUpperCase() ? decoded.toUpperCase() : decoded.toLowerCase();
}

/** Words of a text for scoring: split at whitespace and ASCII punctuation only (legacy letters are Latin-1 symbols such as `¸`, `×`, `«`). */
function words(text: string): string[] {
  return text.split(/[\s!-/:-@[-`{-~]+/).filter((w) => w !== '');
}

/**
 * How Vietnamese a text reads: +1 for each word with a non-ASCII character that is a well-formed
 * syllable (`isVietnameseSyllable`), −1 for each that is not; ASCII-only words count 0 (the
 * decoders leave them unchanged).
 */
export function vietnameseScore(text: string): number {
  let score = 0;
  for (const word of words(text)) {
    if (/^[\x00-\x7F]*$/.test(word)) continue;
    score += isVietnameseSyllable(word) ? 1 : -1;
  }
  return score;
}

/**
 * Guesses from the text alone whether it is TCVN3 or VNI-Windows: only text that may be legacy
 * (`mayBeLegacy`) is considered; each decoding is scored with `vietnameseScore` and one is chosen
 * only when it reads strictly better than the text as it is and than the other decoding. Unicode
 * Vietnamese is never decoded (its words are syllables already; a tie keeps the text).
 * Examples: `Ninh B×nh` → `tcvn3`; `Coâng taùc` → `vni`; `Hà Tĩnh`, `Tình hình`, `CCHC` → null.
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  if (!mayBeLegacy(text) || /^[\x00-\x7F]*$/.test(text)) return null;
  // As it reads once look-alikes are mapped (`Ð` U+00D0 read as `Đ`: "ÐÔNG" is a syllable).
  const asIs = vietnameseScore(text.replace(/\u00D0/g, '\u0110').replace(/\u00F0/g, '\u0111'));
  const tcvn3 = vietnameseScore(decodeTcvn3(text));
  const vni = vietnameseScore(decodeVni(text));
  if (tcvn3 > asIs && tcvn3 > vni) return 'tcvn3';
  if (vni > asIs && vni > tcvn3) return 'vni';
  return null;
}

/** A cell's text after legacy decoding: the Unicode text, how it was stored, and what told (`font`, `text`, or null for Unicode). */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  by: 'font' | 'text' | null;
}

/**
 * Decodes a cell's raw text to Unicode (not yet `normalizeText`-ed):
 * - a legacy font (`legacyFont`) decodes the text with that encoding (`by: 'font'`), unless the
 *   text holds characters beyond U+00FF — then it is Unicode typed in that font and kept;
 * - otherwise (no font, or a Unicode font) the text itself decides (`detectLegacyEncoding`,
 *   `by: 'text'`); Unicode text is returned unchanged (`encoding: 'unicode'`, `by: null`).
 */
export function decodeLegacyText(raw: string, font?: string): DecodedText {
  const declared = legacyFont(font);
  if (declared && mayBeLegacy(raw)) {
    const text = declared.encoding === 'tcvn3' ? decodeTcvn3(raw, declared.capitals) : decodeVni(raw);
    return { text, encoding: declared.encoding, by: 'font' };
  }
  const detected = detectLegacyEncoding(raw);
  if (detected === 'tcvn3') return { text: decodeTcvn3(raw), encoding: 'tcvn3', by: 'text' };
  if (detected === 'vni') return { text: decodeVni(raw), encoding: 'vni', by: 'text' };
  return { text: raw, encoding: 'unicode', by: null };
}
