/**
 * The in-memory fake host for tests: the `Host` interface over a `MemoryWorkbook`, gated by the
 * same capabilities as `OfficeJsHost` so tests can play an Excel 2016 (ExcelApi 1.1) or a
 * Microsoft 365 (1.8+) against the same actions.
 */
import { formatA1, parseA1, parseRange, type Grid } from '@cchc-kpi/core';
import { countCells, sheetExtent, type BookSpec } from '../sheets/book.ts';
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
import { MemoryWorkbook, qualifiedRef } from './memory-workbook.ts';

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

  async writeBook(book: BookSpec, options: WriteOptions = {}): Promise<WriteResult> {
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
      const { rows } = sheetExtent(spec);
      for (let from = 1; from <= rows; from += blockRows) {
        for (let row = from; row < from + blockRows && row <= rows; row++) {
          for (const [col, c] of spec.rows.get(row) ?? []) {
            const cell = wb.cell(spec.name, formatA1({ row, col }));
            if (c.numFmt !== undefined) cell.numFmt = c.numFmt;
            if (c.formula !== undefined) {
              // The value a builder computed stands in for Excel's calculation.
              cell.formula = c.formula;
              cell.value = c.value ?? null;
            } else if (c.value !== undefined) cell.value = c.value;
            if (c.fill !== undefined) cell.fill = c.fill;
            if (c.bold) cell.bold = true;
            if (c.italic) cell.italic = true;
            if (c.size !== undefined) cell.size = c.size;
            if (c.horizontal !== undefined) cell.horizontal = c.horizontal;
            if (c.wrap !== undefined) cell.wrap = c.wrap;
            if (c.locked === false) {
              if (caps.format) cell.locked = false;
              else skipped.add('protection');
            }
            done += 1;
          }
        }
        syncs += 1;
        options.onProgress?.(done, total);
      }
      if (spec.merges.length) {
        if (caps.format) sheet.merges.push(...spec.merges);
        else skipped.add('merges');
      }
      if (spec.widths.length) {
        if (caps.format) spec.widths.forEach((w, i) => sheet.columnWidths.set(i + 1, w));
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
      if (spec.validations.length) {
        if (caps.validation) sheet.validations.push(...spec.validations);
        else skipped.add('validation');
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
    if (book.activate) {
      wb.activeSheet = wb.sheet(book.activate).name;
      wb.selection = { sheet: wb.activeSheet, range: 'A1' };
    }
    return { sheets: book.sheets.map((s) => s.name), cells: done, syncs: syncs + 1, skipped: [...skipped] };
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
