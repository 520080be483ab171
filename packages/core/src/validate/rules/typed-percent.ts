/**
 * Rule `typed-percent-mismatch` (warning): a unit's own percentage is kept and compared with the
 * recomputed one; a mismatch is a finding (BRIEF §6).
 */
import { formatNumber, formatPercent } from '../../text/format.ts';
import { figureFinding, isPairMeasure, type IndicatorCheck, type RuleOutcome } from './types.ts';

/** Largest difference tolerated between the typed and the recomputed percentage: 0.5 percentage point (fraction 0.005). */
export const TYPED_PERCENT_TOLERANCE = 0.005;

/**
 * When the unit typed a percentage (fraction) and numerator ÷ denominator (denominator > 0)
 * differs from it by more than 0.5 percentage point → `typed-percent-mismatch` (warning) at the
 * percentage cell, both values in the message ("85,5%"). No verdict: the recomputed ratio is used.
 */
export function typedPercentMismatch(check: IndicatorCheck): RuleOutcome | null {
  const { indicator, figures } = check;
  const { numerator, denominator, typedPercent } = figures;
  if (!isPairMeasure(indicator) || typedPercent === null || numerator === null || denominator === null || denominator <= 0) return null;
  const computed = numerator / denominator;
  if (Math.abs(typedPercent - computed) <= TYPED_PERCENT_TOLERANCE + 1e-12) return null;
  const n = { vi: formatNumber(numerator, 'vi'), en: formatNumber(numerator, 'en') };
  const d = { vi: formatNumber(denominator, 'vi'), en: formatNumber(denominator, 'en') };
  return {
    findings: [
      figureFinding(check, 'typedPercent', 'warning', 'typed-percent-mismatch', {
        vi: `đơn vị ghi ${formatPercent(typedPercent, 'vi')}, khác tỷ lệ tính lại ${n.vi}/${d.vi} = ${formatPercent(computed, 'vi')} (chênh hơn 0,5 điểm phần trăm); dùng tỷ lệ tính lại.`,
        en: `the unit typed ${formatPercent(typedPercent, 'en')}, which differs from the recomputed ${n.en}/${d.en} = ${formatPercent(computed, 'en')} (by more than 0.5 percentage point); the recomputed ratio is used.`,
      }),
    ],
  };
}
