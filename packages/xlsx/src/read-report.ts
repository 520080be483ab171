import {
  ACTIVITIES_NAME,
  CONSOLIDATED_MARKER_NAME,
  HEADER_NAMES,
  hasTemplateNames,
  hatinhCity2020,
  indicatorCellName,
  lacksFilledSheet,
  parseSheetRef,
  processGrid,
  type IndicatorField,
  type Plan,
  type ProcessGridOptions,
  type ReportOutcome,
  type Result,
  type Unit,
  type UnitReport,
} from '@cchc-kpi/core';
import type { ReadLimits } from './limits.ts';
import { readGrid, type WorkbookDefinedName } from './read/grid.ts';

/** Options of {@link readReport}: the pipeline's (`ProcessGridOptions` of `@cchc-kpi/core`), the reader's limits, and the registry. */
export interface ReadReportOptions extends Omit<ProcessGridOptions, 'units'> {
  plan: Plan;
  /** File name used in findings (never derived from cell text); also a source of a layout's unit and period, and checked against the unit inside (`file-name-unit-mismatch`). */
  file?: string;
  limits?: Partial<ReadLimits>;
  /** Registry units (default: the built-in fifteen of Hà Tĩnh city, `hatinhCity2020.units`). */
  units?: readonly Unit[];
}

/**
 * What {@link readReport} returns: a `Result<UnitReport>` — `ok: true` only for a received report
 * — and the pipeline's whole `outcome` (status `received`, `empty`, `unreadable` or `skipped`,
 * the checked report, how it was read). `findings` are the outcome's: reading, validation and the
 * file-name check.
 */
export type ReadReportResult = Result<UnitReport> & { outcome: ReportOutcome };

/**
 * Reads and checks a unit's report workbook (.xlsx/.xlsm bytes) — the one pipeline every way in
 * uses (the `cchc` command, the Excel add-in, library users):
 * 1. the OOXML reader builds the neutral grid under the size limits, from the sheets our
 *    template's defined names use (`templateSheets`: instructions and list sheets are neither
 *    inflated nor parsed); our own consolidated or feedback workbook (`cchc_consolidated`) has no
 *    sheet read at all; when sheets were left out and the grid is not our template after all, or
 *    lacks the template's report or activities sheet (renamed: `lacksFilledSheet`), the whole
 *    workbook is read;
 * 2. core's `processGrid`: our own output → skipped; readers in order (defined names → cell
 *    positions → layout reader for units' own tables → the unit's saved mapping from `mappings`);
 *    validation against the plan, `units` and `period`; the file-name check; an untouched form is
 *    not a received report.
 * `ok: true` (value: the report) only when the outcome is `received`. Never throws on bad input:
 * a broken, hostile or foreign file gives `ok: false` with findings naming the file.
 * @throws RangeError only for invalid `options.limits` (a programmer error).
 */
export function readReport(bytes: Uint8Array, options: ReadReportOptions): ReadReportResult {
  const file = options.file === undefined ? {} : { file: options.file };
  const limits = options.limits ? { limits: options.limits } : {};
  const select = templateSelection(options.plan);
  let skipped = false;
  const sheets = (name: string, index: number, names: readonly WorkbookDefinedName[]): boolean => {
    if (names.some((n) => n.name === CONSOLIDATED_MARKER_NAME)) return false;
    const keep = select(name, index, names);
    if (!keep) skipped = true;
    return keep;
  };
  let grid = readGrid(bytes, { ...file, ...limits, sheets });
  if (skipped && (!grid.ok || !hasTemplateNames(grid.value) || lacksFilledSheet(grid.value))) grid = readGrid(bytes, { ...file, ...limits });
  const before = options.before ?? [];
  const outcome: ReportOutcome = grid.ok
    ? processGrid(grid.value, { ...options, units: options.units ?? hatinhCity2020.units, before: [...before, ...grid.findings] })
    : { status: 'unreadable', findings: [...before, ...grid.findings] };
  return outcome.status === 'received'
    ? { ok: true, value: outcome.checked.report, findings: outcome.findings, outcome }
    : { ok: false, findings: outcome.findings, outcome };
}

/** The template's sheet selection per plan: made once, it remembers the last workbook's names, which reports of one template share. */
const selections = new WeakMap<Plan, ReturnType<typeof templateSheets>>();

function templateSelection(plan: Plan): ReturnType<typeof templateSheets> {
  let select = selections.get(plan);
  if (select === undefined) {
    select = templateSheets(plan);
    selections.set(plan, select);
  }
  return select;
}

const FIELDS: readonly IndicatorField[] = ['numerator', 'denominator', 'value', 'percent', 'note', 'evidence'];
/** Names compare as Excel does: NFC, case-insensitive (ASCII names, the usual case, skip NFC). */
const nameKey = (name: string): string => (/^[\x00-\x7f]*$/.test(name) ? name : name.normalize('NFC')).toLowerCase();

/** Sheet key of a defined name's reference (`'Báo cáo'!$F$8` → `báo cáo`), or null; memoised, as every report repeats the template's references. */
const refSheets = new Map<string, string | null>();
function sheetKeyOf(ref: string): string | null {
  let key = refSheets.get(ref);
  if (key === undefined) {
    const sheet = parseSheetRef(ref)?.sheet;
    key = sheet === undefined ? null : nameKey(sheet);
    if (refSheets.size >= 10_000) refSheets.clear();
    refSheets.set(ref, key);
  }
  return key;
}

/**
 * The sheet selection for reading a report: the sheets that a defined name the template reader
 * uses (header cells, indicator cells of `plan`, the activities table) points to, and the sheets
 * such a name is local to, so the instructions and drop-down list sheets are never inflated nor
 * parsed. When the workbook has none of these names (not our template), every sheet is read.
 * Names compare as Excel does (case-insensitive, NFC).
 */
export function templateSheets(plan: Plan): (name: string, index: number, definedNames: readonly WorkbookDefinedName[]) => boolean {
  const wanted = new Set<string>([...Object.values(HEADER_NAMES), ACTIVITIES_NAME].map(nameKey));
  for (const indicator of plan.indicators) for (const field of FIELDS) wanted.add(nameKey(indicatorCellName(indicator.code, field)));
  let seen: readonly WorkbookDefinedName[] | null = null;
  let byName = new Set<string>();
  let byIndex = new Set<number>();
  return (name, index, definedNames) => {
    if (definedNames !== seen) {
      seen = definedNames;
      byName = new Set();
      byIndex = new Set();
      for (const d of definedNames) {
        if (!wanted.has(nameKey(d.name))) continue;
        const sheet = sheetKeyOf(d.ref);
        if (sheet !== null) byName.add(sheet);
        // A sheet-local name is dropped from the grid when its own sheet is not read, wherever it points.
        if (d.localSheetId !== undefined) byIndex.add(d.localSheetId);
      }
    }
    if (byName.size === 0 && byIndex.size === 0) return true;
    return byName.has(nameKey(name)) || byIndex.has(index);
  };
}
