import type { Finding, Message } from '@cchc-kpi/core';
import { printable } from './terminal-text.ts';

export { printable };

/** Language of the CLI's human output: Vietnamese for officers (default), English for developers. */
export type Lang = 'vi' | 'en';

export function pick(message: Message, lang: Lang): string {
  return message[lang];
}

const SEVERITY: Record<Finding['severity'], Message> = {
  error: { vi: 'LỖI', en: 'ERROR' },
  warning: { vi: 'CẢNH BÁO', en: 'WARNING' },
  notice: { vi: 'LƯU Ý', en: 'NOTICE' },
};

/** One line per finding: `LỖI  bao-cao.xlsx › Báo cáo!F12 — message` (made {@link printable}). */
export function formatFinding(finding: Finding, lang: Lang): string {
  const where = [finding.file, [finding.sheet, finding.cell].filter(Boolean).join('!')].filter(Boolean).join(' › ');
  return printable(`${pick(SEVERITY[finding.severity], lang).padEnd(9)}${where ? `${where} — ` : ''}${pick(finding.message, lang)}`);
}
