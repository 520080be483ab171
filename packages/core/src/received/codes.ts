import type { Severity } from '../finding.ts';

/** The catalogue of finding codes `parseReceivedCsv` raises (received-date register). Codes are stable. */
export const RECEIVED_FINDING_CODES = {
  'received-quote-unterminated': { severity: 'error', about: 'A quoted field is never closed; nothing read.' },
  'received-too-large': { severity: 'error', about: 'The register is longer than its limit (--max-received-size, default 10 MiB); refused as soon as that is known.' },
  'received-too-many-rows': { severity: 'error', about: 'The register has more rows than its limit (--max-received-rows, default 100,000); refused at the first row over it.' },
  'received-cell-too-long': { severity: 'error', about: 'A cell over 4,096 characters, typically a quote never closed; reading stops there, nothing read.' },
  'received-too-many-columns': { severity: 'error', about: 'A row with more than 1,024 columns; nothing read.' },
  'received-header-missing': { severity: 'error', about: 'No header row with a unit-code and a received-date column in the first 10 rows; nothing read.' },
  'received-date-invalid': { severity: 'error', about: 'Received dates that are not real dates in an accepted form; the rows are skipped. One finding: the row, or the count and the first five rows.' },
  'received-unit-blank': { severity: 'warning', about: 'Received dates without a unit code; the rows are skipped. One finding: the row, or the count and the first five rows.' },
  'received-unknown-unit': { severity: 'warning', about: 'Codes not in the unit registry (when the reader is given it); rows skipped. One finding: the row, or the count and the first five rows. The consolidator raises the same code for codes it is handed.' },
  'received-duplicate': { severity: 'warning', about: 'Units listed again; the earliest date of each is kept. One finding: the row, or the count and the first five rows.' },
} as const satisfies Record<string, { severity: Severity; about: string }>;
