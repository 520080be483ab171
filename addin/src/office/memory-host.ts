/**
 * The in-memory fake host for tests: the `Host` interface over a `MemoryWorkbook`, gated by the
 * same capabilities as `OfficeJsHost` so tests can play an Excel 2016 (ExcelApi 1.1) or a
 * Microsoft 365 (1.8+) against the same actions.
 */
import { formatA1, parseA1, parseRange, type BookModel, type Grid } from '@cchc-kpi/core';
import { argbToHex, countCells, officeStyle, rangeA1, rowBlocks, type OfficeStyle } from './blocks.ts';
import {
  SheetsExistError,
  capabilitiesFor,
  distinctLocations,
  type Capabilities,
  type CellLocation,
  type HighlightMode,
  type Host,
  type WriteOptions,
  type WriteResult,
} from './host.ts';
import { MemoryWorkbook, qualifiedRef, type MemoryCell } from './memory-workbook.ts';

/** What `clearHighlights` must undo for one cell. */
type Mark = { sheet: string; cell: string; mode: 'fill'; previous: string | undefined } | { sheet: string; cell: string; mode: 'conditionalFormat'; id: string };

export class MemoryHost implements Host {
  readonly capabilities: Capabilities;
  readonly workbook: MemoryWorkbook;
  private marks: Mark[] = [];

  /** @param minor the ExcelApi 1.x minor version to play (default 1: the floor). */
  constructor(workbook: MemoryWorkbook = new MemoryWorkbook(), minor = 1) {
    this.workbook = workbook;
    this.capabilities = capabilitiesFor(minor);
  }

  async sheetNames(): Promise<string[]> {
    return this.workbook.sheets.map((s) => s.name);
  }

  async readGrid(): Promise<Grid> {
    return this.workbook.toGrid();
  }

  async writeBook(book: BookModel, options: WriteOptions = {}): Promise<WriteResult> {
    const wb = this.workbook;
    const caps = this.capabilities;
    const existing = book.sheets.filter((s) => wb.getSheet(s.name)).map((s) => wb.getSheet(s.name)?.name ?? s.name);
    if (existing.length > 0 && !options.replace) throw new SheetsExistError(existing);
    const skipped = new Set<string>();
    const total = countCells(book);
    const blockRows = options.blockRows ?? 200;
    let done = 0;
    let syncs = 0;
    for (const spec of book.sheets) {
      const old = wb.getSheet(spec.name);
      if (old) {
        // Add the new sheet under a temporary name first: a workbook keeps one visible sheet.
        const temp = wb.addSheet(`~cchc${syncs}`);
        wb.deleteSheet(old.name);
        temp.name = spec.name;
      } else {
        wb.addSheet(spec.name);
      }
      const sheet = wb.sheet(spec.name);
      const breaks: number[] = [];
      for (const block of rowBlocks(spec.rows(), blockRows, book.styles)) {
        for (const row of block.rows) {
          for (const c of row.cells) {
            const cell = wb.cell(spec.name, formatA1({ row: row.row, col: c.col }));
            const style = (c.style ? book.styles.get(c.style) : undefined) ?? {};
            if (style.numFmt !== undefined) cell.numFmt = style.numFmt;
            if (c.formula !== undefined) {
              // The result core computed stands in for Excel's calculation.
              cell.formula = c.formula;
              cell.value = c.result === undefined || c.result === '' ? null : c.result;
            } else cell.value = c.value ?? null;
            const look = officeStyle(style);
            if (look) this.applyStyle(cell, look, skipped);
            done += 1;
          }
          if (row.height !== undefined) {
            if (caps.format) sheet.rowHeights.set(row.row, row.height);
            else skipped.add('heights');
          }
          for (const m of row.merges ?? []) {
            if (!caps.format) {
              skipped.add('merges');
              continue;
            }
            sheet.merges.push(rangeA1(row.row, m.fromCol, m.toRow, m.toCol));
            const master = row.cells.find((c) => c.col === m.fromCol);
            const look = master?.style ? officeStyle(book.styles.get(master.style) ?? {}) : null;
            for (let r = row.row; r <= m.toRow; r++) {
              for (let col = m.fromCol; col <= m.toCol; col++) {
                if ((r !== row.row || col !== m.fromCol) && look) this.applyStyle(wb.cell(spec.name, formatA1({ row: r, col })), look, skipped);
              }
            }
          }
          if (row.breakAfter) breaks.push(row.row);
        }
        syncs += 1;
        options.onProgress?.(done, total);
      }
      if (spec.columns.length) {
        if (caps.format) spec.columns.forEach((c, i) => sheet.columnWidths.set(i + 1, c.width));
        else skipped.add('widths');
      }
      if (spec.hidden) {
        if (caps.format) sheet.visibility = 'Hidden';
        else skipped.add('hidden');
      }
      if (spec.freeze) {
        if (caps.freeze) {
          sheet.freezeRows = spec.freeze.rows;
          sheet.freezeColumns = spec.freeze.columns;
        } else skipped.add('freeze');
      }
      if (!spec.gridlines && caps.validation) sheet.showGridlines = false;
      if (spec.tabColor && caps.tabColor) sheet.tabColor = argbToHex(spec.tabColor);
      if (spec.validations.length) {
        if (caps.validation) sheet.validations.push(...spec.validations.map((v) => ({ range: v.range, rule: v })));
        else skipped.add('validation');
      }
      if (spec.print) {
        if (caps.pageLayout) sheet.pageLayout = { ...spec.print, breaks };
        else skipped.add('pageLayout');
      }
      if (spec.protect) {
        if (caps.format) sheet.protected = true;
        else skipped.add('protection');
      }
    }
    if (book.names.length) {
      if (caps.names) {
        for (const n of book.names) {
          const range = parseRange(n.ref);
          if (!range) throw new Error(`Bad name reference ${n.ref}`);
          wb.deleteName(n.name);
          wb.addName(n.name, qualifiedRef(wb.sheet(n.sheet).name, range));
        }
      } else skipped.add('names');
    }
    const activate = book.activeSheet ?? book.sheets[0]?.name;
    if (activate !== undefined) {
      wb.activeSheet = wb.sheet(activate).name;
      wb.selection = { sheet: wb.activeSheet, range: 'A1' };
    }
    return { sheets: book.sheets.map((s) => s.name), cells: done, syncs: syncs + 1, skipped: [...skipped] };
  }

  /** A cell's look as Office.js would set it (fonts, fill, alignment, wrap, borders, locking). */
  private applyStyle(cell: MemoryCell, style: OfficeStyle, skipped: Set<string>): void {
    if (style.fill !== undefined) cell.fill = style.fill;
    if (style.bold) cell.bold = true;
    if (style.italic) cell.italic = true;
    if (style.size !== undefined) cell.size = style.size;
    if (style.horizontal !== undefined) cell.horizontal = style.horizontal;
    if (style.wrap !== undefined) cell.wrap = style.wrap;
    if (style.border !== undefined) cell.border = style.border;
    if (style.locked === false) {
      if (this.capabilities.format) cell.locked = false;
      else skipped.add('protection');
    }
  }

  async select(location: CellLocation): Promise<void> {
    const sheet = this.workbook.sheet(location.sheet);
    if (!parseA1(location.cell)) throw new Error(`Bad cell ${location.cell}`);
    this.workbook.activeSheet = sheet.name;
    this.workbook.selection = { sheet: sheet.name, range: location.cell.toUpperCase() };
  }

  async highlight(cells: CellLocation[], color: string): Promise<HighlightMode> {
    const mode: HighlightMode = this.capabilities.conditionalFormats ? 'conditionalFormat' : 'fill';
    for (const loc of distinctLocations(cells)) {
      const sheet = this.workbook.getSheet(loc.sheet);
      if (!sheet || !parseA1(loc.cell)) continue;
      if (mode === 'conditionalFormat') {
        const id = this.workbook.newId();
        sheet.conditionalFormats.push({ id, range: loc.cell, formula: '=TRUE', fill: color });
        this.marks.push({ sheet: sheet.name, cell: loc.cell, mode, id });
      } else {
        const cell = this.workbook.cell(sheet.name, loc.cell);
        if (!this.marks.some((m) => m.sheet === sheet.name && m.cell === loc.cell)) {
          this.marks.push({ sheet: sheet.name, cell: loc.cell, mode, previous: cell.fill });
        }
        cell.fill = color;
      }
    }
    return mode;
  }

  async clearHighlights(): Promise<number> {
    const marks = this.marks;
    this.marks = [];
    for (const mark of [...marks].reverse()) {
      const sheet = this.workbook.getSheet(mark.sheet);
      if (!sheet) continue;
      if (mark.mode === 'conditionalFormat') {
        sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.id !== mark.id);
      } else {
        const cell = this.workbook.cell(sheet.name, mark.cell);
        if (mark.previous === undefined) delete cell.fill;
        else cell.fill = mark.previous;
      }
    }
    return marks.length;
  }
}
