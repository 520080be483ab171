/**
 * The figures of one matched row, read by the columns' roles and the indicator's measure:
 * numerator (achieved), denominator (total, else a planned count; for comparison indicators the
 * same period last year), value (count and yes/no indicators), the percentage the unit typed, a
 * target percentage (information only), note and evidence. Numbers typed as text in either style
 * ("1.234", "85,5%"), percentages stored as 0.855 with a % format or as 85.5, formulas (cached,
 * evaluated or reported) — never a silent guess.
 */
import type { Message } from '../../finding.ts';
import { formatA1 } from '../../grid/a1.ts';
import type { Cell } from '../../grid/grid.ts';
import type { Indicator } from '../../plan/schema.ts';
import type { IndicatorValue } from '../../report/model.ts';
import { cellNumber } from '../../text/cell-number.ts';
import { formatPercent } from '../../text/format.ts';
import { foldText } from '../../text/fold.ts';
import { parsePercent } from '../../text/percent.ts';
import { cellRef, readCount, readTypedPercent, readYesNo, type Located } from '../cells.ts';
import { indicatorFieldLabel } from '../labels.ts';
import { addFinding, type LayoutContext } from './context.ts';
import { figureCell, evaluateCellFormula } from './formula-cell.ts';
import { headingKey } from './roles.ts';
import type { ColumnRole, LayoutColumn, RowFigures } from './types.ts';

/** Folded units of measure that mark a row of percentages. */
const PERCENT_UNITS = new Set(['%', 'ti le', 'ti le %', 'phan tram']);

/** A row's figures and the indicator value for the report. */
export interface RowValues {
  figures: RowFigures;
  value: IndicatorValue;
}

/** True when a cell holds a percentage: a `%` format, text ending in `%`, or any number under a heading with `%`. */
function percentLike(cell: Cell | undefined, column: LayoutColumn): boolean {
  const n = cellNumber(cell);
  if (!n.ok) return false;
  return n.percent || headingKey(column.label).split(' ').includes('%');
}

/**
 * Reads the figures of `row` for `indicator`:
 * - cells covered by a merged range starting on another row are blank (the value counts once,
 *   at the merge's first row) with the notice `layout-merged-value`;
 * - formulas: `figureCell` (cached result, else evaluation, stale results reported);
 * - `total`, `planned`, `previous`, and `achieved` for count measures: counts (`readCount`,
 *   "1.234" → 1234); a `plan` column: a percentage → target, a count → planned count;
 * - `achieved` holding a percentage (ratio/comparison) → the typed percentage, not the numerator;
 *   a row whose unit of measure is "%" holds percentages even without a % sign (95 → 95%);
 * - `percent`: the typed percentage (`parsePercent`: 0.855 with % format, "85,5%", 85.5; a
 *   formula's result is taken as typed);
 * - ratio: numerator = achieved, denominator = total, else the planned count; comparison:
 *   numerator = achieved, denominator = previous; count: value = achieved; boolean: value =
 *   achieved read as yes/no (`parseYesNo`: Có/Không, Đạt/Không đạt, Đã thực hiện/Chưa thực hiện, x, 1/0);
 * - a percentage for a count or yes/no indicator → blank with `layout-value-unreadable`;
 * - only a percentage for a ratio/comparison (no numerator, no denominator) → `layout-percent-only`.
 * Unreadable cells → null with the reader's finding (`value-not-a-number`, `value-ambiguous`, …).
 */
export function readRowValues(ctx: LayoutContext, row: number, columns: readonly LayoutColumn[], indicator: Indicator): RowValues {
  const code = indicator.code;
  const column = (role: ColumnRole): LayoutColumn | undefined => columns.find((c) => c.role === role);
  const locate = (c: LayoutColumn, what: Message): Located => {
    const ref = formatA1({ row: row, col: c.col });
    const merge = ctx.view.mergeAt(row, c.col);
    let cell: Cell | undefined;
    if (merge && merge.start.row !== row) {
      const origin = formatA1(merge.start);
      if (ctx.view.cell(merge.start.row, merge.start.col) !== undefined) {
        addFinding(
          ctx,
          'notice',
          'layout-merged-value',
          {
            vi: `Ô ${ref} (${what.vi}) nằm trong ô gộp ${origin}; giá trị của ô gộp chỉ được tính một lần, ở dòng ${merge.start.row}.`,
            en: `Cell ${ref} (${what.en}) lies in the merged cell ${origin}; its value counts once, on row ${merge.start.row}.`,
          },
          { cell: ref, indicator: code },
        );
      }
      cell = undefined;
    } else if (merge && merge.start.col !== c.col) {
      cell = undefined;
    } else {
      cell = figureCell(ctx, row, c.col, code);
    }
    return { cell, ref: cellRef(ctx.file, ctx.sheetName, ref), what, indicator: code };
  };
  const blank = (at: Located): boolean => {
    const n = at.cell?.value;
    if (at.cell === undefined || at.cell.error) return at.cell === undefined;
    return (n === null && at.cell.formula === undefined) || (typeof n === 'string' && n.trim() === '');
  };

  const figures: RowFigures = { numerator: null, denominator: null, value: null, typedPercent: null, target: null };
  const value: IndicatorValue = { numerator: null, denominator: null, value: null, typedPercent: null, note: null, evidence: null, source: {} };
  const pair = indicator.measure === 'ratio' || indicator.measure === 'comparison';
  // A row whose unit of measure is "%" holds percentages, even typed without a % sign (95, 0.9).
  const uomCol = column('unitOfMeasure');
  const rowInPercent = uomCol !== undefined && PERCENT_UNITS.has(foldText(ctx.view.text(row, uomCol.col)).trim());
  const isPercent = (cell: Cell | undefined, c: LayoutColumn): boolean => (rowInPercent && cellNumber(cell).ok) || percentLike(cell, c);

  // Denominator candidates.
  let total: { n: number | null; at: Located } | null = null;
  const totalCol = column('total');
  if (totalCol) {
    const at = locate(totalCol, indicatorFieldLabel(code, 'denominator'));
    total = { n: readCount(ctx, at), at };
  }
  let planned: { n: number | null; at: Located } | null = null;
  for (const role of ['planned', 'plan', 'target'] as const) {
    const c = column(role);
    if (!c) continue;
    const at = locate(c, { vi: `${code}, chỉ tiêu/kế hoạch`, en: `${code} target/plan` });
    if (blank(at)) continue;
    if (role === 'target' || ((role === 'plan' || role === 'planned') && isPercent(at.cell, c))) {
      const p = parsePercent(at.cell);
      if (p.ok) figures.target = p.value;
    } else if (role === 'planned' || cellNumber(at.cell).ok) {
      planned = { n: readCount(ctx, at), at };
    }
  }
  let previous: { n: number | null; at: Located } | null = null;
  const previousCol = column('previous');
  if (previousCol) {
    const at = locate(previousCol, indicatorFieldLabel(code, 'denominator'));
    previous = { n: readCount(ctx, at), at };
  }

  // Typed percentage.
  let typed: { p: number; at: Located } | null = null;
  const percentCol = column('percent');
  if (percentCol) {
    const at = locate(percentCol, indicatorFieldLabel(code, 'percent'));
    if (!blank(at)) {
      const source = at.cell?.formula !== undefined && at.cell.value !== null ? { ...at.cell, formula: undefined } : at.cell;
      if (at.cell?.formula !== undefined && at.cell.value === null) {
        const evaluated = evaluateCellFormula(ctx, at.cell.formula);
        if (evaluated !== null) typed = { p: evaluated > 1 ? evaluated / 100 : evaluated, at };
      } else if (!at.cell?.error) {
        const p = readTypedPercent(ctx, { ...at, cell: source as Cell | undefined });
        if (p !== null) typed = { p, at };
      }
    }
  }

  // Achieved.
  const achievedCol = column('achieved');
  const achieved = achievedCol ? locate(achievedCol, indicatorFieldLabel(code, pair ? 'numerator' : 'value')) : null;
  const achievedIsPercent = achieved !== null && achievedCol !== undefined && !blank(achieved) && isPercent(achieved.cell, achievedCol);

  if (pair) {
    if (achieved && !blank(achieved)) {
      if (achievedIsPercent) {
        const p = parsePercent(achieved.cell);
        if (p.ok && typed === null) typed = { p: p.value, at: achieved };
      } else {
        value.numerator = readCount(ctx, achieved);
        value.source.numerator = achieved.ref;
      }
    } else if (achieved) value.source.numerator = achieved.ref;
    const denominator = indicator.measure === 'comparison' ? previous : (total ?? planned);
    if (denominator) {
      value.denominator = denominator.n;
      value.source.denominator = denominator.at.ref;
    }
  } else if (achieved) {
    value.source.value = achieved.ref;
    if (!blank(achieved)) {
      if (achievedIsPercent) {
        addFinding(
          ctx,
          'warning',
          'layout-value-unreadable',
          {
            vi: `Ô ${achieved.ref.cell} (${achieved.what.vi}): chỉ tiêu ${code} cần ${indicator.measure === 'boolean' ? '"Có" hoặc "Không"' : 'một số đếm'}, không phải tỷ lệ phần trăm; coi như để trống.`,
            en: `Cell ${achieved.ref.cell} (${achieved.what.en}): indicator ${code} needs ${indicator.measure === 'boolean' ? '"Có" (yes) or "Không" (no)' : 'a count'}, not a percentage; read as blank.`,
          },
          { cell: achieved.ref.cell, indicator: code },
        );
      } else if (indicator.measure === 'count') {
        value.value = readCount(ctx, achieved);
      } else {
        // Legacy-decoded text ("Coù" in VNI is "Có"), read through the one yes/no vocabulary.
        const text = typeof achieved.cell?.value === 'string' ? ctx.view.text(row, achievedCol?.col ?? 0) : '';
        value.value = readYesNo(ctx, text === '' ? achieved : { ...achieved, cell: { ...achieved.cell, value: text } });
      }
    }
  }

  if (typed !== null && pair) {
    value.typedPercent = typed.p;
    value.source.typedPercent = typed.at.ref;
  }
  const noteCol = column('note');
  if (noteCol) {
    const text = ctx.view.text(row, noteCol.col);
    if (text !== '') value.note = text;
  }
  const evidenceCol = column('evidence');
  if (evidenceCol) {
    const text = ctx.view.text(row, evidenceCol.col);
    if (text !== '') value.evidence = text;
    value.source.evidence = cellRef(ctx.file, ctx.sheetName, formatA1({ row, col: evidenceCol.col }));
  }

  if (pair && value.numerator === null && value.denominator === null && value.typedPercent !== null) {
    const at = value.source.typedPercent?.cell ?? '';
    addFinding(
      ctx,
      'warning',
      'layout-percent-only',
      {
        vi: `Chỉ tiêu ${code} (dòng ${row}): đơn vị chỉ ghi tỷ lệ ${formatPercent(value.typedPercent, 'vi')} (ô ${at}), không có tử số và mẫu số; số liệu tổng hợp của thành phố không tính được chỉ tiêu này. Đề nghị đơn vị ghi số đạt và tổng số.`,
        en: `Indicator ${code} (row ${row}): the unit gave only a percentage, ${formatPercent(value.typedPercent, 'en')} (cell ${at}), no numerator or denominator; the city totals cannot include it. Ask the unit for the achieved and total counts.`,
      },
      { cell: at, indicator: code },
    );
  }

  figures.numerator = value.numerator;
  figures.denominator = value.denominator;
  figures.value = value.value;
  figures.typedPercent = value.typedPercent;
  return { figures, value };
}
