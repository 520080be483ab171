/**
 * A1 cell references: column letters ↔ numbers, parsing and formatting, and the translation of
 * a shared formula from its master cell to a dependent cell.
 */

/** Excel's largest column (XFD). */
export const MAX_COL = 16384;
/** Excel's largest row. */
export const MAX_ROW = 1048576;

/** Column letters to a 1-based number (`A` → 1, `XFD` → 16384); 0 when not letters. Case-insensitive. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    let c = letters.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) return 0;
    n = n * 26 + (c - 64);
  }
  return n;
}

/** 1-based column number to letters (`1` → `A`, `28` → `AB`). */
export function columnLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = (n - r - 1) / 26;
  }
  return s;
}

/** `(row, col)` (1-based) to an A1 reference without `$` (`(12, 6)` → `F12`). */
export function cellAddress(row: number, col: number): string {
  return columnLetters(col) + row;
}

/** A parsed A1 reference (1-based). */
export interface CellPosition {
  row: number;
  col: number;
}

/**
 * Parses an A1 reference such as `F12`, `$F$12` or `f12`.
 * @returns the position, or `null` when the text is not a reference inside Excel's grid.
 */
export function parseCellRef(ref: string): CellPosition | null {
  const packed = packCellRef(ref);
  return packed < 0 ? null : { row: Math.floor(packed / 65536), col: Math.floor(packed / 2) % 32768 };
}

/**
 * Hot-path parse of an A1 reference without allocating: `(row * 32768 + col) * 2 + canonical`,
 * where `canonical` is 1 when the text is already in `F12` form (upper case, no `$`); −1 when
 * the text is not a reference inside Excel's grid. Unpack with `unpackRow`/`unpackCol`.
 */
export function packCellRef(ref: string): number {
  let i = 0;
  const n = ref.length;
  let canonical = 1;
  if (ref.charCodeAt(0) === 36) (i = 1), (canonical = 0);
  let col = 0;
  const colStart = i;
  for (; i < n; i++) {
    let c = ref.charCodeAt(i);
    if (c >= 97 && c <= 122) (c -= 32), (canonical = 0);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === colStart || i - colStart > 3 || col > MAX_COL) return -1;
  if (ref.charCodeAt(i) === 36) (i++), (canonical = 0);
  let row = 0;
  const rowStart = i;
  if (ref.charCodeAt(i) === 48) canonical = 0; // `A01`
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    row = row * 10 + (c - 48);
  }
  if (i === rowStart || i - rowStart > 7 || row < 1 || row > MAX_ROW) return -1;
  return (row * 32768 + col) * 2 + canonical;
}

/** Row of a {@link packCellRef} result. */
export function unpackRow(packed: number): number {
  return Math.floor(packed / 65536);
}
/** Column of a {@link packCellRef} result. */
export function unpackCol(packed: number): number {
  return Math.floor(packed / 2) % 32768;
}

/** Normalises an A1 range (`$a$1:$g$1` → `A1:G1`); returns the text unchanged when it is not one. */
export function normaliseRange(range: string): string {
  const parts = range.trim().split(':');
  const out: string[] = [];
  for (const part of parts) {
    const pos = parseCellRef(part);
    if (pos === null) return range.trim();
    out.push(cellAddress(pos.row, pos.col));
  }
  return out.join(':');
}

// ---------------------------------------------------------------------------------------------
// Shared formulas

function isNameChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 92 || c > 127
  );
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})/;
const COLS = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})/;
const ROWS = /^(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})/;

function shiftCol(col: number, abs: boolean, d: number): string | null {
  const c = abs ? col : col + d;
  return c < 1 || c > MAX_COL ? null : columnLetters(c);
}
function shiftRow(row: number, abs: boolean, d: number): string | null {
  const r = abs ? row : row + d;
  return r < 1 || r > MAX_ROW ? null : String(r);
}

/**
 * Translates a formula by a row/column offset the way Excel fills a shared formula: relative
 * references move, `$`-anchored parts stay. String literals, quoted sheet names, structured and
 * external-book brackets, function names and defined names are left alone. A reference pushed off
 * the grid becomes `#REF!`.
 * @param formula formula text without `=` (e.g. `SUM(A1:B1)*$C$1`).
 * @param dRow rows to move (dependent row − master row).
 * @param dCol columns to move.
 */
export function translateFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const c = formula.charCodeAt(i);
    // "string literal" (with "" escapes) and 'quoted sheet name' (with '' escapes): copy verbatim.
    if (c === 34 || c === 39) {
      let j = i + 1;
      while (j < n) {
        if (formula.charCodeAt(j) === c) {
          if (formula.charCodeAt(j + 1) === c) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    // [structured reference] or [external book]: copy verbatim, brackets may nest.
    if (c === 91) {
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        const d = formula.charCodeAt(j);
        if (d === 91) depth++;
        else if (d === 93 && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula.charCodeAt(i - 1) : 0;
    const startsToken = (c === 36 || isNameChar(c)) && !(i > 0 && (isNameChar(prev) || prev === 36));
    if (startsToken) {
      const rest = formula.slice(i, i + 24);
      const m = CELL.exec(rest);
      if (m !== null) {
        const end = i + m[0].length;
        const next = end < n ? formula.charCodeAt(end) : 0;
        const col = columnNumber(m[2] ?? '');
        const row = Number(m[4]);
        // Not a reference when followed by more name characters, `(` (LOG10, ATAN2) or `!` (a sheet named A1).
        if (!isNameChar(next) && next !== 40 && next !== 33 && col <= MAX_COL && row >= 1 && row <= MAX_ROW) {
          const cs = shiftCol(col, m[1] === '$', dCol);
          const rs = shiftRow(row, m[3] === '$', dRow);
          out += cs === null || rs === null ? '#REF!' : `${m[1]}${cs}${m[3]}${rs}`;
          i = end;
          continue;
        }
      }
      const mc = COLS.exec(rest);
      if (mc !== null) {
        const end = i + mc[0].length;
        const next = end < n ? formula.charCodeAt(end) : 0;
        const a = columnNumber(mc[2] ?? '');
        const b = columnNumber(mc[4] ?? '');
        if (!isNameChar(next) && next !== 40 && a <= MAX_COL && b <= MAX_COL) {
          const ca = shiftCol(a, mc[1] === '$', dCol);
          const cb = shiftCol(b, mc[3] === '$', dCol);
          out += ca === null || cb === null ? '#REF!' : `${mc[1]}${ca}:${mc[3]}${cb}`;
          i = end;
          continue;
        }
      }
      const mr = ROWS.exec(rest);
      if (mr !== null) {
        const end = i + mr[0].length;
        const next = end < n ? formula.charCodeAt(end) : 0;
        const a = Number(mr[2]);
        const b = Number(mr[4]);
        if (!isNameChar(next) && a >= 1 && b >= 1 && a <= MAX_ROW && b <= MAX_ROW) {
          const ra = shiftRow(a, mr[1] === '$', dRow);
          const rb = shiftRow(b, mr[3] === '$', dRow);
          out += ra === null || rb === null ? '#REF!' : `${mr[1]}${ra}:${mr[3]}${rb}`;
          i = end;
          continue;
        }
      }
      // A name, function or number: copy the whole run of name characters.
      let j = i + 1;
      while (j < n && isNameChar(formula.charCodeAt(j))) j++;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    out += formula[i];
    i++;
  }
  return out;
}
