import {
  ACTIVITIES_NAME,
  HEADER_NAMES,
  indicatorCellName,
  parseSheetRef,
  readTemplateReport,
  type IndicatorField,
  type Plan,
  type Result,
  type UnitReport,
} from '@cchc-kpi/core';
import type { ReadLimits } from './limits.ts';
import { readGrid, type WorkbookDefinedName } from './read/grid.ts';

export interface ReadReportOptions {
  plan: Plan;
  /** File name used in findings (never derived from cell text). */
  file?: string;
  limits?: Partial<ReadLimits>;
}

/**
 * Reads a unit's report workbook (our template, .xlsx bytes) into a `UnitReport`: the OOXML
 * reader builds the neutral grid under the size limits — only the sheets the template's defined
 * names point to (see {@link templateSheets}) — then core reads the template's defined names. Never throws on bad input: a broken, hostile or foreign file gives
 * `ok: false` with findings naming the file.
 */
export function readReport(bytes: Uint8Array, options: ReadReportOptions): Result<UnitReport> {
  const grid = readGrid(bytes, {
    ...(options.file ? { file: options.file } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    sheets: templateSheets(options.plan),
  });
  if (!grid.ok) return grid;
  const report = readTemplateReport(grid.value, options.plan, options.file ? { file: options.file } : {});
  const findings = [...grid.findings, ...report.findings];
  return report.ok ? { ok: true, value: report.value, findings } : { ok: false, findings };
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
