import { lstat, readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { makeFinding, type Finding, type Message } from '@cchc-kpi/core';
import { specialKind } from './read-file.ts';
import { systemWhat } from './system-error.ts';

/** Why the scan of a folder left an entry out. */
export type SkipReason = 'lock-file' | 'own-output' | 'not-a-workbook' | 'subfolder' | 'not-a-regular-file';

/** An entry the scan left out; `kind` says what a `not-a-regular-file` entry is (a FIFO, a device, a broken link…). */
export interface SkippedEntry {
  file: string;
  reason: SkipReason;
  kind?: Message;
}

/** What the input scan found: files to read and the files it skipped, with why. */
export interface InputScan {
  files: string[];
  skipped: SkippedEntry[];
  missing: string[];
}

const SKIP_REASON: Record<SkipReason, Message> = {
  'lock-file': { vi: 'tệp khóa tạm của Excel', en: 'an Excel lock file' },
  'own-output': { vi: 'tệp kết quả của chính lệnh này', en: "this command's own output" },
  'not-a-workbook': { vi: 'không phải sổ tính Excel', en: 'not an Excel workbook' },
  subfolder: { vi: 'thư mục con không được đọc (hãy đặt mọi báo cáo vào cùng một thư mục)', en: 'subfolders are not read (put every report in one folder)' },
  'not-a-regular-file': { vi: 'không phải tệp thông thường', en: 'not a regular file' },
};

/**
 * The finding `file-skipped` naming a skipped entry and why: a warning for a subfolder or an
 * entry that is not a regular file (saying what it is), a notice otherwise.
 */
export function skipFinding(skipped: SkippedEntry): Finding {
  const file = basename(skipped.file);
  const reason = SKIP_REASON[skipped.reason];
  const kind = skipped.kind ? { vi: ` mà là ${skipped.kind.vi}`, en: ` but ${skipped.kind.en}` } : { vi: '', en: '' };
  const warn = skipped.reason === 'subfolder' || skipped.reason === 'not-a-regular-file';
  return makeFinding(warn ? 'warning' : 'notice', 'file-skipped', { vi: `Bỏ qua ${file}: ${reason.vi}${kind.vi}.`, en: `Skipped ${file}: ${reason.en}${kind.en}.` }, { file });
}

/**
 * What a folder entry that `stat` cannot follow is: a broken or looping link, or an entry that
 * cannot be read, with why in the CLI's one wording of the system's error (io/system-error.ts):
 * "một liên kết tượng trưng hỏng (không tìm thấy tệp hoặc thư mục)".
 */
async function unfollowable(path: string, error: unknown): Promise<Message> {
  const linked = await lstat(path).then((l) => l.isSymbolicLink()).catch(() => false);
  const why = systemWhat(error);
  const vi = why ? ` (${why.vi})` : '';
  const en = why ? ` (${why.en})` : '';
  if (linked) return { vi: `một liên kết tượng trưng hỏng${vi}`, en: `a broken symbolic link${en}` };
  return { vi: `một mục không đọc được${vi}`, en: `an entry that cannot be read${en}` };
}

/** Extensions read from a folder: .xlsx/.xlsm reports, and the spreadsheet formats units send by mistake (explained by a finding). */
const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.ods', '.et', '.xlsb']);

/**
 * Expands the arguments of `check`/`consolidate` (files and folders, folders not recursed) into
 * the workbook files to read, sorted by path so runs are reproducible; a file named twice is
 * read once, and subfolders are listed as skipped (not read). Skips Excel lock files
 * (`~$…`), the paths in `ownOutputs` (our own earlier outputs), files that are not workbooks by
 * extension, and entries that are not regular files after following links (FIFOs, devices,
 * sockets, broken links: `not-a-regular-file`, with what they are); hidden entries (`.…`) are
 * left out silently. A path named on the command line is always listed in `files` (the reader
 * then refuses it with a finding when it is not a regular file). Paths that do not exist are
 * listed in `missing`.
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
        // `stat` follows links: a link to a report is read; a FIFO, a device or a socket (or a link
        // to one, or a broken link) is never opened, and the scan says so.
        const entry = await stat(path).catch(async (error: unknown) => ({ error: await unfollowable(path, error) }));
        if ('error' in entry) {
          if (!name.startsWith('.')) scan.skipped.push({ file: path, reason: 'not-a-regular-file', kind: entry.error });
        } else if (entry.isFile()) consider(path, false);
        else if (entry.isDirectory()) {
          if (!name.startsWith('.')) scan.skipped.push({ file: path, reason: 'subfolder' });
        } else if (!name.startsWith('.')) scan.skipped.push({ file: path, reason: 'not-a-regular-file', kind: specialKind(entry) });
      }
    } else consider(arg, true);
  }
  scan.files.sort();
  return scan;
}
