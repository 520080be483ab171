/**
 * Action: insert the report template of a unit and a period into the open workbook.
 */
import type { AddinContext } from '../context.ts';
import { periodOf } from '../context.ts';
import type { Host, WriteOptions, WriteResult } from '../office/host.ts';
import { buildTemplate } from '@cchc-kpi/core';

/** Why an insertion could not start. */
export class InputError extends Error {
  readonly vi: string;
  constructor(vi: string, en: string) {
    super(en);
    this.name = 'InputError';
    this.vi = vi;
  }
}

/**
 * Writes the template of `unitCode` for `periodCode`: values, formulas and fills everywhere
 * (ExcelApi 1.1); merges, widths, hidden list sheets and protection from 1.2; defined names from
 * 1.4; frozen panes from 1.7; data validation from 1.8. The reader does not depend on the names
 * (report/read-open-report.ts falls back to the template's positions).
 * @throws InputError for an unknown unit or period; `SheetsExistError` when the template's sheets
 *   exist and `options.replace` is not set.
 */
export async function insertTemplate(host: Host, context: AddinContext, unitCode: string, periodCode: string, options: WriteOptions = {}): Promise<WriteResult> {
  const unit = context.units.find((u) => u.code === unitCode);
  if (!unit) throw new InputError(`Không có đơn vị mã "${unitCode}" trong danh sách.`, `Unknown unit code "${unitCode}".`);
  const period = periodOf(context, periodCode);
  if (!period) throw new InputError(`Kỳ báo cáo "${periodCode}" không hợp lệ.`, `Invalid period "${periodCode}".`);
  return host.writeBook(buildTemplate(context.plan, unit, period), options);
}
