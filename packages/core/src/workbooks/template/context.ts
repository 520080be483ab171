import type { ColumnModel, StyleModel } from '../../book/model.ts';
import { COLOR } from '../../book/palette.ts';
import type { Palette } from '../../book/palette.ts';
import type { Plan } from '../../plan/schema.ts';
import type { Period } from '../../period/types.ts';
import type { Unit } from '../../units/unit.ts';

/** What the template's sheet builders read. */
export interface TemplateContext {
  plan: Plan;
  unit: Unit;
  period: Period;
  palette: Palette;
}

export const INPUT: StyleModel = { fill: COLOR.input, border: 'all', locked: false };
export const GREY: StyleModel = { fill: COLOR.locked, border: 'all' };
export const HEADER: StyleModel = { bold: true, fill: COLOR.header, border: 'all', horizontal: 'center' };

/** Columns of the given widths, empty cells in the workbook's font. */
export function columnsOf(palette: Palette, widths: readonly number[]): ColumnModel[] {
  const style = palette.name({});
  return widths.map((width) => ({ width, style }));
}
