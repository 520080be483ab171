import type { AddWorksheetOptions, DataValidation, PageSetup, WorksheetView } from 'exceljs';
import { COLUMN_DIGIT_PX, FONT_DIGIT_PX, formatA1, formatSheetRef, numberToColumn, parseRange, type BookModel, type PrintModel, type SheetModel, type ValidationModel } from '@cchc-kpi/core';
import { memoryBook, streamingBook, type Book } from './book.ts';
import { StyleCache, excelValue, fontOf, serialToDate } from './cells.ts';

/**
 * The exceljs renderer of a workbook model (`@cchc-kpi/core` `BookModel`): in memory, or with
 * exceljs's streaming writer, which writes each row out as soon as it (and every range merged
 * across it) is complete, so memory holds a few rows of a sheet, not the sheet. It writes what
 * the model says and nothing else: values, formulas with the results core computed, rich text,
 * named styles, merges, row heights, column widths, frozen panes, data validations, protection,
 * print setup and defined names. The same model gives the same bytes.
 */

/** Options of {@link renderXlsx}. */
export interface RenderOptions {
  /** Use exceljs's streaming writer (bounded memory for very large workbooks). Default false. */
  streaming?: boolean;
}

/**
 * A model column width (digits of 7 pixels, Excel's default font) in digits of our default font,
 * Times New Roman 12 (8 pixels): the column keeps its width on screen and on paper.
 */
export function fileColumnWidth(width: number): number {
  return Math.round(((width * COLUMN_DIGIT_PX) / FONT_DIGIT_PX) * 100) / 100;
}

const PROTECT_OPTIONS = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true } as const;

/** exceljs page setup of a model's print setup (A4 = paper size 9). */
function pageSetupOf(print: PrintModel | undefined): Partial<PageSetup> {
  if (!print) return {};
  const fit = 'scale' in print.fit ? { fitToPage: false, scale: print.fit.scale } : { fitToPage: true, fitToWidth: print.fit.width, fitToHeight: print.fit.height };
  const setup: Partial<PageSetup> = {
    paperSize: 9,
    orientation: print.orientation,
    ...fit,
    horizontalCentered: print.horizontalCentered,
    margins: { ...print.margins },
  };
  if (print.titleRows) setup.printTitlesRow = `${print.titleRows[0]}:${print.titleRows[1]}`;
  if (print.titleColumns) setup.printTitlesColumn = `${numberToColumn(print.titleColumns[0])}:${numberToColumn(print.titleColumns[1])}`;
  if (print.area) setup.printArea = print.area;
  return setup;
}

function viewsOf(sheet: SheetModel): Array<Partial<WorksheetView>> {
  const grid = sheet.gridlines ? {} : { showGridLines: false };
  const active = sheet.activeCell ? { activeCell: sheet.activeCell } : {};
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)) {
    const { rows, columns } = sheet.freeze;
    return [{ state: 'frozen', xSplit: columns, ySplit: rows, topLeftCell: formatA1({ row: rows + 1, col: columns + 1 }), ...active, ...grid }];
  }
  return [{ ...active, ...grid }];
}

function validationOf(v: ValidationModel): DataValidation {
  const messages = {
    showInputMessage: true,
    promptTitle: v.promptTitle,
    prompt: v.prompt,
    showErrorMessage: true,
    errorStyle: v.errorStyle,
    errorTitle: v.errorTitle,
    error: v.error,
  };
  const rule = v.rule;
  if (rule.kind === 'wholeAtLeast') return { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [rule.min], ...messages };
  if (rule.kind === 'list') return { type: 'list', allowBlank: true, formulae: [rule.source], ...messages };
  return { type: 'date', operator: 'between', allowBlank: true, formulae: [serialToDate(rule.from), serialToDate(rule.to)], ...messages };
}

/** Writes one sheet: columns, rows (committed as they are complete when streaming), validations, page setup, protection. */
async function renderSheet(book: Book, model: SheetModel, styles: StyleCache): Promise<void> {
  const options: Partial<AddWorksheetOptions> = { views: viewsOf(model), pageSetup: pageSetupOf(model.print) };
  if (model.hidden) options.state = 'hidden';
  if (model.tabColor) options.properties = { tabColor: { argb: model.tabColor } } as AddWorksheetOptions['properties'];
  const sheet = book.addWorksheet(model.name, options);
  model.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = fileColumnWidth(c.width);
    column.font = fontOf(styles.model(c.style));
  });
  if (model.print?.header !== undefined || model.print?.footer !== undefined) {
    sheet.headerFooter = {
      ...(model.print.differentFirst ? { differentFirst: true, firstHeader: '', firstFooter: '' } : {}),
      ...(model.print.header !== undefined ? { oddHeader: model.print.header } : {}),
      oddFooter: model.print.footer ?? '',
    };
  }
  /** Rows up to here may not be committed: a range merged across them is not complete. */
  let holdUntil = 0;
  for (const row of model.rows()) {
    const line = sheet.getRow(row.row);
    if (row.height !== undefined) line.height = row.height;
    for (const cell of row.cells) {
      const target = line.getCell(cell.col);
      target.value = excelValue(cell, styles.model(cell.style));
      target.style = styles.get(cell.style);
    }
    for (const m of row.merges ?? []) {
      sheet.mergeCells(row.row, m.fromCol, m.toRow, m.toCol);
      holdUntil = Math.max(holdUntil, m.toRow);
    }
    if (row.breakAfter) line.addPageBreak();
    if (row.row >= holdUntil) book.rowsDone(sheet, row.row);
  }
  for (const v of model.validations) {
    const key = v.range.includes(':') ? v.range : `${v.range}:${v.range}`;
    // range keys are written as given; exceljs merges per-cell keys after sorting them as text
    (sheet as unknown as { dataValidations: { add(address: string, dv: DataValidation): void } }).dataValidations.add(key, validationOf(v));
  }
  if (model.protect) await sheet.protect('', { ...PROTECT_OPTIONS });
  book.sheetDone(sheet);
}

/**
 * Renders a workbook model to xlsx bytes (deterministic: the same model gives the same bytes).
 * @throws Error when a defined name's reference is not an A1 range.
 */
export async function renderXlsx(model: BookModel, options: RenderOptions = {}): Promise<Uint8Array> {
  const activeTab = Math.max(0, model.activeSheet ? model.sheets.findIndex((s) => s.name === model.activeSheet) : 0);
  const book = (options.streaming ? streamingBook : memoryBook)(model.createdOn, model.title, activeTab);
  const styles = new StyleCache(model.styles);
  for (const sheet of model.sheets) await renderSheet(book, sheet, styles);
  for (const name of model.names) {
    const range = parseRange(name.ref);
    if (!range) throw new Error(`renderXlsx: defined name ${name.name} has no A1 range (${name.ref})`);
    book.definedNames.add(formatSheetRef(name.sheet, range), name.name);
  }
  return book.finish();
}
