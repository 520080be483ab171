/**
 * The one pipeline from a grid to a checked report, used by every way in: the library's
 * `readReport` and the CLI (a file's grid), the add-in (a picked file's grid, and the open
 * workbook's grid read through Office.js).
 */
import type { Grid } from '../../grid/grid.ts';
import { isEmptyReport } from '../../report/empty.ts';
import { checkReport } from '../../validate/check-report.ts';
import { fileNameMismatch, fileNamePeriodMismatch } from './file-name.ts';
import { isOwnOutput, ownOutputSkipped } from './own-output.ts';
import { readGridReport } from './readers.ts';
import type { ProcessGridOptions, ReportOutcome } from './types.ts';

/**
 * Reads and checks one input's grid:
 * 1. our own output (`cchc_consolidated`) → `skipped` with the notice `file-skipped`;
 * 2. the readers in order (`readGridReport`: defined names → cell positions → layout reader →
 *    saved mapping); none gives a report → `unreadable`;
 * 3. validation (`checkReport`) against the plan, the registry and `period`;
 * 4. the file-name checks, when `file` is given: the unit code (`fileNameMismatch`) and, for our
 *    form (a layout finds its period in the file name itself), the period (`fileNamePeriodMismatch`);
 * 5. an untouched form (`isEmptyReport`) → `empty`: not a received report; otherwise `received`.
 * A layout naming no period is assumed to be for `period` (`assumePeriod` overrides, `periodCode`
 * wins over both). Findings in order: `before`, reading, validation, file name. Pure; never
 * throws for bad input.
 */
export function processGrid(grid: Grid, options: ProcessGridOptions): ReportOutcome {
  const before = options.before ?? [];
  if (isOwnOutput(grid)) return { status: 'skipped', findings: [...before, ownOutputSkipped(options.file)] };
  const assumePeriod = options.assumePeriod ?? options.period?.code;
  const read = readGridReport(grid, assumePeriod === undefined ? options : { ...options, assumePeriod });
  if (!read.ok) return { status: 'unreadable', findings: [...before, ...read.findings] };
  const report = read.value.report;
  const validated = checkReport(report, {
    plan: options.plan,
    units: options.units,
    ...(options.period === undefined ? {} : { period: options.period }),
    ...(options.file === undefined ? {} : { file: options.file }),
  });
  const named =
    options.file === undefined
      ? []
      : [...fileNameMismatch(options.file, report.unitCode), ...(read.value.reader === 'layout' ? [] : fileNamePeriodMismatch(options.file, report))];
  const findings = [...before, ...read.findings, ...validated.findings, ...named];
  return { status: isEmptyReport(report) ? 'empty' : 'received', checked: { ...validated, findings }, reading: read.value, findings };
}
