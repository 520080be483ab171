/**
 * The contract between our report template (written by packages/xlsx) and the reader in core:
 * every input cell carries a workbook-scoped defined name, so the reader never depends on
 * positions, and a unit that inserts rows or moves a table keeps a readable form.
 */

/** Bumped when the template's names or columns change incompatibly. */
export const TEMPLATE_VERSION = '1';

/** Header cells (single cells). */
export const HEADER_NAMES = {
  unitCode: 'unit_code',
  periodCode: 'period_code',
  submittedOn: 'submitted_on',
  planId: 'plan_id',
  templateVersion: 'template_version',
} as const;

/** Per-indicator cells. `percent` holds the live ratio formula; a typed number there is the unit's own percentage. */
export type IndicatorField = 'numerator' | 'denominator' | 'value' | 'percent' | 'note' | 'evidence';

/** Defined name of one indicator cell, e.g. `indicatorCellName('CT3a', 'numerator')` → `CT3a_numerator`. */
export function indicatorCellName(code: string, field: IndicatorField): string {
  return `${code.replace(/\./g, '_')}_${field}`;
}

/**
 * The report's narrative cells (free text the unit writes in words, line breaks allowed), by
 * field: results worth naming, shortcomings, their causes, tasks for the next period, proposals —
 * what a report says beyond its figures (the plan's theme ND5: "kết quả đạt được và tồn tại, hạn
 * chế, nguyên nhân"). Optional: a form without them reads with an empty narrative.
 */
export const NARRATIVE_NAMES = {
  highlights: 'narrative_highlights',
  limitations: 'narrative_limitations',
  causes: 'narrative_causes',
  nextTasks: 'narrative_next_tasks',
  proposals: 'narrative_proposals',
} as const;

/** A narrative field, in the order the form and the reports give them. */
export type NarrativeField = keyof typeof NARRATIVE_NAMES;

/** The narrative fields in order. */
export const NARRATIVE_FIELDS = Object.keys(NARRATIVE_NAMES) as NarrativeField[];

/** Defined name of the activities table's data range (all columns, no header row). */
export const ACTIVITIES_NAME = 'activities_table';

/** Column order of the activities table, left to right. */
export const ACTIVITY_COLUMNS = ['order', 'date', 'theme', 'theme2', 'form', 'title', 'quantity', 'participants', 'evidence'] as const;
export type ActivityColumn = (typeof ACTIVITY_COLUMNS)[number];

/** Defined names of the drop-down list sources (on the hidden list sheet). */
export const LIST_NAMES = { themes: 'list_themes', forms: 'list_forms', yesNo: 'list_yes_no' } as const;

/** The words of the yes/no drop-down. */
export const YES_NO = { yes: 'Có', no: 'Không' } as const;

/**
 * A drop-down entry shows a code and its text, e.g. `ND3.6 – Hiện đại hóa hành chính`.
 * Returns the code (`ND3.6`) or null when the text does not start with a theme/form code.
 */
export function codeFromListEntry(text: string): string | null {
  const match = /^\s*((?:ND|HT)\s?\d+(?:\.\d+)?)(?=$|[\s–\-:,;)]|\.(?!\d))/i.exec(text);
  return match?.[1] ? match[1].replace(/\s/, '').toUpperCase() : null;
}

/** The entry shown in a drop-down for a code and its Vietnamese text. */
export function listEntry(code: string, text: string): string {
  return `${code} – ${text}`;
}

/**
 * Workbook-scoped defined name that marks a consolidated workbook written by this project, so a
 * re-run that finds its own earlier output among the inputs skips it instead of reading it.
 */
export const CONSOLIDATED_MARKER_NAME = 'cchc_consolidated';
