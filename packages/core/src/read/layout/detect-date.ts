/**
 * The date a unit signed its report, from the place-and-date line of Vietnamese administrative
 * documents ("Bắc Hà, ngày 20 tháng 6 năm 2021"; Decree 30/2020/NĐ-CP), in the title rows or the
 * signature block.
 */
import { parseDateText } from '../../text/dates.ts';
import { foldText } from '../../text/fold.ts';
import type { TextSource } from './text-source.ts';

/** A whole cell that is a place-and-date line (folded): an optional place and comma, then "ngày d tháng m năm yyyy". */
const SIGNING_LINE = /^(?:[^,0-9]{1,40},\s*)?ngay\s*\d{1,2}\s*thang\s*\d{1,2}\s*nam\s*\d{4}\s*\.?$/;

/**
 * The signing date (ISO) and the cell it is in: the first title or trailing cell whose whole text
 * is a place-and-date line. Dates inside other sentences ("Kế hoạch số 163/KH-UBND ngày 28 tháng
 * 12 năm 2020", "từ ngày … đến ngày …") are not signing dates. Null when none is found.
 */
export function detectSigningDate(sources: readonly TextSource[]): { date: string; source: TextSource } | null {
  for (const source of sources) {
    if (source.via !== 'title') continue;
    const folded = foldText(source.text);
    if (!SIGNING_LINE.test(folded)) continue;
    const parsed = parseDateText(folded);
    if (parsed.ok) return { date: parsed.value, source };
  }
  return null;
}
