import { formatNumber } from '../../text/format.ts';
import { roundDecimal } from '../../text/decimal.ts';
import { formTree } from '../hierarchy.ts';
import type { ComponentScore } from '../types.ts';
import { distinctTopLevel } from './distinct.ts';
import { countableActivities, type ComponentOf, type ScoreInput } from './input.ts';
import { pointsText } from './text.ts';

/**
 * The `formDiversity` component (general profile, BRIEF §6): points × min(1, distinct top-level
 * forms in the unit's activities ÷ `target`). A sub-form counts for its parent (HT1.3 → HT1).
 * With `requiresEvidence` only activities with evidence count. Points rounded to 2 decimals;
 * `sources` = the first activity row per form.
 */
export function scoreFormDiversity(component: ComponentOf<'formDiversity'>, input: ScoreInput): ComponentScore {
  const activities = countableActivities(input.checked, component.requiresEvidence);
  const { codes, sources } = distinctTopLevel(activities, formTree(input.plan), (a) => [a.form]);
  const used = Math.min(codes.length, component.target);
  const points = roundDecimal((component.points * used) / component.target, 2);
  const list = codes.length > 0 ? ` (${codes.join(', ')})` : '';
  const capped = codes.length > component.target ? { vi: ` → tính ${used}`, en: ` → counted ${used}` } : { vi: '', en: '' };
  const detail = {
    vi: `${codes.length} hình thức${list}, mục tiêu ${component.target}${capped.vi} → ${formatNumber(component.points, 'vi')} × ${used}/${component.target} = ${pointsText(points).vi}`,
    en: `${codes.length} forms${list}, target ${component.target}${capped.en} → ${formatNumber(component.points, 'en')} × ${used}/${component.target} = ${pointsText(points).en}`,
  };
  return { type: component.type, label: component.label, max: component.points, points, detail, sources };
}
