/**
 * Old and foreign spreadsheet formats (.xls of Excel 97–2003 or WPS, .ods of LibreOffice) that
 * the reader does not read: converted to .xlsx through LibreOffice
 * (`soffice --headless --convert-to xlsx`, into a temporary folder) when `--convert` is given,
 * otherwise a finding that says how to convert. The original file is never touched. A file with a
 * password to open is said to be one (`file-encrypted`), and LibreOffice's own output never
 * reaches a message.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeFinding, type Finding } from '@cchc-kpi/core';
import { detectEncryption, encryptedFile } from '@cchc-kpi/xlsx';

/** Finding codes of this module, with their severity and meaning (stable: JSON output and tests use them). */
export const CONVERT_CODES = {
  'convert-needed': { severity: 'error', about: 'An .xls/.ods file and no --convert: says how to convert it (by hand or with --convert).' },
  'convert-unavailable': { severity: 'error', about: '--convert given but LibreOffice (soffice) is not installed; says how to install it.' },
  'convert-failed': { severity: 'error', about: 'LibreOffice did not convert the file (exit code, time-out, no output); its own output is never shown.' },
  'file-encrypted': { severity: 'error', about: 'An .ods or .xls with a password to open: says so and how to remove the password (reader finding, xlsx package).' },
  converted: { severity: 'notice', about: 'The file was converted to .xlsx through LibreOffice to be read; the original is unchanged.' },
} as const;

/** A format LibreOffice can convert: legacy Excel (OLE2/BIFF: .xls, WPS .et) or OpenDocument (.ods). */
export type ConvertibleKind = 'xls' | 'ods';

/** How long one conversion may take before it is stopped (LibreOffice's first start is slow). */
export const CONVERT_TIMEOUT_MS = 180_000;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function utf16Contains(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  const end = Math.min(bytes.length, 1 << 20);
  outer: for (let i = 0; i + text.length * 2 <= end; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++) if (bytes[i + 2 * k] !== text.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/**
 * What needs converting, from the content (never the extension alone): an OLE2 container with a
 * `Workbook`/`Book` stream and no `EncryptedPackage` (a password-protected .xlsx is also OLE2:
 * the reader says "password-protected" for it) → `xls`; a zip whose first entry is `mimetype`
 * holding `application/vnd.oasis.opendocument.spreadsheet` → `ods`; anything else → null.
 */
export function convertibleKind(bytes: Uint8Array): ConvertibleKind | null {
  if (bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    if (utf16Contains(bytes, 'EncryptedPackage') || utf16Contains(bytes, 'EncryptionInfo')) return null;
    return utf16Contains(bytes, 'Workbook') || utf16Contains(bytes, 'Book') ? 'xls' : null;
  }
  if (bytes.length > 80 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 120));
    if (head.includes('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  }
  return null;
}

const KIND_NAME = {
  xls: { vi: 'bảng tính Excel đời cũ (.xls, Excel 97–2003 hoặc WPS)', en: 'an old-format Excel workbook (.xls, Excel 97–2003 or WPS)' },
  ods: { vi: 'bảng tính OpenDocument (.ods, LibreOffice)', en: 'an OpenDocument spreadsheet (.ods, LibreOffice)' },
} as const;

/** Error `convert-needed`: the file must be converted to .xlsx; says how, by hand or with `--convert`. */
export function convertNeeded(file: string, kind: ConvertibleKind): Finding {
  return makeFinding(
    'error',
    'convert-needed',
    {
      vi: `Tệp ${file} là ${KIND_NAME[kind].vi}; công cụ chỉ đọc .xlsx. Cách khắc phục: mở tệp bằng Excel hoặc LibreOffice và lưu thành "Sổ làm việc Excel (*.xlsx)" (Tệp › Lưu thành), hoặc chạy lại lệnh với --convert để tự chuyển bằng LibreOffice (cần cài LibreOffice).`,
      en: `${file} is ${KIND_NAME[kind].en}; only .xlsx is read. To fix: open it in Excel or LibreOffice and save it as "Excel Workbook (*.xlsx)" (File › Save As), or run the command again with --convert to convert it through LibreOffice (LibreOffice must be installed).`,
    },
    { file },
  );
}

/**
 * The LibreOffice program: `$CCHC_SOFFICE` when set, else `soffice`/`libreoffice` on the PATH,
 * else the usual install places (Windows Program Files, macOS /Applications). Null when none exists.
 */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env['CCHC_SOFFICE'];
  if (configured && existsSync(configured)) return configured;
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const name of names) if (existsSync(join(dir, name))) return join(dir, name);
  }
  const known = [
    'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
    'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
    '/Applications/LibreOffice.app/Contents/MacOS/soffice',
    '/usr/bin/soffice',
    '/usr/local/bin/soffice',
    '/opt/libreoffice/program/soffice',
  ];
  return known.find((p) => existsSync(p)) ?? null;
}

/** Runs the converter; its output is discarded (LibreOffice's warnings are noise to an officer, and never shown). */
function run(program: string, args: string[], timeoutMs: number): Promise<{ code: number | null; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'ignore'] });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', () => {
      clearTimeout(timer);
      resolve({ code: null, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut });
    });
  });
}

/** The outcome of a conversion: the .xlsx bytes and a notice, or the error that stopped it. */
export type Conversion = { ok: true; bytes: Uint8Array; findings: Finding[] } | { ok: false; findings: Finding[] };

/**
 * Converts `bytes` (the content of `file`, of `kind`) to .xlsx with LibreOffice in a fresh
 * temporary folder (its own LibreOffice profile, so a running LibreOffice is not disturbed), reads
 * the result and removes the folder. Findings: notice `converted` on success; errors
 * `convert-unavailable` (LibreOffice not found, with how to install), `convert-failed` (non-zero
 * exit, time-out after `timeoutMs`, no output).
 */
export async function convertToXlsx(bytes: Uint8Array, file: string, kind: ConvertibleKind, options: { soffice?: string | null; timeoutMs?: number } = {}): Promise<Conversion> {
  const soffice = options.soffice === undefined ? findSoffice() : options.soffice;
  if (soffice === null) {
    return {
      ok: false,
      findings: [
        makeFinding('error', 'convert-unavailable', {
          vi: `Không chuyển được ${file} sang .xlsx: máy chưa cài LibreOffice (không tìm thấy soffice). Hãy cài LibreOffice (https://www.libreoffice.org, hoặc apt-get install libreoffice-calc-nogui), hoặc đặt biến môi trường CCHC_SOFFICE trỏ tới soffice; hoặc tự mở tệp và lưu thành .xlsx.`,
          en: `Cannot convert ${file} to .xlsx: LibreOffice is not installed (no soffice found). Install LibreOffice (https://www.libreoffice.org, or apt-get install libreoffice-calc-nogui) or point CCHC_SOFFICE at soffice; or open the file and save it as .xlsx.`,
        }, { file }),
      ],
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'cchc-convert-'));
  try {
    const input = join(dir, `input.${kind}`);
    const out = join(dir, 'out');
    await writeFile(input, bytes);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const result = await run(soffice, ['--headless', '--norestore', '--nologo', `-env:UserInstallation=${profile}`, '--convert-to', 'xlsx', '--outdir', out, input], options.timeoutMs ?? CONVERT_TIMEOUT_MS);
    const produced = result.code === 0 ? (await readdir(out).catch(() => [] as string[])).find((n) => n.toLowerCase().endsWith('.xlsx')) : undefined;
    if (produced === undefined) {
      const why = result.timedOut ? `quá ${Math.round((options.timeoutMs ?? CONVERT_TIMEOUT_MS) / 1000)} giây` : result.code === 0 ? 'không có tệp kết quả' : `mã thoát ${result.code ?? '?'}`;
      const whyEn = result.timedOut ? `timed out after ${Math.round((options.timeoutMs ?? CONVERT_TIMEOUT_MS) / 1000)} s` : result.code === 0 ? 'no output file' : `exit code ${result.code ?? '?'}`;
      return {
        ok: false,
        findings: [
          makeFinding('error', 'convert-failed', {
            vi: `LibreOffice không chuyển được ${file} sang .xlsx (${why}). Tệp có thể bị hỏng hoặc được lưu bằng chương trình khác; hãy tự mở tệp bằng Excel hoặc LibreOffice và lưu thành .xlsx.`,
            en: `LibreOffice could not convert ${file} to .xlsx (${whyEn}). The file may be damaged or written by another program; open it in Excel or LibreOffice and save it as .xlsx.`,
          }, { file }),
        ],
      };
    }
    const converted = new Uint8Array(await readFile(join(out, produced)));
    return {
      ok: true,
      bytes: converted,
      findings: [
        makeFinding('notice', 'converted', {
          vi: `Đã chuyển ${file} (${kind === 'xls' ? '.xls' : '.ods'}) sang .xlsx bằng LibreOffice để đọc; tệp gốc không bị sửa.`,
          en: `${file} (${kind === 'xls' ? '.xls' : '.ods'}) was converted to .xlsx through LibreOffice to be read; the original is unchanged.`,
        }, { file }),
      ],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The bytes to read for a file: unchanged when no conversion is needed; converted when it is
 * .xls/.ods and `convert` is true; otherwise `ok: false` with `convert-needed`. Passwords:
 * an .ods whose manifest says it is encrypted → `file-encrypted` at once (no converter can open
 * it); an .xls with a FILEPASS record is converted first (Excel's default key opens without a
 * password) and `file-encrypted` replaces `convert-failed` only when that fails.
 */
export async function prepareWorkbookBytes(bytes: Uint8Array, file: string, convert: boolean, converter: typeof convertToXlsx = convertToXlsx): Promise<Conversion> {
  const kind = convertibleKind(bytes);
  if (kind === null) return { ok: true, bytes, findings: [] };
  const encryption = detectEncryption(bytes);
  if (kind === 'ods' && encryption === 'odf') return { ok: false, findings: [encryptedFile({ file }, 'odf')] };
  if (!convert) return { ok: false, findings: [convertNeeded(file, kind)] };
  const converted = await converter(bytes, file, kind);
  if (!converted.ok && kind === 'xls' && encryption === 'biff' && converted.findings.some((f) => f.code === 'convert-failed')) {
    return { ok: false, findings: [encryptedFile({ file }, 'biff')] };
  }
  return converted;
}
