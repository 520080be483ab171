/**
 * The incremental CSV reader (core text/csv-reader.ts, issue 18) against the whole-text reader it
 * replaced, kept here as the reference: the same records and the same line numbers for any text,
 * however the text is cut into pieces (fast-check, fixed seed).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvReader, type CsvRecord } from '@cchc-kpi/core';

/** The reader of core/src/text/csv.ts before issue 18, verbatim: one pass over the whole text. */
function referenceParse(text: string, separator: string): { records: CsvRecord[]; unterminatedAt: number | null } {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteLine = 0;
  let i = 0;
  const endRecord = (): void => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text.charAt(i);
    if (inQuotes) {
      if (ch === '"') {
        if (text.charAt(i + 1) === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text.charAt(i + 1) !== '\n')) line += 1;
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      inQuotes = true;
      quoteLine = line;
      field = '';
    } else if (ch === separator) {
      fields.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text.charAt(i + 1) === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += ch;
    }
    i += 1;
  }
  if (inQuotes) return { records: [], unterminatedAt: quoteLine };
  if (field !== '' || fields.length > 0) endRecord();
  return { records, unterminatedAt: null };
}

/** Reads `text` with the incremental reader, pushed in pieces cut at `cuts`. */
function incremental(text: string, separator: string, cuts: number[]): { records: CsvRecord[]; unterminatedAt: number | null } {
  const records: CsvRecord[] = [];
  const reader = createCsvReader((r) => {
    records.push(r);
  }, { separator });
  let at = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)) {
    reader.push(text.slice(at, cut));
    at = cut;
  }
  reader.push(text.slice(at));
  const stop = reader.end();
  return stop?.reason === 'unterminated-quote' ? { records: [], unterminatedAt: stop.line } : { records, unterminatedAt: null };
}

const csvText = fc.array(fc.constantFrom('a', 'é', ' ', ',', ';', '"', '""', '\r', '\n', '\r\n', '18070', '20/04/2021'), { maxLength: 40 }).map((parts) => parts.join(''));

describe('createCsvReader (property)', () => {
  it('reads any text as the whole-text reader did, cut anywhere', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom(',', ';', '\t'), fc.array(fc.nat(), { maxLength: 6 }), (text, separator, cuts) => {
        expect(incremental(text, separator, cuts)).toEqual(referenceParse(text, separator));
      }),
      { seed: 18, numRuns: 2000 },
    );
  });

  it('detects the separator from the first line, even when it arrives in pieces', () => {
    const records: string[][] = [];
    const reader = createCsvReader((r) => {
      records.push(r.fields);
    });
    for (const piece of ['ma_don_vi', ';ngay', '_nhan\r', '\n18070;20/04/2021']) reader.push(piece);
    expect(reader.end()).toBeNull();
    expect(records).toEqual([['ma_don_vi', 'ngay_nhan'], ['18070', '20/04/2021']]);
  });

  it('stops at a field over the limit, a record over the field limit, or when told to', () => {
    const stopAt = (text: string, options: Parameters<typeof createCsvReader>[1], onRecord: () => boolean | void = () => undefined): unknown => {
      const reader = createCsvReader(onRecord, options);
      reader.push(text);
      return reader.end();
    };
    expect(stopAt('a,b\nc,"dddd', { separator: ',', maxFieldChars: 3 })).toEqual({ reason: 'field-too-long', line: 2, quoted: true });
    expect(stopAt('a,bbbb\n', { separator: ',', maxFieldChars: 3 })).toEqual({ reason: 'field-too-long', line: 1, quoted: false });
    expect(stopAt('a,b,c\n', { separator: ',', maxFields: 2 })).toEqual({ reason: 'too-many-fields', line: 1 });
    expect(stopAt('a\nb\nc\n', { separator: ',' }, () => false)).toEqual({ reason: 'consumer' });
    expect(stopAt('a\n"b', { separator: ',' })).toEqual({ reason: 'unterminated-quote', line: 2 });
  });
});
