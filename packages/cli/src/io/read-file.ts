import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { makeFinding, type Finding } from '@cchc-kpi/core';
import { DEFAULT_LIMITS } from '@cchc-kpi/xlsx';

/**
 * Reads an input file's bytes, refusing files larger than `maxBytes` (default: the reader's
 * `maxFileBytes`, 50 MiB) from their size on disk, before loading them. Only reads: the file is
 * opened read-only and never modified. Returns the bytes, or a finding naming the file
 * (`file-too-large`, `file-unreadable`) when it cannot be read.
 */
export async function readInputFile(path: string, maxBytes = DEFAULT_LIMITS.maxFileBytes): Promise<{ bytes: Uint8Array } | { finding: Finding }> {
  const file = basename(path);
  try {
    const info = await stat(path);
    if (info.size > maxBytes) {
      return {
        finding: makeFinding('error', 'file-too-large', {
          vi: `Tệp "${file}" có dung lượng ${info.size} byte, vượt giới hạn ${maxBytes} byte; tệp không được đọc. Hãy xóa các trang tính, hình ảnh không cần thiết rồi lưu lại, hoặc nâng giới hạn bằng --max-file-size nếu tệp đáng tin cậy.`,
          en: `File "${file}" is ${info.size} bytes, over the ${maxBytes}-byte limit; not read. Remove unneeded sheets and pictures and save again, or raise the limit with --max-file-size if the file is trusted.`,
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
