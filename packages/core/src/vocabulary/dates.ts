import { isValidYmd } from '../text/calendar.ts';

/**
 * The two date styles officers read. Running text and tables use ONE style, `dd/mm/yyyy`
 * (`20/06/2021`), the same as the `dd/mm/yyyy` number format of date cells, so a date reads the
 * same in a sentence and in the table beside it. The place-and-date line of a document follows
 * Decree 30/2020/NĐ-CP (`ngày 05 tháng 02 năm 2021`). Dates come in as ISO `yyyy-mm-dd`.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The parts of a real ISO `yyyy-mm-dd` date. @throws RangeError for anything else. */
export function isoDateParts(iso: string): { year: number; month: number; day: number } {
  const m = ISO.exec(iso);
  const parts = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  if (parts === null || !isValidYmd(parts)) throw new RangeError(`Not an ISO date (yyyy-mm-dd): ${iso}`);
  return parts;
}

/**
 * A date in running text and tables: `2021-06-20` → `20/06/2021` (day and month with two
 * digits). Text that is not ISO-shaped is returned unchanged (a finding may quote what a unit typed).
 */
export function formatDate(iso: string): string {
  const m = ISO.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * A date in the Decree 30/2020/NĐ-CP style of the place-and-date line (Appendix I):
 * `ngày 05 tháng 02 năm 2021`, `ngày 20 tháng 6 năm 2021` — days below 10 and the months 1 and 2
 * take a leading zero; months 3–12 do not.
 * @throws RangeError when `iso` is not a real `yyyy-mm-dd` date.
 */
export function decree30Date(iso: string): string {
  const { year, month, day } = isoDateParts(iso);
  const dd = String(day).padStart(2, '0');
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

/**
 * The place-and-date line of a document: `Hà Tĩnh, ngày 05 tháng 02 năm 2021` (Decree
 * 30/2020/NĐ-CP); without a place, `Ngày 05 tháng 02 năm 2021`. NFC.
 * @throws RangeError when `isoDate` is not a real `yyyy-mm-dd` date.
 */
export function placeAndDate(place: string, isoDate: string): string {
  const date = decree30Date(isoDate);
  const text = place.trim() === '' ? date.charAt(0).toLocaleUpperCase('vi') + date.slice(1) : `${place.trim()}, ${date}`;
  return text.normalize('NFC');
}

/**
 * The Excel (1900 date system) serial of an ISO date, as date cells hold it: `2021-06-20` → 44367.
 * @throws RangeError when `iso` is not a real `yyyy-mm-dd` date.
 */
export function excelSerial(iso: string): number {
  const { year, month, day } = isoDateParts(iso);
  return Date.UTC(year, month - 1, day) / 86_400_000 + 25_569;
}
