import { makeFinding, type Finding, type Message } from '../finding.ts';
import { fail, ok, type Result } from '../result.ts';
import { createCsvReader, type CsvRecord, type CsvStop } from '../text/csv-reader.ts';
import { parseDateText } from '../text/dates.ts';
import { foldText } from '../text/fold.ts';
import { DEFAULT_RECEIVED_LIMITS, RECEIVED_MAX_CELL_CHARS, RECEIVED_MAX_COLUMNS, type ReceivedLimits } from './limits.ts';
import { clip, RepeatedProblem } from './problems.ts';

/**
 * The received-date register (sổ theo dõi nhận báo cáo): the date the city office received each
 * unit's report, kept by the officer and saved as CSV. Its dates decide timeliness before the
 * date a unit typed on its own form (BRIEF §5: "timeliness = submitted on or before the deadline").
 */

/** Header names accepted for the two columns, after folding (lower case, no diacritics, "_" between words). */
const UNIT_HEADERS = ['unit_code', 'ma_don_vi', 'ma_dv'];
const DATE_HEADERS = ['received_on', 'ngay_nhan'];
/** How many leading records may be title rows before the header. */
const HEADER_SEARCH_ROWS = 10;

/** Folds a header: "Mã đơn vị" → "ma_don_vi", "Ngày nhận" → "ngay_nhan", "unit_code" → "unit_code" (`foldText`, then "_" between words). */
export function foldHeader(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Excel column letters of a 0-based index (0 → A, 26 → AA). */
function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Reads a received-date register pushed in pieces (a file read chunk by chunk); see {@link parseReceivedCsv}. */
export interface ReceivedReader {
  /** Reads more text; false once reading has stopped (a limit was passed: `end` says which). */
  push(text: string): boolean;
  /** Ends the input and gives the register, or the findings that refused it. */
  end(): Result<Map<string, string>>;
}

/** What the register is read against. */
export interface ReceivedContext {
  /**
   * The unit codes of the registry. When given, rows of other codes are not kept: they give one
   * `received-unknown-unit` warning (the count and the first five rows) and nothing else.
   */
  units?: ReadonlySet<string>;
}

/**
 * Creates a reader of a received-date register in CSV, fed piece by piece: the rules and
 * findings of {@link parseReceivedCsv}. Memory holds one piece, one row and the dates of the
 * units kept (with `context.units`, only the registry's).
 * @param source the file name, copied to every finding's `file`.
 * @param limits `maxChars` and `maxRows` (defaults `DEFAULT_RECEIVED_LIMITS`: 10 MiB, 100,000).
 */
export function createReceivedReader(source?: string, limits: Partial<ReceivedLimits> = {}, context: ReceivedContext = {}): ReceivedReader {
  const where = source === undefined ? {} : { file: source };
  const maxChars = limits.maxChars ?? DEFAULT_RECEIVED_LIMITS.maxChars;
  const maxRows = limits.maxRows ?? DEFAULT_RECEIVED_LIMITS.maxRows;
  const refusal = (code: string, message: Message): Result<Map<string, string>> => fail([makeFinding('error', code, message, where)]);
  let refused: Result<Map<string, string>> | null = null;
  let chars = 0;
  let rows = 0;
  let first = true;

  /** Rows read before the header (title rows); the header must come within {@link HEADER_SEARCH_ROWS}. */
  let leading = 0;
  let unitCol = -1;
  let dateCol = -1;
  const dates = new Map<string, { date: string; line: number }>();
  const invalidDates = new RepeatedProblem('error', 'received-date-invalid', (n) => ({
    vi: `Sổ theo dõi có ${n} dòng ngày nhận không hợp lệ (dùng dd/mm/yyyy hoặc yyyy-mm-dd); bỏ qua các dòng này`,
    en: `The register has ${n} rows whose received date is not a valid date (use dd/mm/yyyy or yyyy-mm-dd); rows skipped`,
  }));
  const blankUnits = new RepeatedProblem('warning', 'received-unit-blank', (n) => ({
    vi: `Sổ theo dõi có ${n} dòng có ngày nhận nhưng thiếu mã đơn vị; bỏ qua các dòng này`,
    en: `The register has ${n} rows with a received date but no unit code; rows skipped`,
  }));
  const unknownUnits = new RepeatedProblem('warning', 'received-unknown-unit', (n) => ({
    vi: `Sổ theo dõi nhận báo cáo có ${n} dòng ghi mã đơn vị không có trong danh mục đơn vị; bỏ qua các dòng này`,
    en: `The received-date register has ${n} rows naming unit codes that are not in the unit registry; rows skipped`,
  }));
  const duplicates = new RepeatedProblem('warning', 'received-duplicate', (n) => ({
    vi: `Sổ theo dõi ghi lại ${n} lần đơn vị đã có ở dòng trước; giữ ngày sớm nhất của mỗi đơn vị`,
    en: `The register lists ${n} times a unit already listed above; the earliest date of each unit is kept`,
  }));

  /** True when the record is the header row; then the two columns are known. */
  const findHeader = (record: CsvRecord): boolean => {
    const folded = record.fields.map(foldHeader);
    const u = folded.findIndex((h) => UNIT_HEADERS.includes(h));
    const d = folded.findIndex((h) => DATE_HEADERS.includes(h));
    if (u < 0 || d < 0) return false;
    unitCol = u;
    dateCol = d;
    return true;
  };

  const dataRow = (record: CsvRecord): void => {
    const unit = (record.fields[unitCol] ?? '').trim().normalize('NFC');
    const rawDate = (record.fields[dateCol] ?? '').trim();
    const line = record.line;
    if (rawDate === '') return;
    const shownDate = clip(rawDate);
    if (unit === '') {
      blankUnits.add(() => ({
        finding: makeFinding(
          'warning',
          'received-unit-blank',
          { vi: `Dòng ${line}: có ngày nhận "${shownDate}" nhưng thiếu mã đơn vị; bỏ qua dòng này.`, en: `Line ${line}: received date "${shownDate}" without a unit code; row skipped.` },
          { ...where, cell: `${columnLetter(unitCol)}${line}` },
        ),
        listed: { vi: `dòng ${line} ("${shownDate}")`, en: `line ${line} ("${shownDate}")` },
      }));
      return;
    }
    const shownUnit = clip(unit);
    if (context.units !== undefined && !context.units.has(unit)) {
      unknownUnits.add(() => ({
        finding: makeFinding(
          'warning',
          'received-unknown-unit',
          {
            vi: `Dòng ${line}: sổ theo dõi nhận báo cáo có mã đơn vị "${shownUnit}" không có trong danh mục đơn vị; bỏ qua dòng này.`,
            en: `Line ${line}: the received-date register names unit code "${shownUnit}", which is not in the unit registry; row skipped.`,
          },
          { ...where, cell: `${columnLetter(unitCol)}${line}` },
        ),
        listed: { vi: `dòng ${line} ("${shownUnit}")`, en: `line ${line} ("${shownUnit}")` },
      }));
      return;
    }
    const parsed = parseDateText(rawDate);
    const date = parsed.ok ? parsed.value : null;
    if (date === null) {
      invalidDates.add(() => ({
        finding: makeFinding(
          'error',
          'received-date-invalid',
          {
            vi: `Dòng ${line}: ngày nhận "${shownDate}" của đơn vị ${shownUnit} không hợp lệ (dùng dd/mm/yyyy hoặc yyyy-mm-dd); bỏ qua dòng này.`,
            en: `Line ${line}: received date "${shownDate}" of unit ${shownUnit} is not a valid date (use dd/mm/yyyy or yyyy-mm-dd); row skipped.`,
          },
          { ...where, cell: `${columnLetter(dateCol)}${line}`, unit },
        ),
        listed: { vi: `dòng ${line} (đơn vị ${shownUnit}: "${shownDate}")`, en: `line ${line} (unit ${shownUnit}: "${shownDate}")` },
      }));
      return;
    }
    const previous = dates.get(unit);
    if (previous) {
      const kept = date < previous.date ? { date, line } : previous;
      duplicates.add(() => ({
        finding: makeFinding(
          'warning',
          'received-duplicate',
          {
            vi: `Dòng ${line}: đơn vị ${shownUnit} đã có ở dòng ${previous.line} (${previous.date}); giữ ngày sớm nhất ${kept.date}.`,
            en: `Line ${line}: unit ${shownUnit} is already listed on line ${previous.line} (${previous.date}); the earliest date ${kept.date} is kept.`,
          },
          { ...where, cell: `${columnLetter(unitCol)}${line}`, unit },
        ),
        listed: { vi: `dòng ${line} (đơn vị ${shownUnit}, đã có ở dòng ${previous.line})`, en: `line ${line} (unit ${shownUnit}, already on line ${previous.line})` },
      }));
      dates.set(unit, kept);
      return;
    }
    dates.set(unit, { date, line });
  };

  const onRecord = (record: CsvRecord): boolean => {
    rows += 1;
    if (rows > maxRows) {
      refused = refusal('received-too-many-rows', {
        vi: `Sổ theo dõi nhận báo cáo có hơn ${maxRows} dòng, vượt giới hạn (--max-received-rows); không đọc sổ này.`,
        en: `The received-date register has more than ${maxRows} rows, over the limit (--max-received-rows); it is not read.`,
      });
      return false;
    }
    if (unitCol >= 0) dataRow(record);
    else if (!findHeader(record) && ++leading >= HEADER_SEARCH_ROWS) {
      refused = headerMissing(where);
      return false;
    }
    return true;
  };
  const csv = createCsvReader(onRecord, { maxFieldChars: RECEIVED_MAX_CELL_CHARS, maxFields: RECEIVED_MAX_COLUMNS });

  const stopped = (stop: CsvStop): Result<Map<string, string>> => {
    switch (stop.reason) {
      case 'unterminated-quote':
        return refusal('received-quote-unterminated', {
          vi: `Dòng ${stop.line}: dấu ngoặc kép mở mà không đóng; không đọc được sổ theo dõi.`,
          en: `Line ${stop.line}: a quote is opened and never closed; the register cannot be read.`,
        });
      case 'field-too-long':
        return refusal('received-cell-too-long', {
          vi: `Dòng ${stop.line}: một ô dài hơn ${RECEIVED_MAX_CELL_CHARS} ký tự${stop.quoted ? ' (có lẽ dấu ngoặc kép mở ở đây không được đóng)' : ''}; không đọc được sổ theo dõi.`,
          en: `Line ${stop.line}: a cell is longer than ${RECEIVED_MAX_CELL_CHARS} characters${stop.quoted ? ' (probably a quote opened here is never closed)' : ''}; the register cannot be read.`,
        });
      case 'too-many-fields':
        return refusal('received-too-many-columns', {
          vi: `Dòng ${stop.line}: có hơn ${RECEIVED_MAX_COLUMNS} cột; không đọc được sổ theo dõi.`,
          en: `Line ${stop.line}: more than ${RECEIVED_MAX_COLUMNS} columns; the register cannot be read.`,
        });
      case 'consumer':
        return refused ?? headerMissing(where);
    }
  };

  let result: Result<Map<string, string>> | null = null;
  /** The CSV reader stopped (a limit, or this reader refused): later pieces are not read. */
  let halted = false;
  return {
    push(piece) {
      if (halted || result !== null || refused !== null) return false;
      const text = first && piece.charCodeAt(0) === 0xfeff ? piece.slice(1) : piece;
      if (piece.length > 0) first = false;
      chars += text.length;
      if (chars > maxChars) {
        refused = refusal('received-too-large', {
          vi: `Sổ theo dõi nhận báo cáo dài hơn ${maxChars} ký tự, vượt giới hạn (--max-received-size); không đọc sổ này.`,
          en: `The received-date register is longer than ${maxChars} characters, over the limit (--max-received-size); it is not read.`,
        });
        return false;
      }
      halted = !csv.push(text);
      return !halted;
    },
    end() {
      if (result !== null) return result;
      const stop = refused === null ? csv.end() : ({ reason: 'consumer' } as const);
      if (stop !== null) result = stopped(stop);
      else if (unitCol < 0) result = headerMissing(where);
      else {
        const findings = [...invalidDates.findings(where), ...blankUnits.findings(where), ...unknownUnits.findings(where), ...duplicates.findings(where)];
        result = ok(new Map([...dates].map(([unit, v]) => [unit, v.date])), findings);
      }
      return result;
    },
  };
}

function headerMissing(where: { file?: string }): Result<Map<string, string>> {
  return fail([
    makeFinding(
      'error',
      'received-header-missing',
      {
        vi: 'Sổ theo dõi nhận báo cáo không có dòng tiêu đề với hai cột "ma_don_vi" và "ngay_nhan" (hoặc "unit_code" và "received_on").',
        en: 'The received-date register has no header row with the columns "unit_code" and "received_on" (or "ma_don_vi" and "ngay_nhan").',
      },
      where,
    ),
  ]);
}

/**
 * Parses a received-date register in CSV: a header row with `unit_code,received_on` (or the
 * Vietnamese `ma_don_vi,ngay_nhan`, diacritics and case ignored, e.g. "Mã đơn vị;Ngày nhận"),
 * other columns ignored, up to 10 title rows above it; delimiter `,`, `;` or tab; a UTF-8 BOM is
 * dropped. Dates as `parseDateText` (text/dates.ts) reads them: ISO `yyyy-mm-dd`, day-first
 * `dd/mm/yyyy` (also `-` or `.`), `ngày 20 tháng 4 năm 2021`; never month-first.
 *
 * Returns unit code → ISO date. A row with a blank date is a unit not yet received (skipped, no
 * finding); a wholly blank row is skipped. Findings name the line (1-based, as Excel shows the
 * row when the CSV is opened) and the cell (`B7`); `file` is `source` when given:
 * - `received-header-missing` (error, no value): no header row with both columns;
 * - `received-quote-unterminated` (error, no value): a quote opened and never closed;
 * - `received-too-large`, `received-too-many-rows` (errors, no value): over `limits.maxChars`
 *   characters or `limits.maxRows` records (defaults 10 MiB and 100,000): refused as soon as
 *   that is known, whatever follows;
 * - `received-cell-too-long` (error, no value): a cell over 4,096 characters (typically a quote
 *   never closed: found after 4 KB, not at the end of the file); `received-too-many-columns`
 *   (error, no value): a row over 1,024 columns;
 * - `received-date-invalid` (error): the date is not a real date in an accepted form; row skipped;
 * - `received-unit-blank` (warning): a date without a unit code; row skipped;
 * - `received-unknown-unit` (warning, only with `context.units`): a code not in the registry;
 *   row skipped (without `context.units` every code is kept, and the consolidator says so);
 * - `received-duplicate` (warning): a unit listed again; the earliest date is kept (whatever the
 *   row order), the finding names both lines.
 * The last four are each one finding: the row's own when one row has the problem, else one
 * finding with the count and the first five rows (at the first one's cell, without a unit).
 * Values quoted in messages are cut to 40 characters.
 */
export function parseReceivedCsv(text: string, source?: string, limits: Partial<ReceivedLimits> = {}, context: ReceivedContext = {}): Result<Map<string, string>> {
  const reader = createReceivedReader(source, limits, context);
  reader.push(text);
  return reader.end();
}
