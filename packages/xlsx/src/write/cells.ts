import type ExcelJS from 'exceljs';
import { FONT, isoDateParts, type CellModel, type RichRun, type StyleModel } from '@cchc-kpi/core';

/**
 * The exceljs side of the model's cells: styles (one shared object per style name, so exceljs
 * registers each look once however many cells have it), values, formulas with their results,
 * rich text and dates.
 */

/** The JavaScript Date exceljs turns into the Excel serial of an ISO date: midnight UTC, whatever the machine's time zone. */
export function excelSerialDate(iso: string): Date {
  const { year, month, day } = isoDateParts(iso);
  return new Date(Date.UTC(year, month - 1, day));
}

/** The Date of an Excel (1900 system) serial, as exceljs wants it for date validations. */
export function serialToDate(serial: number): Date {
  return new Date((serial - 25_569) * 86_400_000);
}

/** The exceljs font of a style (Times New Roman, the style's size, bold, italic). */
export function fontOf(style: StyleModel): Partial<ExcelJS.Font> {
  const font: Partial<ExcelJS.Font> = { name: FONT.name, size: style.size ?? FONT.size };
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  return font;
}

const THIN = { style: 'thin' } as const;

/** The exceljs style of a model style: font, fill, border, number format, alignment (middle, wrapped by default), protection. */
export function excelStyle(style: StyleModel): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = { font: fontOf(style) };
  if (style.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill }, bgColor: { argb: style.fill } };
  if (style.border === 'all') out.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  else if (style.border === 'bottom') out.border = { bottom: THIN };
  if (style.numFmt) out.numFmt = style.numFmt;
  out.alignment = { vertical: style.vertical ?? 'middle', wrapText: style.wrap ?? true, ...(style.horizontal ? { horizontal: style.horizontal } : {}) };
  if (style.locked === false) out.protection = { locked: false };
  return out;
}

/** exceljs styles by style name, built once per workbook. */
export class StyleCache {
  private readonly built = new Map<string, Partial<ExcelJS.Style>>();
  constructor(private readonly styles: ReadonlyMap<string, StyleModel>) {}

  /** The shared exceljs style object of a style name (the plain look when the name is absent). */
  get(name: string | undefined): Partial<ExcelJS.Style> {
    const key = name ?? '';
    let style = this.built.get(key);
    if (!style) {
      style = excelStyle((name ? this.styles.get(name) : undefined) ?? {});
      this.built.set(key, style);
    }
    return style;
  }

  /** The model style of a name. */
  model(name: string | undefined): StyleModel {
    return (name ? this.styles.get(name) : undefined) ?? {};
  }
}

function richRun(run: RichRun, cell: StyleModel): ExcelJS.RichText {
  const font: Partial<ExcelJS.Font> = { ...fontOf(cell), ...(run.size !== undefined ? { size: run.size } : {}) };
  if (run.bold !== undefined) font.bold = run.bold;
  if (run.italic !== undefined) font.italic = run.italic;
  if (run.color) font.color = { argb: run.color };
  return { text: run.text, font };
}

/** The exceljs value of a model cell: a formula with its result, rich text, a constant or null. */
export function excelValue(cell: CellModel, style: StyleModel): ExcelJS.CellValue {
  if (cell.formula !== undefined) return { formula: cell.formula, ...(cell.result !== undefined ? { result: cell.result } : {}) } as ExcelJS.CellFormulaValue;
  if (cell.rich && cell.rich.length > 0) return { richText: cell.rich.map((r) => richRun(r, style)) };
  return cell.value ?? null;
}
