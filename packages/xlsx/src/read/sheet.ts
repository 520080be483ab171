/**
 * A worksheet part → cells and merges, streamed. Only `<sheetData>` and `<mergeCells>` are looked
 * at; everything else (data validations over whole columns, conditional formats, extLst…) is
 * skipped by the XML layer without being interpreted, so its ranges cost nothing.
 */
import type { Cell, CellValue, Finding } from '@cchc-kpi/core';
import type { FindingContext } from './findings.ts';
import * as F from './findings.ts';
import type { CellStyle } from './styles.ts';
import type { XmlHandlers } from './xml.ts';
import { decodeOoxmlEscapes, StopParsing } from './xml.ts';
import { cellAddress, MAX_COL, normaliseRange, packCellRef, parseCellRef, translateFormula, unpackCol, unpackRow } from './cell-ref.ts';

/** What a worksheet part yields. */
export interface SheetData {
  cells: Map<string, Cell>;
  merges: string[];
  maxRow: number;
  maxCol: number;
}

/** What sheet parsing needs from the rest of the workbook. */
export interface SheetContext {
  ctx: FindingContext;
  sheetName: string;
  sharedStrings: readonly string[];
  cellXfs: readonly CellStyle[];
  maxCells: number;
}

/** Counts repeated per-cell problems so a sheet yields one finding per kind, naming the first cell. */
class CellIssues {
  private readonly first = new Map<string, { cell: string; detail: string; count: number }>();

  add(code: string, cell: string, detail: string): void {
    const seen = this.first.get(code);
    if (seen === undefined) this.first.set(code, { cell, detail, count: 1 });
    else seen.count++;
  }

  findings(ctx: FindingContext, sheet: string): Finding[] {
    const out: Finding[] = [];
    for (const [code, { cell, detail, count }] of this.first) {
      if (code === F.READ_CODES.sharedStringMissing) out.push(F.sharedStringMissing(ctx, sheet, cell, detail, count));
      else if (code === F.READ_CODES.cellRefInvalid) out.push(F.cellRefInvalid(ctx, sheet, detail, cell, count));
      else if (code === F.READ_CODES.cellBadNumber) out.push(F.cellBadNumber(ctx, sheet, cell, detail, count));
    }
    return out;
  }
}

/** Formula text as the Grid wants it: without a leading `=` (some writers store one). */
function withoutEquals(text: string): string {
  return text.charCodeAt(0) === 61 ? text.slice(1) : text;
}

interface SharedMaster {
  row: number;
  col: number;
  text: string;
}

/**
 * XML handlers for one worksheet part.
 * @returns the handlers, the data they fill and a `finish` to call after parsing (or after a
 *   stop) that resolves shared formulas whose master came late and returns the findings met.
 *   Reaching `maxCells` non-blank cells adds an error finding and throws `StopParsing`.
 */
export function sheetHandlers(sc: SheetContext): { handlers: XmlHandlers; data: SheetData; finish(): Finding[] } {
  const cells = new Map<string, Cell>();
  const data: SheetData = { cells, merges: [], maxRow: 0, maxCol: 0 };
  const issues = new CellIssues();
  const findings: Finding[] = [];
  const masters = new Map<string, SharedMaster>();
  const pendingShared: { key: string; row: number; col: number; si: string }[] = [];
  const defaultStyle: CellStyle = sc.cellXfs[0] ?? {};

  let inSheetData = false;
  let row = 0;
  let col = 0;
  // Current cell.
  let inCell = false;
  let key = '';
  let cRow = 0;
  let cCol = 0;
  let type = '';
  let style: CellStyle = defaultStyle;
  let v: string | null = null;
  let inlineText: string | null = null;
  let formula: string | null = null;
  let fType = '';
  let fSi = '';
  // Which text we are collecting: 1 <v>, 2 <f>, 3 <is>…<t>.
  let collect = 0;
  let inIs = false;

  function startCell(attrs: Record<string, string>): void {
    inCell = true;
    const r = attrs['r'];
    const packed = r === undefined ? -1 : packCellRef(r);
    if (r !== undefined && packed >= 0) {
      cRow = unpackRow(packed);
      cCol = unpackCol(packed);
      // Keep the stored text as the key when already canonical (the common case), else rebuild it.
      key = packed % 2 === 1 ? r : cellAddress(cRow, cCol);
    } else {
      cRow = row > 0 ? row : 1;
      cCol = col + 1;
      if (cCol > MAX_COL) cCol = MAX_COL;
      key = cellAddress(cRow, cCol);
      if (r !== undefined) issues.add(F.READ_CODES.cellRefInvalid, key, r);
    }
    if (cRow > row) row = cRow;
    col = cCol;
    type = attrs['t'] ?? '';
    const s = attrs['s'];
    style = s === undefined ? defaultStyle : (sc.cellXfs[Number(s)] ?? defaultStyle);
    v = null;
    inlineText = null;
    formula = null;
    fType = '';
    fSi = '';
  }

  function valueOf(): CellValue {
    switch (type) {
      case 's': {
        if (v === null) return null;
        const index = v.trim();
        const text = index === '' ? undefined : sc.sharedStrings[Number(index)];
        if (text === undefined) {
          if (index !== '') issues.add(F.READ_CODES.sharedStringMissing, key, index);
          return null;
        }
        return text;
      }
      case 'inlineStr':
        return inlineText ?? (v === null ? null : decodeOoxmlEscapes(v));
      case 'str':
        return v === null ? null : decodeOoxmlEscapes(v);
      case 'b': {
        if (v === null) return null;
        const b = v.trim().toLowerCase();
        return b === '1' || b === 'true';
      }
      case 'e':
      case 'd':
        return v;
      default: {
        // 'n', absent, or an unknown type: a number when it reads as one.
        if (v === null) return null;
        const t = v.trim();
        if (t === '') return null;
        const n = Number(t);
        if (Number.isFinite(n)) return n;
        issues.add(F.READ_CODES.cellBadNumber, key, t.length > 40 ? t.slice(0, 40) + '…' : t);
        return v;
      }
    }
  }

  function endCell(): void {
    inCell = false;
    const value = valueOf();
    let text: string | undefined;
    let pending = false;
    if (formula !== null) {
      if (fType === 'shared' && fSi !== '') {
        if (formula !== '') {
          masters.set(fSi, { row: cRow, col: cCol, text: formula });
          text = formula;
        } else {
          const master = masters.get(fSi);
          if (master !== undefined) text = translateFormula(master.text, cRow - master.row, cCol - master.col);
          else pending = true;
        }
      } else if (formula !== '') text = formula;
    }
    if (value === null && text === undefined && !pending) return;
    if (cells.size >= sc.maxCells && !cells.has(key)) {
      findings.push(F.cellsLimit(sc.ctx, sc.sheetName, sc.maxCells, key));
      throw new StopParsing();
    }
    const cell: Cell = { value };
    if (text !== undefined) cell.formula = withoutEquals(text);
    if (style.numFmt !== undefined) cell.numFmt = style.numFmt;
    if (style.font !== undefined) cell.font = style.font;
    if (type === 'e') cell.error = true;
    else if (type === 'd' && typeof value === 'string') cell.isoDate = value;
    cells.set(key, cell);
    if (pending) pendingShared.push({ key, row: cRow, col: cCol, si: fSi });
    if (cRow > data.maxRow) data.maxRow = cRow;
    if (cCol > data.maxCol) data.maxCol = cCol;
  }

  const handlers: XmlHandlers = {
    open(name, attrs) {
      if (inCell) {
        switch (name) {
          case 'v':
            collect = 1;
            v = '';
            return;
          case 'f':
            collect = 2;
            formula = '';
            fType = attrs['t'] ?? '';
            fSi = attrs['si'] ?? '';
            return;
          case 'is':
            inIs = true;
            inlineText = '';
            return;
          case 't':
            if (inIs) collect = 3;
            return;
          case 'r':
            return;
          default:
            // rPh, rPr, extLst inside a cell: nothing to read.
            return true;
        }
      }
      switch (name) {
        case 'c':
          if (inSheetData) startCell(attrs);
          else return true;
          return;
        case 'row': {
          if (!inSheetData) return true;
          const r = attrs['r'];
          const n = r === undefined ? NaN : Number(r);
          if (Number.isInteger(n) && n >= 1 && n <= 1048576) row = n;
          else {
            row = row + 1;
            if (r !== undefined) issues.add(F.READ_CODES.cellRefInvalid, cellAddress(row, 1), `row ${r}`);
          }
          col = 0;
          return;
        }
        case 'sheetData':
          inSheetData = true;
          return;
        case 'worksheet':
        case 'mergeCells':
          return;
        case 'mergeCell': {
          const ref = attrs['ref'];
          if (ref !== undefined && ref !== '') data.merges.push(normaliseRange(ref));
          return true;
        }
        default:
          // sheetPr, dimension, cols, dataValidations, conditionalFormatting, extLst, …
          return true;
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 'f':
        case 't':
          collect = 0;
          return;
        case 'is':
          inIs = false;
          if (inlineText !== null) inlineText = decodeOoxmlEscapes(inlineText);
          return;
        case 'c':
          if (inCell) endCell();
          return;
        case 'sheetData':
          inSheetData = false;
          return;
      }
    },
    text(chunk) {
      if (collect === 0) return;
      if (collect === 1) v += chunk;
      else if (collect === 2) formula += chunk;
      else inlineText += chunk;
    },
  };

  function finish(): Finding[] {
    // Dependents met before their master (unusual but legal order): translate now, or drop
    // them when the master never came and they hold no cached value either.
    let dropped = false;
    for (const p of pendingShared) {
      const master = masters.get(p.si);
      const cell = cells.get(p.key);
      if (cell === undefined || cell.formula !== undefined) continue;
      if (master !== undefined) cell.formula = withoutEquals(translateFormula(master.text, p.row - master.row, p.col - master.col));
      else if (cell.value === null) {
        cells.delete(p.key);
        dropped = true;
      }
    }
    if (dropped) {
      data.maxRow = 0;
      data.maxCol = 0;
      for (const k of cells.keys()) {
        const pos = parseCellRef(k);
        if (pos === null) continue;
        if (pos.row > data.maxRow) data.maxRow = pos.row;
        if (pos.col > data.maxCol) data.maxCol = pos.col;
      }
    }
    return [...findings, ...issues.findings(sc.ctx, sc.sheetName)];
  }

  return { handlers, data, finish };
}
