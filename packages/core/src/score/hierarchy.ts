import type { Plan } from '../plan/schema.ts';

/**
 * Theme and form codes form a two-level tree in the plan (ND3 → ND3.1…ND3.7, HT1 → HT1.1…HT1.3).
 * Scoring and the activity matrix count top-level codes, and form groups match a code with its
 * sub-codes. Written locally for score/ and consolidate/ (plan/lookup.ts was not there yet).
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

interface Item {
  code: string;
  parent?: string | undefined;
}

/** Builds the tree of a plan's themes or forms. Unknown parents end the chain (the item counts as top-level). */
export function codeTree(items: readonly Item[]): CodeTree {
  const byKey = new Map<string, Item>();
  for (const item of items) byKey.set(item.code.toUpperCase(), item);

  const topLevelCodes = items.filter((i) => i.parent === undefined || !byKey.has(i.parent.toUpperCase())).map((i) => i.code);

  /** Chain from the item up to its root, codes in plan spelling (guards against cycles). */
  const chain = (code: string): string[] => {
    const result: string[] = [];
    let item = byKey.get(code.trim().toUpperCase());
    while (item && !result.includes(item.code)) {
      result.push(item.code);
      item = item.parent === undefined ? undefined : byKey.get(item.parent.toUpperCase());
    }
    return result;
  };

  return {
    topLevelCodes,
    canonical: (code) => byKey.get(code.trim().toUpperCase())?.code ?? null,
    topLevel: (code) => chain(code).at(-1) ?? null,
    covers: (group, code) => {
      const g = group.trim().toUpperCase();
      const c = code.trim().toUpperCase();
      if (c === g || c.startsWith(`${g}.`)) return true;
      return chain(code).some((ancestor) => ancestor.toUpperCase() === g);
    },
  };
}

const themeTrees = new WeakMap<Plan, CodeTree>();
const formTrees = new WeakMap<Plan, CodeTree>();

/** The plan's theme tree (cached per plan object). */
export function themeTree(plan: Plan): CodeTree {
  let tree = themeTrees.get(plan);
  if (!tree) themeTrees.set(plan, (tree = codeTree(plan.themes)));
  return tree;
}

/** The plan's form tree (cached per plan object). */
export function formTree(plan: Plan): CodeTree {
  let tree = formTrees.get(plan);
  if (!tree) formTrees.set(plan, (tree = codeTree(plan.forms)));
  return tree;
}
