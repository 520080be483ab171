/**
 * A fake of the parts of Office.js (the `Office` and `Excel` globals) the add-in uses, backed by a
 * `MemoryWorkbook`. It keeps Office.js's rules that matter for correctness:
 * - properties are readable only after `load(…)` and `context.sync()` (else `PropertyNotLoaded`);
 * - every API call is checked against the ExcelApi version played (`minor`): calling a 1.4 method
 *   on a 1.1 host throws `ApiNotFound`, so missing `isSetSupported` gates fail the tests;
 * - text written through `formulas`/`values` is coerced as Excel coerces typing (`18070` → number
 *   unless the cell is formatted `@`, `(1)` → -1, a leading apostrophe keeps text).
 * Writes apply at once (Office.js queues them until `sync`; the order is the same). `stats`
 * counts syncs and operations so tests can check batching. Used by unit tests (Node) and, bundled
 * as an IIFE, by the end-to-end test in Chromium in place of Microsoft's CDN script.
 */
import { formatA1, parseRange, type RangeAddress } from '@cchc-kpi/core';
import { MemoryWorkbook, qualifiedRef, type MemoryCell, type MemorySheet } from '../../src/office/memory-workbook.ts';

/** Counters of what the add-in asked of the fake. */
export interface FakeStats {
  syncs: number;
  /** Writes and method calls since the start. */
  ops: number;
  /** Largest number of operations queued between two syncs. */
  maxOpsPerSync: number;
  runs: number;
}

/** Options of {@link createFakeOffice}. */
export interface FakeOfficeOptions {
  /** ExcelApi minor version supported (1 = Excel 2016 … 8+ = Microsoft 365). Default 8. */
  minor?: number;
  displayLanguage?: string;
  /** What `Office.onReady` reports as the platform (`PC`, `Mac`, …); default `OfficeOnline`. */
  platform?: string;
}

function officeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, name: 'RichApi.Error' });
}

class Session {
  readonly pending = new Set<Loadable>();
  opsSinceSync = 0;
  constructor(
    readonly wb: MemoryWorkbook,
    readonly minor: number,
    readonly stats: FakeStats,
  ) {}
  need(minor: number, what: string): void {
    if (this.minor < minor) throw officeError('ApiNotFound', `${what} needs ExcelApi 1.${minor}; this host has 1.${this.minor}.`);
  }
  op(): void {
    this.stats.ops += 1;
    this.opsSinceSync += 1;
  }
  async sync(): Promise<void> {
    this.stats.syncs += 1;
    this.stats.maxOpsPerSync = Math.max(this.stats.maxOpsPerSync, this.opsSinceSync);
    this.opsSinceSync = 0;
    for (const obj of this.pending) obj.snapshot();
    this.pending.clear();
    await Promise.resolve();
  }
}

/** Base of every proxy object: `load` marks properties, `sync` snapshots them. */
abstract class Loadable {
  protected readonly requested = new Set<string>();
  protected readonly loaded = new Map<string, unknown>();
  constructor(protected readonly s: Session) {}
  load(props?: string | string[] | Record<string, unknown>): this {
    const list = props === undefined ? ['*'] : typeof props === 'string' ? props.split(',') : Array.isArray(props) ? props : Object.keys(props);
    for (const p of list) this.requested.add(p.trim());
    this.s.pending.add(this);
    return this;
  }
  /** Copies the requested properties' current values. */
  snapshot(): void {
    for (const p of this.requested) this.loaded.set(p, this.read(p));
    this.requested.clear();
  }
  protected abstract read(prop: string): unknown;
  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop) && !this.loaded.has('*')) {
      throw officeError('PropertyNotLoaded', `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()".`);
    }
    return (this.loaded.has(prop) ? this.loaded.get(prop) : this.read(prop)) as T;
  }
}

function coerce(input: unknown, cell: MemoryCell): void {
  delete cell.formula;
  delete cell.error;
  if (input === null || input === undefined) return;
  if (typeof input !== 'string') {
    cell.value = input as number | boolean;
    return;
  }
  if (input === '') {
    cell.value = null;
    return;
  }
  if (input.startsWith("'")) {
    cell.value = input.slice(1);
    return;
  }
  if (input.startsWith('=')) {
    cell.formula = input.slice(1);
    cell.value = null;
    return;
  }
  if (cell.numFmt === '@') {
    cell.value = input;
    return;
  }
  if (/^[-+]?\d+(\.\d+)?$/.test(input.trim())) cell.value = Number(input);
  else if (/^\(\d+(\.\d+)?\)$/.test(input.trim())) cell.value = -Number(input.trim().slice(1, -1));
  else if (/^(true|false)$/i.test(input.trim())) cell.value = input.trim().toLowerCase() === 'true';
  else cell.value = input;
}

class FakeFill extends Loadable {
  constructor(
    s: Session,
    private readonly range: FakeRange,
  ) {
    super(s);
  }
  protected read(prop: string): unknown {
    if (prop === 'color') return this.range.cells()[0]?.fill ?? '#FFFFFF';
    return undefined;
  }
  get color(): string {
    return this.get('color');
  }
  set color(value: string) {
    this.s.op();
    for (const c of this.range.cells(true)) c.fill = value.toUpperCase();
  }
  clear(): void {
    this.s.op();
    for (const c of this.range.cells()) delete c.fill;
  }
}

class FakeFont {
  constructor(
    private readonly s: Session,
    private readonly range: FakeRange,
  ) {}
  private set(apply: (c: MemoryCell) => void): void {
    this.s.op();
    for (const c of this.range.cells(true)) apply(c);
  }
  set bold(v: boolean) {
    this.set((c) => (c.bold = v));
  }
  set italic(v: boolean) {
    this.set((c) => (c.italic = v));
  }
  set size(v: number) {
    this.set((c) => (c.size = v));
  }
  set name(v: string) {
    this.set((c) => (c.fontName = v));
  }
  set color(_v: string) {
    this.s.op();
  }
}

/** `range.format.borders`: `getItem(edge)` with `style` and `weight` (ExcelApi 1.1); a cell records `all` or `bottom`. */
class FakeBorders {
  constructor(
    private readonly s: Session,
    private readonly range: FakeRange,
  ) {}
  getItem(edge: string): { style: string; weight: string } {
    const s = this.s;
    const range = this.range;
    return {
      set style(_v: string) {
        s.op();
        for (const c of range.cells(true)) {
          if (edge === 'EdgeBottom' && c.border === undefined) c.border = 'bottom';
          else if (edge !== 'EdgeBottom') c.border = 'all';
        }
      },
      get style(): string {
        throw officeError('PropertyNotLoaded', 'style not loaded');
      },
      set weight(_v: string) {
        s.op();
      },
      get weight(): string {
        throw officeError('PropertyNotLoaded', 'weight not loaded');
      },
    };
  }
}

class FakeFormat {
  readonly fill: FakeFill;
  readonly font: FakeFont;
  readonly borders: FakeBorders;
  constructor(
    private readonly s: Session,
    private readonly range: FakeRange,
  ) {
    this.fill = new FakeFill(s, range);
    this.font = new FakeFont(s, range);
    this.borders = new FakeBorders(s, range);
  }
  set horizontalAlignment(v: string) {
    this.s.op();
    for (const c of this.range.cells(true)) c.horizontal = v.toLowerCase();
  }
  set verticalAlignment(_v: string) {
    this.s.op();
  }
  set wrapText(v: boolean) {
    this.s.op();
    for (const c of this.range.cells(true)) c.wrap = v;
  }
  set columnWidth(v: number) {
    this.s.need(2, 'RangeFormat.columnWidth');
    this.s.op();
    const a = this.range.bounds();
    for (let col = a.start.col; col <= a.end.col; col++) this.range.sheet().columnWidths.set(col, v);
  }
  set rowHeight(v: number) {
    this.s.need(2, 'RangeFormat.rowHeight');
    this.s.op();
    const a = this.range.bounds();
    for (let row = a.start.row; row <= a.end.row; row++) this.range.sheet().rowHeights.set(row, v);
  }
  get protection(): { locked: boolean } {
    const s = this.s;
    const range = this.range;
    return {
      get locked(): boolean {
        throw officeError('PropertyNotLoaded', 'locked not loaded');
      },
      set locked(v: boolean) {
        s.need(2, 'FormatProtection.locked');
        s.op();
        for (const c of range.cells(true)) c.locked = v;
      },
    };
  }
}

class FakeConditionalFormat extends Loadable {
  readonly custom: { rule: { formula: string }; format: { fill: { color: string } } };
  constructor(
    s: Session,
    private readonly sheetRef: () => MemorySheet,
    readonly cfId: string,
  ) {
    super(s);
    const record = (): { formula: string; fill: string } | undefined => this.sheetRef().conditionalFormats.find((c) => c.id === cfId);
    this.custom = {
      rule: {
        get formula(): string {
          return record()?.formula ?? '';
        },
        set formula(v: string) {
          s.op();
          const r = record();
          if (r) r.formula = v;
        },
      },
      format: {
        fill: {
          get color(): string {
            return record()?.fill ?? '';
          },
          set color(v: string) {
            s.op();
            const r = record();
            if (r) r.fill = v.toUpperCase();
          },
        },
      },
    };
  }
  protected read(prop: string): unknown {
    return prop === 'id' ? this.cfId : undefined;
  }
  get id(): string {
    return this.get('id');
  }
  delete(): void {
    this.s.op();
    const sheet = this.sheetRef();
    sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => c.id !== this.cfId);
  }
}

class FakeRange extends Loadable {
  readonly format: FakeFormat;
  constructor(
    s: Session,
    private readonly sheetName: () => string,
    private readonly ref: string,
  ) {
    super(s);
    if (!parseRange(ref)) throw officeError('InvalidArgument', `Bad range address ${ref}`);
    this.format = new FakeFormat(s, this);
  }
  sheet(): MemorySheet {
    return this.s.wb.sheet(this.sheetName());
  }
  bounds(): RangeAddress {
    return parseRange(this.ref) as RangeAddress;
  }
  /** The cells of the range (created when `create`), row by row. */
  cells(create = false): MemoryCell[] {
    const out: MemoryCell[] = [];
    const a = this.bounds();
    const sheet = this.sheet();
    for (let row = a.start.row; row <= a.end.row; row++) {
      for (let col = a.start.col; col <= a.end.col; col++) {
        const key = formatA1({ row, col });
        let cell = sheet.cells.get(key);
        if (!cell && create) {
          cell = { value: null };
          sheet.cells.set(key, cell);
        }
        if (cell) out.push(cell);
      }
    }
    return out;
  }
  private matrix<T>(f: (cell: MemoryCell | undefined) => T): T[][] {
    const a = this.bounds();
    const sheet = this.sheet();
    const out: T[][] = [];
    for (let row = a.start.row; row <= a.end.row; row++) {
      const line: T[] = [];
      for (let col = a.start.col; col <= a.end.col; col++) line.push(f(sheet.cells.get(formatA1({ row, col }))));
      out.push(line);
    }
    return out;
  }
  private assign(grid: unknown[][], apply: (cell: MemoryCell, v: unknown) => void): void {
    const a = this.bounds();
    const rows = a.end.row - a.start.row + 1;
    const cols = a.end.col - a.start.col + 1;
    if (grid.length !== rows || grid.some((l) => l.length !== cols)) {
      throw officeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`);
    }
    const sheet = this.sheet();
    this.s.op();
    grid.forEach((line, i) =>
      line.forEach((v, j) => {
        if (v === null) return;
        const key = formatA1({ row: a.start.row + i, col: a.start.col + j });
        let cell = sheet.cells.get(key);
        if (!cell) {
          cell = { value: null };
          sheet.cells.set(key, cell);
        }
        apply(cell, v);
      }),
    );
  }
  protected read(prop: string): unknown {
    const a = this.bounds();
    switch (prop) {
      case 'values':
        return this.matrix((c) => (c?.value ?? ''));
      case 'formulas':
        return this.matrix((c) => (c?.formula !== undefined ? `=${c.formula}` : (c?.value ?? '')));
      case 'numberFormat':
        return this.matrix((c) => c?.numFmt ?? 'General');
      case 'valueTypes':
        return this.matrix((c) => {
          if (!c || c.value === null || c.value === '') return 'Empty';
          if (c.error) return 'Error';
          return typeof c.value === 'number' ? 'Double' : typeof c.value === 'boolean' ? 'Boolean' : 'String';
        });
      case 'address':
        return `'${this.sheetName()}'!${this.ref}`;
      case 'rowIndex':
        return a.start.row - 1;
      case 'columnIndex':
        return a.start.col - 1;
      case 'rowCount':
        return a.end.row - a.start.row + 1;
      case 'columnCount':
        return a.end.col - a.start.col + 1;
      default:
        return undefined;
    }
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(grid: unknown[][]) {
    this.assign(grid, (cell, v) => coerce(v, cell));
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(grid: unknown[][]) {
    for (const line of grid) for (const v of line) if (typeof v === 'string' && v.startsWith('=')) this.checkSheets(v);
    this.assign(grid, (cell, v) => coerce(v, cell));
  }
  /** Excel turns a reference to a sheet it does not have into a link to another workbook: refuse it here. */
  private checkSheets(formula: string): void {
    // (an exec loop, not matchAll: the fake runs in the end-to-end test's EdgeHTML-like page too)
    const quoted = /'((?:[^']|'')+)'!/g;
    for (let m = quoted.exec(formula); m !== null; m = quoted.exec(formula)) {
      const name = (m[1] ?? '').replace(/''/g, "'");
      if (!this.s.wb.getSheet(name)) throw officeError('InvalidArgument', `Formula ${formula} refers to sheet "${name}", which does not exist (Excel would make it an external link).`);
    }
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(grid: string[][]) {
    this.assign(grid, (cell, v) => {
      if (v === 'General') delete cell.numFmt;
      else cell.numFmt = String(v);
    });
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }
  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  merge(_across?: boolean): void {
    this.s.need(2, 'Range.merge');
    this.s.op();
    this.sheet().merges.push(this.ref);
  }
  select(): void {
    this.s.op();
    this.s.wb.selection = { sheet: this.sheet().name, range: this.ref.toUpperCase() };
  }
  get conditionalFormats(): { add(type: string): FakeConditionalFormat; getItem(id: string): FakeConditionalFormat } {
    this.s.need(6, 'Range.conditionalFormats');
    const s = this.s;
    const sheetRef = (): MemorySheet => this.sheet();
    const ref = this.ref;
    return {
      add(type: string): FakeConditionalFormat {
        if (type !== 'Custom') throw officeError('InvalidArgument', `Unsupported conditional format ${type}`);
        s.op();
        const id = s.wb.newId();
        sheetRef().conditionalFormats.push({ id, range: ref, formula: '', fill: '' });
        return new FakeConditionalFormat(s, sheetRef, id);
      },
      getItem(id: string): FakeConditionalFormat {
        if (!sheetRef().conditionalFormats.some((c) => c.id === id)) throw officeError('ItemNotFound', `No conditional format ${id}`);
        return new FakeConditionalFormat(s, sheetRef, id);
      },
    };
  }
  get dataValidation(): Record<string, unknown> {
    this.s.need(8, 'Range.dataValidation');
    const s = this.s;
    const sheet = this.sheet();
    const ref = this.ref;
    const entry = { range: ref, rule: {} as Record<string, unknown> };
    sheet.validations.push(entry);
    return new Proxy(
      {},
      {
        set(_t, prop, value) {
          s.op();
          const source = (value as { list?: { source?: string } } | undefined)?.list?.source;
          if (prop === 'rule' && source?.startsWith('=') && !s.wb.names.some((n) => n.name.toLowerCase() === source.slice(1).toLowerCase())) {
            throw officeError('InvalidArgument', `The list source ${source} does not evaluate (no such name).`);
          }
          entry.rule[String(prop)] = value;
          return true;
        },
      },
    );
  }
}

class FakeWorksheet extends Loadable {
  constructor(
    s: Session,
    private currentName: string,
  ) {
    super(s);
  }
  private sheet(): MemorySheet {
    return this.s.wb.sheet(this.currentName);
  }
  protected read(prop: string): unknown {
    const sheet = this.sheet();
    if (prop === 'name') return sheet.name;
    if (prop === 'visibility') return sheet.visibility;
    if (prop === 'position') return this.s.wb.sheets.indexOf(sheet);
    return undefined;
  }
  get name(): string {
    return this.get('name');
  }
  set name(value: string) {
    this.s.op();
    if (this.s.wb.getSheet(value) && this.s.wb.getSheet(value) !== this.sheet()) throw officeError('ItemAlreadyExists', `A sheet named ${value} exists.`);
    const sheet = this.sheet();
    sheet.name = value;
    this.currentName = value;
  }
  get visibility(): string {
    return this.get('visibility');
  }
  set visibility(value: string) {
    this.s.need(2, 'Worksheet.visibility (set)');
    this.s.op();
    this.sheet().visibility = value as MemorySheet['visibility'];
  }
  getRange(address?: string): FakeRange {
    const ref = address ?? 'A1:XFD1048576';
    return new FakeRange(this.s, () => this.currentName, ref.replace(/\$/g, ''));
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== undefined) this.s.need(2, 'Worksheet.getUsedRange(valuesOnly)');
    const box = this.s.wb.usedRange(this.currentName, valuesOnly === true);
    return this.getRange(box ? `${formatA1(box.start)}:${formatA1(box.end)}` : 'A1');
  }
  activate(): void {
    this.s.op();
    this.s.wb.activeSheet = this.sheet().name;
  }
  delete(): void {
    this.s.op();
    this.s.wb.deleteSheet(this.currentName);
  }
  get freezePanes(): { freezeRows(n: number): void; freezeColumns(n: number): void; freezeAt(r: FakeRange): void } {
    this.s.need(7, 'Worksheet.freezePanes');
    const s = this.s;
    const sheet = this.sheet();
    return {
      freezeRows(n: number) {
        s.op();
        sheet.freezeRows = n;
      },
      freezeColumns(n: number) {
        s.op();
        sheet.freezeColumns = n;
      },
      freezeAt(r: FakeRange) {
        s.op();
        const a = r.bounds();
        sheet.freezeRows = a.end.row;
        sheet.freezeColumns = a.end.col;
      },
    };
  }
  set showGridlines(v: boolean) {
    this.s.need(8, 'Worksheet.showGridlines');
    this.s.op();
    this.sheet().showGridlines = v;
  }
  set tabColor(v: string) {
    this.s.need(7, 'Worksheet.tabColor');
    this.s.op();
    this.sheet().tabColor = v.toUpperCase();
  }
  /** `worksheet.pageLayout` (ExcelApi 1.9), recorded as the model's print setup it stands for. */
  get pageLayout(): Record<string, unknown> {
    this.s.need(9, 'Worksheet.pageLayout');
    const s = this.s;
    const sheet = this.sheet();
    const layout = (sheet.pageLayout ??= {
      orientation: 'portrait',
      fit: { width: 0, height: 0 },
      margins: { left: 0, right: 0, top: 0, bottom: 0, header: 0, footer: 0 },
      horizontalCentered: false,
      breaks: [],
    });
    const margin = (key: keyof typeof layout.margins) => ({
      set(v: number) {
        s.op();
        layout.margins[key] = v / 72;
      },
    });
    const target: Record<string, unknown> = {
      setPrintTitleRows(rows: string) {
        s.op();
        const [a, b] = rows.replace(/\$/g, '').split(':').map(Number);
        layout.titleRows = [a ?? 0, b ?? 0];
      },
      setPrintTitleColumns(cols: string) {
        s.op();
        const [a, b] = cols.replace(/\$/g, '').split(':').map((c) => c.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0));
        layout.titleColumns = [a ?? 0, b ?? 0];
      },
      setPrintArea(area: string) {
        s.op();
        layout.area = area;
      },
      headersFooters: {
        set state(v: string) {
          s.op();
          layout.differentFirst = v === 'FirstAndDefault';
        },
        defaultForAllPages: {
          set centerHeader(v: string) {
            s.op();
            layout.header = `&C${v}`;
          },
          set centerFooter(v: string) {
            s.op();
            layout.footer = `&C${v}`;
          },
        },
      },
    };
    Object.defineProperties(target, {
      paperSize: { set: (v: string) => (s.op(), v !== 'A4' && (layout.area = `paper ${v}`)) },
      orientation: { set: (v: string) => (s.op(), (layout.orientation = v === 'Landscape' ? 'landscape' : 'portrait')) },
      zoom: {
        set: (v: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) => {
          s.op();
          layout.fit = v.scale !== undefined ? { scale: v.scale } : { width: v.horizontalFitToPages ?? 0, height: v.verticalFitToPages ?? 0 };
        },
      },
      leftMargin: margin('left'),
      rightMargin: margin('right'),
      topMargin: margin('top'),
      bottomMargin: margin('bottom'),
      headerMargin: margin('header'),
      footerMargin: margin('footer'),
      centerHorizontally: { set: (v: boolean) => (s.op(), (layout.horizontalCentered = v)) },
    });
    return target;
  }
  /** `worksheet.horizontalPageBreaks` (ExcelApi 1.9): a break above the row of the cell given. */
  get horizontalPageBreaks(): { add(cell: string): void } {
    this.s.need(9, 'Worksheet.horizontalPageBreaks');
    const s = this.s;
    const sheet = this.sheet();
    return {
      add(cell: string) {
        s.op();
        const row = Number(cell.replace(/^[A-Z]+/i, ''));
        (sheet.pageLayout ??= { orientation: 'portrait', fit: { width: 0, height: 0 }, margins: { left: 0, right: 0, top: 0, bottom: 0, header: 0, footer: 0 }, horizontalCentered: false, breaks: [] }).breaks.push(row - 1);
      },
    };
  }
  get protection(): { protect(options?: unknown): void } {
    const s = this.s;
    const sheet = this.sheet();
    return {
      protect(options?: unknown) {
        s.need(2, 'WorksheetProtection.protect');
        s.op();
        sheet.protected = true;
      },
    };
  }
}

class FakeWorksheets extends Loadable {
  private itemsCache: FakeWorksheet[] = [];
  protected read(prop: string): unknown {
    return prop;
  }
  override snapshot(): void {
    const props = [...this.requested].map((p) => p.replace(/^items\//, ''));
    this.itemsCache = this.s.wb.sheets.map((sheet) => {
      const ws = new FakeWorksheet(this.s, sheet.name);
      ws.load(props);
      ws.snapshot();
      return ws;
    });
    this.loaded.set('items', true);
    this.requested.clear();
  }
  get items(): FakeWorksheet[] {
    this.get('items');
    return this.itemsCache;
  }
  getItem(name: string): FakeWorksheet {
    const sheet = this.s.wb.getSheet(name);
    if (!sheet) throw officeError('ItemNotFound', `The requested resource doesn't exist (sheet ${name}).`);
    return new FakeWorksheet(this.s, sheet.name);
  }
  add(name: string): FakeWorksheet {
    this.s.op();
    this.s.wb.addSheet(name);
    return new FakeWorksheet(this.s, name);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.s, this.s.wb.activeSheet ?? this.s.wb.sheets[0]?.name ?? '');
  }
}

class FakeNamedItem extends Loadable {
  constructor(
    s: Session,
    readonly itemName: string,
  ) {
    super(s);
  }
  private record(): { name: string; ref: string } | undefined {
    return this.s.wb.names.find((n) => n.name.toLowerCase() === this.itemName.toLowerCase());
  }
  protected read(prop: string): unknown {
    const r = this.record();
    if (prop === 'name') return r?.name;
    if (prop === 'type') return r?.ref === '#REF!' ? 'Error' : 'Range';
    if (prop === 'value') return r?.ref.replace(/^=/, '');
    if (prop === 'visible') return true;
    if (prop === 'formula') {
      this.s.need(7, 'NamedItem.formula');
      return r ? `=${r.ref}` : undefined;
    }
    return undefined;
  }
  get name(): string {
    return this.get('name');
  }
  get type(): string {
    return this.get('type');
  }
  get value(): string {
    return this.get('value');
  }
  get formula(): string {
    return this.get('formula');
  }
  delete(): void {
    this.s.need(4, 'NamedItem.delete');
    this.s.op();
    this.s.wb.deleteName(this.itemName);
  }
}

class FakeNames extends Loadable {
  private itemsCache: FakeNamedItem[] = [];
  protected read(prop: string): unknown {
    return prop;
  }
  override snapshot(): void {
    const props = [...this.requested].map((p) => p.replace(/^items\//, ''));
    this.itemsCache = this.s.wb.names.map((n) => {
      const item = new FakeNamedItem(this.s, n.name);
      item.load(props);
      item.snapshot();
      return item;
    });
    this.loaded.set('items', true);
    this.requested.clear();
  }
  get items(): FakeNamedItem[] {
    this.get('items');
    return this.itemsCache;
  }
  add(name: string, reference: FakeRange | string): FakeNamedItem {
    this.s.need(4, 'NamedItemCollection.add');
    this.s.op();
    let ref: string;
    if (typeof reference === 'string') ref = reference.replace(/^=/, '');
    else ref = qualifiedRef(reference.sheet().name, reference.bounds());
    this.s.wb.addName(name, ref);
    return new FakeNamedItem(this.s, name);
  }
}

class FakeContext {
  readonly workbook: { worksheets: FakeWorksheets; names: FakeNames; getSelectedRange(): FakeRange };
  constructor(private readonly s: Session) {
    const worksheets = new FakeWorksheets(s);
    const names = new FakeNames(s);
    this.workbook = {
      worksheets,
      names,
      getSelectedRange: () => {
        const sel = s.wb.selection ?? { sheet: s.wb.activeSheet ?? '', range: 'A1' };
        return new FakeRange(s, () => sel.sheet, sel.range);
      },
    };
  }
  sync(): Promise<void> {
    return this.s.sync();
  }
}

/** The fake `Office` and `Excel` globals over a workbook, and their counters. */
export interface FakeOffice {
  Office: Record<string, unknown>;
  Excel: { run<T>(batch: (context: FakeContext) => Promise<T>): Promise<T> };
  stats: FakeStats;
  workbook: MemoryWorkbook;
  minor: number;
}

/** Creates the fake globals for `workbook`, playing ExcelApi `1.<minor>`. */
export function createFakeOffice(workbook: MemoryWorkbook = new MemoryWorkbook(), options: FakeOfficeOptions = {}): FakeOffice {
  const minor = options.minor ?? 8;
  const stats: FakeStats = { syncs: 0, ops: 0, maxOpsPerSync: 0, runs: 0 };
  const Excel = {
    async run<T>(batch: (context: FakeContext) => Promise<T>): Promise<T> {
      stats.runs += 1;
      const session = new Session(workbook, minor, stats);
      const result = await batch(new FakeContext(session));
      await session.sync();
      return result;
    },
  };
  const info = { host: 'Excel', platform: options.platform ?? 'OfficeOnline' };
  const Office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
    context: {
      displayLanguage: options.displayLanguage ?? 'vi-VN',
      requirements: {
        isSetSupported(name: string, version?: string): boolean {
          if (name !== 'ExcelApi') return false;
          const wanted = Number((version ?? '1.1').split('.')[1] ?? '1');
          return wanted <= minor;
        },
      },
    },
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      callback?.(info);
      return Promise.resolve(info);
    },
  };
  return { Office, Excel, stats, workbook, minor };
}
