import { removePendingTempFiles } from '../io/atomic-write.ts';
import { exitAfterFlush } from '../io/exit.ts';
import type { Lang } from '../io/lang.ts';
import { outputsText, type OutputWriter } from './output-writer.ts';

/**
 * Ctrl-C during `cchc consolidate`, handled by one listener from the start of the reading to the
 * end of the writing, so that no moment is left without it.
 * - While reading: say so at once, stop starting files and abort the reading (the command then
 *   writes nothing, says so and exits 130).
 * - While writing: outputs already renamed into place are whole and are listed; the temporary
 *   file of the one being written is removed; the outputs not written are listed; exit 130.
 * - `pnpm exec`, `npm exec` and other runners pass the terminal's Ctrl-C on to the command, which
 *   then gets it twice at once (issue p1 L): a second signal within {@link REPEAT_MS} is the same
 *   request. A later one ends the run at once, after its closing line.
 * Every exit waits until stderr has taken the closing line (io/exit.ts).
 */

/** Signals this close together are one Ctrl-C passed on twice. */
export const REPEAT_MS = 1000;

export interface Interruption {
  /** Aborted at the first Ctrl-C. */
  readonly signal: AbortSignal;
  /** From now on a Ctrl-C stops the writing; `writer` knows what is in place. */
  writing(writer: OutputWriter): void;
  /** Prints, once, the closing line of a run stopped while reading. */
  closeReading(): void;
  /** True once the command is ending on a Ctrl-C: the caller prints nothing more. */
  readonly ending: boolean;
  /** Removes the listener. */
  dispose(): void;
}

/** The lines printed on Ctrl-C. */
function lines(lang: Lang): { stopping: string; stoppedReading: string } {
  return lang === 'vi'
    ? { stopping: 'Đang dừng theo yêu cầu (Ctrl-C)…', stoppedReading: 'Đã dừng theo yêu cầu; không ghi tệp kết quả nào.' }
    : { stopping: 'Stopping on request (Ctrl-C)…', stoppedReading: 'Stopped on request; no output written.' };
}

/** The closing line of a run stopped while writing: no partial file, what is in place, what is not. */
export function stoppedWritingText(writer: OutputWriter, lang: Lang): string {
  const written = outputsText(writer.written(), lang);
  const missing = outputsText(writer.notWritten(), lang);
  return lang === 'vi'
    ? `Đã dừng theo yêu cầu trong khi ghi; không để lại tệp ghi dở. Đã ghi xong: ${written}. Chưa ghi: ${missing}.`
    : `Stopped on request while writing; no partial file left. Written: ${written}. Not written: ${missing}.`;
}

/** Installs the SIGINT listener of one run. `err` prints one line on stderr; `now` is the clock (ms). */
export function handleInterrupts(err: (line: string) => void, lang: Lang, now: () => number = Date.now): Interruption {
  const stop = new AbortController();
  const text = lines(lang);
  let writer: OutputWriter | null = null;
  let first: number | null = null;
  let closed = false;
  let ending = false;
  const closeReading = (): void => {
    if (closed) return;
    closed = true;
    err(text.stoppedReading);
  };
  const onInterrupt = (): void => {
    process.exitCode = 130;
    const t = now();
    const repeated = first !== null && t - first < REPEAT_MS;
    if (first === null) first = t;
    if (writer) {
      if (ending && repeated) return;
      const wasEnding = ending;
      ending = true;
      stop.abort();
      removePendingTempFiles();
      if (!wasEnding) err(stoppedWritingText(writer, lang));
      exitAfterFlush(130, removePendingTempFiles, wasEnding ? 0 : undefined);
      return;
    }
    if (!stop.signal.aborted) {
      err(text.stopping);
      stop.abort();
      return;
    }
    if (repeated) return;
    // A second Ctrl-C, later: end now, after the closing line.
    ending = true;
    closeReading();
    exitAfterFlush(130);
  };
  process.on('SIGINT', onInterrupt);
  return {
    signal: stop.signal,
    writing(w) {
      writer = w;
      first = null;
    },
    closeReading,
    get ending() {
      return ending;
    },
    dispose() {
      process.removeListener('SIGINT', onInterrupt);
    },
  };
}
