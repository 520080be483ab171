import { describe, expect, it } from 'vitest';
import { createReceivedReader, parseReceivedCsv } from '../src/received/parse-received.ts';

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
    // Two rows with an invalid date: one finding, with the count and both rows, at the first one's cell.
    expect(r.findings.map((f) => [f.severity, f.code, f.file, f.cell, f.unit])).toEqual([
      ['error', 'received-date-invalid', 'so-nhan.csv', 'B2', undefined],
      ['warning', 'received-unit-blank', 'so-nhan.csv', 'A3', undefined],
    ]);
    expect(r.findings[0]?.message.vi).toBe(
      'Sổ theo dõi có 2 dòng ngày nhận không hợp lệ (dùng dd/mm/yyyy hoặc yyyy-mm-dd); bỏ qua các dòng này: dòng 2 (đơn vị 18070: "31/04/2021"), dòng 8 (đơn vị 18079: "2021-13-01").',
    );
    expect(r.findings[1]?.message.en).toBe('Line 3: received date "2021-04-20" without a unit code; row skipped.');
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

describe('parseReceivedCsv: repeated problems are one finding (issue 18)', () => {
  const rows = (n: number, row: (i: number) => string): string => ['unit_code,received_on', ...Array.from({ length: n }, (_, i) => row(i))].join('\n');

  it('seven invalid dates: one finding with the count, the first five rows and "2 more"', () => {
    const r = parseReceivedCsv(rows(7, (i) => `1807${i},2021-13-0${i + 1}`), 'so-nhan.csv');
    expect(r.ok && r.value.size).toBe(0);
    expect(r.findings).toEqual([
      {
        severity: 'error',
        code: 'received-date-invalid',
        message: {
          vi: 'Sổ theo dõi có 7 dòng ngày nhận không hợp lệ (dùng dd/mm/yyyy hoặc yyyy-mm-dd); bỏ qua các dòng này: dòng 2 (đơn vị 18070: "2021-13-01"), dòng 3 (đơn vị 18071: "2021-13-02"), dòng 4 (đơn vị 18072: "2021-13-03"), dòng 5 (đơn vị 18073: "2021-13-04"), dòng 6 (đơn vị 18074: "2021-13-05") và 2 dòng khác.',
          en: 'The register has 7 rows whose received date is not a valid date (use dd/mm/yyyy or yyyy-mm-dd); rows skipped: line 2 (unit 18070: "2021-13-01"), line 3 (unit 18071: "2021-13-02"), line 4 (unit 18072: "2021-13-03"), line 5 (unit 18073: "2021-13-04"), line 6 (unit 18074: "2021-13-05") and 2 more rows.',
        },
        file: 'so-nhan.csv',
        cell: 'B2',
      },
    ]);
  });

  it('a unit listed 10,000 times: one duplicate finding, the earliest date kept', () => {
    const r = parseReceivedCsv(rows(10_000, (i) => `18070,${String((i % 28) + 1).padStart(2, '0')}/06/2021`));
    expect(r.ok && [...r.value]).toEqual([['18070', '2021-06-01']]);
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([['received-duplicate', 'A3']]);
    expect(r.findings[0]?.message.en).toMatch(/^The register lists 9999 times a unit already listed above; the earliest date of each unit is kept: line 3 \(unit 18070, already on line 2\), .* and 9994 more rows\.$/);
  });

  it('with the registry given, codes it does not know are counted, not kept', () => {
    const r = parseReceivedCsv(rows(1000, (i) => (i === 500 ? '18073,18/06/2021' : `X${i},18/06/2021`)), 'so.csv', {}, { units: new Set(['18070', '18073']) });
    expect(r.ok && [...r.value]).toEqual([['18073', '2021-06-18']]);
    expect(r.findings.map((f) => [f.severity, f.code, f.cell, f.unit])).toEqual([['warning', 'received-unknown-unit', 'A2', undefined]]);
    expect(r.findings[0]?.message.vi).toBe(
      'Sổ theo dõi nhận báo cáo có 999 dòng ghi mã đơn vị không có trong danh mục đơn vị; bỏ qua các dòng này: dòng 2 ("X0"), dòng 3 ("X1"), dòng 4 ("X2"), dòng 5 ("X3"), dòng 6 ("X4") và 994 dòng khác.',
    );
    const one = parseReceivedCsv('unit_code,received_on\nX9,18/06/2021\n', 'so.csv', {}, { units: new Set(['18070']) });
    expect(one.findings.map((f) => f.message.en)).toEqual(['Line 2: the received-date register names unit code "X9", which is not in the unit registry; row skipped.']);
  });

  it('cuts long cell text quoted in messages to 40 characters', () => {
    const r = parseReceivedCsv(`unit_code,received_on\n18070,${'9'.repeat(100)}\n`);
    expect(r.findings[0]?.message.vi).toBe(`Dòng 2: ngày nhận "${'9'.repeat(39)}…" của đơn vị 18070 không hợp lệ (dùng dd/mm/yyyy hoặc yyyy-mm-dd); bỏ qua dòng này.`);
  });
});

describe('parseReceivedCsv: limits (issue 18)', () => {
  it('refuses more rows than maxRows at the first row over it', () => {
    const text = `unit_code,received_on\n${'18070,18/06/2021\n'.repeat(10)}`;
    expect(parseReceivedCsv(text, 's.csv', { maxRows: 11 }).ok).toBe(true);
    const r = parseReceivedCsv(text, 's.csv', { maxRows: 10 });
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => [f.severity, f.code, f.file, f.message.vi])).toEqual([
      ['error', 'received-too-many-rows', 's.csv', 'Sổ theo dõi nhận báo cáo có hơn 10 dòng, vượt giới hạn (--max-received-rows); không đọc sổ này.'],
    ]);
  });

  it('refuses text longer than maxChars (the byte-order mark not counted)', () => {
    const text = '\uFEFFunit_code,received_on\n18070,18/06/2021\n';
    expect(parseReceivedCsv(text, 's.csv', { maxChars: text.length - 1 }).ok).toBe(true);
    expect(parseReceivedCsv(text, 's.csv', { maxChars: text.length - 2 }).findings.map((f) => f.code)).toEqual(['received-too-large']);
  });

  it('stops at a quote never closed after 4 KB, whatever follows, pushed piece by piece', () => {
    const reader = createReceivedReader('so.csv');
    const piece = 'x'.repeat(64 * 1024);
    let pushed = 0;
    const accepted = [reader.push('unit_code,received_on\n18070,"2021'), ...Array.from({ length: 800 }, () => (pushed += 1, reader.push(piece)))];
    // 50 MB offered; the reader refused from the first 64 KB piece on.
    expect(accepted.indexOf(false)).toBe(1);
    expect(pushed).toBe(800);
    const r = reader.end();
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => [f.code, f.message.en])).toEqual([
      ['received-cell-too-long', 'Line 2: a cell is longer than 4096 characters (probably a quote opened here is never closed); the register cannot be read.'],
    ]);
  });

  it('gives the same register whatever pieces the text arrives in', () => {
    const text = '\uFEFFSỔ THEO DÕI;;\r\nMã đơn vị;Tên;Ngày nhận\r\n18070;"Trần Phú; ""phường""";20/04/2021\r\n"18073";"Nam\r\nHà";2021-04-18\r18076;x;31/04/2021\n18070;y;19/04/2021\n';
    const whole = parseReceivedCsv(text, 's.csv');
    expect(whole.ok && [...whole.value]).toEqual([['18070', '2021-04-19'], ['18073', '2021-04-18']]);
    expect(whole.findings.map((f) => [f.code, f.cell])).toEqual([['received-date-invalid', 'C6'], ['received-duplicate', 'A7']]);
    for (let size = 1; size <= 7; size++) {
      const reader = createReceivedReader('s.csv');
      for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size));
      expect(reader.end()).toEqual(whole);
    }
  });
});
