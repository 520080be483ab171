import { basename } from 'node:path';
import { createReceivedReader, fail, type Result, type Unit } from '@cchc-kpi/core';
import { limitOf, type CliLimits } from './limits.ts';
import { forEachChunk, openRegularFile, tooLarge, unreadable, type InputKind } from './read-file.ts';

/** The register's size limit's option. */
const REGISTER: InputKind = { flag: '--max-received-size' };

/**
 * Reads the received-date register (`--received FILE`) as it streams from disk: only a regular
 * file, at most `--max-received-size` bytes (default 10 MiB) and `--max-received-rows` rows
 * (100,000), decoded as UTF-8 and handed to core's register reader 64 KB at a time. Reading stops
 * at the first limit passed, or at a cell over 4,096 characters (a quote never closed), so memory
 * holds one piece and the dates of the registry's units, whatever the file holds: codes the
 * registry does not know are counted in one warning, not kept.
 * @returns unit code → ISO date with the register's findings, or the findings that refused it
 *   (`file-not-regular`, `file-too-large`, `file-unreadable`, or core's `received-…` codes).
 */
export async function readReceivedRegister(path: string, units: readonly Unit[], limits?: Partial<CliLimits>): Promise<Result<Map<string, string>>> {
  const file = basename(path);
  const maxBytes = limitOf(limits, 'maxReceivedBytes');
  const opened = await openRegularFile(path, maxBytes, REGISTER);
  if ('finding' in opened) return fail([opened.finding]);
  const reader = createReceivedReader(file, { maxChars: maxBytes, maxRows: limitOf(limits, 'maxReceivedRows') }, { units: new Set(units.map((u) => u.code)) });
  const decoder = new TextDecoder('utf-8');
  try {
    const end = await forEachChunk(opened.handle, maxBytes, (chunk) => reader.push(decoder.decode(chunk, { stream: true })));
    if (end === 'over') return fail([tooLarge(file, null, maxBytes, REGISTER)]);
    if (end === 'end') reader.push(decoder.decode());
    return reader.end();
  } catch (error) {
    return fail([unreadable(file, error)]);
  } finally {
    await opened.handle.close();
  }
}
