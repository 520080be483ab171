/**
 * The activities table (`activities_table`, columns in `ACTIVITY_COLUMNS` order), read row by row.
 */
import { formatA1 } from '../grid/a1.ts';
import { isBlankCell, readRangeRows, resolveName, type RangeRow } from '../grid/access.ts';
import type { Activity } from '../report/model.ts';
import { ACTIVITIES_NAME, ACTIVITY_COLUMNS, codeFromListEntry, type ActivityColumn } from '../template/names.ts';
import { cellRef, nameMissing, readCount, readDate, readText, readTracked, type Located, type ReadContext } from './cells.ts';
import { activityFieldLabel } from './labels.ts';

/**
 * A theme or form code from a drop-down entry (`ND3.6 – Hiện đại hóa…` → `ND3.6`) or a bare code
 * (`nd3.6` → `ND3.6`); other text is returned as typed (normalised) so that validation can name it.
 */
export function codeFromCellText(text: string | null): string | null {
  if (text === null) return null;
  return codeFromListEntry(text) ?? text;
}

/**
 * Reads every activity row of `activities_table`. A row is skipped when every column but `order`
 * (STT, which the template may pre-number) is blank. Per row: `date` via `parseDateCell`
 * (day first; ISO); `theme`/`theme2` → `themes` (codes, duplicates dropped); `form`; `title`
 * (normalised text, `''` when blank); `quantity`/`participants` as counts; `evidence` as text;
 * `source` = the row's first cell. Unreadable values → null with the cell's finding
 * (`date-invalid`, `value-not-a-number`); a date cell that held something else than a date also
 * sets `dateUnreadable`. A missing or broken name → `template-name-missing`
 * (warning) and no activities.
 */
export function readActivities(ctx: ReadContext): Activity[] {
  const resolved = resolveName(ctx.grid, ACTIVITIES_NAME);
  if (!resolved) {
    nameMissing(ctx, ACTIVITIES_NAME, { vi: 'bảng hoạt động', en: 'activities table' }, {}, { vi: 'không đọc được hoạt động nào', en: 'no activity is read' });
    return [];
  }
  const sheet = resolved.sheet;
  const firstCol = resolved.range.start.col;
  const activities: Activity[] = [];
  for (const row of readRangeRows(sheet, resolved.range)) {
    const blank = ACTIVITY_COLUMNS.every((column, i) => column === 'order' || isBlankCell(row.cells[i]));
    if (blank) continue;
    const at = (column: ActivityColumn): Located => locateColumn(ctx, sheet.name, row, firstCol, column);
    const themes: string[] = [];
    for (const column of ['theme', 'theme2'] as const) {
      const code = codeFromCellText(readText(ctx, at(column)));
      if (code !== null && !themes.includes(code)) themes.push(code);
    }
    const date = readTracked(ctx, () => readDate(ctx, at('date')));
    const activity: Activity = {
      date: date.value,
      themes,
      form: codeFromCellText(readText(ctx, at('form'))),
      title: readText(ctx, at('title')) ?? '',
      quantity: readCount(ctx, at('quantity')),
      participants: readCount(ctx, at('participants')),
      evidence: readText(ctx, at('evidence')),
      source: cellRef(ctx.file, sheet.name, row.refs[0] ?? formatA1({ row: row.row, col: firstCol })),
    };
    if (date.unreadable) activity.dateUnreadable = true;
    activities.push(activity);
  }
  return activities;
}

/** Position of each column in `ACTIVITY_COLUMNS`. */
const COLUMN_INDEX = new Map<ActivityColumn, number>(ACTIVITY_COLUMNS.map((column, i) => [column, i]));

/** One cell of an activity row, with its reference and label. */
function locateColumn(ctx: ReadContext, sheetName: string, row: RangeRow, firstCol: number, column: ActivityColumn): Located {
  const i = COLUMN_INDEX.get(column) ?? -1;
  const ref = row.refs[i] ?? formatA1({ row: row.row, col: firstCol + i });
  return { cell: row.cells[i], ref: cellRef(ctx.file, sheetName, ref), what: activityFieldLabel(row.row, column) };
}
