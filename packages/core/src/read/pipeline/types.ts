/**
 * The shapes of the one reading pipeline (check-grid.ts): its options, what a reader gives, and
 * the outcome of one input.
 */
import type { Finding } from '../../finding.ts';
import type { Period } from '../../period/types.ts';
import type { Plan } from '../../plan/schema.ts';
import type { UnitReport } from '../../report/model.ts';
import type { Unit } from '../../units/unit.ts';
import type { CheckedReport } from '../../validate/types.ts';
import type { LayoutMapping } from '../layout/mapping.ts';
import type { LayoutUnderstanding } from '../layout/types.ts';

/**
 * A unit's saved mapping as its edge loaded it (the CLI: `--mappings DIR/<unit code>.json`): the
 * mapping when the file was valid, and the findings loading it gave (an invalid file: an error and
 * no mapping). Plain data, so it travels to worker threads.
 */
export interface SavedMapping {
  mapping?: LayoutMapping;
  findings: readonly Finding[];
}

/** Saved mappings by unit code. */
export type SavedMappings = ReadonlyMap<string, SavedMapping>;

/** What the readers need besides the grid. */
export interface ReadGridOptions {
  plan: Plan;
  /** Registry units: a layout's unit is detected among them. */
  units: readonly Unit[];
  /** File name as the caller gives it (never derived from cell text): on every finding and cell reference, and a source of the unit and period of a layout. */
  file?: string;
  /** The unit code of a layout whatever it says (`--unit`). */
  unitCode?: string;
  /** The period code of a layout whatever it says (`--period` of check and inspect). */
  periodCode?: string;
  /** The period assumed, with a warning, for a layout that names none (the period consolidated). */
  assumePeriod?: string;
  /** Saved mappings by unit code, applied to a layout of that unit. */
  mappings?: SavedMappings;
}

/** Which reader recognised the workbook: our template's defined names, our template's cell positions, or the layout reader (units' own tables). */
export type ReaderId = 'names' | 'positions' | 'layout';

/** A report as a reader read it. */
export interface ReportReading {
  report: UnitReport;
  reader: ReaderId;
  /** How a layout was understood (reader `layout`): what `cchc inspect` prints and a mapping is made from. */
  layout?: LayoutUnderstanding;
  /** The saved mapping applied, if any. */
  mapping?: LayoutMapping;
}

/** Options of the whole pipeline (`processGrid`). */
export interface ProcessGridOptions extends ReadGridOptions {
  /**
   * The period the report must be for (`consolidate --period`, `check --period`): validation
   * checks the report's period against it, and a layout naming no period is assumed to be for it
   * unless `assumePeriod` or `periodCode` says otherwise.
   */
  period?: Period;
  /** Findings met before the grid (the file's conversion, the grid reader's warnings): they come first in the outcome. */
  before?: readonly Finding[];
}

/**
 * What one input gave:
 * - `received`: a report that counts, validated (`checked`);
 * - `empty`: our form sent back untouched (no figure, note, evidence or activity): validated, with
 *   the error `report-empty`, and not a received report;
 * - `unreadable`: no report could be read (the findings say why);
 * - `skipped`: a consolidated or feedback workbook this project wrote, not a unit's report (notice `file-skipped`).
 * `findings` holds every finding in order: `before`, reading, validation, the file-name check.
 */
export type ReportOutcome =
  | { status: 'received' | 'empty'; checked: CheckedReport; reading: ReportReading; findings: Finding[] }
  | { status: 'unreadable' | 'skipped'; findings: Finding[] };

/** The status of one input (see `ReportOutcome`). */
export type ReportStatus = ReportOutcome['status'];
