/**
 * How the layout reader understood a workbook that is not our template: the sheet and table it
 * used, what each column holds, what each row is and which indicator it was matched to (with a
 * confidence), and where the unit and the period came from. `cchc inspect` prints this, and an
 * editable mapping (mapping.ts) is made from it.
 */
import type { Message } from '../../finding.ts';
import type { SheetState } from '../../grid/grid.ts';
import type { TextEncoding } from '../../text/legacy.ts';

/**
 * What a column of a unit's table holds.
 * - `order`: STT (order number); `code`: the indicator code (CT3a); `text`: the indicator's wording (Nội dung);
 * - `unitOfMeasure`: Đơn vị tính;
 * - `total`: the denominator (Tổng số, Số phải thực hiện, Số tiếp nhận);
 * - `achieved`: the numerator, or the value of count and yes/no indicators (Kết quả, Thực hiện, Đạt);
 * - `percent`: the percentage the unit typed (Tỷ lệ, %);
 * - `plan`: "Chỉ tiêu"/"Kế hoạch" before its values are seen: a target (100%) or a planned count;
 * - `target`: a target percentage (not a figure of the report; shown for information);
 * - `planned`: a planned count, used as the denominator when the table has no `total` column;
 * - `previous`: the same period of the previous year (denominator of comparison indicators);
 * - `note`: Ghi chú; `evidence`: Tài liệu kiểm chứng; `other`: a column the reader does not use.
 */
export type ColumnRole =
  | 'order'
  | 'code'
  | 'text'
  | 'unitOfMeasure'
  | 'total'
  | 'achieved'
  | 'percent'
  | 'plan'
  | 'target'
  | 'planned'
  | 'previous'
  | 'note'
  | 'evidence'
  | 'other';

/** Every role, in the order columns are described. */
export const COLUMN_ROLES: readonly ColumnRole[] = [
  'order',
  'code',
  'text',
  'unitOfMeasure',
  'total',
  'achieved',
  'percent',
  'plan',
  'target',
  'planned',
  'previous',
  'note',
  'evidence',
  'other',
];

/** One column of the table as understood. */
export interface LayoutColumn {
  /** 1-based column number and its letters (`D`). */
  col: number;
  letter: string;
  /** The header text (two-row headers joined with " / "), as in the file after decoding. */
  label: string;
  role: ColumnRole;
  /** Why the role was chosen when the label alone did not decide (e.g. "Chỉ tiêu" holding counts). */
  reason?: Message;
}

/**
 * What a row of the table is: `data` (a row with a wording and/or figures, matched to an
 * indicator or reported as unmatched), `section` (Roman-numeral or lettered heading, skipped),
 * `total` (Tổng cộng, skipped), `numbering` (the (1) (2) (3) column-number row, skipped).
 */
export type RowKind = 'data' | 'section' | 'total' | 'numbering';

/** How a row was matched to an indicator. */
export type MatchVia = 'code' | 'text' | 'mapping';

/** A candidate indicator for a row, with its confidence (0–1). */
export interface MatchCandidate {
  code: string;
  confidence: number;
}

/** The figures read from a data row, as the report will hold them (fractions 0–1 for percentages). */
export interface RowFigures {
  numerator: number | null;
  denominator: number | null;
  value: number | boolean | null;
  typedPercent: number | null;
  /** A target percentage from a `target`/`plan` column (fraction), for information. */
  target: number | null;
}

/** One row of the table as understood. */
export interface LayoutRow {
  row: number;
  kind: RowKind;
  /** The row's wording (text column), decoded and normalised; '' when none. */
  text: string;
  /** Matched indicator code, or null (unmatched, ambiguous, or not a data row). */
  indicator: string | null;
  /** Confidence of the match (0–1); null when the row is not a data row. */
  confidence: number | null;
  via: MatchVia | null;
  /** The best candidates (up to three), for inspect and for unmatched-row findings. */
  candidates: MatchCandidate[];
  /** True when the two best candidates were too close to choose (the row is then unmatched). */
  ambiguous?: boolean;
  /** The figures read (data rows with an indicator), null otherwise. */
  figures: RowFigures | null;
  /** Legacy encoding of the wording when it was decoded. */
  encoding?: TextEncoding;
}

/** Where the unit or the period was taken from. */
export type DetectionSource = 'override' | 'mapping' | 'title' | 'dateRange' | 'sheetName' | 'fileName' | 'assumed';

/** The unit or period as detected: the code, where it came from, the text and cell it was read in. */
export interface Detected {
  code: string | null;
  via: DetectionSource | null;
  /** The text the code was read from (a title row, the sheet or file name). */
  text?: string;
  /** A1 reference of the cell it was read from, when a cell. */
  cell?: string;
}

/** A sheet the reader looked at and did not use, with why. */
export interface SheetConsidered {
  name: string;
  state: SheetState;
  /** Data rows matched to an indicator in that sheet's best table (0 when no table). */
  matchedRows: number;
  hasTable: boolean;
}

/** How a workbook was understood (see the module comment). */
export interface LayoutUnderstanding {
  sheet: string;
  sheetState: SheetState;
  otherSheets: SheetConsidered[];
  /** 1-based row numbers of the header (one or two rows). */
  headerRows: number[];
  columns: LayoutColumn[];
  /** The table's rows that are not blank, top to bottom. */
  rows: LayoutRow[];
  unit: Detected;
  period: Detected;
  /** Signing date (ISO) from a "…, ngày 20 tháng 6 năm 2021" line, and its cell. */
  submittedOn: { date: string | null; cell?: string };
  /** Cells decoded from legacy encodings in the table's sheet. */
  legacyCells: { tcvn3: number; vni: number };
  /** Unit code of the mapping applied, when one was. */
  mappingUnit?: string;
}
