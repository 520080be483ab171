import { formatA1, formatSheetRef, parseRange } from '../../grid/a1.ts';
import type { DefinedName } from '../../grid/grid.ts';
import type { DefinedNameModel } from '../../book/model.ts';
import type { Indicator, Plan } from '../../plan/schema.ts';
import type { Period } from '../../period/types.ts';
import { ACTIVITIES_NAME, ACTIVITY_COLUMNS, HEADER_NAMES, LIST_NAMES, NARRATIVE_FIELDS, NARRATIVE_NAMES, indicatorCellName } from '../../template/names.ts';
import type { Unit } from '../../units/unit.ts';
import { TEMPLATE_SHEET_NAMES } from '../../vocabulary/sheets.ts';

/** Sheet names of the template. "Danh mục" and "_meta" are hidden. */
export const TEMPLATE_SHEETS = TEMPLATE_SHEET_NAMES;

/** Where things sit on the "Báo cáo" and "Hoạt động" sheets (1-based rows and columns). */
export const TEMPLATE_LAYOUT = {
  /** Row of the unit-code, period-code cells (columns F and H). */
  unitRow: 8,
  /** Row of the submission-date input (column C). */
  submittedRow: 9,
  headerRow: 10,
  /** Row with the column numbers (1)…(10). */
  columnNumberRow: 11,
  /** Row of the first indicator; indicator i (0-based, plan order) sits on row `firstIndicatorRow + i`. */
  firstIndicatorRow: 12,
  columns: { stt: 1, code: 2, text: 3, unitOfMeasure: 4, target: 5, numerator: 6, denominator: 7, percent: 8, note: 9, evidence: 10 },
  activitiesHeaderRow: 3,
  activitiesFirstRow: 4,
  activityRows: 200,
} as const;

/**
 * Rows of the narrative block on "Báo cáo", below the indicators: its title, then one row per
 * narrative field (`NARRATIVE_FIELDS` order), the label in A:B and the input cell C:J.
 */
export function narrativeRows(plan: Pick<Plan, 'indicators'>): { title: number; first: number; last: number } {
  const title = TEMPLATE_LAYOUT.firstIndicatorRow + plan.indicators.length + 1;
  return { title, first: title + 1, last: title + NARRATIVE_FIELDS.length };
}

/** `<unit code>-<period code>.xlsx`, characters not allowed in file names replaced by `_`. */
export function templateFileName(unit: Pick<Unit, 'code'>, period: Pick<Period, 'code'>): string {
  return `${unit.code}-${period.code}.xlsx`.replace(/[\\/:*?"<>|\s]/g, '_');
}

/** True for measures with a numerator, denominator and live ratio (ratio, comparison). */
export function hasRatio(indicator: Pick<Indicator, 'measure'>): boolean {
  return indicator.measure === 'ratio' || indicator.measure === 'comparison';
}

/**
 * Every defined name of the template, at the positions of {@link TEMPLATE_LAYOUT}: header cells,
 * per-indicator cells (plan order), the activities table, list sources and metadata. Workbook
 * scoped; the reader finds every input by them (core `template/names.ts`).
 */
export function templateNames(plan: Pick<Plan, 'indicators' | 'themes' | 'forms'>): DefinedNameModel[] {
  const S = TEMPLATE_SHEETS;
  const L = TEMPLATE_LAYOUT;
  const C = L.columns;
  const names: DefinedNameModel[] = [
    { name: LIST_NAMES.themes, sheet: S.lists, ref: `A2:A${plan.themes.length + 1}` },
    { name: LIST_NAMES.forms, sheet: S.lists, ref: `B2:B${plan.forms.length + 1}` },
    { name: LIST_NAMES.yesNo, sheet: S.lists, ref: 'C2:C3' },
    { name: HEADER_NAMES.planId, sheet: S.meta, ref: 'B1' },
    { name: HEADER_NAMES.templateVersion, sheet: S.meta, ref: 'B2' },
    { name: HEADER_NAMES.unitCode, sheet: S.report, ref: formatA1({ row: L.unitRow, col: C.numerator }) },
    { name: HEADER_NAMES.periodCode, sheet: S.report, ref: formatA1({ row: L.unitRow, col: C.percent }) },
    { name: HEADER_NAMES.submittedOn, sheet: S.report, ref: formatA1({ row: L.submittedRow, col: 3 }) },
  ];
  plan.indicators.forEach((indicator, i) => {
    const row = L.firstIndicatorRow + i;
    const at = (col: number): string => formatA1({ row, col });
    if (hasRatio(indicator)) {
      names.push({ name: indicatorCellName(indicator.code, 'numerator'), sheet: S.report, ref: at(C.numerator) });
      names.push({ name: indicatorCellName(indicator.code, 'denominator'), sheet: S.report, ref: at(C.denominator) });
      names.push({ name: indicatorCellName(indicator.code, 'percent'), sheet: S.report, ref: at(C.percent) });
    } else {
      names.push({ name: indicatorCellName(indicator.code, 'value'), sheet: S.report, ref: at(C.numerator) });
    }
    names.push({ name: indicatorCellName(indicator.code, 'note'), sheet: S.report, ref: at(C.note) });
    names.push({ name: indicatorCellName(indicator.code, 'evidence'), sheet: S.report, ref: at(C.evidence) });
  });
  const narrative = narrativeRows(plan);
  NARRATIVE_FIELDS.forEach((field, k) => names.push({ name: NARRATIVE_NAMES[field], sheet: S.report, ref: formatA1({ row: narrative.first + k, col: C.text }) }));
  const lastRow = L.activitiesFirstRow + L.activityRows - 1;
  names.push({ name: ACTIVITIES_NAME, sheet: S.activities, ref: `A${L.activitiesFirstRow}:${formatA1({ row: lastRow, col: ACTIVITY_COLUMNS.length })}` });
  return names;
}

/** A defined name of the model as a grid `DefinedName` (`'Báo cáo'!$F$12`), as a reader of the workbook sees it. */
export function gridDefinedName(name: DefinedNameModel): DefinedName {
  const range = parseRange(name.ref);
  if (!range) throw new RangeError(`not an A1 range: ${name.ref}`);
  return { name: name.name, ref: formatSheetRef(name.sheet, range) };
}
