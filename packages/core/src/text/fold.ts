/**
 * The one folding of text for comparing wordings (never for display). Every comparison of
 * cell text with known words — the layout reader's period, header roles, row matching, unit
 * names, dates, yes/no, register headers, plan aliases — goes through `foldText`, so a look-alike
 * letter, a composed or decomposed tone, an old tone placement or an old i/y spelling is folded
 * the same way everywhere.
 */
import { normalizeText } from './normalize.ts';

/** How much `foldText` keeps: `letters` (the default) drops every diacritic; `tones` keeps them and only ignores where the tone mark sits. */
export type FoldStrength = 'letters' | 'tones';

/**
 * Letters from other scripts that look like Latin ones, as old converters and copy-paste from
 * PDFs leave them (Cyrillic and Greek capitals and lower case). Only for comparing: the displayed
 * text keeps them.
 */
const SCRIPT_LOOKALIKES: Readonly<Record<string, string>> = {
  А: 'A', В: 'B', С: 'C', Е: 'E', Н: 'H', І: 'I', К: 'K', М: 'M', О: 'O', Р: 'P', Т: 'T', Х: 'X', У: 'Y',
  а: 'a', с: 'c', е: 'e', і: 'i', о: 'o', р: 'p', х: 'x', у: 'y',
  Α: 'A', Β: 'B', Ε: 'E', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Χ: 'X', Υ: 'Y', ο: 'o',
};
const SCRIPT_LOOKALIKE = new RegExp(`[${Object.keys(SCRIPT_LOOKALIKES).join('')}]`, 'g');

/** Combining marks (tones, circumflex, breve, horn, strokes) after NFKD. */
const MARKS = /[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]/g;
/** Vietnamese tone marks (combining, after NFD): grave, acute, tilde, hook above, dot below. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** Printable ASCII only: nothing to decompose or map. */
const PLAIN_ASCII = /^[\x20-\x7E]*$/;

/**
 * Old orthography writes a final `y` after a consonant as `i` (`quí`/`quý`, `kĩ`/`kỹ`,
 * `lí`/`lý`, `tỉ lệ`/`tỷ lệ`, `Mĩ`/`Mỹ`): one spelling (`i`) for comparing. Whole words only
 * (`tuy`, `duy`, `uy`, `ngay`, `thuy` are not touched).
 */
const FINAL_Y = /(^|[^a-z0-9])(qu|ph|th|k|l|m|t|s|h|v|n)y(?![a-z0-9])/g;

/** Lower case with single spaces, for text that is already plain ASCII. */
function foldAscii(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase().replace(FINAL_Y, '$1$2i');
}

/**
 * One word (lower case) keyed with its diacritics but its tone mark moved to the end, and a final
 * `y` after a consonant spelled `i`: `hoà`/`hòa` → the same key, `thuỷ`/`thủy` too, `quý`/`quí` too.
 */
function toneKeyOfWord(word: string): string {
  const decomposed = word.normalize('NFD');
  const tones = (decomposed.match(TONE_MARKS) ?? []).join('');
  const base = decomposed.replace(TONE_MARKS, '').normalize('NFC').replace(/^(qu|ph|th|k|l|m|t|s|h|v|n)y$/, '$1i');
  return (base + tones).normalize('NFC');
}

/**
 * Folds text for matching:
 * 1. `normalizeText` (NFC whatever the file held; look-alikes of `Đ`/`đ` — `Ð` U+00D0, `ð`,
 *    `Ɖ` U+0189, `ɖ`, `D` + combining stroke — become `Đ`/`đ`; invisible characters dropped;
 *    whitespace runs one space);
 * 2. compatibility forms unified (NFKD: full-width `２０２１`, Roman numeral `Ⅱ`, ligatures) and
 *    Cyrillic/Greek letters that look Latin (`С`, `Т`, `Н`) read as Latin;
 * 3. `letters` (default): every diacritic dropped, `đ` → `d`, lower case — `"Ngày 28 THÁNG 12"` →
 *    `"ngay 28 thang 12"`, `"Đồng Môn"` → `"dong mon"`; `tones`: diacritics kept, lower case,
 *    each word's tone mark moved to its end — `"Hoà Bình"` and `"hòa bình"` give the same key,
 *    `"Thạch Hạ"` and `"Thạch Hà"` do not;
 * 4. a final `y` after a consonant written `i` (`"Quý II"` and `"QUÍ II"` → `"qui ii"`).
 * The `letters` result is plain ASCII for Vietnamese input. Never for display.
 */
export function foldText(text: string, strength: FoldStrength = 'letters'): string {
  if (PLAIN_ASCII.test(text)) return foldAscii(text);
  const compatible = normalizeText(text).normalize('NFKD').replace(SCRIPT_LOOKALIKE, (ch) => SCRIPT_LOOKALIKES[ch] ?? ch);
  if (strength === 'letters') {
    return compatible.replace(MARKS, '').replace(/[\u0110\u0111]/g, 'd').toLowerCase().replace(FINAL_Y, '$1$2i');
  }
  return compatible.normalize('NFC').toLowerCase().split(' ').map(toneKeyOfWord).join(' ');
}
