import { constants, type Stats } from 'node:fs';
import { lstat, open, stat, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { makeFinding, type Finding, type Message } from '@cchc-kpi/core';
import { DEFAULT_LIMITS } from '@cchc-kpi/xlsx';
import { describeSystemError } from './system-error.ts';

/**
 * Reading input files safely (issues 6 and 18). Only regular files are read — after following
 * symbolic links; a FIFO would block forever, `/dev/zero` never ends, a device may react to
 * being opened — and never more than a cap, whatever `stat` says (it says 0 for a device, and a
 * file can grow while it is read). Files are opened read-only and never modified.
 */

/** What an input is when it is not a regular file, for messages. */
export function specialKind(info: Stats): Message {
  if (info.isDirectory()) return { vi: 'một thư mục', en: 'a folder' };
  if (info.isFIFO()) return { vi: 'một đường ống (FIFO)', en: 'a named pipe (FIFO)' };
  if (info.isCharacterDevice()) return { vi: 'một thiết bị (character device)', en: 'a device (character device)' };
  if (info.isBlockDevice()) return { vi: 'một thiết bị lưu trữ (block device)', en: 'a storage device (block device)' };
  if (info.isSocket()) return { vi: 'một socket', en: 'a socket' };
  return { vi: 'một mục không phải tệp', en: 'not a file' };
}

/** How one kind of input is named and raised in messages. */
export interface InputKind {
  /** The option that raises its size limit, e.g. `--max-file-size`. */
  flag: string;
  /** What to do before raising the limit, e.g. "remove unneeded sheets and pictures and save again". Optional. */
  advice?: Message;
}

/** The plan, unit list and mapping files. */
export const CONFIG_FILE: InputKind = { flag: '--max-config-size' };

/** Reports: the advice of issue 6 about oversized workbooks. */
const REPORT: InputKind = {
  flag: '--max-file-size',
  advice: { vi: 'Hãy xóa các trang tính, hình ảnh không cần thiết rồi lưu lại', en: 'Remove unneeded sheets and pictures and save again' },
};

/** `file-too-large`: the file's size on disk (null: it held more than the cap while read) over `maxBytes`. */
export function tooLarge(file: string, size: number | null, maxBytes: number, kind: InputKind): Finding {
  const has = size === null ? { vi: `dài hơn ${maxBytes} byte`, en: `is longer than ${maxBytes} bytes` } : { vi: `có dung lượng ${size} byte`, en: `is ${size} bytes` };
  const over = size === null ? { vi: '', en: '' } : { vi: `, vượt giới hạn ${maxBytes} byte`, en: `, over the ${maxBytes}-byte limit` };
  const raise = { vi: `giới hạn bằng ${kind.flag} nếu tệp đáng tin cậy.`, en: `the limit with ${kind.flag} if the file is trusted.` };
  const what = kind.advice
    ? { vi: `${kind.advice.vi}, hoặc nâng ${raise.vi}`, en: `${kind.advice.en}, or raise ${raise.en}` }
    : { vi: `Nâng ${raise.vi}`, en: `Raise ${raise.en}` };
  return makeFinding('error', 'file-too-large', {
    vi: `Tệp "${file}" ${has.vi}${over.vi}; tệp không được đọc. ${what.vi}`,
    en: `File "${file}" ${has.en}${over.en}; not read. ${what.en}`,
  }, { file });
}

function notRegular(file: string, what: Message, linked: boolean): Finding {
  const via = linked ? { vi: ' (qua một liên kết tượng trưng)', en: ' (through a symbolic link)' } : { vi: '', en: '' };
  return makeFinding('error', 'file-not-regular', {
    vi: `"${file}" không phải tệp thông thường mà là ${what.vi}${via.vi}; không đọc. Hãy chọn đúng tệp.`,
    en: `"${file}" is not a regular file but ${what.en}${via.en}; not read. Choose the right file.`,
  }, { file });
}

/**
 * `file-unreadable`: the operating system's error in the CLI's one wording of it (io/system-error.ts),
 * e.g. "Không đọc được tệp so-nhan.csv: không tìm thấy tệp hoặc thư mục. Hãy kiểm tra lại đường dẫn."
 */
export function unreadable(file: string, error: unknown): Finding {
  const message = describeSystemError(error, 'read', `tệp ${file}`);
  const en = describeSystemError(error, 'read', `file ${file}`);
  return makeFinding(
    'error',
    'file-unreadable',
    message && en ? { vi: message.vi, en: en.en } : { vi: `Không đọc được tệp ${file}.`, en: `Could not read file ${file}.` },
    { file },
  );
}

/** An open regular file, or the finding that refused it. */
export type Opened = { handle: FileHandle; size: number } | { finding: Finding };

/** `O_NONBLOCK`: opening a FIFO that slipped past the `stat` check must not wait for a writer (0 where the platform has none). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * Opens `path` for reading when it is a regular file (after following links) no larger than
 * `maxBytes` by its size on disk. Checked twice: by `stat` before opening (a device or FIFO is
 * never opened) and on the open handle (the path cannot be swapped in between).
 * @returns the handle (the caller closes it) and the size, or a finding naming the file:
 *   `file-not-regular`, `file-too-large`, `file-unreadable`.
 */
export async function openRegularFile(path: string, maxBytes: number, kind: InputKind = REPORT): Promise<Opened> {
  const file = basename(path);
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    return { finding: unreadable(file, error) };
  }
  if (!info.isFile()) {
    const linked = await lstat(path).then((l) => l.isSymbolicLink()).catch(() => false);
    return { finding: notRegular(file, specialKind(info), linked) };
  }
  if (info.size > maxBytes) return { finding: tooLarge(file, info.size, maxBytes, kind) };
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    return { finding: unreadable(file, error) };
  }
  const opened = await handle.stat().catch(() => null);
  if (!opened?.isFile()) {
    await handle.close();
    return { finding: opened ? notRegular(file, specialKind(opened), false) : unreadable(file, { code: 'EIO' }) };
  }
  if (opened.size > maxBytes) {
    await handle.close();
    return { finding: tooLarge(file, opened.size, maxBytes, kind) };
  }
  return { handle, size: opened.size };
}

/** How {@link forEachChunk} ended: the file ended, it holds more than the cap, or `onChunk` stopped it. */
export type ChunksEnd = 'end' | 'over' | 'stopped';

/**
 * Reads an open file piece by piece, never more than `maxBytes` in all, handing each piece to
 * `onChunk` (a view of one reused buffer: use it before returning) until the file ends, the cap
 * is passed (the piece that passes it is not handed over) or `onChunk` returns false.
 */
export async function forEachChunk(handle: FileHandle, maxBytes: number, onChunk: (chunk: Uint8Array) => boolean, chunkBytes = 64 * 1024): Promise<ChunksEnd> {
  const buffer = new Uint8Array(chunkBytes);
  let total = 0;
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(chunkBytes, maxBytes + 1 - total), null);
    if (bytesRead === 0) return 'end';
    total += bytesRead;
    if (total > maxBytes) return 'over';
    if (!onChunk(buffer.subarray(0, bytesRead))) return 'stopped';
  }
}

/** Reads the whole of an open file of `size` bytes on disk; null when it holds more than `maxBytes` (it grew). */
async function readAll(handle: FileHandle, size: number, maxBytes: number): Promise<Uint8Array | null> {
  const pieces: Uint8Array[] = [];
  let total = 0;
  // First a buffer of the size on disk plus one byte (to notice growth), then pieces if it grew.
  let want = size + 1;
  for (;;) {
    const piece = new Uint8Array(Math.min(want, maxBytes + 1 - total));
    const { bytesRead } = await handle.read(piece, 0, piece.length, null);
    if (bytesRead === 0) break;
    pieces.push(piece.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) return null;
    want = 64 * 1024;
  }
  if (pieces.length === 1 && pieces[0]) return pieces[0];
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.length;
  }
  return bytes;
}

/**
 * Reads a whole regular file of at most `maxBytes` (see {@link openRegularFile}), stopping at the
 * cap whatever its size said.
 * @returns the bytes, or a finding naming the file.
 */
export async function readRegularFile(path: string, maxBytes: number, kind: InputKind = REPORT): Promise<{ bytes: Uint8Array } | { finding: Finding }> {
  const opened = await openRegularFile(path, maxBytes, kind);
  if ('finding' in opened) return opened;
  try {
    const bytes = await readAll(opened.handle, opened.size, maxBytes);
    return bytes === null ? { finding: tooLarge(basename(path), null, maxBytes, kind) } : { bytes };
  } catch (error) {
    return { finding: unreadable(basename(path), error) };
  } finally {
    await opened.handle.close();
  }
}

/**
 * Reads a UTF-8 text input (plan, unit list, mapping, `--compare` file) of at most `maxBytes`,
 * only when it is a regular file; a byte-order mark is kept (the parsers drop it).
 * @returns the text, or a finding naming the file.
 */
export async function readTextFile(path: string, maxBytes: number, kind: InputKind): Promise<{ text: string } | { finding: Finding }> {
  const read = await readRegularFile(path, maxBytes, kind);
  return 'finding' in read ? read : { text: Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength).toString('utf8') };
}

/**
 * Reads an input file's bytes, refusing files larger than `maxBytes` (default: the reader's
 * `maxFileBytes`, 50 MiB) from their size on disk before loading them, and anything that is not
 * a regular file. Only reads: the file is opened read-only and never modified. Returns the bytes,
 * or a finding naming the file (`file-not-regular`, `file-too-large`, `file-unreadable`).
 */
export async function readInputFile(path: string, maxBytes = DEFAULT_LIMITS.maxFileBytes): Promise<{ bytes: Uint8Array } | { finding: Finding }> {
  return readRegularFile(path, maxBytes, REPORT);
}
