/** How a unit's timeliness was decided. */
export interface Timing {
  /** Date ≤ deadline; null when no date is known. */
  onTime: boolean | null;
  /** The date used (ISO), or null. */
  date: string | null;
  /** Where it came from: the received-date register, the date on the form, or nothing. */
  basis: 'received' | 'submitted' | null;
}

/**
 * Timeliness of one report (BRIEF §5; Decree 09/2019 leaves deadlines to local rules): the
 * received-register date when present, else the date the unit wrote on its form, compared with
 * the period's deadline (ISO dates, inclusive: on the deadline is on time).
 */
export function decideTiming(receivedOn: string | null, submittedOn: string | null, deadline: string): Timing {
  if (receivedOn !== null) return { onTime: receivedOn <= deadline, date: receivedOn, basis: 'received' };
  if (submittedOn !== null) return { onTime: submittedOn <= deadline, date: submittedOn, basis: 'submitted' };
  return { onTime: null, date: null, basis: null };
}
