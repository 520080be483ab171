import type { SheetModel, ValidationModel } from '../../book/model.ts';
import { NUM_FMT } from '../../book/palette.ts';
import { tablePrint } from '../../book/print.ts';
import { RowSet } from '../../book/rows.ts';
import { formatA1 } from '../../grid/a1.ts';
import { ACTIVITY_COLUMNS, LIST_NAMES, type ActivityColumn } from '../../template/names.ts';
import { formatDate } from '../../vocabulary/dates.ts';
import { cutoffText, periodName } from '../../vocabulary/periods.ts';
import { HEADERS } from '../../vocabulary/sheets.ts';
import { unitDisplayName } from '../../vocabulary/units.ts';
import { HEADER, INPUT, columnsOf, type TemplateContext } from './context.ts';
import { TEMPLATE_LAYOUT, TEMPLATE_SHEETS } from './layout.ts';
import { dateValidation, listValidation, wholeValidation } from './validations.ts';

/** Column widths of the activities table, by column. */
const WIDTHS: Record<ActivityColumn, number> = { order: 6, date: 12, theme: 30, theme2: 30, form: 30, title: 40, quantity: 10, participants: 12, evidence: 32 };

/** Number formats of the activities table's input columns. */
const FORMATS: Partial<Record<ActivityColumn, string>> = { date: NUM_FMT.date, quantity: NUM_FMT.integer, participants: NUM_FMT.integer };

/**
 * "Hoạt động": the unit's communication activities, one per row, 200 input rows (the defined
 * name `activities_table`), columns in `ACTIVITY_COLUMNS` order, with drop-downs of the plan's
 * themes and forms and date checks against the cut-off window.
 */
export function activitiesSheet(ctx: TemplateContext): SheetModel {
  const { unit, period, palette } = ctx;
  const L = TEMPLATE_LAYOUT;
  const columns = columnsOf(palette, ACTIVITY_COLUMNS.map((c) => WIDTHS[c]));
  const rows = new RowSet(palette);
  rows.merge(1, 1, 1, columns.length, 'DANH SÁCH HOẠT ĐỘNG TUYÊN TRUYỀN CCHC', { bold: true, size: 14, horizontal: 'center' });
  rows.height(1, 22);
  rows.merge(2, 1, 2, columns.length, `${unitDisplayName(unit)} (mã ${unit.code}) – ${periodName(period)} (${period.code}). ${cutoffText(period)}.`.normalize('NFC'), {
    italic: true,
    horizontal: 'center',
  });
  ACTIVITY_COLUMNS.forEach((key, i) => rows.put(L.activitiesHeaderRow, i + 1, HEADERS.activitiesTable[key], HEADER));
  const first = L.activitiesFirstRow;
  const last = first + L.activityRows - 1;
  for (let row = first; row <= last; row++) {
    ACTIVITY_COLUMNS.forEach((key, i) => {
      const format = FORMATS[key];
      rows.put(row, i + 1, null, { ...INPUT, vertical: 'top', ...(format ? { numFmt: format } : {}) });
    });
  }
  const rules: Partial<Record<ActivityColumn, (range: string) => ValidationModel>> = {
    order: (r) => wholeValidation(r, 'Số thứ tự của hoạt động.'),
    date: (r) =>
      dateValidation(
        r,
        period.cutoffStart,
        period.cutoffEnd,
        'warning',
        `Ngày nằm ngoài kỳ báo cáo (${formatDate(period.cutoffStart)} – ${formatDate(period.cutoffEnd)}); hoạt động ngoài kỳ sẽ không được tính. Vẫn giữ?`,
      ),
    theme: (r) => listValidation(r, LIST_NAMES.themes, 'Chọn nội dung tuyên truyền chính (mã ND).'),
    theme2: (r) => listValidation(r, LIST_NAMES.themes, 'Chọn thêm một nội dung tuyên truyền (nếu có).'),
    form: (r) => listValidation(r, LIST_NAMES.forms, 'Chọn hình thức tuyên truyền (mã HT).'),
    quantity: (r) => wholeValidation(r, 'Số lượng: số tin, bài, buổi, tờ rơi, lượt phát… của hoạt động.'),
    participants: (r) => wholeValidation(r, 'Số người tham dự (nếu có).'),
  };
  const validations = ACTIVITY_COLUMNS.flatMap((key, i) => {
    const rule = rules[key];
    return rule ? [rule(`${formatA1({ row: first, col: i + 1 })}:${formatA1({ row: last, col: i + 1 })}`)] : [];
  });
  const built = rows.rows(columns);
  return {
    name: TEMPLATE_SHEETS.activities,
    columns,
    freeze: { rows: L.activitiesHeaderRow, columns: 0 },
    activeCell: `A${first}`,
    gridlines: true,
    protect: true,
    validations,
    print: tablePrint(columns, 'landscape', [L.activitiesHeaderRow, L.activitiesHeaderRow]),
    rows: () => built,
  };
}
