/**
 * What the layout reader's steps share: the grid, the sheet being read, the file and unit for
 * findings, and the findings list; with the helper that builds a finding located in that sheet.
 */
import { makeFinding, type Message, type Severity } from '../../finding.ts';
import type { ReadContext } from '../cells.ts';
import type { SheetView } from './sheet-view.ts';

/** The reading context of one sheet (extends the template reader's `ReadContext`, so its cell readers apply). */
export interface LayoutContext extends ReadContext {
  view: SheetView;
  /** Name of the sheet the table is read from. */
  sheetName: string;
}

/** Where a finding points inside the sheet: a cell (A1) and/or an indicator; `sheet: false` for findings about the whole file. */
export interface FindingAt {
  cell?: string;
  indicator?: string;
  sheet?: boolean;
}

/** Appends a finding with the context's file, sheet (unless `at.sheet === false`) and unit, and the given cell/indicator. */
export function addFinding(ctx: LayoutContext, severity: Severity, code: string, message: Message, at: FindingAt = {}): void {
  ctx.findings.push(
    makeFinding(severity, code, message, {
      ...(ctx.file === undefined ? {} : { file: ctx.file }),
      ...(at.sheet === false ? {} : { sheet: ctx.sheetName }),
      ...(at.cell === undefined ? {} : { cell: at.cell }),
      ...(ctx.unit === undefined ? {} : { unit: ctx.unit }),
      ...(at.indicator === undefined ? {} : { indicator: at.indicator }),
    }),
  );
}
