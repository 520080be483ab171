import type { SheetModel, StyleModel } from '../../book/model.ts';
import { COLOR, NUM_FMT } from '../../book/palette.ts';
import { tablePrint } from '../../book/print.ts';
import { rowOf, type CellInput } from '../../book/rows.ts';
import type { UnitResult } from '../../consolidate/types.ts';
import { CONSOLIDATED_TITLES, HEADERS } from '../../vocabulary/sheets.ts';
import { unitDisplayName } from '../../vocabulary/units.ts';
import { NOT_SENT } from '../../vocabulary/words.ts';
import { BODY, columnsOf, headRows, tableSheet, type ConsolidatedContext } from './context.ts';
import { CONSOLIDATED_LAYOUT, CONSOLIDATED_SHEETS } from './layout.ts';

/** True for a unit with a score to rank. */
export function isScored(u: UnitResult): u is UnitResult & { score: number } {
  return u.submitted && typeof u.score === 'number' && Number.isFinite(u.score);
}

/**
 * The order of "Xếp hạng": scored units by score (highest first; ties in display order), then
 * the others in display order.
 */
export function rankingOrder(units: readonly UnitResult[]): UnitResult[] {
  const position = new Map(units.map((u, i) => [u.code, i]));
  const scored = units.filter(isScored);
  return [
    ...[...scored].sort((a, b) => b.score - a.score || (position.get(a.code) ?? 0) - (position.get(b.code) ?? 0)),
    ...units.filter((u) => !isScored(u)),
  ];
}

/**
 * "Xếp hạng": score (primary profile), `RANK` formula (core's rank as its result), band, the
 * other profiles' scores and the unit code; units without a score last, "Chưa gửi" when their
 * report did not arrive.
 */
export function rankingSheet(ctx: ConsolidatedContext): SheetModel {
  const L = CONSOLIDATED_LAYOUT;
  const { plan, palette } = ctx;
  const others = plan.profiles.filter((p) => p.id !== plan.primaryProfile);
  const primary = plan.profiles.find((p) => p.id === plan.primaryProfile);
  const columns = columnsOf(palette, [6, 26, 12, 10, 16, ...others.map(() => 18), 10]);
  const headers = HEADERS.ranking(primary ? primary.scale : null, others.map((p) => p.name.vi.normalize('NFC')));
  const ordered = rankingOrder(ctx.units);
  const last = L.firstRow + ordered.length - 1;
  return tableSheet(CONSOLIDATED_SHEETS.ranking, columns, tablePrint(columns, 'landscape', [L.headerRow, L.headerRow]), function* rows() {
    for (const row of headRows(ctx, columns, CONSOLIDATED_TITLES.ranking, { headers, headerHeight: 50 })) yield row;
    for (const [i, u] of ordered.entries()) {
      const row = L.firstRow + i;
      const has = isScored(u);
      const cells: Array<[number, CellInput, StyleModel]> = [
        [1, i + 1, { ...BODY, horizontal: 'center' }],
        [2, unitDisplayName(u), BODY],
        [3, has ? u.score : null, { ...BODY, numFmt: NUM_FMT.score, horizontal: 'right' }],
        [4, has ? { formula: `RANK(C${row},$C$${L.firstRow}:$C$${last})`, result: u.rank ?? '' } : null, { ...BODY, horizontal: 'center' }],
        [5, has && u.band ? u.band.vi.normalize('NFC') : u.submitted ? null : NOT_SENT, { ...BODY, horizontal: 'center', ...(u.submitted ? {} : { fill: COLOR.missing }) }],
      ];
      others.forEach((p, k) => {
        const s = u.submitted ? u.scores[p.id]?.score : undefined;
        cells.push([6 + k, typeof s === 'number' ? s : null, { ...BODY, numFmt: NUM_FMT.score, horizontal: 'right' }]);
      });
      cells.push([6 + others.length, u.code, { ...BODY, numFmt: NUM_FMT.text, horizontal: 'center' }]);
      yield rowOf(palette, columns, row, cells);
    }
  });
}
