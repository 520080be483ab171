import { describe, expect, it } from 'vitest';
import { parseReceivedCsv } from '../src/received/parse-received.ts';

const entries = (text: string, source?: string): [string, string][] => {
  const r = parseReceivedCsv(text, source);
  if (!r.ok) throw new Error(JSON.stringify(r.findings));
  return [...r.value];
};

describe('parseReceivedCsv', () => {
  it('reads the English header, ISO and day-first dates', () => {
    expect(entries('unit_code,received_on\n18070,2021-04-20\n18073,19/04/2021\n18076,5.4.2021\n18077,ngày 6 tháng 4 năm 2021\n')).toEqual([
      ['18070', '2021-04-20'],
      ['18073', '2021-04-19'],
      ['18076', '2021-04-05'],
      ['18077', '2021-04-06'],
    ]);
  });

  it('reads the Vietnamese header with a BOM, ";" and CRLF (Excel in a Vietnamese locale)', () => {
    expect(entries('\uFEFFma_don_vi;ngay_nhan\r\n18070;20/04/2021\r\n18076;21/04/2021\r\n')).toEqual([
      ['18070', '2021-04-20'],
      ['18076', '2021-04-21'],
    ]);
  });

  it('finds a header with diacritics under title rows, ignores other columns, quoted fields', () => {
    const csv = [
      'SỔ THEO DÕI NHẬN BÁO CÁO,,',
      'Quý I năm 2021,,',
      'Mã đơn vị,Tên đơn vị,Ngày nhận',
      '18070,"Trần Phú, phường",20/04/2021',
      '"18073","Nam Hà","2021-04-18"',
    ].join('\n');
    expect(entries(csv)).toEqual([
      ['18070', '2021-04-20'],
      ['18073', '2021-04-18'],
    ]);
  });

  it('skips blank dates (not yet received) and blank lines without findings', () => {
    const r = parseReceivedCsv('unit_code,received_on\n18070,\n\n18073,2021-04-18\n,\n');
    expect(r.ok && [...r.value]).toEqual([['18073', '2021-04-18']]);
    expect(r.findings).toEqual([]);
  });

  it('reports bad rows with line numbers and cells, and keeps the good ones', () => {
    const csv = [
      'unit_code,received_on', //  line 1
      '18070,31/04/2021', //       line 2: no 31 April
      ',2021-04-20', //            line 3: no unit
      '18073,2021-04-18', //       line 4
      '18076,"20/04/2021', //      line 5: a quoted field running over a line break …
      '"', //                      line 6: … ends here ("20/04/2021\n", trimmed: a date)
      '18077,2021-04-19', //       line 7
      '18079,2021-13-01', //       line 8: month 13 → the line count survived the quoted break
    ].join('\n');
    const r = parseReceivedCsv(csv, 'so-nhan.csv');
    expect(r.ok).toBe(true);
    expect(r.ok && [...r.value]).toEqual([
      ['18073', '2021-04-18'],
      ['18076', '2021-04-20'],
      ['18077', '2021-04-19'],
    ]);
    expect(r.findings.map((f) => [f.severity, f.code, f.file, f.cell, f.unit])).toEqual([
      ['error', 'received-date-invalid', 'so-nhan.csv', 'B2', '18070'],
      ['warning', 'received-unit-blank', 'so-nhan.csv', 'A3', undefined],
      ['error', 'received-date-invalid', 'so-nhan.csv', 'B8', '18079'],
    ]);
    expect(r.findings[0]?.message.vi).toBe(
      'Dòng 2: ngày nhận "31/04/2021" của đơn vị 18070 không hợp lệ (dùng dd/mm/yyyy hoặc yyyy-mm-dd); bỏ qua dòng này.',
    );
  });

  it('keeps the earliest date of a unit listed twice and names both lines', () => {
    const r = parseReceivedCsv('unit_code,received_on\n18070,22/04/2021\n18073,2021-04-18\n18070,20/04/2021\n');
    expect(r.ok && [...r.value]).toEqual([
      ['18070', '2021-04-20'],
      ['18073', '2021-04-18'],
    ]);
    expect(r.findings).toEqual([
      {
        severity: 'warning',
        code: 'received-duplicate',
        message: {
          vi: 'Dòng 4: đơn vị 18070 đã có ở dòng 2 (2021-04-22); giữ ngày sớm nhất 2021-04-20.',
          en: 'Line 4: unit 18070 is already listed on line 2 (2021-04-22); the earliest date 2021-04-20 is kept.',
        },
        cell: 'A4',
        unit: '18070',
      },
    ]);
  });

  it.each([
    ['no header', '18070,2021-04-20\n'],
    ['one column only', 'unit_code\n18070\n'],
    ['empty text', ''],
  ])('fails without a usable header: %s', (_, csv) => {
    const r = parseReceivedCsv(csv, 'x.csv');
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => [f.severity, f.code, f.file])).toEqual([['error', 'received-header-missing', 'x.csv']]);
  });
});

describe('parseReceivedCsv: broken quoting', () => {
  it('a quote never closed reads nothing and names the line', () => {
    const r = parseReceivedCsv('unit_code,received_on\n18070,2021-06-15\n"18073,2021-06-16\n', 'so-nhan.csv');
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => [f.severity, f.code, f.file, f.message.vi])).toEqual([
      ['error', 'received-quote-unterminated', 'so-nhan.csv', 'Dòng 3: dấu ngoặc kép mở mà không đóng; không đọc được sổ theo dõi.'],
    ]);
  });
});
