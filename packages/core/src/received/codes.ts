import type { Severity } from '../finding.ts';

/** The catalogue of finding codes `parseReceivedCsv` raises (received-date register). Codes are stable. */
export const RECEIVED_FINDING_CODES = {
  'received-quote-unterminated': { severity: 'error', about: 'A quoted field is never closed; nothing read.' },
  'received-header-missing': { severity: 'error', about: 'No header row with a unit-code and a received-date column in the first 10 rows; nothing read.' },
  'received-date-invalid': { severity: 'error', about: 'A received date that is not a real date in an accepted form; the row is skipped.' },
  'received-unit-blank': { severity: 'warning', about: 'A received date without a unit code; the row is skipped.' },
  'received-duplicate': { severity: 'warning', about: 'A unit listed twice; the earliest date is kept.' },
} as const satisfies Record<string, { severity: Severity; about: string }>;
