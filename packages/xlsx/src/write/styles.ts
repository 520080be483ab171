import ExcelJS from 'exceljs';
import type { SubmissionStatus } from '@cchc-kpi/core';
import type { Alignment, Borders, Cell, DataValidation, Fill, Font, Worksheet } from 'exceljs';
import { normalizeZip } from './deterministic-zip.ts';
import { excelDate } from './vi.ts';

/**
 * Look and plumbing shared by the workbooks we write: one font (Times New Roman, the usual face
 * of Vietnamese administrative documents), fills, borders, number formats, A4 page setup, and the
 * step that turns an exceljs workbook into deterministic bytes.
 */

export const FONT_NAME = 'Times New Roman';
export const FONT_SIZE = 12;

/** Number formats. `yesNo` shows 1 as "Có" and 0 as "Không". */
export const NUM_FMT = {
  percent: '0.0%',
  date: 'dd/mm/yyyy',
  integer: '#,##0',
  score: '0.00',
  text: '@',
  yesNo: '"Có";"Có";"Không"',
} as const;

/** ARGB colours. */
/** Fill of a submission status in the *Tiến độ nộp* sheet (status labels: core's `SUBMISSION_STATUS_LABELS`). */
export const SUBMISSION_STATUS_FILL = {
  received: 'FFC6EFCE',
  unreadable: 'FFFFC7CE',
  missing: 'FFD9D9D9',
} as const satisfies Record<SubmissionStatus, string>;

export const COLOR = {
  input: 'FFFFF9E0',
  locked: 'FFD9D9D9',
  header: 'FFDDEBF7',
  met: 'FFC6EFCE',
  notMet: 'FFFFE699',
  missing: 'FFD9D9D9',
  invalid: 'FFFFC7CE',
  notApplicable: 'FFFFFFFF',
  total: 'FFF2F2F2',
} as const;

/** A solid fill of one ARGB colour. */
export function solid(argb: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } };
}

/** Thin borders on all four sides. */
export const THIN_BORDER: Partial<Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** The font with optional overrides (bold, italic, size). */
export function font(overrides: Partial<Font> = {}): Partial<Font> {
  return { name: FONT_NAME, size: FONT_SIZE, ...overrides };
}

/** Options of {@link styleCell}. */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fill?: string;
  border?: boolean;
  numFmt?: string;
  horizontal?: Alignment['horizontal'];
  vertical?: Alignment['vertical'];
  wrap?: boolean;
  /** `false` unlocks the cell (an input cell on a protected sheet). Default: locked. */
  locked?: boolean;
}

/** The exceljs style of a {@link CellStyle}: font, fill, border, number format, alignment, protection. */
function buildStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const f: Partial<Font> = font({ size: style.size ?? FONT_SIZE });
  if (style.bold) f.bold = true;
  if (style.italic) f.italic = true;
  const out: Partial<ExcelJS.Style> = { font: f };
  if (style.fill) out.fill = solid(style.fill);
  if (style.border) out.border = THIN_BORDER;
  if (style.numFmt) out.numFmt = style.numFmt;
  out.alignment = { vertical: style.vertical ?? 'middle', wrapText: style.wrap ?? true, ...(style.horizontal ? { horizontal: style.horizontal } : {}) };
  if (style.locked === false) out.protection = { locked: false };
  return out;
}

/**
 * One style object per distinct {@link CellStyle}, shared by every cell that has it: a workbook
 * of 10,000 units has about a million styled cells and a few dozen styles, and exceljs recognises
 * a style object it has already registered without serialising it again. Shared objects are never
 * changed: a cell that needs another look gets another object (see {@link styleCell}).
 */
const sharedStyles = new Map<string, Partial<ExcelJS.Style>>();
const sharedObjects = new WeakSet<object>();

function styleFor(style: CellStyle): Partial<ExcelJS.Style> {
  const key = `${style.bold ? 1 : 0}|${style.italic ? 1 : 0}|${style.size ?? ''}|${style.fill ?? ''}|${style.border ? 1 : 0}|${style.numFmt ?? ''}|${style.horizontal ?? ''}|${style.vertical ?? ''}|${style.wrap ?? ''}|${style.locked ?? ''}`;
  let shared = sharedStyles.get(key);
  if (shared === undefined) {
    shared = buildStyle(style);
    sharedStyles.set(key, shared);
    sharedObjects.add(shared);
  }
  return shared;
}

/**
 * Applies font, fill, border, number format, alignment and protection to a cell. A cell on its own
 * gets the shared style object of `style` (see `styleFor`), keeping what it had from its column
 * unless `style` sets it too. The cells of a merged range share one style object with their master
 * (exceljs), which is changed in place so the whole range keeps one look (its borders included);
 * a shared object is copied first, never changed. So never change a cell's style in place
 * yourself (`cell.border = …`): give it a new style object.
 */
export function styleCell(cell: Cell, style: CellStyle = {}): Cell {
  const shared = styleFor(style);
  if (cell.isMerged) {
    if (sharedObjects.has(cell.style)) cell.style = { ...cell.style };
    Object.assign(cell.style, shared);
    return cell;
  }
  const inherited = Object.keys(cell.style ?? {}).filter((k) => !(k in shared));
  cell.style = inherited.length === 0 ? shared : { ...cell.style, ...shared };
  return cell;
}

/** Sets a cell's value and style in one call; returns the cell. */
export function put(sheet: Worksheet, address: string, value: ExcelJS.CellValue, style: CellStyle = {}): Cell {
  const cell = sheet.getCell(address);
  cell.value = value;
  return styleCell(cell, style);
}

/**
 * Adds a data validation to a cell or range (`'F12'`, `'C4:C203'`). Always stored under a range key
 * (`F12:F12`): exceljs merges per-cell validations after sorting addresses as text, which makes
 * overlapping ranges (e.g. `A4:A203` and `A10:A203`) that Excel rejects; range keys are written
 * as given.
 */
export function validate(sheet: Worksheet, range: string, validation: DataValidation): void {
  const key = range.includes(':') ? range : `${range}:${range}`;
  (sheet as unknown as { dataValidations: { add(address: string, v: DataValidation): void } }).dataValidations.add(key, validation);
}

/** Sets the widths (in characters) of columns A, B, C… in order. */
export function setWidths(sheet: Worksheet, widths: readonly number[]): void {
  widths.forEach((width, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = width;
    column.font = font();
  });
}

/**
 * A4 page setup (paper size 9), fit to one page wide and as many pages high as needed,
 * with narrow margins; `titleRows` (e.g. `'4:5'`) repeat at the top of every printed page.
 */
export function a4(sheet: Worksheet, orientation: 'portrait' | 'landscape', titleRows?: string): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  if (titleRows) sheet.pageSetup.printTitlesRow = titleRows;
  sheet.headerFooter = { oddFooter: '&C&"Times New Roman,Regular"&10Trang &P/&N' };
}

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
export function colLetter(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A1 address of a 1-based row and column. */
export function addr(row: number, col: number): string {
  return `${colLetter(col)}${row}`;
}

/** An absolute reference to a cell or range on a sheet for defined names and formulas: `'Báo cáo'!$F$12`. */
export function absRef(sheetName: string, fromRow: number, fromCol: number, toRow?: number, toCol?: number): string {
  const a = `$${colLetter(fromCol)}$${fromRow}`;
  const b = toRow === undefined || toCol === undefined ? '' : `:$${colLetter(toCol)}$${toRow}`;
  return `${quoteSheet(sheetName)}!${a}${b}`;
}

/** A sheet name as written in a formula: always single-quoted, inner quotes doubled. */
export function quoteSheet(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'`;
}

/** The workbook window every workbook we write opens with (first sheet active). */
export const WORKBOOK_VIEWS = [{ x: 0, y: 0, width: 24000, height: 14000, firstSheet: 0, activeTab: 0, visibility: 'visible' }] as const;

/**
 * A new exceljs workbook whose document properties are fixed (creator, created/modified on
 * `isoDate` at midnight UTC), so the same inputs give the same bytes.
 */
export function newWorkbook(isoDate: string, title: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const date = excelDate(isoDate);
  wb.creator = 'cchc-kpi';
  wb.lastModifiedBy = 'cchc-kpi';
  wb.created = date;
  wb.modified = date;
  wb.title = title;
  wb.calcProperties.fullCalcOnLoad = true;
  wb.views = WORKBOOK_VIEWS.map((view) => ({ ...view }));
  return wb;
}

/**
 * Serialises a workbook and re-packs it with {@link normalizeZip} (entries stamped `isoDate`).
 * @returns the xlsx bytes.
 */
export async function finishWorkbook(wb: ExcelJS.Workbook, isoDate: string): Promise<Uint8Array> {
  const buffer = await wb.xlsx.writeBuffer();
  return normalizeZip(new Uint8Array(buffer as ArrayBuffer), isoDate);
}
