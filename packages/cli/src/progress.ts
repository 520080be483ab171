import cliProgress from 'cli-progress';
import { FILES_PER_SECOND, percentText } from '@cchc-kpi/core';
import type { Lang } from './io/lang.ts';
import { printable } from './io/terminal-text.ts';

/** Progress of a batch on stderr: a bar with count, rate and ETA on a terminal, plain periodic lines otherwise. */
export interface Progress {
  /** One more file done. */
  tick(file: string): void;
  /** Ends the display (restores the cursor on a terminal). Safe to call twice. */
  stop(): void;
}

export interface ProgressOptions {
  total: number;
  /** What is being done, e.g. `Ghi phiếu phản hồi` / `Writing feedback workbooks` (default: reading reports). */
  label?: { vi: string; en: string };
  quiet: boolean;
  isTty: boolean;
  lang: Lang;
  /** Writes one line to stderr (non-TTY mode); the file name in it is already made `printable`. */
  err(line: string): void;
  /** Non-TTY mode prints a line at least every this many files (default: every 10 %) and at 100 %. */
  every?: number;
  /** Non-TTY mode also prints a line when this many milliseconds passed since the last one (default 5,000). */
  intervalMs?: number;
  /** Stream of the terminal bar (default `process.stderr`). */
  stream?: NodeJS.WritableStream;
  /** Clock in milliseconds (default `performance.now`); for tests. */
  now?: () => number;
}

/** "1 234,5" style for Vietnamese, "1,234.5" for English. */
function formatRate(rate: number, lang: Lang): string {
  const digits = rate >= 100 ? 0 : 1;
  return rate.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Seconds as `m:ss` (or `h:mm:ss`). */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * Creates the progress display for `total` files; a no-op when quiet or when there is nothing
 * to read. On a terminal: a bar `[████░░] 120/1000 | 85,3 tệp/giây | còn 0:10`. Otherwise one line
 * every 10 % of the files or every 5 seconds, whichever comes first, and one at the end:
 * `Đọc báo cáo: 120/1000 (12%), 85,3 tệp/giây, còn khoảng 0:10`.
 */
export function createProgress(options: ProgressOptions): Progress {
  if (options.quiet || options.total === 0) return { tick: () => undefined, stop: () => undefined };
  const { total, lang } = options;
  const now = options.now ?? (() => performance.now());
  const vi = lang === 'vi';
  const label = options.label ? options.label[lang] : vi ? 'Đọc báo cáo' : 'Reading reports';
  const unit = vi ? FILES_PER_SECOND : 'files/s';
  const started = now();
  let done = 0;
  const rate = (): number => {
    const seconds = (now() - started) / 1000;
    return seconds > 0 ? done / seconds : 0;
  };
  const eta = (r: number): string => (r > 0 ? formatDuration((total - done) / r) : '?');

  if (options.isTty) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {value}/{total} | {rate} ${unit} | ${vi ? 'còn' : 'ETA'} {remaining}`,
        hideCursor: true,
        stream: options.stream ?? process.stderr,
        fps: 5,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { rate: '0', remaining: '?' });
    let stopped = false;
    return {
      tick() {
        done += 1;
        const r = rate();
        bar.update(done, { rate: formatRate(r, lang), remaining: eta(r) });
      },
      stop() {
        if (stopped) return;
        stopped = true;
        bar.stop();
      },
    };
  }

  const every = options.every ?? Math.max(1, Math.ceil(total / 10));
  const intervalMs = options.intervalMs ?? 5_000;
  let lastLine = started;
  return {
    tick(file) {
      done += 1;
      const t = now();
      if (done % every !== 0 && done !== total && t - lastLine < intervalMs) return;
      lastLine = t;
      const r = rate();
      const percent = Math.floor((100 * done) / total);
      const tail = done === total ? '' : vi ? `, còn khoảng ${eta(r)}` : `, about ${eta(r)} left`;
      options.err(`${label}: ${done}/${total} (${vi ? percentText(percent) : `${percent} %`}), ${formatRate(r, lang)} ${unit}${tail} — ${printable(file)}`);
    },
    stop: () => undefined,
  };
}
