/**
 * A sheet as the layout reader walks it: the rows that hold something, the merged ranges, and
 * every cell's text decoded from legacy encodings (TCVN3/VNI) and normalised — computed once.
 */
import { formatA1, parseRange, type RangeAddress } from '../../grid/a1.ts';
import { isBlankCell } from '../../grid/access.ts';
import type { Cell, Sheet } from '../../grid/grid.ts';
import { cellText } from '../../text/cell-text.ts';
import { decodeLegacyText, type TextEncoding } from '../../text/legacy.ts';
import { normalizeText } from '../../text/normalize.ts';

/** Merges taller than this many rows are kept in one list checked for every row (a guard against `A:A`-sized merges). */
const TALL_MERGE_ROWS = 2000;

/** A cell's display text with how it was stored. */
export interface DecodedCell {
  /** Normalised Unicode text; '' for a blank cell. */
  text: string;
  /** `tcvn3`/`vni` when the text was decoded from a legacy encoding. */
  encoding: TextEncoding;
  /** What told the encoding: the cell's font or the text itself. */
  by: 'font' | 'text' | null;
}

/** Read access to one sheet for the layout reader (1-based rows and columns). */
export interface SheetView {
  sheet: Sheet;
  /** Row numbers holding at least one non-blank cell, ascending. */
  rows: number[];
  /** For each such row, the columns of its non-blank cells, ascending. */
  columnsOf(row: number): number[];
  /** The cell at a position, or `undefined`. */
  cell(row: number, col: number): Cell | undefined;
  /** The merged range covering a position, if any. */
  mergeAt(row: number, col: number): RangeAddress | undefined;
  /** True when the position lies in a merged range but is not its top-left cell (its value counts once, at the top-left). */
  isCovered(row: number, col: number): boolean;
  /** The cell's own text (legacy-decoded, normalised); '' when blank or covered. */
  text(row: number, col: number): string;
  /** Like `text` with the encoding it was stored in. */
  decoded(row: number, col: number): DecodedCell;
  /** Cells decoded from legacy encodings so far, by encoding (for the summary finding). */
  legacyCount: { tcvn3: number; vni: number };
}

/**
 * Builds the view of a sheet. Walks the cell map once (never the sheet's full extent, so a
 * stray cell at `XFD1048576` costs nothing). Unparseable merge references are ignored.
 */
export function sheetView(sheet: Sheet, date1904: boolean): SheetView {
  const byRow = new Map<number, number[]>();
  for (const [ref, cell] of sheet.cells) {
    if (isBlankCell(cell)) continue;
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    if (!m?.[1] || !m[2]) continue;
    const row = Number(m[2]);
    let col = 0;
    for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
    const list = byRow.get(row);
    if (list) list.push(col);
    else byRow.set(row, [col]);
  }
  for (const list of byRow.values()) list.sort((a, b) => a - b);
  const rows = [...byRow.keys()].sort((a, b) => a - b);

  const mergesByRow = new Map<number, RangeAddress[]>();
  const tall: RangeAddress[] = [];
  for (const text of sheet.merges) {
    const range = parseRange(text);
    if (!range) continue;
    if (range.end.row - range.start.row > TALL_MERGE_ROWS) {
      tall.push(range);
      continue;
    }
    for (let r = range.start.row; r <= range.end.row; r++) {
      const list = mergesByRow.get(r);
      if (list) list.push(range);
      else mergesByRow.set(r, [range]);
    }
  }
  const mergeAt = (row: number, col: number): RangeAddress | undefined => {
    const inRange = (m: RangeAddress): boolean => col >= m.start.col && col <= m.end.col && row >= m.start.row && row <= m.end.row;
    return mergesByRow.get(row)?.find(inRange) ?? tall.find(inRange);
  };
  const isCovered = (row: number, col: number): boolean => {
    const m = mergeAt(row, col);
    return m !== undefined && (m.start.row !== row || m.start.col !== col);
  };

  const cache = new Map<string, DecodedCell>();
  const legacyCount = { tcvn3: 0, vni: 0 };
  const blank: DecodedCell = { text: '', encoding: 'unicode', by: null };
  const decoded = (row: number, col: number): DecodedCell => {
    const ref = formatA1({ row, col });
    const hit = cache.get(ref);
    if (hit) return hit;
    const cell = sheet.cells.get(ref);
    let out = blank;
    if (cell !== undefined && !isBlankCell(cell) && !isCovered(row, col)) {
      // A date cell (`t="d"`, whose value is its ISO text) reads as its date, like a serial with a date format.
      if (typeof cell.value === 'string' && !cell.error && cell.isoDate === undefined) {
        const d = decodeLegacyText(cell.value, cell.font);
        out = { text: normalizeText(d.text), encoding: d.encoding, by: d.by };
        if (d.encoding !== 'unicode') legacyCount[d.encoding] += 1;
      } else {
        out = { text: cellText(cell, date1904) ?? '', encoding: 'unicode', by: null };
      }
    }
    cache.set(ref, out);
    return out;
  };

  return {
    sheet,
    rows,
    columnsOf: (row) => byRow.get(row) ?? [],
    cell: (row, col) => sheet.cells.get(formatA1({ row, col })),
    mergeAt,
    isCovered,
    text: (row, col) => decoded(row, col).text,
    decoded,
    legacyCount,
  };
}
