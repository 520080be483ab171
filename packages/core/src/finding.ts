/**
 * A finding: something the officer should know about an input or a result.
 * Findings are data, never thrown strings; the CLI's JSON output uses this exact shape.
 */
export type Severity = 'error' | 'warning' | 'notice';

/** A bilingual message: Vietnamese (NFC) for officers, English for developers and logs. */
export interface Message {
  vi: string;
  en: string;
}

export interface Finding {
  severity: Severity;
  /** Stable machine code, e.g. `numerator-exceeds-denominator`. Catalogue: `validate/codes.ts`. */
  code: string;
  message: Message;
  /** File name as given by the caller (never derived from cell text). */
  file?: string;
  sheet?: string;
  /** A1 reference of the cell, e.g. `F12`. */
  cell?: string;
  /** Unit code (GSO code or registry code) the finding is about, when known. */
  unit?: string;
  /** Indicator code (e.g. `CT3a`) the finding is about, when known. */
  indicator?: string;
}

/** Where a value came from: the cell an officer can open to check it. */
export interface CellRef {
  file?: string;
  sheet: string;
  /** A1 reference, e.g. `F12`. */
  cell: string;
}

/** Location fields of a finding, used when building one from a cell reference. */
export type FindingLocation = Pick<Finding, 'file' | 'sheet' | 'cell' | 'unit' | 'indicator'>;

/** True when a list holds at least one finding of severity `error`. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/**
 * Builds a finding. `vi` and `en` are the full sentences; keep the Vietnamese in NFC and name the
 * cell or value concerned, e.g. `{ vi: 'Tử số (12) lớn hơn mẫu số (10).', en: 'Numerator (12) exceeds denominator (10).' }`.
 */
export function makeFinding(severity: Severity, code: string, message: Message, location: FindingLocation = {}): Finding {
  const finding: Finding = { severity, code, message: { vi: message.vi.normalize('NFC'), en: message.en } };
  for (const key of ['file', 'sheet', 'cell', 'unit', 'indicator'] as const) {
    const value = location[key];
    if (value !== undefined) finding[key] = value;
  }
  return finding;
}
