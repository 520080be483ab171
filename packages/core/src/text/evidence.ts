import { isValidYmd } from './calendar.ts';

/**
 * Whether a cell's text looks like supporting evidence (tài liệu kiểm chứng) someone can check:
 * - `document`: a document number with its symbol AND a date, as Vietnamese administrative
 *   documents are cited (Decree 30/2020/NĐ-CP): `45/BC-UBND ngày 12/5/2021`,
 *   `Công văn số 12/2021/NĐ-CP ngày 05 tháng 02 năm 2021`, `18-NQ/TW ngày 25/10/2017`;
 *   a number without a date (`Công văn 45/UBND`) is not enough: the same number recurs every year;
 * - `link`: an address `https://…`, `http://…`, `www.…`, or a host with a path
 *   (`hatinhcity.gov.vn/cchc/…`);
 * - `file`: a file name with a document, picture, sound or video extension (`bien-ban.pdf`,
 *   `Ảnh hội nghị 03.jpg`).
 * Anything else — `x`, `có`, `Biên bản`, `Lịch phát sóng` — is null: a finding says so and it
 * does not count as evidence (validate/rules/evidence.ts, score/components/input.ts). Our rule,
 * from what a reviewer must be able to find (issue 14); the examples are in the form's guide.
 */
export type EvidenceKind = 'document' | 'link' | 'file';

/** Examples printed in the form's guide and in findings. */
export const EVIDENCE_EXAMPLES = {
  document: '45/BC-UBND ngày 12/5/2021',
  link: 'https://hatinhcity.gov.vn/cchc',
  file: 'bien-ban-hoi-nghi.pdf',
} as const;

/** Letters of document symbols (ASCII and Đ/đ; symbols are written in capitals, typed in any case). */
const SYMBOL_CHAR = '[A-Za-z\u0110\u0111]';
const SYMBOL_PART = `[A-Za-z0-9\u0110\u0111.&]`;
/** `45/BC-UBND`, `12/2021/NĐ-CP`, `18-NQ/TW`, `100/UBND`, `45/UBND-VP`: a number, then a symbol that starts with a letter. */
const DOCUMENT_NUMBER = new RegExp(`(?:^|[^A-Za-z0-9])\\d{1,6}(?:/\\d{4})?[-/]${SYMBOL_CHAR}${SYMBOL_PART}*(?:[-/]${SYMBOL_PART}+)*`);
/** `12/5/2021`, `12-05-2021`, `12.05.2021`. */
const NUMERIC_DATE = /(?:^|[^0-9])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![0-9])/g;
/** `ngày 12 tháng 5 năm 2021` (any case; NFC input). */
const WORDED_DATE = /ng\u00e0y\s+(\d{1,2})\s+th\u00e1ng\s+(\d{1,2})\s+n\u0103m\s+(\d{4})/gi;
const LINK = /(?:https?:\/\/|www\.)[^\s]+|(?:^|[\s(])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org|gov|edu|info|io)(?:\/[^\s]*)?(?=$|[\s),;])/i;
const FILE = /[^\\/:*?"<>|\s]\.(?:pdf|docx?|odt|rtf|xlsx?|ods|csv|pptx?|odp|jpe?g|png|gif|bmp|tiff?|heic|webp|mp3|m4a|wav|mp4|mov|avi|zip|rar|7z)(?=$|[\s),;])/i;

/** True when the text holds a real calendar date (numeric or worded), years 1945–2099. */
function hasDate(text: string): boolean {
  for (const pattern of [NUMERIC_DATE, WORDED_DATE]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const day = Number(m[1]);
      const month = Number(m[2]);
      const year = Number(m[3]);
      if (year >= 1945 && year <= 2099 && isValidYmd({ year, month, day })) return true;
    }
  }
  return false;
}

/**
 * The kind of evidence a text is (see {@link EvidenceKind}), or null when it does not look like
 * evidence. Blank or null text → null. The text is read as NFC; case does not matter.
 */
export function evidenceKind(text: string | null | undefined): EvidenceKind | null {
  if (text === null || text === undefined) return null;
  const value = text.normalize('NFC').trim();
  if (value === '') return null;
  if (LINK.test(value)) return 'link';
  if (FILE.test(value)) return 'file';
  if (DOCUMENT_NUMBER.test(value) && hasDate(value)) return 'document';
  return null;
}

/** True when the text looks like evidence ({@link evidenceKind} is not null). */
export function looksLikeEvidence(text: string | null | undefined): boolean {
  return evidenceKind(text) !== null;
}
