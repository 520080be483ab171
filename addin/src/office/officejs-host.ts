/**
 * `Host` over Office.js (the Excel JavaScript API). ExcelApi 1.1 is the floor: reading used
 * ranges, names and values; writing values, formulas, number formats and fills; selecting.
 * Merges, widths, hidden sheets and protection need 1.2, adding names 1.4, conditional formats
 * 1.6, frozen panes 1.7 and data validation 1.8 — each used only when
 * `Office.context.requirements.isSetSupported('ExcelApi', …)` says so. Large ranges are read and
 * written in blocks of rows, many operations per `context.sync()`.
 */
import {
  FONT,
  formatA1,
  numberToColumn,
  parseA1,
  type BookModel,
  type Cell,
  type DefinedName,
  type Grid,
  type PrintModel,
  type Sheet,
  type SheetModel,
  type SheetState,
  type ValidationModel,
} from '@cchc-kpi/core';
import { argbToHex, countCells, heightRuns, officeStyle, rangeA1, rowBlocks, styleRects, type OfficeStyle } from './blocks.ts';
import {
  SheetsExistError,
  detectCapabilities,
  distinctLocations,
  type Capabilities,
  type CellLocation,
  type HighlightMode,
  type Host,
  type WriteOptions,
  type WriteResult,
} from './host.ts';

/** What the host needs from the Office globals; injectable for tests. */
export interface OfficeApi {
  /** `Excel.run`. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** `Office.context.requirements.isSetSupported`. */
  isSetSupported(name: string, version: string): boolean;
}

/** The Office.js globals of the task pane. */
export function officeGlobals(): OfficeApi {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}

/** Options of {@link OfficeJsHost}. */
export interface OfficeJsHostOptions {
  /** Rows per block when reading used ranges (default 500). */
  readBlockRows?: number;
  /** Cells loaded per `sync()` when reading (default 20 000). */
  readCellsPerSync?: number;
}

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right', justify: 'Justify' } as const;
const STATE: Record<string, SheetState> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

type Mark = { sheet: string; cell: string; mode: 'fill'; previous: string | null } | { sheet: string; cell: string; mode: 'conditionalFormat'; id: string };

function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** A grid cell from one position of loaded `values`/`formulas`/`numberFormat`/`valueTypes`, or null when empty. */
export function toGridCell(value: unknown, formula: unknown, numberFormat: unknown, valueType: unknown): Cell | null {
  const hasFormula = typeof formula === 'string' && formula.startsWith('=');
  if (valueType === 'Empty' && !hasFormula) return null;
  if (!hasFormula && (value === '' || value === null || value === undefined)) return null;
  const v = value === '' && valueType === 'Empty' ? null : value;
  const cell: Cell = { value: typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null };
  if (hasFormula) cell.formula = (formula as string).slice(1);
  if (typeof numberFormat === 'string' && numberFormat !== '' && numberFormat !== 'General') cell.numFmt = numberFormat;
  if (valueType === 'Error') cell.error = true;
  return cell;
}

export class OfficeJsHost implements Host {
  readonly capabilities: Capabilities;
  private readonly api: OfficeApi;
  private readonly options: Required<OfficeJsHostOptions>;
  private marks: Mark[] = [];

  constructor(api: OfficeApi = officeGlobals(), options: OfficeJsHostOptions = {}) {
    this.api = api;
    this.capabilities = detectCapabilities((name, version) => api.isSetSupported(name, version));
    this.options = { readBlockRows: options.readBlockRows ?? 500, readCellsPerSync: options.readCellsPerSync ?? 20_000 };
  }

  async sheetNames(): Promise<string[]> {
    return this.api.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      await ctx.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  async readGrid(options: { blockRows?: number } = {}): Promise<Grid> {
    const blockRows = options.blockRows ?? this.options.readBlockRows;
    const caps = this.capabilities;
    return this.api.run(async (ctx) => {
      const worksheets = ctx.workbook.worksheets;
      worksheets.load('items/name,items/visibility');
      const names = ctx.workbook.names;
      names.load(caps.freeze ? 'items/name,items/type,items/formula' : 'items/name,items/type,items/value');
      await ctx.sync();
      const used = worksheets.items.map((ws) => {
        const range = caps.format ? ws.getUsedRange(true) : ws.getUsedRange();
        range.load('rowIndex,columnIndex,rowCount,columnCount');
        return range;
      });
      await ctx.sync();

      const sheets: Sheet[] = worksheets.items.map((ws) => ({
        name: ws.name,
        state: STATE[ws.visibility] ?? 'visible',
        cells: new Map<string, Cell>(),
        merges: [],
        maxRow: 0,
        maxCol: 0,
      }));
      type Pending = { sheet: Sheet; range: Excel.Range; row0: number; col0: number };
      let pending: Pending[] = [];
      let pendingCells = 0;
      const flush = async (): Promise<void> => {
        if (pending.length === 0) return;
        await ctx.sync();
        for (const p of pending) {
          const { values, formulas, numberFormat, valueTypes } = p.range;
          values.forEach((line, i) => {
            line.forEach((value, j) => {
              const cell = toGridCell(value, formulas[i]?.[j], numberFormat[i]?.[j], valueTypes[i]?.[j]);
              if (!cell) return;
              const row = p.row0 + i;
              const col = p.col0 + j;
              p.sheet.cells.set(formatA1({ row, col }), cell);
              p.sheet.maxRow = Math.max(p.sheet.maxRow, row);
              p.sheet.maxCol = Math.max(p.sheet.maxCol, col);
            });
          });
        }
        pending = [];
        pendingCells = 0;
      };
      for (const [index, ws] of worksheets.items.entries()) {
        const box = used[index];
        const sheet = sheets[index];
        if (!box || !sheet) continue;
        const firstRow = box.rowIndex + 1;
        const lastRow = box.rowIndex + box.rowCount;
        const firstCol = box.columnIndex + 1;
        const lastCol = box.columnIndex + box.columnCount;
        for (let row = firstRow; row <= lastRow; row += blockRows) {
          const to = Math.min(lastRow, row + blockRows - 1);
          const range = ws.getRange(`${numberToColumn(firstCol)}${row}:${numberToColumn(lastCol)}${to}`);
          range.load('values,formulas,numberFormat,valueTypes');
          pending.push({ sheet, range, row0: row, col0: firstCol });
          pendingCells += (to - row + 1) * (lastCol - firstCol + 1);
          if (pendingCells >= this.options.readCellsPerSync) await flush();
        }
      }
      await flush();

      const definedNames: DefinedName[] = [];
      for (const item of names.items) {
        if (item.type !== 'Range') continue;
        const ref = caps.freeze ? item.formula : item.value;
        if (typeof ref === 'string' && ref !== '') definedNames.push({ name: item.name, ref });
      }
      // Office.js exposes the 1904 date system only from ExcelApi 1.16 (not probed): 1900 assumed.
      return { sheets, definedNames, date1904: false };
    });
  }

  async writeBook(book: BookModel, options: WriteOptions = {}): Promise<WriteResult> {
    const caps = this.capabilities;
    const blockRows = options.blockRows ?? 200;
    const total = countCells(book);
    const skipped = new Set<string>();
    let syncs = 0;
    let done = 0;
    return this.api.run(async (ctx) => {
      const sync = async (): Promise<void> => {
        await ctx.sync();
        syncs += 1;
      };
      const worksheets = ctx.workbook.worksheets;
      worksheets.load('items/name');
      await sync();
      const existing = new Map(worksheets.items.map((w) => [nameKey(w.name), w.name]));
      const clashes = book.sheets.map((s) => existing.get(nameKey(s.name))).filter((n): n is string => n !== undefined);
      if (clashes.length > 0 && !options.replace) throw new SheetsExistError(clashes);

      const written = new Map<string, Excel.Worksheet>();
      const breaks = new Map<string, number[]>();
      let temp = 0;
      // Every sheet exists before any formula is written: a formula naming a sheet Excel does not
      // know yet (the cover reads "Tổng hợp", which reads "Đơn vị × chỉ tiêu") would become an
      // external reference.
      for (const spec of book.sheets) {
        const old = existing.get(nameKey(spec.name));
        let ws: Excel.Worksheet;
        if (old !== undefined) {
          // A workbook must keep a visible sheet: add the new one under a free temporary name, then delete and rename.
          let tempName: string;
          do tempName = `cchc_tmp_${++temp}`;
          while (existing.has(nameKey(tempName)));
          ws = worksheets.add(tempName);
          worksheets.getItem(old).delete();
          ws.name = spec.name;
        } else {
          ws = worksheets.add(spec.name);
        }
        written.set(spec.name, ws);
      }
      for (const spec of book.sheets) {
        const ws = written.get(spec.name) as Excel.Worksheet;
        const sheetBreaks = await this.writeSheet(ws, spec, book.styles, blockRows, skipped, async (cells) => {
          done += cells;
          await sync();
          options.onProgress?.(done, total);
        });
        breaks.set(spec.name, sheetBreaks);
      }

      if (book.names.length > 0) {
        if (caps.names) {
          const names = ctx.workbook.names;
          names.load('items/name');
          await sync();
          const wanted = new Set(book.names.map((n) => nameKey(n.name)));
          for (const item of names.items) if (wanted.has(nameKey(item.name))) item.delete();
          for (const n of book.names) {
            const ws = written.get(n.sheet) ?? worksheets.getItem(n.sheet);
            names.add(n.name, ws.getRange(n.ref));
          }
        } else skipped.add('names');
      }
      // After the names: list validations refer to them (`=list_yes_no`); protection comes last.
      for (const spec of book.sheets) {
        const ws = written.get(spec.name);
        if (ws) this.finishSheet(ws, spec, breaks.get(spec.name) ?? [], skipped);
      }
      const activate = book.activeSheet ?? book.sheets[0]?.name;
      if (activate !== undefined) {
        const ws = written.get(activate) ?? worksheets.getItem(activate);
        ws.activate();
        ws.getRange('A1').select();
      }
      await sync();
      return { sheets: book.sheets.map((s) => s.name), cells: done, syncs, skipped: [...skipped] };
    });
  }

  /**
   * Writes one sheet's cells: blocks of rows (number formats, values/formulas, the block's font,
   * style rectangles, row heights), then merges (the top-left cell's look over the whole range,
   * as the model asks) and column widths. Returns the rows after which a page break is asked.
   */
  private async writeSheet(
    ws: Excel.Worksheet,
    spec: SheetModel,
    styles: BookModel['styles'],
    blockRows: number,
    skipped: Set<string>,
    afterBlock: (cells: number) => Promise<void>,
  ): Promise<number[]> {
    const caps = this.capabilities;
    const merges: Array<{ range: string; style: OfficeStyle | null }> = [];
    const breaks: number[] = [];
    for (const block of rowBlocks(spec.rows(), blockRows, styles)) {
      const range = ws.getRange(block.range);
      range.format.font.name = FONT.name;
      range.format.font.size = FONT.size;
      range.format.verticalAlignment = 'Center';
      // Number formats first, so text-formatted cells (`@`) keep codes like 18070 as text.
      if (block.numberFormat) range.numberFormat = block.numberFormat;
      range.formulas = block.formulas;
      for (const rect of styleRects(block.rows, styles)) this.applyStyle(ws.getRange(rect.range), rect.style, skipped);
      for (const run of heightRuns(block.rows)) {
        if (caps.format) ws.getRange(`${run.from}:${run.to}`).format.rowHeight = run.height;
        else skipped.add('heights');
      }
      for (const row of block.rows) {
        if (row.breakAfter) breaks.push(row.row);
        for (const m of row.merges ?? []) {
          const master = row.cells.find((c) => c.col === m.fromCol);
          const style = master?.style ? officeStyle(styles.get(master.style) ?? {}) : null;
          merges.push({ range: rangeA1(row.row, m.fromCol, m.toRow, m.toCol), style });
        }
      }
      await afterBlock(block.cells);
    }
    if (merges.length) {
      if (caps.format) {
        for (const m of merges) {
          const range = ws.getRange(m.range);
          if (m.style) this.applyStyle(range, m.style, skipped);
          range.merge(false);
        }
      } else skipped.add('merges');
    }
    if (spec.columns.length) {
      if (caps.format) spec.columns.forEach((c, i) => (ws.getRange(`${numberToColumn(i + 1)}:${numberToColumn(i + 1)}`).format.columnWidth = Math.round(c.width * 5.6 + 5)));
      else skipped.add('widths');
    }
    return breaks;
  }

  /** Hidden state, frozen panes, gridlines, tab colour, data validation, page layout and protection of a written sheet. */
  private finishSheet(ws: Excel.Worksheet, spec: SheetModel, breaks: readonly number[], skipped: Set<string>): void {
    const caps = this.capabilities;
    if (spec.hidden) {
      if (caps.format) ws.visibility = 'Hidden';
      else skipped.add('hidden');
    }
    if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) {
      if (caps.freeze) {
        const { rows: r, columns: c } = spec.freeze;
        if (r > 0 && c > 0) ws.freezePanes.freezeAt(ws.getRange(`A1:${numberToColumn(c)}${r}`));
        else if (r > 0) ws.freezePanes.freezeRows(r);
        else ws.freezePanes.freezeColumns(c);
      } else skipped.add('freeze');
    }
    // cosmetic: left to Excel's defaults where the version lacks them (README, add-in table)
    if (!spec.gridlines && caps.validation) ws.showGridlines = false;
    if (spec.tabColor && caps.tabColor) ws.tabColor = argbToHex(spec.tabColor);
    if (spec.validations.length) {
      if (caps.validation) for (const v of spec.validations) applyValidation(ws.getRange(v.range), v);
      else skipped.add('validation');
    }
    if (spec.print) {
      if (caps.pageLayout) applyPageLayout(ws, spec.print, breaks);
      else skipped.add('pageLayout');
    }
    if (spec.protect) {
      if (caps.format) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
      else skipped.add('protection');
    }
  }

  private applyStyle(range: Excel.Range, style: OfficeStyle, skipped: Set<string>): void {
    if (style.fill !== undefined) range.format.fill.color = style.fill;
    if (style.bold) range.format.font.bold = true;
    if (style.italic) range.format.font.italic = true;
    if (style.size !== undefined) range.format.font.size = style.size;
    if (style.horizontal !== undefined) range.format.horizontalAlignment = HORIZONTAL[style.horizontal];
    if (style.vertical !== undefined) range.format.verticalAlignment = style.vertical === 'top' ? 'Top' : 'Bottom';
    if (style.wrap) range.format.wrapText = true;
    if (style.border !== undefined) {
      const edges = style.border === 'all' ? (['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) : (['EdgeBottom'] as const);
      for (const edge of edges) {
        const border = range.format.borders.getItem(edge);
        border.style = 'Continuous';
        border.weight = 'Thin';
      }
    }
    if (style.locked === false) {
      if (this.capabilities.format) range.format.protection.locked = false;
      else skipped.add('protection');
    }
  }

  async select(location: CellLocation): Promise<void> {
    if (!parseA1(location.cell)) throw new Error(`Not a cell reference: ${location.cell}`);
    await this.api.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(location.sheet);
      ws.activate();
      ws.getRange(location.cell).select();
      await ctx.sync();
    });
  }

  async highlight(cells: CellLocation[], color: string): Promise<HighlightMode> {
    const mode: HighlightMode = this.capabilities.conditionalFormats ? 'conditionalFormat' : 'fill';
    const targets = distinctLocations(cells).filter((c) => parseA1(c.cell));
    if (targets.length === 0) return mode;
    await this.api.run(async (ctx) => {
      const rangeOf = (t: CellLocation): Excel.Range => ctx.workbook.worksheets.getItem(t.sheet).getRange(t.cell);
      if (mode === 'conditionalFormat') {
        const added = targets.map((t) => {
          const cf = rangeOf(t).conditionalFormats.add('Custom');
          cf.custom.rule.formula = '=TRUE';
          cf.custom.format.fill.color = color;
          cf.load('id');
          return { t, cf };
        });
        await ctx.sync();
        for (const a of added) this.marks.push({ sheet: a.t.sheet, cell: a.t.cell, mode, id: a.cf.id });
      } else {
        const fills = targets.map((t) => {
          const range = rangeOf(t);
          range.format.fill.load('color');
          return { t, range };
        });
        await ctx.sync();
        for (const f of fills) {
          // A cell marked twice keeps its original colour for the restore.
          if (!this.marks.some((m) => m.mode === 'fill' && nameKey(m.sheet) === nameKey(f.t.sheet) && m.cell === f.t.cell)) {
            this.marks.push({ sheet: f.t.sheet, cell: f.t.cell, mode, previous: f.range.format.fill.color ?? null });
          }
          f.range.format.fill.color = color;
        }
        await ctx.sync();
      }
    });
    return mode;
  }

  async clearHighlights(): Promise<number> {
    const marks = this.marks;
    this.marks = [];
    if (marks.length === 0) return 0;
    const undo = (ctx: Excel.RequestContext, mark: Mark): void => {
      const range = ctx.workbook.worksheets.getItem(mark.sheet).getRange(mark.cell);
      if (mark.mode === 'conditionalFormat') range.conditionalFormats.getItem(mark.id).delete();
      else if (mark.previous === null || mark.previous.toUpperCase() === '#FFFFFF') range.format.fill.clear();
      else range.format.fill.color = mark.previous;
    };
    try {
      await this.api.run(async (ctx) => {
        for (const mark of [...marks].reverse()) undo(ctx, mark);
        await ctx.sync();
      });
    } catch {
      // A marked sheet was deleted or replaced since: undo the other marks one by one.
      for (const mark of [...marks].reverse()) {
        await this.api
          .run(async (ctx) => {
            undo(ctx, mark);
            await ctx.sync();
          })
          .catch(() => undefined);
      }
    }
    return marks.length;
  }
}

/** Sets a data-validation rule, its input prompt and its error alert on a range (ExcelApi 1.8). */
function applyValidation(range: Excel.Range, v: ValidationModel): void {
  const dv = range.dataValidation;
  const rule = v.rule;
  if (rule.kind === 'wholeAtLeast') dv.rule = { wholeNumber: { formula1: rule.min, operator: 'GreaterThanOrEqualTo' } };
  else if (rule.kind === 'list') dv.rule = { list: { inCellDropDown: true, source: `=${rule.source}` } };
  else dv.rule = { date: { formula1: String(rule.from), formula2: String(rule.to), operator: 'Between' } };
  dv.ignoreBlanks = true;
  dv.prompt = { showPrompt: true, title: v.promptTitle.slice(0, 32), message: v.prompt.slice(0, 255) };
  dv.errorAlert = { showAlert: true, style: v.errorStyle === 'warning' ? 'Warning' : 'Stop', title: v.errorTitle.slice(0, 32), message: v.error.slice(0, 255) };
}

/** A4, orientation, scale or fit to pages, margins (points), centring, print titles and area, header and footer, manual page breaks (ExcelApi 1.9). */
function applyPageLayout(ws: Excel.Worksheet, print: PrintModel, breaks: readonly number[]): void {
  const layout = ws.pageLayout;
  layout.paperSize = 'A4';
  layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.zoom = 'scale' in print.fit ? { scale: print.fit.scale } : { horizontalFitToPages: print.fit.width, verticalFitToPages: print.fit.height };
  const inch = 72;
  layout.leftMargin = print.margins.left * inch;
  layout.rightMargin = print.margins.right * inch;
  layout.topMargin = print.margins.top * inch;
  layout.bottomMargin = print.margins.bottom * inch;
  layout.headerMargin = print.margins.header * inch;
  layout.footerMargin = print.margins.footer * inch;
  layout.centerHorizontally = print.horizontalCentered;
  if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows[0]}:$${print.titleRows[1]}`);
  if (print.titleColumns) layout.setPrintTitleColumns(`$${numberToColumn(print.titleColumns[0])}:$${numberToColumn(print.titleColumns[1])}`);
  if (print.area) layout.setPrintArea(print.area);
  const hf = layout.headersFooters;
  hf.state = print.differentFirst ? 'FirstAndDefault' : 'Default';
  if (print.header !== undefined) hf.defaultForAllPages.centerHeader = print.header.replace(/^&C/, '');
  if (print.footer !== undefined) hf.defaultForAllPages.centerFooter = print.footer.replace(/^&C/, '');
  for (const row of breaks) ws.horizontalPageBreaks.add(`A${row + 1}`);
}
