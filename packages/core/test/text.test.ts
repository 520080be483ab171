import { describe, expect, it } from 'vitest';
import type { Cell } from '../src/grid/grid.ts';
import { daysFromCivil, civilFromDays, isValidYmd } from '../src/text/calendar.ts';
import { cellNumber } from '../src/text/cell-number.ts';
import { cellText } from '../src/text/cell-text.ts';
import { parseDateCell, parseDateText } from '../src/text/dates.ts';
import { divideBy100, roundDecimal } from '../src/text/decimal.ts';
import { formatNumber, formatPercent } from '../src/text/format.ts';
import { foldText } from '../src/text/fold.ts';
import { normalizeText } from '../src/text/normalize.ts';
import { isDateFormat, isPercentFormat } from '../src/text/number-format.ts';
import { parseNumber } from '../src/text/numbers.ts';
import { parsePercent } from '../src/text/percent.ts';
import { excelSerialToIso, isoToExcelSerial } from '../src/text/serial.ts';
import { parseYesNo } from '../src/text/yes-no.ts';

const cell = (value: Cell['value'], extra: Partial<Cell> = {}): Cell => ({ value, ...extra });

describe('normalizeText', () => {
  it.each([
    ['  Trần   Phú  ', 'Trần Phú'],
    ['Tra\u0302\u0300n Phu\u0301', 'Trần Phú'], // NFD → NFC
    ['\u00D0ồng Môn', 'Đồng Môn'], // Icelandic Ð → Vietnamese Đ
    ['\u00F0ồng', 'đồng'],
    ['a\u00A0\u00A0b\n\tc', 'a b c'],
    ['x\u200By\uFEFF', 'xy'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    const out = normalizeText(input);
    expect(out).toBe(expected);
    expect(out).toBe(out.normalize('NFC'));
  });
});

describe('foldText', () => {
  it.each([
    ['Ngày 28 THÁNG 12', 'ngay 28 thang 12'],
    ['Đồng Môn', 'dong mon'],
    ['\u00D0ồng', 'dong'],
    ['  Có ', 'co'],
    ['Không', 'khong'],
    ['Tra\u0302\u0300n  Phu\u0301', 'tran phu'],
  ])('%j → %j', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });
});

describe('parseNumber', () => {
  it.each([
    ['123', {}, { ok: true, value: 123, percent: false }],
    ['  -42 ', {}, { ok: true, value: -42, percent: false }],
    ['\u22125', {}, { ok: true, value: -5, percent: false }],
    ['+7', {}, { ok: true, value: 7, percent: false }],
    ['1.234,5', {}, { ok: true, value: 1234.5, percent: false }],
    ['1,234.5', {}, { ok: true, value: 1234.5, percent: false }],
    ['1.234.567,89', {}, { ok: true, value: 1234567.89, percent: false }],
    ['1,234,567.89', {}, { ok: true, value: 1234567.89, percent: false }],
    ['1.234.567', {}, { ok: true, value: 1234567, percent: false }],
    ['1,234,567', {}, { ok: true, value: 1234567, percent: false }],
    ['1 234 567', {}, { ok: true, value: 1234567, percent: false }],
    ['1\u00A0234,5', {}, { ok: true, value: 1234.5, percent: false }],
    ['1\u202F234.5', {}, { ok: true, value: 1234.5, percent: false }],
    ['85,5', {}, { ok: true, value: 85.5, percent: false }],
    ['85.5', {}, { ok: true, value: 85.5, percent: false }],
    ['0,234', {}, { ok: true, value: 0.234, percent: false }],
    ['1234.567', {}, { ok: true, value: 1234.567, percent: false }],
    ['1,2345', {}, { ok: true, value: 1.2345, percent: false }],
    [',5', {}, { ok: true, value: 0.5, percent: false }],
    ['85,5%', {}, { ok: true, value: 0.855, percent: true }],
    ['85.5 %', {}, { ok: true, value: 0.855, percent: true }],
    ['100%', {}, { ok: true, value: 1, percent: true }],
    ['33,3%', {}, { ok: true, value: 0.333, percent: true }],
    ['1.234', {}, { ok: false, reason: 'ambiguous' }],
    ['1,234', {}, { ok: false, reason: 'ambiguous' }],
    ['12.345', {}, { ok: false, reason: 'ambiguous' }],
    ['1.234%', {}, { ok: false, reason: 'ambiguous' }],
    ['1.234', { integer: true }, { ok: true, value: 1234, percent: false }],
    ['1,234', { integer: true }, { ok: true, value: 1234, percent: false }],
    ['1,5', { integer: true }, { ok: true, value: 1.5, percent: false }],
    ['-0', {}, { ok: true, value: 0, percent: false }],
    ['', {}, { ok: false, reason: 'empty' }],
    ['   ', {}, { ok: false, reason: 'empty' }],
    ['\u00A0', {}, { ok: false, reason: 'empty' }],
    ['-', {}, { ok: false, reason: 'invalid' }],
    ['%', {}, { ok: false, reason: 'invalid' }],
    ['abc', {}, { ok: false, reason: 'invalid' }],
    ['12 hồ sơ', {}, { ok: false, reason: 'invalid' }],
    ['1e3', {}, { ok: false, reason: 'invalid' }],
    ['1.2.3', {}, { ok: false, reason: 'invalid' }],
    ['12.34.567', {}, { ok: false, reason: 'invalid' }],
    ['1.23,4', {}, { ok: false, reason: 'invalid' }],
    ['1,234,5', {}, { ok: false, reason: 'invalid' }],
    ['12 34', {}, { ok: false, reason: 'invalid' }],
    ['1 234.567,5', {}, { ok: false, reason: 'invalid' }],
    ['5.', {}, { ok: false, reason: 'invalid' }],
  ] as const)('%j %j', (text, options, expected) => {
    expect(parseNumber(text, options)).toEqual(expected);
  });
});

describe('cellNumber', () => {
  it.each([
    ['absent', undefined, {}, { ok: false, reason: 'empty' }],
    ['null', cell(null), {}, { ok: false, reason: 'empty' }],
    ['number', cell(120), {}, { ok: true, value: 120, percent: false }],
    ['percent-formatted number', cell(0.855, { numFmt: '0.0%' }), {}, { ok: true, value: 0.855, percent: true }],
    ['numeric text', cell('1.234'), { integer: true }, { ok: true, value: 1234, percent: false }],
    ['ambiguous text', cell('1.234'), {}, { ok: false, reason: 'ambiguous' }],
    ['formula cached number', cell(42, { formula: 'SUM(A1:A3)' }), {}, { ok: true, value: 42, percent: false }],
    ['formula without cache', cell(null, { formula: 'SUM(A1:A3)' }), {}, { ok: false, reason: 'uncomputed' }],
    ['formula cached blank text', cell('', { formula: 'IF(A1="","",A1)' }), {}, { ok: false, reason: 'empty' }],
    ['error', cell('#DIV/0!', { error: true }), {}, { ok: false, reason: 'invalid' }],
    ['boolean', cell(true), {}, { ok: false, reason: 'invalid' }],
    ['date cell', cell(null, { isoDate: '2020-12-28' }), {}, { ok: false, reason: 'invalid' }],
  ] as const)('%s', (_name, input, options, expected) => {
    expect(cellNumber(input, options)).toEqual(expected);
  });
});

describe('parsePercent', () => {
  it.each([
    ['number with % format', cell(0.855, { numFmt: '0.0%' }), { ok: true, value: 0.855, basis: 'percentFormat' }],
    ['plain number > 1', cell(85.5), { ok: true, value: 0.855, basis: 'over1' }],
    ['plain number 100', cell(100), { ok: true, value: 1, basis: 'over1' }],
    ['plain fraction', cell(0.855), { ok: true, value: 0.855, basis: 'fraction' }],
    ['plain 1', cell(1), { ok: true, value: 1, basis: 'fraction' }],
    ['zero', cell(0), { ok: true, value: 0, basis: 'fraction' }],
    ['text 85,5%', cell('85,5%'), { ok: true, value: 0.855, basis: 'percentSign' }],
    ['text 85.5 %', cell('85.5 %'), { ok: true, value: 0.855, basis: 'percentSign' }],
    ['text 85,5', cell('85,5'), { ok: true, value: 0.855, basis: 'over1' }],
    ['text 0,9', cell('0,9'), { ok: true, value: 0.9, basis: 'fraction' }],
    ['over 100%', cell(1.25, { numFmt: '0%' }), { ok: true, value: 1.25, basis: 'percentFormat' }],
    ['1000% is still a fraction', cell(10, { numFmt: '0%' }), { ok: true, value: 10, basis: 'percentFormat' }],
    ['85.5 typed into a % cell (shown 8550%)', cell(85.5, { numFmt: '0.0%' }), { ok: true, value: 0.855, basis: 'percentFormatPoints' }],
    ['100 typed into a % cell', cell(100, { numFmt: '0%' }), { ok: true, value: 1, basis: 'percentFormatPoints' }],
    ['negative', cell(-5), { ok: false, reason: 'invalid' }],
    ['blank', cell(null), { ok: false, reason: 'empty' }],
    ['words', cell('đạt'), { ok: false, reason: 'invalid' }],
    ['error', cell('#DIV/0!', { error: true }), { ok: false, reason: 'invalid' }],
  ] as const)('%s', (_name, input, expected) => {
    expect(parsePercent(input)).toEqual(expected);
  });
});

describe('excelSerialToIso / isoToExcelSerial', () => {
  it.each([
    [1, false, { ok: true, value: '1900-01-01' }],
    [59, false, { ok: true, value: '1900-02-28' }],
    [60, false, { ok: false, reason: 'nonexistent' }],
    [61, false, { ok: true, value: '1900-03-01' }],
    [44193, false, { ok: true, value: '2020-12-28' }],
    [44193.75, false, { ok: true, value: '2020-12-28' }],
    [44197, false, { ok: true, value: '2021-01-01' }],
    [2958465, false, { ok: true, value: '9999-12-31' }],
    [2958466, false, { ok: false, reason: 'invalid' }],
    [0, false, { ok: false, reason: 'invalid' }],
    [-1, false, { ok: false, reason: 'invalid' }],
    [Number.NaN, false, { ok: false, reason: 'invalid' }],
    [0, true, { ok: true, value: '1904-01-01' }],
    [1, true, { ok: true, value: '1904-01-02' }],
    [42731, true, { ok: true, value: '2020-12-28' }], // 44193 − 1462
    [-1, true, { ok: false, reason: 'invalid' }],
  ] as const)('serial %d (1904: %s)', (serial, date1904, expected) => {
    expect(excelSerialToIso(serial, date1904)).toEqual(expected);
  });

  it.each([
    ['1900-01-01', false, 1],
    ['1900-02-28', false, 59],
    ['1900-03-01', false, 61],
    ['2020-12-28', false, 44193],
    ['1899-12-31', false, null],
    ['1904-01-01', true, 0],
    ['2020-12-28', true, 42731],
    ['1903-12-31', true, null],
    ['2021-02-31', false, null],
  ] as const)('%s (1904: %s) → %s', (iso, date1904, expected) => {
    expect(isoToExcelSerial(iso, date1904)).toBe(expected);
  });

  it('round-trips every 997th serial of the 1900 system', () => {
    for (let s = 61; s < 2958465; s += 997) {
      const iso = excelSerialToIso(s, false);
      expect(iso.ok && isoToExcelSerial(iso.value, false)).toBe(s);
    }
  });
});

describe('calendar', () => {
  it.each([
    [{ year: 1970, month: 1, day: 1 }, 0],
    [{ year: 2000, month: 2, day: 29 }, 11016],
    [{ year: 1899, month: 12, day: 30 }, -25569],
  ])('%j ↔ day %d', (ymd, days) => {
    expect(daysFromCivil(ymd)).toBe(days);
    expect(civilFromDays(days)).toEqual(ymd);
  });
  it.each([
    [{ year: 2021, month: 2, day: 29 }, false],
    [{ year: 2020, month: 2, day: 29 }, true],
    [{ year: 1900, month: 2, day: 29 }, false],
    [{ year: 2021, month: 4, day: 31 }, false],
    [{ year: 2021, month: 13, day: 1 }, false],
  ])('valid %j = %s', (ymd, valid) => {
    expect(isValidYmd(ymd)).toBe(valid);
  });
});

describe('parseDateText', () => {
  it.each([
    ['28/12/2020', { ok: true, value: '2020-12-28' }],
    ['28-12-2020', { ok: true, value: '2020-12-28' }],
    ['28.12.2020', { ok: true, value: '2020-12-28' }],
    ['1/2/2021', { ok: true, value: '2021-02-01' }],
    ['01/02/21', { ok: true, value: '2021-02-01' }],
    ['01/02/99', { ok: true, value: '1999-02-01' }],
    ['28 / 12 / 2020', { ok: true, value: '2020-12-28' }],
    ['28/12/2020 08:30', { ok: true, value: '2020-12-28' }],
    ['2020-12-28', { ok: true, value: '2020-12-28' }],
    ['2020-12-28T00:00:00Z', { ok: true, value: '2020-12-28' }],
    ['2020/12/28', { ok: true, value: '2020-12-28' }],
    ['ngày 28 tháng 12 năm 2020', { ok: true, value: '2020-12-28' }],
    ['NGÀY 28 THÁNG 12 NĂM 2020', { ok: true, value: '2020-12-28' }],
    ['ngay 28 thang 12 nam 2020', { ok: true, value: '2020-12-28' }],
    ['Nga\u0300y 5 tha\u0301ng 3 năm 2021', { ok: true, value: '2021-03-05' }],
    ['Hà Tĩnh, ngày 28 tháng 12 năm 2020', { ok: true, value: '2020-12-28' }],
    ['ngày 28/12/2020', { ok: true, value: '2020-12-28' }],
    ['31/02/2021', { ok: false, reason: 'nonexistent' }],
    ['29/02/2021', { ok: false, reason: 'nonexistent' }],
    ['29/02/2020', { ok: true, value: '2020-02-29' }],
    ['12/31/2020', { ok: false, reason: 'nonexistent' }], // day first: month 31
    ['ngày 31 tháng 4 năm 2021', { ok: false, reason: 'nonexistent' }],
    ['28/12-2020', { ok: false, reason: 'invalid' }],
    ['tháng 12', { ok: false, reason: 'invalid' }],
    ['Quý I', { ok: false, reason: 'invalid' }],
    ['  ', { ok: false, reason: 'empty' }],
  ] as const)('%j', (text, expected) => {
    expect(parseDateText(text)).toEqual(expected);
  });
});

describe('parseDateCell', () => {
  it.each([
    ['serial', cell(44193, { numFmt: 'dd/mm/yyyy' }), false, { ok: true, value: '2020-12-28' }],
    ['serial, general format', cell(44193), false, { ok: true, value: '2020-12-28' }],
    ['serial 60', cell(60), false, { ok: false, reason: 'nonexistent' }],
    ['serial 61', cell(61), false, { ok: true, value: '1900-03-01' }],
    ['1904 serial', cell(42731), true, { ok: true, value: '2020-12-28' }],
    ['1904 serial 0', cell(0), true, { ok: true, value: '1904-01-01' }],
    ['isoDate', cell(null, { isoDate: '2020-12-28T00:00:00Z' }), false, { ok: true, value: '2020-12-28' }],
    ['isoDate bad', cell(null, { isoDate: '2021-02-30' }), false, { ok: false, reason: 'nonexistent' }],
    ['text', cell('28/12/2020'), false, { ok: true, value: '2020-12-28' }],
    ['Vietnamese text', cell('ngày 28 tháng 12 năm 2020'), false, { ok: true, value: '2020-12-28' }],
    ['impossible text', cell('31/02/2021'), false, { ok: false, reason: 'nonexistent' }],
    ['blank', cell(null), false, { ok: false, reason: 'empty' }],
    ['absent', undefined, false, { ok: false, reason: 'empty' }],
    ['formula without cache', cell(null, { formula: 'TODAY()' }), false, { ok: false, reason: 'uncomputed' }],
    ['error', cell('#VALUE!', { error: true }), false, { ok: false, reason: 'invalid' }],
    ['boolean', cell(true), false, { ok: false, reason: 'invalid' }],
  ] as const)('%s', (_name, input, date1904, expected) => {
    expect(parseDateCell(input, date1904)).toEqual(expected);
  });
});

describe('number formats', () => {
  it.each([
    ['0%', true, false],
    ['0.0%', true, false],
    ['#,##0.00%', true, false],
    ['0"%"', false, false],
    ['0\\%', false, false],
    ['dd/mm/yyyy', false, true],
    ['[$-42A]dd/mm/yyyy', false, true],
    ['d-mmm-yy', false, true],
    ['hh:mm', false, true],
    ['General', false, false],
    ['#,##0', false, false],
    ['0.00E+00', false, false],
    ['0 "ngày"', false, false],
    ['[Red]#,##0', false, false],
  ] as const)('%j: percent %s, date %s', (format, percent, date) => {
    expect(isPercentFormat(format)).toBe(percent);
    expect(isDateFormat(format)).toBe(date);
  });
});

describe('parseYesNo', () => {
  it.each([
    [cell('Có'), { ok: true, value: true }],
    [cell('CÓ'), { ok: true, value: true }],
    [cell('co'), { ok: true, value: true }],
    [cell('Co\u0301'), { ok: true, value: true }],
    [cell('x'), { ok: true, value: true }],
    [cell('X'), { ok: true, value: true }],
    [cell(1), { ok: true, value: true }],
    [cell(true), { ok: true, value: true }],
    [cell('TRUE'), { ok: true, value: true }],
    [cell('Không'), { ok: true, value: false }],
    [cell('KHONG'), { ok: true, value: false }],
    [cell(0), { ok: true, value: false }],
    [cell(false), { ok: true, value: false }],
    [cell('FALSE'), { ok: true, value: false }],
    // The wordings of units' own tables, the same vocabulary in our form.
    [cell('Đạt'), { ok: true, value: true }],
    [cell('\u00D0ạt'), { ok: true, value: true }],
    [cell('Đã thực hiện.'), { ok: true, value: true }],
    [cell('Hoàn thành!'), { ok: true, value: true }],
    [cell('Không đạt'), { ok: true, value: false }],
    [cell('CHƯA ĐẠT'), { ok: true, value: false }],
    [cell('Chưa thực hiện'), { ok: true, value: false }],
    [cell('.'), { ok: false, reason: 'empty' }],
    [cell(2), { ok: false, reason: 'invalid' }],
    [cell('có lẽ'), { ok: false, reason: 'invalid' }],
    [cell(null), { ok: false, reason: 'empty' }],
    [cell(' '), { ok: false, reason: 'empty' }],
    [cell(null, { formula: 'A1' }), { ok: false, reason: 'uncomputed' }],
  ] as const)('%j', (input, expected) => {
    expect(parseYesNo(input)).toEqual(expected);
  });
});

describe('cellText', () => {
  it.each([
    [cell('  Số 12/QĐ-UBND  '), false, 'Số 12/QĐ-UBND'],
    [cell('   '), false, null],
    [cell(18070), false, '18070'],
    [cell(44193, { numFmt: 'dd/mm/yyyy' }), false, '2020-12-28'],
    [cell(42731, { numFmt: 'dd/mm/yyyy' }), true, '2020-12-28'],
    [cell(null, { isoDate: '2020-12-28T00:00:00Z' }), false, '2020-12-28'],
    [cell(true), false, 'TRUE'],
    [cell(null), false, null],
    [undefined, false, null],
  ] as const)('%j', (input, date1904, expected) => {
    expect(cellText(input, date1904)).toBe(expected);
  });
});

describe('decimal helpers and formatting', () => {
  it.each([
    [85.5, 0.855],
    [33.3, 0.333],
    [100, 1],
    [1e-7, 1e-9],
  ])('divideBy100(%d) = %d', (input, expected) => {
    expect(divideBy100(input)).toBe(expected);
  });
  it.each([
    [1.005, 2, 1.01],
    [0.125, 2, 0.13],
    [-0.125, 2, -0.13],
    [85.49999999999999, 1, 85.5],
    [-0.001, 2, 0],
    [1e20, 2, 1e20], // was NaN: the shifted value went through exponent text
    [-1e300, 6, -1e300],
    [2 ** 52 + 1, 2, 2 ** 52 + 1],
  ])('roundDecimal(%d, %d) = %d', (value, decimals, expected) => {
    expect(roundDecimal(value, decimals)).toBe(expected);
  });
  it.each([
    [1234.5, 'vi', '1.234,5'],
    [1234.5, 'en', '1,234.5'],
    [120, 'vi', '120'],
    [1234567, 'vi', '1.234.567'],
    [-1234.567, 'en', '-1,234.57'],
    [0.5, 'vi', '0,5'],
    // Never NaN, Infinity or 1e+21: every digit below 10^21, a power of ten from it on.
    [1e20, 'vi', '100.000.000.000.000.000.000'],
    [1e20, 'en', '100,000,000,000,000,000,000'],
    [1e21, 'vi', '1 × 10^21'],
    [-1.5e300, 'vi', '-1,5 × 10^300'],
    [Number.MAX_VALUE, 'en', '1.8 × 10^308'],
    [Number.POSITIVE_INFINITY, 'vi', 'vô cực'],
    [Number.NEGATIVE_INFINITY, 'en', '-infinity'],
    [Number.NaN, 'vi', 'không phải số'],
  ] as const)('formatNumber(%d, %s) = %s', (value, lang, expected) => {
    expect(formatNumber(value, lang)).toBe(expected);
  });
  it.each([
    [0.855, 'vi', '85,5%'],
    [0.855, 'en', '85.5%'],
    [1, 'vi', '100%'],
    [2 / 3, 'vi', '66,67%'],
    [1.2, 'en', '120%'],
    [1e20, 'vi', '1 × 10^22%'],
  ] as const)('formatPercent(%d, %s) = %s', (value, lang, expected) => {
    expect(formatPercent(value, lang)).toBe(expected);
  });
});
