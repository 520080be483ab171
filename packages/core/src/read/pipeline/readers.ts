/**
 * The report readers, tried in order by `readGridReport`: our template's defined names, our
 * template's cell positions, then the layout reader for units' own tables — which applies the
 * unit's saved mapping, when one is given, once it knows the unit.
 */
import { makeFinding } from '../../finding.ts';
import type { Grid } from '../../grid/grid.ts';
import { fail, ok, type Result } from '../../result.ts';
import type { LayoutMapping } from '../layout/mapping.ts';
import { readLayoutReport, type LayoutReading, type ReadLayoutOptions } from '../layout/layout-report.ts';
import { readTemplateByPosition } from '../positions.ts';
import { hasTemplateNames, readTemplateReport } from '../template-report.ts';
import type { ReadGridOptions, ReaderId, ReportReading } from './types.ts';

/** One way of reading a report from a grid. */
export interface ReportReader {
  readonly id: ReaderId;
  /** The report, or null when this reader does not recognise the grid (the next one is tried). */
  read(grid: Grid, options: ReadGridOptions): Result<ReportReading> | null;
}

function fileOf(options: ReadGridOptions): { file?: string } {
  return options.file === undefined ? {} : { file: options.file };
}

/** Our template, through its defined names (`readTemplateReport`); null without them. */
export const namesReader: ReportReader = {
  id: 'names',
  read(grid, options) {
    if (!hasTemplateNames(grid)) return null;
    const read = readTemplateReport(grid, options.plan, fileOf(options));
    return read.ok ? ok({ report: read.value, reader: 'names' }, read.findings) : read;
  },
};

/** Our template by its cell positions (`readTemplateByPosition`, notice `read-by-position`); null without its layout. */
export const positionsReader: ReportReader = {
  id: 'positions',
  read(grid, options) {
    const read = readTemplateByPosition(grid, options.plan, fileOf(options));
    if (read === null) return null;
    return read.ok ? ok({ report: read.value, reader: 'positions' }, read.findings) : read;
  },
};

/** Runs the layout reader; an exception (a bug, never bad input) becomes the error `read-internal-error` naming the file, so one file never stops a batch. */
function safeLayout(grid: Grid, options: ReadGridOptions, layoutOptions: ReadLayoutOptions): Result<LayoutReading> {
  try {
    return readLayoutReport(grid, options.plan, layoutOptions);
  } catch (error) {
    const file = options.file ?? '';
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return fail([
      makeFinding('error', 'read-internal-error', {
        vi: `Lỗi nội bộ khi đọc bảng trong tệp "${file}" (${detail}). Vui lòng báo cho bộ phận kỹ thuật, kèm theo tệp này.`,
        en: `Internal error while reading the table of file "${file}" (${detail}). Please report it with the file attached.`,
      }, fileOf(options)),
    ]);
  }
}

/**
 * Units' own tables (`readLayoutReport`, with `unitCode`, `periodCode` and `assumePeriod`), then
 * the saved mapping of the unit found (or of `unitCode`), if `mappings` has one: its loading
 * findings are added and, when it is valid, the grid is read again with it. Never null: a grid
 * with no table gives `layout-table-not-found`.
 */
export const layoutReader: { readonly id: 'layout'; read(grid: Grid, options: ReadGridOptions): Result<ReportReading> } = {
  id: 'layout',
  read(grid, options) {
    const layoutOptions: ReadLayoutOptions = {
      ...fileOf(options),
      units: options.units,
      ...(options.unitCode !== undefined ? { unitCode: options.unitCode } : {}),
      ...(options.periodCode !== undefined ? { periodCode: options.periodCode } : {}),
      ...(options.periodCode === undefined && options.assumePeriod !== undefined ? { assumePeriod: options.assumePeriod } : {}),
    };
    let layout = safeLayout(grid, options, layoutOptions);
    const unit = options.unitCode ?? (layout.ok ? layout.value.report.unitCode : null);
    const saved = unit === null ? undefined : options.mappings?.get(unit);
    let mapping: LayoutMapping | undefined;
    if (saved?.mapping !== undefined) {
      mapping = saved.mapping;
      layout = safeLayout(grid, options, { ...layoutOptions, mapping });
    }
    const findings = saved === undefined ? layout.findings : [...saved.findings, ...layout.findings];
    if (!layout.ok) return fail(findings);
    const reading: ReportReading = { report: layout.value.report, reader: 'layout', layout: layout.value.layout };
    if (mapping !== undefined) reading.mapping = mapping;
    return ok(reading, findings);
  },
};

/**
 * Reads a unit's report from a grid with the first reader that recognises it: defined names →
 * cell positions → layout reader with the saved mapping. Never throws for bad
 * input: a grid none recognises gives the layout reader's `layout-table-not-found`.
 */
export function readGridReport(grid: Grid, options: ReadGridOptions): Result<ReportReading> {
  return namesReader.read(grid, options) ?? positionsReader.read(grid, options) ?? layoutReader.read(grid, options);
}
