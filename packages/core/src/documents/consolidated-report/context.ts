import type { Consolidation, UnitResult } from '../../consolidate/types.ts';
import type { Plan, ReportHeading } from '../../plan/schema.ts';
import { annexName } from '../../vocabulary/documents.ts';

/** The city report's annexes, in order. */
export const ANNEXES = ['targets', 'unitTargets', 'ranking', 'submission', 'activities'] as const;
export type AnnexKey = (typeof ANNEXES)[number];

/** What the builders of the city report read. */
export interface ReportContext {
  result: Consolidation;
  plan: Plan;
  heading: ReportHeading;
  /** Units in display order. */
  units: readonly UnitResult[];
  /** The number after `Số:` as given (blank for the clerk) and the ISO date of the report. */
  number: string;
  date: string;
}

/** `Phụ lục III` of the annex `key` (Roman numerals: the report has several annexes). */
export function annexOfKey(key: AnnexKey): string {
  return annexName(ANNEXES.indexOf(key) + 1, ANNEXES.length);
}

/** `(chi tiết tại Phụ lục I)`. */
export function seeAnnex(key: AnnexKey): string {
  return `(chi tiết tại ${annexOfKey(key)})`;
}
