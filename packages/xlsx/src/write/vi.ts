import type { Period, Unit, UnitKind } from '@cchc-kpi/core';

/**
 * Vietnamese wording shared by the workbooks we write. Every string returned is NFC.
 * Dates are ISO `yyyy-mm-dd` calendar dates (no time zone).
 */

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** Splits an ISO date into numbers. @throws RangeError when the text is not `yyyy-mm-dd`. */
export function isoParts(iso: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`not an ISO date: ${iso}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/**
 * A date as written in running text and tables, e.g. `2021-06-14` → `14/6/2021`, `2020-12-28`
 * → `28/12/2020` (day and month without leading zeros, as in the plan's own text).
 * @throws RangeError when `iso` is not `yyyy-mm-dd`.
 */
export function shortDate(iso: string): string {
  const { year, month, day } = isoParts(iso);
  return `${day}/${month}/${year}`;
}

/**
 * A date in the Decree 30/2020/NĐ-CP style used in the place-and-date line:
 * `ngày 05 tháng 02 năm 2021` (days below 10 and months 1–2 take a leading zero),
 * `ngày 20 tháng 6 năm 2021`.
 * @throws RangeError when `iso` is not `yyyy-mm-dd`.
 */
export function decree30Date(iso: string): string {
  const { year, month, day } = isoParts(iso);
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month <= 2 ? `0${month}` : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

/**
 * An ISO date as the JavaScript Date exceljs turns into an Excel serial: midnight UTC, so the
 * serial is a whole number whatever the machine's time zone.
 * @throws RangeError when `iso` is not `yyyy-mm-dd`.
 */
export function excelDate(iso: string): Date {
  const { year, month, day } = isoParts(iso);
  return new Date(Date.UTC(year, month - 1, day));
}

/** The Excel (1900 system) serial number of an ISO date, e.g. `2021-06-20` → 44367. */
export function excelSerial(iso: string): number {
  return excelDate(iso).getTime() / 86_400_000 + 25_569;
}

/**
 * Human label of a period: `Quý I năm 2021`, `6 tháng đầu năm 2021`, `6 tháng cuối năm 2021`,
 * `Năm 2021`.
 */
export function periodLabel(period: Period): string {
  if (period.kind === 'quarter') return `Quý ${ROMAN[(period.index ?? 1) - 1] ?? period.index} năm ${period.year}`;
  if (period.kind === 'half') return `6 tháng ${period.index === 2 ? 'cuối' : 'đầu'} năm ${period.year}`;
  return `Năm ${period.year}`;
}

/** The cut-off window sentence: `Số liệu tính từ ngày 15/12/2020 đến ngày 14/6/2021`. */
export function cutoffText(period: Period): string {
  return `Số liệu tính từ ngày ${shortDate(period.cutoffStart)} đến ngày ${shortDate(period.cutoffEnd)}`;
}

const KIND_PREFIX: Record<UnitKind, string> = { ward: 'Phường', commune: 'Xã', agency: '' };

/** A unit's display name with its kind: `Phường Trần Phú`, `Xã Đồng Môn`; agencies as named. */
export function unitDisplayName(unit: Pick<Unit, 'name' | 'kind'>): string {
  const prefix = KIND_PREFIX[unit.kind];
  return (prefix ? `${prefix} ${unit.name}` : unit.name).normalize('NFC');
}

/** The issuing-body line of a unit's report: `UBND PHƯỜNG TRẦN PHÚ`, `UBND XÃ ĐỒNG MÔN`, or the agency's name in capitals. */
export function issuingHeader(unit: Pick<Unit, 'name' | 'kind'>): string {
  const text = unit.kind === 'agency' ? unit.name : `UBND ${unitDisplayName(unit)}`;
  return text.normalize('NFC').toLocaleUpperCase('vi').normalize('NFC');
}

/** `Kế hoạch số 163/KH-UBND ngày 28/12/2020` from the plan's document block. */
export function planDocumentText(document: { number: string; date: string }): string {
  return `Kế hoạch số ${document.number} ngày ${shortDate(document.date)}`;
}

/** NFC-normalises text for a cell. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}
