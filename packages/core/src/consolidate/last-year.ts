/**
 * Last year's figure for `comparison` indicators (CT2a: "the city culture & media centre
 * increases airtime" — this period's items vs the same period of the previous year).
 *
 * A unit reports both figures: this period (numerator) and the same period last year
 * (denominator). When it gives this period's figure but leaves last year's blank, and the city
 * has last year's consolidation (`--compare`, same period one year earlier), the denominator is
 * taken from that consolidation — the unit's own figure for that period — and the indicator is
 * validated again; a notice says so and names the cell. When the unit typed a denominator that
 * differs from last year's consolidated figure, its own figure is kept and a notice points out
 * the difference. Nothing else changes.
 *
 * Finding codes (consolidate/codes.ts): `denominator-from-previous` (notice),
 * `previous-figure-differs` (notice).
 */
import { makeFinding, type Finding } from '../finding.ts';
import type { Plan } from '../plan/schema.ts';
import { formatNumber } from '../text/format.ts';
import { checkIndicator } from '../validate/indicator.ts';
import type { CheckedReport } from '../validate/types.ts';
import type { Consolidator } from './consolidator.ts';

/**
 * Applies last year's figures to one checked report (see the module comment).
 * @param checked the report as validated.
 * @param figures unit code → indicator code → last year's figure (`lastYearFigures`).
 * @param plan the plan (only its `comparison` indicators are touched).
 * @returns the report unchanged when nothing applies, else a copy with the indicator re-validated
 *   and its findings replaced.
 */
export function applyLastYearFigures(checked: CheckedReport, figures: ReadonlyMap<string, ReadonlyMap<string, number>>, plan: Plan): CheckedReport {
  const unit = checked.unit;
  if (unit === null) return checked;
  const known = figures.get(unit.code);
  if (!known) return checked;
  let indicators = checked.indicators;
  let findings = checked.findings;
  for (const indicator of plan.indicators) {
    if (indicator.measure !== 'comparison') continue;
    const last = known.get(indicator.code);
    const typed = checked.report.indicators.get(indicator.code);
    if (last === undefined || typed === undefined || typed.numerator === null) continue;
    const own = findings.filter((f) => f.indicator === indicator.code);
    const file = own.find((f) => f.file !== undefined)?.file ?? checked.report.file;
    const base = { ...(file !== undefined ? { file } : {}), unit: checked.report.unitCode?.trim() || unit.code };
    const where = typed.source.denominator;
    const at = { ...base, indicator: indicator.code, ...(where ? { sheet: where.sheet, cell: where.cell } : {}) };
    const cell = where ? { vi: ` (ô ${where.cell})`, en: ` (cell ${where.cell})` } : { vi: '', en: '' };
    if (typed.denominator !== null) {
      if (typed.denominator !== last) {
        findings = [
          ...findings,
          makeFinding(
            'notice',
            'previous-figure-differs',
            {
              vi: `Chỉ tiêu ${indicator.code}: số liệu cùng kỳ năm trước đơn vị ghi${cell.vi} là ${formatNumber(typed.denominator, 'vi')}, khác số liệu trong báo cáo tổng hợp năm trước (${formatNumber(last, 'vi')}); giữ số đơn vị ghi, đề nghị kiểm tra lại.`,
              en: `Indicator ${indicator.code}: last year's figure typed${cell.en} is ${formatNumber(typed.denominator, 'en')}, unlike last year's consolidation (${formatNumber(last, 'en')}); the typed figure is kept, please check it.`,
            },
            at,
          ),
        ];
      }
      continue;
    }
    const rerun = checkIndicator({ indicator, figures: { ...typed, denominator: last }, unit, base });
    const note: Finding = makeFinding(
      'notice',
      'denominator-from-previous',
      {
        vi: `Chỉ tiêu ${indicator.code}: đơn vị không ghi số liệu cùng kỳ năm trước${cell.vi}; lấy ${formatNumber(last, 'vi')} từ báo cáo tổng hợp cùng kỳ năm trước để so sánh.`,
        en: `Indicator ${indicator.code}: the unit gave no figure for the same period last year${cell.en}; ${formatNumber(last, 'en')} is taken from last year's consolidation.`,
      },
      at,
    );
    indicators = { ...indicators, [indicator.code]: rerun.result };
    findings = [...findings.filter((f) => f.indicator !== indicator.code), ...rerun.findings, note];
  }
  return indicators === checked.indicators && findings === checked.findings ? checked : { ...checked, indicators, findings };
}

/**
 * Wraps a consolidator so that every added report first goes through
 * {@link applyLastYearFigures}. With no figures the consolidator is returned as it is.
 */
export function withLastYearFigures(consolidator: Consolidator, figures: ReadonlyMap<string, ReadonlyMap<string, number>>, plan: Plan): Consolidator {
  if (figures.size === 0) return consolidator;
  // Every other member is the consolidator's own; only `add` is wrapped.
  return { ...consolidator, add: (checked, file) => consolidator.add(applyLastYearFigures(checked, figures, plan), file) };
}
