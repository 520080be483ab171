/**
 * One indicator's cells, read through `<code>_numerator`, `_denominator`, `_value`, `_percent`,
 * `_note` and `_evidence` (template/names.ts `indicatorCellName`).
 */
import type { Indicator } from '../plan/schema.ts';
import type { IndicatorValue } from '../report/model.ts';
import { indicatorCellName, type IndicatorField } from '../template/names.ts';
import { locateName, nameMissing, readCount, readText, readTracked, readTypedPercent, readYesNo, type Located, type ReadContext } from './cells.ts';
import { indicatorFieldLabel } from './labels.ts';

/** The fields a unit must be able to fill for a measure: numerator and denominator for ratio/comparison, value for count/boolean. */
export function requiredFields(indicator: Indicator): IndicatorField[] {
  return indicator.measure === 'ratio' || indicator.measure === 'comparison' ? ['numerator', 'denominator'] : ['value'];
}

function locateField(ctx: ReadContext, indicator: Indicator, field: IndicatorField, required: boolean): Located | null {
  const name = indicatorCellName(indicator.code, field);
  const what = indicatorFieldLabel(indicator.code, field);
  const at = locateName(ctx, name, what, indicator.code);
  if (!at && required) nameMissing(ctx, name, what, { indicator: indicator.code });
  return at;
}

/**
 * Reads one indicator's figures by measure:
 * - `ratio`/`comparison`: numerator and denominator as counts (`readCount`), and the `_percent`
 *   cell: a formula there (our live ratio) → `typedPercent` null; a number or text the unit typed
 *   → that percentage as a fraction 0–1;
 * - `count`: `value` as a count; `boolean`: `value` as yes/no (`Có`/`Không`, x, 1/0, TRUE/FALSE);
 * - every measure: `note` and `evidence` as normalised text.
 * `source` records every resolved cell (numerator, denominator, value, evidence — also when
 * blank, so later findings can name it) and the percent cell only when the unit typed into it.
 * A figure whose cell held something unreadable is listed in `unreadable` (its error names the cell).
 * Missing names of required fields → `template-name-missing` (warning). Returns null when none of
 * the indicator's names exist (the indicator is then absent from the report).
 */
export function readIndicator(ctx: ReadContext, indicator: Indicator): IndicatorValue | null {
  const required = requiredFields(indicator);
  const value: IndicatorValue = { numerator: null, denominator: null, value: null, typedPercent: null, note: null, evidence: null, source: {} };
  let found = false;
  // Remembers a figure whose cell held something unreadable (the reader added an error for it).
  const track = <T>(key: 'numerator' | 'denominator' | 'value', read: () => T): T => {
    const result = readTracked(ctx, read);
    if (result.unreadable) (value.unreadable ??= []).push(key);
    return result.value;
  };
  if (indicator.measure === 'ratio' || indicator.measure === 'comparison') {
    const num = locateField(ctx, indicator, 'numerator', true);
    const den = locateField(ctx, indicator, 'denominator', true);
    const pct = locateField(ctx, indicator, 'percent', false);
    if (num) {
      found = true;
      value.numerator = track('numerator', () => readCount(ctx, num));
      value.source.numerator = num.ref;
    }
    if (den) {
      found = true;
      value.denominator = track('denominator', () => readCount(ctx, den));
      value.source.denominator = den.ref;
    }
    if (pct) {
      found = true;
      value.typedPercent = readTypedPercent(ctx, pct);
      if (pct.cell?.formula === undefined && pct.cell !== undefined && pct.cell.value !== null) value.source.typedPercent = pct.ref;
    }
  } else {
    const at = locateField(ctx, indicator, 'value', required.includes('value'));
    if (at) {
      found = true;
      value.value = track('value', () => (indicator.measure === 'boolean' ? readYesNo(ctx, at) : readCount(ctx, at)));
      value.source.value = at.ref;
    }
  }
  const note = locateField(ctx, indicator, 'note', false);
  if (note) {
    found = true;
    value.note = readText(ctx, note);
  }
  const evidence = locateField(ctx, indicator, 'evidence', false);
  if (evidence) {
    found = true;
    value.evidence = readText(ctx, evidence);
    value.source.evidence = evidence.ref;
  }
  return found ? value : null;
}
