/**
 * Dates as officers type them in a received-date register: ISO `yyyy-mm-dd` (also with a time
 * after "T" or a space, which is dropped) or Vietnamese day-first `dd/mm/yyyy` (also `d/m/yyyy`
 * and with "-" or "." between the parts). Two-digit years are refused (ambiguous).
 */

/** True for a real calendar date (no 31 April, 29 February only in leap years). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** The ISO date `yyyy-mm-dd` of a typed date, or null when it is not one of the accepted forms or not a real date. */
export function parseRegisterDate(text: string): string | null {
  const t = text.trim();
  let year: number;
  let month: number;
  let day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  const dmy = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(t);
  if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
  } else if (dmy) {
    day = Number(dmy[1]);
    month = Number(dmy[3]);
    year = Number(dmy[4]);
  } else {
    return null;
  }
  if (year < 1900 || !isCalendarDate(year, month, day)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
