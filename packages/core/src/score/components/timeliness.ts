import type { CellRef } from '../../finding.ts';
import type { ComponentScore } from '../types.ts';
import type { ComponentOf, ScoreInput } from './input.ts';
import { formatDateVi } from '../../text/format.ts';
import { pointsText } from './text.ts';

/**
 * The `timeliness` component (general profile, BRIEF §5–6): full points when the report was
 * submitted on or before the period's deadline (`onTime` true), else 0 — including when no date
 * is known (`onTime` null). `onTime` is decided by the caller (the consolidator uses the
 * received-date register first, then the date on the form). `sources` = the form's date cell.
 */
export function scoreTimeliness(component: ComponentOf<'timeliness'>, input: ScoreInput): ComponentScore {
  const deadline = input.checked.period?.deadline;
  const by = deadline ? { vi: ` (hạn ${formatDateVi(deadline)})`, en: ` (deadline ${deadline})` } : { vi: '', en: '' };
  const points = input.onTime === true ? component.points : 0;
  const what =
    input.onTime === true
      ? { vi: `Nộp đúng hạn${by.vi}`, en: `Submitted on time${by.en}` }
      : input.onTime === false
        ? { vi: `Nộp sau hạn${by.vi}`, en: `Submitted late${by.en}` }
        : { vi: 'Không xác định được ngày gửi', en: 'Submission date unknown' };
  const cell = input.checked.report.source.submittedOn;
  const sources: CellRef[] = cell ? [cell] : [];
  return {
    type: component.type,
    label: component.label,
    max: component.points,
    points,
    detail: { vi: `${what.vi} → ${pointsText(points).vi}`, en: `${what.en} → ${pointsText(points).en}` },
    sources,
  };
}
