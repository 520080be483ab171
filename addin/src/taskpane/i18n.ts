/**
 * The task pane's words: Vietnamese (NFC) first, English behind the switch. Workbook content the
 * add-in writes stays Vietnamese (official documents); only the pane changes language.
 */
import { NO_FINDINGS, OPEN_WORKBOOK, SEVERITY_WORDS, type Message, type Severity } from '@cchc-kpi/core';

export type Lang = 'vi' | 'en';

const vi = {
  title: 'Báo cáo tuyên truyền CCHC',
  subtitle: 'Kế hoạch 163/KH-UBND – thành phố Hà Tĩnh',
  switchTo: 'English',
  switchLabel: 'Chuyển giao diện sang tiếng Anh',
  templateHeading: '1. Biểu mẫu báo cáo',
  templateHint: `Chèn biểu mẫu của một đơn vị, một kỳ báo cáo vào ${OPEN_WORKBOOK}.`,
  unit: 'Đơn vị',
  period: 'Kỳ báo cáo',
  replace: 'Thay thế các trang đã có',
  insert: 'Chèn biểu mẫu',
  checkHeading: '2. Kiểm tra và chấm điểm',
  checkHint: `Kiểm tra báo cáo trong ${OPEN_WORKBOOK}; bấm vào một lỗi, cảnh báo để chọn ô.`,
  check: 'Kiểm tra báo cáo',
  score: 'Chấm điểm',
  clear: 'Xóa tô màu',
  consolidateHeading: '3. Tổng hợp',
  consolidateHint: `Chọn các tệp báo cáo (.xlsx) đơn vị gửi; bảng tổng hợp được ghi vào ${OPEN_WORKBOOK}.`,
  files: 'Tệp báo cáo',
  received: 'Sổ theo dõi nhận báo cáo (CSV, không bắt buộc)',
  consolidate: 'Tổng hợp',
  noFiles: 'Chưa chọn tệp báo cáo nào.',
  pickFiles: 'Chọn tệp…',
  pickFile: 'Chọn tệp…',
  noFilePicked: 'Chưa chọn tệp',
  filesPicked: 'tệp',
  working: 'Đang xử lý…',
  inserting: 'Đang chèn biểu mẫu…',
  checking: 'Đang đọc và kiểm tra báo cáo…',
  scoring: 'Đang chấm điểm…',
  clearing: 'Đang xóa tô màu…',
  noFindings: `${NO_FINDINGS} Báo cáo hợp lệ.`,
  notInExcel: 'Hãy mở tiện ích này trong Excel: Microsoft 365, Office 2021/2024 hoặc Excel trên web. Excel 2016/2019 chỉ chạy được tiện ích khi hiển thị nó bằng Microsoft Edge; bản cài theo giấy phép số lượng lớn dùng Internet Explorer 11 và không chạy được — khi đó hãy dùng công cụ dòng lệnh cchc.',
  notExcelHost: 'Tiện ích này chỉ chạy trong Excel.',
  severityError: SEVERITY_WORDS.error,
  severityWarning: SEVERITY_WORDS.warning,
  severityNotice: SEVERITY_WORDS.notice,
  selectCell: 'Chọn ô',
} as const;

type Key = keyof typeof vi;

const en: Record<Key, string> = {
  title: 'CCHC communication report',
  subtitle: 'Plan 163/KH-UBND – Hà Tĩnh city',
  switchTo: 'Tiếng Việt',
  switchLabel: 'Switch the pane to Vietnamese',
  templateHeading: '1. Report template',
  templateHint: "Insert one unit's template for one period into the open workbook.",
  unit: 'Unit',
  period: 'Period',
  replace: 'Replace existing sheets',
  insert: 'Insert template',
  checkHeading: '2. Check and score',
  checkHint: 'Check the report in the open workbook; click a finding to select its cell.',
  check: 'Check report',
  score: 'Score',
  clear: 'Clear highlights',
  consolidateHeading: '3. Consolidate',
  consolidateHint: 'Pick the report files (.xlsx) units sent; the consolidated sheets are written into the open workbook.',
  files: 'Report files',
  received: 'Received-date register (CSV, optional)',
  consolidate: 'Consolidate',
  noFiles: 'No report file picked.',
  pickFiles: 'Choose files…',
  pickFile: 'Choose a file…',
  noFilePicked: 'No file chosen',
  filesPicked: 'file(s)',
  working: 'Working…',
  inserting: 'Inserting the template…',
  checking: 'Reading and checking the report…',
  scoring: 'Scoring…',
  clearing: 'Clearing highlights…',
  noFindings: 'No findings. The report is valid.',
  notInExcel: 'Open this add-in in Excel: Microsoft 365, Office 2021/2024 or Excel on the web. Excel 2016/2019 runs it only where it shows add-ins in Microsoft Edge; volume-licence installs use Internet Explorer 11 and cannot — use the cchc command-line tool there.',
  notExcelHost: 'This add-in runs in Excel only.',
  severityError: 'Error',
  severityWarning: 'Warning',
  severityNotice: 'Notice',
  selectCell: 'Select cell',
};

const TEXT: Record<Lang, Record<Key, string>> = { vi, en };

/** A fixed text in the pane's language. */
export function t(lang: Lang, key: Key): string {
  return TEXT[lang][key];
}

/** The language's half of a bilingual message. */
export function pick(message: Message, lang: Lang): string {
  return lang === 'vi' ? message.vi.normalize('NFC') : message.en;
}

/** A severity as shown in the list. */
export function severityLabel(lang: Lang, severity: Severity): string {
  return t(lang, severity === 'error' ? 'severityError' : severity === 'warning' ? 'severityWarning' : 'severityNotice');
}

/** A number as the language writes it: `45,5` in Vietnamese, `45.5` in English (2 decimals at most). */
export function formatNumber(lang: Lang, value: number): string {
  const text = String(Math.round(value * 100) / 100);
  return lang === 'vi' ? text.replace('.', ',') : text;
}

/** Labels of the features an older Excel could not write. */
const FEATURE: Record<string, Message> = {
  names: { vi: 'tên vùng', en: 'defined names' },
  validation: { vi: 'danh sách thả xuống và ràng buộc dữ liệu', en: 'drop-downs and data validation' },
  merges: { vi: 'gộp ô', en: 'merged cells' },
  widths: { vi: 'độ rộng cột', en: 'column widths' },
  hidden: { vi: 'ẩn trang danh mục', en: 'hidden list sheets' },
  protection: { vi: 'khóa ô và trang tính', en: 'cell locking and sheet protection' },
  freeze: { vi: 'cố định dòng tiêu đề', en: 'frozen header rows' },
  heights: { vi: 'chiều cao dòng', en: 'row heights' },
  pageLayout: { vi: 'thiết lập trang in (khổ A4, tỷ lệ, dòng tiêu đề lặp lại, ngắt trang)', en: 'page layout (A4, scale, repeated header rows, page breaks)' },
};

/** "Excel API 1.1 lacks: …" after a write, or '' when nothing was left out. */
export function skippedText(lang: Lang, apiVersion: string, skipped: string[]): string {
  if (skipped.length === 0) return '';
  const list = skipped.map((k) => (FEATURE[k] ? pick(FEATURE[k], lang) : k)).join(', ');
  return lang === 'vi'
    ? `Excel này (API ${apiVersion}) chưa hỗ trợ: ${list}. Biểu mẫu vẫn kiểm tra, chấm điểm được (đọc theo vị trí ô).`
    : `This Excel (API ${apiVersion}) lacks: ${list}. The template can still be checked and scored (read by cell position).`;
}

/** What the running Excel supports, for the pane's footer. */
export function capabilityText(lang: Lang, apiVersion: string, conditionalFormats: boolean): string {
  const how = conditionalFormats
    ? { vi: 'ô có vấn đề được đánh dấu bằng định dạng có điều kiện', en: 'problem cells marked with conditional formats' }
    : { vi: 'ô có vấn đề được tô màu nền', en: 'problem cells marked with a fill colour' };
  return lang === 'vi' ? `Excel API ${apiVersion} – ${how.vi}.` : `Excel API ${apiVersion} – ${how.en}.`;
}
