import { readFile } from 'node:fs/promises';
import { isConsolidatedWorkbook } from '@cchc-kpi/xlsx';

/** True when the file at `path` is a consolidated workbook this project wrote earlier. */
export async function isOwnOutput(path: string): Promise<boolean> {
  const bytes = await readFile(path).catch(() => null);
  return bytes !== null && isConsolidatedWorkbook(new Uint8Array(bytes));
}
