import type { Message } from '../../finding.ts';
import type { IndicatorStatus } from '../../validate/types.ts';
import { formatNumber } from '../../text/format.ts';

/** "điểm"/"points" after a number of points, Vietnamese decimal comma: `pointsText(0.95)` → `{vi: '0,95 điểm', en: '0.95 points'}`. */
export function pointsText(points: number): Message {
  return { vi: `${formatNumber(points, 'vi')} điểm`, en: `${formatNumber(points, 'en')} ${points === 1 ? 'point' : 'points'}` };
}

/** Bilingual status words used in details. */
export const STATUS_TEXT: Record<IndicatorStatus, Message> = {
  met: { vi: 'đạt', en: 'met' },
  notMet: { vi: 'chưa đạt', en: 'not met' },
  notApplicable: { vi: 'không áp dụng', en: 'not applicable' },
  missing: { vi: 'thiếu số liệu', en: 'missing' },
  invalid: { vi: 'không hợp lệ', en: 'invalid' },
};

/** The detail given when a component needs evidence and no activity has any. */
export const NO_EVIDENCE: Message = {
  vi: 'Không có hoạt động nào có tài liệu kiểm chứng → 0 điểm',
  en: 'No activity has supporting evidence → 0 points',
};
