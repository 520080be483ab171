import { readTemplateReport, type Plan, type Result, type UnitReport } from '@cchc-kpi/core';
import type { ReadLimits } from './limits.ts';
import { readGrid } from './read/grid.ts';

export interface ReadReportOptions {
  plan: Plan;
  /** File name used in findings (never derived from cell text). */
  file?: string;
  limits?: Partial<ReadLimits>;
}

/**
 * Reads a unit's report workbook (our template, .xlsx bytes) into a `UnitReport`: the OOXML
 * reader builds the neutral grid under the size limits, then core reads the template's
 * defined names. Never throws on bad input: a broken, hostile or foreign file gives
 * `ok: false` with findings naming the file.
 */
export function readReport(bytes: Uint8Array, options: ReadReportOptions): Result<UnitReport> {
  const grid = readGrid(bytes, { ...(options.file ? { file: options.file } : {}), ...(options.limits ? { limits: options.limits } : {}) });
  if (!grid.ok) return grid;
  const report = readTemplateReport(grid.value, options.plan, options.file ? { file: options.file } : {});
  const findings = [...grid.findings, ...report.findings];
  return report.ok ? { ok: true, value: report.value, findings } : { ok: false, findings };
}
