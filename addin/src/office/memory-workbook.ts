/**
 * An in-memory workbook: sheets of cells with values, formulas, number formats and the few
 * formats the add-in writes, defined names, selection. It backs `MemoryHost` and the fake Office.js
 * used by the end-to-end test; it has no formula engine (formula cells keep a `null` value unless
 * a test sets one).
 */
import { formatA1, parseA1, parseRange, type Cell, type DefinedName, type Grid, type PrintModel, type RangeAddress, type SheetState } from '@cchc-kpi/core';

/** Sheet visibility as Office.js names it. */
export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** One cell. `value` of a formula cell is its (test-provided) result. */
export interface MemoryCell {
  value: string | number | boolean | null;
  formula?: string;
  numFmt?: string;
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontName?: string;
  horizontal?: string;
  wrap?: boolean;
  /** Thin lines on every side or at the bottom only. */
  border?: 'all' | 'bottom';
  locked?: boolean;
  /** The value is an error such as `#DIV/0!` (then `value` holds its text). */
  error?: boolean;
}

/** A conditional format the add-in added (custom rule with a fill). */
export interface MemoryConditionalFormat {
  id: string;
  range: string;
  formula: string;
  fill: string;
}

export interface MemorySheet {
  name: string;
  visibility: Visibility;
  cells: Map<string, MemoryCell>;
  merges: string[];
  /** Column widths in points, by 1-based column. */
  columnWidths: Map<number, number>;
  /** Row heights in points, by 1-based row (ExcelApi 1.2). */
  rowHeights: Map<number, number>;
  /** Gridlines shown (ExcelApi 1.8 can hide them). */
  showGridlines: boolean;
  /** Tab colour `#RRGGBB` (ExcelApi 1.7). */
  tabColor?: string;
  /** The page layout written (ExcelApi 1.9): the model's print setup and the rows after which a page breaks. */
  pageLayout?: PrintModel & { breaks: number[] };
  freezeRows: number;
  freezeColumns: number;
  protected: boolean;
  validations: { range: string; rule: unknown }[];
  conditionalFormats: MemoryConditionalFormat[];
}

/** A workbook-scoped name: `ref` is sheet-qualified and absolute (`'Báo cáo'!$F$12`). */
export interface MemoryName {
  name: string;
  ref: string;
}

function key(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** `'Báo cáo'!$F$12` for a sheet and an A1 range. */
export function qualifiedRef(sheet: string, range: RangeAddress): string {
  const abs = (a: { row: number; col: number }): string => formatA1(a).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  const single = range.start.row === range.end.row && range.start.col === range.end.col;
  return `'${sheet.replace(/'/g, "''")}'!${abs(range.start)}${single ? '' : `:${abs(range.end)}`}`;
}

export class MemoryWorkbook {
  readonly sheets: MemorySheet[] = [];
  readonly names: MemoryName[] = [];
  activeSheet: string | null = null;
  selection: { sheet: string; range: string } | null = null;
  date1904 = false;
  private nextId = 1;

  /** A workbook with the given (empty) sheets, e.g. `new MemoryWorkbook(['Sheet1'])`. */
  constructor(sheetNames: string[] = ['Sheet1']) {
    for (const name of sheetNames) this.addSheet(name);
    this.activeSheet = sheetNames[0] ?? null;
  }

  /** A fresh id for conditional formats. */
  newId(): string {
    return `{cf-${this.nextId++}}`;
  }

  /** The sheet of that name (case-insensitive), or null. */
  getSheet(name: string): MemorySheet | null {
    const k = key(name);
    return this.sheets.find((s) => key(s.name) === k) ?? null;
  }

  /** The sheet of that name; throws `ItemNotFound` like Excel when absent. */
  sheet(name: string): MemorySheet {
    const sheet = this.getSheet(name);
    if (!sheet) throw Object.assign(new Error(`The requested sheet "${name}" doesn't exist.`), { code: 'ItemNotFound' });
    return sheet;
  }

  /** Adds an empty sheet at the end; throws when the name is taken (case-insensitive) or invalid. */
  addSheet(name: string): MemorySheet {
    if (this.getSheet(name)) throw Object.assign(new Error(`A sheet named "${name}" already exists.`), { code: 'ItemAlreadyExists' });
    if (name.length === 0 || name.length > 31 || /[\\/?*[\]:]/.test(name)) {
      throw Object.assign(new Error(`Invalid sheet name "${name}".`), { code: 'InvalidArgument' });
    }
    const sheet: MemorySheet = {
      name,
      visibility: 'Visible',
      cells: new Map(),
      merges: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      showGridlines: true,
      freezeRows: 0,
      freezeColumns: 0,
      protected: false,
      validations: [],
      conditionalFormats: [],
    };
    this.sheets.push(sheet);
    return sheet;
  }

  /** Deletes a sheet; names pointing to it become `#REF!` as in Excel. Refuses to delete the last visible sheet. */
  deleteSheet(name: string): void {
    const sheet = this.sheet(name);
    const visible = this.sheets.filter((s) => s.visibility === 'Visible');
    if (visible.length === 1 && visible[0] === sheet) {
      throw Object.assign(new Error('A workbook must contain at least one visible worksheet.'), { code: 'InvalidOperation' });
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    const prefix = `'${sheet.name.replace(/'/g, "''")}'!`;
    for (const n of this.names) if (n.ref.startsWith(prefix)) n.ref = '#REF!';
    if (this.activeSheet !== null && key(this.activeSheet) === key(name)) this.activeSheet = this.sheets[0]?.name ?? null;
  }

  /** The cell at an A1 address, created when absent. */
  cell(sheetName: string, address: string): MemoryCell {
    const sheet = this.sheet(sheetName);
    const at = parseA1(address);
    if (!at) throw new Error(`Bad cell address ${address}`);
    const ref = formatA1(at);
    let cell = sheet.cells.get(ref);
    if (!cell) {
      cell = { value: null };
      sheet.cells.set(ref, cell);
    }
    return cell;
  }

  /** The cell at an A1 address, or undefined. */
  peek(sheetName: string, address: string): MemoryCell | undefined {
    const at = parseA1(address);
    return at ? this.getSheet(sheetName)?.cells.get(formatA1(at)) : undefined;
  }

  /**
   * Types a value into a cell as a person would: numbers stay numbers, text starting with `=`
   * becomes a formula (value null), `null` empties the cell's content.
   */
  type(sheetName: string, address: string, value: string | number | boolean | null): void {
    const cell = this.cell(sheetName, address);
    delete cell.formula;
    delete cell.error;
    if (typeof value === 'string' && value.startsWith('=')) {
      cell.formula = value.slice(1);
      cell.value = null;
    } else {
      cell.value = value;
    }
  }

  /** Adds (or redefines) a workbook-scoped name; throws when it already exists. */
  addName(name: string, ref: string): void {
    if (this.names.some((n) => key(n.name) === key(name))) {
      throw Object.assign(new Error(`The name "${name}" already exists.`), { code: 'ItemAlreadyExists' });
    }
    this.names.push({ name, ref });
  }

  /** Deletes a name if present. */
  deleteName(name: string): void {
    const i = this.names.findIndex((n) => key(n.name) === key(name));
    if (i >= 0) this.names.splice(i, 1);
  }

  /**
   * The used range of a sheet: the bounding box of cells with content (and, unless `valuesOnly`,
   * with a format). Null when the sheet is empty.
   */
  usedRange(sheetName: string, valuesOnly = false): RangeAddress | null {
    const sheet = this.sheet(sheetName);
    let box: RangeAddress | null = null;
    for (const [ref, cell] of sheet.cells) {
      const hasContent = cell.value !== null || cell.formula !== undefined;
      const hasFormat = cell.fill !== undefined || cell.numFmt !== undefined || cell.bold !== undefined || cell.locked !== undefined;
      if (!hasContent && (valuesOnly || !hasFormat)) continue;
      const at = parseA1(ref);
      if (!at) continue;
      if (!box) box = { start: { ...at }, end: { ...at } };
      else {
        box.start.row = Math.min(box.start.row, at.row);
        box.start.col = Math.min(box.start.col, at.col);
        box.end.row = Math.max(box.end.row, at.row);
        box.end.col = Math.max(box.end.col, at.col);
      }
    }
    return box;
  }

  /** Every cell position of an A1 range (`F12`, `A4:I203`). */
  static positions(range: string): { row: number; col: number }[] {
    const r = parseRange(range);
    if (!r) throw new Error(`Bad range ${range}`);
    const out: { row: number; col: number }[] = [];
    for (let row = r.start.row; row <= r.end.row; row++) for (let col = r.start.col; col <= r.end.col; col++) out.push({ row, col });
    return out;
  }

  /** The workbook as a Grid, as the readers see a file: content cells only, names, visibility. */
  toGrid(): Grid {
    const state: Record<Visibility, SheetState> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };
    const sheets = this.sheets.map((s) => {
      const cells = new Map<string, Cell>();
      let maxRow = 0;
      let maxCol = 0;
      for (const [ref, c] of s.cells) {
        if (c.value === null && c.formula === undefined) continue;
        const cell: Cell = { value: c.value };
        if (c.formula !== undefined) cell.formula = c.formula;
        if (c.numFmt !== undefined && c.numFmt !== 'General') cell.numFmt = c.numFmt;
        if (c.error) cell.error = true;
        cells.set(ref, cell);
        const at = parseA1(ref);
        if (at) {
          maxRow = Math.max(maxRow, at.row);
          maxCol = Math.max(maxCol, at.col);
        }
      }
      return { name: s.name, state: state[s.visibility], cells, merges: [...s.merges], maxRow, maxCol };
    });
    const definedNames: DefinedName[] = this.names.map((n) => ({ name: n.name, ref: n.ref }));
    return { sheets, definedNames, date1904: this.date1904 };
  }
}
