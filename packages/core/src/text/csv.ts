/**
 * A small RFC 4180 CSV reader for the lists officers keep in Excel and save as CSV (unit lists,
 * received-date registers). Vietnamese Excel saves with ";" (the list separator where "," is
 * the decimal mark), so the separator is detected from the header line. The reading itself is
 * the incremental reader of csv-reader.ts.
 */
import { createCsvReader, type CsvRecord } from './csv-reader.ts';

export { detectSeparator, type CsvRecord } from './csv-reader.ts';

/**
 * RFC 4180 reader: quoted fields with `""` escapes may contain separators and line breaks;
 * CRLF, LF and CR end records. Returns the line of an unterminated quote instead of records.
 */
export function parseCsv(text: string, separator: string): { records: CsvRecord[]; unterminatedAt: number | null } {
  const records: CsvRecord[] = [];
  const reader = createCsvReader((record) => {
    records.push(record);
  }, { separator });
  reader.push(text);
  const stopped = reader.end();
  if (stopped?.reason === 'unterminated-quote') return { records: [], unterminatedAt: stopped.line };
  return { records, unterminatedAt: null };
}
