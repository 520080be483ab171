/**
 * Ranks like Excel's RANK (descending): 1 + the number of strictly higher scores, so ties share a
 * rank and the next rank skips (scores 90, 85, 85, 70 → 1, 2, 2, 4). `null` (no score) gets
 * rank null and does not take a place. Scores are points, compared exactly (already rounded).
 */
export function rankDescending(scores: readonly (number | null)[]): (number | null)[] {
  const present = scores.filter((s): s is number => s !== null);
  return scores.map((s) => (s === null ? null : 1 + present.filter((o) => o > s).length));
}
