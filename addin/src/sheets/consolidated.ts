/**
 * The consolidated sheets (bảng tổng hợp) of a period as a `BookSpec`, written into the open
 * workbook by the Consolidate action: the same six sheets, names (`CONSOLIDATED_SHEETS`) and
 * layout (`CONSOLIDATED_LAYOUT`) as `writeConsolidated` of `@cchc-kpi/xlsx`. City totals are live
 * formulas over the unit × indicator matrix (sum, then divide); every formula cell also carries
 * the result computed here (`CellSpec.value`), which tests compare with the consolidation.
 */
import {
  CONSOLIDATED_MARKER_NAME,
  SUBMISSION_STATUS_LABELS,
  formatA1,
  listEntry,
  numberToColumn,
  type Consolidation,
  type Finding,
  type Indicator,
  type Plan,
  type Severity,
  type UnitResult,
} from '@cchc-kpi/core';
import { argbToHex, mergeCells, newSheet, setCell, type BookSpec, type CellSpec, type SheetSpec } from './book.ts';
import { STATUS_FILL, STATUS_TEXT } from './results.ts';
import {
  COLOR,
  CONSOLIDATED_LAYOUT,
  CONSOLIDATED_SHEETS,
  NUM_FMT,
  SEVERITY_LABEL,
  SUBMISSION_STATUS_FILL,
  cutoffText,
  excelSerial,
  nfc,
  periodLabel,
  planDocumentText,
  shortDate,
  unitDisplayName,
} from './xlsx-shared.ts';

const HEADER: CellSpec = { bold: true, fill: argbToHex(COLOR.header), horizontal: 'center', wrap: true };
const BODY: CellSpec = { wrap: true };
const TOTAL: CellSpec = { bold: true, fill: argbToHex(COLOR.total), wrap: true };

/** A value as a spreadsheet sees it. */
type Seen = number | string | null;

/** `IF(den>0,num/den,"")` on known numbers. */
function ratioOf(num: Seen, den: Seen): number | '' {
  const n = typeof num === 'number' ? num : 0;
  return typeof den === 'number' && den > 0 ? n / den : '';
}

/** Matrix columns of an indicator: numerator, denominator, ratio for ratio/comparison; one value column otherwise. */
function matrixWidth(indicator: Indicator): number {
  return indicator.measure === 'ratio' || indicator.measure === 'comparison' ? 3 : 1;
}

/** `'Sheet'!$C$5:$C$9` */
function colRange(sheet: string, col: number, fromRow: number, toRow: number): string {
  const c = numberToColumn(col);
  return `'${sheet.replace(/'/g, "''")}'!$${c}$${fromRow}:$${c}$${toRow}`;
}

/** Values written to a sheet, for computing formula results. */
class Written {
  private readonly cells = new Map<string, Seen>();
  set(row: number, col: number, value: Seen): void {
    this.cells.set(formatA1({ row, col }), value);
  }
  private column(col: number, from: number, to: number): Seen[] {
    const out: Seen[] = [];
    for (let row = from; row <= to; row++) out.push(this.cells.get(formatA1({ row, col })) ?? null);
    return out;
  }
  sum(col: number, from: number, to: number): number {
    return this.column(col, from, to).reduce<number>((s, v) => (typeof v === 'number' ? s + v : s), 0);
  }
  count(col: number, from: number, to: number): number {
    return this.column(col, from, to).filter((v) => typeof v === 'number').length;
  }
  countText(col: number, from: number, to: number, text: string): number {
    const want = text.toLocaleLowerCase('vi');
    return this.column(col, from, to).filter((v) => typeof v === 'string' && v.toLocaleLowerCase('vi') === want).length;
  }
}

function titles(sheet: SheetSpec, width: number, title: string, subtitle: string): void {
  mergeCells(sheet, 1, 1, 1, width, { value: nfc(title), bold: true, size: 14, horizontal: 'center' });
  mergeCells(sheet, 2, 1, 2, width, { value: nfc(subtitle), italic: true, horizontal: 'center', wrap: true });
}

function put(sheet: SheetSpec, row: number, col: number, value: Seen | boolean, style: CellSpec = {}): void {
  setCell(sheet, row, col, { ...BODY, ...style, value });
}

function formula(sheet: SheetSpec, row: number, col: number, text: string, result: Seen, style: CellSpec = {}): void {
  setCell(sheet, row, col, { ...BODY, ...style, formula: text, value: result === '' ? null : result });
}

/** Where the totals sheet put each indicator (for tests and links). */
export interface ConsolidatedLayout {
  totalsRows: Record<string, number>;
  /** First matrix column of each indicator. */
  matrixColumns: Record<string, number>;
}

/**
 * Builds the consolidated sheets of a consolidation: "Tổng hợp" (city totals by indicator, then
 * completeness and timeliness), "Đơn vị × chỉ tiêu" (figures counted in the totals, status
 * colours), "Xếp hạng" (scores, `RANK`, bands), "Tiến độ nộp", "Hoạt động" (theme × form counts)
 * and "Phát hiện" (every finding with file, sheet and cell), plus the `cchc_consolidated` marker
 * name (so `cchc consolidate` skips a saved copy among its inputs).
 * @throws Error when the consolidation was made against another plan.
 */
export function consolidatedBook(result: Consolidation, plan: Plan): { book: BookSpec; layout: ConsolidatedLayout } {
  if (result.plan.id !== plan.id) throw new Error(`consolidatedBook: the consolidation is for plan "${result.plan.id}", not "${plan.id}"`);
  const S = CONSOLIDATED_SHEETS;
  const L = CONSOLIDATED_LAYOUT;
  const period = result.period;
  const subtitle = `${planDocumentText(plan.document)} của ${plan.document.issuer} – Kỳ báo cáo: ${periodLabel(period)} (${period.code}). ${cutoffText(period)}.`;
  const units = [...result.units].sort((a, b) => a.order - b.order || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const name = (u: Pick<UnitResult, 'name' | 'kind'>): string => unitDisplayName(u);

  // ---- Tiến độ nộp ----
  const progressSheet = newSheet(S.progress, { widths: [6, 10, 26, 10, 13, 13, 13, 11, 34, 18] });
  progressSheet.freeze = { rows: L.headerRow, columns: 0 };
  const progress = new Written();
  const progressLast = L.firstRow + units.length - 1;
  {
    const headers = ['STT', 'Mã đơn vị', 'Đơn vị', 'Đã nộp', 'Ngày báo cáo', 'Ngày nhận', 'Hạn nộp', 'Đúng hạn', 'Tệp báo cáo', 'Tình trạng'];
    titles(progressSheet, headers.length, 'TIẾN ĐỘ NỘP BÁO CÁO', subtitle);
    headers.forEach((h, i) => put(progressSheet, L.headerRow, i + 1, h, HEADER));
    units.forEach((u, i) => {
      const row = L.firstRow + i;
      const submitted = u.submitted ? 'Có' : 'Không';
      const onTime = u.onTime === null ? '—' : u.onTime ? 'Có' : 'Không';
      const onTimeFill = argbToHex(u.onTime === null ? COLOR.missing : u.onTime ? COLOR.met : COLOR.notMet);
      put(progressSheet, row, 1, i + 1, { horizontal: 'center' });
      put(progressSheet, row, 2, u.code, { numFmt: NUM_FMT.text, horizontal: 'center' });
      put(progressSheet, row, 3, name(u));
      put(progressSheet, row, 4, submitted, { horizontal: 'center', fill: argbToHex(u.submitted ? COLOR.met : COLOR.missing) });
      put(progressSheet, row, 5, u.submittedOn ? excelSerial(u.submittedOn) : null, { numFmt: NUM_FMT.date, horizontal: 'center' });
      put(progressSheet, row, 6, u.receivedOn ? excelSerial(u.receivedOn) : null, { numFmt: NUM_FMT.date, horizontal: 'center' });
      put(progressSheet, row, 7, excelSerial(period.deadline), { numFmt: NUM_FMT.date, horizontal: 'center' });
      put(progressSheet, row, 8, onTime, { horizontal: 'center', fill: onTimeFill });
      put(progressSheet, row, 9, u.file ? nfc(u.file) : null);
      // Status: tells a unit whose file could not be read from one that sent nothing.
      put(progressSheet, row, 10, SUBMISSION_STATUS_LABELS[u.status].vi, { horizontal: 'center', fill: argbToHex(SUBMISSION_STATUS_FILL[u.status]) });
      progress.set(row, 4, submitted);
      progress.set(row, 8, onTime);
    });
  }

  // ---- Đơn vị × chỉ tiêu ----
  const matrixSheet = newSheet(S.matrix);
  matrixSheet.freeze = { rows: L.matrixFirstRow - 1, columns: L.matrixLeadColumns };
  const matrix = new Written();
  const mFirst = L.matrixFirstRow;
  const mLast = mFirst + units.length - 1;
  const mTotalRow = mLast + 1;
  const startCol = new Map<string, number>();
  {
    let col = L.matrixLeadColumns + 1;
    for (const indicator of plan.indicators) {
      startCol.set(indicator.code, col);
      col += matrixWidth(indicator);
    }
    const lastCol = col - 1;
    matrixSheet.widths = [5, 9, 22, ...Array.from({ length: lastCol - L.matrixLeadColumns }, () => 10)];
    titles(matrixSheet, lastCol, 'KẾT QUẢ THEO ĐƠN VỊ VÀ CHỈ TIÊU', subtitle);
    put(
      matrixSheet,
      3,
      1,
      'Màu ô tỷ lệ/kết quả: xanh = đạt; vàng = chưa đạt; xám = thiếu số liệu hoặc chưa nộp; đỏ = số liệu không hợp lệ; trắng = không áp dụng. Chỉ ghi số liệu được tính vào tổng hợp.',
      { italic: true, size: 10, wrap: false },
    );
    const h1 = L.headerRow;
    const h2 = L.headerRow + 1;
    ['STT', 'Mã đơn vị', 'Đơn vị'].forEach((h, i) => mergeCells(matrixSheet, h1, i + 1, h2, i + 1, { ...HEADER, value: h }));
    for (const indicator of plan.indicators) {
      const c = startCol.get(indicator.code) ?? 0;
      const w = matrixWidth(indicator);
      if (w > 1) mergeCells(matrixSheet, h1, c, h1, c + w - 1, { ...HEADER, value: indicator.code });
      else put(matrixSheet, h1, c, indicator.code, HEADER);
      if (w === 3) {
        put(matrixSheet, h2, c, indicator.measure === 'comparison' ? 'Kỳ này' : 'Tử số', { ...HEADER, size: 10 });
        put(matrixSheet, h2, c + 1, indicator.measure === 'comparison' ? 'Cùng kỳ' : 'Mẫu số', { ...HEADER, size: 10 });
        put(matrixSheet, h2, c + 2, 'Tỷ lệ', { ...HEADER, size: 10 });
      } else {
        put(matrixSheet, h2, c, indicator.measure === 'boolean' ? 'Có/Không' : 'Số lượng', { ...HEADER, size: 10 });
      }
    }
    units.forEach((u, i) => {
      const row = mFirst + i;
      put(matrixSheet, row, 1, i + 1, { horizontal: 'center' });
      put(matrixSheet, row, 2, u.code, { numFmt: NUM_FMT.text, horizontal: 'center' });
      put(matrixSheet, row, 3, name(u));
      for (const indicator of plan.indicators) {
        const c = startCol.get(indicator.code) ?? 0;
        const ir = u.indicators[indicator.code];
        const status = u.submitted ? (ir?.status ?? 'missing') : 'missing';
        const why = u.submitted ? STATUS_TEXT[status] : 'Chưa nộp';
        const fill = STATUS_FILL[status];
        if (matrixWidth(indicator) === 3) {
          if (u.submitted && ir?.counted && ir.numerator !== null && ir.denominator !== null) {
            const num = formatA1({ row, col: c });
            const den = formatA1({ row, col: c + 1 });
            put(matrixSheet, row, c, ir.numerator, { numFmt: NUM_FMT.integer });
            put(matrixSheet, row, c + 1, ir.denominator, { numFmt: NUM_FMT.integer });
            matrix.set(row, c, ir.numerator);
            matrix.set(row, c + 1, ir.denominator);
            const cached = ratioOf(ir.numerator, ir.denominator);
            formula(matrixSheet, row, c + 2, `IF(AND(ISNUMBER(${den}),${den}>0),${num}/${den},"")`, cached, { numFmt: NUM_FMT.percent, fill });
            matrix.set(row, c + 2, cached);
          } else {
            put(matrixSheet, row, c + 2, why, { size: 9, horizontal: 'center', fill });
            matrix.set(row, c + 2, why);
          }
        } else {
          const value = ir?.value;
          if (u.submitted && ir?.counted && (typeof value === 'number' || typeof value === 'boolean')) {
            const n = typeof value === 'boolean' ? (value ? 1 : 0) : value;
            put(matrixSheet, row, c, n, { horizontal: 'center', fill, numFmt: indicator.measure === 'boolean' ? NUM_FMT.yesNo : NUM_FMT.integer });
            matrix.set(row, c, n);
          } else {
            put(matrixSheet, row, c, why, { size: 9, horizontal: 'center', fill });
            matrix.set(row, c, why);
          }
        }
      }
    });
    mergeCells(matrixSheet, mTotalRow, 1, mTotalRow, 3, { ...TOTAL, value: 'Tổng cộng', horizontal: 'center' });
    for (const indicator of plan.indicators) {
      const c = startCol.get(indicator.code) ?? 0;
      const sumCell = (col: number): Seen => {
        const letter = numberToColumn(col);
        const range = `${letter}${mFirst}:${letter}${mLast}`;
        const cached = matrix.count(col, mFirst, mLast) === 0 ? '' : matrix.sum(col, mFirst, mLast);
        if (units.length) formula(matrixSheet, mTotalRow, col, `IF(COUNT(${range})=0,"",SUM(${range}))`, cached, { ...TOTAL, numFmt: NUM_FMT.integer });
        return cached;
      };
      if (matrixWidth(indicator) === 3) {
        const num = sumCell(c);
        const den = sumCell(c + 1);
        const numAddr = formatA1({ row: mTotalRow, col: c });
        const denAddr = formatA1({ row: mTotalRow, col: c + 1 });
        formula(matrixSheet, mTotalRow, c + 2, `IF(AND(ISNUMBER(${denAddr}),${denAddr}>0),${numAddr}/${denAddr},"")`, ratioOf(num, den), {
          ...TOTAL,
          numFmt: NUM_FMT.percent,
        });
      } else {
        sumCell(c);
      }
    }
  }

  // ---- Tổng hợp ----
  const totalsSheet = newSheet(S.totals, { widths: [5, 8, 48, 10, 14, 15, 15, 10, 11, 11] });
  totalsSheet.freeze = { rows: L.headerRow, columns: 0 };
  const totalsRows: Record<string, number> = {};
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
    titles(totalsSheet, headers.length, `TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH TUYÊN TRUYỀN CCHC NĂM ${plan.year}`, subtitle);
    headers.forEach((h, i) => put(totalsSheet, L.headerRow, i + 1, h, HEADER));
    const hasUnits = units.length > 0;
    const num: CellSpec = { numFmt: NUM_FMT.integer, horizontal: 'right' };
    plan.indicators.forEach((indicator, i) => {
      const row = L.firstRow + i;
      const c = startCol.get(indicator.code) ?? 0;
      totalsRows[indicator.code] = row;
      put(totalsSheet, row, 1, i + 1, { horizontal: 'center' });
      put(totalsSheet, row, 2, indicator.code, { horizontal: 'center' });
      put(totalsSheet, row, 3, nfc(indicator.text.vi));
      put(totalsSheet, row, 4, nfc(indicator.unitOfMeasure), { horizontal: 'center' });
      put(totalsSheet, row, 5, nfc(indicator.targetText.vi), { horizontal: 'center' });
      const F = formatA1({ row, col: 6 });
      const G = formatA1({ row, col: 7 });
      const sum = (col: number, at: number): Seen => {
        const counted = matrix.count(col, mFirst, mLast);
        const cached = counted === 0 ? '' : matrix.sum(col, mFirst, mLast);
        const range = colRange(S.matrix, col, mFirst, mLast);
        formula(totalsSheet, row, at, `IF(COUNT(${range})=0,"",SUM(${range}))`, cached, num);
        return cached;
      };
      const count = (col: number, at: number): number => {
        const cached = matrix.count(col, mFirst, mLast);
        formula(totalsSheet, row, at, `COUNT(${colRange(S.matrix, col, mFirst, mLast)})`, cached, num);
        return cached;
      };
      const ratio = (n: Seen, d: Seen): void =>
        formula(totalsSheet, row, 8, `IF(AND(ISNUMBER(${G}),${G}>0),${F}/${G},"")`, ratioOf(n, d), { numFmt: NUM_FMT.percent });
      if (!hasUnits) {
        // nothing to sum
      } else if (matrixWidth(indicator) === 3) {
        const n = sum(c, 6);
        const d = sum(c + 1, 7);
        ratio(n, d);
        count(c, 9);
      } else if (indicator.measure === 'boolean') {
        const n = sum(c, 6);
        const d = count(c, 7);
        ratio(n, d);
        count(c, 9);
      } else {
        sum(c, 6);
        put(totalsSheet, row, 7, null, { fill: argbToHex(COLOR.locked) });
        put(totalsSheet, row, 8, null, { fill: argbToHex(COLOR.locked) });
        count(c, 9);
      }
      const met = result.totals.indicators[indicator.code]?.unitsMet ?? 0;
      put(totalsSheet, row, 10, met, num);
    });
    let row = L.firstRow + plan.indicators.length + 1;
    put(
      totalsSheet,
      row - 1,
      3,
      'Ghi chú: tỷ lệ = tổng tử số ÷ tổng mẫu số của các đơn vị được tính (không lấy trung bình tỷ lệ); chỉ tiêu Có/Không: tử số = số đơn vị trả lời "Có", mẫu số = số đơn vị trả lời.',
      { italic: true, size: 10, wrap: false },
    );
    row += 1;
    mergeCells(totalsSheet, row, 2, row, 5, { value: 'TÌNH HÌNH NỘP BÁO CÁO', bold: true });
    row += 1;
    const expectedAddr = formatA1({ row, col: 6 });
    const receivedAddr = formatA1({ row: row + 1, col: 6 });
    const onTimeAddr = formatA1({ row: row + 3, col: 6 });
    const received = units.length ? progress.countText(4, L.firstRow, progressLast, 'Có') : 0;
    const onTime = units.length ? progress.countText(8, L.firstRow, progressLast, 'Có') : 0;
    const expected = result.totals.expected;
    const lines: Array<[string, { formula: string; result: Seen } | number, string]> = [
      ['Số đơn vị phải báo cáo', expected, NUM_FMT.integer],
      ['Số đơn vị đã nộp báo cáo', units.length ? { formula: `COUNTIF(${colRange(S.progress, 4, L.firstRow, progressLast)},"Có")`, result: received } : 0, NUM_FMT.integer],
      ['Tỷ lệ đầy đủ (%)', { formula: `IF(${expectedAddr}>0,${receivedAddr}/${expectedAddr},"")`, result: ratioOf(received, expected) }, NUM_FMT.percent],
      ['Số đơn vị nộp đúng hạn', units.length ? { formula: `COUNTIF(${colRange(S.progress, 8, L.firstRow, progressLast)},"Có")`, result: onTime } : 0, NUM_FMT.integer],
      ['Tỷ lệ đúng hạn (%)', { formula: `IF(${expectedAddr}>0,${onTimeAddr}/${expectedAddr},"")`, result: ratioOf(onTime, expected) }, NUM_FMT.percent],
    ];
    lines.forEach(([label, value, numFmt], i) => {
      mergeCells(totalsSheet, row + i, 2, row + i, 5, { value: label });
      if (typeof value === 'number') put(totalsSheet, row + i, 6, value, { numFmt, horizontal: 'right' });
      else formula(totalsSheet, row + i, 6, value.formula, value.result, { numFmt, horizontal: 'right' });
    });
    put(totalsSheet, row + lines.length, 2, `Hạn nộp: ${shortDate(period.deadline)}. Đúng hạn = nộp trước hoặc đúng ngày hạn nộp.`, { italic: true, size: 10, wrap: false });
  }

  // ---- Xếp hạng ----
  const others = plan.profiles.filter((p) => p.id !== plan.primaryProfile);
  const rankingSheet = newSheet(S.ranking, { widths: [6, 26, 12, 10, 16, ...others.map(() => 18), 10] });
  rankingSheet.freeze = { rows: L.headerRow, columns: 0 };
  {
    const primary = plan.profiles.find((p) => p.id === plan.primaryProfile);
    const headers = ['STT', 'Đơn vị', `Điểm${primary ? ` (thang ${primary.scale})` : ''}`, 'Thứ hạng', 'Xếp loại', ...others.map((p) => nfc(p.name.vi)), 'Mã đơn vị'];
    titles(rankingSheet, headers.length, 'XẾP HẠNG CÁC ĐƠN VỊ', subtitle);
    headers.forEach((h, i) => put(rankingSheet, L.headerRow, i + 1, h, HEADER));
    const scored = units.filter((u) => u.submitted && typeof u.score === 'number' && Number.isFinite(u.score));
    const rankOf = (score: number): number => 1 + scored.filter((u) => (u.score as number) > score).length;
    const ordered = [...[...scored].sort((a, b) => (b.score as number) - (a.score as number) || a.order - b.order), ...units.filter((u) => !scored.includes(u))];
    const last = L.firstRow + ordered.length - 1;
    ordered.forEach((u, i) => {
      const row = L.firstRow + i;
      const has = scored.includes(u);
      put(rankingSheet, row, 1, i + 1, { horizontal: 'center' });
      put(rankingSheet, row, 2, name(u));
      put(rankingSheet, row, 3, has ? (u.score as number) : null, { numFmt: NUM_FMT.score, horizontal: 'right' });
      if (has) formula(rankingSheet, row, 4, `RANK(C${row},$C$${L.firstRow}:$C$${last})`, rankOf(u.score as number), { horizontal: 'center' });
      put(rankingSheet, row, 5, has && u.band ? nfc(u.band.vi) : u.submitted ? null : 'Chưa nộp', {
        horizontal: 'center',
        ...(u.submitted ? {} : { fill: argbToHex(COLOR.missing) }),
      });
      others.forEach((p, k) => {
        const s = u.submitted ? u.scores[p.id]?.score : undefined;
        put(rankingSheet, row, 6 + k, typeof s === 'number' ? s : null, { numFmt: NUM_FMT.score, horizontal: 'right' });
      });
      put(rankingSheet, row, 6 + others.length, u.code, { numFmt: NUM_FMT.text, horizontal: 'center' });
    });
  }

  // ---- Hoạt động ----
  const activitySheet = newSheet(S.activities);
  activitySheet.freeze = { rows: L.headerRow, columns: 2 };
  {
    const { themes, forms, counts } = result.activities;
    const themeText = new Map(plan.themes.map((t) => [t.code, t.text.vi]));
    const formText = new Map(plan.forms.map((f) => [f.code, f.text.vi]));
    const firstCol = 3;
    const totalCol = firstCol + forms.length;
    const last = L.firstRow + themes.length - 1;
    const totalRow = last + 1;
    activitySheet.widths = [8, 40, ...forms.map(() => 14), 10];
    titles(activitySheet, totalCol, 'SỐ HOẠT ĐỘNG TUYÊN TRUYỀN THEO NỘI DUNG VÀ HÌNH THỨC', subtitle);
    put(activitySheet, 3, 1, 'Một hoạt động có hai nội dung được đếm ở cả hai dòng.', { italic: true, size: 10, wrap: false });
    put(activitySheet, L.headerRow, 1, 'Mã', HEADER);
    put(activitySheet, L.headerRow, 2, 'Nội dung \\ Hình thức', HEADER);
    forms.forEach((code, j) => {
      const text = formText.get(code);
      put(activitySheet, L.headerRow, firstCol + j, nfc(text ? listEntry(code, text) : code), { ...HEADER, size: 10 });
    });
    put(activitySheet, L.headerRow, totalCol, 'Tổng', HEADER);
    const values = new Written();
    themes.forEach((code, i) => {
      const row = L.firstRow + i;
      put(activitySheet, row, 1, code, { horizontal: 'center' });
      put(activitySheet, row, 2, nfc(themeText.get(code) ?? code));
      forms.forEach((_, j) => {
        const n = counts[i]?.[j] ?? 0;
        put(activitySheet, row, firstCol + j, n, { numFmt: NUM_FMT.integer, horizontal: 'right' });
        values.set(row, firstCol + j, n);
      });
      const rowSum = forms.reduce((s, _, j) => s + (counts[i]?.[j] ?? 0), 0);
      if (forms.length) {
        formula(activitySheet, row, totalCol, `SUM(${formatA1({ row, col: firstCol })}:${formatA1({ row, col: totalCol - 1 })})`, rowSum, {
          ...TOTAL,
          numFmt: NUM_FMT.integer,
          horizontal: 'right',
        });
      } else put(activitySheet, row, totalCol, 0, { ...TOTAL, numFmt: NUM_FMT.integer });
      values.set(row, totalCol, rowSum);
    });
    mergeCells(activitySheet, totalRow, 1, totalRow, 2, { ...TOTAL, value: 'Tổng', horizontal: 'center' });
    for (let col = firstCol; col <= totalCol; col++) {
      const cached = values.sum(col, L.firstRow, last);
      if (themes.length) {
        formula(activitySheet, totalRow, col, `SUM(${formatA1({ row: L.firstRow, col })}:${formatA1({ row: last, col })})`, cached, {
          ...TOTAL,
          numFmt: NUM_FMT.integer,
          horizontal: 'right',
        });
      } else put(activitySheet, totalRow, col, 0, { ...TOTAL, numFmt: NUM_FMT.integer });
    }
  }

  // ---- Phát hiện ----
  const findingsSheet = newSheet(S.findings, { widths: [6, 10, 22, 24, 12, 7, 50, 40, 24, 9] });
  findingsSheet.freeze = { rows: L.headerRow, columns: 0 };
  {
    const headers = ['STT', 'Mức độ', 'Đơn vị', 'Tệp', 'Trang tính', 'Ô', 'Nội dung', 'Message (English)', 'Mã', 'Chỉ tiêu'];
    titles(findingsSheet, headers.length, 'DANH SÁCH PHÁT HIỆN KHI KIỂM TRA BÁO CÁO', subtitle);
    const counts = (['error', 'warning', 'notice'] as const).map((s) => `${SEVERITY_LABEL[s]}: ${result.findings.filter((f) => f.severity === s).length}`);
    put(findingsSheet, 3, 1, `Tổng số: ${result.findings.length} (${counts.join('; ')}).`, { italic: true, size: 10, wrap: false });
    headers.forEach((h, i) => put(findingsSheet, L.headerRow, i + 1, h, HEADER));
    const fill: Record<Severity, string> = { error: argbToHex(COLOR.invalid), warning: argbToHex(COLOR.notMet), notice: argbToHex(COLOR.total) };
    result.findings.forEach((f: Finding, i) => {
      const row = L.firstRow + i;
      const u = f.unit ? unitByCode.get(f.unit) : undefined;
      const values: Array<string | number | null> = [
        i + 1,
        SEVERITY_LABEL[f.severity],
        f.unit ? (u ? `${name(u)} (${u.code})` : f.unit) : null,
        f.file ?? null,
        f.sheet ?? null,
        f.cell ?? null,
        f.message.vi,
        f.message.en,
        f.code,
        f.indicator ?? null,
      ];
      values.forEach((v, k) => {
        put(findingsSheet, row, k + 1, typeof v === 'string' ? nfc(v) : v, {
          ...(k === 1 ? { fill: fill[f.severity], horizontal: 'center' as const } : {}),
          ...(k === 0 || k === 5 ? { horizontal: 'center' as const } : {}),
          ...(k === 8 || k === 9 || k === 5 ? { numFmt: NUM_FMT.text } : {}),
        });
      });
    });
  }

  return {
    book: {
      sheets: [totalsSheet, matrixSheet, rankingSheet, progressSheet, activitySheet, findingsSheet],
      names: [{ name: CONSOLIDATED_MARKER_NAME, sheet: S.totals, ref: 'A1' }],
      activate: S.totals,
    },
    layout: { totalsRows, matrixColumns: Object.fromEntries(startCol) },
  };
}
