import type { AddWorksheetOptions, Cell, CellValue, Worksheet } from 'exceljs';
import {
  CONSOLIDATED_MARKER_NAME,
  SUBMISSION_STATUS_LABELS,
  listEntry,
  orderUnits,
  type Comparison,
  type Consolidation,
  type Finding,
  type Indicator,
  type IndicatorResult,
  type Plan,
  type ReportHeading,
  type Severity,
  type UnitResult,
  type UnitSort,
} from '@cchc-kpi/core';
import { writeComparisonSheet } from './comparison-sheet.ts';
import { reportHeading, writeCover, type CoverRanking } from './cover.ts';
import { memoryBook, streamingBook } from './book.ts';
import { COLOR, NUM_FMT, SUBMISSION_STATUS_FILL, a4, addr, colLetter, put, quoteSheet, setWidths, styleCell, type CellStyle } from './styles.ts';
import { cutoffText, excelDate, nfc, periodLabel, planDocumentText, shortDate, unitDisplayName } from './vi.ts';
import { ratioOf, Written, type Seen } from './written.ts';

/**
 * The consolidated workbook (bảng tổng hợp) of one period: city totals, the unit × indicator
 * matrix, ranking, submission progress, activities and findings. Totals are live formulas over
 * the matrix (sum, then divide), each written with the cached result Excel and LibreOffice
 * compute from the same cells, so readers that do not recalculate see the right numbers.
 */

/** Sheet names of the consolidated workbook, in order. */
export const CONSOLIDATED_SHEETS = {
  totals: 'Tổng hợp',
  matrix: 'Đơn vị × chỉ tiêu',
  ranking: 'Xếp hạng',
  progress: 'Tiến độ nộp',
  activities: 'Hoạt động',
  findings: 'Phát hiện',
} as const;

/**
 * Layout of the consolidated sheets (1-based rows). Every sheet has title rows 1–2, its header
 * on `headerRow` and data from `firstRow`; the matrix has a second header row, so its data
 * starts one row lower.
 */
export const CONSOLIDATED_LAYOUT = {
  headerRow: 4,
  firstRow: 5,
  matrixFirstRow: 6,
  /** Matrix columns before the first indicator column (STT, code, unit). */
  matrixLeadColumns: 3,
} as const;

/**
 * Sheets the consolidated workbook has besides {@link CONSOLIDATED_SHEETS}: the cover and summary
 * (first, unless `cover: false`) and, with a comparison, the year-on-year sheet (last).
 */
export const CONSOLIDATED_EXTRA_SHEETS = {
  cover: 'Báo cáo tóm tắt',
  comparison: 'So sánh cùng kỳ',
} as const;

/** Options of {@link writeConsolidated}. */
export interface WriteConsolidatedOptions {
  /** ISO date stored as the workbook's created/modified date and on the zip entries. Default: `reportDate`, else the period's deadline. */
  createdOn?: string;
  /** ISO date of the cover's place-and-date line. Default: the period's deadline. */
  reportDate?: string;
  /** Document number after "Số:" on the cover. Default: blank, to be written in when the report is registered. */
  reportNumber?: string;
  /** Heading and signature overrides; default the plan's `report` block (see `reportHeading`). */
  heading?: Partial<ReportHeading>;
  /** Write the cover and summary sheet (default true). */
  cover?: boolean;
  /** Order of units in the tables: `official` registry order (default) or `name` (Vietnamese collation). */
  sort?: UnitSort;
  /** Comparison with an earlier consolidation: adds the "So sánh cùng kỳ" sheet and change lines on the cover. */
  comparison?: Comparison;
  /**
   * Build the workbook with exceljs's streaming writer (rows written out as they are complete,
   * memory bounded by the shared strings, not by the cells) instead of in memory. The cells,
   * formulas and cached results are the same. Default: above {@link STREAMING_ABOVE_UNITS} units.
   */
  streaming?: boolean;
}

/**
 * Number of units above which {@link writeConsolidated} streams by default: below it the in-memory
 * workbook is as fast and its memory small (about 80 MiB at 1,000 units; 650 MiB at 10,000).
 */
export const STREAMING_ABOVE_UNITS = 2000;

type SheetKey = 'cover' | keyof typeof CONSOLIDATED_SHEETS | 'comparison';

const SHEET_NAMES: Record<SheetKey, string> = { ...CONSOLIDATED_SHEETS, cover: CONSOLIDATED_EXTRA_SHEETS.cover, comparison: CONSOLIDATED_EXTRA_SHEETS.comparison };

/** Tabs, left to right. */
const TAB_ORDER: readonly SheetKey[] = ['cover', 'totals', 'matrix', 'ranking', 'progress', 'activities', 'findings', 'comparison'];

/** The order the sheets are written in: the totals read the progress and the matrix; the cover reads the totals. */
const WRITE_ORDER: readonly SheetKey[] = ['progress', 'matrix', 'totals', 'ranking', 'activities', 'findings', 'comparison', 'cover'];

/**
 * Every sheet prints fitted to the page width. Given when the sheet is added because the streaming
 * writer writes the sheet's properties (where "fit to page" lives) at once.
 */
const FIT_TO_PAGE = { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } as const;

/** Severity as shown to officers. */
export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo', notice: 'Lưu ý' };

const STATUS_FILL: Record<IndicatorResult['status'], string> = {
  met: COLOR.met,
  notMet: COLOR.notMet,
  missing: COLOR.missing,
  invalid: COLOR.invalid,
  notApplicable: COLOR.notApplicable,
};

const STATUS_TEXT: Record<IndicatorResult['status'], string> = {
  met: 'Đạt',
  notMet: 'Chưa đạt',
  missing: 'Thiếu số liệu',
  invalid: 'Không hợp lệ',
  notApplicable: 'Không áp dụng',
};

const HEADER: CellStyle = { bold: true, fill: COLOR.header, border: true, horizontal: 'center' };
const BODY: CellStyle = { border: true };
const TOTAL: CellStyle = { bold: true, border: true, fill: COLOR.total };

/**
 * What a spreadsheet sees in a cell exceljs holds: a formula's cached result (exceljs keeps it in
 * `cell.result`, not in `cell.value`), a number or text; null for a blank.
 */
function seenOf(cell: Cell): Seen {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'object' && 'formula' in value) {
    const r: unknown = cell.result;
    return typeof r === 'number' || typeof r === 'string' ? r : null;
  }
  return null;
}

/** Columns an indicator takes in the matrix: numerator, denominator, ratio for ratio/comparison; one value column otherwise. */
function matrixWidth(indicator: Indicator): number {
  return indicator.measure === 'ratio' || indicator.measure === 'comparison' ? 3 : 1;
}

/** `'Sheet'!$C$5:$C$9` */
function colRange(sheet: string, col: number, fromRow: number, toRow: number): string {
  const c = colLetter(col);
  return `${quoteSheet(sheet)}!$${c}$${fromRow}:$${c}$${toRow}`;
}

/** Title rows 1–2 merged across `width` columns. */
function titles(sheet: Worksheet, width: number, title: string, subtitle: string): void {
  sheet.mergeCells(1, 1, 1, width);
  put(sheet, 'A1', nfc(title), { bold: true, size: 14, horizontal: 'center', wrap: false });
  sheet.getRow(1).height = 22;
  sheet.mergeCells(2, 1, 2, width);
  put(sheet, 'A2', nfc(subtitle), { italic: true, horizontal: 'center' });
  sheet.getRow(2).height = 34;
}

/** The unit as officers name it: `Phường Trần Phú`. */
function unitName(u: Pick<UnitResult, 'name' | 'kind'>): string {
  return unitDisplayName(u);
}

/**
 * Writes the consolidated workbook of a period.
 *
 * Sheets (A4 landscape, fit to width, header rows repeated when printed):
 * - "Tổng hợp": per indicator Σ numerator and Σ denominator as `SUM` over the matrix columns,
 *   ratio `IF(den>0,num/den,"")` (0.0%), units counted (`COUNT`), units met; then completeness
 *   and timeliness with `COUNTIF` over "Tiến độ nộp". For count measures the sum is in the
 *   numerator column; for yes/no measures numerator = units answering "Có", denominator = units
 *   answering.
 * - "Đơn vị × chỉ tiêu": one row per unit in official order; ratio and comparison indicators take
 *   numerator, denominator and ratio-formula columns, count and yes/no indicators one column
 *   (yes/no as 1/0 shown "Có"/"Không"). Figures are written only where the unit's result is
 *   `counted`, so the column sums equal the city totals; elsewhere the ratio/value cell says why
 *   (not applicable, missing, invalid, not submitted). Ratio/value cells are coloured by status.
 * - "Xếp hạng": score (primary profile), `RANK` formula, band and the other profiles' scores.
 * - "Tiến độ nộp", "Hoạt động" (theme × form counts with `SUM` totals), "Phát hiện" (findings).
 *
 * Every formula cell carries a cached result computed from the cells written. Same inputs →
 * byte-identical output. Above {@link STREAMING_ABOVE_UNITS} units (or with `streaming`) the
 * workbook is built with exceljs's streaming writer, sheet after sheet, each row written out once
 * complete: the same cells, formulas, cached results and look, in about half the memory.
 *
 * @param result the consolidation (units in any order; they are listed by `order`).
 * @param plan the plan the consolidation was made against (indicator order, texts, profiles).
 * @param options see {@link WriteConsolidatedOptions}.
 * @returns the xlsx bytes.
 * @throws Error when `result.plan.id` is not `plan.id` (the consolidation was made against another plan).
 * @throws RangeError when a date in the period, the units or `options` is not ISO `yyyy-mm-dd`.
 */
export async function writeConsolidated(result: Consolidation, plan: Plan, options: WriteConsolidatedOptions = {}): Promise<Uint8Array> {
  if (result.plan.id !== plan.id) throw new Error(`writeConsolidated: the consolidation is for plan "${result.plan.id}", not "${plan.id}"`);
  const period = result.period;
  const reportDate = options.reportDate ?? period.deadline;
  const createdOn = options.createdOn ?? reportDate;
  const heading = reportHeading(plan, options.heading);
  const streaming = options.streaming ?? result.units.length > STREAMING_ABOVE_UNITS;
  const wb = (streaming ? streamingBook : memoryBook)(createdOn, nfc(`Tổng hợp ${periodLabel(period)} – ${planDocumentText(plan.document)}`));
  const S = CONSOLIDATED_SHEETS;
  const L = CONSOLIDATED_LAYOUT;
  const subtitle = `${planDocumentText(plan.document)} của ${plan.document.issuer} – Kỳ báo cáo: ${periodLabel(period)} (${period.code}). ${cutoffText(period)}.`;

  const frozen = (xSplit: number, ySplit: number, topLeftCell: string): Partial<AddWorksheetOptions> => ({
    pageSetup: FIT_TO_PAGE,
    views: [{ state: 'frozen', xSplit, ySplit, topLeftCell, activeCell: 'A1' }],
  });
  const sheetOptions: Record<SheetKey, Partial<AddWorksheetOptions>> = {
    cover: { pageSetup: FIT_TO_PAGE, views: [{ showGridLines: false, activeCell: 'A1' }] },
    totals: frozen(0, L.headerRow, `A${L.firstRow}`),
    matrix: frozen(L.matrixLeadColumns, L.matrixFirstRow - 1, addr(L.matrixFirstRow, L.matrixLeadColumns + 1)),
    ranking: frozen(0, L.headerRow, `A${L.firstRow}`),
    progress: frozen(0, L.headerRow, `A${L.firstRow}`),
    activities: frozen(2, L.headerRow, addr(L.firstRow, 3)),
    findings: frozen(0, L.headerRow, `A${L.firstRow}`),
    comparison: frozen(0, L.headerRow, `A${L.firstRow}`),
  };
  const present = (key: SheetKey): boolean => (key === 'cover' ? options.cover !== false : key === 'comparison' ? options.comparison !== undefined : true);
  // The streaming writer starts each sheet's part when the sheet is added and packs the parts one
  // after the other, so sheets are added in the order they are written (each then flows straight
  // into the package) and put in tab order at the end; in memory they are added in tab order.
  const sheets = new Map<SheetKey, Worksheet>();
  for (const key of (streaming ? WRITE_ORDER : TAB_ORDER).filter(present)) sheets.set(key, wb.addWorksheet(SHEET_NAMES[key], sheetOptions[key]));
  const sheet = (key: SheetKey): Worksheet => sheets.get(key) as Worksheet;
  const coverSheet = sheets.get('cover') ?? null;
  const totalsSheet = sheet('totals');
  const matrixSheet = sheet('matrix');
  const rankingSheet = sheet('ranking');
  const progressSheet = sheet('progress');
  const activitySheet = sheet('activities');
  const findingsSheet = sheet('findings');
  const comparisonSheet = sheets.get('comparison') ?? null;

  // Marks the workbook as ours, so `cchc consolidate` skips it when it lies among the inputs.
  wb.definedNames.add(`${quoteSheet(S.totals)}!$A$1`, CONSOLIDATED_MARKER_NAME);

  const units = orderUnits(result.units, options.sort);
  /** Position of each unit in the display order (ties in the ranking keep it). */
  const position = new Map(units.map((u, i) => [u.code, i]));
  const unitByCode = new Map(units.map((u) => [u.code, u]));

  // ---- Tiến độ nộp (written first: the totals' COUNTIFs read it) ----------------------------
  const progress = new Written();
  const progressLast = L.firstRow + units.length - 1;
  {
    const headers = ['STT', 'Mã đơn vị', 'Đơn vị', 'Đã nộp', 'Ngày báo cáo', 'Ngày nhận', 'Hạn nộp', 'Đúng hạn', 'Tệp báo cáo', 'Tình trạng'];
    setWidths(progressSheet, [6, 10, 26, 10, 13, 13, 13, 11, 34, 18]);
    titles(progressSheet, headers.length, 'TIẾN ĐỘ NỘP BÁO CÁO', subtitle);
    headers.forEach((h, i) => put(progressSheet, addr(L.headerRow, i + 1), h, HEADER));
    progressSheet.getRow(L.headerRow).height = 34;
    // Page setup before the first row is written out (the streaming writer writes it first).
    a4(progressSheet, 'landscape', `${L.headerRow}:${L.headerRow}`);
    units.forEach((u, i) => {
      const row = L.firstRow + i;
      const submitted = u.submitted ? 'Có' : 'Không';
      const onTime = u.onTime === null ? '—' : u.onTime ? 'Có' : 'Không';
      const onTimeFill = u.onTime === null ? COLOR.missing : u.onTime ? COLOR.met : COLOR.notMet;
      put(progressSheet, addr(row, 1), i + 1, { ...BODY, horizontal: 'center' });
      put(progressSheet, addr(row, 2), u.code, { ...BODY, numFmt: NUM_FMT.text, horizontal: 'center' });
      put(progressSheet, addr(row, 3), unitName(u), BODY);
      put(progressSheet, addr(row, 4), submitted, { ...BODY, horizontal: 'center', fill: u.submitted ? COLOR.met : COLOR.missing });
      put(progressSheet, addr(row, 5), u.submittedOn ? excelDate(u.submittedOn) : null, { ...BODY, numFmt: NUM_FMT.date, horizontal: 'center' });
      put(progressSheet, addr(row, 6), u.receivedOn ? excelDate(u.receivedOn) : null, { ...BODY, numFmt: NUM_FMT.date, horizontal: 'center' });
      put(progressSheet, addr(row, 7), excelDate(period.deadline), { ...BODY, numFmt: NUM_FMT.date, horizontal: 'center' });
      put(progressSheet, addr(row, 8), onTime, { ...BODY, horizontal: 'center', fill: onTimeFill });
      put(progressSheet, addr(row, 9), u.file ? nfc(u.file) : null, BODY);
      // Status: tells a unit whose file could not be read from one that sent nothing.
      put(progressSheet, addr(row, 10), SUBMISSION_STATUS_LABELS[u.status].vi, { ...BODY, horizontal: 'center', fill: SUBMISSION_STATUS_FILL[u.status] });
      progress.set(addr(row, 4), submitted);
      progress.set(addr(row, 8), onTime);
      wb.rowsDone(progressSheet, row);
    });
    wb.sheetDone(progressSheet);
  }

  // ---- Đơn vị × chỉ tiêu -------------------------------------------------------------------
  const matrix = new Written();
  const mFirst = L.matrixFirstRow;
  const mLast = mFirst + units.length - 1;
  const mTotalRow = mLast + 1;
  /** First matrix column of each indicator. */
  const startCol = new Map<string, number>();
  {
    let col = L.matrixLeadColumns + 1;
    for (const indicator of plan.indicators) {
      startCol.set(indicator.code, col);
      col += matrixWidth(indicator);
    }
    const lastCol = col - 1;
    setWidths(matrixSheet, [5, 9, 22, ...Array.from({ length: lastCol - L.matrixLeadColumns }, () => 10)]);
    titles(matrixSheet, lastCol, 'KẾT QUẢ THEO ĐƠN VỊ VÀ CHỈ TIÊU', subtitle);
    put(
      matrixSheet,
      'A3',
      'Màu ô tỷ lệ/kết quả: xanh = đạt; vàng = chưa đạt; xám = thiếu số liệu hoặc chưa nộp; đỏ = số liệu không hợp lệ; trắng = không áp dụng. Chỉ ghi số liệu được tính vào tổng hợp.',
      { italic: true, size: 10, wrap: false },
    );
    const h1 = L.headerRow;
    const h2 = L.headerRow + 1;
    (['STT', 'Mã đơn vị', 'Đơn vị'] as const).forEach((h, i) => {
      matrixSheet.mergeCells(h1, i + 1, h2, i + 1);
      put(matrixSheet, addr(h1, i + 1), h, HEADER);
    });
    for (const indicator of plan.indicators) {
      const c = startCol.get(indicator.code) ?? 0;
      const w = matrixWidth(indicator);
      if (w > 1) matrixSheet.mergeCells(h1, c, h1, c + w - 1);
      put(matrixSheet, addr(h1, c), indicator.code, HEADER);
      if (w === 3) {
        put(matrixSheet, addr(h2, c), indicator.measure === 'comparison' ? 'Kỳ này' : 'Tử số', { ...HEADER, size: 10 });
        put(matrixSheet, addr(h2, c + 1), indicator.measure === 'comparison' ? 'Cùng kỳ' : 'Mẫu số', { ...HEADER, size: 10 });
        put(matrixSheet, addr(h2, c + 2), 'Tỷ lệ', { ...HEADER, size: 10 });
      } else {
        put(matrixSheet, addr(h2, c), indicator.measure === 'boolean' ? 'Có/Không' : 'Số lượng', { ...HEADER, size: 10 });
      }
    }
    matrixSheet.getRow(h2).height = 30;
    a4(matrixSheet, 'landscape', `${h1}:${h2}`);
    matrixSheet.pageSetup.printTitlesColumn = 'A:C';

    units.forEach((u, i) => {
      const row = mFirst + i;
      put(matrixSheet, addr(row, 1), i + 1, { ...BODY, horizontal: 'center' });
      put(matrixSheet, addr(row, 2), u.code, { ...BODY, numFmt: NUM_FMT.text, horizontal: 'center' });
      put(matrixSheet, addr(row, 3), unitName(u), BODY);
      for (const indicator of plan.indicators) {
        const c = startCol.get(indicator.code) ?? 0;
        const ir = u.indicators[indicator.code];
        const status = u.submitted ? (ir?.status ?? 'missing') : 'missing';
        const why = u.submitted ? STATUS_TEXT[status] : 'Chưa nộp';
        const fill = STATUS_FILL[status];
        if (matrixWidth(indicator) === 3) {
          const numAddr = addr(row, c);
          const denAddr = addr(row, c + 1);
          const ratioAddr = addr(row, c + 2);
          if (u.submitted && ir?.counted && ir.numerator !== null && ir.denominator !== null) {
            put(matrixSheet, numAddr, ir.numerator, { ...BODY, numFmt: NUM_FMT.integer });
            put(matrixSheet, denAddr, ir.denominator, { ...BODY, numFmt: NUM_FMT.integer });
            matrix.set(numAddr, ir.numerator);
            matrix.set(denAddr, ir.denominator);
            const cached = ratioOf(ir.numerator, ir.denominator);
            put(matrixSheet, ratioAddr, { formula: `IF(AND(ISNUMBER(${denAddr}),${denAddr}>0),${numAddr}/${denAddr},"")`, result: cached }, {
              ...BODY,
              numFmt: NUM_FMT.percent,
              fill,
            });
            matrix.set(ratioAddr, cached);
          } else {
            put(matrixSheet, numAddr, null, BODY);
            put(matrixSheet, denAddr, null, BODY);
            put(matrixSheet, ratioAddr, why, { ...BODY, size: 9, horizontal: 'center', fill });
            matrix.set(ratioAddr, why);
          }
        } else {
          const valueAddr = addr(row, c);
          const value = ir?.value;
          if (u.submitted && ir?.counted && (typeof value === 'number' || typeof value === 'boolean')) {
            // Yes counts only when met (a yes without the evidence the plan requires is not met).
            const n = typeof value === 'boolean' ? (value && ir.status === 'met' ? 1 : 0) : value;
            put(matrixSheet, valueAddr, n, {
              ...BODY,
              horizontal: 'center',
              fill,
              numFmt: indicator.measure === 'boolean' ? NUM_FMT.yesNo : NUM_FMT.integer,
            });
            matrix.set(valueAddr, n);
          } else {
            put(matrixSheet, valueAddr, why, { ...BODY, size: 9, horizontal: 'center', fill });
            matrix.set(valueAddr, why);
          }
        }
      }
      wb.rowsDone(matrixSheet, row);
    });

    // total row
    matrixSheet.mergeCells(mTotalRow, 1, mTotalRow, 3);
    put(matrixSheet, addr(mTotalRow, 1), 'Tổng cộng', { ...TOTAL, horizontal: 'center' });
    for (const indicator of plan.indicators) {
      const c = startCol.get(indicator.code) ?? 0;
      const w = matrixWidth(indicator);
      const sumCell = (col: number): Seen => {
        const range = `${colLetter(col)}${mFirst}:${colLetter(col)}${mLast}`;
        const cached = matrix.count(col, mFirst, mLast) === 0 ? '' : matrix.sum(col, mFirst, mLast);
        put(matrixSheet, addr(mTotalRow, col), units.length ? { formula: `IF(COUNT(${range})=0,"",SUM(${range}))`, result: cached } : null, {
          ...TOTAL,
          numFmt: NUM_FMT.integer,
        });
        return cached;
      };
      if (w === 3) {
        const num = sumCell(c);
        const den = sumCell(c + 1);
        const numAddr = addr(mTotalRow, c);
        const denAddr = addr(mTotalRow, c + 1);
        put(
          matrixSheet,
          addr(mTotalRow, c + 2),
          { formula: `IF(AND(ISNUMBER(${denAddr}),${denAddr}>0),${numAddr}/${denAddr},"")`, result: ratioOf(num, den) },
          { ...TOTAL, numFmt: NUM_FMT.percent },
        );
      } else {
        sumCell(c);
      }
    }
    wb.sheetDone(matrixSheet);
  }

  // ---- Tổng hợp ----------------------------------------------------------------------------
  /** Rows and addresses of the totals sheet the cover and the comparison sheet read. */
  const totalsRows = new Map<string, number>();
  /** What each non-blank cell of the totals sheet shows (its cached result for a formula). */
  const totalsSeen = new Map<string, Seen>();
  const progressRefs = { expected: '', received: '', completeness: '', onTime: '', timeliness: '' };
  {
    const headers = [
      'STT',
      'Mã',
      'Chỉ tiêu',
      'Đơn vị tính',
      'Chỉ tiêu kế hoạch',
      'Tổng kết quả thực hiện (Σ tử số)',
      'Tổng số phải thực hiện (Σ mẫu số)',
      'Tỷ lệ (%)',
      'Số đơn vị được tính',
      'Số đơn vị đạt',
    ];
    setWidths(totalsSheet, [5, 8, 48, 10, 14, 15, 15, 10, 11, 11]);
    titles(totalsSheet, headers.length, `TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH TUYÊN TRUYỀN CCHC NĂM ${plan.year}`, subtitle);
    headers.forEach((h, i) => put(totalsSheet, addr(L.headerRow, i + 1), h, HEADER));
    totalsSheet.getRow(L.headerRow).height = 50;
    const hasUnits = units.length > 0;
    plan.indicators.forEach((indicator, i) => {
      const row = L.firstRow + i;
      const c = startCol.get(indicator.code) ?? 0;
      totalsRows.set(indicator.code, row);
      put(totalsSheet, addr(row, 1), i + 1, { ...BODY, horizontal: 'center' });
      put(totalsSheet, addr(row, 2), indicator.code, { ...BODY, horizontal: 'center' });
      put(totalsSheet, addr(row, 3), nfc(indicator.text.vi), { ...BODY, vertical: 'top' });
      put(totalsSheet, addr(row, 4), nfc(indicator.unitOfMeasure), { ...BODY, horizontal: 'center' });
      put(totalsSheet, addr(row, 5), nfc(indicator.targetText.vi), { ...BODY, horizontal: 'center' });
      const F = addr(row, 6);
      const G = addr(row, 7);
      const sum = (col: number) => {
        const range = colRange(S.matrix, col, mFirst, mLast);
        const counted = matrix.count(col, mFirst, mLast);
        return { formula: `IF(COUNT(${range})=0,"",SUM(${range}))`, result: counted === 0 ? ('' as const) : matrix.sum(col, mFirst, mLast) };
      };
      const count = (col: number) => ({ formula: `COUNT(${colRange(S.matrix, col, mFirst, mLast)})`, result: matrix.count(col, mFirst, mLast) });
      const num: CellStyle = { ...BODY, numFmt: NUM_FMT.integer, horizontal: 'right' };
      const ratioFormula = (n: Seen, d: Seen) => ({ formula: `IF(AND(ISNUMBER(${G}),${G}>0),${F}/${G},"")`, result: ratioOf(n, d) });
      if (!hasUnits) {
        for (let col = 6; col <= 9; col++) put(totalsSheet, addr(row, col), null, BODY);
      } else if (indicator.measure === 'ratio' || indicator.measure === 'comparison') {
        const n = sum(c);
        const d = sum(c + 1);
        put(totalsSheet, F, n, num);
        put(totalsSheet, G, d, num);
        put(totalsSheet, addr(row, 8), ratioFormula(n.result, d.result), { ...BODY, numFmt: NUM_FMT.percent });
        put(totalsSheet, addr(row, 9), count(c), num);
      } else if (indicator.measure === 'boolean') {
        const n = sum(c);
        const d = count(c);
        put(totalsSheet, F, n, num);
        put(totalsSheet, G, d, num);
        put(totalsSheet, addr(row, 8), ratioFormula(n.result, d.result), { ...BODY, numFmt: NUM_FMT.percent });
        put(totalsSheet, addr(row, 9), count(c), num);
      } else {
        put(totalsSheet, F, sum(c), num);
        put(totalsSheet, G, null, { ...BODY, fill: COLOR.locked });
        put(totalsSheet, addr(row, 8), null, { ...BODY, fill: COLOR.locked });
        put(totalsSheet, addr(row, 9), count(c), num);
      }
      const met = result.totals.indicators[indicator.code]?.unitsMet ?? units.filter((u) => u.submitted && u.indicators[indicator.code]?.status === 'met').length;
      put(totalsSheet, addr(row, 10), met, num);
      totalsSheet.getRow(row).height = Math.max(20, Math.ceil((indicator.text.vi.length * 1.1) / 56) * 15 + 6);
    });
    let row = L.firstRow + plan.indicators.length + 1;
    put(
      totalsSheet,
      addr(row - 1, 3),
      'Ghi chú: tỷ lệ = tổng tử số ÷ tổng mẫu số của các đơn vị được tính (không lấy trung bình tỷ lệ); chỉ tiêu Có/Không: tử số = số đơn vị trả lời "Có", mẫu số = số đơn vị trả lời.',
      { italic: true, size: 10, wrap: false },
    );
    row += 1;
    totalsSheet.mergeCells(row, 2, row, 5);
    put(totalsSheet, addr(row, 2), 'TÌNH HÌNH NỘP BÁO CÁO', { bold: true });
    row += 1;
    const expectedAddr = addr(row, 6);
    const receivedAddr = addr(row + 1, 6);
    const onTimeAddr = addr(row + 3, 6);
    Object.assign(progressRefs, { expected: expectedAddr, received: receivedAddr, completeness: addr(row + 2, 6), onTime: onTimeAddr, timeliness: addr(row + 4, 6) });
    const submittedRange = colRange(S.progress, 4, L.firstRow, progressLast);
    const onTimeRange = colRange(S.progress, 8, L.firstRow, progressLast);
    const received = units.length ? progress.countText(4, L.firstRow, progressLast, 'Có') : 0;
    const onTime = units.length ? progress.countText(8, L.firstRow, progressLast, 'Có') : 0;
    const expected = result.totals.expected;
    const lines: Array<[string, CellValue, string]> = [
      ['Số đơn vị phải báo cáo', expected, NUM_FMT.integer],
      ['Số đơn vị đã nộp báo cáo', units.length ? { formula: `COUNTIF(${submittedRange},"Có")`, result: received } : 0, NUM_FMT.integer],
      ['Tỷ lệ đầy đủ (%)', { formula: `IF(${expectedAddr}>0,${receivedAddr}/${expectedAddr},"")`, result: ratioOf(received, expected) }, NUM_FMT.percent],
      ['Số đơn vị nộp đúng hạn', units.length ? { formula: `COUNTIF(${onTimeRange},"Có")`, result: onTime } : 0, NUM_FMT.integer],
      ['Tỷ lệ đúng hạn (%)', { formula: `IF(${expectedAddr}>0,${onTimeAddr}/${expectedAddr},"")`, result: ratioOf(onTime, expected) }, NUM_FMT.percent],
    ];
    lines.forEach(([label, value, numFmt], i) => {
      totalsSheet.mergeCells(row + i, 2, row + i, 5);
      put(totalsSheet, addr(row + i, 2), label, BODY);
      for (let col = 3; col <= 5; col++) styleCell(totalsSheet.getCell(addr(row + i, col)), BODY);
      put(totalsSheet, addr(row + i, 6), value, { ...BODY, numFmt, horizontal: 'right' });
    });
    put(totalsSheet, addr(row + lines.length, 2), `Hạn nộp: ${shortDate(period.deadline)}. Đúng hạn = nộp trước hoặc đúng ngày hạn nộp.`, { italic: true, size: 10, wrap: false });
    a4(totalsSheet, 'landscape', `${L.headerRow}:${L.headerRow}`);
    // The cover and the comparison sheet quote these cells: keep what they show, then let the sheet go.
    totalsSheet.eachRow((r) => r.eachCell((cell) => totalsSeen.set(cell.address, seenOf(cell))));
    wb.sheetDone(totalsSheet);
  }

  // ---- Xếp hạng ----------------------------------------------------------------------------
  const rankingRows: Array<CoverRanking['rows'][number]> = [];
  {
    const others = plan.profiles.filter((p) => p.id !== plan.primaryProfile);
    const primary = plan.profiles.find((p) => p.id === plan.primaryProfile);
    const headers = [
      'STT',
      'Đơn vị',
      `Điểm${primary ? ` (thang ${primary.scale})` : ''}`,
      'Thứ hạng',
      'Xếp loại',
      ...others.map((p) => nfc(p.name.vi)),
      'Mã đơn vị',
    ];
    setWidths(rankingSheet, [6, 26, 12, 10, 16, ...others.map(() => 18), 10]);
    titles(rankingSheet, headers.length, 'XẾP HẠNG CÁC ĐƠN VỊ', subtitle);
    headers.forEach((h, i) => put(rankingSheet, addr(L.headerRow, i + 1), h, HEADER));
    rankingSheet.getRow(L.headerRow).height = 50;
    a4(rankingSheet, 'landscape', `${L.headerRow}:${L.headerRow}`);
    const scored = units.filter((u) => u.submitted && typeof u.score === 'number' && Number.isFinite(u.score));
    const rankOf = (score: number) => 1 + scored.filter((u) => (u.score as number) > score).length;
    const ordered = [
      ...[...scored].sort((a, b) => (b.score as number) - (a.score as number) || (position.get(a.code) ?? 0) - (position.get(b.code) ?? 0)),
      ...units.filter((u) => !scored.includes(u)),
    ];
    const last = L.firstRow + ordered.length - 1;
    ordered.forEach((u, i) => {
      const row = L.firstRow + i;
      if (scored.includes(u)) {
        rankingRows.push({ row, name: unitName(u), score: u.score as number, rank: rankOf(u.score as number), band: u.band ? nfc(u.band.vi) : '' });
      }
      const scoreAddr = addr(row, 3);
      const has = scored.includes(u);
      put(rankingSheet, addr(row, 1), i + 1, { ...BODY, horizontal: 'center' });
      put(rankingSheet, addr(row, 2), unitName(u), BODY);
      put(rankingSheet, scoreAddr, has ? (u.score as number) : null, { ...BODY, numFmt: NUM_FMT.score, horizontal: 'right' });
      put(
        rankingSheet,
        addr(row, 4),
        has ? { formula: `RANK(${scoreAddr},$C$${L.firstRow}:$C$${last})`, result: rankOf(u.score as number) } : null,
        { ...BODY, horizontal: 'center' },
      );
      put(rankingSheet, addr(row, 5), has && u.band ? nfc(u.band.vi) : u.submitted ? null : 'Chưa nộp', {
        ...BODY,
        horizontal: 'center',
        ...(u.submitted ? {} : { fill: COLOR.missing }),
      });
      others.forEach((p, k) => {
        const s = u.submitted ? u.scores[p.id]?.score : undefined;
        put(rankingSheet, addr(row, 6 + k), typeof s === 'number' ? s : null, { ...BODY, numFmt: NUM_FMT.score, horizontal: 'right' });
      });
      put(rankingSheet, addr(row, 6 + others.length), u.code, { ...BODY, numFmt: NUM_FMT.text, horizontal: 'center' });
      wb.rowsDone(rankingSheet, row);
    });
    wb.sheetDone(rankingSheet);
  }

  // ---- Hoạt động ---------------------------------------------------------------------------
  {
    const { themes, forms, counts } = result.activities;
    const themeText = new Map(plan.themes.map((t) => [t.code, t.text.vi]));
    const formText = new Map(plan.forms.map((f) => [f.code, f.text.vi]));
    const firstCol = 3;
    const totalCol = firstCol + forms.length;
    const last = L.firstRow + themes.length - 1;
    const totalRow = last + 1;
    setWidths(activitySheet, [8, 40, ...forms.map(() => 14), 10]);
    titles(activitySheet, totalCol, 'SỐ HOẠT ĐỘNG TUYÊN TRUYỀN THEO NỘI DUNG VÀ HÌNH THỨC', subtitle);
    put(activitySheet, 'A3', 'Một hoạt động có hai nội dung được đếm ở cả hai dòng.', { italic: true, size: 10, wrap: false });
    put(activitySheet, addr(L.headerRow, 1), 'Mã', HEADER);
    put(activitySheet, addr(L.headerRow, 2), 'Nội dung \\ Hình thức', HEADER);
    forms.forEach((code, j) => {
      const text = formText.get(code);
      put(activitySheet, addr(L.headerRow, firstCol + j), nfc(text ? listEntry(code, text) : code), { ...HEADER, size: 10 });
    });
    put(activitySheet, addr(L.headerRow, totalCol), 'Tổng', HEADER);
    activitySheet.getRow(L.headerRow).height = 64;
    const sheetValues = new Written();
    themes.forEach((code, i) => {
      const row = L.firstRow + i;
      put(activitySheet, addr(row, 1), code, { ...BODY, horizontal: 'center' });
      put(activitySheet, addr(row, 2), nfc(themeText.get(code) ?? code), BODY);
      forms.forEach((_, j) => {
        const n = counts[i]?.[j] ?? 0;
        put(activitySheet, addr(row, firstCol + j), n, { ...BODY, numFmt: NUM_FMT.integer, horizontal: 'right' });
        sheetValues.set(addr(row, firstCol + j), n);
      });
      const rowSum = forms.reduce((s, _, j) => s + (counts[i]?.[j] ?? 0), 0);
      put(
        activitySheet,
        addr(row, totalCol),
        forms.length ? { formula: `SUM(${addr(row, firstCol)}:${addr(row, totalCol - 1)})`, result: rowSum } : 0,
        { ...TOTAL, numFmt: NUM_FMT.integer, horizontal: 'right' },
      );
      sheetValues.set(addr(row, totalCol), rowSum);
    });
    activitySheet.mergeCells(totalRow, 1, totalRow, 2);
    put(activitySheet, addr(totalRow, 1), 'Tổng', { ...TOTAL, horizontal: 'center' });
    for (let col = firstCol; col <= totalCol; col++) {
      const cached = sheetValues.sum(col, L.firstRow, last);
      put(
        activitySheet,
        addr(totalRow, col),
        themes.length ? { formula: `SUM(${addr(L.firstRow, col)}:${addr(last, col)})`, result: cached } : 0,
        { ...TOTAL, numFmt: NUM_FMT.integer, horizontal: 'right' },
      );
    }
    a4(activitySheet, 'landscape', `${L.headerRow}:${L.headerRow}`);
    wb.sheetDone(activitySheet);
  }

  // ---- Phát hiện ---------------------------------------------------------------------------
  {
    const headers = ['STT', 'Mức độ', 'Đơn vị', 'Tệp', 'Trang tính', 'Ô', 'Nội dung', 'Message (English)', 'Mã', 'Chỉ tiêu'];
    setWidths(findingsSheet, [6, 10, 22, 24, 12, 7, 50, 40, 24, 9]);
    titles(findingsSheet, headers.length, 'DANH SÁCH PHÁT HIỆN KHI KIỂM TRA BÁO CÁO', subtitle);
    const counts = (['error', 'warning', 'notice'] as const).map((s) => `${SEVERITY_LABEL[s]}: ${result.findings.filter((f) => f.severity === s).length}`);
    put(findingsSheet, 'A3', `Tổng số: ${result.findings.length} (${counts.join('; ')}).`, { italic: true, size: 10, wrap: false });
    headers.forEach((h, i) => put(findingsSheet, addr(L.headerRow, i + 1), h, HEADER));
    a4(findingsSheet, 'landscape', `${L.headerRow}:${L.headerRow}`);
    const fill: Record<Severity, string> = { error: COLOR.invalid, warning: COLOR.notMet, notice: COLOR.total };
    // as the consolidation orders them (official unit order); by name, in the units' display order
    // (stable: file, sheet and cell order kept within a unit), findings of no listed unit last
    const rankOfFinding = (f: Finding): number => (f.unit !== undefined ? (position.get(f.unit) ?? Infinity) : Infinity);
    const shown = options.sort !== 'name' ? result.findings : [...result.findings].sort((a, b) => {
      const x = rankOfFinding(a);
      const y = rankOfFinding(b);
      return x === y ? 0 : x < y ? -1 : 1;
    });
    shown.forEach((f: Finding, i) => {
      const row = L.firstRow + i;
      const u = f.unit ? unitByCode.get(f.unit) : undefined;
      const values: Array<string | number | null> = [
        i + 1,
        SEVERITY_LABEL[f.severity],
        f.unit ? (u ? `${unitName(u)} (${u.code})` : f.unit) : null,
        f.file ?? null,
        f.sheet ?? null,
        f.cell ?? null,
        f.message.vi,
        f.message.en,
        f.code,
        f.indicator ?? null,
      ];
      values.forEach((v, k) => {
        put(findingsSheet, addr(row, k + 1), typeof v === 'string' ? nfc(v) : v, {
          ...BODY,
          vertical: 'top',
          ...(k === 1 ? { fill: fill[f.severity], horizontal: 'center' } : {}),
          ...(k === 0 || k === 5 ? { horizontal: 'center' } : {}),
          ...(k === 8 || k === 9 || k === 5 ? { numFmt: NUM_FMT.text } : {}),
        });
      });
      wb.rowsDone(findingsSheet, row);
    });
    wb.sheetDone(findingsSheet);
  }

  // ---- So sánh cùng kỳ, Báo cáo tóm tắt -----------------------------------------------------
  const totalsValue = (address: string): Seen => totalsSeen.get(address) ?? null;
  if (comparisonSheet && options.comparison) {
    writeComparisonSheet(comparisonSheet, {
      plan,
      comparison: options.comparison,
      units,
      subtitle,
      totals: { sheet: S.totals, rows: totalsRows, value: totalsValue },
    });
    wb.sheetDone(comparisonSheet);
  }
  if (coverSheet) {
    writeCover(coverSheet, {
      plan,
      result,
      units,
      heading,
      reportDate,
      reportNumber: options.reportNumber ?? '',
      totals: { sheet: S.totals, rows: totalsRows, values: totalsValue, ...progressRefs },
      ranking: { sheet: S.ranking, rows: rankingRows },
      attached: [...Object.values(S), ...(comparisonSheet ? [CONSOLIDATED_EXTRA_SHEETS.comparison] : [])],
      ...(options.comparison ? { comparison: options.comparison } : {}),
    });
  }

  return wb.finish(TAB_ORDER.filter(present).map(sheet));
}
