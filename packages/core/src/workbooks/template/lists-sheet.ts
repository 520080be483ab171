import type { SheetModel } from '../../book/model.ts';
import { NUM_FMT } from '../../book/palette.ts';
import { RowSet } from '../../book/rows.ts';
import { HEADER_NAMES, TEMPLATE_VERSION, YES_NO, listEntry } from '../../template/names.ts';
import { HEADERS } from '../../vocabulary/sheets.ts';
import { columnsOf, type TemplateContext } from './context.ts';
import { TEMPLATE_SHEETS } from './layout.ts';

/** Hidden "Danh mục": the sources of the drop-downs (themes, forms, yes/no). */
export function listsSheet(ctx: TemplateContext): SheetModel {
  const { plan, palette } = ctx;
  const columns = columnsOf(palette, [60, 60, 12]);
  const rows = new RowSet(palette);
  HEADERS.lists.forEach((h, i) => rows.put(1, i + 1, h, { bold: true }));
  plan.themes.forEach((theme, i) => rows.put(i + 2, 1, listEntry(theme.code, theme.text.vi).normalize('NFC'), { wrap: false }));
  plan.forms.forEach((form, i) => rows.put(i + 2, 2, listEntry(form.code, form.text.vi).normalize('NFC'), { wrap: false }));
  rows.put(2, 3, YES_NO.yes, { wrap: false });
  rows.put(3, 3, YES_NO.no, { wrap: false });
  const built = rows.rows(columns);
  return { name: TEMPLATE_SHEETS.lists, hidden: true, columns, gridlines: true, protect: true, validations: [], rows: () => built };
}

/** Hidden "_meta": the plan id and the template version the reader checks. */
export function metaSheet(ctx: TemplateContext): SheetModel {
  const { plan, palette } = ctx;
  const columns = columnsOf(palette, [20, 20]);
  const rows = new RowSet(palette);
  rows.put(1, 1, HEADER_NAMES.planId);
  rows.put(1, 2, plan.id, { numFmt: NUM_FMT.text });
  rows.put(2, 1, HEADER_NAMES.templateVersion);
  rows.put(2, 2, TEMPLATE_VERSION, { numFmt: NUM_FMT.text });
  const built = rows.rows(columns);
  return { name: TEMPLATE_SHEETS.meta, hidden: true, columns, gridlines: true, protect: true, validations: [], rows: () => built };
}
