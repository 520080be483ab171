/**
 * Which unit and period an input is about, for the heading of its results (`cchc score`,
 * `cchc check --json`): known from the form even when it is untouched, else from the file name.
 */
import { unitFromFileName } from '../../consolidate/file-unit.ts';
import type { Unit } from '../../units/unit.ts';
import type { CheckedReport } from '../../validate/types.ts';
import { periodFromFileName } from './file-name.ts';

/** A unit (code and registry name) and a period code; null where unknown. */
export interface ReportIdentity {
  unit: string | null;
  /** The registry name, when the unit is in the registry. */
  unitName: string | null;
  period: string | null;
}

/**
 * The unit and period of an input: the checked form's (also an untouched one's, `status: 'empty'`)
 * — its registry unit, else the code as typed; its period, else the code as typed — and, for what
 * the form does not give (or when no form was read), what the file name names
 * (`unitFromFileName` among `units`, `periodFromFileName`).
 */
export function reportIdentity(file: string | undefined, units: readonly Unit[], checked?: CheckedReport): ReportIdentity {
  const typedUnit = checked?.report.unitCode?.trim() || null;
  const typedPeriod = checked?.report.periodCode?.trim() || null;
  let unit: Unit | null = checked?.unit ?? null;
  if (unit === null && typedUnit === null && file !== undefined) unit = unitFromFileName(file, units);
  const period = checked?.period?.code ?? typedPeriod ?? (file === undefined ? null : periodFromFileName(file));
  return { unit: unit?.code ?? typedUnit, unitName: unit?.name ?? null, period };
}
