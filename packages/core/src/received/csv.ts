/**
 * A small RFC 4180 CSV splitter for registers officers keep in Excel and save as CSV: fields in
 * double quotes may hold the delimiter, doubled quotes and line breaks. Vietnamese Excel saves
 * with ";" (the list separator where "," is the decimal mark), so the delimiter is detected from
 * the header line: ";" or tab when present there, else ",".
 */

/** One CSV record: its fields (untrimmed) and the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** Picks the delimiter from the first line: `;`, tab, or `,` (the default). */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  if (outsideQuotes.includes(';') && !outsideQuotes.includes(',')) return ';';
  if (outsideQuotes.includes('\t') && !outsideQuotes.includes(',')) return '\t';
  return ',';
}

/** Splits CSV text (BOM already removed) into records; a trailing empty line gives no record. */
export function splitCsv(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = (): void => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line += 1;
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += ch;
    }
    i += 1;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}
