import type { ColumnModel, PrintModel, RowModel } from './model.ts';
import { columnPx } from './text-lines.ts';

/**
 * Print setup of the workbooks we write: A4, narrow margins, a page-number footer, header rows
 * (and for wide tables the leading columns) repeated on every page, and a scale that stays
 * readable: a table that fits the page width at 65 % or more is fitted to it; a wider one prints
 * at 70 % across several pages (its leading columns repeated) instead of shrinking its text to a few points.
 */

/** A4 in inches. */
const A4 = { portrait: { width: 8.27, height: 11.69 }, landscape: { width: 11.69, height: 8.27 } } as const;

/** The scale (percent) a table too wide for the page is printed at: 12-point text stays above 8 points. */
export const READABLE_SCALE = 70;

/** A table is fitted to the page width (or a short sheet to one page) when that keeps this scale (percent) or more. */
export const FIT_ABOVE = 65;

/** Margins of tables (inches). */
export const TABLE_MARGINS = { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } as const;

/** Page number at the bottom centre, `Trang 2/5`. */
export const PAGE_FOOTER = '&C&"Times New Roman,Regular"&10Trang &P/&N';

/** Default row height (points) of rows whose height is not set. */
const DEFAULT_ROW = 15.75;

/** Pixels (96 dpi) the columns of a sheet take side by side. */
export function tableWidthPx(columns: readonly ColumnModel[]): number {
  return columns.reduce((sum, c) => sum + columnPx(c.width), 0);
}

/** The scale (percent) at which `columns` fill the printable width of the page; at most 100. */
export function fitWidthScale(columns: readonly ColumnModel[], orientation: PrintModel['orientation'], margins: PrintModel['margins'] = TABLE_MARGINS): number {
  const printable = (A4[orientation].width - margins.left - margins.right) * 96;
  return Math.min(100, Math.floor((printable / tableWidthPx(columns)) * 100));
}

/**
 * The print setup of a table: A4 in `orientation`, `titleRows` repeated; fitted to the page
 * width when that keeps {@link READABLE_SCALE}, else printed at that scale across several pages
 * wide with `titleColumns` repeated at the left.
 */
export function tablePrint(columns: readonly ColumnModel[], orientation: PrintModel['orientation'], titleRows?: readonly [number, number], titleColumns?: readonly [number, number]): PrintModel {
  const fits = fitWidthScale(columns, orientation) >= FIT_ABOVE;
  return {
    orientation,
    fit: fits ? { width: 1, height: 0 } : { scale: READABLE_SCALE },
    ...(titleRows ? { titleRows } : {}),
    ...(!fits && titleColumns ? { titleColumns } : {}),
    margins: { ...TABLE_MARGINS },
    horizontalCentered: true,
    footer: PAGE_FOOTER,
  };
}

/** The scale (percent) a sheet is printed at, as far as its setup tells (fit to width: the width's scale). */
export function printedScale(print: PrintModel, columns: readonly ColumnModel[]): number {
  return 'scale' in print.fit ? print.fit.scale : print.fit.width === 0 ? 100 : fitWidthScale(columns, print.orientation, print.margins);
}

/**
 * How many leading columns print on the first page (all of them when the sheet is fitted to the
 * page width): a title merged across them stays on that page.
 */
export function firstPageColumns(print: PrintModel, columns: readonly ColumnModel[]): number {
  const printable = ((A4[print.orientation].width - print.margins.left - print.margins.right) * 96 * 100) / printedScale(print, columns);
  let used = 0;
  for (const [i, c] of columns.entries()) {
    used += columnPx(c.width);
    if (used > printable) return Math.max(1, i);
  }
  return columns.length;
}

/** Points of sheet height one printed page holds. */
export function pageHeightPt(print: PrintModel, columns: readonly ColumnModel[]): number {
  const inches = A4[print.orientation].height - print.margins.top - print.margins.bottom;
  return (inches * 72 * 100) / printedScale(print, columns);
}

/** Height (points) of a row as printed. */
export function rowPoints(row: Pick<RowModel, 'height'> | undefined): number {
  return row?.height ?? DEFAULT_ROW;
}

/**
 * Rows after which to break the page so that each block (`[fromRow, toRow]`, in order) prints on
 * one page, given the rows' heights, the page height and the rows repeated on every page. A
 * block taller than a page is left to flow.
 */
export function keepTogether(rows: readonly RowModel[], print: PrintModel, columns: readonly ColumnModel[], blocks: ReadonlyArray<readonly [number, number]>): number[] {
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const last = Math.max(0, ...rows.map((r) => r.row));
  const page = pageHeightPt(print, columns);
  const titles = print.titleRows ? rowRange(byRow, print.titleRows[0], print.titleRows[1]) : 0;
  const breaks: number[] = [];
  let used = 0;
  let pageStart = true;
  for (let row = 1; row <= last; row++) {
    const block = blocks.find(([from]) => from === row);
    if (block) {
      const height = rowRange(byRow, block[0], block[1]);
      const room = page - used;
      if (height > room && height <= page - titles && !pageStart) {
        breaks.push(row - 1);
        used = titles;
      }
    }
    used += rowPoints(byRow.get(row));
    pageStart = false;
    if (used > page) {
      used = titles + rowPoints(byRow.get(row));
    }
  }
  return breaks;
}

function rowRange(byRow: ReadonlyMap<number, RowModel>, from: number, to: number): number {
  let sum = 0;
  for (let row = from; row <= to; row++) sum += rowPoints(byRow.get(row));
  return sum;
}
