import type { Plan, ScoringComponent } from '../../plan/schema.ts';
import type { Activity } from '../../report/model.ts';
import type { CheckedReport } from '../../validate/types.ts';

/** What every component function reads: the checked report, the plan, and whether it came in on time. */
export interface ScoreInput {
  checked: CheckedReport;
  plan: Plan;
  /** Submitted on or before the deadline; null when no date is known (decided by the caller, e.g. the consolidator). */
  onTime: boolean | null;
}

/** The component of one `type`, e.g. `ComponentOf<'formGroups'>`. */
export type ComponentOf<T extends ScoringComponent['type']> = Extract<ScoringComponent, { type: T }>;

/** True when an activity names its supporting evidence (tài liệu kiểm chứng): a non-blank text. */
export function hasEvidence(activity: Activity): boolean {
  return activity.evidence !== null && activity.evidence.trim() !== '';
}

/**
 * The activities a component may count: all valid activities, or only those with evidence when
 * the component sets `requiresEvidence` (plan/schema.ts, componentSchema).
 */
export function countableActivities(checked: CheckedReport, requiresEvidence: boolean): Activity[] {
  return requiresEvidence ? checked.activities.filter(hasEvidence) : checked.activities;
}
