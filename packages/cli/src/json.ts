import { reportIdentity, type CheckedReport, type Plan, type UnitScore } from '@cchc-kpi/core';
import type { FileOutcome } from './pipeline.ts';

/** One indicator in `cchc check --json`: the figures as reported, and how they stand. Fractions 0–1. */
export interface CheckIndicatorJson {
  numerator: number | null;
  denominator: number | null;
  value: number | boolean | null;
  typedPercent: number | null;
  ratio: number | null;
  completion: number | null;
  status: string;
}

/** One file in `cchc check --json`. */
export interface CheckEntryJson {
  file: string;
  /** The unit and period of the form (also of an untouched one), else those its file name names; null when unknown. */
  unit: string | null;
  unitName: string | null;
  period: string | null;
  submittedOn: string | null;
  indicators: Record<string, CheckIndicatorJson>;
  activities: number;
  findings: FileOutcome['findings'];
}

/** The `check --json` entry of one file; indicators in plan order, keys only from plan codes. */
export function checkEntry(outcome: FileOutcome, plan: Plan): CheckEntryJson {
  const checked: CheckedReport | undefined = outcome.checked;
  const indicators: Record<string, CheckIndicatorJson> = {};
  if (checked) {
    for (const indicator of plan.indicators) {
      const result = checked.indicators[indicator.code];
      if (!result) continue;
      indicators[indicator.code] = {
        numerator: result.numerator,
        denominator: result.denominator,
        value: result.value,
        typedPercent: result.typedPercent,
        ratio: result.ratio,
        completion: result.completion,
        status: result.status,
      };
    }
  }
  const identity = outcome.identity ?? reportIdentity(undefined, [], checked);
  return {
    file: outcome.file,
    unit: identity.unit,
    unitName: identity.unitName,
    period: identity.period,
    submittedOn: checked?.report.submittedOn ?? null,
    indicators,
    activities: checked?.activities.length ?? 0,
    findings: outcome.findings,
  };
}

/** `cchc score --json`: the check entry plus every profile's score and the primary band. */
export interface ScoreEntryJson extends CheckEntryJson {
  onTime: boolean | null;
  score: number | null;
  scores: Record<string, UnitScore>;
  band: { vi: string; en: string } | null;
}
