import type { UnitReport } from '../report/model.ts';

/**
 * A short content fingerprint of a report (FNV-1a, 32 bits, hex) over its indicator figures in
 * plan order and its activities. Used only as the last tie-break between two reports of one unit
 * whose dates and file names are equal, so the choice never depends on arrival order.
 */
export function reportFingerprint(report: UnitReport, indicatorCodes: readonly string[]): string {
  const indicators = indicatorCodes.map((code) => {
    const v = report.indicators.get(code);
    return v ? [code, v.numerator, v.denominator, v.value, v.typedPercent, v.note, v.evidence] : [code];
  });
  const activities = report.activities.map((a) => [a.date, a.themes, a.form, a.title, a.quantity, a.participants, a.evidence]);
  const text = JSON.stringify([report.unitCode, report.periodCode, report.submittedOn, indicators, activities]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
