/**
 * Excel date serial numbers ↔ ISO dates, in both of Excel's date systems.
 * - 1900 system (the default): serial 1 = 1900-01-01. Excel keeps Lotus 1-2-3's bug of a
 *   29 February 1900: serial 60 is that fictitious day, serial 61 = 1900-03-01, so from 61 on
 *   serial n = 1899-12-30 + n days, and below 60 serial n = 1899-12-31 + n days.
 * - 1904 system (old Mac Excel, some LibreOffice files): serial 0 = 1904-01-01.
 * A fractional serial is a date plus a time of day; the time is dropped.
 * Source: ECMA-376 Part 1, §18.17.4 "Dates and Times".
 */
import { civilFromDays, daysFromCivil, formatIsoDate, parseIsoDate } from './calendar.ts';

/** Why a serial is no date: negative, 0 in the 1900 system, beyond 9999-12-31, not finite, or the fictitious 1900-02-29. */
export type SerialFailure = 'invalid' | 'nonexistent';

/** An Excel serial read as a date: ISO `yyyy-mm-dd` text, or why it is none. */
export type SerialDate = { ok: true; value: string } | { ok: false; reason: SerialFailure };

const DAY_1899_12_30 = daysFromCivil({ year: 1899, month: 12, day: 30 });
const DAY_1899_12_31 = DAY_1899_12_30 + 1;
const DAY_1904_01_01 = daysFromCivil({ year: 1904, month: 1, day: 1 });
const DAY_9999_12_31 = daysFromCivil({ year: 9999, month: 12, day: 31 });

/**
 * ISO date (`yyyy-mm-dd`) of an Excel serial number. `date1904` selects the workbook's date
 * system (`Grid.date1904`). Serial 60 in the 1900 system → `nonexistent`; serials below 1
 * (1900 system) or 0 (1904 system), and dates after 9999-12-31 → `invalid`.
 * Examples: 44193 → `2020-12-28`; 61 → `1900-03-01`; 0 with date1904 → `1904-01-01`.
 */
export function excelSerialToIso(serial: number, date1904: boolean): SerialDate {
  if (!Number.isFinite(serial)) return { ok: false, reason: 'invalid' };
  const whole = Math.floor(serial);
  let day: number;
  if (date1904) {
    if (whole < 0) return { ok: false, reason: 'invalid' };
    day = DAY_1904_01_01 + whole;
  } else {
    if (whole < 1) return { ok: false, reason: 'invalid' };
    if (whole === 60) return { ok: false, reason: 'nonexistent' };
    day = whole < 60 ? DAY_1899_12_31 + whole : DAY_1899_12_30 + whole;
  }
  if (day > DAY_9999_12_31) return { ok: false, reason: 'invalid' };
  return { ok: true, value: formatIsoDate(civilFromDays(day)) };
}

/**
 * The Excel serial of an ISO date (`yyyy-mm-dd`) in the chosen date system, the inverse of
 * `excelSerialToIso`; null for malformed text or a date the system cannot show (before
 * 1900-01-01, or before 1904-01-01 in the 1904 system).
 */
export function isoToExcelSerial(iso: string, date1904: boolean): number | null {
  const ymd = parseIsoDate(iso);
  if (!ymd) return null;
  const day = daysFromCivil(ymd);
  if (date1904) return day >= DAY_1904_01_01 ? day - DAY_1904_01_01 : null;
  if (day < DAY_1899_12_31 + 1) return null;
  const serial = day - DAY_1899_12_30;
  return serial < 61 ? serial - 1 : serial;
}
