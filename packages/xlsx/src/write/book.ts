import ExcelJS from 'exceljs';
import type { AddWorksheetOptions, DefinedNames, Worksheet } from 'exceljs';
import { FONT } from '@cchc-kpi/core';
import { excelSerialDate } from './cells.ts';
import { normalizeZip } from './deterministic-zip.ts';

/**
 * Where a workbook is built: exceljs's in-memory `Workbook`, or its streaming `WorkbookWriter`,
 * which writes each row out (and frees it) once it is committed. The renderer is the same for
 * both; only {@link Book.rowsDone} and {@link Book.sheetDone} differ (no-ops in memory). Both give
 * deterministic bytes: the parts are re-packed by `normalizeZip`, every zip entry stamped with
 * the same date, and both ask the spreadsheet to recalculate on load.
 *
 * The streaming writer keeps in memory only the rows not yet committed, the shared strings and the
 * styles, plus the compressed package until it is re-packed; rows cannot be changed once
 * committed, so a sheet is written top to bottom, its columns and page setup set before its first
 * row is committed, and sheets one after the other, in tab order.
 */
export interface Book {
  readonly streaming: boolean;
  readonly definedNames: DefinedNames;
  /** Adds a sheet (order of calls = order of the tabs). */
  addWorksheet(name: string, options?: Partial<AddWorksheetOptions>): Worksheet;
  /** Rows 1…`row` of `sheet` are final: the streaming writer writes them out. */
  rowsDone(sheet: Worksheet, row: number): void;
  /** `sheet` is final: the streaming writer writes the rest of it out. */
  sheetDone(sheet: Worksheet): void;
  /** The xlsx bytes, zip entries stamped `createdOn`. Call once. */
  finish(): Promise<Uint8Array>;
}

/** The workbook window every workbook we write opens with (first sheet active). */
export const WORKBOOK_VIEWS = [{ x: 0, y: 0, width: 24000, height: 14000, firstSheet: 0, activeTab: 0, visibility: 'visible' }] as const;

/** exceljs's default font (font 0 of `styles.xml`, the "Normal" style): Calibri 11. */
const CALIBRI = '<font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>';
/** Ours: Times New Roman 12, the font of every cell; its digit (8 pixels) is the unit of column widths. */
const TIMES = `<font><sz val="${FONT.size}"/><name val="${FONT.name}"/><family val="1"/></font>`;

/**
 * Makes Times New Roman 12 the workbook's default font. Column widths are counted in digits of
 * the default font, and LibreOffice replaces a Calibri it does not have with a wider font: with
 * our own font as the default, Excel and LibreOffice lay columns out alike (Liberation Serif has
 * Times New Roman's metrics), so the row heights core estimates hold in both.
 * @throws Error when exceljs's `styles.xml` does not start with the font this module knows.
 */
function defaultFont(xml: string): string {
  if (!xml.includes(CALIBRI)) throw new Error('exceljs: unexpected styles.xml (default font not found)');
  return xml.replace(CALIBRI, TIMES);
}

/** The streaming writer, as far as this module uses it (exceljs's typings omit some of it). */
interface StreamingWorkbook {
  title?: string;
  views: unknown[];
  definedNames: DefinedNames;
  stream: { read(): Buffer };
  addWorksheet(name: string, options?: Partial<AddWorksheetOptions>): Worksheet;
  commit(): Promise<unknown>;
}

/** The streaming writer's sheet, as far as `rowsDone` and `sheetDone` use it. */
interface StreamingSheet {
  committed: boolean;
  getRow(row: number): { commit(): void };
  commit(): void;
}

/** An in-memory book whose document properties are fixed (creator, dates = `createdOn` at midnight UTC). */
export function memoryBook(createdOn: string, title: string, activeTab = 0): Book {
  const wb = new ExcelJS.Workbook();
  const date = excelSerialDate(createdOn);
  wb.creator = 'cchc-kpi';
  wb.lastModifiedBy = 'cchc-kpi';
  wb.created = date;
  wb.modified = date;
  wb.title = title;
  wb.calcProperties.fullCalcOnLoad = true;
  wb.views = WORKBOOK_VIEWS.map((view) => ({ ...view, activeTab }));
  return {
    streaming: false,
    definedNames: wb.definedNames,
    addWorksheet: (name, options) => wb.addWorksheet(name, options),
    rowsDone: () => undefined,
    sheetDone: () => undefined,
    finish: async () => normalizeZip(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), createdOn, { 'xl/styles.xml': defaultFont }),
  };
}

/**
 * The streaming writer's `workbook.xml` has no calculation properties; the in-memory workbook
 * asks Excel to recalculate on load, and so must this one.
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
export function streamingBook(createdOn: string, title: string, activeTab = 0): Book {
  const date = excelSerialDate(createdOn);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    useStyles: true,
    useSharedStrings: true,
    created: date,
    modified: date,
    creator: 'cchc-kpi',
    lastModifiedBy: 'cchc-kpi',
  } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]) as unknown as StreamingWorkbook;
  wb.title = title;
  wb.views = WORKBOOK_VIEWS.map((view) => ({ ...view, activeTab }));
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
    finish: async () => {
      await wb.commit();
      return normalizeZip(new Uint8Array(wb.stream.read()), createdOn, {
        'xl/styles.xml': defaultFont,
        'xl/workbook.xml': (xml) => {
          if (!xml.includes(CALC_PR)) throw new Error('streamingBook: unexpected workbook.xml from exceljs (no calcPr element)');
          return xml.replace(CALC_PR, CALC_PR_FULL);
        },
      });
    },
  };
}
