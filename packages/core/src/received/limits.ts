/**
 * Bounds of the received-date register (issue 18): a city has tens of units, a large test a few
 * thousand, so a register of a million rows or one 50 MB cell is a broken or hostile file, and is
 * refused before it costs memory.
 */

/** Limits of one received-date register. */
export interface ReceivedLimits {
  /** Longest register accepted, in characters (≤ its UTF-8 bytes; the CLI also checks the bytes on disk). Default 10 MiB. */
  maxChars: number;
  /** Most records (lines, title and header rows included) accepted. Default 100,000. */
  maxRows: number;
}

/** The register limits used when the caller gives none. */
export const DEFAULT_RECEIVED_LIMITS: Readonly<ReceivedLimits> = Object.freeze({ maxChars: 10 * 1024 * 1024, maxRows: 100_000 });

/**
 * Longest cell read: a unit code or a date is a few characters, a note a few hundred. A longer
 * cell is almost always a quote that was opened and never closed; reading stops there.
 */
export const RECEIVED_MAX_CELL_CHARS = 4096;

/** Most columns in one row. */
export const RECEIVED_MAX_COLUMNS = 1024;
