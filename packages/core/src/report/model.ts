import type { CellRef } from '../finding.ts';

/**
 * What one unit reported for one period, as read from its workbook, before validation.
 * `null` always means blank: never read a blank as 0.
 */
export interface UnitReport {
  /** Unit code as written in the file (may be unknown to the registry: validation says so). */
  unitCode: string | null;
  periodCode: string | null;
  /** ISO date the unit signed/submitted the form, as typed in the form. */
  submittedOn: string | null;
  planId: string | null;
  templateVersion: string | null;
  /** Keyed by the plan's indicator codes; only codes of the plan appear. */
  indicators: Map<string, IndicatorValue>;
  activities: Activity[];
  /**
   * What the unit wrote in words (the form's narrative cells); absent when the workbook has no
   * narrative cells (an older form, a unit's own layout), which reads as an empty narrative.
   */
  narrative?: Narrative;
  /** File name as the caller gave it. */
  file?: string;
  /** Where the header values came from. */
  source: { unitCode?: CellRef; periodCode?: CellRef; submittedOn?: CellRef };
  /** True when the date cell held something that is no date (a reading error names the cell); `submittedOn` is then null, not blank. */
  submittedOnUnreadable?: boolean;
}

/**
 * One indicator's reported figures.
 * - ratio/comparison measures: `numerator` and `denominator` (counts, ≥ 0 integers expected).
 * - count measures: `value` (number); boolean measures: `value` (true = Có, false = Không).
 * `typedPercent` is the percentage the unit typed itself (fraction 0–1), kept to compare with
 * numerator ÷ denominator; absent when the cell holds our live formula.
 */
export interface IndicatorValue {
  numerator: number | null;
  denominator: number | null;
  value: number | boolean | null;
  typedPercent: number | null;
  note: string | null;
  /** Supporting evidence (tài liệu kiểm chứng): document number/date or link, as typed. */
  evidence: string | null;
  /** Figures the unit typed that could not be read (a finding names each cell); they are null above. */
  unreadable?: ('numerator' | 'denominator' | 'value')[];
  source: { numerator?: CellRef; denominator?: CellRef; value?: CellRef; typedPercent?: CellRef; evidence?: CellRef };
}

/** One communication activity (hoạt động tuyên truyền) the unit carried out. */
export interface Activity {
  /** ISO date, or null when blank or unreadable (a finding says which). */
  date: string | null;
  /** True when the date cell held something that is no date (a reading error names the cell). */
  dateUnreadable?: boolean;
  /** Theme codes (ND…), as typed (validated against the plan later). */
  themes: string[];
  /** Form code (HT…), as typed. */
  form: string | null;
  title: string;
  /** Number of items (issues, broadcasts, leaflets, sessions…), if given. */
  quantity: number | null;
  participants: number | null;
  evidence: string | null;
  /** The row's first cell, for findings. */
  source: CellRef;
}

/**
 * A unit's narrative: free text as typed (NFC, line breaks kept as `\n`, nothing cut), `null`
 * where the cell is blank. Fields as `NARRATIVE_NAMES` (template/names.ts) names their cells.
 */
export interface Narrative {
  /** Kết quả nổi bật: results worth naming. */
  highlights: string | null;
  /** Tồn tại, hạn chế: shortcomings. */
  limitations: string | null;
  /** Nguyên nhân: their causes. */
  causes: string | null;
  /** Nhiệm vụ kỳ tới: tasks for the next period. */
  nextTasks: string | null;
  /** Đề xuất, kiến nghị: proposals to the city. */
  proposals: string | null;
}

/** A narrative with every field blank. */
export function emptyNarrative(): Narrative {
  return { highlights: null, limitations: null, causes: null, nextTasks: null, proposals: null };
}
