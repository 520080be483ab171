/**
 * Rules `period-code-missing`, `period-invalid` and `period-mismatch` (errors): the report's period.
 */
import { makeFinding, type Finding, type FindingLocation } from '../../finding.ts';
import { parsePeriod } from '../../period/period.ts';
import type { Period } from '../../period/types.ts';
import type { Plan } from '../../plan/schema.ts';
import type { UnitReport } from '../../report/model.ts';

/**
 * Reads the report's own period from its `period_code` (`parsePeriod`, canonical code, the plan's
 * deadline rule; `expected` itself when the codes agree, so its configured deadline is kept).
 * Findings (errors, at the `period_code` cell): blank → `period-code-missing`; unreadable →
 * `period-invalid`; a period other than `expected` (the period being checked or consolidated) →
 * `period-mismatch` — the consolidator leaves such a report out. Returns the report's period or null.
 */
export function checkPeriod(
  report: UnitReport,
  plan: Plan,
  expected: Period | undefined,
  base: FindingLocation,
): { period: Period | null; findings: Finding[] } {
  const ref = report.source.periodCode;
  const location: FindingLocation = { ...base, ...(ref ? { sheet: ref.sheet, cell: ref.cell } : {}) };
  const at = ref ? { vi: `Ô ${ref.cell} (kỳ báo cáo)`, en: `Cell ${ref.cell} (reporting period)` } : { vi: 'Kỳ báo cáo', en: 'Reporting period' };
  const code = report.periodCode?.trim() ?? '';
  if (code === '') {
    return {
      period: null,
      findings: [
        makeFinding(
          'error',
          'period-code-missing',
          { vi: `${at.vi}: để trống; không xác định được kỳ báo cáo.`, en: `${at.en}: blank; the reporting period is unknown.` },
          location,
        ),
      ],
    };
  }
  const parsed = parsePeriod(code, { deadlineDaysAfterCutoff: plan.deadline.daysAfterCutoff });
  if (!parsed.ok) {
    return {
      period: null,
      findings: [
        makeFinding(
          'error',
          'period-invalid',
          {
            vi: `${at.vi}: "${code}" không phải kỳ báo cáo hợp lệ (dạng 2021-Q1…2021-Q4, 2021-H1, 2021-H2 hoặc 2021).`,
            en: `${at.en}: "${code}" is not a valid period (2021-Q1…2021-Q4, 2021-H1, 2021-H2 or 2021).`,
          },
          location,
        ),
      ],
    };
  }
  const own = parsed.value;
  if (expected === undefined) return { period: own, findings: [] };
  if (own.code.toUpperCase() === expected.code.toUpperCase()) return { period: expected, findings: [] };
  return {
    period: own,
    findings: [
      makeFinding(
        'error',
        'period-mismatch',
        {
          vi: `${at.vi}: báo cáo kỳ ${own.code}, không phải kỳ đang kiểm tra ${expected.code}; báo cáo không được đưa vào tổng hợp kỳ này.`,
          en: `${at.en}: the report is for ${own.code}, not the period being checked, ${expected.code}; it is left out of this period's consolidation.`,
        },
        location,
      ),
    ],
  };
}
