/**
 * Texts outside the table that may name the unit, the period or the signing date: the title rows
 * above the header and the rows after the table (each cell), the sheet name and the file name.
 */
import { formatA1 } from '../../grid/a1.ts';
import type { SheetView } from './sheet-view.ts';
import type { DetectionSource } from './types.ts';

/** One text, where it was read (`title` = a cell outside the table, with its A1 reference). */
export interface TextSource {
  text: string;
  via: Extract<DetectionSource, 'title' | 'sheetName' | 'fileName'>;
  cell?: string;
}

/** Rows after the table that are still looked at (signature block, notes). */
const TRAILING_ROWS = 40;

/**
 * The texts of a sheet outside its table, in priority order: title cells above the first header
 * row (top to bottom, left to right; each cell, then the whole row joined, with date cells as ISO
 * dates), cells of up to 40 non-blank rows from `afterRow` on, then the sheet name and, when
 * given, the file name (without its extension).
 */
export function textSources(view: SheetView, firstHeaderRow: number, afterRow: number | null, file?: string): TextSource[] {
  const sources: TextSource[] = [];
  const addRow = (row: number): void => {
    const cols = view.columnsOf(row).filter((col) => view.text(row, col) !== '');
    for (const col of cols) {
      const text = view.text(row, col);
      if (!/^[\d\s.,%-]*$/.test(text)) sources.push({ text, via: 'title', cell: formatA1({ row, col }) });
    }
    // The whole row too, for phrases split over cells: "Từ ngày" | 15/12/2020 (a date cell) | "đến ngày" | 14/6/2021.
    if (cols.length > 1) sources.push({ text: cols.map((col) => view.text(row, col)).join(' '), via: 'title', cell: formatA1({ row, col: cols[0] ?? 1 }) });
  };
  for (const row of view.rows) {
    if (row >= firstHeaderRow) break;
    addRow(row);
  }
  if (afterRow !== null) {
    let taken = 0;
    for (const row of view.rows) {
      if (row < afterRow) continue;
      if (taken++ >= TRAILING_ROWS) break;
      addRow(row);
    }
  }
  sources.push({ text: view.sheet.name, via: 'sheetName' });
  if (file !== undefined) {
    const base = file.split(/[\\/]/).pop() ?? file;
    sources.push({ text: base.replace(/\.[A-Za-z0-9]{2,5}$/, ''), via: 'fileName' });
  }
  return sources;
}
