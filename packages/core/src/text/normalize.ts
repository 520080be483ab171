/**
 * Text normalisation for cell text: one canonical form to store and show (`normalizeText`).
 * Comparing wordings folds it further: `foldText` in fold.ts.
 */

/** Characters that render as nothing and only disturb comparisons: zero-width space, BOM, soft hyphen. */
const INVISIBLE = /[\u200B\u200C\u200D\u2060\uFEFF\u00AD]/g;
/** True when `normalizeText` has work beyond NFC: look-alikes of Đ, invisibles, whitespace other than single inner spaces. */
const NEEDS_CLEANING = /[\u00D0\u00F0\u0189\u0256\u0335\u0336\u200B\u200C\u200D\u2060\uFEFF\u00AD]|[^\S ]| {2}|^ | $/;
/** Capital look-alikes of Vietnamese `Đ` (U+0110): Icelandic eth `Ð` (U+00D0), African D `Ɖ` (U+0189), `D` with a combining short or long stroke overlay. */
const CAPITAL_D_LOOKALIKE = /[\u00D0\u0189]|D[\u0335\u0336]/g;
/** Lower-case look-alikes of `đ` (U+0111): eth `ð` (U+00F0), `ɖ` (U+0256), `d` with a combining stroke. */
const SMALL_D_LOOKALIKE = /[\u00F0\u0256]|d[\u0335\u0336]/g;

/**
 * Normalises text as read from a cell: Unicode NFC (files arrive in NFC or NFD); look-alikes of
 * Vietnamese `Đ` (U+0110) and `đ` (U+0111) that legacy fonts, converters and hand typing produce —
 * Icelandic eth `Ð`/`ð` (U+00D0/U+00F0), African D `Ɖ`/`ɖ` (U+0189/U+0256), `D`/`d` with a
 * combining stroke overlay (U+0335/U+0336) — become the Vietnamese letters; zero-width characters
 * and soft hyphens are dropped; every run of whitespace (spaces, no-break spaces, tabs, line
 * breaks) becomes one space; the ends are trimmed.
 * Example: `"  Ðồng\u00A0 Môn\n"` → `"Đồng Môn"`. Legacy TCVN3/VNI text is not decoded here.
 */
export function normalizeText(text: string): string {
  const nfc = text.normalize('NFC');
  // Most cell text is already clean: skip the replacements when none would change anything.
  if (!NEEDS_CLEANING.test(nfc)) return nfc;
  return nfc
    .replace(CAPITAL_D_LOOKALIKE, '\u0110')
    .replace(SMALL_D_LOOKALIKE, '\u0111')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim();
}
