import type { Plan, ScoringComponent, ScoringProfile } from '../plan/schema.ts';
import type { CheckedReport } from '../validate/types.ts';
import { bandFor } from './band.ts';
import { scoreFormDiversity } from './components/form-diversity.ts';
import { scoreFormGroups } from './components/form-groups.ts';
import { scoreIndicators } from './components/indicators.ts';
import type { ScoreInput } from './components/input.ts';
import { scorePlanCompletion } from './components/plan-completion.ts';
import { scoreThemeCoverage } from './components/theme-coverage.ts';
import { scoreTimeliness } from './components/timeliness.ts';
import { roundDecimal } from '../text/decimal.ts';
import type { ComponentScore, UnitScore } from './types.ts';

/** Scores one component of a profile (dispatch on `type`). */
export function scoreComponent(component: ScoringComponent, input: ScoreInput): ComponentScore {
  switch (component.type) {
    case 'indicators':
      return scoreIndicators(component, input);
    case 'planCompletion':
      return scorePlanCompletion(component, input);
    case 'themeCoverage':
      return scoreThemeCoverage(component, input);
    case 'formDiversity':
      return scoreFormDiversity(component, input);
    case 'formGroups':
      return scoreFormGroups(component, input);
    case 'timeliness':
      return scoreTimeliness(component, input);
    default: {
      const never: never = component;
      throw new Error(`Unknown scoring component ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Scores a checked report under one profile of the plan (BRIEF §6; rules in componentSchema's
 * docstring). Each component's points are rounded to 2 decimals and the total is the sum of
 * those, rounded to 2 decimals, so the parts shown add up to the total; `band` from `bandFor`.
 * `timing.onTime` is true/false when the submission date is known, null when not; `timing.date`
 * is that date (ISO), which a `timeliness` part with `lateCredit` needs to count the days late
 * (without it, a late report gets no partial credit).
 */
export function scoreUnit(checked: CheckedReport, profile: ScoringProfile, plan: Plan, timing: { onTime: boolean | null; date?: string | null }): UnitScore {
  const input: ScoreInput = { checked, plan, onTime: timing.onTime, date: timing.date ?? null };
  const components = profile.components.map((c) => scoreComponent(c, input));
  const score = roundDecimal(
    components.reduce((s, c) => s + c.points, 0),
    2,
  );
  return { profileId: profile.id, score, scale: profile.scale, band: bandFor(profile, score), components };
}
