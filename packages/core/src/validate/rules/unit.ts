/**
 * Rules `unit-code-missing` and `unit-unknown` (errors): the report must name a unit of the registry.
 */
import { makeFinding, type Finding, type FindingLocation } from '../../finding.ts';
import type { UnitReport } from '../../report/model.ts';
import type { Unit } from '../../units/unit.ts';

/**
 * Finds the report's unit in the registry units (code compared after trimming, exactly).
 * Blank unit code → `unit-code-missing`; a code not in the list → `unit-unknown`; both errors,
 * located at the `unit_code` cell, and the unit is null (the consolidator leaves the report out).
 */
export function checkUnit(report: UnitReport, units: readonly Unit[], base: FindingLocation): { unit: Unit | null; findings: Finding[] } {
  const ref = report.source.unitCode;
  const location: FindingLocation = { ...base, ...(ref ? { sheet: ref.sheet, cell: ref.cell } : {}) };
  const at = ref ? { vi: `Ô ${ref.cell} (mã đơn vị)`, en: `Cell ${ref.cell} (unit code)` } : { vi: 'Mã đơn vị', en: 'Unit code' };
  const code = report.unitCode?.trim() ?? '';
  if (code === '') {
    return {
      unit: null,
      findings: [
        makeFinding(
          'error',
          'unit-code-missing',
          { vi: `${at.vi}: để trống; không xác định được đơn vị báo cáo.`, en: `${at.en}: blank; the reporting unit is unknown.` },
          location,
        ),
      ],
    };
  }
  const unit = units.find((u) => u.code === code) ?? null;
  if (unit) return { unit, findings: [] };
  return {
    unit: null,
    findings: [
      makeFinding(
        'error',
        'unit-unknown',
        {
          vi: `${at.vi}: mã "${code}" không có trong danh mục đơn vị.`,
          en: `${at.en}: code "${code}" is not in the unit registry.`,
        },
        { ...location, unit: code },
      ),
    ],
  };
}
