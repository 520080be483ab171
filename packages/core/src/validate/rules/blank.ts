/**
 * Rules `value-missing` (warning) and `pair-incomplete` (error): blank is not zero (BRIEF §6).
 */
import type { Finding } from '../../finding.ts';
import { formatNumber, formatPercent } from '../../text/format.ts';
import { figureFinding, indicatorFinding, isPairMeasure, type IndicatorCheck, type RuleOutcome } from './types.ts';

function inCell(cell: string | undefined): { vi: string; en: string } {
  return cell === undefined ? { vi: '', en: '' } : { vi: ` (ô ${cell})`, en: ` (cell ${cell})` };
}

/**
 * Blank figures of an applicable indicator:
 * - numerator and denominator both blank (pair measures), or `value` blank (count, boolean) →
 *   `value-missing` (warning), status `missing`: a blank is never read as 0. When the unit typed
 *   only a percentage, the message says raw figures are needed (BRIEF §6);
 * - exactly one of numerator/denominator blank → `pair-incomplete` (error) at the blank cell,
 *   status `invalid`.
 */
export function blankNotZero(check: IndicatorCheck): RuleOutcome | null {
  const { indicator, figures } = check;
  const code = indicator.code;
  if (!isPairMeasure(indicator)) {
    if (figures.value !== null) return null;
    return {
      findings: [
        figureFinding(check, 'value', 'warning', 'value-missing', {
          vi: 'để trống; ô trống không được tính là 0, chỉ tiêu coi như chưa báo cáo.',
          en: 'is blank; a blank is not read as 0, the indicator counts as not reported.',
        }),
      ],
      stop: 'missing',
    };
  }
  const { numerator, denominator } = figures;
  if (numerator === null && denominator === null) {
    const n = inCell(figures.source.numerator?.cell);
    const d = inCell(figures.source.denominator?.cell);
    const typed = figures.typedPercent;
    const onlyPercent =
      typed === null
        ? { vi: '', en: '' }
        : {
            vi: ` Đơn vị chỉ ghi tỷ lệ ${formatPercent(typed, 'vi')}; cần ghi số liệu gốc (tử số và mẫu số).`,
            en: ` The unit typed only a percentage (${formatPercent(typed, 'en')}); the raw figures (numerator and denominator) are needed.`,
          };
    return {
      findings: [
        indicatorFinding(
          check,
          'warning',
          'value-missing',
          {
            vi: `Chỉ tiêu ${code}: tử số${n.vi} và mẫu số${d.vi} để trống; ô trống không được tính là 0, chỉ tiêu coi như chưa báo cáo.${onlyPercent.vi}`,
            en: `Indicator ${code}: numerator${n.en} and denominator${d.en} are blank; a blank is not read as 0, the indicator counts as not reported.${onlyPercent.en}`,
          },
          figures.source.numerator ?? figures.source.denominator,
        ),
      ],
      stop: 'missing',
    };
  }
  if (numerator !== null && denominator !== null) return null;
  return { findings: [pairIncomplete(check, numerator === null ? 'numerator' : 'denominator')], stop: 'invalid' };
}

/**
 * `pair-incomplete` (error) at the blank one of numerator/denominator, naming the other figure
 * when it could be read ("để trống trong khi mẫu số là 5"), else only asking for both.
 */
export function pairIncomplete(check: IndicatorCheck, blankKey: 'numerator' | 'denominator'): Finding {
  const { figures } = check;
  const other = blankKey === 'numerator' ? { vi: 'mẫu số', en: 'denominator', value: figures.denominator } : { vi: 'tử số', en: 'numerator', value: figures.numerator };
  const given =
    other.value === null
      ? { vi: '', en: '' }
      : { vi: ` trong khi ${other.vi} là ${formatNumber(other.value, 'vi')}`, en: ` while the ${other.en} is ${formatNumber(other.value, 'en')}` };
  return figureFinding(check, blankKey, 'error', 'pair-incomplete', {
    vi: `để trống${given.vi}; cần ghi cả tử số và mẫu số.`,
    en: `is blank${given.en}; give both numerator and denominator.`,
  });
}
