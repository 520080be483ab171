import type { CellRef, Message } from '../../finding.ts';
import type { Indicator, Plan } from '../../plan/schema.ts';
import type { CheckedReport, IndicatorResult, IndicatorStatus } from '../../validate/types.ts';
import { countableActivities, type ScoreInput } from './input.ts';
import { NO_EVIDENCE } from './text.ts';

/** One indicator as the indicator-based components see it. */
export interface ApplicableIndicator {
  indicator: Indicator;
  /** The checked result; null when the report has no entry for the code (treated as `missing`). */
  result: IndicatorResult | null;
  status: IndicatorStatus;
  /** Completion 0–1: the result's completion; 1 for `met` without one; 0 for missing, invalid or not met without one. */
  completion: number;
}

/**
 * The plan's indicators that apply to the unit, in plan order: every indicator whose status is not
 * `notApplicable` (validation decides applicability from the unit's kind and a zero denominator,
 * BRIEF §6 "a denominator of 0 means not applicable"). `missing` and `invalid` count with
 * completion 0 (blank is not zero for totals, but a target left blank is not completed).
 */
export function applicableIndicators(checked: CheckedReport, plan: Plan): ApplicableIndicator[] {
  const list: ApplicableIndicator[] = [];
  for (const indicator of plan.indicators) {
    const result = Object.hasOwn(checked.indicators, indicator.code) ? (checked.indicators[indicator.code] ?? null) : null;
    const status: IndicatorStatus = result?.status ?? 'missing';
    if (status === 'notApplicable') continue;
    let completion = 0;
    if (status === 'met') completion = result?.completion ?? 1;
    else if (status === 'notMet') completion = result?.completion ?? 0;
    list.push({ indicator, result, status, completion: Math.min(1, Math.max(0, completion)) });
  }
  return list;
}

/** The cells behind a list of indicators, in plan order (numerator, denominator, value, typed percent, evidence). */
export function indicatorSources(list: readonly ApplicableIndicator[]): CellRef[] {
  return list.flatMap((a) => a.result?.sources ?? []);
}

/**
 * The gate shared by the indicator-based components (`indicators`, `planCompletion`): with
 * `requiresEvidence` and no activity with evidence, or with no applicable indicator, the part
 * gives 0 points (`zero`, with the reason); otherwise the applicable indicators to score.
 */
export function indicatorsToScore(
  component: { requiresEvidence: boolean },
  input: ScoreInput,
): { list: ApplicableIndicator[] } | { zero: { points: 0; detail: Message; sources: CellRef[] } } {
  if (component.requiresEvidence && countableActivities(input.checked, true).length === 0) {
    return { zero: { points: 0, detail: NO_EVIDENCE, sources: [] } };
  }
  const list = applicableIndicators(input.checked, input.plan);
  if (list.length === 0) {
    return {
      zero: {
        points: 0,
        detail: { vi: 'Không có chỉ tiêu nào áp dụng cho đơn vị → 0 điểm', en: 'No indicator applies to the unit → 0 points' },
        sources: [],
      },
    };
  }
  return { list };
}
