import type { IndicatorResult } from '../validate/types.ts';

/**
 * The result of an indicator with no figures: status `missing`, nothing counted. Used for units
 * that sent no report and for plan indicators a checked report lacks (blank is not zero, BRIEF §6).
 */
export function missingIndicator(code: string): IndicatorResult {
  return {
    code,
    numerator: null,
    denominator: null,
    value: null,
    typedPercent: null,
    ratio: null,
    completion: null,
    status: 'missing',
    counted: false,
    note: null,
    evidence: null,
    sources: [],
  };
}
