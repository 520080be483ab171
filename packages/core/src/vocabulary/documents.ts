import type { Plan } from '../plan/schema.ts';
import type { Period } from '../period/types.ts';
import { periodName } from './periods.ts';

/**
 * The words of the Word documents (Decree 30/2020/NĐ-CP, Appendix I): document type, the outline
 * of a report, annexes, recipients, the draft mark.
 */

/** The document type of a report. */
export const REPORT_TYPE = 'BÁO CÁO';

/** Marks a draft for signature, above the heading. */
export const DRAFT_MARK = 'DỰ THẢO';

/** The recipients' heading, bottom left. */
export const RECIPIENTS_HEADING = 'Nơi nhận:';

/** The four parts of a report, in the usual outline (I., II., III., IV.). */
export const REPORT_SECTIONS = {
  results: 'I. KẾT QUẢ THỰC HIỆN',
  limitations: 'II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN',
  nextTasks: 'III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI',
  proposals: 'IV. ĐỀ XUẤT, KIẾN NGHỊ',
} as const;

/** Titles of the city report's annexes, in order. */
export const ANNEX_TITLES = {
  targets: 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CỦA THÀNH PHỐ',
  unitTargets: 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CỦA TỪNG ĐƠN VỊ',
  ranking: 'ĐIỂM, XẾP HẠNG VÀ XẾP LOẠI CÁC ĐƠN VỊ',
  submission: 'TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ',
  activities: 'HOẠT ĐỘNG TUYÊN TRUYỀN THEO NỘI DUNG VÀ HÌNH THỨC',
  unitTargetsOwn: 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU',
  unitActivities: 'HOẠT ĐỘNG TUYÊN TRUYỀN ĐÃ THỰC HIỆN',
} as const;

const ROMAN: ReadonlyArray<[number, string]> = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** A positive integer in Roman numerals: 4 → `IV`, 12 → `XII`. @throws RangeError below 1. */
export function romanNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`romanNumeral: ${n}`);
  let rest = n;
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/**
 * The name of annex `index` (1-based) of `count`: `Phụ lục` alone when there is one, `Phụ lục I`,
 * `Phụ lục II`… when there are two or more (Decree 30/2020/NĐ-CP, Appendix I).
 */
export function annexName(index: number, count: number): string {
  return count <= 1 ? 'Phụ lục' : `Phụ lục ${romanNumeral(index)}`;
}

/** The summary line under `BÁO CÁO`: `Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính thành phố Hà Tĩnh 6 tháng đầu năm 2021`. */
export function reportSummaryLine(plan: Pick<Plan, 'title'>, period: Pick<Period, 'kind' | 'year' | 'index'>): string {
  const title = plan.title.vi.normalize('NFC').trim().replace(/\s+năm\s+\d{4}$/i, '');
  return `Kết quả thực hiện ${title} ${periodName(period, { inSentence: true })}`.normalize('NFC');
}

/**
 * The line under an annex's title naming the document it goes with: `(Kèm theo Báo cáo số
 * 07/BC-UBND ngày 05/01/2021 của Ủy ban nhân dân thành phố Hà Tĩnh)`; blanks left for the clerk
 * when the number is not given.
 */
export function annexOf(numberAndSymbol: string, dateText: string, issuer: string): string {
  return `(Kèm theo Báo cáo số ${numberAndSymbol} ${dateText} của ${issuer})`.normalize('NFC');
}
