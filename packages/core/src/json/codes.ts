import type { Severity } from '../finding.ts';

/** The catalogue of finding codes raised when a JSON input is refused before it is parsed (json/bounded.ts). Codes are stable. */
export const JSON_INPUT_CODES = {
  'json-too-large': { severity: 'error', about: 'A JSON input (plan, unit list, mapping, earlier consolidation) is longer than its limit; not parsed.' },
  'json-too-deep': { severity: 'error', about: 'A JSON input nests arrays and objects deeper than the limit (64 levels by default); not parsed.' },
} as const satisfies Record<string, { severity: Severity; about: string }>;
