import { formatNumber, formatPercent } from '../../text/format.ts';
import { roundDecimal } from '../../text/decimal.ts';
import type { ComponentScore } from '../types.ts';
import { indicatorSources, indicatorsToScore } from './applicable.ts';
import type { ComponentOf, ScoreInput } from './input.ts';
import { STATUS_TEXT, pointsText } from './text.ts';

/**
 * The `indicators` component (general profile, BRIEF §6): points × Σ(weight × completion) ÷ Σ(weight)
 * over the indicators that apply to the unit (status not `notApplicable`); `missing` and `invalid`
 * count as completion 0. Weights come from the plan (`indicator.weight`), completions (0–1) from
 * validation. When no indicator applies the part gives 0 points and says so (it is not rescaled
 * away). With `requiresEvidence` the part gives 0 unless some activity has evidence.
 * Points are rounded to 2 decimals; `sources` are the cells of every indicator used.
 */
export function scoreIndicators(component: ComponentOf<'indicators'>, input: ScoreInput): ComponentScore {
  const base = { type: component.type, label: component.label, max: component.points };
  const gate = indicatorsToScore(component, input);
  if ('zero' in gate) return { ...base, ...gate.zero };
  const list = gate.list;
  const weightSum = list.reduce((s, a) => s + a.indicator.weight, 0);
  const weighted = list.reduce((s, a) => s + a.indicator.weight * a.completion, 0);
  const share = weighted / weightSum;
  const points = roundDecimal(component.points * share, 2);
  const part = (lang: 'vi' | 'en'): string =>
    list
      .map((a) => {
        const status = a.status === 'missing' || a.status === 'invalid' ? ` (${STATUS_TEXT[a.status][lang]})` : '';
        return `${a.indicator.code} ${formatNumber(a.indicator.weight, lang)}×${formatPercent(a.completion, lang)}${status}`;
      })
      .join(', ');
  const detail = {
    vi:
      `${list.length} chỉ tiêu áp dụng: ${part('vi')} → Σ(trọng số × hoàn thành) ÷ Σ trọng số = ` +
      `${formatNumber(weighted, 'vi')} ÷ ${formatNumber(weightSum, 'vi')} = ${formatPercent(share, 'vi')} → ` +
      `${formatNumber(component.points, 'vi')} × ${formatPercent(share, 'vi')} = ${pointsText(points).vi}`,
    en:
      `${list.length} applicable indicators: ${part('en')} → Σ(weight × completion) ÷ Σ weight = ` +
      `${formatNumber(weighted, 'en')} ÷ ${formatNumber(weightSum, 'en')} = ${formatPercent(share, 'en')} → ` +
      `${formatNumber(component.points, 'en')} × ${formatPercent(share, 'en')} = ${pointsText(points).en}`,
  };
  return { ...base, points, detail, sources: indicatorSources(list) };
}
