import type { CellRef, Finding } from '../finding.ts';
import type { Period } from '../period/types.ts';
import type { Activity, UnitReport } from '../report/model.ts';
import type { Unit } from '../units/unit.ts';

/**
 * How an indicator stands for one unit after validation.
 * - `met`: target reached (completion 1); `notMet`: reported, below target;
 * - `notApplicable`: the indicator does not apply to the unit's kind, or the denominator is 0;
 * - `missing`: applies but blank; `invalid`: the figures break a rule (a finding says which).
 */
export type IndicatorStatus = 'met' | 'notMet' | 'notApplicable' | 'missing' | 'invalid';

/**
 * One indicator for one unit, validated. `ratio` and `completion` are fractions 0–1
 * (`ratio` may exceed 1 only for `comparison` measures; `completion` is capped at 1) and are
 * `null` where not applicable, missing or invalid.
 */
export interface IndicatorResult {
  code: string;
  numerator: number | null;
  denominator: number | null;
  value: number | boolean | null;
  typedPercent: number | null;
  ratio: number | null;
  completion: number | null;
  status: IndicatorStatus;
  /** Included in the city totals (valid numerator and denominator > 0, or a valid value). */
  counted: boolean;
  note: string | null;
  evidence: string | null;
  sources: CellRef[];
}

/** A report after validation against the plan, the registry and the consolidated period. */
export interface CheckedReport {
  report: UnitReport;
  /** The registry unit, or null when the code is unknown (an error finding says so). */
  unit: Unit | null;
  period: Period | null;
  indicators: Record<string, IndicatorResult>;
  /** Activities whose theme and form codes are known and whose date is in the window. */
  activities: Activity[];
  findings: Finding[];
}
