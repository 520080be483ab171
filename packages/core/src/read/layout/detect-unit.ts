/**
 * Which registry unit a workbook is from, read from its title rows, sheet name or file name:
 * "UBND PHƯỜNG BẮC HÀ", "UBND P. BẮC HÀ", "Phường Bắc Hà", "18076-2021-H1.xlsx", "BacHa.xlsx".
 */
import { expandAbbreviations } from '../../text/abbreviations.ts';
import { foldText } from '../../text/fold.ts';
import type { Unit } from '../../units/unit.ts';
import type { TextSource } from './text-source.ts';

/** The outcome of unit detection. */
export interface UnitDetection {
  /** The unit taken, or null. */
  unit: Unit | null;
  /** The text it was read from. */
  source: TextSource | null;
  /** Set when the first text naming any unit names several (none is taken then). */
  ambiguous: { units: Unit[]; source: TextSource } | null;
  /** A later text naming another unit than the one taken (the first is kept). */
  conflict: { unit: Unit; source: TextSource } | null;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Letters and digits of Vietnamese text in NFC (Latin, Latin-1, Latin Extended, Vietnamese): no `\p{L}`, which is ES2018. */
const WORD_CHAR = '0-9A-Za-z\\u00C0-\\u024F\\u1E00-\\u1EFF';
/** `needle` in `hay` as whole words (not inside a longer word). */
const containsWords = (hay: string, needle: string): boolean =>
  needle !== '' && new RegExp(`(?:^|[^${WORD_CHAR}])${escape(needle)}(?![${WORD_CHAR}])`).test(hay);
const kindWords = (unit: Unit): string[] => (unit.kind === 'ward' ? ['phuong'] : unit.kind === 'commune' ? ['xa'] : []);

/** Units a text names, each with whether the naming is strong (the code, or the name after its kind word: "phường Bắc Hà"). */
function unitsIn(source: TextSource, units: readonly Unit[]): { unit: Unit; strong: boolean }[] {
  const found: { unit: Unit; strong: boolean }[] = [];
  const expanded = expandAbbreviations(foldText(source.text));
  const tone = foldText(source.text, 'tones');
  // Without spaces the old i/y spelling cannot be told by word ends: every y reads i here.
  const compact = foldText(source.text).replace(/[^a-z0-9]/g, '').replace(/y/g, 'i');
  for (const unit of units) {
    if (containsWords(source.text, unit.code)) {
      found.push({ unit, strong: true });
      continue;
    }
    const folded = expandAbbreviations(foldText(unit.name));
    const afterKind = kindWords(unit).some((k) => containsWords(expanded, `${k} ${folded}`));
    if (source.via === 'fileName') {
      const name = folded.replace(/ /g, '').replace(/y/g, 'i');
      if (name.length >= 4 && compact.includes(name)) found.push({ unit, strong: false });
      continue;
    }
    if (containsWords(tone, foldText(unit.name, 'tones'))) found.push({ unit, strong: afterKind });
    else if (afterKind) found.push({ unit, strong: true });
    // Long names (agencies: "Trung tâm Văn hóa – Truyền thông") are specific enough without
    // diacritics or with other dashes.
    else if (folded.split(' ').length >= 3 && containsWords(expanded, folded)) found.push({ unit, strong: false });
  }
  return found;
}

/** The single unit of a text: the only one named, or the only one named strongly; `many` when several remain. */
function single(found: { unit: Unit; strong: boolean }[]): { unit: Unit } | { many: Unit[] } | null {
  if (found.length === 0) return null;
  if (found.length === 1 && found[0]) return { unit: found[0].unit };
  const strong = found.filter((f) => f.strong);
  if (strong.length === 1 && strong[0]) return { unit: strong[0].unit };
  return { many: (strong.length > 0 ? strong : found).map((f) => f.unit) };
}

/**
 * Finds the unit in the texts, in their order (title rows, then sheet name, then file name):
 * a registry code as a whole word (`18076`); the name with its diacritics (tone placement
 * and i/y spelling ignored: `foldText(…, 'tones')`) as whole words; the name without diacritics only right after its kind word
 * (`PHUONG BAC HA`, `P. Bắc Hà`, `xa thach ha`) so that "huyện Thạch Hà" is not the commune
 * Thạch Hạ, or, for names of three words or more (agencies), anywhere; in a file name, the name
 * without spaces or diacritics (`BacHa`). The first text that
 * names exactly one unit (or one after its kind word) decides; a text naming several → `ambiguous`
 * and nothing taken; a later text naming another unit → `conflict`.
 */
export function detectUnit(sources: readonly TextSource[], units: readonly Unit[]): UnitDetection {
  const result: UnitDetection = { unit: null, source: null, ambiguous: null, conflict: null };
  for (const source of sources) {
    const one = single(unitsIn(source, units));
    if (one === null) continue;
    if (result.unit === null && result.ambiguous === null) {
      if ('unit' in one) {
        result.unit = one.unit;
        result.source = source;
      } else result.ambiguous = { units: one.many, source };
      continue;
    }
    if (result.unit !== null && result.conflict === null && 'unit' in one && one.unit.code !== result.unit.code) {
      result.conflict = { unit: one.unit, source };
    }
  }
  return result;
}
