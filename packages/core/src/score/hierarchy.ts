import { formByCode, themeByCode, topLevelCode } from '../plan/lookup.ts';
import type { Form, Plan, Theme } from '../plan/schema.ts';

/**
 * Theme and form codes form a two-level tree in the plan (ND3 → ND3.1…ND3.7, HT1 → HT1.1…HT1.3).
 * Scoring and the activity matrix count top-level codes, and form groups match a code with its
 * sub-codes. A thin view over plan/lookup.ts (`themeByCode`, `formByCode`, `topLevelCode`).
 */
export interface CodeTree {
  /** Top-level codes in plan order (items without a parent). */
  readonly topLevelCodes: readonly string[];
  /** The plan's spelling of a code typed in any case (`nd3.6` → `ND3.6`), or null when unknown. */
  canonical(code: string): string | null;
  /** The top-level ancestor of a known code (`ND3.6` → `ND3`, `ND3` → `ND3`), or null when unknown. */
  topLevel(code: string): string | null;
  /**
   * True when `group` covers `code`: the same code, an ancestor in the plan, or a prefix followed
   * by "." (`HT6` covers `HT6` and `HT6.2`; `HT1.3` covers only `HT1.3`). Case-insensitive.
   */
  covers(group: string, code: string): boolean;
}

function tree(plan: Plan, items: readonly (Theme | Form)[], find: (plan: Plan, code: string) => Theme | Form | undefined): CodeTree {
  const byCode = new Map(items.map((i) => [i.code, i]));
  const topLevelCodes = items.filter((i) => i.parent === undefined || !byCode.has(i.parent)).map((i) => i.code);
  return {
    topLevelCodes,
    canonical: (code) => find(plan, code)?.code ?? null,
    topLevel: (code) => {
      const item = find(plan, code);
      return item ? topLevelCode(plan, item.code) : null;
    },
    covers: (group, code) => {
      const g = group.trim().toUpperCase();
      const c = code.trim().toUpperCase();
      if (c === g || c.startsWith(`${g}.`)) return true;
      // walk up the plan's parent links (guarding against cycles)
      const seen = new Set<string>();
      let item = find(plan, code);
      while (item && !seen.has(item.code)) {
        if (item.code.toUpperCase() === g) return true;
        seen.add(item.code);
        item = item.parent === undefined ? undefined : byCode.get(item.parent);
      }
      return false;
    },
  };
}

const themeTrees = new WeakMap<Plan, CodeTree>();
const formTrees = new WeakMap<Plan, CodeTree>();

/** The plan's theme tree (cached per plan object; plans are immutable once loaded). */
export function themeTree(plan: Plan): CodeTree {
  let t = themeTrees.get(plan);
  if (!t) themeTrees.set(plan, (t = tree(plan, plan.themes, themeByCode)));
  return t;
}

/** The plan's form tree (cached per plan object; plans are immutable once loaded). */
export function formTree(plan: Plan): CodeTree {
  let t = formTrees.get(plan);
  if (!t) formTrees.set(plan, (t = tree(plan, plan.forms, formByCode)));
  return t;
}
