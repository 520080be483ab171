import type { Finding } from './finding.ts';

/**
 * The outcome of every edge that reads input: a value with the findings met on the way,
 * or no value and the findings that explain why.
 */
export type Result<T> =
  | { ok: true; value: T; findings: Finding[] }
  | { ok: false; findings: Finding[] };

export function ok<T>(value: T, findings: Finding[] = []): Result<T> {
  return { ok: true, value, findings };
}

export function fail<T = never>(findings: Finding[]): Result<T> {
  return { ok: false, findings };
}
