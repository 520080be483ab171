/**
 * Is a word a well-formed Vietnamese syllable? Used to tell legacy-encoded text (TCVN3, VNI) from
 * Unicode when no font says which: the right decoding turns garbled words into syllables.
 * Rules of Vietnamese orthography (initial consonant + vowel nucleus + final consonant + one
 * tone): a syllable ending in `c`, `ch`, `p` or `t` carries the acute or the dot-below tone; some
 * nuclei never take a final (`ai`, `ao`, `ươi`…), some always do (`ă`, `â`, `iê`, `uô`, `ươ`…).
 */

/** Tone marks (combining, after NFD): grave, acute, tilde, hook above, dot below. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ACUTE = '\u0301';
const DOT_BELOW = '\u0323';

/** Initial consonants, longest first so that `ngh` is tried before `ng` and `n`; '' = no initial. */
const INITIALS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''];
/** Final consonants; '' = none. */
const FINALS = ['ch', 'ng', 'nh', 'c', 'm', 'n', 'p', 't', ''];
/** Finals after which only the acute or dot-below tone is possible. */
const STOP_FINALS = new Set(['c', 'ch', 'p', 't']);

/** Nuclei that never take a final consonant (they end in a semivowel, or are `ia`/`ua`/`ưa`). */
const OPEN_ONLY = new Set([
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iu', 'oi', 'ôi', 'ơi', 'ui', 'ưi', 'ưu', 'ua', 'ưa', 'uơ',
  'iêu', 'yêu', 'oai', 'oao', 'oay', 'oeo', 'uây', 'uôi', 'uya', 'ươi', 'ươu', 'uyu',
]);
/** Nuclei with or without a final consonant. */
const EITHER = new Set(['a', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'oa', 'oe', 'uê', 'uy']);
/** Nuclei that always take a final consonant (loanword `oo`, as in "boong", is left out: it would make VNI `oâ` look like a syllable after TCVN3 decoding). */
const CLOSED_ONLY = new Set(['ă', 'â', 'iê', 'yê', 'oă', 'uâ', 'uô', 'ươ', 'uyê']);

/**
 * True when `word` (one word, any case, NFC or NFD, no spaces or punctuation) is a well-formed
 * Vietnamese syllable: letters of the Vietnamese alphabet only, at most one tone mark, an
 * initial consonant (optional), a known nucleus and a final consonant allowed by the nucleus,
 * and the acute or dot-below tone after `c`/`ch`/`p`/`t`.
 * Examples: `Công`, `trường`, `hoà` and `hòa`, `nghiêng`, `quốc` → true; `Coâng`, `taùc`, `B×nh`,
 * `tac` (no tone before `c`), `CCHC` → false. Spelling variants (`qui`/`quy`) are both accepted;
 * which initial may precede which vowel (`k`/`c`, `gh`/`g`) is not checked.
 */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONE_MARKS) ?? [];
  if (tones.length > 1) return false;
  const base = decomposed.replace(TONE_MARKS, '').normalize('NFC');
  if (!/^[a-zăâđêôơư]+$/.test(base)) return false;
  const tone = tones[0];
  for (const initial of INITIALS) {
    if (!base.startsWith(initial)) continue;
    const rest = base.slice(initial.length);
    for (const final of FINALS) {
      if (!rest.endsWith(final)) continue;
      const nucleus = rest.slice(0, rest.length - final.length);
      if (nucleus === '') continue;
      const allowed = final === '' ? OPEN_ONLY.has(nucleus) || EITHER.has(nucleus) : EITHER.has(nucleus) || CLOSED_ONLY.has(nucleus);
      if (!allowed) continue;
      if (STOP_FINALS.has(final) && tone !== ACUTE && tone !== DOT_BELOW) continue;
      return true;
    }
  }
  return false;
}
