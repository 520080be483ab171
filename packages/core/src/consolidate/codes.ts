import type { Severity } from '../finding.ts';

/**
 * The catalogue of finding codes the consolidation itself raises (the reading and validation
 * codes are in validate/codes.ts, the register's in received/codes.ts). Codes are stable.
 */
export const CONSOLIDATION_FINDING_CODES = {
  'period-mismatch-excluded': { severity: 'error', about: 'A report of another period than the consolidated one; left out of the consolidation.' },
  'unknown-unit-excluded': { severity: 'error', about: 'A report whose unit is not in the registry (or names none); left out, its findings kept.' },
  'period-missing-assumed': { severity: 'warning', about: 'A report naming no period; taken as the consolidated period.' },
  'duplicate-report': { severity: 'warning', about: 'Two or more reports of one unit for the period; names all files, the one used and why (consolidate/choose.ts).' },
  'submission-date-missing': { severity: 'warning', about: 'No received-register date and no date on the form; timeliness unknown (not on time).' },
  'report-missing': { severity: 'warning', about: 'An expected unit sent no report for the period.' },
  'report-unreadable': { severity: 'warning', about: "A unit's file arrived but no report could be read from it; the unit is `unreadable`, not submitted." },
  'unexpected-report': { severity: 'notice', about: 'A unit not on the expected list reported; consolidated, but not in completeness or timeliness.' },
  'received-without-report': { severity: 'warning', about: 'The received-date register records a report, but none of the unit for the period was read.' },
  'received-unknown-unit': { severity: 'warning', about: 'The received-date register names unit codes the registry does not know: one finding, the code or the count and the first five.' },
  'expected-unit-unknown': { severity: 'warning', about: 'The expected-unit list names a unit code the registry does not know; ignored.' },
  'compare-file-invalid': { severity: 'error', about: 'The --compare file is not a JSON written by `cchc consolidate --json` (consolidate/year-on-year.ts).' },
  'compare-figure-invalid': { severity: 'warning', about: 'Figures of the --compare consolidation outside the shapes and ranges this tool writes (1e300, a negative count, a ratio not numerator ÷ denominator); ignored, counted in one finding.' },
  'compare-period-not-previous-year': { severity: 'warning', about: 'The --compare consolidation is not the same period one year earlier; changes computed, last year figures not taken.' },
  'compare-plan-differs': { severity: 'notice', about: 'The --compare consolidation was made against another plan; indicators matched by code.' },
  'denominator-from-previous': { severity: 'notice', about: "A comparison indicator (CT2a) without last year's figure: taken from last year's consolidation (consolidate/last-year.ts)." },
  'previous-figure-differs': { severity: 'notice', about: "The last-year figure a unit typed differs from last year's consolidation; the typed figure is kept." },
} as const satisfies Record<string, { severity: Severity; about: string }>;
