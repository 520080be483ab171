import type { SheetModel, StyleModel } from '../../book/model.ts';
import { PAGE_FOOTER, TABLE_MARGINS } from '../../book/print.ts';
import { RowSet } from '../../book/rows.ts';
import { listEntry, YES_NO } from '../../template/names.ts';
import { formatDate } from '../../vocabulary/dates.ts';
import { basisText, deadlineBasisSuffix, scoringBasisNote, targetText } from '../../vocabulary/basis.ts';
import { EVIDENCE_EXAMPLES } from '../../text/evidence.ts';
import type { Plan } from '../../plan/schema.ts';
import { cutoffText, periodName, planCitation } from '../../vocabulary/periods.ts';
import { unitDisplayName } from '../../vocabulary/units.ts';
import { columnsOf, type TemplateContext } from './context.ts';
import { TEMPLATE_SHEETS } from './layout.ts';

/** The lines of "Hướng dẫn": how to fill the form, then the theme and form lists for reference. */
export function guideLines(ctx: TemplateContext): Array<[string, StyleModel]> {
  const { plan, unit, period } = ctx;
  const { report, activities } = TEMPLATE_SHEETS;
  return [
    ['HƯỚNG DẪN ĐIỀN BIỂU MẪU BÁO CÁO', { bold: true, size: 14, horizontal: 'center' }],
    [planCitation(plan.document), { italic: true, horizontal: 'center' }],
    ['', {}],
    [`1. Biểu mẫu dành cho ${unitDisplayName(unit)} (mã ${unit.code}), kỳ báo cáo ${periodName(period, { inSentence: true })} (mã ${period.code}). ${cutoffText(period)}.`, {}],
    [`2. Hạn gửi báo cáo: chậm nhất ngày ${formatDate(period.deadline)}${deadlineBasisSuffix(plan).vi}. Ghi ngày báo cáo vào ô "Ngày báo cáo" trên trang tính "${report}" theo dạng dd/mm/yyyy.`, { bold: true }],
    ['3. Chỉ nhập vào các ô nền vàng nhạt; các ô khác (tiêu đề, mã đơn vị, mã kỳ, công thức tỷ lệ) đã được khóa.', {}],
    [
      `4. Trang tính "${report}": với chỉ tiêu tính tỷ lệ, nhập số lượng vào cột (6) "Kết quả thực hiện (tử số)" và cột (7) "Tổng số / Số phải thực hiện (mẫu số)"; không tự nhập tỷ lệ phần trăm, cột (8) "Tỷ lệ (%)" tự tính. Chỉ tiêu đếm số lượng nhập vào cột (6); chỉ tiêu Có/Không chọn "${YES_NO.yes}" hoặc "${YES_NO.no}" ở cột (6).`,
      {},
    ],
    ['5. Ô để trống nghĩa là chưa có số liệu; để trống khác với số 0. Chỉ nhập 0 khi kết quả thực tế bằng 0.', {}],
    [
      '6. Mẫu số bằng 0 nghĩa là chỉ tiêu không áp dụng đối với đơn vị (ví dụ phường không có điểm Bưu điện văn hóa xã): nhập 0 vào mẫu số và ghi lý do ở cột "Ghi chú". Chỉ tiêu không áp dụng không bị trừ điểm.',
      {},
    ],
    [
      `7. Tài liệu kiểm chứng: ghi số, ký hiệu và ngày của văn bản (ví dụ ${EVIDENCE_EXAMPLES.document}), đường dẫn (ví dụ ${EVIDENCE_EXAMPLES.link}) hoặc tên tệp gửi kèm (ví dụ ${EVIDENCE_EXAMPLES.file}) cho từng chỉ tiêu và từng hoạt động. Ghi chú khác (như "có", "x", "Biên bản") không phải tài liệu kiểm chứng: bị cảnh báo và không được tính.`,
      {},
    ],
    [
      `8. Trang tính "${activities}": mỗi dòng một hoạt động tuyên truyền: ngày thực hiện (dd/mm/yyyy, trong kỳ báo cáo); chọn "Nội dung chính", "Nội dung khác" (nếu có) và "Hình thức" từ danh sách thả xuống; tên hoạt động; số lượng (số tin, bài, buổi, tờ rơi, lượt phát…); số người tham dự (nếu có); tài liệu kiểm chứng. Phần "Thuyết minh kết quả" cuối trang "${TEMPLATE_SHEETS.report}": ghi bằng lời kết quả nổi bật, tồn tại, hạn chế, nguyên nhân, nhiệm vụ kỳ tới, đề xuất, kiến nghị (xuống dòng trong ô: Alt+Enter); nội dung được đưa vào báo cáo của thành phố, ghi rõ tên đơn vị.`,
      {},
    ],
    [
      '9. Không đổi tên, xóa hoặc thêm trang tính; không di chuyển, xóa các ô và dòng của bảng; không sửa mã đơn vị, mã kỳ báo cáo. Chương trình tổng hợp đọc số liệu theo tên của từng ô, nên biểu mẫu bị thay đổi cấu trúc có thể không đọc được.',
      {},
    ],
    ['10. Lưu tệp ở định dạng Excel (.xlsx), giữ nguyên tên tệp, và gửi kèm tài liệu kiểm chứng theo quy định.', {}],
    ['', {}],
    ['CĂN CỨ CỦA CHỈ TIÊU, TRỌNG SỐ, THANG ĐIỂM VÀ HẠN GỬI BÁO CÁO', { bold: true }],
    ...plan.indicators.map((i): [string, StyleModel] => [`${i.code} – ${targetText(i).vi}. ${basisText(i.target.basis).vi}`, { size: 11 }]),
    ...basisNotes(plan).map((line): [string, StyleModel] => [line, { size: 11 }]),
    ['', {}],
    ['DANH MỤC NỘI DUNG TUYÊN TRUYỀN', { bold: true }],
    ...plan.themes.map((t): [string, StyleModel] => [listEntry(t.code, t.text.vi), t.parent ? { size: 11 } : {}]),
    ['', {}],
    ['DANH MỤC HÌNH THỨC TUYÊN TRUYỀN', { bold: true }],
    ...plan.forms.map((f): [string, StyleModel] => [listEntry(f.code, f.text.vi), f.parent ? { size: 11 } : {}]),
  ];
}

/** The lines on weights, scoring and the deadline under the targets' bases in the guide. */
function basisNotes(plan: Plan): string[] {
  const weights = plan.indicators.map((i) => `${i.code} ${i.weight}`).join(', ');
  const weightBases = [...new Set(plan.indicators.map((i) => basisText(i.weightBasis).vi))];
  return [
    `Trọng số: ${weights}. ${weightBases.join(' ')}`,
    ...plan.profiles.map((p) => scoringBasisNote(p, plan)),
    `Hạn gửi báo cáo: ${plan.deadline.daysAfterCutoff} ngày sau ngày chốt số liệu. ${basisText(plan.deadline.basis).vi}`,
  ];
}

/** "Hướng dẫn": one wide column of instructions, A4 portrait. */
export function guideSheet(ctx: TemplateContext): SheetModel {
  const columns = columnsOf(ctx.palette, [110]);
  const rows = new RowSet(ctx.palette);
  guideLines(ctx).forEach(([text, style], i) => rows.put(i + 1, 1, text ? text.normalize('NFC') : null, { vertical: 'top', ...style }));
  const built = rows.rows(columns);
  return {
    name: TEMPLATE_SHEETS.guide,
    columns,
    gridlines: false,
    protect: true,
    validations: [],
    print: { orientation: 'portrait', fit: { width: 1, height: 0 }, margins: { ...TABLE_MARGINS }, horizontalCentered: true, footer: PAGE_FOOTER },
    rows: () => built,
  };
}
