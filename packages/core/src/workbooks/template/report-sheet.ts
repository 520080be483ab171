import type { SheetModel, StyleModel, ValidationModel } from '../../book/model.ts';
import { COLOR, NUM_FMT } from '../../book/palette.ts';
import { tablePrint } from '../../book/print.ts';
import { RowSet } from '../../book/rows.ts';
import { formatA1 } from '../../grid/a1.ts';
import { indicatorAppliesTo } from '../../plan/applies.ts';
import type { Indicator } from '../../plan/schema.ts';
import { LIST_NAMES, NARRATIVE_FIELDS, YES_NO } from '../../template/names.ts';
import { formatDate } from '../../vocabulary/dates.ts';
import { NATIONAL_MOTTO, NATIONAL_NAME, unitSignature } from '../../vocabulary/headings.ts';
import { cutoffText, periodName, planCitation } from '../../vocabulary/periods.ts';
import { HEADERS, NARRATIVE_LABELS, NARRATIVE_TITLE } from '../../vocabulary/sheets.ts';
import { deadlineBasisSuffix, targetText } from '../../vocabulary/basis.ts';
import { unitDisplayName, unitIssuingBody } from '../../vocabulary/units.ts';
import { GREY, HEADER, INPUT, columnsOf, type TemplateContext } from './context.ts';
import { TEMPLATE_LAYOUT, TEMPLATE_SHEETS, hasRatio, narrativeRows } from './layout.ts';
import { dateValidation, listValidation, wholeValidation } from './validations.ts';

/** The explanatory second line under an indicator's text: what goes in the numerator/denominator cells. */
export function inputHint(indicator: Indicator): string {
  switch (indicator.measure) {
    case 'ratio':
      return `Tử số (6): ${indicator.numeratorLabel ?? 'kết quả thực hiện'}; mẫu số (7): ${indicator.denominatorLabel ?? 'tổng số phải thực hiện'}.`;
    case 'comparison':
      return `So sánh: (6) ${indicator.numeratorLabel ?? 'kỳ này'}; (7) ${indicator.denominatorLabel ?? 'cùng kỳ năm trước'}; tỷ lệ (8) = (6) ÷ (7), trên 100% là tăng.`;
    case 'count':
      return `Nhập số lượng vào cột (6)${indicator.numeratorLabel ? `: ${indicator.numeratorLabel}` : ''}.`;
    case 'boolean':
      return `Chọn "${YES_NO.yes}" hoặc "${YES_NO.no}" ở cột (6)${indicator.numeratorLabel ? `: ${indicator.numeratorLabel}` : ''}.`;
  }
}

/** Said under an indicator that does not apply to the unit (greyed, locked). */
export const NOT_APPLICABLE_HINT = 'Không áp dụng đối với đơn vị này.';

/**
 * "Báo cáo": the unit's heading (Decree 30/2020/NĐ-CP), the header cells (unit code, period
 * code, report date), one row per plan indicator (input cells unlocked and filled, a live ratio
 * for ratio and comparison measures, grey where the indicator does not apply), the narrative block
 * (one input cell per field of `NARRATIVE_NAMES`) and the signature block.
 */
export function reportSheet(ctx: TemplateContext): SheetModel {
  const { plan, unit, period, palette } = ctx;
  const L = TEMPLATE_LAYOUT;
  const C = L.columns;
  // column B is wide enough for the bold "Đơn vị báo cáo:" merged across A:B; column E for a
  // target with its basis label ("… (quy ước; kế hoạch không nêu số cụ thể)")
  const columns = columnsOf(palette, [5, 11, 46, 10, 18, 15, 15, 10, 20, 28]);
  const lastCol = columns.length;
  const rows = new RowSet(palette);
  const validations: ValidationModel[] = [];
  const merged = (row: number, from: number, to: number, value: string, style: StyleModel, height?: number): void => {
    rows.merge(row, from, row, to, value.normalize('NFC'), { horizontal: 'center', ...style });
    if (height) rows.height(row, height);
  };
  merged(1, 1, 4, unitIssuingBody(unit), { bold: true });
  merged(1, 6, lastCol, NATIONAL_NAME, { bold: true });
  merged(2, 1, 4, `Mã đơn vị: ${unit.code}`, { italic: true, size: 11 });
  merged(2, 6, lastCol, NATIONAL_MOTTO, { bold: true });
  merged(4, 1, lastCol, `BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH TUYÊN TRUYỀN CCHC NĂM ${plan.year}`, { bold: true, size: 14 }, 22);
  merged(5, 1, lastCol, `Thực hiện ${planCitation(plan.document)}`, { italic: true });
  merged(6, 1, lastCol, `Kỳ báo cáo: ${periodName(period)}`, { bold: true });
  merged(7, 1, lastCol, cutoffText(period), { italic: true });

  rows.merge(L.unitRow, 1, L.unitRow, 2, 'Đơn vị báo cáo:', { bold: true, wrap: false });
  rows.put(L.unitRow, 3, unitDisplayName(unit), { bold: true, wrap: false });
  rows.put(L.unitRow, 5, 'Mã đơn vị:', { horizontal: 'right', wrap: false });
  rows.put(L.unitRow, C.numerator, unit.code, { bold: true, numFmt: NUM_FMT.text, horizontal: 'center', border: 'all' });
  rows.put(L.unitRow, 7, 'Mã kỳ báo cáo:', { horizontal: 'right', wrap: false });
  rows.put(L.unitRow, C.percent, period.code, { bold: true, numFmt: NUM_FMT.text, horizontal: 'center', border: 'all' });

  rows.merge(L.submittedRow, 1, L.submittedRow, 2, 'Ngày báo cáo:', { bold: true, wrap: false });
  rows.put(L.submittedRow, 3, null, { ...INPUT, numFmt: NUM_FMT.date, horizontal: 'center' });
  const lastSubmission = `${period.year + 1}-12-31`;
  validations.push(
    dateValidation(
      formatA1({ row: L.submittedRow, col: 3 }),
      period.cutoffStart,
      lastSubmission,
      'stop',
      `Nhập ngày báo cáo dạng dd/mm/yyyy, từ ${formatDate(period.cutoffStart)} đến ${formatDate(lastSubmission)}.`,
    ),
  );
  rows.merge(L.submittedRow, 4, L.submittedRow, lastCol, `(dd/mm/yyyy) – Hạn gửi báo cáo: ${formatDate(period.deadline)}${deadlineBasisSuffix(plan).vi}`, { italic: true, size: 11, wrap: false });

  HEADERS.report.forEach((title, i) => {
    rows.put(L.headerRow, i + 1, title, HEADER);
    rows.put(L.columnNumberRow, i + 1, `(${i + 1})`, { italic: true, size: 10, fill: COLOR.header, border: 'all', horizontal: 'center' });
  });

  plan.indicators.forEach((indicator, i) => {
    const row = L.firstIndicatorRow + i;
    const applies = indicatorAppliesTo(indicator, unit);
    const hint = applies ? inputHint(indicator) : NOT_APPLICABLE_HINT;
    rows.put(row, C.stt, i + 1, { border: 'all', horizontal: 'center' });
    rows.put(row, C.code, indicator.code, { border: 'all', horizontal: 'center', numFmt: NUM_FMT.text });
    rows.put(
      row,
      C.text,
      { rich: [{ text: indicator.text.vi.normalize('NFC') }, { text: `\n${hint}`.normalize('NFC'), italic: true, size: 10, color: COLOR.hint }] },
      { border: 'all', vertical: 'top' },
    );
    rows.put(row, C.unitOfMeasure, indicator.unitOfMeasure.normalize('NFC'), { border: 'all', horizontal: 'center' });
    rows.put(row, C.target, targetText(indicator).vi, { border: 'all', horizontal: 'center' });
    const numeratorAddr = formatA1({ row, col: C.numerator });
    const denominatorAddr = formatA1({ row, col: C.denominator });
    const input = applies ? INPUT : GREY;
    if (hasRatio(indicator)) {
      rows.put(row, C.numerator, null, { ...input, numFmt: NUM_FMT.integer, horizontal: 'right' });
      rows.put(row, C.denominator, null, { ...input, numFmt: NUM_FMT.integer, horizontal: 'right' });
      validations.push(wholeValidation(numeratorAddr, indicator.numeratorLabel ?? 'Kết quả thực hiện (tử số).'));
      validations.push(wholeValidation(denominatorAddr, `${indicator.denominatorLabel ?? 'Tổng số phải thực hiện (mẫu số)'}. Nhập 0 nếu không áp dụng.`));
      rows.put(
        row,
        C.percent,
        { formula: `IF(AND(ISNUMBER(${denominatorAddr}),${denominatorAddr}>0),${numeratorAddr}/${denominatorAddr},"")`, result: '' },
        { border: 'all', numFmt: NUM_FMT.percent, horizontal: 'right' },
      );
    } else {
      rows.put(row, C.numerator, null, {
        ...input,
        horizontal: indicator.measure === 'boolean' ? 'center' : 'right',
        ...(indicator.measure === 'count' ? { numFmt: NUM_FMT.integer } : {}),
      });
      validations.push(
        indicator.measure === 'boolean'
          ? listValidation(numeratorAddr, LIST_NAMES.yesNo, `Chọn "${YES_NO.yes}" hoặc "${YES_NO.no}".`)
          : wholeValidation(numeratorAddr, indicator.numeratorLabel ?? `Số lượng (${indicator.unitOfMeasure}).`),
      );
      rows.put(row, C.denominator, null, GREY);
      rows.put(row, C.percent, null, GREY);
    }
    rows.put(row, C.note, null, { ...INPUT, vertical: 'top' });
    rows.put(row, C.evidence, null, { ...INPUT, vertical: 'top' });
  });

  // the narrative: what the unit writes in words, one tall input cell per field (C:J)
  const narrative = narrativeRows(plan);
  rows.merge(narrative.title, 1, narrative.title, lastCol, NARRATIVE_TITLE, { bold: true, wrap: false });
  rows.height(narrative.title, 20);
  NARRATIVE_FIELDS.forEach((field, k) => {
    const row = narrative.first + k;
    rows.merge(row, 1, row, 2, NARRATIVE_LABELS[field], { bold: true, border: 'all', vertical: 'top' });
    rows.merge(row, C.text, row, lastCol, null, { ...INPUT, vertical: 'top', horizontal: 'left' });
    rows.height(row, 72);
  });

  // signature blocks: the preparer left, the unit's head right (TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH)
  const signRow = narrative.last + 2;
  const preparer = ['NGƯỜI LẬP BIỂU', '(Ký, ghi rõ họ tên)'];
  const head = [...unitSignature(unit), '(Ký tên, đóng dấu)'];
  preparer.forEach((text, k) => rows.merge(signRow + k, 2, signRow + k, 3, text, { bold: k === 0, italic: k > 0, horizontal: 'center' }));
  head.forEach((text, k) => rows.merge(signRow + k, 7, signRow + k, lastCol, text, { bold: k < head.length - 1, italic: k === head.length - 1, horizontal: 'center' }));

  const built = rows.rows(columns);
  return {
    name: TEMPLATE_SHEETS.report,
    tabColor: COLOR.tab,
    columns,
    freeze: { rows: L.columnNumberRow, columns: 0 },
    activeCell: formatA1({ row: L.firstIndicatorRow, col: C.numerator }),
    gridlines: false,
    protect: true,
    validations,
    print: tablePrint(columns, 'landscape', [L.headerRow, L.columnNumberRow]),
    rows: () => built,
  };
}
