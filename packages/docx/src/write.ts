import {
  buildConsolidatedReport,
  buildUnitReport,
  type CheckedReport,
  type ConsolidatedReportOptions,
  type Consolidation,
  type Plan,
  type UnitReportOptions,
} from '@cchc-kpi/core';
import { renderDocx } from './render.ts';

/**
 * The city's report as a .docx draft for signature: core's `buildConsolidatedReport` (Decree
 * 30/2020/NĐ-CP layout, sections I–IV, recipients and signature, Phụ lục I–V in landscape)
 * rendered by `renderDocx`. Same inputs → byte-identical output.
 * @throws Error when `result.plan.id` is not `plan.id`; RangeError when a date is not ISO.
 */
export async function writeConsolidatedReport(result: Consolidation, plan: Plan, options: ConsolidatedReportOptions = {}): Promise<Uint8Array> {
  return renderDocx(buildConsolidatedReport(result, plan, options));
}

/**
 * A unit's own report as a .docx draft for its signature: core's `buildUnitReport` rendered by
 * `renderDocx`. Same inputs → byte-identical output.
 * @throws Error when the report names no known unit or period; RangeError when a date is not ISO.
 */
export async function writeUnitReport(checked: CheckedReport, plan: Plan, options: UnitReportOptions = {}): Promise<Uint8Array> {
  return renderDocx(buildUnitReport(checked, plan, options));
}
