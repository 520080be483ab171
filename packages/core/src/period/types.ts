/**
 * A reporting period (kỳ báo cáo): `2021-Q1`…`2021-Q4`, `2021-H1`, `2021-H2` or `2021`.
 * Dates are ISO `yyyy-mm-dd` strings (calendar dates, no time zone).
 */
export type PeriodKind = 'quarter' | 'half' | 'year';

export interface Period {
  code: string;
  kind: PeriodKind;
  year: number;
  /** 1–4 for quarters, 1–2 for halves, absent for a year. */
  index?: number;
  /** First day of the data cut-off window (Decree 09/2019/NĐ-CP art. 12), inclusive. */
  cutoffStart: string;
  /** Last day of the data cut-off window, inclusive. */
  cutoffEnd: string;
  /** Submission deadline, inclusive (local configuration; default cut-off end + plan's days). */
  deadline: string;
}
