import type { Message } from '@cchc-kpi/core';
import { printable } from './terminal-text.ts';

const REASONS: Record<string, Message> = {
  EACCES: { vi: 'không có quyền truy cập', en: 'permission denied' },
  EPERM: { vi: 'không được phép thao tác', en: 'operation not permitted' },
  ENOENT: { vi: 'không tìm thấy tệp hoặc thư mục', en: 'no such file or folder' },
  ENOSPC: { vi: 'ổ đĩa đã đầy', en: 'the disk is full' },
  EROFS: { vi: 'ổ đĩa chỉ cho phép đọc', en: 'the disk is read-only' },
  EISDIR: { vi: 'đây là thư mục, không phải tệp', en: 'it is a folder, not a file' },
  ENOTDIR: { vi: 'một phần của đường dẫn không phải thư mục', en: 'part of the path is not a folder' },
  EEXIST: { vi: 'đã có một tệp trùng tên ở chỗ cần tạo thư mục', en: 'a file of that name stands where a folder is needed' },
  EBUSY: { vi: 'tệp đang được chương trình khác sử dụng (đóng Excel rồi thử lại)', en: 'the file is in use by another program (close Excel and retry)' },
};

/**
 * An operating-system error (`EACCES`, `ENOSPC`…) explained in words an officer understands, with
 * the path concerned; null for other errors (programming faults keep their stack trace).
 */
export function describeSystemError(error: unknown): Message | null {
  const e = error as NodeJS.ErrnoException;
  const reason = typeof e?.code === 'string' ? REASONS[e.code] : undefined;
  if (!reason) return null;
  const where = e.path ? `: ${e.path.replace(/[\\/]\.([^\\/]+)\.[0-9a-f]{12}\.tmp$/, '/$1')}` : '';
  return { vi: `Không thực hiện được (${reason.vi})${where}.`, en: `Could not complete (${reason.en})${where}.` };
}

/**
 * Handles an error of the process's stdout: a reader that went away (`EPIPE`, `… | head`) ends
 * the process quietly with the exit code already set; an operating-system error (a full disk
 * behind `> file`) is explained on stderr and ends it with exit code 2 (could not run); anything
 * else is rethrown.
 */
export function onStdoutError(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  const system = describeSystemError(error);
  if (system === null) throw error;
  process.stderr.write(`${printable(system.vi)}\n${printable(system.en)}\n`);
  process.exit(2);
}
