/**
 * A comparison key that keeps Vietnamese diacritics but ignores where the tone mark sits: old
 * ("hòa", "thủy") and new ("hoà", "thuỷ") tone placement give the same key, while "Thạch Hạ" and
 * "Thạch Hà" stay different (which folding would merge).
 */
import { normalizeText } from './normalize.ts';

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * `normalizeText`, lower case, and in every word the tone mark moved to the end of the word:
 * `"Hoà Bình"` and `"Hòa Bình"` → the same key; `"THẠCH HẠ"` and `"thạch hạ"` → the same key;
 * `"Thạch Hà"` → another key. Only for comparing, never for display.
 */
export function toneKey(text: string): string {
  return normalizeText(text)
    .toLowerCase()
    .split(' ')
    .map((word) => {
      const decomposed = word.normalize('NFD');
      const tones = decomposed.match(TONE_MARKS) ?? [];
      return (decomposed.replace(TONE_MARKS, '') + tones.join('')).normalize('NFC');
    })
    .join(' ');
}
