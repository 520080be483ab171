import { dirname } from 'node:path';
import type { Message } from '@cchc-kpi/core';
import { writeFileAtomic, type AtomicData } from '../io/atomic-write.ts';
import type { Lang } from '../io/lang.ts';
import { describeSystemError } from '../io/system-error.ts';
import { createProgress, type Progress } from '../progress.ts';

/**
 * Writing the outputs of `cchc consolidate`, one after the other, saying what is being written
 * (issue p1 K) and keeping account of what is already in place (issue p1 E): when a write fails
 * or Ctrl-C comes, the command says which outputs were written and which were not.
 */

/** What an output is, for the lines that announce it. */
export type OutputKind = 'workbook' | 'json' | 'csv' | 'csv-findings' | 'html' | 'docx' | 'feedback' | 'json-stdout';

/** One output file the command will write (or `-`, stdout, for `json-stdout`). */
export interface PlannedOutput {
  path: string;
  kind: OutputKind;
}

const KIND: Record<OutputKind, Message> = {
  workbook: { vi: 'sổ tổng hợp', en: 'the consolidated workbook' },
  json: { vi: 'tệp JSON', en: 'the JSON file' },
  csv: { vi: 'bảng CSV', en: 'the CSV table' },
  'csv-findings': { vi: 'danh sách lỗi, cảnh báo (CSV)', en: 'the findings CSV' },
  html: { vi: 'báo cáo HTML', en: 'the HTML report' },
  docx: { vi: 'báo cáo Word', en: 'the Word report' },
  feedback: { vi: 'phiếu phản hồi', en: 'feedback workbooks' },
  'json-stdout': { vi: 'JSON ra đầu ra chuẩn (stdout)', en: 'the JSON to stdout' },
};

/** How the writer speaks: as the reading progress does (stderr, a bar on a terminal, nothing with `--quiet`). */
export interface OutputWriterOptions {
  quiet: boolean;
  isTty: boolean;
  lang: Lang;
  /** One line to stderr. */
  err(line: string): void;
  /** The stream of the terminal bar (default `process.stderr`). */
  stream?: NodeJS.WritableStream;
  /** Writes one file atomically (default `writeFileAtomic`); tests put a failing one in. */
  writeFile?: (path: string, data: AtomicData, signal?: AbortSignal) => Promise<void>;
  /** Once aborted (Ctrl-C), no further output is started, and the one being written does not land. */
  signal?: AbortSignal;
}

/** A write that failed part-way: which output, why, what is in place and what is not. */
export class OutputsIncomplete extends Error {
  constructor(
    readonly failed: PlannedOutput,
    override readonly cause: unknown,
    readonly written: readonly PlannedOutput[],
    readonly notWritten: readonly PlannedOutput[],
  ) {
    super(`writing ${failed.path} failed`);
    this.name = 'OutputsIncomplete';
  }
}

/** The outputs' writer of one run. */
export interface OutputWriter {
  /**
   * Announces `output` (one line, or a progress line for feedback workbooks), makes its data and
   * writes it atomically, then counts it as written.
   * @throws OutputsIncomplete when making or writing it fails, with what is and is not in place.
   */
  write(output: PlannedOutput, data: () => AtomicData | Promise<AtomicData>): Promise<void>;
  /** Announces an output written elsewhere than a file (`--json -`), and runs it. */
  stream(output: PlannedOutput, run: () => Promise<void>): Promise<void>;
  /** The outputs in place, in the order written. */
  written(): PlannedOutput[];
  /** The planned outputs not yet in place. */
  notWritten(): PlannedOutput[];
  /** Ends any progress bar (safe to call twice). */
  stop(): void;
}

/**
 * A writer for `planned`, the outputs in the order they will be written. Before each file it
 * prints `Ghi sổ tổng hợp: out/a.xlsx…` (or, for the feedback workbooks, one progress line as
 * the reading does: a bar on a terminal, a line every 10 % or 5 s otherwise); nothing with
 * `quiet`.
 */
export function createOutputWriter(planned: readonly PlannedOutput[], options: OutputWriterOptions): OutputWriter {
  const { lang } = options;
  const write = options.writeFile ?? writeFileAtomic;
  const done: PlannedOutput[] = [];
  const key = (o: PlannedOutput): string => `${o.kind}\u0000${o.path}`;
  const doneSet = new Set<string>();
  let feedback: Progress | null = null;
  const announce = (output: PlannedOutput): void => {
    if (output.kind === 'feedback') {
      feedback ??= createProgress({
        total: planned.filter((p) => p.kind === 'feedback').length,
        quiet: options.quiet,
        isTty: options.isTty,
        lang,
        err: options.err,
        label: { vi: 'Ghi phiếu phản hồi', en: 'Writing feedback workbooks' },
        ...(options.stream ? { stream: options.stream } : {}),
      });
      return;
    }
    feedback?.stop();
    if (options.quiet) return;
    const where = output.kind === 'json-stdout' ? '' : `: ${output.path}`;
    options.err(lang === 'vi' ? `Ghi ${KIND[output.kind].vi}${where}…` : `Writing ${KIND[output.kind].en}${where}…`);
  };
  const writer: OutputWriter = {
    async write(output, data) {
      if (options.signal?.aborted) throw new OutputsIncomplete(output, options.signal.reason, [...done], writer.notWritten());
      announce(output);
      try {
        await write(output.path, await data(), options.signal);
      } catch (error) {
        writer.stop();
        throw new OutputsIncomplete(output, error, [...done], writer.notWritten());
      }
      done.push(output);
      doneSet.add(key(output));
      if (output.kind === 'feedback') feedback?.tick(output.path);
    },
    async stream(output, run) {
      announce(output);
      await run();
      done.push(output);
      doneSet.add(key(output));
    },
    written: () => [...done],
    notWritten: () => planned.filter((p) => !doneSet.has(key(p))),
    stop() {
      feedback?.stop();
    },
  };
  return writer;
}

/**
 * The outputs as a list for a message: files by path, the feedback workbooks counted per folder —
 * `out/a.xlsx, out/a.json, 15 phiếu phản hồi trong out/phan-hoi`; `không có` / `none` when empty.
 */
export function outputsText(outputs: readonly PlannedOutput[], lang: Lang): string {
  const parts: string[] = [];
  const feedback = new Map<string, number>();
  for (const output of outputs) {
    if (output.kind === 'json-stdout') continue;
    if (output.kind === 'feedback') feedback.set(dirname(output.path), (feedback.get(dirname(output.path)) ?? 0) + 1);
    else parts.push(output.path);
  }
  for (const [dir, count] of feedback) parts.push(lang === 'vi' ? `${count} phiếu phản hồi trong ${dir}` : `${count} feedback workbook${count === 1 ? '' : 's'} in ${dir}`);
  if (parts.length === 0) return lang === 'vi' ? 'không có' : 'none';
  return parts.join(', ');
}

/**
 * What to say when an output could not be written after others were: why (the CLI's wording of
 * the system error, io/system-error.ts), which outputs are in place and which are not, and that
 * a rerun needs `--force` to replace those in place.
 */
export function incompleteText(error: OutputsIncomplete, lang: Lang): string {
  const why = describeSystemError(error.cause, 'write', error.failed.path);
  const head = why ? why[lang] : lang === 'vi' ? `Không ghi được ${error.failed.path}.` : `Could not write ${error.failed.path}.`;
  const written = outputsText(error.written, lang);
  const missing = outputsText(error.notWritten, lang);
  const again = error.written.some((o) => o.kind !== 'json-stdout');
  return lang === 'vi'
    ? `${head} Đã ghi: ${written}. Chưa ghi: ${missing}.${again ? ' Sau khi sửa, chạy lại lệnh với --force để ghi đè các tệp đã ghi.' : ''}`
    : `${head} Written: ${written}. Not written: ${missing}.${again ? ' Once it is fixed, run the command again with --force to overwrite the files written.' : ''}`;
}
