import type { ColumnModel, RowModel, StyleModel } from '../../book/model.ts';
import { NUM_FMT } from '../../book/palette.ts';
import type { Palette } from '../../book/palette.ts';
import { rowOf, type CellInput } from '../../book/rows.ts';
import type { ActivityTally, CodeTally } from '../../consolidate/activity-totals.ts';
import { HEADERS } from '../../vocabulary/sheets.ts';
import { BODY, HEADER, TOTAL } from './context.ts';

/** One table of activity totals: its title, what its rows name, and the rows (code, name, tally, indented when a sub-code). */
export interface TallyTable {
  title: string;
  nameHeader: string;
  rows: ReadonlyArray<{ code: string; name: string; sub: boolean; tally: CodeTally }>;
  /** The total row, when the rows add up to it (forms' and themes' rows overlap, units' do not). */
  total?: ActivityTally;
}

/**
 * The rows of one activity-totals table of "Hoạt động", from `first`: the title (merged over A:E),
 * the header (code, name, count, Σ quantity, Σ participants), one row per entry, and the total row
 * when given. Values are core's tallies (no formula: the activities themselves are not in the
 * workbook). Returns the rows and the next free row.
 */
export function tallyTableRows(palette: Palette, columns: readonly ColumnModel[], first: number, table: TallyTable): { rows: RowModel[]; next: number } {
  const rows: RowModel[] = [];
  const num: StyleModel = { ...BODY, numFmt: NUM_FMT.integer, horizontal: 'right' };
  let row = first;
  rows.push(rowOf(palette, columns, row, [[1, table.title.normalize('NFC'), { bold: true, wrap: false }]]));
  row += 1;
  const header = [HEADERS.activitiesCode, table.nameHeader, ...HEADERS.activityTotals];
  rows.push(rowOf(palette, columns, row, header.map((h, k): [number, CellInput, StyleModel] => [k + 1, h, HEADER]), { height: 32 }));
  row += 1;
  for (const entry of table.rows) {
    const name = `${entry.sub ? '   ' : ''}${entry.name}`.normalize('NFC');
    const style: StyleModel = entry.sub ? { ...BODY, italic: true } : BODY;
    rows.push(
      rowOf(palette, columns, row, [
        [1, entry.code, { ...style, horizontal: 'center' }],
        [2, name, style],
        [3, entry.tally.count, num],
        [4, entry.tally.quantity, num],
        [5, entry.tally.participants, num],
      ]),
    );
    row += 1;
  }
  if (table.total) {
    const totalStyle: StyleModel = { ...TOTAL, numFmt: NUM_FMT.integer, horizontal: 'right' };
    rows.push(
      rowOf(
        palette,
        columns,
        row,
        [
          [1, HEADERS.grandTotal, { ...TOTAL, horizontal: 'center' }],
          [3, table.total.count, totalStyle],
          [4, table.total.quantity, totalStyle],
          [5, table.total.participants, totalStyle],
        ],
        { merges: [{ fromCol: 1, toRow: row, toCol: 2 }] },
      ),
    );
    row += 1;
  }
  return { rows, next: row };
}
