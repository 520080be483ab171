import { makeFinding, type Finding } from '../finding.ts';
import { fail, ok, type Result } from '../result.ts';
import { detectSeparator, parseCsv } from '../text/csv.ts';
import { parseDateText } from '../text/dates.ts';
import { foldText } from '../text/fold.ts';

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
 * - `received-date-invalid` (error): the date is not a real date in an accepted form; row skipped;
 * - `received-unit-blank` (warning): a date without a unit code; row skipped;
 * - `received-duplicate` (warning): a unit listed again; the earliest date is kept (whatever the
 *   row order), the finding names both lines.
 */
export function parseReceivedCsv(text: string, source?: string): Result<Map<string, string>> {
  const where = source === undefined ? {} : { file: source };
  const body = text.replace(/^\uFEFF/, '');
  const parsed = parseCsv(body, detectSeparator(body));
  if (parsed.unterminatedAt !== null) {
    return fail([
      makeFinding('error', 'received-quote-unterminated', {
        vi: `Dòng ${parsed.unterminatedAt}: dấu ngoặc kép mở mà không đóng; không đọc được sổ theo dõi.`,
        en: `Line ${parsed.unterminatedAt}: a quote is opened and never closed; the register cannot be read.`,
      }, where),
    ]);
  }
  const records = parsed.records;

  let headerIndex = -1;
  let unitCol = -1;
  let dateCol = -1;
  for (let r = 0; r < Math.min(records.length, HEADER_SEARCH_ROWS); r++) {
    const folded = (records[r]?.fields ?? []).map(foldHeader);
    const u = folded.findIndex((h) => UNIT_HEADERS.includes(h));
    const d = folded.findIndex((h) => DATE_HEADERS.includes(h));
    if (u >= 0 && d >= 0) {
      headerIndex = r;
      unitCol = u;
      dateCol = d;
      break;
    }
  }
  if (headerIndex < 0) {
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

  const findings: Finding[] = [];
  const dates = new Map<string, { date: string; line: number }>();
  for (const record of records.slice(headerIndex + 1)) {
    const unit = (record.fields[unitCol] ?? '').trim().normalize('NFC');
    const rawDate = (record.fields[dateCol] ?? '').trim();
    const line = record.line;
    if (rawDate === '') continue;
    if (unit === '') {
      findings.push(
        makeFinding(
          'warning',
          'received-unit-blank',
          { vi: `Dòng ${line}: có ngày nhận "${rawDate}" nhưng thiếu mã đơn vị; bỏ qua dòng này.`, en: `Line ${line}: received date "${rawDate}" without a unit code; row skipped.` },
          { ...where, cell: `${columnLetter(unitCol)}${line}` },
        ),
      );
      continue;
    }
    const parsed = parseDateText(rawDate);
    const date = parsed.ok ? parsed.value : null;
    if (date === null) {
      findings.push(
        makeFinding(
          'error',
          'received-date-invalid',
          {
            vi: `Dòng ${line}: ngày nhận "${rawDate}" của đơn vị ${unit} không hợp lệ (dùng dd/mm/yyyy hoặc yyyy-mm-dd); bỏ qua dòng này.`,
            en: `Line ${line}: received date "${rawDate}" of unit ${unit} is not a valid date (use dd/mm/yyyy or yyyy-mm-dd); row skipped.`,
          },
          { ...where, cell: `${columnLetter(dateCol)}${line}`, unit },
        ),
      );
      continue;
    }
    const previous = dates.get(unit);
    if (previous) {
      const kept = date < previous.date ? { date, line } : previous;
      findings.push(
        makeFinding(
          'warning',
          'received-duplicate',
          {
            vi: `Dòng ${line}: đơn vị ${unit} đã có ở dòng ${previous.line} (${previous.date}); giữ ngày sớm nhất ${kept.date}.`,
            en: `Line ${line}: unit ${unit} is already listed on line ${previous.line} (${previous.date}); the earliest date ${kept.date} is kept.`,
          },
          { ...where, cell: `${columnLetter(unitCol)}${line}`, unit },
        ),
      );
      dates.set(unit, kept);
      continue;
    }
    dates.set(unit, { date, line });
  }
  return ok(new Map([...dates].map(([unit, v]) => [unit, v.date])), findings);
}
