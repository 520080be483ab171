import type { Plan, ScoringComponent } from '../../plan/schema.ts';
import type { Activity } from '../../report/model.ts';
import type { CheckedReport } from '../../validate/types.ts';
import { looksLikeEvidence } from '../../text/evidence.ts';

/** What every component function reads: the checked report, the plan, and whether it came in on time. */
export interface ScoreInput {
  checked: CheckedReport;
  plan: Plan;
  /** Submitted on or before the deadline; null when no date is known (decided by the caller, e.g. the consolidator). */
  onTime: boolean | null;
  /** The date `onTime` was decided on (ISO; the register's received date, else the form's); absent or null: unknown (no partial credit for a delay). */
  date?: string | null;
}

/** The component of one `type`, e.g. `ComponentOf<'formGroups'>`. */
export type ComponentOf<T extends ScoringComponent['type']> = Extract<ScoringComponent, { type: T }>;

/**
 * True when an activity names supporting evidence (tài liệu kiểm chứng) someone can check: a
 * document number with its date, a link or a file name (text/evidence.ts). Other text (`x`,
 * `Biên bản`) does not count; validation warns about it (`activity-evidence-unrecognised`).
 */
export function hasEvidence(activity: Activity): boolean {
  return looksLikeEvidence(activity.evidence);
}

/**
 * The activities a component may count: all valid activities, or only those with evidence when
 * the component sets `requiresEvidence` (plan/schema.ts, componentSchema).
 */
export function countableActivities(checked: CheckedReport, requiresEvidence: boolean): Activity[] {
  return requiresEvidence ? checked.activities.filter(hasEvidence) : checked.activities;
}
