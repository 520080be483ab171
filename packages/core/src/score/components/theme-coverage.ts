import { formatNumber } from '../../text/format.ts';
import { roundDecimal } from '../../text/decimal.ts';
import { themeTree } from '../hierarchy.ts';
import type { ComponentScore } from '../types.ts';
import { distinctTopLevel } from './distinct.ts';
import { countableActivities, type ComponentOf, type ScoreInput } from './input.ts';
import { pointsText } from './text.ts';

/**
 * The `themeCoverage` component (general profile, BRIEF §6): points × (distinct top-level themes
 * in the unit's activities ÷ top-level themes in the plan). A sub-theme counts for its parent
 * (ND3.6 → ND3); an activity with two themes counts both. With `requiresEvidence` only activities
 * with evidence count. Points rounded to 2 decimals; `sources` = the first activity row per theme.
 */
export function scoreThemeCoverage(component: ComponentOf<'themeCoverage'>, input: ScoreInput): ComponentScore {
  const tree = themeTree(input.plan);
  const activities = countableActivities(input.checked, component.requiresEvidence);
  const { codes, sources } = distinctTopLevel(activities, tree, (a) => a.themes);
  const total = tree.topLevelCodes.length;
  const points = total === 0 ? 0 : roundDecimal((component.points * codes.length) / total, 2);
  const list = codes.length > 0 ? ` (${codes.join(', ')})` : '';
  const evidence = component.requiresEvidence ? { vi: ' có kiểm chứng', en: ' with evidence' } : { vi: '', en: '' };
  const detail = {
    vi: `${codes.length}/${total} nhóm nội dung${list} trong hoạt động${evidence.vi} → ${formatNumber(component.points, 'vi')} × ${codes.length}/${total} = ${pointsText(points).vi}`,
    en: `${codes.length}/${total} themes${list} in activities${evidence.en} → ${formatNumber(component.points, 'en')} × ${codes.length}/${total} = ${pointsText(points).en}`,
  };
  return { type: component.type, label: component.label, max: component.points, points, detail, sources };
}
