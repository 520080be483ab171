import type { Message } from '@cchc-kpi/core';
import { printable } from './terminal-text.ts';

/**
 * The one wording of every operating-system error the command line meets (issue p1 F): what
 * happened and how to fix it, in Vietnamese and English, never the bare code (`ENOENT`). Inputs
 * (io/read-file.ts, io/inputs.ts), outputs (io/atomic-write.ts, io/output-check.ts) and the last
 * resort in program.ts all word an error through this module.
 */

/** What one error code means, and what to do about it when reading and when writing. */
export interface Reason {
  what: Message;
  /** What to do (a sentence); when reading and when writing if they differ. */
  fix: Message | { read: Message; write: Message };
}

const WRITE_ELSEWHERE: Message = { vi: 'Hãy chọn thư mục khác hoặc xin quyền ghi vào thư mục này', en: 'Choose another folder, or get the right to write in this one' };
const NETWORK: Message = { vi: 'Kiểm tra kết nối tới ổ mạng rồi thử lại, hoặc dùng ổ đĩa của máy', en: 'Check the connection to the network drive and retry, or use a local disk' };
const CHECK_PATH: Message = { vi: 'Hãy kiểm tra lại đường dẫn', en: 'Check the path' };
const RETRY: Message = { vi: 'Hãy thử lại sau ít phút', en: 'Retry in a few minutes' };

const REASONS: Record<string, Reason> = {
  EACCES: {
    what: { vi: 'không có quyền truy cập', en: 'permission denied' },
    fix: { read: { vi: 'Hãy xin quyền đọc tệp hoặc chép tệp sang thư mục của mình', en: 'Get the right to read it, or copy the file to a folder of your own' }, write: WRITE_ELSEWHERE },
  },
  EPERM: {
    what: { vi: 'không được phép thao tác', en: 'operation not permitted' },
    fix: { read: { vi: 'Hãy xin quyền đọc tệp hoặc chép tệp sang thư mục của mình', en: 'Get the right to read it, or copy the file to a folder of your own' }, write: WRITE_ELSEWHERE },
  },
  ENOENT: {
    what: { vi: 'không tìm thấy tệp hoặc thư mục', en: 'no such file or folder' },
    fix: { read: CHECK_PATH, write: { vi: 'Hãy kiểm tra lại đường dẫn và thư mục ghi', en: 'Check the path and the output folder' } },
  },
  ENOSPC: { what: { vi: 'ổ đĩa đã đầy', en: 'the disk is full' }, fix: { vi: 'Hãy giải phóng dung lượng hoặc ghi sang ổ đĩa khác', en: 'Free some space, or write to another disk' } },
  EDQUOT: { what: { vi: 'đã hết hạn mức dung lượng của người dùng', en: 'the disk quota is used up' }, fix: { vi: 'Hãy xóa bớt tệp hoặc ghi sang ổ đĩa khác', en: 'Delete some files, or write to another disk' } },
  EROFS: { what: { vi: 'ổ đĩa chỉ cho phép đọc', en: 'the disk is read-only' }, fix: { vi: 'Hãy chọn thư mục trên ổ đĩa ghi được', en: 'Choose a folder on a writable disk' } },
  EISDIR: { what: { vi: 'đây là thư mục, không phải tệp', en: 'it is a folder, not a file' }, fix: { vi: 'Hãy ghi tên tệp, không phải tên thư mục', en: 'Give a file name, not a folder' } },
  ENOTDIR: { what: { vi: 'một phần của đường dẫn không phải thư mục', en: 'part of the path is not a folder' }, fix: CHECK_PATH },
  EEXIST: { what: { vi: 'đã có một tệp trùng tên ở chỗ cần tạo thư mục', en: 'a file of that name stands where a folder is needed' }, fix: { vi: 'Hãy đổi tên hoặc chuyển tệp đó đi, hoặc chọn thư mục khác', en: 'Rename or move that file, or choose another folder' } },
  EBUSY: { what: { vi: 'tệp đang được chương trình khác sử dụng', en: 'the file is in use by another program' }, fix: { vi: 'Hãy đóng Excel (hoặc chương trình đang mở tệp) rồi thử lại', en: 'Close Excel (or the program that has it open) and retry' } },
  ETXTBSY: { what: { vi: 'tệp đang được chương trình khác sử dụng', en: 'the file is in use by another program' }, fix: { vi: 'Hãy đóng chương trình đang mở tệp rồi thử lại', en: 'Close the program that has it open and retry' } },
  ENAMETOOLONG: {
    what: { vi: 'tên tệp hoặc đường dẫn quá dài', en: 'the file name or path is too long' },
    fix: { vi: 'Hãy đặt tên ngắn hơn (mỗi tên tệp hoặc thư mục tối đa 255 byte) hoặc chọn thư mục gần gốc ổ đĩa hơn', en: 'Use a shorter name (at most 255 bytes per file or folder name) or a folder nearer the root of the disk' },
  },
  ELOOP: { what: { vi: 'liên kết tượng trưng trỏ vòng quanh', en: 'symbolic links loop' }, fix: { vi: 'Hãy sửa liên kết tượng trưng hoặc dùng đường dẫn thật', en: 'Fix the symbolic link or give the real path' } },
  EMFILE: { what: { vi: 'đang mở quá nhiều tệp', en: 'too many files are open' }, fix: { vi: 'Hãy đóng bớt chương trình rồi thử lại', en: 'Close some programs and retry' } },
  ENFILE: { what: { vi: 'hệ thống đang mở quá nhiều tệp', en: 'the system has too many files open' }, fix: { vi: 'Hãy đóng bớt chương trình rồi thử lại', en: 'Close some programs and retry' } },
  EIO: { what: { vi: 'lỗi đọc/ghi của ổ đĩa', en: 'a disk input/output error' }, fix: { vi: 'Hãy kiểm tra ổ đĩa (hoặc USB) hoặc dùng ổ đĩa khác', en: 'Check the disk (or USB stick), or use another disk' } },
  EFBIG: { what: { vi: 'tệp quá lớn đối với ổ đĩa này', en: 'the file is too large for this disk' }, fix: { vi: 'Hãy ghi sang ổ đĩa khác (ví dụ ổ NTFS thay cho USB FAT32)', en: 'Write to another disk (e.g. NTFS rather than a FAT32 USB stick)' } },
  EINVAL: { what: { vi: 'tên tệp hoặc thao tác không hợp lệ với ổ đĩa này', en: 'the name or operation is not valid on this disk' }, fix: { vi: 'Hãy bỏ các ký tự : * ? " < > | khỏi tên tệp hoặc chọn ổ đĩa khác', en: 'Remove : * ? " < > | from the name, or choose another disk' } },
  ENXIO: { what: { vi: 'thiết bị không tồn tại hoặc chưa sẵn sàng', en: 'no such device, or it is not ready' }, fix: CHECK_PATH },
  ENODEV: { what: { vi: 'thiết bị không tồn tại', en: 'no such device' }, fix: CHECK_PATH },
  EXDEV: { what: { vi: 'không chuyển được tệp sang ổ đĩa khác', en: 'the file cannot be moved to another disk' }, fix: { vi: 'Hãy ghi vào thư mục trên cùng một ổ đĩa', en: 'Write into a folder on the same disk' } },
  EAGAIN: { what: { vi: 'tài nguyên tạm thời không dùng được', en: 'the resource is temporarily unavailable' }, fix: RETRY },
  ENOMEM: { what: { vi: 'máy không đủ bộ nhớ', en: 'the computer is out of memory' }, fix: { vi: 'Hãy đóng bớt chương trình rồi thử lại', en: 'Close some programs and retry' } },
  ENOTSUP: { what: { vi: 'ổ đĩa không hỗ trợ thao tác này', en: 'the disk does not support this operation' }, fix: { vi: 'Hãy dùng thư mục trên ổ đĩa khác', en: 'Use a folder on another disk' } },
  EOPNOTSUPP: { what: { vi: 'ổ đĩa không hỗ trợ thao tác này', en: 'the disk does not support this operation' }, fix: { vi: 'Hãy dùng thư mục trên ổ đĩa khác', en: 'Use a folder on another disk' } },
  ESTALE: { what: { vi: 'ổ mạng đã mất kết nối với tệp', en: 'the network drive lost the file' }, fix: NETWORK },
  ETIMEDOUT: { what: { vi: 'hết thời gian chờ ổ mạng', en: 'the network drive timed out' }, fix: NETWORK },
  ECONNRESET: { what: { vi: 'kết nối tới ổ mạng bị ngắt', en: 'the connection to the network drive was reset' }, fix: NETWORK },
  EHOSTDOWN: { what: { vi: 'máy chủ của ổ mạng không hoạt động', en: 'the network drive’s host is down' }, fix: NETWORK },
  ENOTEMPTY: { what: { vi: 'thư mục không trống', en: 'the folder is not empty' }, fix: { vi: 'Hãy chọn tên khác', en: 'Choose another name' } },
  EMLINK: { what: { vi: 'thư mục đã chứa quá nhiều mục', en: 'the folder holds too many entries' }, fix: { vi: 'Hãy chọn thư mục khác', en: 'Choose another folder' } },
};

/** Any other error code of the operating system: the code is kept, it is all there is to say. */
function otherReason(code: string): Reason {
  return {
    what: { vi: `hệ điều hành báo lỗi ${code}`, en: `the operating system reported ${code}` },
    fix: { vi: 'Hãy thử lại hoặc chọn tệp, thư mục khác', en: 'Retry, or choose another file or folder' },
  };
}

/** A file that cannot be created in an existing folder: /proc and other folders of the system (their ENOENT). */
export const CANNOT_CREATE_HERE: Reason = {
  what: { vi: 'thư mục này không cho tạo tệp (thư mục đặc biệt của hệ thống)', en: 'this folder does not take new files (a special folder of the system)' },
  fix: { vi: 'Hãy chọn thư mục khác', en: 'Choose another folder' },
};

/** The operating-system error code of `error` (`EACCES`…), or null when it is not such an error. */
export function systemErrorCode(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : null;
}

/** What an error code means and how to fix it, in words. */
export function systemReason(code: string): Reason {
  return Object.hasOwn(REASONS, code) ? (REASONS[code] as Reason) : otherReason(code);
}

/** The words for what went wrong: `không tìm thấy tệp hoặc thư mục` / `no such file or folder`. */
export function systemWhat(error: unknown): Message | null {
  const code = systemErrorCode(error);
  return code === null ? null : systemReason(code).what;
}

/** What to do about an error with this reason, when `reading` or writing. */
function fixOf(reason: Reason, action: 'read' | 'write' | null): Message {
  const fix = reason.fix;
  if ('vi' in fix) return fix;
  return action === 'read' ? fix.read : fix.write;
}

/**
 * An operating-system error (`EACCES`, `ENOSPC`, `ENAMETOOLONG`…) explained in words an officer
 * understands, with the path concerned and how to fix it; null for other errors (programming
 * faults keep their stack trace). `action` says what was being done with the path: `read` →
 * "Không đọc được …", `write` → "Không ghi được …", none → "Không thực hiện được …".
 * @param path the path to name (default: the error's own `path`).
 */
export function describeSystemError(error: unknown, action: 'read' | 'write' | null = null, path?: string): Message | null {
  const code = systemErrorCode(error);
  if (code === null) return null;
  return describeReason(systemReason(code), action, path ?? (error as NodeJS.ErrnoException).path ?? null);
}

/** The message of {@link describeSystemError} for a reason already chosen (e.g. {@link CANNOT_CREATE_HERE}). */
export function describeReason(reason: Reason, action: 'read' | 'write' | null, path: string | null): Message {
  const where = path ? ` ${path}` : '';
  const head =
    action === 'read'
      ? { vi: `Không đọc được${where}`, en: `Could not read${where}` }
      : action === 'write'
        ? { vi: `Không ghi được${where}`, en: `Could not write${where}` }
        : { vi: `Không thực hiện được${where ? ` với${where}` : ''}`, en: `Could not complete${where ? ` on${where}` : ''}` };
  const fix = fixOf(reason, action);
  return { vi: `${head.vi}: ${reason.what.vi}. ${fix.vi}.`, en: `${head.en}: ${reason.what.en}. ${fix.en}.` };
}

/**
 * Handles an error of the process's stdout: a reader that went away (`EPIPE`, `… | head`) ends
 * the process quietly with the exit code already set; an operating-system error (a full disk
 * behind `> file`) is explained on stderr and ends it with exit code 2 (could not run); anything
 * else is rethrown.
 */
export function onStdoutError(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  const system = describeSystemError(error, 'write', 'stdout');
  if (system === null) throw error;
  process.stderr.write(`${printable(system.vi)}\n${printable(system.en)}\n`);
  process.exit(2);
}
