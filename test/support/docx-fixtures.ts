/** A small consolidation of the built-in plan, made in code: three wards report, one with narrative. */
import {
  checkReport,
  consolidate,
  hatinh2021,
  hatinhCity2020,
  parsePeriod,
  type Activity,
  type CheckedReport,
  type Consolidation,
  type IndicatorValue,
  type Narrative,
  type Period,
  type UnitReport,
} from '@cchc-kpi/core';

export const plan = hatinh2021;
export const units = hatinhCity2020.units;

export const period: Period = (() => {
  const parsed = parsePeriod('2021-H1');
  if (!parsed.ok) throw new Error('period');
  return parsed.value;
})();

const pair = (numerator: number, denominator: number): IndicatorValue => ({ numerator, denominator, value: null, typedPercent: null, note: null, evidence: null, source: {} });
const value = (v: number | boolean, evidence: string | null = null): IndicatorValue => ({ numerator: null, denominator: null, value: v, typedPercent: null, note: null, evidence, source: {} });
const activity = (form: string, theme: string, quantity: number, participants: number | null): Activity => ({
  date: '2021-03-01',
  themes: [theme],
  form,
  title: 'Hoạt động tuyên truyền',
  quantity,
  participants,
  evidence: 'Văn bản số 1/UBND',
  source: { sheet: 'Hoạt động', cell: 'A4' },
});

/** A ward's report: `k` varies the figures. */
export function wardReport(code: string, k: number, narrative?: Narrative): CheckedReport {
  const report: UnitReport = {
    unitCode: code,
    periodCode: period.code,
    submittedOn: '2021-06-1' + String(5 + k),
    planId: plan.id,
    templateVersion: '1',
    indicators: new Map<string, IndicatorValue>([
      ['CT1', pair(1, 1)],
      ['CT2b', pair(k === 1 ? 0 : 1, 1)],
      ['CT3a', pair(1200 + 100 * k - k, 1200 + 100 * k)],
      ['CT3b', pair(1, 1)],
      ['CT4a', pair(110, 110)],
      ['CT4b', pair(0, 0)],
      ['CT5a', value(2 + k)],
      ['CT5b', value(true, 'Báo cáo số 12/BC-UBND')],
    ]),
    activities: [activity('HT1.2', 'ND3.6', 12, null), activity('HT3', 'ND1', 1, 60 + k)],
    file: `${code}-2021-H1.xlsx`,
    source: {},
    ...(narrative ? { narrative } : {}),
  };
  return checkReport(report, { plan, units, period, file: report.file });
}

/** Narrative typed on Trần Phú's form: Vietnamese, several lines, NFD as some keyboards give it. */
export const TRAN_PHU_NARRATIVE: Narrative = {
  highlights: 'Duy trì chuyên mục CCHC trên đài truyền thanh phường hằng tuần.\nHướng dẫn 85 lượt người dân nộp hồ sơ trực tuyến mức độ 3, 4.',
  limitations: 'Trạm truyền thanh tổ dân phố 5 hỏng loa từ tháng 4.'.normalize('NFD'),
  causes: 'Kinh phí sửa chữa chưa được bố trí.',
  nextTasks: Array.from({ length: 30 }, (_, i) => `Nhiệm vụ ${i + 1}: tiếp tục tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến.`).join('\n'),
  proposals: 'Đề nghị UBND thành phố hỗ trợ kinh phí sửa chữa trạm truyền thanh.',
};

/** Trần Phú (with narrative), Nam Hà and Bắc Hà report; the other twelve units do not. */
export function smallConsolidation(): Consolidation {
  return consolidate({ plan, units, period, reports: [wardReport('18070', 0, TRAN_PHU_NARRATIVE), wardReport('18073', 1), wardReport('18076', 2)] });
}
