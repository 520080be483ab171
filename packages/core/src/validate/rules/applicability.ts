/**
 * Rule `indicator-not-applicable` (notice): the indicator does not apply to the unit's kind
 * (plan data `appliesTo`, e.g. CT4b post-office points only for wards and communes; CT2a only for
 * the culture and media centre).
 */
import { indicatorAppliesTo } from '../../plan/applies.ts';
import type { UnitKind } from '../../plan/schema.ts';
import type { Message } from '../../finding.ts';
import { indicatorFinding, type IndicatorCheck, type RuleOutcome } from './types.ts';

const KIND: Record<UnitKind, Message> = {
  ward: { vi: 'phường', en: 'ward' },
  commune: { vi: 'xã', en: 'commune' },
  agency: { vi: 'cơ quan', en: 'agency' },
};

/**
 * Stops with `notApplicable` when the unit is known and the indicator does not apply to it
 * (`indicatorAppliesTo`). When the unit nevertheless gave figures (numerator, denominator, value
 * or a typed percentage), a notice `indicator-not-applicable` says they are ignored, located at
 * the first of those cells. Unknown unit (null) → no verdict (the figures are checked as if it applied).
 */
export function notApplicableToUnit(check: IndicatorCheck): RuleOutcome | null {
  const { unit, indicator, figures } = check;
  if (unit === null || indicatorAppliesTo(indicator, unit)) return null;
  const given =
    figures.numerator !== null || figures.denominator !== null || figures.value !== null || figures.typedPercent !== null;
  if (!given) return { findings: [], stop: 'notApplicable' };
  const ref = figures.source.numerator ?? figures.source.value ?? figures.source.denominator ?? figures.source.typedPercent;
  const where = ref ? { vi: ` (ô ${ref.cell})`, en: ` (cell ${ref.cell})` } : { vi: '', en: '' };
  const kind = KIND[unit.kind];
  return {
    findings: [
      indicatorFinding(
        check,
        'notice',
        'indicator-not-applicable',
        {
          vi: `Chỉ tiêu ${indicator.code} không áp dụng cho ${kind.vi} ${unit.name}; số liệu đã ghi${where.vi} không được tính.`,
          en: `Indicator ${indicator.code} does not apply to the ${kind.en} ${unit.name}; the figures given${where.en} are ignored.`,
        },
        ref,
      ),
    ],
    stop: 'notApplicable',
  };
}
