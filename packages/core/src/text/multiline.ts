/**
 * Free text that keeps its lines (a unit's narrative): the cleaning of `normalizeText` applied
 * line by line, line breaks kept.
 */
import { normalizeText } from './normalize.ts';

/**
 * Normalises text typed over several lines (Alt+Enter in Excel): each line as `normalizeText`
 * does it (NFC, look-alikes of `Đ`/`đ`, invisibles dropped, runs of spaces and tabs as one space,
 * ends trimmed); CR LF, CR, U+2028 and U+2029 become `\n`; blank lines at the start and end are
 * dropped and runs of blank lines inside become one. Nothing else is cut. Returns `''` when no
 * text is left.
 * Example: `"  Đã làm tốt.\r\n\r\n\r\n- Tiếp tục "` → `"Đã làm tốt.\n\n- Tiếp tục"`.
 */
export function normalizeMultilineText(text: string): string {
  const lines = text.split(/\r\n|[\r\n\u2028\u2029\u000b\u000c\u0085]/).map((line) => normalizeText(line));
  const kept: string[] = [];
  for (const line of lines) {
    if (line === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.join('\n');
}
