import { formatNumber, formatPercent } from '../../text/format.ts';
import { roundDecimal } from '../../text/decimal.ts';
import type { ComponentScore } from '../types.ts';
import { indicatorSources, indicatorsToScore } from './applicable.ts';
import type { ComponentOf, ScoreInput } from './input.ts';
import { pointsText } from './text.ts';

/**
 * The `planCompletion` component (BRIEF §6, the Xuân Lộc commune-level PAR guideline):
 * planned = the plan's indicators that apply to the unit (status not `notApplicable`),
 * completed = those with status `met`; share = completed ÷ planned (fraction 0–1).
 * share ≥ 1 → full points; `partialFrom` ≤ share < 1 → share × points; below → 0.
 * E.g. with 1 point and partialFrom 0.9: share 1 → 1, 0.95 → 0.95, 0.9 → 0.9, 0.89 → 0.
 * No applicable indicator → 0 points with a detail saying so. With `requiresEvidence` the part
 * gives 0 unless some activity has evidence. Points rounded to 2 decimals.
 */
export function scorePlanCompletion(component: ComponentOf<'planCompletion'>, input: ScoreInput): ComponentScore {
  const base = { type: component.type, label: component.label, max: component.points };
  const gate = indicatorsToScore(component, input);
  if ('zero' in gate) return { ...base, ...gate.zero };
  const list = gate.list;
  const planned = list.length;
  const completed = list.filter((a) => a.status === 'met').length;
  const share = completed / planned;
  const notMet = list.filter((a) => a.status !== 'met').map((a) => a.indicator.code);

  let points: number;
  let rule: { vi: string; en: string };
  if (share >= 1) {
    points = component.points;
    rule = { vi: `→ ${pointsText(points).vi}`, en: `→ ${pointsText(points).en}` };
  } else if (share >= component.partialFrom) {
    points = roundDecimal(share * component.points, 2);
    rule = {
      vi: `≥ ${formatPercent(component.partialFrom, 'vi')} → ${formatPercent(share, 'vi')} × ${formatNumber(component.points, 'vi')} = ${pointsText(points).vi}`,
      en: `≥ ${formatPercent(component.partialFrom, 'en')} → ${formatPercent(share, 'en')} × ${formatNumber(component.points, 'en')} = ${pointsText(points).en}`,
    };
  } else {
    points = 0;
    rule = {
      vi: `< ${formatPercent(component.partialFrom, 'vi')} → 0 điểm`,
      en: `< ${formatPercent(component.partialFrom, 'en')} → 0 points`,
    };
  }
  const missingList = notMet.length > 0 ? { vi: `; chưa đạt: ${notMet.join(', ')}`, en: `; not met: ${notMet.join(', ')}` } : { vi: '', en: '' };
  const detail = {
    vi: `${completed}/${planned} chỉ tiêu đạt (${formatPercent(share, 'vi')}) ${rule.vi}${missingList.vi}`,
    en: `${completed}/${planned} indicators met (${formatPercent(share, 'en')}) ${rule.en}${missingList.en}`,
  };
  return { ...base, points, detail, sources: indicatorSources(list) };
}
