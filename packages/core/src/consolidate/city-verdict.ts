import type { Indicator } from '../plan/schema.ts';
import type { IndicatorTotal } from './types.ts';

/** Whether the city as a whole met a target: `met`, `notMet`, or `missing` when no unit gave a figure. */
export type CityVerdict = 'met' | 'notMet' | 'missing';

/**
 * The city's verdict on one target, from its total (sums of the counted units' figures): a ratio
 * target is met when Σ numerators ÷ Σ denominators reaches its minimum; a yes/no target when every
 * answering unit's yes counts (ratio 1); an increase when this period's sum exceeds last year's; a
 * count target when every counted unit reached the minimum (a city sum has no minimum of its own).
 * Our convention, the rule of the workbook's cover (its verdict formulas) too.
 */
export function cityVerdict(indicator: Pick<Indicator, 'target'>, total: IndicatorTotal | undefined): CityVerdict {
  if (!total) return 'missing';
  const target = indicator.target;
  if (target.rule === 'ratioAtLeast' || target.rule === 'yes') {
    if (total.ratio === null) return 'missing';
    return total.ratio >= (target.rule === 'ratioAtLeast' ? target.min : 1) ? 'met' : 'notMet';
  }
  if (target.rule === 'increase') {
    if (total.numerator === null || total.denominator === null) return 'missing';
    return total.numerator > total.denominator ? 'met' : 'notMet';
  }
  if (total.unitsCounted === 0) return 'missing';
  return total.unitsMet === total.unitsCounted ? 'met' : 'notMet';
}
