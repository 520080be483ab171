/**
 * What every indicator rule receives and returns. A rule is a small pure function with stable
 * finding codes (validate/codes.ts); `checkIndicator` runs them in order and stops at the first
 * that decides the indicator's status.
 */
import { makeFinding, type CellRef, type Finding, type FindingLocation, type Message, type Severity } from '../../finding.ts';
import type { Indicator } from '../../plan/schema.ts';
import type { IndicatorValue } from '../../report/model.ts';
import type { IndicatorField } from '../../template/names.ts';
import type { Unit } from '../../units/unit.ts';
import { cellSubject, indicatorFieldLabel } from '../../read/labels.ts';
import type { IndicatorStatus } from '../types.ts';

/** One indicator of one report, as the rules see it. */
export interface IndicatorCheck {
  indicator: Indicator;
  /** The reported figures (all null when the report had no entry for the indicator). */
  figures: IndicatorValue;
  /** The registry unit, or null when unknown (rules then treat the indicator as applicable). */
  unit: Unit | null;
  /** Location fields every finding carries: `file` and `unit` (the code as written). */
  base: FindingLocation;
}

/**
 * A rule's verdict: its findings, and `stop` when it decides the indicator's status (validation of
 * the indicator ends there; `counted` is then false, `ratio` null, `completion` 0 for `notMet`
 * and null otherwise). No `stop`: the findings are kept and the next rule runs.
 */
export interface RuleOutcome {
  findings: Finding[];
  stop?: IndicatorStatus;
  /** With `stop: 'notMet'`: the answer is valid and goes into the city totals as not met. */
  counted?: boolean;
}

/** An indicator rule: null when it has nothing to say about the indicator. */
export type IndicatorRule = (check: IndicatorCheck) => RuleOutcome | null;

/** Source keys of `IndicatorValue.source` and the template field each one is. */
export type SourceKey = keyof IndicatorValue['source'];
const FIELD_OF: Record<SourceKey, IndicatorField> = {
  numerator: 'numerator',
  denominator: 'denominator',
  value: 'value',
  typedPercent: 'percent',
  evidence: 'evidence',
};

/** The cell a figure came from, when the reader recorded it. */
export function sourceOf(check: IndicatorCheck, key: SourceKey): CellRef | undefined {
  return check.figures.source[key];
}

/**
 * A finding about one figure of the indicator: the message starts with the cell subject
 * (`Ô F12 (CT3a, tử số)` / `Cell F12 (CT3a numerator)`) followed by `tail`; the location carries
 * file, sheet, cell, unit and indicator.
 */
export function figureFinding(check: IndicatorCheck, key: SourceKey, severity: Severity, code: string, tail: Message): Finding {
  const ref = sourceOf(check, key);
  const subject = cellSubject(ref?.cell, indicatorFieldLabel(check.indicator.code, FIELD_OF[key]));
  return makeFinding(severity, code, { vi: `${subject.vi}: ${tail.vi}`, en: `${subject.en}: ${tail.en}` }, locationOf(check, ref));
}

/** A finding about the indicator as a whole, located at `ref` when given. */
export function indicatorFinding(check: IndicatorCheck, severity: Severity, code: string, message: Message, ref?: CellRef): Finding {
  return makeFinding(severity, code, message, locationOf(check, ref));
}

function locationOf(check: IndicatorCheck, ref: CellRef | undefined): FindingLocation {
  const location: FindingLocation = { ...check.base, indicator: check.indicator.code };
  if (ref) {
    if (ref.file !== undefined && location.file === undefined) location.file = ref.file;
    location.sheet = ref.sheet;
    location.cell = ref.cell;
  }
  return location;
}

/** True when the measure reports a numerator/denominator pair (`ratio`, `comparison`). */
export function isPairMeasure(indicator: Indicator): boolean {
  return indicator.measure === 'ratio' || indicator.measure === 'comparison';
}
