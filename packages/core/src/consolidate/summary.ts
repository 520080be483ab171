import { makeFinding, type Finding } from '../finding.ts';
import type { Plan } from '../plan/schema.ts';
import type { Period } from '../period/types.ts';
import { scoreUnit } from '../score/score-unit.ts';
import type { UnitScore } from '../score/types.ts';
import type { Unit } from '../units/unit.ts';
import { emptyNarrative, type Narrative } from '../report/model.ts';
import type { CheckedReport, IndicatorResult } from '../validate/types.ts';
import { reportFingerprint } from './fingerprint.ts';
import { countActivities } from './matrix.ts';
import { tallyActivities, type ReportActivityTotals } from './activity-totals.ts';
import { missingIndicator } from './missing.ts';
import { decideTiming, type Timing } from './timing.ts';
import type { ActivityMatrix } from './types.ts';

/**
 * What the consolidator keeps of one accepted report once it has been read: the figures, scores
 * and counts it needs, never the activities themselves, so thousands of reports can stream
 * through without sitting in memory.
 */
export interface ReportSummary {
  unit: Unit;
  file: string | null;
  submittedOn: string | null;
  receivedOn: string | null;
  timing: Timing;
  /** Last tie-break between reports of one unit (see `choose.ts`). */
  fingerprint: string;
  /** Plan indicator code → result, every plan code present, plan order. */
  indicators: Record<string, IndicatorResult>;
  /** Profile id → score, plan order. */
  scores: Record<string, UnitScore>;
  activityCount: number;
  matrix: ActivityMatrix;
  /** Activities counted, quantities and participants summed, by form and theme. */
  activityTotals: ReportActivityTotals;
  /** What the unit wrote in words (empty when its form has no narrative cells). */
  narrative: Narrative;
  /** The file's findings, each stamped with the file and unit when it lacked them. */
  findings: Finding[];
}

/** Copies a finding, filling `file` and `unit` when the finding has none. */
export function stampFinding(finding: Finding, file: string | null, unit: string | null): Finding {
  return makeFinding(finding.severity, finding.code, finding.message, {
    ...finding,
    ...(finding.file === undefined && file !== null ? { file } : {}),
    ...(finding.unit === undefined && unit !== null ? { unit } : {}),
  });
}

/**
 * Summarises an accepted report of `unit` for `period`: indicators filled to every plan code
 * (absent ones `missing`), timeliness (register date first, BRIEF §5), scores under every plan
 * profile (scored against the consolidated period, so details name its deadline), activity count
 * and theme × form counts, and the file's findings plus `extra` ones.
 */
export function summarizeReport(
  checked: CheckedReport,
  ctx: { unit: Unit; file: string | null; plan: Plan; period: Period; receivedOn: string | null; extra: Finding[] },
): ReportSummary {
  const { unit, file, plan, period, receivedOn } = ctx;
  const submittedOn = checked.report.submittedOn;
  const timing = decideTiming(receivedOn, submittedOn, period.deadline);
  const indicators = Object.fromEntries(
    plan.indicators.map((i) => {
      const result = Object.hasOwn(checked.indicators, i.code) ? checked.indicators[i.code] : undefined;
      return [i.code, result ?? missingIndicator(i.code)];
    }),
  );
  const forScoring: CheckedReport = { ...checked, period, indicators };
  const scores = Object.fromEntries(plan.profiles.map((p) => [p.id, scoreUnit(forScoring, p, plan, { onTime: timing.onTime, date: timing.date })]));
  return {
    unit,
    file,
    submittedOn,
    receivedOn,
    timing,
    fingerprint: reportFingerprint(checked.report, plan.indicators.map((i) => i.code)),
    indicators,
    scores,
    activityCount: checked.activities.length,
    matrix: countActivities(plan, checked.activities),
    activityTotals: tallyActivities(plan, checked.activities),
    narrative: checked.report.narrative ? { ...checked.report.narrative } : emptyNarrative(),
    findings: [...checked.findings, ...ctx.extra].map((f) => stampFinding(f, file, unit.code)),
  };
}
