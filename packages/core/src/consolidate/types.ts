import type { Finding, Message } from '../finding.ts';
import type { UnitKind } from '../plan/schema.ts';
import type { Period } from '../period/types.ts';
import type { UnitScore } from '../score/types.ts';
import type { IndicatorResult } from '../validate/types.ts';
import type { Narrative } from '../report/model.ts';
import type { ActivityTotals } from './activity-totals.ts';
import type { SubmissionStatus } from './status.ts';

/** One unit's line in the consolidation. */
export interface UnitResult {
  code: string;
  name: string;
  kind: UnitKind;
  order: number;
  /** `received` (figures consolidated), `unreadable` (a file came but could not be read) or `missing`. */
  status: SubmissionStatus;
  /** True when `status` is `received`. */
  submitted: boolean;
  /** Date the unit wrote on its form (ISO). */
  submittedOn: string | null;
  /** Date from the received-date register, when given (ISO). */
  receivedOn: string | null;
  /** Submitted on or before the deadline (register date first, else the form's date); null if not submitted or no date. */
  onTime: boolean | null;
  /** File the report came from, as given by the caller; for `unreadable`, the file that could not be read. */
  file: string | null;
  /** Score under the plan's primary (100-point) profile; null when not submitted. */
  score: number | null;
  scores: Record<string, UnitScore>;
  band: Message | null;
  /** 1-based rank by `score` (ties share a rank, as Excel's RANK); null when not submitted. */
  rank: number | null;
  indicators: Record<string, IndicatorResult>;
  /** Number of valid activities, and activities by theme/form. */
  activityCount: number;
  /** What the unit wrote in words on its form (every field null when it sent none, or a form without narrative cells). */
  narrative: Narrative;
  findings: Finding[];
}

/**
 * A city total for one indicator: sums of the counted units' numerators and denominators, then
 * divided (never an average of percentages). For `count` measures `value` is the sum and
 * numerator/denominator are null; for `boolean` measures numerator = units whose yes is met (with required evidence),
 * denominator = units answering. `ratio` is null where nothing was counted.
 */
export interface IndicatorTotal {
  code: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  ratio: number | null;
  /** Units whose figures were included. */
  unitsCounted: number;
  /** Units that met the target, of those the indicator applies to and that reported. */
  unitsMet: number;
}

export interface Totals {
  indicators: Record<string, IndicatorTotal>;
  /** Units expected to report this period. */
  expected: number;
  /** Units whose report for this period was read. */
  received: number;
  /** Expected units whose only files could not be read (`status: 'unreadable'`); not in `received`. */
  unreadable: number;
  onTime: number;
  /** received ÷ expected (0–1). */
  completeness: number;
  /** onTime ÷ expected (0–1). */
  timeliness: number;
}

/** Activities counted by top-level theme × top-level form (codes in plan order). */
export interface ActivityMatrix {
  themes: string[];
  forms: string[];
  /** counts[themeIndex][formIndex]; an activity with two themes counts once under each. */
  counts: number[][];
}

/** The consolidation of a period: the object behind the workbook, the JSON and every table. */
export interface Consolidation {
  plan: { id: string; title: Message; document: string };
  period: Period;
  units: UnitResult[];
  totals: Totals;
  activities: ActivityMatrix;
  /** Activities counted, quantities and participants summed, by form and sub-form, theme and unit. */
  activityTotals: ActivityTotals;
  /** Every finding of every file and of the consolidation itself. */
  findings: Finding[];
}
