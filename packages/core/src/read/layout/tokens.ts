/**
 * Words of a wording for matching it against the plan: diacritics folded (Đ/đ included),
 * abbreviations expanded, spelling variants unified, function words dropped.
 */
import { expandAbbreviations } from '../../text/abbreviations.ts';
import { foldText } from '../../text/fold.ts';

/**
 * Folded function words that say nothing about which indicator a wording is ("của", "các", "được",
 * "tỷ lệ"…). Not "so": folded, "số" (number) is also "sơ" in "hồ sơ" (dossier).
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'va', 'cua', 'cac', 'nhung', 've', 'duoc', 'cho', 'voi', 'tren', 'theo', 'doi', 'trong', 'la', 'da', 'de', 'ti', 'le',
  'tong', 'nhu', 'thi', 'o', 'nay', 'do', 'khi', 'tu', 'den', 'hoac', 'viec', 'tac',
]);

/**
 * The matching words of a text, in order, without duplicates: `foldText` (which also spells a
 * final `y` after a consonant `i`: `quy`/`qui`, `ky`/`ki`, `ly`/`li`), `expandAbbreviations`,
 * numbers kept, `STOPWORDS` dropped. Example: `"Tỷ lệ hồ sơ TTHC được công khai"` →
 * `["ho", "thu", "tuc", "hanh", "chinh", "cong", "khai"]`.
 */
export function matchTokens(text: string): string[] {
  const words = expandAbbreviations(foldText(text)).split(' ');
  const out: string[] = [];
  for (const word of words) {
    if (word === '' || STOPWORDS.has(word)) continue;
    if (!out.includes(word)) out.push(word);
  }
  return out;
}
