import type { UnitReport } from './model.ts';

/**
 * True when a report holds nothing a unit typed: no indicator figure (readable or not), typed
 * percentage, note or evidence, no activity and no narrative text. Such a form (sent back untouched) is not a received report:
 * `checkReport` raises `report-empty` and callers leave it out of the consolidation.
 */
export function isEmptyReport(report: UnitReport): boolean {
  if (report.activities.length > 0) return false;
  if (report.narrative && Object.values(report.narrative).some((text) => text !== null)) return false;
  for (const v of report.indicators.values()) {
    if (v.numerator !== null || v.denominator !== null || v.value !== null || v.typedPercent !== null || v.note !== null || v.evidence !== null) return false;
    // A figure typed but unreadable ("mười", "85%" in a count cell) is something typed too.
    if (v.unreadable !== undefined && v.unreadable.length > 0) return false;
  }
  return true;
}
