import type { ActivityTally, CodeTally } from '../consolidate/activity-totals.ts';
import { dataTable, type DataCell } from '../document/decree30.ts';
import type { TableModel } from '../document/model.ts';
import { figureText } from '../vocabulary/figures.ts';
import { HEADERS } from '../vocabulary/sheets.ts';

/**
 * A table of activity totals in a document: code, name (a sub-form indented), number of
 * activities, Σ quantity, Σ participants; with `total`, a last row of totals.
 */
export function activityTallyTable(nameHeader: string, rows: ReadonlyArray<{ code: string; name: string; sub: boolean; tally: CodeTally }>, width: number, total?: ActivityTally): TableModel {
  const columns = [
    { header: HEADERS.activitiesCode, width: 22, align: 'center' as const },
    { header: nameHeader, width: width - 22 - 3 * 30 },
    ...HEADERS.activityTotals.map((header) => ({ header, width: 30, align: 'right' as const })),
  ];
  const body: DataCell[][] = rows.map((r) => [r.code, r.sub ? { text: `    ${r.name}`, italic: true } : r.name, figureText(r.tally.count), figureText(r.tally.quantity), figureText(r.tally.participants)]);
  if (total) body.push([{ text: HEADERS.grandTotal, bold: true, span: 2, align: 'center' }, { text: figureText(total.count), bold: true }, { text: figureText(total.quantity), bold: true }, { text: figureText(total.participants), bold: true }]);
  return dataTable(columns, body);
}
