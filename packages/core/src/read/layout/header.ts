/**
 * Finding a table's header in a sheet by what its headings mean (roles.ts), not by position:
 * one or two header rows, merged heading cells spread over the columns they cover.
 */
import { numberToColumn } from '../../grid/a1.ts';
import { columnRole, labelMeaning } from './roles.ts';
import type { SheetView } from './sheet-view.ts';
import type { ColumnRole, LayoutColumn } from './types.ts';

/** Header rows are looked for among the first this many non-blank rows of a sheet. */
export const HEADER_SCAN_ROWS = 60;
/** A heading longer than this is not a heading (it is a title or a data text). */
const MAX_HEADING_LENGTH = 80;

/** The roles that hold a report's figures. */
export const FIGURE_ROLES: ReadonlySet<ColumnRole> = new Set(['total', 'achieved', 'percent', 'plan', 'target', 'planned', 'previous']);

/** A header candidate: its rows, its columns (label and role from the headings alone) and a score. */
export interface HeaderGuess {
  rows: number[];
  columns: LayoutColumn[];
  /** Higher is better: 3 for a text column, 2 per distinct figure role, 1 per other distinct known role. */
  score: number;
}

/** The label a position shows: its own text, or the text of the merged range covering it. */
export function labelAt(view: SheetView, row: number, col: number): string {
  const merge = view.mergeAt(row, col);
  if (merge) return view.text(merge.start.row, merge.start.col);
  return view.text(row, col);
}

/** Columns that show something in a row: its cells and the columns of merged ranges crossing it. */
function columnsShown(view: SheetView, row: number, maxCol: number): number[] {
  const cols = new Set(view.columnsOf(row));
  for (let col = 1; col <= maxCol; col++) if (view.mergeAt(row, col)) cols.add(col);
  return [...cols].filter((c) => labelAt(view, row, c) !== '').sort((a, b) => a - b);
}

function score(columns: readonly LayoutColumn[]): number {
  const roles = new Set(columns.map((c) => c.role));
  let s = roles.has('text') ? 3 : 0;
  for (const role of roles) {
    if (FIGURE_ROLES.has(role)) s += 2;
    else if (role !== 'text' && role !== 'other') s += 1;
  }
  return s;
}

/** A header needs at least one figure column, and a text or code column or (for data-driven text detection) two columns. */
function plausible(columns: readonly LayoutColumn[]): boolean {
  const roles = new Set(columns.map((c) => c.role));
  const figures = [...roles].some((r) => FIGURE_ROLES.has(r));
  return figures && (roles.has('text') || roles.has('code') || columns.filter((c) => c.role !== 'other').length >= 3);
}

/** True when a row's cells are all short non-numeric text (or years, 1990–2100, in a row of three cells or more): it can be a heading row. */
function headingLike(view: SheetView, row: number): boolean {
  const cols = view.columnsOf(row).filter((c) => !view.isCovered(row, c));
  if (cols.length === 0) return false;
  return cols.every((c) => {
    const cell = view.cell(row, c);
    // A year typed as a number is a heading too ("Kế hoạch | 2021").
    if (typeof cell?.value === 'number') return Number.isInteger(cell.value) && cell.value >= 1990 && cell.value <= 2100 && cols.length >= 3;
    const text = view.text(row, c);
    return typeof cell?.value === 'string' && text.length <= MAX_HEADING_LENGTH && !/^[\d\s.,%()=*/+:x×-]*$/i.test(text);
  });
}

/**
 * The header candidates of a sheet, best first (score descending, then the higher row). For each
 * of the first `HEADER_SCAN_ROWS` non-blank rows: the row alone, and the row with the next one as
 * a sub-heading row when the next row is heading-like (short text only) and has a meaningful
 * sub-heading under a heading spanning several columns or adds a role. Only plausible candidates
 * (a figure column, and a text/code column or three known columns) are returned.
 */
export function findHeaders(view: SheetView): HeaderGuess[] {
  const guesses: HeaderGuess[] = [];
  const rows = view.rows.slice(0, HEADER_SCAN_ROWS);
  const maxCol = Math.min(view.sheet.maxCol, 64);
  for (const row of rows) {
    if (!headingLike(view, row)) continue;
    const cols = columnsShown(view, row, maxCol);
    if (cols.length < 2) continue;
    const single: LayoutColumn[] = cols.map((col) => {
      const label = labelAt(view, row, col);
      return { col, letter: numberToColumn(col), label, role: columnRole(label) };
    });
    if (plausible(single)) guesses.push({ rows: [row], columns: single, score: score(single) });

    const next = row + 1;
    if (!view.rows.includes(next) || !headingLike(view, next)) continue;
    const nextCols = columnsShown(view, next, maxCol);
    const all = [...new Set([...cols, ...nextCols])].sort((a, b) => a - b);
    let meaningfulSub = false;
    const double: LayoutColumn[] = all.map((col) => {
      const top = labelAt(view, row, col);
      const merge = view.mergeAt(next, col);
      const sub = merge && merge.start.row <= row ? '' : labelAt(view, next, col);
      if (sub !== '' && labelMeaning(sub) !== null && top !== '') meaningfulSub = true;
      const label = top === '' ? sub : sub === '' || sub === top ? top : `${top} / ${sub}`;
      return { col, letter: numberToColumn(col), label, role: top === '' ? columnRole(sub) : columnRole(top, sub) };
    });
    const meaningfulTop = cols.some((c) => labelMeaning(labelAt(view, row, c)) !== null);
    if (meaningfulTop && meaningfulSub && plausible(double) && score(double) >= score(single)) {
      guesses.push({ rows: [row, next], columns: double, score: score(double) + 1 });
    }
  }
  return guesses.sort((a, b) => b.score - a.score || (a.rows[0] ?? 0) - (b.rows[0] ?? 0));
}
