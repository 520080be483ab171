import type { Finding, Message } from '@cchc-kpi/core';

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

/** Control characters (C0, DEL, C1) and bidirectional overrides/isolates: never printed raw to a terminal. */
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text safe to print on a terminal: tabs, CR and LF become spaces (one finding stays one line);
 * other control characters (ESC sequences that could clear the screen or fake output) and
 * bidirectional overrides are shown as `\u001B`-style escapes. Text from files (cell values,
 * file names) can thus never drive the terminal.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) =>
    c === '\t' || c === '\r' || c === '\n' ? ' ' : `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/** One line per finding: `LỖI  bao-cao.xlsx › Báo cáo!F12 — message` (made {@link printable}). */
export function formatFinding(finding: Finding, lang: Lang): string {
  const where = [finding.file, [finding.sheet, finding.cell].filter(Boolean).join('!')].filter(Boolean).join(' › ');
  return printable(`${pick(SEVERITY[finding.severity], lang).padEnd(9)}${where ? `${where} — ` : ''}${pick(finding.message, lang)}`);
}
