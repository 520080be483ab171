/**
 * Where a unit's report stands for the period, as every output shows it (JSON `units[].status`,
 * the *Tiến độ gửi báo cáo* sheet, the CLI). Our convention. The review loop adds `returned` and
 * `accepted` (a later issue): add them to `SUBMISSION_STATUSES` and `SUBMISSION_STATUS_LABELS`,
 * and every renderer picks them up.
 */
import type { Message } from '../finding.ts';
import { SUBMISSION_STATUS_WORDS } from '../vocabulary/words.ts';

/**
 * - `missing`: no file from the unit (or only an untouched form);
 * - `unreadable`: a file from the unit arrived (named by its code or name, e.g.
 *   `18070-2021-H1.xlsx`) but no report could be read from it (encrypted, damaged, not a
 *   spreadsheet) — its findings say why;
 * - `received`: a report was read and is consolidated.
 */
export const SUBMISSION_STATUSES = ['missing', 'unreadable', 'received'] as const;

/** A unit's submission status (see `SUBMISSION_STATUSES`). */
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** How each status reads in a table, Vietnamese for officers, English beside it. */
export const SUBMISSION_STATUS_LABELS: Readonly<Record<SubmissionStatus, Message>> = {
  missing: { vi: SUBMISSION_STATUS_WORDS.missing, en: 'Not submitted' },
  unreadable: { vi: SUBMISSION_STATUS_WORDS.unreadable, en: 'Sent, unreadable' },
  received: { vi: SUBMISSION_STATUS_WORDS.received, en: 'Received' },
};

/** True when the unit's figures are consolidated (`submitted: true` in the JSON). */
export function countsAsSubmitted(status: SubmissionStatus): boolean {
  return status === 'received';
}
