/**
 * A small RFC 4180 CSV reader for the lists officers keep in Excel and save as CSV (unit lists,
 * received-date registers). Vietnamese Excel saves with ";" (the list separator where "," is
 * the decimal mark), so the separator is detected from the header line.
 */

/** The separator used by the header line: the most frequent of `,`, `;` and tab (`,` when none). */
export function detectSeparator(text: string): string {
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t']) {
    const count = firstLine.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

export interface CsvRecord {
  /** Physical line (1-based) where the record starts. */
  line: number;
  fields: string[];
}

/**
 * RFC 4180 reader: quoted fields with `""` escapes may contain separators and line breaks;
 * CRLF, LF and CR end records. Returns the line of an unterminated quote instead of records.
 */
export function parseCsv(text: string, separator: string): { records: CsvRecord[]; unterminatedAt: number | null } {
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
