import type { CellModel, ColumnModel, MergeModel, RowModel, Scalar, StyleModel } from './model.ts';
import type { Palette } from './palette.ts';
import { withFittedHeight } from './heights.ts';

/** What a cell receives: a constant (null = blank) or a formula with its result. */
export type CellInput = Scalar | null | { formula: string; result: Scalar } | { rich: CellModel['rich'] & {} };

/**
 * Collects the cells of a small sheet in any order (the cover, the template's sheets) and gives
 * them back as rows in order, each with its fitted height. Large tables yield their rows from a
 * generator instead, through {@link rowOf}.
 */
export class RowSet {
  private readonly lines = new Map<number, { cells: Map<number, CellModel>; merges: MergeModel[]; height?: number; breakAfter?: boolean }>();

  constructor(readonly palette: Palette) {}

  private line(row: number): { cells: Map<number, CellModel>; merges: MergeModel[]; height?: number; breakAfter?: boolean } {
    let line = this.lines.get(row);
    if (!line) {
      line = { cells: new Map(), merges: [] };
      this.lines.set(row, line);
    }
    return line;
  }

  /** Sets a cell (replacing what it had). */
  put(row: number, col: number, input: CellInput, style: StyleModel = {}): void {
    this.line(row).cells.set(col, cellOf(col, input, this.palette.name(style)));
  }

  /** Merges `row, fromCol` … `toRow, toCol` and writes `input` into the top-left cell. */
  merge(row: number, fromCol: number, toRow: number, toCol: number, input: CellInput, style: StyleModel = {}): void {
    if (toRow > row || toCol > fromCol) this.line(row).merges.push({ fromCol, toRow, toCol });
    this.put(row, fromCol, input, style);
  }

  /** A minimum height (points) for a row; the fitted height may be larger. */
  height(row: number, points: number): void {
    this.line(row).height = points;
  }

  /** A manual page break after `row`. */
  breakAfter(row: number): void {
    this.line(row).breakAfter = true;
  }

  /** The last row used (0 when empty). */
  get lastRow(): number {
    return Math.max(0, ...this.lines.keys());
  }

  /** The rows in order, with fitted heights (see `fittedHeight`). */
  rows(columns: readonly ColumnModel[]): RowModel[] {
    return [...this.lines.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([row, line]) => {
        const model: RowModel = {
          row,
          cells: [...line.cells.values()].sort((a, b) => a.col - b.col),
          ...(line.merges.length > 0 ? { merges: line.merges } : {}),
          ...(line.height !== undefined ? { height: line.height } : {}),
          ...(line.breakAfter ? { breakAfter: true } : {}),
        };
        return withFittedHeight(model, columns, this.palette.styles);
      });
  }
}

/** A cell model from what a builder writes. */
export function cellOf(col: number, input: CellInput, style: string): CellModel {
  if (input !== null && typeof input === 'object') {
    if ('formula' in input) return { col, formula: input.formula, result: input.result, style };
    return { col, value: input.rich.map((r) => r.text).join(''), rich: input.rich, style };
  }
  return { col, value: input, style };
}

/**
 * One row of a large table from its cells (`[col, input, style]`, in column order), with its
 * fitted height.
 */
export function rowOf(
  palette: Palette,
  columns: readonly ColumnModel[],
  row: number,
  cells: ReadonlyArray<readonly [number, CellInput, StyleModel]>,
  extra: Pick<RowModel, 'merges' | 'height' | 'breakAfter'> = {},
): RowModel {
  return withFittedHeight({ row, cells: cells.map(([col, input, style]) => cellOf(col, input, palette.name(style))), ...extra }, columns, palette.styles);
}
