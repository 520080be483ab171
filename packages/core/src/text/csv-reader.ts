/**
 * An incremental RFC 4180 reader: text is pushed in pieces (a file read chunk by chunk) and each
 * record is handed over as soon as it ends, so a register of a million rows never sits in memory
 * as one string or one array of records. Limits on a field's length and a record's number of
 * fields stop it early: a quote opened and never closed in a 50 MB file is noticed after a few
 * kilobytes, not at the end.
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

export interface CsvReaderOptions {
  /** The separator; when absent, detected from the first line (`detectSeparator`) once it is read. */
  separator?: string;
  /** Longest field accepted, in characters; a longer one stops the reader (`field-too-long`). Default: no limit. */
  maxFieldChars?: number;
  /** Most fields in one record; more stop the reader (`too-many-fields`). Default: no limit. */
  maxFields?: number;
}

/** Why the reader stopped before the end of its input. Lines are 1-based physical lines. */
export type CsvStop =
  | { reason: 'field-too-long'; line: number; quoted: boolean }
  | { reason: 'too-many-fields'; line: number }
  | { reason: 'unterminated-quote'; line: number }
  | { reason: 'consumer' };

export interface CsvReader {
  /** Reads more text; returns false once the reader has stopped (then further text is ignored). */
  push(text: string): boolean;
  /** Ends the input: hands over the last record; returns why the reader stopped, or null when it read everything. */
  end(): CsvStop | null;
}

/** Text kept back, before the separator is known, while waiting for the end of the first line. */
const DETECT_WINDOW = 64 * 1024;

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Creates a reader calling `onRecord` for each record, in order; `onRecord` returning `false`
 * stops the reader (`consumer`). Rules as RFC 4180 and `parseCsv`: a quote opens a quoted field
 * only at its start (leading blanks dropped); inside, `""` is a quote and separators and line
 * breaks are text; after the closing quote, text up to the separator is appended; CRLF, LF and CR
 * end a record (a blank line is a record of one empty field); a record's `line` is where it starts.
 * The result does not depend on how the text is cut into pieces.
 */
export function createCsvReader(onRecord: (record: CsvRecord) => boolean | void, options: CsvReaderOptions = {}): CsvReader {
  const maxFieldChars = options.maxFieldChars ?? Number.POSITIVE_INFINITY;
  const maxFields = options.maxFields ?? Number.POSITIVE_INFINITY;
  let separator = options.separator === undefined ? -1 : options.separator.charCodeAt(0);
  let waiting = options.separator === undefined ? '' : null;

  let stopped: CsvStop | null = null;
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  /** Inside a quoted field, a quote was just read: `""` (a quote) or the field's end. */
  let quoteSeen = false;
  let quoteLine = 0;
  let prevCR = false;

  const stop = (why: CsvStop): boolean => {
    stopped = why;
    return false;
  };
  const endField = (): boolean => {
    fields.push(field);
    field = '';
    return fields.length <= maxFields || stop({ reason: 'too-many-fields', line: recordLine });
  };
  const endRecord = (): boolean => {
    if (!endField()) return false;
    const record = { line: recordLine, fields };
    fields = [];
    return onRecord(record) !== false || stop({ reason: 'consumer' });
  };

  const read = (text: string): boolean => {
    let start = 0; // start of the run of plain characters not yet added to `field`
    const tooLong = (i: number): boolean => field.length + (i + 1 - start) > maxFieldChars;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (inQuotes) {
        if (quoteSeen) {
          quoteSeen = false;
          if (c === QUOTE) {
            start = i; // the second quote of `""` is the text
            prevCR = false;
            continue;
          }
          inQuotes = false; // the field's closing quote: this character is read outside quotes
        } else {
          if (c === QUOTE) {
            field += text.slice(start, i);
            start = i + 1;
            quoteSeen = true;
          } else if (c === CR || (c === LF && !prevCR)) line += 1;
          prevCR = c === CR;
          if (tooLong(i)) return stop({ reason: 'field-too-long', line: quoteLine, quoted: true });
          continue;
        }
      }
      if (c === QUOTE) {
        field += text.slice(start, i);
        start = i + 1;
        if (field.trim() === '') {
          inQuotes = true;
          quoteLine = line;
          field = '';
        } else field += '"';
      } else if (c === separator) {
        field += text.slice(start, i);
        start = i + 1;
        if (!endField()) return false;
      } else if (c === CR || c === LF) {
        field += text.slice(start, i);
        start = i + 1;
        if (!(c === LF && prevCR)) {
          if (!endRecord()) return false;
          line += 1;
          recordLine = line;
        }
      } else if (tooLong(i)) return stop({ reason: 'field-too-long', line: recordLine, quoted: false });
      prevCR = c === CR;
    }
    field += text.slice(start);
    return true;
  };

  const detect = (final: boolean): boolean => {
    if (waiting === null) return true;
    if (!final && waiting.length < DETECT_WINDOW && !/[\r\n]/.test(waiting)) return true;
    separator = detectSeparator(waiting).charCodeAt(0);
    const text = waiting;
    waiting = null;
    return read(text);
  };

  return {
    push(text) {
      if (stopped) return false;
      if (waiting !== null) {
        waiting += text;
        return detect(false);
      }
      return read(text);
    },
    end() {
      if (stopped) return stopped;
      if (!detect(true)) return stopped;
      if (inQuotes && !quoteSeen) return { reason: 'unterminated-quote', line: quoteLine };
      if (field !== '' || fields.length > 0) endRecord();
      return stopped;
    },
  };
}
