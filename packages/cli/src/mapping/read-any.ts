/**
 * Reading a unit's workbook whatever its layout: our template through its defined names, any
 * other workbook through core's layout reader — with the unit's saved mapping when `--mappings`
 * holds one, and `--unit`/`--period` overrides.
 */
import {
  makeFinding,
  readLayoutReport,
  readTemplateReport,
  type Finding,
  type LayoutMapping,
  type LayoutReading,
  type LayoutUnderstanding,
  type Plan,
  type Result,
  type Unit,
  type UnitReport,
} from '@cchc-kpi/core';
import { readGrid, templateSheets, type WorkbookDefinedName } from '@cchc-kpi/xlsx';
import type { CliLimits } from '../io/limits.ts';
import { loadMapping } from './store.ts';

/** Reading options of `check`, `score`, `consolidate` and `inspect` (plain data: they travel to worker threads). */
export interface ReadOptions {
  /** `--mappings DIR`: folder of saved mappings, one `<unit code>.json` per unit. */
  mappings?: string;
  /** `--convert`: convert .xls/.ods through LibreOffice. */
  convert?: boolean;
  /** `--unit` (check, inspect): the unit of every file read, whatever the file says (layout files). */
  unit?: string;
  /** `--period` of check and inspect: the period of every layout file, whatever it says. */
  period?: string;
}

/** What a workbook gave: the report, and how a non-template workbook was understood. */
export interface AnyReading {
  report: UnitReport;
  /** True when read as our template (defined names). */
  template: boolean;
  /** The layout reader's understanding (non-template workbooks only). */
  layout?: LayoutUnderstanding;
  /** The mapping applied, if any. */
  mapping?: LayoutMapping;
}

/** What `readAnyReport` needs besides the bytes. */
export interface ReadAnyContext {
  plan: Plan;
  units: readonly Unit[];
  limits?: Partial<CliLimits>;
  read?: ReadOptions;
  /** The period being consolidated: assumed (with a warning) for a layout file that names none. */
  assumePeriod?: string;
}

/** The template's sheet selection (`templateSheets`) per plan: made once, it remembers the last workbook's names, which reports of one template share. */
const selections = new WeakMap<Plan, ReturnType<typeof templateSheets>>();

function templateSelection(plan: Plan): ReturnType<typeof templateSheets> {
  let select = selections.get(plan);
  if (select === undefined) {
    select = templateSheets(plan);
    selections.set(plan, select);
  }
  return select;
}

/** Runs the layout reader; an exception (a bug, never bad input) becomes the error `read-internal-error` naming the file, so one file never stops a batch. */
function safeLayout(read: () => Result<LayoutReading>, file: string): Result<LayoutReading> {
  try {
    return read();
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      ok: false,
      findings: [
        makeFinding('error', 'read-internal-error', {
          vi: `Lỗi nội bộ khi đọc bảng trong tệp "${file}" (${detail}). Vui lòng báo cho bộ phận kỹ thuật, kèm theo tệp này.`,
          en: `Internal error while reading the table of file "${file}" (${detail}). Please report it with the file attached.`,
        }, { file }),
      ],
    };
  }
}

/**
 * Reads a workbook's bytes (.xlsx/.xlsm) into a report:
 * 1. the OOXML reader builds the grid (`readGrid`; failures are findings naming the file) from
 *    the sheets our template's defined names use (`templateSheets`: the instructions and list
 *    sheets are neither inflated nor parsed); when that gives no template report and sheets were
 *    left out, the whole workbook is read again, so failures and other layouts are judged on
 *    every sheet, as before the selection;
 * 2. our template (`readTemplateReport`) when it has our defined names;
 * 3. otherwise (`not-a-template`) the layout reader (`readLayoutReport`) with `read.unit` and
 *    `read.period` as overrides and `assumePeriod`; when `read.mappings` is given, the unit found
 *    (or `read.unit`) selects `<mappings>/<unit>.json`, and the file is read again with it.
 * Never throws for bad input.
 */
export async function readAnyReport(bytes: Uint8Array, file: string, context: ReadAnyContext): Promise<Result<AnyReading>> {
  const limits = context.limits ? { limits: context.limits } : {};
  const select = templateSelection(context.plan);
  let skipped = false;
  const sheets = (name: string, index: number, names: readonly WorkbookDefinedName[]): boolean => {
    const keep = select(name, index, names);
    if (!keep) skipped = true;
    return keep;
  };
  let grid = readGrid(bytes, { file, ...limits, sheets });
  let template = grid.ok ? readTemplateReport(grid.value, context.plan, { file }) : undefined;
  if (skipped && template?.ok !== true) {
    grid = readGrid(bytes, { file, ...limits });
    template = undefined;
  }
  if (!grid.ok) return grid;
  template ??= readTemplateReport(grid.value, context.plan, { file });
  if (template.ok) return { ok: true, value: { report: template.value, template: true }, findings: [...grid.findings, ...template.findings] };
  if (!template.findings.some((f) => f.code === 'not-a-template')) return { ok: false, findings: [...grid.findings, ...template.findings] };

  const read = context.read ?? {};
  const layoutOptions = {
    file,
    units: context.units,
    ...(read.unit !== undefined ? { unitCode: read.unit } : {}),
    ...(read.period !== undefined ? { periodCode: read.period } : {}),
    ...(read.period === undefined && context.assumePeriod !== undefined ? { assumePeriod: context.assumePeriod } : {}),
  };
  let layout = safeLayout(() => readLayoutReport(grid.value, context.plan, layoutOptions), file);
  let mapping: LayoutMapping | undefined;
  const mappingFindings: Finding[] = [];
  if (read.mappings !== undefined) {
    const unit = read.unit ?? (layout.ok ? layout.value.report.unitCode : null);
    if (unit !== null && unit !== undefined) {
      const loaded = await loadMapping(read.mappings, unit, context.plan, context.limits);
      mappingFindings.push(...loaded.findings);
      if (loaded.mapping) {
        mapping = loaded.mapping;
        layout = safeLayout(() => readLayoutReport(grid.value, context.plan, { ...layoutOptions, mapping }), file);
      }
    }
  }
  const findings = [...grid.findings, ...mappingFindings, ...layout.findings];
  if (!layout.ok) return { ok: false, findings };
  const value: AnyReading = { report: layout.value.report, template: false, layout: layout.value.layout };
  if (mapping) value.mapping = mapping;
  return { ok: true, value, findings };
}
