import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { makeFinding, type Finding } from '@cchc-kpi/core';
import { DEFAULT_LIMITS } from '@cchc-kpi/xlsx';

/**
 * Reads an input file's bytes, refusing files larger than the reader's size limit before
 * loading them. Returns the bytes, or a finding naming the file when it cannot be read.
 */
export async function readInputFile(path: string, maxBytes = DEFAULT_LIMITS.maxFileBytes): Promise<{ bytes: Uint8Array } | { finding: Finding }> {
  const file = basename(path);
  try {
    const info = await stat(path);
    if (info.size > maxBytes) {
      return {
        finding: makeFinding('error', 'file-too-large', {
          vi: `Tệp ${file} có dung lượng ${info.size} byte, vượt giới hạn ${maxBytes} byte.`,
          en: `File ${file} is ${info.size} bytes, over the ${maxBytes}-byte limit.`,
        }, { file }),
      };
    }
    return { bytes: new Uint8Array(await readFile(path)) };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return {
      finding: makeFinding('error', 'file-unreadable', {
        vi: `Không đọc được tệp ${file} (${reason}).`,
        en: `Cannot read file ${file} (${reason}).`,
      }, { file }),
    };
  }
}
