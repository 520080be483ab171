/**
 * Text normalisation for cell text: one canonical form to store and show (`normalizeText`), and
 * a folded form to compare wordings that differ in case, diacritics or spacing (`foldText`).
 */

/** Characters that render as nothing and only disturb comparisons: zero-width space, BOM, soft hyphen. */
const INVISIBLE = /[\u200B\u200C\u200D\u2060\uFEFF\u00AD]/g;
/** True when `normalizeText` has work beyond NFC: eth, invisibles, whitespace other than single inner spaces. */
const NEEDS_CLEANING = /[\u00D0\u00F0\u200B\u200C\u200D\u2060\uFEFF\u00AD]|[^\S ]| {2}|^ | $/;

/**
 * Normalises text as read from a cell: Unicode NFC (files arrive in NFC or NFD); Icelandic eth
 * `Ð` (U+00D0) and `ð` (U+00F0), which legacy fonts and hand conversions produce in place of
 * Vietnamese `Đ` (U+0110) and `đ` (U+0111), become the Vietnamese letters; zero-width characters
 * and soft hyphens are dropped; every run of whitespace (spaces, no-break spaces, tabs, line
 * breaks) becomes one space; the ends are trimmed.
 * Example: `"  Ðồng\u00A0 Môn\n"` → `"Đồng Môn"`. Legacy TCVN3/VNI text is not decoded here.
 */
export function normalizeText(text: string): string {
  const nfc = text.normalize('NFC');
  // Most cell text is already clean: skip the replacements when none would change anything.
  if (!NEEDS_CLEANING.test(nfc)) return nfc;
  return nfc
    .replace(/\u00D0/g, '\u0110')
    .replace(/\u00F0/g, '\u0111')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Folds text for matching (never for display): `normalizeText`, then lower case, diacritics
 * removed and `đ` → `d`. Example: `"Ngày 28 THÁNG 12"` → `"ngay 28 thang 12"`,
 * `"Đồng Môn"` → `"dong mon"`. The result is plain ASCII for Vietnamese input.
 */
export function foldText(text: string): string {
  return normalizeText(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036F]/g, '')
    .replace(/[\u0110\u0111]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}
