import type { Severity } from '../finding.ts';
import type { IndicatorStatus } from '../validate/types.ts';

/**
 * The words officers read for statuses, severities and a unit's submission, in one place: the
 * workbooks, the add-in, the HTML report and the CSV tables take them from here. Every text is
 * NFC. Sending a report is always *gửi* (Decree 09/2019/NĐ-CP speaks of *thời hạn gửi báo cáo*),
 * never *nộp*.
 */

/** An indicator's status as shown to officers. */
export const STATUS_WORDS: Readonly<Record<IndicatorStatus, string>> = {
  met: 'Đạt',
  notMet: 'Chưa đạt',
  missing: 'Thiếu số liệu',
  invalid: 'Không hợp lệ',
  notApplicable: 'Không áp dụng',
};

/** A finding's severity as shown to officers (table cells, capitalised). */
export const SEVERITY_WORDS: Readonly<Record<Severity, string>> = { error: 'Lỗi', warning: 'Cảnh báo', notice: 'Lưu ý' };

/** Said of a city result no unit gave a figure for. */
export const NO_DATA = 'Chưa có số liệu';

/** Said of an expected unit whose report did not arrive (a status of its own in tables). */
export const NOT_SENT = 'Chưa gửi';

/** A unit's submission status (core's `SubmissionStatus`) in tables: nothing arrived, a file came that could not be read, a report was read. */
export const SUBMISSION_STATUS_WORDS = { missing: NOT_SENT, unreadable: 'Đã gửi, không đọc được', received: 'Đã nhận' } as const;

/** The yes and no of tables (submitted, on time); the same words as the template's drop-down. */
export const YES = 'Có';
export const NO = 'Không';

/** Shown where a yes/no cannot be decided (on time without a date). */
export const UNKNOWN_MARK = '—';

/** What the add-in works on: the workbook open in Excel. */
export const OPEN_WORKBOOK = 'tệp Excel đang mở';

/** Reading speed unit in progress lines: `12,5 tệp/giây`. */
export const FILES_PER_SECOND = 'tệp/giây';

/** The senders of the reports consolidated, as the cover's opening sentence names them. */
export const REPORTING_BODIES = 'các cơ quan, đơn vị và UBND các phường, xã';

/** A whole-number percentage in running text: `14%` (no space, as Vietnamese typesetting writes it). */
export function percentText(percent: number): string {
  return `${percent}%`;
}
