import { CONSOLIDATED_MARKER_NAME } from '@cchc-kpi/core';
import type { ReadLimits } from '../limits.ts';
import { readGrid } from './grid.ts';

/**
 * True when `bytes` is a consolidated workbook written by this project (it carries the
 * `cchc_consolidated` defined name). Reads only the workbook part, no sheet; false for anything
 * unreadable.
 */
export function isConsolidatedWorkbook(bytes: Uint8Array, limits?: Partial<ReadLimits>): boolean {
  const grid = readGrid(bytes, { sheets: () => false, ...(limits ? { limits } : {}) });
  return grid.ok && grid.value.definedNames.some((n) => n.name === CONSOLIDATED_MARKER_NAME);
}
