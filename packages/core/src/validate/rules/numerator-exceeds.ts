/**
 * Rule `numerator-exceeds-denominator` (error): a part cannot exceed its whole.
 */
import { formatNumber } from '../../text/format.ts';
import { figureFinding, sourceOf, type IndicatorCheck, type RuleOutcome } from './types.ts';

/**
 * For `ratio` measures (not `comparison`, where this period may exceed last year), numerator >
 * denominator → `numerator-exceeds-denominator` (error) at the numerator cell, status `invalid`,
 * not counted. The message names the denominator's cell, what each figure counts (the plan's
 * `numeratorLabel`/`denominatorLabel`, when given) and what to check, e.g.
 * "Ô F15 (CT3a, tử số): 1.250 lớn hơn mẫu số 1.205 (ô G15), nhưng "Số hồ sơ được cập nhật, công
 * khai tình trạng" không thể nhiều hơn "Tổng số hồ sơ đã tiếp nhận". Kiểm tra lại hai ô F15 và
 * G15 (gõ nhầm, đảo chữ số, ghi nhầm dòng?) rồi sửa; chỉ tiêu chưa được tính."
 */
export function numeratorExceedsDenominator(check: IndicatorCheck): RuleOutcome | null {
  const { indicator, figures } = check;
  const { numerator, denominator } = figures;
  if (indicator.measure !== 'ratio' || numerator === null || denominator === null || numerator <= denominator) return null;
  const numCell = sourceOf(check, 'numerator')?.cell;
  const denCell = sourceOf(check, 'denominator')?.cell;
  const at = denCell === undefined ? { vi: '', en: '' } : { vi: ` (ô ${denCell})`, en: ` (cell ${denCell})` };
  const both =
    numCell !== undefined && denCell !== undefined
      ? { vi: `hai ô ${numCell} và ${denCell}`, en: `cells ${numCell} and ${denCell}` }
      : { vi: 'tử số và mẫu số', en: 'the numerator and the denominator' };
  const part = indicator.numeratorLabel;
  const whole = indicator.denominatorLabel;
  const why = part !== undefined && whole !== undefined ? `"${part}" không thể nhiều hơn "${whole}"` : 'tử số (số đạt) không thể lớn hơn mẫu số (tổng số)';
  return {
    findings: [
      figureFinding(check, 'numerator', 'error', 'numerator-exceeds-denominator', {
        vi: `${formatNumber(numerator, 'vi')} lớn hơn mẫu số ${formatNumber(denominator, 'vi')}${at.vi}, nhưng ${why}. Kiểm tra lại ${both.vi} (gõ nhầm, đảo chữ số, ghi nhầm dòng?) rồi sửa; chỉ tiêu chưa được tính.`,
        en: `${formatNumber(numerator, 'en')} exceeds the denominator ${formatNumber(denominator, 'en')}${at.en}, but the part cannot exceed the whole. Check ${both.en} (a typo, swapped digits, the wrong row?) and correct them; the indicator is not counted until then.`,
      }),
    ],
    stop: 'invalid',
  };
}
