/**
 * Property-based tests (fast-check, fixed seeds) for what units type: numbers in Vietnamese and
 * English style, percentages, dates and Excel serials. Each property states an exact expected
 * value computed independently of the parser (or the parser's own documented rule).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excelSerialToIso, isoToExcelSerial, parseDateCell, parseDateText, parseNumber, parsePercent } from '@cchc-kpi/core';

const RUNS = { numRuns: 400 } as const;

/** `1234567` → `1.234.567` with `sep` between groups of three. */
function group(digits: string, sep: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** Digits of a fraction: 1–6 digits, the last not 0 (so the text is the shortest form). */
const fractionDigits = fc
  .tuple(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 0, maxLength: 5 }), fc.integer({ min: 1, max: 9 }))
  .map(([head, last]) => [...head, last].join(''));

const bigInt = fc.integer({ min: 0, max: 999_999_999_999 });

describe('parseNumber (property)', () => {
  it('reads integers grouped Vietnamese, English or space style, and plain', () => {
    fc.assert(
      fc.property(bigInt, fc.constantFrom('.', ',', ' ', '\u00A0', ''), (n, sep) => {
        const text = group(String(n), sep);
        const multi = sep !== '' && n >= 1_000_000;
        const single = sep !== '' && n >= 1000 && n < 1_000_000;
        // A single "." or "," followed by exactly three digits is ambiguous unless an integer is expected.
        const expected = single && (sep === '.' || sep === ',') ? { ok: false, reason: 'ambiguous' } : { ok: true, value: n, percent: false };
        expect(parseNumber(text)).toEqual(expected);
        expect(parseNumber(text, { integer: true })).toEqual({ ok: true, value: n, percent: false });
        if (multi) expect(parseNumber(text)).toEqual({ ok: true, value: n, percent: false });
      }),
      { seed: 101, ...RUNS },
    );
  });

  it('reads decimals in both styles, with sign and surrounding spaces', () => {
    fc.assert(
      fc.property(bigInt, fractionDigits, fc.constantFrom('vi', 'en'), fc.constantFrom('', '-', '+', '\u2212'), (n, fraction, style, sign) => {
        const [thousands, decimal] = style === 'vi' ? ['.', ','] : [',', '.'];
        const text = ` ${sign}${group(String(n), thousands)}${decimal}${fraction}\u00A0`;
        const exact = Number(`${sign === '-' || sign === '\u2212' ? '-' : ''}${n}.${fraction}`);
        const expected = exact === 0 ? 0 : exact;
        // "12,345" (no grouping, three fraction digits, not starting with 0) is ambiguous.
        const ambiguous = n < 1000 && n !== 0 && fraction.length === 3;
        expect(parseNumber(text)).toEqual(ambiguous ? { ok: false, reason: 'ambiguous' } : { ok: true, value: expected, percent: false });
      }),
      { seed: 102, ...RUNS },
    );
  });

  it('reads a trailing % as a fraction, exactly in decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.option(fractionDigits, { nil: undefined }), fc.constantFrom('%', ' %'), (n, fraction, suffix) => {
        const text = `${n}${fraction === undefined ? '' : `,${fraction}`}${suffix}`;
        const ambiguous = fraction !== undefined && fraction.length === 3 && n !== 0 && n < 1000;
        const value = Number(`${n}${fraction === undefined ? '' : `.${fraction}`}e-2`);
        expect(parseNumber(text)).toEqual(ambiguous ? { ok: false, reason: 'ambiguous' } : { ok: true, value, percent: true });
      }),
      { seed: 103, ...RUNS },
    );
  });

  it('never throws on any text; a number read is finite, a failure has a known reason', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.stringMatching(/^[ +\-\u2212]?[\d.,  ]{0,20}%?$/)), (text) => {
        const parsed = parseNumber(text);
        if (parsed.ok) expect(Number.isFinite(parsed.value)).toBe(true);
        else expect(['empty', 'ambiguous', 'invalid']).toContain(parsed.reason);
      }),
      { seed: 104, numRuns: 2000 },
    );
  });

  it('rejects letters, exponents and bad grouping', () => {
    for (const text of ['1e3', '12a', '(5)', '-', '1.2.3,4,5', '12.34.5', '1,23,456', 'Infinity', 'NaN', '0x10', '--1']) {
      expect(parseNumber(text), text).toEqual({ ok: false, reason: 'invalid' });
    }
  });
});

describe('parsePercent (property)', () => {
  it('text with % gives the fraction; plain numbers above 1 are percentages, 0–1 fractions; %-formatted numbers fractions (points above 10); negatives invalid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 2 }), (hundredths, places) => {
        // A percentage with up to two decimals: 8550 → "85,5%" (places 1), "85,50%" (places 2), "86%" (places 0).
        const scaled = places === 0 ? Math.round(hundredths / 100) : places === 1 ? Math.round(hundredths / 10) : hundredths;
        const digits = String(scaled);
        const whole = places === 0 ? digits : digits.length > places ? digits.slice(0, -places) : '0';
        const frac = places === 0 ? '' : digits.padStart(places, '0').slice(-places);
        const text = `${whole}${frac === '' ? '' : `,${frac}`}%`;
        const expected = Number(`${whole}${frac === '' ? '' : `.${frac}`}e-2`);
        expect(parsePercent({ value: text })).toEqual({ ok: true, value: expected, basis: 'percentSign' });
      }),
      { seed: 201, ...RUNS },
    );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10_000, noNaN: true }), (x) => {
        const parsed = parsePercent({ value: x });
        if (x > 1) {
          expect(parsed).toMatchObject({ ok: true, basis: 'over1' });
          if (parsed.ok) expect(parsed.value).toBe(Number(`${x}e-2`));
        } else {
          expect(parsed).toEqual({ ok: true, value: x === 0 ? 0 : x, basis: 'fraction' });
        }
        // A %-formatted number is a fraction, unless above 10 (1000%): then percentage points typed into the cell.
        expect(parsePercent({ value: x, numFmt: '0.0%' })).toEqual(
          x > 10 ? { ok: true, value: Number(`${x}e-2`), basis: 'percentFormatPoints' } : { ok: true, value: x === 0 ? 0 : x, basis: 'percentFormat' },
        );
        if (x > 0) expect(parsePercent({ value: -x })).toEqual({ ok: false, reason: 'invalid' });
      }),
      { seed: 202, ...RUNS },
    );
  });
});

/** A real calendar date (any year 1900–2099). */
const realDate = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }).map((d) => ({
  year: d.getUTCFullYear(),
  month: d.getUTCMonth() + 1,
  day: d.getUTCDate(),
}));
const iso = (d: { year: number; month: number; day: number }): string =>
  `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
const pad = (n: number, width: number, padded: boolean): string => (padded ? String(n).padStart(width, '0') : String(n));

describe('parseDateText (property)', () => {
  it('reads day-first dates with / - . and ISO dates, with or without leading zeros, times ignored', () => {
    fc.assert(
      fc.property(realDate, fc.constantFrom('/', '-', '.'), fc.boolean(), fc.constantFrom('', ' 08:30', 'T08:30:15Z'), fc.constantFrom('', 'ngày ', 'Ngày '), (d, sep, padded, time, prefix) => {
        const text = `${prefix}${pad(d.day, 2, padded)}${sep}${pad(d.month, 2, padded)}${sep}${d.year}${time === 'T08:30:15Z' ? '' : time}`;
        expect(parseDateText(text)).toEqual({ ok: true, value: iso(d) });
        expect(parseDateText(`${iso(d)}${time}`)).toEqual({ ok: true, value: iso(d) });
      }),
      { seed: 301, ...RUNS },
    );
  });

  it('reads two-digit years as Excel does (00–29 → 20xx, 30–99 → 19xx)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }), (day, month, yy) => {
        const year = yy < 30 ? 2000 + yy : 1900 + yy;
        expect(parseDateText(`${day}/${month}/${String(yy).padStart(2, '0')}`)).toEqual({ ok: true, value: iso({ year, month, day }) });
      }),
      { seed: 302, ...RUNS },
    );
  });

  it('reads "ngày … tháng … năm …" anywhere, any case, with or without diacritics', () => {
    fc.assert(
      fc.property(realDate, fc.constantFrom('ngày %d tháng %m năm %y', 'Hà Tĩnh, ngày %d tháng %m năm %y', 'NGAY %d THANG %m NAM %y', 'ngày %d tháng %m %y'), (d, pattern) => {
        const text = pattern.replace('%d', String(d.day)).replace('%m', String(d.month)).replace('%y', String(d.year));
        expect(parseDateText(text)).toEqual({ ok: true, value: iso(d) });
      }),
      { seed: 303, ...RUNS },
    );
  });

  it('says nonexistent for impossible days and never reads month first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
        expect(parseDateText(`${days + 1}/${month}/${year}`)).toEqual({ ok: false, reason: 'nonexistent' });
        expect(parseDateText(`${days}/${month}/${year}`)).toEqual({ ok: true, value: iso({ year, month, day: days }) });
      }),
      { seed: 304, ...RUNS },
    );
    // 12/31/2021 (month first) is not a date: there is no month 31.
    expect(parseDateText('12/31/2021')).toEqual({ ok: false, reason: 'nonexistent' });
    expect(parseDateText('28/12-2020')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('never throws on any text; a date read is ISO', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.stringMatching(/^(ngày )?\d{1,3}[/.\-]\d{1,3}[/.\-]\d{1,5}$/)), (text) => {
        const parsed = parseDateText(text);
        if (parsed.ok) expect(parsed.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        else expect(['empty', 'invalid', 'nonexistent']).toContain(parsed.reason);
      }),
      { seed: 305, numRuns: 2000 },
    );
  });
});

describe('Excel serial dates (property)', () => {
  it('match the calendar from 1899-12-30 (1900 system, serial ≥ 61) and 1904-01-01, and round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_958_465 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (serial, time) => {
        const expected = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
        expect(excelSerialToIso(serial + time, false)).toEqual({ ok: true, value: expected });
        expect(isoToExcelSerial(expected, false)).toBe(serial);
        expect(parseDateCell({ value: serial + time, numFmt: 'dd/mm/yyyy' }, false)).toEqual({ ok: true, value: expected });
        const in1904 = serial - 1462;
        if (in1904 >= 0) {
          expect(excelSerialToIso(in1904, true)).toEqual({ ok: true, value: expected });
          expect(isoToExcelSerial(expected, true)).toBe(in1904);
        }
      }),
      { seed: 401, ...RUNS },
    );
    expect(excelSerialToIso(60, false)).toEqual({ ok: false, reason: 'nonexistent' });
    expect(excelSerialToIso(2_958_466, false)).toEqual({ ok: false, reason: 'invalid' });
  });
});
