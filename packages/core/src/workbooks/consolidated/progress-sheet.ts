import type { SheetModel } from '../../book/model.ts';
import { COLOR, NUM_FMT } from '../../book/palette.ts';
import { tablePrint } from '../../book/print.ts';
import { rowOf, type CellInput } from '../../book/rows.ts';
import type { StyleModel } from '../../book/model.ts';
import { excelSerial } from '../../vocabulary/dates.ts';
import { CONSOLIDATED_TITLES, HEADERS } from '../../vocabulary/sheets.ts';
import { unitDisplayName } from '../../vocabulary/units.ts';
import { NO, UNKNOWN_MARK, YES } from '../../vocabulary/words.ts';
import { SUBMISSION_STATUS_LABELS } from '../../consolidate/status.ts';
import { BODY, SUBMISSION_FILL, columnsOf, headRows, tableSheet, type ConsolidatedContext } from './context.ts';
import { CONSOLIDATED_LAYOUT, CONSOLIDATED_SHEETS } from './layout.ts';

/** Said in the "sent" and "on time" columns of a unit that reported without being expected: not counted as "Có". */
export const NOT_EXPECTED = 'Có (ngoài danh sách)';

/**
 * "Tiến độ gửi báo cáo": one row per unit (display order): code, name, sent (Có/Không), the date
 * on the form, the register date, the deadline, on time (Có/Không/—), the file and the status
 * (received, sent but unreadable, not sent). The totals'
 * `COUNTIF(…,"Có")` count these rows, so a unit that reported without being expected reads
 * "Có (ngoài danh sách)" and is left out, as in core's totals.
 */
export function progressSheet(ctx: ConsolidatedContext): SheetModel {
  const L = CONSOLIDATED_LAYOUT;
  const columns = columnsOf(ctx.palette, [6, 10, 26, 10, 13, 13, 13, 11, 34, 18]);
  const deadline = excelSerial(ctx.result.period.deadline);
  const center: StyleModel = { ...BODY, horizontal: 'center' };
  const date: StyleModel = { ...center, numFmt: NUM_FMT.date };
  return tableSheet(CONSOLIDATED_SHEETS.progress, columns, tablePrint(columns, 'landscape', [L.headerRow, L.headerRow]), function* rows() {
    for (const row of headRows(ctx, columns, CONSOLIDATED_TITLES.progress, { headers: HEADERS.progress, headerHeight: 34 })) yield row;
    for (const [i, u] of ctx.units.entries()) {
      const outside = ctx.unexpected.has(u.code);
      const sent = !u.submitted ? NO : outside ? NOT_EXPECTED : YES;
      const onTime = u.onTime === null ? UNKNOWN_MARK : outside ? NOT_EXPECTED : u.onTime ? YES : NO;
      const onTimeFill = u.onTime === null ? COLOR.missing : u.onTime ? COLOR.met : COLOR.notMet;
      const cells: Array<[number, CellInput, StyleModel]> = [
        [1, i + 1, center],
        [2, u.code, { ...center, numFmt: NUM_FMT.text }],
        [3, unitDisplayName(u), BODY],
        [4, sent, { ...center, fill: u.submitted ? COLOR.met : COLOR.missing }],
        [5, u.submittedOn ? excelSerial(u.submittedOn) : null, date],
        [6, u.receivedOn ? excelSerial(u.receivedOn) : null, date],
        [7, deadline, date],
        [8, onTime, { ...center, fill: onTimeFill }],
        [9, u.file ? u.file.normalize('NFC') : null, BODY],
        // tells a unit whose file could not be read from one that sent nothing
        [10, SUBMISSION_STATUS_LABELS[u.status].vi, { ...center, fill: SUBMISSION_FILL[u.status] }],
      ];
      yield rowOf(ctx.palette, columns, L.firstRow + i, cells);
    }
  });
}
