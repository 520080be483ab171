/**
 * Validating a report's activities: each through the activity rules in order; an excluded
 * activity stops there.
 */
import type { Finding } from '../finding.ts';
import type { Activity } from '../report/model.ts';
import { checkActivityCodes } from './rules/activity-codes.ts';
import { checkActivityCounts } from './rules/activity-counts.ts';
import { checkActivityDate } from './rules/activity-date.ts';
import { checkActivityEvidence } from './rules/activity-evidence.ts';
import type { ActivityContext, ActivityRule } from './rules/activity-types.ts';

/** The activity rules in the order they run: codes, date, counts, evidence. */
export const ACTIVITY_RULES: readonly ActivityRule[] = [checkActivityCodes, checkActivityDate, checkActivityCounts, checkActivityEvidence];

/**
 * Runs `ACTIVITY_RULES` over every activity. Returns the activities kept (codes in the plan's
 * spelling, invalid counts dropped), in report order, and all findings.
 */
export function checkActivities(activities: readonly Activity[], context: ActivityContext): { activities: Activity[]; findings: Finding[] } {
  const kept: Activity[] = [];
  const findings: Finding[] = [];
  for (const original of activities) {
    let current: Activity | null = original;
    for (const rule of ACTIVITY_RULES) {
      const outcome = rule(current, context);
      findings.push(...outcome.findings);
      current = outcome.activity;
      if (current === null) break;
    }
    if (current !== null) kept.push(current);
  }
  return { activities: kept, findings };
}
