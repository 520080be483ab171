import type { Severity } from '../../finding.ts';

/**
 * The catalogue of finding codes raised by the layout reader (workbooks that are not our
 * template). Codes are stable: tests, JSON output and officers' filters rely on them. Value
 * findings shared with the template reader (`value-not-a-number`, `value-ambiguous`,
 * `formula-not-computed`, `date-invalid`, `boolean-invalid`) are in validate/codes.ts.
 */
export const LAYOUT_CODES = {
  'layout-read': { severity: 'notice', about: 'The workbook is not our template; says which sheet, header rows and how many rows were matched.' },
  'layout-table-not-found': { severity: 'error', about: 'No sheet has a table whose headings name an indicator text column and a figure column.' },
  'layout-table-truncated': { severity: 'warning', about: 'The table has more rows than a report (MAX_TABLE_ROWS); only the first are read.' },
  'layout-hidden-sheet': { severity: 'warning', about: 'The table was read from a hidden sheet (no visible sheet has one).' },
  'layout-sheet-ambiguous': { severity: 'warning', about: 'Several sheets hold an equally good table; says which one was used.' },
  'layout-legacy-text': { severity: 'notice', about: 'Cells in TCVN3 or VNI-Windows were decoded to Unicode (by font or by the text).' },
  'layout-plan-column': { severity: 'notice', about: 'A "Chỉ tiêu"/"Kế hoạch" column was read as a target percentage or as a planned count (the denominator), from its values.' },
  'layout-text-column': { severity: 'notice', about: 'No heading names the indicator text; the column holding long text was used.' },
  'layout-column-duplicate': { severity: 'warning', about: 'Two columns have the same role; the first is used, the other ignored.' },
  'layout-row-unmatched': { severity: 'warning', about: 'A data row matches no indicator (or only below the confidence threshold); its figures are not used. Notice when the row has no figures.' },
  'layout-row-ambiguous': { severity: 'warning', about: 'A data row matches two indicators almost equally; its figures are not used.' },
  'layout-row-ignored': { severity: 'notice', about: 'The mapping marks the row as not an indicator.' },
  'layout-indicator-duplicate': { severity: 'warning', about: 'Several rows match the same indicator; the most confident is used (error and none used when they tie).' },
  'layout-percent-only': { severity: 'warning', about: 'Only a percentage is given (no numerator and denominator): the city totals cannot include it.' },
  'layout-value-unreadable': { severity: 'warning', about: 'A figure does not fit the indicator (a percentage for a count or yes/no indicator); read as blank.' },
  'layout-section-figures': { severity: 'notice', about: 'A Roman-numeral section or total row holds figures; it is skipped (not an indicator).' },
  'layout-merged-value': { severity: 'notice', about: 'A figure cell is covered by a merged cell; the value counts once, at the merge\'s first row.' },
  'layout-unit-found': { severity: 'notice', about: 'Where the unit was read: title row, sheet name or file name.' },
  'layout-unit-not-found': { severity: 'warning', about: 'No unit of the registry is named in the title rows, sheet name or file name.' },
  'layout-unit-ambiguous': { severity: 'warning', about: 'The same text names several units; none is chosen.' },
  'layout-unit-conflict': { severity: 'warning', about: 'Title rows, sheet name and file name name different units; the first source is used.' },
  'layout-unit-override': { severity: 'notice', about: '--unit replaced what the file says.' },
  'layout-period-found': { severity: 'notice', about: 'Where the period was read: a date range, a title row, the sheet or file name.' },
  'layout-period-not-found': { severity: 'warning', about: 'No period is named in the title rows, a date range, the sheet or file name.' },
  'layout-period-ambiguous': { severity: 'warning', about: 'The same text names several periods; none is chosen.' },
  'layout-period-conflict': { severity: 'warning', about: 'Sources name different periods; the first source is used.' },
  'layout-period-range-unmatched': { severity: 'warning', about: 'A "từ ngày … đến ngày …" range is no period\'s cut-off window (Decree 09/2019) or calendar window.' },
  'layout-period-year-assumed': { severity: 'warning', about: 'A period is named without a year ("6 tháng đầu năm"); the year was taken from elsewhere in the file or the plan.' },
  'layout-period-override': { severity: 'notice', about: '--period replaced what the file says.' },
  'layout-period-assumed': { severity: 'warning', about: 'The file names no period; the period being consolidated was assumed.' },
  'layout-mapping-used': { severity: 'notice', about: 'A saved mapping for the unit was applied.' },
  'mapping-invalid': { severity: 'error', about: 'A saved mapping file is not valid JSON, is malformed, is filed under another unit or names codes the plan lacks; not used.' },
  'layout-mapping-mismatch': { severity: 'warning', about: 'A saved mapping does not fit the file (sheet missing, rows not found); detection was used for that part.' },
  'formula-evaluated': { severity: 'notice', about: 'A formula without cached result was evaluated (arithmetic and SUM).' },
  'formula-stale': { severity: 'warning', about: 'A formula\'s cached result differs from its evaluation (file not recalculated); the cached result is used.' },
} as const satisfies Record<string, { severity: Severity; about: string }>;

/** A code of the layout catalogue. */
export type LayoutCode = keyof typeof LAYOUT_CODES;
