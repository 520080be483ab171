import type { CellRef } from '../../finding.ts';
import type { Activity } from '../../report/model.ts';
import type { CodeTree } from '../hierarchy.ts';

/** Distinct top-level codes met in activities, in plan order, with the first activity (in report order) behind each. */
export interface DistinctCodes {
  codes: string[];
  sources: CellRef[];
}

/**
 * Distinct top-level codes among the codes each activity carries (`codesOf`), ordered as the
 * plan lists them; unknown codes are ignored. `sources` holds the first activity's row per code.
 */
export function distinctTopLevel(activities: readonly Activity[], tree: CodeTree, codesOf: (a: Activity) => readonly (string | null)[]): DistinctCodes {
  const first = new Map<string, CellRef>();
  for (const activity of activities) {
    for (const code of codesOf(activity)) {
      if (code === null) continue;
      const top = tree.topLevel(code);
      if (top !== null && !first.has(top)) first.set(top, activity.source);
    }
  }
  const codes = tree.topLevelCodes.filter((c) => first.has(c));
  return { codes, sources: codes.map((c) => first.get(c) as CellRef) };
}
