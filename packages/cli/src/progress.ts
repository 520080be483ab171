import cliProgress from 'cli-progress';
import type { Lang } from './io/lang.ts';

/** Progress of a batch on stderr: a bar with count, rate and ETA on a terminal, plain periodic lines otherwise. */
export interface Progress {
  tick(file: string): void;
  stop(): void;
}

export interface ProgressOptions {
  total: number;
  quiet: boolean;
  isTty: boolean;
  lang: Lang;
  /** Writes one line to stderr (non-TTY mode). */
  err(line: string): void;
  /** Non-TTY mode prints a line at least every this many files (and at 100%). */
  every?: number;
}

/** Creates the progress display for `total` files; a no-op when quiet. */
export function createProgress(options: ProgressOptions): Progress {
  if (options.quiet || options.total === 0) return { tick: () => undefined, stop: () => undefined };
  const label = options.lang === 'vi' ? 'Đọc báo cáo' : 'Reading reports';
  if (options.isTty) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {value}/{total} | {rate} tệp/s | ETA {eta_formatted}`, hideCursor: true, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    const started = performance.now();
    let done = 0;
    bar.start(options.total, 0, { rate: '0' });
    return {
      tick() {
        done += 1;
        const seconds = (performance.now() - started) / 1000;
        bar.update(done, { rate: seconds > 0 ? (done / seconds).toFixed(1) : '0' });
      },
      stop: () => bar.stop(),
    };
  }
  const every = options.every ?? Math.max(1, Math.ceil(options.total / 10));
  let done = 0;
  return {
    tick(file) {
      done += 1;
      if (done % every === 0 || done === options.total) options.err(`${label}: ${done}/${options.total} (${file})`);
    },
    stop: () => undefined,
  };
}
