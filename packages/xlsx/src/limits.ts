/**
 * Limits the OOXML reader enforces on untrusted files (a workbook is a zip of XML parts, so a few
 * kilobytes can claim gigabytes). Every breach becomes an error finding naming the file and the
 * limit; nothing is inflated beyond these bounds.
 */
export interface ReadLimits {
  /** Largest file accepted, in bytes. Default 50 MiB. */
  maxFileBytes: number;
  /** Most entries the zip's central directory may list (checked before any entry is read). Default 10,000. */
  maxZipEntries: number;
  /**
   * Most bytes the parts actually read (workbook, relationships, shared strings, styles, selected
   * worksheets, content types) may inflate to together, in bytes. Checked against the sizes the
   * central directory declares before inflating, and enforced while inflating. Default 500 MiB.
   */
  maxTotalUncompressedBytes: number;
  /** Highest uncompressed:compressed ratio one part may have (a zip-bomb sign). Default 200 (200:1). */
  maxCompressionRatio: number;
  /**
   * The compression ratio is checked only for parts larger than this many uncompressed bytes:
   * small, repetitive XML parts legitimately compress far beyond 200:1. Default 1 MiB.
   */
  compressionRatioMinBytes: number;
  /** Most non-blank cells read from one sheet; beyond it the sheet is cut short with an error finding. Default 2,000,000. */
  maxCellsPerSheet: number;
}

const MIB = 1024 * 1024;

/** The limits used when the caller gives none. */
export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 50 * MIB,
  maxZipEntries: 10_000,
  maxTotalUncompressedBytes: 500 * MIB,
  maxCompressionRatio: 200,
  compressionRatioMinBytes: MIB,
  maxCellsPerSheet: 2_000_000,
});

/**
 * Completes partial limits with the defaults. `undefined` entries take the default; `Infinity`
 * switches a limit off.
 * @throws RangeError when a given limit is negative or NaN (a programmer error, not bad input).
 */
export function resolveLimits(partial: Partial<ReadLimits> = {}): ReadLimits {
  const limits: ReadLimits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof ReadLimits)[]) {
    const value = partial[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
      throw new RangeError(`ReadLimits.${key} must be a non-negative number, got ${String(value)}`);
    }
    limits[key] = value;
  }
  return limits;
}
