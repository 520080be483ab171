import type { Plan } from '../plan/schema.ts';
import type { Activity } from '../report/model.ts';
import { formTree, themeTree } from '../score/hierarchy.ts';
import type { ActivityMatrix } from './types.ts';

/** An all-zero matrix over the plan's top-level themes × top-level forms (plan order). */
export function emptyMatrix(plan: Plan): ActivityMatrix {
  const themes = [...themeTree(plan).topLevelCodes];
  const forms = [...formTree(plan).topLevelCodes];
  return { themes, forms, counts: themes.map(() => forms.map(() => 0)) };
}

/**
 * Counts activities into a theme × form matrix (counts of activities). Sub-codes count under
 * their top-level code (ND3.6 → ND3, HT1.3 → HT1); an activity with two themes counts once under
 * each distinct top-level theme (two ND3 sub-themes count once). Activities without a known form
 * or theme are left out (validation reports them).
 */
export function countActivities(plan: Plan, activities: readonly Activity[]): ActivityMatrix {
  const matrix = emptyMatrix(plan);
  const themes = themeTree(plan);
  const forms = formTree(plan);
  for (const activity of activities) {
    const form = activity.form === null ? null : forms.topLevel(activity.form);
    const f = form === null ? -1 : matrix.forms.indexOf(form);
    if (f < 0) continue;
    const tops = new Set<string>();
    for (const theme of activity.themes) {
      const top = themes.topLevel(theme);
      if (top !== null) tops.add(top);
    }
    for (const top of tops) {
      const row = matrix.counts[matrix.themes.indexOf(top)];
      if (row) row[f] = (row[f] ?? 0) + 1;
    }
  }
  return matrix;
}

/** Adds `b`'s counts into `a` (same plan, so same shape). */
export function addMatrix(a: ActivityMatrix, b: ActivityMatrix): void {
  a.counts.forEach((row, t) => row.forEach((_, f) => (row[f] = (row[f] ?? 0) + (b.counts[t]?.[f] ?? 0))));
}
