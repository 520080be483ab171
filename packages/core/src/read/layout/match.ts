/**
 * Matching a row's wording to the plan's indicators: by indicator code where the row has one,
 * else by its words against each indicator's text, aliases and figure labels, weighted by how
 * specific each word is to one indicator. Every match carries a confidence (0–1); a match below
 * the threshold, or two indicators almost equally close, is not taken (the caller reports it).
 */
import type { Plan } from '../../plan/schema.ts';
import { foldText } from '../../text/fold.ts';
import { matchTokens } from './tokens.ts';
import type { MatchCandidate, MatchVia } from './types.ts';

/** Lowest confidence at which a text match is taken. */
export const MATCH_THRESHOLD = 0.6;
/** Two indicators closer than this (in confidence) are ambiguous. */
export const AMBIGUITY_MARGIN = 0.08;
/** Weight of a row word no indicator uses (it only lowers precision a little). */
const UNKNOWN_WEIGHT = 0.35;
/** Recall (how much of an indicator phrase the row covers) counts β² = 2.25 times precision. */
const BETA2 = 2.25;

/** The outcome of matching one row. */
export interface IndicatorMatch {
  /** The indicator taken, or null (none, below the threshold, or ambiguous). */
  indicator: string | null;
  /** Confidence of the best candidate (0 when there is none). */
  confidence: number;
  via: MatchVia | null;
  /** Up to three best candidates, one per indicator, best first. */
  candidates: MatchCandidate[];
  /** True when the two best candidates are within `AMBIGUITY_MARGIN` of each other and at or above the threshold. */
  ambiguous: boolean;
}

/** Matches rows against one plan (built once per plan). */
export interface IndicatorMatcher {
  /**
   * Matches a row: `code` is the text of a code column, if the table has one; `unitOfMeasure`
   * its "Đơn vị tính" (a small bonus, 0.05, for the indicator with that unit of measure).
   */
  match(text: string, code?: string, unitOfMeasure?: string): IndicatorMatch;
}

/** An indicator code written in a cell or at the start of a wording (`CT3a`, `ct 3a`, `CT3a.`), if it is one of the plan's. */
export function codeInText(text: string, codes: readonly string[]): string | null {
  const m = /^\s*\(?\s*([a-z]{1,4}\s*\d+(?:\.\d+)?\s*[a-z]?)\b/.exec(foldText(text));
  if (!m?.[1]) return null;
  const written = m[1].replace(/\s+/g, '');
  return codes.find((c) => foldText(c) === written) ?? null;
}

/**
 * Builds the matcher of a plan. Phrases per indicator: its Vietnamese text, aliases, numerator
 * and denominator labels, as `matchTokens`. Word weight: ln(1 + N ÷ df), df = number of
 * indicators whose phrases use the word, N = number of indicators; words of no indicator weigh
 * 0.35. A row's confidence for a phrase is the weighted F-measure (β = 1.5, recall-leaning) of the
 * shared words; an indicator's confidence is the best over its phrases (rounded to 0.01).
 * A code (code column, or a plan code opening the wording) matches with confidence 1.
 */
export function createIndicatorMatcher(plan: Plan): IndicatorMatcher {
  const codes = plan.indicators.map((i) => i.code);
  const phrases = plan.indicators.map((indicator) => {
    const texts = [indicator.text.vi, ...indicator.aliases, indicator.numeratorLabel ?? '', indicator.denominatorLabel ?? ''].filter((t) => t !== '');
    return { code: indicator.code, uom: foldText(indicator.unitOfMeasure), sets: texts.map((t) => new Set(matchTokens(t))).filter((s) => s.size > 0) };
  });
  const df = new Map<string, number>();
  for (const p of phrases) {
    const vocab = new Set<string>();
    for (const s of p.sets) for (const w of s) vocab.add(w);
    for (const w of vocab) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const n = phrases.length;
  const weight = (w: string): number => {
    const d = df.get(w);
    return d === undefined ? UNKNOWN_WEIGHT : Math.log(1 + n / d);
  };
  const sum = (words: Iterable<string>): number => {
    let s = 0;
    for (const w of words) s += weight(w);
    return s;
  };

  return {
    match(text, code, unitOfMeasure) {
      const byCode = (code !== undefined ? codeInText(code, codes) : null) ?? codeInText(text, codes);
      if (byCode !== null) {
        return { indicator: byCode, confidence: 1, via: 'code', candidates: [{ code: byCode, confidence: 1 }], ambiguous: false };
      }
      const row = new Set(matchTokens(text));
      const rowWeight = sum(row);
      const uom = unitOfMeasure === undefined ? '' : foldText(unitOfMeasure);
      const scored: MatchCandidate[] = [];
      if (rowWeight > 0) {
        for (const p of phrases) {
          let best = 0;
          for (const set of p.sets) {
            let shared = 0;
            for (const w of row) if (set.has(w)) shared += weight(w);
            if (shared === 0) continue;
            const recall = shared / sum(set);
            const precision = shared / rowWeight;
            const f = ((1 + BETA2) * precision * recall) / (BETA2 * precision + recall);
            if (f > best) best = f;
          }
          if (best > 0 && uom !== '' && uom === p.uom) best = Math.min(1, best + 0.05);
          if (best > 0) scored.push({ code: p.code, confidence: Math.round(best * 100) / 100 });
        }
      }
      scored.sort((a, b) => b.confidence - a.confidence);
      const candidates = scored.slice(0, 3);
      const top = candidates[0];
      const second = candidates[1];
      if (!top) return { indicator: null, confidence: 0, via: null, candidates, ambiguous: false };
      const ambiguous = top.confidence >= MATCH_THRESHOLD && second !== undefined && top.confidence - second.confidence < AMBIGUITY_MARGIN;
      const taken = top.confidence >= MATCH_THRESHOLD && !ambiguous;
      return { indicator: taken ? top.code : null, confidence: top.confidence, via: taken ? 'text' : null, candidates, ambiguous };
    },
  };
}
