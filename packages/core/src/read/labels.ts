/**
 * Bilingual labels of the template's cells, and the "Ô F12 (CT3a, tử số)" / "Cell F12 (CT3a
 * numerator)" subject that opens every finding about a cell. Shared by read/ and validate/.
 */
import type { Message } from '../finding.ts';
import type { ActivityColumn, HEADER_NAMES, IndicatorField } from '../template/names.ts';

/** What each per-indicator cell holds. */
export const FIELD_LABELS: Record<IndicatorField, Message> = {
  numerator: { vi: 'tử số', en: 'numerator' },
  denominator: { vi: 'mẫu số', en: 'denominator' },
  value: { vi: 'giá trị', en: 'value' },
  percent: { vi: 'tỷ lệ', en: 'percentage' },
  note: { vi: 'ghi chú', en: 'note' },
  evidence: { vi: 'tài liệu kiểm chứng', en: 'evidence' },
};

/** What each header cell holds. */
export const HEADER_LABELS: Record<keyof typeof HEADER_NAMES, Message> = {
  unitCode: { vi: 'mã đơn vị', en: 'unit code' },
  periodCode: { vi: 'kỳ báo cáo', en: 'reporting period' },
  submittedOn: { vi: 'ngày báo cáo', en: 'report date' },
  planId: { vi: 'mã kế hoạch', en: 'plan id' },
  templateVersion: { vi: 'phiên bản biểu mẫu', en: 'template version' },
};

/** What each column of the activities table holds. */
export const ACTIVITY_LABELS: Record<ActivityColumn, Message> = {
  order: { vi: 'STT', en: 'No.' },
  date: { vi: 'ngày', en: 'date' },
  theme: { vi: 'nội dung', en: 'theme' },
  theme2: { vi: 'nội dung thứ hai', en: 'second theme' },
  form: { vi: 'hình thức', en: 'form' },
  title: { vi: 'tên hoạt động', en: 'title' },
  quantity: { vi: 'số lượng', en: 'quantity' },
  participants: { vi: 'số người tham gia', en: 'participants' },
  evidence: { vi: 'tài liệu kiểm chứng', en: 'evidence' },
};

/** `CT3a, tử số` / `CT3a numerator`: an indicator's field. */
export function indicatorFieldLabel(code: string, field: IndicatorField): Message {
  return { vi: `${code}, ${FIELD_LABELS[field].vi}`, en: `${code} ${FIELD_LABELS[field].en}` };
}

/** `hoạt động dòng 8, ngày` / `activity row 8 date`: a cell of the activities table. */
export function activityFieldLabel(row: number, column: ActivityColumn): Message {
  return { vi: `hoạt động dòng ${row}, ${ACTIVITY_LABELS[column].vi}`, en: `activity row ${row} ${ACTIVITY_LABELS[column].en}` };
}

/**
 * The subject a finding message starts with: `Ô F12 (CT3a, tử số)` / `Cell F12 (CT3a numerator)`;
 * without a cell, `CT3a, tử số` / `CT3a numerator`.
 */
export function cellSubject(cell: string | undefined, what: Message): Message {
  return cell === undefined ? { ...what } : { vi: `Ô ${cell} (${what.vi})`, en: `Cell ${cell} (${what.en})` };
}

/** A cell's raw content for a message, normalised and cut to 60 characters: `abc`, `#DIV/0!`, `1.234`. */
export function rawForMessage(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value).normalize('NFC').replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
