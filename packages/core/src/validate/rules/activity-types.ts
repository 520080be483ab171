/**
 * What every activity rule receives and returns, and how a finding names an activity's cell.
 */
import { makeFinding, type CellRef, type Finding, type FindingLocation, type Message, type Severity } from '../../finding.ts';
import { formatA1, parseA1 } from '../../grid/a1.ts';
import type { Period } from '../../period/types.ts';
import type { Plan } from '../../plan/schema.ts';
import { activityFieldLabel, cellSubject } from '../../read/labels.ts';
import type { Activity } from '../../report/model.ts';
import { ACTIVITY_COLUMNS, type ActivityColumn } from '../../template/names.ts';

/** The plan (for codes), the period whose cut-off window dates must fall in (null: not checked) and the file/unit of findings. */
export interface ActivityContext {
  plan: Plan;
  window: Period | null;
  base: FindingLocation;
}

/** A rule's outcome: the activity to keep (possibly corrected) or null to exclude it, and findings. */
export interface ActivityOutcome {
  activity: Activity | null;
  findings: Finding[];
}

/** An activity rule: a pure function of one activity and the context. */
export type ActivityRule = (activity: Activity, context: ActivityContext) => ActivityOutcome;

/**
 * The cell of one column of an activity's row: the source is the row's first cell (the table's
 * `order` column, as read/activities.ts records it), other columns follow in `ACTIVITY_COLUMNS` order.
 */
export function activityCell(activity: Activity, column: ActivityColumn): CellRef {
  const start = parseA1(activity.source.cell);
  if (!start) return activity.source;
  const cell = formatA1({ row: start.row, col: start.col + ACTIVITY_COLUMNS.indexOf(column) });
  return { ...activity.source, cell };
}

/** A finding about one cell of an activity: "Ô C8 (hoạt động dòng 8, nội dung): …", located at that cell. */
export function activityFinding(
  activity: Activity,
  column: ActivityColumn,
  context: ActivityContext,
  severity: Severity,
  code: string,
  tail: Message,
): Finding {
  const ref = activityCell(activity, column);
  const row = parseA1(activity.source.cell)?.row ?? 0;
  const subject = cellSubject(ref.cell, activityFieldLabel(row, column));
  const location: FindingLocation = { ...context.base, sheet: ref.sheet, cell: ref.cell };
  if (ref.file !== undefined && location.file === undefined) location.file = ref.file;
  return makeFinding(severity, code, { vi: `${subject.vi}: ${tail.vi}`, en: `${subject.en}: ${tail.en}` }, location);
}
