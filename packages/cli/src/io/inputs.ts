import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';

/** What the input scan found: files to read and the files it skipped, with why. */
export interface InputScan {
  files: string[];
  skipped: { file: string; reason: 'lock-file' | 'own-output' | 'not-a-workbook' | 'subfolder' }[];
  missing: string[];
}

/** Extensions read from a folder: .xlsx/.xlsm reports, and the spreadsheet formats units send by mistake (explained by a finding). */
const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.ods', '.et', '.xlsb']);

/**
 * Expands the arguments of `check`/`consolidate` (files and folders, folders not recursed) into
 * the workbook files to read, sorted by path so runs are reproducible; a file named twice is
 * read once, and subfolders are listed as skipped (not read). Skips Excel lock files
 * (`~$…`), the paths in `ownOutputs` (our own earlier outputs) and files that are not
 * workbooks by extension. Paths that do not exist are listed in `missing`.
 */
export async function scanInputs(args: string[], ownOutputs: string[] = []): Promise<InputScan> {
  const own = new Set(ownOutputs.map((p) => resolve(p)));
  const scan: InputScan = { files: [], skipped: [], missing: [] };
  const seen = new Set<string>();
  const consider = (file: string, explicit: boolean): void => {
    const name = file.split(/[\\/]/).pop() ?? file;
    if (seen.has(resolve(file))) return; // the same file named twice is read once
    seen.add(resolve(file));
    if (name.startsWith('~$')) scan.skipped.push({ file, reason: 'lock-file' });
    else if (own.has(resolve(file))) scan.skipped.push({ file, reason: 'own-output' });
    else if (!explicit && !WORKBOOK_EXTENSIONS.has(extname(name).toLowerCase())) {
      if (!name.startsWith('.')) scan.skipped.push({ file, reason: 'not-a-workbook' });
    } else scan.files.push(file);
  };
  for (const arg of args) {
    const info = await stat(arg).catch(() => null);
    if (!info) scan.missing.push(arg);
    else if (info.isDirectory()) {
      const names = (await readdir(arg)).sort();
      for (const name of names) {
        const path = join(arg, name);
        const entry = await stat(path);
        if (entry.isFile()) consider(path, false);
        else if (entry.isDirectory() && !name.startsWith('.')) scan.skipped.push({ file: path, reason: 'subfolder' });
      }
    } else consider(arg, true);
  }
  scan.files.sort();
  return scan;
}
