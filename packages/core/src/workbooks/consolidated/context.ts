import type { Comparison } from '../../consolidate/year-on-year.ts';
import type { SubmissionStatus } from '../../consolidate/status.ts';
import type { Consolidation, UnitResult } from '../../consolidate/types.ts';
import type { Finding } from '../../finding.ts';
import type { Plan, ReportHeading } from '../../plan/schema.ts';
import { COLOR } from '../../book/palette.ts';
import type { ColumnModel, PrintModel, RowModel, SheetModel, StyleModel } from '../../book/model.ts';
import { Palette } from '../../book/palette.ts';
import { RowSet } from '../../book/rows.ts';
import { cutoffText, periodLine, planCitation } from '../../vocabulary/periods.ts';
import { CONSOLIDATED_LAYOUT, type ConsolidatedPositions } from './layout.ts';

/** What every sheet builder of the consolidated workbook reads. */
export interface ConsolidatedContext {
  result: Consolidation;
  plan: Plan;
  /** Units in display order (registry order, or by name). */
  units: readonly UnitResult[];
  /** Findings in display order. */
  findings: readonly Finding[];
  positions: ConsolidatedPositions;
  palette: Palette;
  /** The line under every sheet's title: plan, period, cut-off window. */
  subtitle: string;
  heading: ReportHeading;
  reportDate: string;
  reportNumber: string;
  comparison?: Comparison;
  /** Codes of units that reported without being expected (left out of the submission counts). */
  unexpected: ReadonlySet<string>;
}

/** The subtitle every consolidated sheet carries. */
export function subtitleOf(plan: Plan, result: Consolidation): string {
  return `${planCitation(plan.document)} – ${periodLine(result.period)}. ${cutoffText(result.period)}.`.normalize('NFC');
}

export const HEADER: StyleModel = { bold: true, fill: COLOR.header, border: 'all', horizontal: 'center' };
export const BODY: StyleModel = { border: 'all' };
export const TOTAL: StyleModel = { bold: true, border: 'all', fill: COLOR.total };
export const TITLE: StyleModel = { bold: true, size: 14, horizontal: 'center', wrap: false };
export const SUBTITLE: StyleModel = { italic: true, horizontal: 'center' };
export const NOTE: StyleModel = { italic: true, size: 10, wrap: false };

/** Columns of the given widths, empty cells in the workbook's font. */
export function columnsOf(palette: Palette, widths: readonly number[]): ColumnModel[] {
  const style = palette.name({});
  return widths.map((width) => ({ width, style }));
}

/**
 * Rows 1–3 of a table sheet: the title merged across `width` columns, the subtitle under it, an
 * optional note on row 3; then the header row `headers` on `headerRow`. `width`: the columns the
 * title spans, default all (a table printed over several pages wide titles its first page). (Sheet generators loop
 * over rows rather than `yield*` them: esbuild, which checks the add-in's ES2017 bundle, lowers
 * every `yield*` as if it delegated to an async iterator.)
 */
export function headRows(
  ctx: ConsolidatedContext,
  columns: readonly ColumnModel[],
  title: string,
  options: { note?: string; headers?: readonly string[]; headerRow?: number; headerHeight?: number; width?: number } = {},
): RowModel[] {
  const rows = new RowSet(ctx.palette);
  const width = options.width ?? columns.length;
  rows.merge(1, 1, 1, width, title.normalize('NFC'), TITLE);
  rows.height(1, 22);
  rows.merge(2, 1, 2, width, ctx.subtitle, SUBTITLE);
  rows.height(2, 34);
  if (options.note !== undefined) rows.put(3, 1, options.note.normalize('NFC'), NOTE);
  const headerRow = options.headerRow ?? 4;
  (options.headers ?? []).forEach((h, i) => rows.put(headerRow, i + 1, h, HEADER));
  if (options.headerHeight !== undefined) rows.height(headerRow, options.headerHeight);
  return rows.rows(columns);
}

/**
 * A table sheet of the consolidated workbook: frozen above its data (and left of it with
 * `freezeColumns`), gridlines shown, A1 selected, no validation.
 */
export function tableSheet(
  name: string,
  columns: readonly ColumnModel[],
  print: PrintModel,
  rows: () => Iterable<RowModel>,
  freeze: { rows: number; columns: number } = { rows: CONSOLIDATED_LAYOUT.headerRow, columns: 0 },
): SheetModel {
  return { name, columns, freeze, activeCell: 'A1', gridlines: true, validations: [], print, rows };
}

/** The codes of units the consolidation names as reporting without being expected. */
export function unexpectedUnits(result: Consolidation): Set<string> {
  return new Set(result.findings.filter((f) => f.code === 'unexpected-report' && f.unit !== undefined).map((f) => f.unit as string));
}

/** Fill of each indicator status in the tables. */
export const STATUS_FILL = {
  met: COLOR.met,
  notMet: COLOR.notMet,
  missing: COLOR.missing,
  invalid: COLOR.invalid,
  notApplicable: COLOR.notApplicable,
} as const;

/** Fill of each submission status ("Tình trạng" of the progress sheet). */
export const SUBMISSION_FILL: Readonly<Record<SubmissionStatus, string>> = { received: COLOR.met, unreadable: COLOR.invalid, missing: COLOR.missing };

/** Fill of each finding severity. */
export const SEVERITY_FILL = { error: COLOR.invalid, warning: COLOR.notMet, notice: COLOR.total } as const;
