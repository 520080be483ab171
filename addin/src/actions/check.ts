/**
 * Actions: check the open report (findings, problem cells highlighted) and score it (a
 * "Kết quả" sheet). Both read the workbook through the host into a Grid and run it through core's
 * one pipeline (`processGrid`), as `cchc check` / `cchc score` run a file's grid.
 */
import { COLOR, buildResults, processGrid, scoreUnit, type CheckedReport, type Finding, type ReaderId, type ReportStatus, type UnitScore } from '@cchc-kpi/core';
import type { AddinContext } from '../context.ts';
import type { CellLocation, HighlightMode, Host, WriteResult } from '../office/host.ts';
import { argbToHex } from '../office/blocks.ts';

/** Fill of cells with an error finding. */
export const ERROR_FILL = argbToHex(COLOR.invalid);
/** Fill of cells with a warning finding. */
export const WARNING_FILL = argbToHex(COLOR.notMet);

/** The outcome of a check. */
export interface CheckOutcome {
  /** The validated report; null when the workbook holds no received report (none readable, an untouched form, our own output). */
  checked: CheckedReport | null;
  /** What the pipeline made of the workbook: `received`, `empty` (an untouched form), `unreadable` or `skipped` (a workbook cchc wrote). */
  status: ReportStatus;
  /** Reading findings, then validation findings. */
  findings: Finding[];
  /** The reader that recognised the workbook (`names`, `positions`, `layout`), or null. */
  reader: ReaderId | null;
  /** Cells marked, and how (null when nothing was marked). */
  highlighted: number;
  mode: HighlightMode | null;
}

/** The cells of errors and warnings, each once; errors first. */
export function problemCells(findings: Finding[]): { errors: CellLocation[]; warnings: CellLocation[] } {
  const at = (f: Finding): CellLocation | null => (f.sheet && f.cell ? { sheet: f.sheet, cell: f.cell } : null);
  const errors = findings.filter((f) => f.severity === 'error').map(at).filter((c): c is CellLocation => c !== null);
  const errorKeys = new Set(errors.map((c) => `${c.sheet}!${c.cell}`));
  const warnings = findings
    .filter((f) => f.severity === 'warning')
    .map(at)
    .filter((c): c is CellLocation => c !== null && !errorKeys.has(`${c.sheet}!${c.cell}`));
  return { errors, warnings };
}

/**
 * Checks the report in the open workbook: reads its grid through the host and runs it through
 * the one pipeline (`processGrid`: defined names, the template's positions, the layout reader for
 * a unit's own table; validation against the plan and the unit registry; the empty-form rule),
 * clears earlier marks and marks the cells of errors (red) and warnings (yellow) unless
 * `highlight` is false.
 */
export async function checkOpenReport(host: Host, context: AddinContext, options: { highlight?: boolean } = {}): Promise<CheckOutcome> {
  const grid = await host.readGrid();
  const outcome = processGrid(grid, { plan: context.plan, units: context.units });
  await host.clearHighlights();
  const { status, findings } = outcome;
  const reader = outcome.status === 'received' || outcome.status === 'empty' ? outcome.reading.reader : null;
  const checked = outcome.status === 'received' ? outcome.checked : null;
  let highlighted = 0;
  let mode: HighlightMode | null = null;
  if (options.highlight !== false) {
    const { errors, warnings } = problemCells(findings);
    if (errors.length) mode = await host.highlight(errors, ERROR_FILL);
    if (warnings.length) mode = await host.highlight(warnings, WARNING_FILL);
    highlighted = new Set([...errors, ...warnings].map((c) => `${c.sheet}!${c.cell}`)).size;
  }
  return { checked, status, findings, reader, highlighted, mode };
}

/** The outcome of scoring. */
export interface ScoreOutcome extends CheckOutcome {
  scores: Record<string, UnitScore>;
  /** The primary profile's score, or null when the report could not be scored. */
  score: UnitScore | null;
  onTime: boolean | null;
  written: WriteResult | null;
}

/**
 * Checks the open report, scores it under every profile of the plan (on time = the form's date
 * ≤ the period's deadline, as `cchc score`) and writes the "Kết quả" sheet (replacing an earlier
 * one). A workbook without a readable report gets no sheet.
 */
export async function scoreOpenReport(host: Host, context: AddinContext): Promise<ScoreOutcome> {
  const outcome = await checkOpenReport(host, context);
  const { checked } = outcome;
  if (!checked) return { ...outcome, scores: {}, score: null, onTime: null, written: null };
  const scores: Record<string, UnitScore> = {};
  let onTime: boolean | null = null;
  if (checked.unit && checked.period) {
    const submitted = checked.report.submittedOn;
    onTime = submitted ? submitted <= checked.period.deadline : null;
    for (const profile of context.plan.profiles) scores[profile.id] = scoreUnit(checked, profile, context.plan, { onTime, date: submitted });
  }
  const { book } = buildResults({ plan: context.plan, checked, scores, onTime, findings: outcome.findings });
  const written = await host.writeBook(book, { replace: true });
  return { ...outcome, scores, score: scores[context.plan.primaryProfile] ?? null, onTime, written };
}
