/**
 * Custom functions (namespace CCHC, Microsoft 365 and Excel on the web) for officers who want the
 * plan's rules inside their own sheets: =CCHC.RATIO(F12,G12), =CCHC.COMPLETION("CT3a",F15,G15),
 * =CCHC.STATUS("CT5b",F20,,J20), =CCHC.UNITSCORE(F8,H8,F12:J20,'Hoạt động'!A4:I203,C9),
 * =CCHC.BAND(85). The metadata (functions.json) is generated from these JSDoc comments by
 * custom-functions-metadata at build time. The report template's own formulas stay plain Excel,
 * so they work in every Excel and in LibreOffice.
 */
import {
  NUM_FMT,
  STATUS_WORDS,
  TEMPLATE_LAYOUT,
  TEMPLATE_SHEETS,
  TEMPLATE_VERSION,
  bandFor,
  blankIndicatorValue,
  cellNumber,
  checkIndicator,
  checkReport,
  completion as targetCompletion,
  formatA1,
  hatinh2021,
  hatinhCity2020,
  parseYesNo,
  readTemplateByPosition,
  scoreUnit,
  type Cell,
  type Grid,
  type Indicator,
  type IndicatorValue,
  type Sheet,
} from '@cchc-kpi/core';


const plan = hatinh2021;
const units = hatinhCity2020.units;

type ErrorCode = 'notAvailable' | 'invalidValue';

/** An error Excel shows in the cell (`#N/A`, `#VALUE!`) with a Vietnamese explanation. */
function cellError(code: ErrorCode, message: string): Error {
  const runtime = (globalThis as { CustomFunctions?: { Error: new (code: unknown, message?: string) => Error; ErrorCode: Record<ErrorCode, unknown> } }).CustomFunctions;
  if (runtime) return new runtime.Error(runtime.ErrorCode[code], message);
  return Object.assign(new Error(message), { code });
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A count from a cell value (number or numeric text); null when blank. */
function count(v: unknown, what: string): number | null {
  if (isBlank(v)) return null;
  const parsed = cellNumber({ value: typeof v === 'number' || typeof v === 'string' ? v : String(v) }, { integer: true });
  if (!parsed.ok) throw cellError('invalidValue', `${what}: "${String(v)}" không phải là số.`);
  return parsed.value;
}

function indicatorOf(code: string): Indicator {
  const wanted = String(code).trim().toUpperCase();
  const indicator = plan.indicators.find((i) => i.code.toUpperCase() === wanted);
  if (!indicator) throw cellError('notAvailable', `Không có chỉ tiêu "${String(code)}" trong kế hoạch ${plan.document.number}.`);
  return indicator;
}

/** The figures of an indicator from cell values: numerator/denominator, or a count, or Có/Không. */
function figuresOf(indicator: Indicator, numerator: unknown, denominator: unknown, evidence?: unknown): IndicatorValue {
  const figures = blankIndicatorValue();
  if (indicator.measure === 'ratio' || indicator.measure === 'comparison') {
    figures.numerator = count(numerator, 'Tử số');
    figures.denominator = count(denominator, 'Mẫu số');
  } else if (indicator.measure === 'count') {
    figures.value = count(numerator, 'Số lượng');
  } else if (!isBlank(numerator)) {
    const yes = parseYesNo({ value: typeof numerator === 'boolean' || typeof numerator === 'number' ? numerator : String(numerator) });
    if (!yes.ok) throw cellError('invalidValue', `"${String(numerator)}" không phải là "Có" hoặc "Không".`);
    figures.value = yes.value;
  }
  if (!isBlank(evidence)) figures.evidence = String(evidence);
  return figures;
}

/**
 * Ratio of a numerator to a denominator (tỷ lệ = tử số ÷ mẫu số) as a fraction; format the cell
 * as a percentage. A denominator of 0 means "not applicable" and gives #N/A.
 * @customfunction RATIO
 * @param numerator Kết quả thực hiện (tử số), e.g. the number of dossiers made public.
 * @param denominator Tổng số phải thực hiện (mẫu số); 0 = không áp dụng.
 * @returns numerator ÷ denominator.
 */
export function ratio(numerator: number, denominator: number): number {
  if (typeof denominator !== 'number' || !Number.isFinite(denominator) || denominator <= 0) {
    throw cellError('notAvailable', 'Mẫu số bằng 0 hoặc để trống: không áp dụng.');
  }
  if (typeof numerator !== 'number' || !Number.isFinite(numerator)) throw cellError('invalidValue', 'Tử số phải là số.');
  return numerator / denominator;
}

/**
 * Completion (0–1) of one indicator of plan 163/KH-UBND against its target: ratio ÷ target for
 * ratio indicators (capped at 1), count ÷ minimum for counts, 1/0 for yes/no and increases.
 * Blank figures give #N/A.
 * @customfunction COMPLETION
 * @param code Indicator code, e.g. "CT3a".
 * @param numerator Numerator (tử số), count, or "Có"/"Không".
 * @param [denominator] Denominator (mẫu số) for ratio and comparison indicators.
 * @returns Completion as a fraction (format as %).
 */
export function completion(code: string, numerator: any, denominator?: any): number {
  const indicator = indicatorOf(code);
  const c = targetCompletion(indicator, figuresOf(indicator, numerator, denominator));
  if (c.completion === null) throw cellError('notAvailable', `Chưa đủ số liệu để tính mức hoàn thành của ${indicator.code}.`);
  return c.completion;
}

/**
 * Status of one indicator under the plan's rules, as in the check: "Đạt", "Chưa đạt",
 * "Thiếu số liệu", "Không hợp lệ" or "Không áp dụng" (denominator 0).
 * @customfunction STATUS
 * @param code Indicator code, e.g. "CT5b".
 * @param numerator Numerator (tử số), count, or "Có"/"Không".
 * @param [denominator] Denominator (mẫu số) for ratio and comparison indicators.
 * @param [evidence] Supporting evidence (tài liệu kiểm chứng), required by some indicators.
 * @returns The status in Vietnamese.
 */
export function status(code: string, numerator: any, denominator?: any, evidence?: any): string {
  const indicator = indicatorOf(code);
  const { result } = checkIndicator({ indicator, figures: figuresOf(indicator, numerator, denominator, evidence), unit: null, base: {} });
  return STATUS_WORDS[result.status];
}

/** A sheet of the synthetic grid built from function arguments. */
function sheetOf(name: string): Sheet {
  return { name, state: 'visible', cells: new Map(), merges: [], maxRow: 0, maxCol: 0 };
}

function put(sheet: Sheet, row: number, col: number, value: unknown, numFmt?: string): void {
  if (isBlank(value)) return;
  const cell: Cell = { value: typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string' ? value : String(value) };
  if (numFmt && typeof value === 'number') cell.numFmt = numFmt;
  sheet.cells.set(formatA1({ row, col }), cell);
  sheet.maxRow = Math.max(sheet.maxRow, row);
  sheet.maxCol = Math.max(sheet.maxCol, col);
}

/**
 * A unit's score (primary profile, 100 points) from the template's cells: the same reading,
 * checks and scoring as the task pane's Score button and `cchc score`. Activities outside the
 * period's cut-off window do not count; on time = report date ≤ deadline.
 * @customfunction UNITSCORE
 * @param unitCode Unit code (the template's F8), e.g. "18070".
 * @param periodCode Period code (H8), e.g. "2021-H1".
 * @param figures The indicator rows F12:J20 (numerator, denominator, %, note, evidence), or F12:G20.
 * @param [activities] The activities table 'Hoạt động'!A4:I203.
 * @param [reportDate] The report date (C9).
 * @returns The score on the primary profile's scale.
 */
export function unitScore(unitCode: any, periodCode: any, figures: any[][], activities?: any[][], reportDate?: any): number {
  const L = TEMPLATE_LAYOUT;
  const C = L.columns;
  const report = sheetOf(TEMPLATE_SHEETS.report);
  put(report, L.unitRow, C.numerator, isBlank(unitCode) ? null : String(unitCode).trim());
  put(report, L.unitRow, C.percent, isBlank(periodCode) ? null : String(periodCode).trim());
  put(report, L.submittedRow, 3, reportDate, NUM_FMT.date);
  const fields = [C.numerator, C.denominator, C.percent, C.note, C.evidence];
  plan.indicators.forEach((indicator, i) => {
    const row = L.firstIndicatorRow + i;
    put(report, row, C.code, indicator.code);
    const line = figures[i] ?? [];
    line.forEach((v, j) => {
      const col = fields[j];
      // The % column holds the template's live formula: its value is not a typed percentage.
      if (col !== undefined && col !== C.percent) put(report, row, col, v);
    });
  });
  const meta = sheetOf(TEMPLATE_SHEETS.meta);
  put(meta, 1, 2, plan.id);
  put(meta, 2, 2, TEMPLATE_VERSION);
  const sheets = [report, meta];
  if (activities) {
    const table = sheetOf(TEMPLATE_SHEETS.activities);
    activities.forEach((line, i) => line.forEach((v, j) => put(table, L.activitiesFirstRow + i, j + 1, v, j === 1 ? NUM_FMT.date : undefined)));
    sheets.push(table);
  }
  const grid: Grid = { sheets, definedNames: [], date1904: false };
  // The grid is laid out as the template: read by its positions, as the pipeline reads a template without names.
  const read = readTemplateByPosition(grid, plan);
  if (!read?.ok) throw cellError('notAvailable', read?.findings[0]?.message.vi ?? 'Không đọc được báo cáo.');
  const checked = checkReport(read.value, { plan, units });
  if (!checked.unit) throw cellError('notAvailable', `Mã đơn vị "${String(unitCode)}" không có trong danh sách.`);
  if (!checked.period) throw cellError('notAvailable', `Kỳ báo cáo "${String(periodCode)}" không hợp lệ.`);
  const submitted = checked.report.submittedOn;
  const onTime = submitted ? submitted <= checked.period.deadline : null;
  const profile = plan.profiles.find((p) => p.id === plan.primaryProfile) ?? plan.profiles[0];
  if (!profile) throw cellError('notAvailable', 'Kế hoạch không có thang điểm.');
  return scoreUnit(checked, profile, plan, { onTime, date: submitted }).score;
}

/**
 * The band (xếp loại) of a score on the plan's primary profile: "Tốt" (≥ 90), "Khá", "Trung bình"
 * or "Yếu".
 * @customfunction BAND
 * @param score A score on the 100-point scale.
 * @returns The band in Vietnamese.
 */
export function band(score: number): string {
  if (typeof score !== 'number' || !Number.isFinite(score)) throw cellError('invalidValue', 'Điểm phải là số.');
  const profile = plan.profiles.find((p) => p.id === plan.primaryProfile) ?? plan.profiles[0];
  if (!profile) throw cellError('notAvailable', 'Kế hoạch không có thang điểm.');
  return bandFor(profile, score).vi;
}
