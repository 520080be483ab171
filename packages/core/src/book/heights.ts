import { FONT, type CellModel, type ColumnModel, type RowModel, type StyleModel } from './model.ts';
import { cellTextPx, rowHeightFor, wrappedLines, LINE_FACTOR } from './text-lines.ts';

/** Height (points) Excel and LibreOffice give a row of one line of the default font: no need to set it. */
const DEFAULT_LINE = rowHeightFor(1, FONT.size);

/** What a cell shows: its text, `true` for a number or boolean (one line, never wrapped), null for a blank. */
function textOf(cell: CellModel): string | true | null {
  const shown = cell.formula !== undefined ? cell.result : cell.value;
  if (shown === null || shown === undefined || shown === '') return null;
  return typeof shown === 'string' ? shown : true;
}

/** Points a cell's text needs at the width it has (its merged width on this row). */
function cellHeight(cell: CellModel, row: RowModel, columns: readonly ColumnModel[], style: StyleModel): number {
  const size = style.size ?? FONT.size;
  const text = textOf(cell);
  if (text === null) return 0;
  if (text === true) return rowHeightFor(1, size);
  const merge = row.merges?.find((m) => m.fromCol === cell.col);
  if (merge && merge.toRow !== row.row) return 0; // spans rows: their heights together hold it
  const widths = columns.slice(cell.col - 1, merge ? merge.toCol : cell.col).map((c) => c.width);
  const px = cellTextPx(widths.length > 0 ? widths : [8.43]);
  if (style.wrap === false) return rowHeightFor(1, size);
  if (cell.rich && cell.rich.length > 0) {
    // each run starts on its own line when it begins with a line break; sizes add up line by line
    let points = 2;
    for (const run of cell.rich.map((r) => ({ ...r, text: r.text.replace(/^\n/, '') }))) {
      const runSize = run.size ?? size;
      points += wrappedLines(run.text, px, runSize, run.bold ?? style.bold ?? false) * runSize * LINE_FACTOR;
    }
    return Math.ceil(points * 4) / 4;
  }
  return rowHeightFor(wrappedLines(text, px, size, style.bold ?? false), size);
}

/**
 * The height a row needs for its wrapped text, from the text, the widths of the columns (merged
 * widths for merged cells) and the font sizes, with `row.height` as a minimum; undefined when
 * one line of the default font is enough and no height was asked for.
 */
export function fittedHeight(row: RowModel, columns: readonly ColumnModel[], styles: ReadonlyMap<string, StyleModel>): number | undefined {
  let needed = 0;
  for (const cell of row.cells) needed = Math.max(needed, cellHeight(cell, row, columns, (cell.style ? styles.get(cell.style) : undefined) ?? {}));
  if (row.height !== undefined) return Math.max(row.height, needed);
  return needed > DEFAULT_LINE ? needed : undefined;
}

/** The row with its fitted height (see {@link fittedHeight}). */
export function withFittedHeight(row: RowModel, columns: readonly ColumnModel[], styles: ReadonlyMap<string, StyleModel>): RowModel {
  const height = fittedHeight(row, columns, styles);
  if (height === row.height) return row;
  const { height: _drop, ...rest } = row;
  return height === undefined ? rest : { ...rest, height };
}
