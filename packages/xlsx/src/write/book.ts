import ExcelJS from 'exceljs';
import type { AddWorksheetOptions, DefinedNames, Worksheet } from 'exceljs';
import { normalizeZip } from './deterministic-zip.ts';
import { finishWorkbook, newWorkbook, WORKBOOK_VIEWS } from './styles.ts';
import { excelDate } from './vi.ts';

/**
 * Where a large workbook is built: exceljs's in-memory `Workbook`, or its streaming
 * `WorkbookWriter`, which writes each row out (and frees it) once the caller says the rows up to
 * it are complete. The sheet-building code is the same for both; only {@link Book.rowsDone} and
 * {@link Book.sheetDone} differ (no-ops in memory). Both give deterministic bytes: the parts are
 * re-packed by `normalizeZip`, every zip entry stamped with the same date.
 *
 * The streaming writer keeps in memory only the rows not yet committed, the shared strings and the
 * styles, plus the compressed package until it is re-packed; rows cannot be changed once
 * committed, so a sheet must be written top to bottom, and its columns and page setup set before
 * its first row is committed.
 */
export interface Book {
  /** True for the streaming writer. */
  readonly streaming: boolean;
  readonly definedNames: DefinedNames;
  /** Adds a sheet (order of calls = order of the tabs). */
  addWorksheet(name: string, options?: Partial<AddWorksheetOptions>): Worksheet;
  /** Rows 1…`row` of `sheet` are final: the streaming writer writes them out. */
  rowsDone(sheet: Worksheet, row: number): void;
  /** `sheet` is final: the streaming writer writes the rest of it out. */
  sheetDone(sheet: Worksheet): void;
  /**
   * The xlsx bytes, zip entries stamped `createdOn`, the tabs in `tabOrder` (every sheet added,
   * once each). Call once.
   * @throws Error when `tabOrder` does not list exactly the sheets added.
   */
  finish(tabOrder: readonly Worksheet[]): Promise<Uint8Array>;
}

/** The streaming writer's sheet, as far as `rowsDone` and `sheetDone` use it. */
interface StreamingSheet {
  committed: boolean;
  getRow(row: number): { commit(): void };
  commit(): void;
}

/** The streaming writer, as far as this module uses it (exceljs's typings omit some of it). */
interface StreamingWorkbook {
  title?: string;
  views: unknown[];
  definedNames: DefinedNames;
  stream: { read(): Buffer };
  /** Sheets by id (index 0 unused); `workbook.xml` lists them in this order. */
  _worksheets: Array<Worksheet | undefined>;
  addWorksheet(name: string, options?: Partial<AddWorksheetOptions>): Worksheet;
  commit(): Promise<unknown>;
}

function checkTabOrder(added: readonly Worksheet[], tabOrder: readonly Worksheet[]): void {
  if (tabOrder.length !== added.length || new Set(tabOrder).size !== tabOrder.length || !tabOrder.every((s) => added.includes(s))) {
    throw new Error('Book.finish: the tab order must list every sheet added, once');
  }
}

/** An in-memory book: the workbook `newWorkbook` makes, serialised by `finishWorkbook`. */
export function memoryBook(createdOn: string, title: string): Book {
  const wb = newWorkbook(createdOn, title);
  return {
    streaming: false,
    definedNames: wb.definedNames,
    addWorksheet: (name, options) => wb.addWorksheet(name, options),
    rowsDone: () => undefined,
    sheetDone: () => undefined,
    finish: (tabOrder) => {
      checkTabOrder(wb.worksheets, tabOrder);
      tabOrder.forEach((sheet, i) => {
        (sheet as Worksheet & { orderNo: number }).orderNo = i + 1;
      });
      return finishWorkbook(wb, createdOn);
    },
  };
}

/**
 * The streaming writer's `workbook.xml` has no calculation properties; the in-memory workbook
 * asks Excel to recalculate on load (see `newWorkbook`), and so must this one.
 */
const CALC_PR = '<calcPr calcId="171027"/>';
const CALC_PR_FULL = '<calcPr calcId="171027" fullCalcOnLoad="1"/>';

/**
 * A streaming book: exceljs's `WorkbookWriter` with styles and shared strings, the same document
 * properties, window and recalculation setting as {@link memoryBook}; the package is collected in
 * memory (compressed) and re-packed deterministically.
 * @throws Error from `finish` when exceljs's `workbook.xml` lacks the expected `calcPr` element
 *   (an exceljs version whose output this module does not know).
 */
export function streamingBook(createdOn: string, title: string): Book {
  const date = excelDate(createdOn);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    useStyles: true,
    useSharedStrings: true,
    created: date,
    modified: date,
    creator: 'cchc-kpi',
    lastModifiedBy: 'cchc-kpi',
  } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]) as unknown as StreamingWorkbook;
  wb.title = title;
  wb.views = WORKBOOK_VIEWS.map((view) => ({ ...view }));
  return {
    streaming: true,
    definedNames: wb.definedNames,
    addWorksheet: (name, options) => wb.addWorksheet(name, options),
    rowsDone: (sheet, row) => {
      if (row >= 1) (sheet as unknown as StreamingSheet).getRow(row).commit();
    },
    sheetDone: (sheet) => {
      const s = sheet as unknown as StreamingSheet;
      if (!s.committed) s.commit();
    },
    finish: async (tabOrder) => {
      checkTabOrder(wb._worksheets.filter((s): s is Worksheet => s !== undefined), tabOrder);
      // exceljs has no tab order of its own in streaming mode: it lists sheets as they sit in this
      // array, indexed from 1 with a hole at 0 (its loops skip holes, not undefined entries).
      const ordered: Array<Worksheet | undefined> = [];
      tabOrder.forEach((sheet, i) => {
        ordered[i + 1] = sheet;
      });
      wb._worksheets = ordered;
      await wb.commit();
      const packed = new Uint8Array(wb.stream.read());
      return normalizeZip(packed, createdOn, {
        'xl/workbook.xml': (xml) => {
          if (!xml.includes(CALC_PR)) throw new Error('streamingBook: unexpected workbook.xml from exceljs (no calcPr element)');
          return xml.replace(CALC_PR, CALC_PR_FULL);
        },
      });
    },
  };
}
