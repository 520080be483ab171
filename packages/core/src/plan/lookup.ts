import type { Form, Indicator, Plan, ScoringProfile, Theme } from './schema.ts';

/**
 * Look-ups by code inside a plan. Codes are matched exactly first, then case-insensitively
 * (workbooks uppercase them: `nd3.6` → `ND3.6`); surrounding spaces are ignored. All look-ups use
 * `Map`s, so codes such as `__proto__` or `constructor` are ordinary misses. The maps are built
 * once per plan object and cached; plans are treated as immutable after loading.
 */

interface Index {
  themes: CodeMap<Theme>;
  forms: CodeMap<Form>;
  indicators: CodeMap<Indicator>;
  profiles: CodeMap<ScoringProfile>;
}

interface CodeMap<T> {
  exact: Map<string, T>;
  upper: Map<string, T>;
}

const cache = new WeakMap<Plan, Index>();

function codeMap<T>(entries: readonly T[], key: (entry: T) => string): CodeMap<T> {
  const exact = new Map<string, T>();
  const upper = new Map<string, T>();
  for (const entry of entries) {
    const code = key(entry);
    if (!exact.has(code)) exact.set(code, entry);
    if (!upper.has(code.toUpperCase())) upper.set(code.toUpperCase(), entry);
  }
  return { exact, upper };
}

function indexOf(plan: Plan): Index {
  let index = cache.get(plan);
  if (index === undefined) {
    index = {
      themes: codeMap(plan.themes, (t) => t.code),
      forms: codeMap(plan.forms, (f) => f.code),
      indicators: codeMap(plan.indicators, (i) => i.code),
      profiles: codeMap(plan.profiles, (p) => p.id),
    };
    cache.set(plan, index);
  }
  return index;
}

function find<T>(map: CodeMap<T>, code: string): T | undefined {
  const trimmed = code.trim();
  return map.exact.get(trimmed) ?? map.upper.get(trimmed.toUpperCase());
}

/** The theme (nội dung) with this code, e.g. `ND3.6`; undefined when the plan has none. */
export function themeByCode(plan: Plan, code: string): Theme | undefined {
  return find(indexOf(plan).themes, code);
}

/** The communication form (hình thức) with this code, e.g. `HT2.2`; undefined when the plan has none. */
export function formByCode(plan: Plan, code: string): Form | undefined {
  return find(indexOf(plan).forms, code);
}

/** The indicator (chỉ tiêu) with this code, e.g. `CT3a`; undefined when the plan has none. */
export function indicatorByCode(plan: Plan, code: string): Indicator | undefined {
  return find(indexOf(plan).indicators, code);
}

/** The scoring profile with this id, e.g. `general-100`; undefined when the plan has none. */
export function profileById(plan: Plan, id: string): ScoringProfile | undefined {
  return find(indexOf(plan).profiles, id);
}

/**
 * The top-level theme or form code a code belongs to, following `parent` links in the plan:
 * `ND3.6` → `ND3`, `ND3` → `ND3`, `HT2.2` → `HT2`. Returns the plan's spelling of the code, or
 * null when the code is neither a theme nor a form of the plan. Themes are searched first.
 * Scoring counts distinct top-level codes for theme coverage and form diversity (schema.ts).
 */
export function topLevelCode(plan: Plan, code: string): string | null {
  const index = indexOf(plan);
  const map = find(index.themes, code) !== undefined ? index.themes : find(index.forms, code) !== undefined ? index.forms : null;
  if (map === null) return null;
  let entry: Theme | Form | undefined = find(map, code);
  const seen = new Set<string>();
  while (entry !== undefined && entry.parent !== undefined && !seen.has(entry.code)) {
    seen.add(entry.code);
    const parent: Theme | Form | undefined = map.exact.get(entry.parent);
    if (parent === undefined) break;
    entry = parent;
  }
  return entry?.code ?? null;
}
