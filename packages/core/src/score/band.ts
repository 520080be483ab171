import type { Message } from '../finding.ts';
import type { ScoringProfile } from '../plan/schema.ts';

/**
 * The result band (xếp loại) of a score under a profile: bands sorted by `min` descending, the
 * first whose `min` ≤ `score` (points on the profile's scale). A score below every band's `min`
 * gets the lowest band. Bands come from the plan data (BRIEF §6, e.g. ≥90, 80–<90, 70–<80, <70).
 */
export function bandFor(profile: ScoringProfile, score: number): Message {
  const bands = [...profile.bands].sort((a, b) => b.min - a.min);
  const band = bands.find((b) => score >= b.min) ?? bands[bands.length - 1];
  // profileSchema requires at least one band.
  return band ? { vi: band.label.vi, en: band.label.en } : { vi: '', en: '' };
}
