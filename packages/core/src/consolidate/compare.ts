import type { Finding, Severity } from '../finding.ts';
import { parseA1 } from '../grid/a1.ts';

/**
 * Deterministic comparisons for the consolidation. Strings compare by UTF-16 code units (`<`),
 * never `localeCompare`, so the order is the same on every machine and in every web view.
 */

/** -1, 0 or 1 by code-unit order; `null`/`undefined` sort before any string. */
export function compareText(a: string | null | undefined, b: string | null | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  if (a == null && b != null) return -1;
  if (a != null && b == null) return 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Cells in reading order: by row, then column (`B2` before `A10`); unreadable references after, as text. */
export function compareCells(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return compareText(a, b);
  const pa = parseA1(a);
  const pb = parseA1(b);
  if (pa && pb) return pa.row - pb.row || pa.col - pb.col;
  if (pa) return -1;
  if (pb) return 1;
  return compareText(a, b);
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/**
 * A total order on findings: by the unit's official order (`unitOrder(code)`; findings without a
 * known unit last), then file, sheet, cell (reading order), severity (errors first), code,
 * indicator and message. Two findings that compare equal are identical.
 */
export function findingComparator(unitOrder: (code: string) => number | undefined): (a: Finding, b: Finding) => number {
  const orderOf = (f: Finding): number => (f.unit === undefined ? Infinity : (unitOrder(f.unit) ?? Infinity));
  return (a, b) => {
    const ua = orderOf(a);
    const ub = orderOf(b);
    if (ua !== ub) return ua < ub ? -1 : 1;
    return (
      compareText(a.unit, b.unit) ||
      compareText(a.file, b.file) ||
      compareText(a.sheet, b.sheet) ||
      compareCells(a.cell, b.cell) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareText(a.code, b.code) ||
      compareText(a.indicator, b.indicator) ||
      compareText(a.message.en, b.message.en) ||
      compareText(a.message.vi, b.message.vi)
    );
  };
}
