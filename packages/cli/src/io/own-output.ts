import { DEFAULT_LIMITS, isConsolidatedWorkbook } from '@cchc-kpi/xlsx';
import { readRegularFile } from './read-file.ts';

/** True when the file at `path` is a regular file holding a consolidated workbook this project wrote earlier. */
export async function isOwnOutput(path: string, maxBytes = DEFAULT_LIMITS.maxFileBytes): Promise<boolean> {
  const read = await readRegularFile(path, maxBytes);
  return 'bytes' in read && isConsolidatedWorkbook(read.bytes);
}
