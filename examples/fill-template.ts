import ExcelJS from 'exceljs';
import { ACTIVITIES_NAME, ACTIVITY_COLUMNS, HEADER_NAMES, NARRATIVE_NAMES, indicatorCellName, type IndicatorField, type NarrativeField } from '@cchc-kpi/core';

/** Figures typed for one indicator: a pair for ratio/comparison measures, or a value. */
export type IndicatorFill =
  | { numerator: number | string | null; denominator: number | string | null; percent?: number | string; note?: string; evidence?: string }
  | { value: number | string | boolean | null; note?: string; evidence?: string };

export interface ActivityFill {
  /** A JS Date (typed as a real date cell) or text such as "05/03/2021". */
  date: Date | string;
  theme: string;
  theme2?: string;
  form: string;
  title: string;
  quantity?: number;
  participants?: number;
  evidence?: string;
}

export interface ReportFill {
  submittedOn?: Date | string;
  indicators: Record<string, IndicatorFill>;
  activities: ActivityFill[];
  /** Narrative text typed into the form's narrative cells (line breaks as `\n`, as Alt+Enter types them). */
  narrative?: Partial<Record<NarrativeField, string>>;
}

/**
 * Fills a blank report form the way an officer would in Excel: opens the template with exceljs,
 * types values into the cells the template names (never by position), and saves. Used by the
 * examples and the end-to-end tests. Throws when the template lacks a named cell.
 */
export async function fillTemplate(template: Uint8Array, fill: ReportFill): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const cellOf = (name: string): ExcelJS.Cell => {
    const ranges = workbook.definedNames.getRanges(name).ranges;
    const ref = ranges[0];
    if (!ref) throw new Error(`The template has no cell named ${name}`);
    const match = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)/.exec(ref);
    if (!match) throw new Error(`Cannot read the reference ${ref} of ${name}`);
    const sheet = workbook.getWorksheet(match[1]!.replace(/''/g, "'"));
    if (!sheet) throw new Error(`No sheet ${match[1]} for ${name}`);
    return sheet.getCell(`${match[2]}${match[3]}`);
  };
  if (fill.submittedOn !== undefined) cellOf(HEADER_NAMES.submittedOn).value = fill.submittedOn;
  for (const [code, figures] of Object.entries(fill.indicators)) {
    const put = (field: IndicatorField, value: unknown): void => {
      if (value !== undefined) cellOf(indicatorCellName(code, field)).value = value as ExcelJS.CellValue;
    };
    if ('value' in figures) put('value', figures.value);
    else {
      put('numerator', figures.numerator);
      put('denominator', figures.denominator);
      put('percent', figures.percent);
    }
    put('note', figures.note);
    put('evidence', figures.evidence);
  }
  for (const [field, text] of Object.entries(fill.narrative ?? {}) as [NarrativeField, string][]) cellOf(NARRATIVE_NAMES[field]).value = text;
  const table = workbook.definedNames.getRanges(ACTIVITIES_NAME).ranges[0];
  const match = table ? /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(table) : null;
  if (!match) throw new Error(`The template has no range named ${ACTIVITIES_NAME}`);
  const sheet = workbook.getWorksheet(match[1]!.replace(/''/g, "'"))!;
  const firstRow = Number(match[3]);
  const firstCol = sheet.getColumn(match[2]!).number;
  fill.activities.forEach((activity, index) => {
    const values: Record<(typeof ACTIVITY_COLUMNS)[number], unknown> = {
      order: index + 1,
      date: activity.date,
      theme: activity.theme,
      theme2: activity.theme2,
      form: activity.form,
      title: activity.title,
      quantity: activity.quantity,
      participants: activity.participants,
      evidence: activity.evidence,
    };
    ACTIVITY_COLUMNS.forEach((column, offset) => {
      const value = values[column];
      if (value !== undefined) sheet.getCell(firstRow + index, firstCol + offset).value = value as ExcelJS.CellValue;
    });
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
