import type { CellRef } from '../../finding.ts';
import { formatNumber } from '../../text/format.ts';
import { roundDecimal } from '../../text/decimal.ts';
import { formTree } from '../hierarchy.ts';
import type { ComponentScore } from '../types.ts';
import { countableActivities, type ComponentOf, type ScoreInput } from './input.ts';
import { pointsText } from './text.ts';

/**
 * The `formGroups` component (BRIEF §6, Xuân Lộc "diversity of forms": electronic boards/screens
 * `HT2.2` 0.25, website/social media `HT1.3`/`HT6` 0.25, any other form 0.5). Each group gives
 * its points when at least one activity uses one of its forms. A group code covers its sub-forms
 * (`HT6` matches `HT6` and `HT6.x`; `HT1.3` matches only `HT1.3`); a group with `others: true`
 * matches any form not covered by another group's codes. The part is capped at the component's
 * points. With `requiresEvidence` only activities with evidence count. `sources` = the first
 * activity row of every group that scored.
 */
export function scoreFormGroups(component: ComponentOf<'formGroups'>, input: ScoreInput): ComponentScore {
  const tree = formTree(input.plan);
  const activities = countableActivities(input.checked, component.requiresEvidence);
  const groups = component.groups;

  const namedBy = (form: string, except: number): boolean =>
    groups.some((g, i) => i !== except && g.forms.some((code) => tree.covers(code, form)));
  const matches = (groupIndex: number, form: string): boolean => {
    const group = groups[groupIndex];
    if (!group) return false;
    if (group.forms.some((code) => tree.covers(code, form))) return true;
    return group.others && !namedBy(form, groupIndex);
  };

  const sources: CellRef[] = [];
  const partsVi: string[] = [];
  const partsEn: string[] = [];
  let sum = 0;
  groups.forEach((group, i) => {
    const hit = activities.find((a) => a.form !== null && tree.canonical(a.form) !== null && matches(i, a.form));
    // "(HT1.3, HT6)"; an `others` group adds "…" (nothing when it names no form: its label says it)
    const codes = [...group.forms, ...(group.others && group.forms.length > 0 ? ['…'] : [])];
    const names = codes.length > 0 ? ` (${codes.join(', ')})` : '';
    const got = hit ? group.points : 0;
    sum += got;
    if (hit) sources.push(hit.source);
    partsVi.push(`${group.label.vi}${names}: ${hit ? `có (${hit.form})` : 'không'} → ${formatNumber(got, 'vi')}`);
    partsEn.push(`${group.label.en}${names}: ${hit ? `yes (${hit.form})` : 'no'} → ${formatNumber(got, 'en')}`);
  });
  const points = roundDecimal(Math.min(sum, component.points), 2);
  const evidence = component.requiresEvidence ? { vi: ' (hoạt động có kiểm chứng)', en: ' (activities with evidence)' } : { vi: '', en: '' };
  const detail = {
    vi: `${partsVi.join('; ')}${evidence.vi} ⇒ ${pointsText(points).vi}`,
    en: `${partsEn.join('; ')}${evidence.en} ⇒ ${pointsText(points).en}`,
  };
  return { type: component.type, label: component.label, max: component.points, points, detail, sources };
}
