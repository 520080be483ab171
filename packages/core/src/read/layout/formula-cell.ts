/**
 * Formula cells of a unit's table: the cached result is used; a formula without one is evaluated
 * when it is simple arithmetic or SUM (formula.ts); a cached result that differs from the
 * evaluation is reported as stale.
 */
import { formatA1, type CellAddress, type RangeAddress } from '../../grid/a1.ts';
import type { Cell } from '../../grid/grid.ts';
import { cellNumber } from '../../text/cell-number.ts';
import { formatNumber } from '../../text/format.ts';
import { addFinding, type LayoutContext } from './context.ts';
import { hasExternalReference } from '../external-reference.ts';
import { evaluateFormula, type FormulaSheet } from './formula.ts';

/** Evaluation depth limit (a formula referring to formulas referring to formulas…), also the cycle guard. */
const MAX_DEPTH = 8;
/** A SUM over more cells than this is not evaluated. */
const MAX_SUM_CELLS = 100_000;

/** The number a formula evaluates to in the context's sheet, or null when it cannot be evaluated. */
export function evaluateCellFormula(ctx: LayoutContext, formula: string, depth = 0): number | null {
  if (depth > MAX_DEPTH) return null;
  const { view } = ctx;
  const numberIn = (cell: Cell | undefined): number | null | undefined => {
    if (cell === undefined) return null;
    if (cell.value === null && cell.formula !== undefined) {
      const inner = evaluateCellFormula(ctx, cell.formula, depth + 1);
      return inner === null ? undefined : inner;
    }
    const n = cellNumber(cell);
    if (n.ok) return n.value;
    return n.reason === 'empty' ? null : undefined;
  };
  const sheet: FormulaSheet = {
    numberAt: (at: CellAddress) => numberIn(view.cell(at.row, at.col)),
    sumRange: (range: RangeAddress) => {
      if ((range.end.row - range.start.row + 1) * (range.end.col - range.start.col + 1) > MAX_SUM_CELLS) return undefined;
      let total = 0;
      for (const row of view.rows) {
        if (row < range.start.row || row > range.end.row) continue;
        for (const col of view.columnsOf(row)) {
          if (col < range.start.col || col > range.end.col) continue;
          const n = numberIn(view.cell(row, col));
          if (typeof n === 'number') total += n;
        }
      }
      return total;
    },
  };
  return evaluateFormula(formula, sheet);
}

/**
 * The cell to read a figure from, with formulas handled:
 * - a formula without cached result that evaluates → a number cell holding the result, and the
 *   notice `formula-evaluated` naming the cell; one that does not evaluate → the cell as it is
 *   (the reader then reports `formula-not-computed`);
 * - a formula with a cached number that differs from its evaluation (by more than 1e-9) →
 *   warning `formula-stale` naming the cell, both values; the cached number is used;
 * - a formula referring to another workbook (`[1]Sheet1!A1`) → the cell as it is (its cached
 *   result, never evaluated); the cell readers (`readCount`, `readYesNo`) add the warning
 *   `formula-external-reference`.
 */
export function figureCell(ctx: LayoutContext, row: number, col: number, indicator: string): Cell | undefined {
  const cell = ctx.view.cell(row, col);
  if (cell?.formula === undefined) return cell;
  const ref = formatA1({ row, col });
  // Another workbook's figure is never evaluated here; the cell readers warn (read/cells.ts).
  if (hasExternalReference(cell.formula)) return cell;
  if (cell.value === null) {
    const value = evaluateCellFormula(ctx, cell.formula);
    if (value === null) return cell;
    addFinding(
      ctx,
      'notice',
      'formula-evaluated',
      {
        vi: `Ô ${ref}: công thức =${cell.formula} chưa có kết quả lưu sẵn; đã tự tính được ${formatNumber(value, 'vi', 4)}.`,
        en: `Cell ${ref}: the formula =${cell.formula} had no cached result; evaluated to ${formatNumber(value, 'en', 4)}.`,
      },
      { cell: ref, indicator },
    );
    return { ...cell, value };
  }
  if (typeof cell.value === 'number') {
    const value = evaluateCellFormula(ctx, cell.formula);
    if (value !== null && Math.abs(value - cell.value) > 1e-9) {
      addFinding(
        ctx,
        'warning',
        'formula-stale',
        {
          vi: `Ô ${ref}: kết quả lưu sẵn ${formatNumber(cell.value, 'vi', 4)} khác với kết quả tính lại của công thức =${cell.formula} (${formatNumber(value, 'vi', 4)}); tệp chưa được tính lại. Dùng ${formatNumber(cell.value, 'vi', 4)} như trên tệp; hãy mở tệp bằng Excel, tính lại và lưu.`,
          en: `Cell ${ref}: the cached result ${formatNumber(cell.value, 'en', 4)} differs from the formula =${cell.formula} evaluated (${formatNumber(value, 'en', 4)}); the file was not recalculated. ${formatNumber(cell.value, 'en', 4)} is used as in the file; open, recalculate and save it in Excel.`,
        },
        { cell: ref, indicator },
      );
    }
  }
  return cell;
}
