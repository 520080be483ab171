import type { Finding, Severity } from '../finding.ts';

/** Said when a check found no error, warning or notice. */
export const NO_FINDINGS = 'Không phát hiện lỗi.';

const ORDER: readonly Severity[] = ['error', 'warning', 'notice'];
const COUNTED: Readonly<Record<Severity, string>> = { error: 'lỗi', warning: 'cảnh báo', notice: 'lưu ý' };

/** Findings counted by severity. */
export function countBySeverity(findings: readonly Pick<Finding, 'severity'>[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/**
 * Findings counted by kind in running text: `3 lỗi, 2 cảnh báo, 9 lưu ý`; kinds with none are
 * left out (`1 lỗi`), and with no finding at all `không phát hiện lỗi`.
 */
export function findingCountsText(findings: readonly Pick<Finding, 'severity'>[]): string {
  const counts = countBySeverity(findings);
  const parts = ORDER.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${COUNTED[s]}`);
  return parts.length === 0 ? 'không phát hiện lỗi' : parts.join(', ');
}

/** The same in English, for `--lang en`: `3 errors, 2 warnings, 9 notices`; `no findings`. */
export function findingCountsTextEn(findings: readonly Pick<Finding, 'severity'>[]): string {
  const counts = countBySeverity(findings);
  const word = { error: 'error', warning: 'warning', notice: 'notice' } as const;
  const parts = ORDER.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${word[s]}${counts[s] === 1 ? '' : 's'}`);
  return parts.length === 0 ? 'no findings' : parts.join(', ');
}
