/**
 * How far one indicator's figures reach its target, by the target rules of the plan
 * (plan/schema.ts `targetSchema`).
 */
import type { Indicator } from '../plan/schema.ts';

/** The figures completion works on: counts (numerator, denominator, count value) or a yes/no `value`. */
export interface Figures {
  numerator: number | null;
  denominator: number | null;
  value: number | boolean | null;
}

/**
 * The outcome: `ratio` = numerator ÷ denominator (fraction; may exceed 1 only for `increase`),
 * `completion` (fraction 0–1, capped at 1) and `met`; each null when the figures needed are
 * blank or unusable (e.g. denominator 0 for a ratio).
 */
export interface Completion {
  ratio: number | null;
  completion: number | null;
  met: boolean | null;
}

/** Tolerance for comparing a ratio with its minimum (binary rounding of e.g. 0.95). */
const EPSILON = 1e-12;

function clamp01(x: number): number {
  return Math.max(0, Math.min(1, x));
}

const NONE: Completion = { ratio: null, completion: null, met: null };

/**
 * Completion by target rule:
 * - `ratioAtLeast` (min fraction): ratio = numerator ÷ denominator (denominator > 0);
 *   completion = min(1, ratio ÷ min); met = ratio ≥ min. Example: 80/100 with min 1 → 0.8, 0.8, false.
 * - `countAtLeast` (min count): completion = min(1, value ÷ min) (0 for negative values); met = value ≥ min;
 *   ratio null. Example: value 3, min 1 → completion 1, met.
 * - `yes`: value true → completion 1, met; false → 0, not met; ratio null.
 * - `increase`: met = numerator > denominator (this period above last year's); completion 1 or 0;
 *   ratio = numerator ÷ denominator when the denominator > 0, else null (last year 0, this year 5
 *   is still an increase).
 * Figures of the wrong type for the rule give all nulls. Validity (negative counts, numerator above
 * denominator…) is checked by the rules before this is called.
 */
export function completion(indicator: Pick<Indicator, 'target'>, figures: Figures): Completion {
  const { numerator, denominator, value } = figures;
  const target = indicator.target;
  switch (target.rule) {
    case 'ratioAtLeast': {
      if (numerator === null || denominator === null || denominator <= 0) return NONE;
      const ratio = numerator / denominator;
      return { ratio, completion: clamp01(ratio / target.min), met: ratio >= target.min - EPSILON };
    }
    case 'countAtLeast': {
      if (typeof value !== 'number') return NONE;
      return { ratio: null, completion: clamp01(value / target.min), met: value >= target.min };
    }
    case 'yes': {
      if (typeof value !== 'boolean') return NONE;
      return { ratio: null, completion: value ? 1 : 0, met: value };
    }
    case 'increase': {
      if (numerator === null || denominator === null) return NONE;
      const met = numerator > denominator;
      return { ratio: denominator > 0 ? numerator / denominator : null, completion: met ? 1 : 0, met };
    }
  }
}
