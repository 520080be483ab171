import type { Plan } from '../plan/schema.ts';
import type { Period } from '../period/types.ts';
import { formatDate } from './dates.ts';

/**
 * Periods and the plan document in Vietnamese. A period has one name, written with a capital
 * where it starts a title or follows a colon (`Kỳ báo cáo: Quý I năm 2021`) and in lower case
 * inside a sentence (`kết quả quý I năm 2021`).
 */

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/**
 * A period's name: `Quý I năm 2021`, `6 tháng đầu năm 2021`, `6 tháng cuối năm 2021`,
 * `Năm 2021`; with `inSentence`, `quý I năm 2021`, `năm 2021`.
 */
export function periodName(period: Pick<Period, 'kind' | 'year' | 'index'>, options: { inSentence?: boolean } = {}): string {
  const lower = options.inSentence === true;
  if (period.kind === 'quarter') return `${lower ? 'quý' : 'Quý'} ${ROMAN[(period.index ?? 1) - 1] ?? period.index} năm ${period.year}`;
  if (period.kind === 'half') return `6 tháng ${period.index === 2 ? 'cuối' : 'đầu'} năm ${period.year}`;
  return `${lower ? 'năm' : 'Năm'} ${period.year}`;
}

/** `Kỳ báo cáo: 6 tháng đầu năm 2021 (2021-H1)`. */
export function periodLine(period: Pick<Period, 'kind' | 'year' | 'index' | 'code'>): string {
  return `Kỳ báo cáo: ${periodName(period)} (${period.code})`;
}

/**
 * The cut-off window (Decree 09/2019/NĐ-CP art. 12): `Số liệu tính từ ngày 15/12/2020 đến ngày
 * 14/06/2021`; with `inSentence`, starting `số liệu …`.
 */
export function cutoffText(period: Pick<Period, 'cutoffStart' | 'cutoffEnd'>, options: { inSentence?: boolean } = {}): string {
  return `${options.inSentence ? 's' : 'S'}ố liệu tính từ ngày ${formatDate(period.cutoffStart)} đến ngày ${formatDate(period.cutoffEnd)}`;
}

/** The submission deadline in running text: `hạn gửi báo cáo 20/06/2021`. */
export function deadlineText(period: Pick<Period, 'deadline'>): string {
  return `hạn gửi báo cáo ${formatDate(period.deadline)}`;
}

/** The plan document cited: `Kế hoạch số 163/KH-UBND ngày 28/12/2020`. */
export function planDocumentText(document: Pick<Plan['document'], 'number' | 'date'>): string {
  return `Kế hoạch số ${document.number} ngày ${formatDate(document.date)}`;
}

/** The plan document with its issuer: `Kế hoạch số 163/KH-UBND ngày 28/12/2020 của UBND thành phố Hà Tĩnh`. */
export function planCitation(document: Plan['document']): string {
  return document.issuer.trim() === '' ? planDocumentText(document) : `${planDocumentText(document)} của ${document.issuer}`;
}
