import { cityVerdict, type CityVerdict } from '../../consolidate/city-verdict.ts';
import type { IndicatorTotal } from '../../consolidate/types.ts';
import type { Indicator } from '../../plan/schema.ts';
import { figureText, ratioText } from '../../vocabulary/figures.ts';
import { NO_DATA, STATUS_WORDS } from '../../vocabulary/words.ts';

/** The word of a city verdict, as tables show it: `Đạt`, `Chưa đạt`, `Chưa có số liệu`. */
export function verdictWord(verdict: CityVerdict): string {
  return verdict === 'met' ? STATUS_WORDS.met : verdict === 'notMet' ? STATUS_WORDS.notMet : NO_DATA;
}

/** A figure or the dash of a blank. */
export function figureOrDash(value: number | null): string {
  return value === null ? '—' : figureText(value);
}

/** A ratio or the dash of a blank. */
export function ratioOrDash(value: number | null): string {
  return value === null ? '—' : ratioText(value);
}

/**
 * The city's figure on one target in words and numbers: `6.543/6.600 hồ sơ (99,14%)`; a count
 * `62 hoạt động`; yes/no `13/14 đơn vị (92,86%)`; a comparison `kỳ này 120 phút, cùng kỳ năm trước
 * 100 phút (120%)`; `chưa có số liệu` when no unit gave one.
 */
export function cityFigureText(indicator: Pick<Indicator, 'measure' | 'unitOfMeasure'>, total: IndicatorTotal | undefined): string {
  const uom = indicator.unitOfMeasure.normalize('NFC');
  if (!total) return NO_DATA.toLocaleLowerCase('vi');
  if (indicator.measure === 'count') return total.value === null ? NO_DATA.toLocaleLowerCase('vi') : `${figureText(total.value)} ${uom}`;
  if (total.numerator === null || total.denominator === null || total.denominator === 0) return NO_DATA.toLocaleLowerCase('vi');
  const ratio = total.ratio === null ? '' : ` (${ratioText(total.ratio)})`;
  if (indicator.measure === 'boolean') return `${figureText(total.numerator)}/${figureText(total.denominator)} đơn vị${ratio}`;
  if (indicator.measure === 'comparison') return `kỳ này ${figureText(total.numerator)} ${uom}, cùng kỳ năm trước ${figureText(total.denominator)} ${uom}${ratio}`;
  return `${figureText(total.numerator)}/${figureText(total.denominator)} ${uom}${ratio}`;
}

export { cityVerdict };
