import type { Severity } from '../finding.ts';

/**
 * The catalogue of finding codes raised while reading a template report (read/) and validating
 * it (validate/). Codes are stable: tests, JSON output and officers' filters rely on them.
 * Each entry gives the severity used and what the finding means. The consolidator's own codes
 * are listed in consolidate/findings.ts.
 */
export const FINDING_CODES = {
  // Reading the template (read/template-report.ts)
  'not-a-template': { severity: 'error', about: 'The workbook has neither a `unit_code` nor a `plan_id` defined name: not our report template.' },
  'template-name-missing': { severity: 'warning', about: 'A defined name the template should have is missing or broken (#REF!); that value is not read.' },
  'template-version-mismatch': { severity: 'warning', about: 'The template version differs from the one this tool writes (TEMPLATE_VERSION).' },
  'plan-mismatch': { severity: 'error', about: 'The report was made from another plan than the one it is checked against.' },
  'value-not-a-number': { severity: 'error', about: 'A cell that should hold a number holds something else; the value is read as blank.' },
  'value-ambiguous': { severity: 'error', about: 'Numeric text readable two ways (e.g. "1.234" in a percentage cell); read as blank.' },
  'formula-not-computed': { severity: 'warning', about: 'A formula cell has no cached result (file never recalculated); read as blank.' },
  'formula-external-reference': { severity: 'warning', about: 'A figure is a formula taking its value from another workbook ([1]Sheet1!A1); its cached result is used (blank when none), unchecked.' },
  'date-invalid': { severity: 'error', about: 'A date cell holds no date, or an impossible one (31/02/2021); read as blank.' },
  'boolean-invalid': { severity: 'error', about: 'A yes/no cell holds no yes/no answer (Có/Không, Đạt/Không đạt, x, 1/0…: text/yes-no.ts); read as blank.' },
  // The reading pipeline (read/pipeline/)
  'read-by-position': { severity: 'notice', about: "Our template without its defined names (an Excel without ExcelApi 1.4, or names deleted): read by the template's cell positions." },
  'read-internal-error': { severity: 'error', about: 'The layout reader failed on this file (a bug, never bad input); the other files are still read.' },
  'file-skipped': { severity: 'notice', about: 'An input not read as a report: a consolidated or feedback workbook this project wrote (cchc_consolidated; the CLI also skips Excel lock files and folder entries that are not regular files).' },
  'file-name-unit-mismatch': { severity: 'warning', about: "The file name starts with another unit's code than the form inside; the code inside counts." },
  // Report header (validate/rules/unit.ts, validate/rules/period.ts)
  'unit-code-missing': { severity: 'error', about: 'The report names no unit.' },
  'unit-unknown': { severity: 'error', about: 'The unit code is not in the unit registry.' },
  'period-code-missing': { severity: 'error', about: 'The report names no period.' },
  'period-invalid': { severity: 'error', about: 'The period code cannot be read (expected 2021-Q1…Q4, 2021-H1/H2, 2021); same code as parsePeriod.' },
  'period-mismatch': { severity: 'error', about: 'The report is for another period than the one being checked or consolidated.' },
  'submitted-on-missing': { severity: 'warning', about: 'No report date: timeliness then depends on the received-date register.' },
  'submitted-before-cutoff-end': { severity: 'warning', about: "The report date is before the period's data cut-off ends." },
  'submitted-on-implausible': { severity: 'warning', about: 'The report date is more than a year after the deadline (a mistyped year?).' },
  'report-empty': { severity: 'error', about: 'The form has no figure, note, evidence or activity at all: not counted as received.' },
  // Indicators (validate/rules/*.ts)
  'indicator-not-applicable': { severity: 'notice', about: 'Figures given for an indicator that does not apply to the unit kind; ignored.' },
  'value-missing': { severity: 'warning', about: 'An applicable indicator was left blank (blank is not zero).' },
  'pair-incomplete': { severity: 'error', about: 'Only one of numerator and denominator was given.' },
  'count-negative': { severity: 'error', about: 'A count (numerator, denominator or value) is below 0.' },
  'count-not-integer': { severity: 'error', about: 'A count (numerator, denominator or value) is not a whole number.' },
  'figure-too-large': { severity: 'error', about: 'A count (numerator, denominator or value) is above MAX_FIGURE (10^9, validate/rules/figure-bound.ts): a slip, never a count of one unit in one period; not counted.' },
  'value-wrong-type': { severity: 'error', about: 'A yes/no indicator holds a number, or a count indicator a yes/no.' },
  'denominator-zero': { severity: 'notice', about: 'Denominator 0: the indicator is not applicable for this period (BRIEF §6).' },
  'numerator-exceeds-denominator': { severity: 'error', about: 'Numerator above denominator for a ratio; not counted.' },
  'typed-percent-mismatch': { severity: 'warning', about: 'The percentage the unit typed differs from numerator ÷ denominator by more than 0.5 percentage point.' },
  'evidence-unrecognised': { severity: 'warning', about: 'An evidence cell holds text that is not evidence (no document number with its date, link or file name); it does not count.' },
  'evidence-missing': { severity: 'warning', about: 'An indicator that requires evidence was reported as achieved without evidence; not met.' },
  // Activities (validate/rules/activity-*.ts)
  'activity-theme-unknown': { severity: 'error', about: 'An activity names a theme code the plan does not have; activity excluded.' },
  'activity-form-unknown': { severity: 'error', about: 'An activity names a form code the plan does not have; activity excluded.' },
  'activity-theme-missing': { severity: 'warning', about: 'An activity names no theme; kept, but it covers no theme.' },
  'activity-form-missing': { severity: 'warning', about: 'An activity names no form; kept, but it adds no form.' },
  'activity-date-missing': { severity: 'warning', about: 'An activity has no (readable) date; kept, its period cannot be checked.' },
  'activity-outside-period': { severity: 'warning', about: "An activity is dated outside the period's cut-off window (Decree 09/2019/NĐ-CP art. 12); excluded." },
  'activity-count-invalid': { severity: 'warning', about: 'An activity quantity or participant count is negative, fractional or above MAX_FIGURE (10^9); that figure is dropped.' },
  'activity-evidence-unrecognised': { severity: 'warning', about: 'An activity\'s evidence is not a document number with its date, a link or a file name; the activity counts as without evidence.' },
} as const satisfies Record<string, { severity: Severity; about: string }>;

/** A code of the catalogue. */
export type FindingCode = keyof typeof FINDING_CODES;
