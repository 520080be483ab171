import { formByCode, themeByCode } from '../plan/lookup.ts';
import type { Plan } from '../plan/schema.ts';
import type { Activity } from '../report/model.ts';

/**
 * Activity totals (what the province asks for as "X tin, bài; Y hội nghị; Z lượt người"): the
 * number of activities, the sum of their quantities (items: issues, broadcasts, leaflets,
 * sessions…) and of their participants, per form and sub-form, per theme and sub-theme, and per
 * unit. Blank quantities and participants add nothing (blank is not zero, but a sum over what
 * was reported is what is asked).
 */

/** Counts and sums of a set of activities. */
export interface ActivityTally {
  /** Number of activities. */
  count: number;
  /** Σ quantity over the activities that gave one. */
  quantity: number;
  /** Σ participants over the activities that gave one. */
  participants: number;
}

/** A tally for one code (a form, theme or unit). */
export interface CodeTally extends ActivityTally {
  code: string;
}

/** A report's activity tallies, by plan form and theme (plan order, every code present). */
export interface ReportActivityTotals {
  forms: CodeTally[];
  themes: CodeTally[];
  total: ActivityTally;
}

/** The consolidation's activity totals. */
export interface ActivityTotals {
  /**
   * Every form of the plan, plan order (HT1, HT1.1, HT1.2, HT1.3, HT2…): an activity counts
   * under its form and under that form's parent, so a top-level form's figures include its
   * sub-forms' and the activities typed with the top-level code itself.
   */
  forms: CodeTally[];
  /**
   * Every theme of the plan, plan order: an activity counts once under each distinct theme it
   * names and under each distinct ancestor of those (ND3.2 and ND3.6 on one activity count once
   * under ND3). The themes' figures therefore do not add up to the total.
   */
  themes: CodeTally[];
  /** Every unit listed in the consolidation (display order of `units`), zeros when it sent nothing. */
  units: CodeTally[];
  /** All activities of the consolidated reports. */
  total: ActivityTally;
}

/** An all-zero tally. */
export function emptyTally(): ActivityTally {
  return { count: 0, quantity: 0, participants: 0 };
}

function addActivity(tally: ActivityTally, activity: Activity): void {
  tally.count += 1;
  tally.quantity += activity.quantity ?? 0;
  tally.participants += activity.participants ?? 0;
}

/** Adds `b` into `a`. */
export function addTally(a: ActivityTally, b: ActivityTally): void {
  a.count += b.count;
  a.quantity += b.quantity;
  a.participants += b.participants;
}

/** The code and its ancestors in the plan, plan spelling (`ht1.3` → `HT1.3`, `HT1`); empty when unknown. */
function lineage(items: ReadonlyMap<string, { code: string; parent?: string | undefined }>, first: { code: string; parent?: string | undefined } | undefined): string[] {
  const codes: string[] = [];
  let item = first;
  while (item && !codes.includes(item.code)) {
    codes.push(item.code);
    item = item.parent === undefined ? undefined : items.get(item.parent);
  }
  return codes;
}

/** An all-zero set of a report's tallies over the plan's forms and themes. */
export function emptyReportTotals(plan: Plan): ReportActivityTotals {
  return {
    forms: plan.forms.map((f) => ({ code: f.code, ...emptyTally() })),
    themes: plan.themes.map((t) => ({ code: t.code, ...emptyTally() })),
    total: emptyTally(),
  };
}

/**
 * The tallies of one report's (valid) activities. An activity whose form is not in the plan
 * counts in the total only; theme codes not in the plan are left out of the themes.
 */
export function tallyActivities(plan: Plan, activities: readonly Activity[]): ReportActivityTotals {
  const totals = emptyReportTotals(plan);
  const formIndex = new Map(plan.forms.map((f, i) => [f.code, i]));
  const themeIndex = new Map(plan.themes.map((t, i) => [t.code, i]));
  const forms = new Map(plan.forms.map((f) => [f.code, f]));
  const themes = new Map(plan.themes.map((t) => [t.code, t]));
  for (const activity of activities) {
    addActivity(totals.total, activity);
    const form = activity.form === null ? undefined : formByCode(plan, activity.form);
    for (const code of lineage(forms, form)) {
      const tally = totals.forms[formIndex.get(code) ?? -1];
      if (tally) addActivity(tally, activity);
    }
    const counted = new Set<string>();
    for (const typed of activity.themes) for (const code of lineage(themes, themeByCode(plan, typed))) counted.add(code);
    for (const code of counted) {
      const tally = totals.themes[themeIndex.get(code) ?? -1];
      if (tally) addActivity(tally, activity);
    }
  }
  return totals;
}

/** Adds report `b`'s tallies into `a` (same plan, so the same codes in the same order). */
export function addReportTotals(a: ReportActivityTotals, b: ReportActivityTotals): void {
  a.forms.forEach((tally, i) => {
    const other = b.forms[i];
    if (other) addTally(tally, other);
  });
  a.themes.forEach((tally, i) => {
    const other = b.themes[i];
    if (other) addTally(tally, other);
  });
  addTally(a.total, b.total);
}
