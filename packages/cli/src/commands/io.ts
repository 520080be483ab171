import type { Finding } from '@cchc-kpi/core';
import { formatFinding, type Lang } from '../io/lang.ts';
import { jsonSafeText, printable } from '../io/terminal-text.ts';
import type { ChunkSink } from '../io/write-chunks.ts';
import { onStdoutError } from '../io/system-error.ts';

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, findings: 1, cannotRun: 2 } as const;

/**
 * Where a command writes: stdout for results, stderr for progress and problems. Every line goes
 * through `printable` and every JSON document through `jsonSafeText` (io/terminal-text.ts) on its
 * way out, so no text from a file or a file name drives the terminal (issue 18).
 */
export interface Io {
  /** One line of text to stdout. */
  out(line: string): void;
  /** One line of text to stderr. */
  err(line: string): void;
  /** A JSON document to stdout: two-space indentation, controls escaped (`jsonSafeText`), then a newline. */
  json(value: unknown): void;
  /** Prints the findings that stopped the command and returns exit code 2. */
  failed(findings: Finding[], lang: Lang): number;
  missing(paths: string[], lang: Lang): number;
  noFiles(lang: Lang): number;
  /** True when stderr is a terminal (progress bar instead of periodic lines). */
  isTty: boolean;
  /** The stream behind `out`, for long outputs written chunk by chunk (`consolidate --json -`); the writer makes them safe (`jsonSafeChunks`). */
  stdout: ChunkSink;
}

let pipeGuarded = false;

/**
 * Stops quietly when the reader of stdout/stderr goes away (`cchc check … | head`): an EPIPE
 * ends the process with the exit code already set instead of crashing with a stack trace; other
 * system errors of stdout are explained (see `onStdoutError`). Installs its listeners once.
 */
export function guardBrokenPipes(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  process.stdout.on('error', onStdoutError);
  process.stderr.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw error;
  });
}

/** The process's own stdout/stderr (a closed pipe ends the process quietly). */
export function processIo(): Io {
  guardBrokenPipes();
  const io: Io = {
    out: (line) => process.stdout.write(`${printable(line)}\n`),
    err: (line) => process.stderr.write(`${printable(line)}\n`),
    json: (value) => process.stdout.write(`${jsonSafeText(JSON.stringify(value, null, 2))}\n`),
    failed(findings, lang) {
      for (const finding of findings) io.err(formatFinding(finding, lang));
      return EXIT.cannotRun;
    },
    missing(paths, lang) {
      for (const path of paths) io.err(lang === 'vi' ? `Không tìm thấy: ${path}` : `Not found: ${path}`);
      return EXIT.cannotRun;
    },
    noFiles(lang) {
      io.err(lang === 'vi' ? 'Không có tệp báo cáo nào (.xlsx, .xls, .ods) để đọc.' : 'No report files (.xlsx, .xls, .ods) to read.');
      return EXIT.cannotRun;
    },
    isTty: Boolean(process.stderr.isTTY),
    stdout: process.stdout,
  };
  return io;
}
