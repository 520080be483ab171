/**
 * Validating one indicator of one report: the rules in order, then completion.
 */
import type { CellRef, Finding } from '../finding.ts';
import type { IndicatorValue } from '../report/model.ts';
import { completion } from './completion.ts';
import { notApplicableToUnit } from './rules/applicability.ts';
import { blankNotZero } from './rules/blank.ts';
import { countsInvalid } from './rules/counts.ts';
import { denominatorZero } from './rules/denominator-zero.ts';
import { evidenceRequired, evidenceUnrecognised } from './rules/evidence.ts';
import { numeratorExceedsDenominator } from './rules/numerator-exceeds.ts';
import { typedPercentMismatch } from './rules/typed-percent.ts';
import type { IndicatorCheck, IndicatorRule } from './rules/types.ts';
import { unreadableFigures } from './rules/unreadable.ts';
import { valueWrongType } from './rules/value-type.ts';
import type { IndicatorResult } from './types.ts';

/**
 * The indicator rules, in the order they run. The first to return a `stop` decides the status;
 * findings of earlier non-stopping rules are kept.
 */
export const INDICATOR_RULES: readonly IndicatorRule[] = [
  notApplicableToUnit,
  unreadableFigures,
  blankNotZero,
  valueWrongType,
  countsInvalid,
  denominatorZero,
  numeratorExceedsDenominator,
  typedPercentMismatch,
  evidenceUnrecognised,
  evidenceRequired,
];

/** An all-blank entry, for an indicator the report has no cells for. */
export function blankIndicatorValue(): IndicatorValue {
  return { numerator: null, denominator: null, value: null, typedPercent: null, note: null, evidence: null, source: {} };
}

/** The cells behind an indicator, in the order numerator, denominator, value, typed percent, evidence. */
export function indicatorValueSources(value: IndicatorValue): CellRef[] {
  const s = value.source;
  return [s.numerator, s.denominator, s.value, s.typedPercent, s.evidence].filter((r): r is CellRef => r !== undefined);
}

/**
 * Validates one indicator: runs `INDICATOR_RULES`; when one stops, the result has that status,
 * `counted: false` (unless a `notMet` rule says the answer still counts), `ratio: null` and `completion` 0 for `notMet` (null otherwise). When none
 * stops, `completion()` gives ratio, completion and met → status `met`/`notMet`, `counted: true`.
 * The reported figures are copied as they are (also when not counted) with their source cells.
 */
export function checkIndicator(check: IndicatorCheck): { result: IndicatorResult; findings: Finding[] } {
  const { indicator, figures } = check;
  const findings: Finding[] = [];
  const base = {
    code: indicator.code,
    numerator: figures.numerator,
    denominator: figures.denominator,
    value: figures.value,
    typedPercent: figures.typedPercent,
    note: figures.note,
    evidence: figures.evidence,
    sources: indicatorValueSources(figures),
  };
  for (const rule of INDICATOR_RULES) {
    const outcome = rule(check);
    if (!outcome) continue;
    findings.push(...outcome.findings);
    if (outcome.stop !== undefined) {
      const result: IndicatorResult = {
        ...base,
        ratio: null,
        completion: outcome.stop === 'notMet' ? 0 : null,
        status: outcome.stop,
        counted: outcome.counted === true && outcome.stop === 'notMet',
      };
      return { result, findings };
    }
  }
  const c = completion(indicator, figures);
  if (c.met === null) {
    // Figures of a type the target rule cannot use (plan data mismatch); treated as invalid.
    return { result: { ...base, ratio: null, completion: null, status: 'invalid', counted: false }, findings };
  }
  return { result: { ...base, ratio: c.ratio, completion: c.completion, status: c.met ? 'met' : 'notMet', counted: true }, findings };
}
