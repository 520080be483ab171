/**
 * Runs a command and measures it: wall time, peak resident memory of the process (worker threads
 * included — they are threads of the same process), and, from /proc sampled every 50 ms, the
 * peak before and after a marker line on stderr (for `cchc consolidate`, the last progress line:
 * reading vs. consolidating and writing). Peak RSS comes from GNU time (`/usr/bin/time -f %M`)
 * when it is installed, else from the sampled VmHWM.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What {@link measure} found. */
export interface Measurement {
  status: number | null;
  stdout: string;
  stderr: string;
  wallSeconds: number;
  /** Peak resident set size of the measured process, KiB. */
  peakRssKiB: number;
  /** How the peak was measured. */
  peakSource: 'GNU time' | '/proc VmHWM';
  /** Peak RSS sampled before the marker line appeared on stderr, KiB (null without /proc or marker). */
  peakBeforeMarkerKiB: number | null;
  /** Peak RSS sampled after it, KiB. */
  peakAfterMarkerKiB: number | null;
  /** Seconds from the start until the marker line. */
  markerSeconds: number | null;
}

const GNU_TIME = '/usr/bin/time';

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

function childPid(pid: number): number | null {
  try {
    const first = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/)[0];
    return first ? Number(first) : null;
  } catch {
    return null;
  }
}

/**
 * Runs `command args` in `cwd` and measures it (see the module comment).
 * @param marker a pattern that, once seen on stderr, splits the run in two phases.
 */
export function measure(command: string, args: readonly string[], options: { cwd: string; marker?: RegExp; env?: NodeJS.ProcessEnv }): Promise<Measurement> {
  const useTime = existsSync(GNU_TIME);
  const timeFile = join(tmpdir(), `cchc-bench-time-${process.pid}-${Date.now()}.txt`);
  const argv = useTime ? [GNU_TIME, '-f', '%M', '-o', timeFile, command, ...args] : [command, ...args];
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(argv[0] as string, argv.slice(1), { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let markerAt: number | null = null;
    let before = 0;
    let after = 0;
    let hwm = 0;
    let target: number | null = useTime ? null : (child.pid ?? null);
    const sample = (): void => {
      if (target === null && child.pid !== undefined) target = childPid(child.pid);
      if (target === null) return;
      const rss = statusField(target, 'VmRSS');
      const high = statusField(target, 'VmHWM');
      if (high !== null) hwm = Math.max(hwm, high);
      if (rss === null) return;
      if (markerAt === null) before = Math.max(before, rss);
      else after = Math.max(after, rss);
    };
    const timer = setInterval(sample, 50);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      if (markerAt === null && options.marker?.test(stderr)) {
        sample();
        markerAt = performance.now();
      }
    });
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearInterval(timer);
      const wallSeconds = (performance.now() - started) / 1000;
      let peakRssKiB = hwm;
      let peakSource: Measurement['peakSource'] = '/proc VmHWM';
      if (useTime && existsSync(timeFile)) {
        const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
        const kib = Number(lines[lines.length - 1]);
        if (Number.isFinite(kib) && kib > 0) {
          peakRssKiB = kib;
          peakSource = 'GNU time';
        }
        rmSync(timeFile, { force: true });
      }
      const sampled = before > 0;
      resolvePromise({
        status,
        stdout,
        stderr,
        wallSeconds,
        peakRssKiB,
        peakSource,
        peakBeforeMarkerKiB: sampled ? before : null,
        peakAfterMarkerKiB: sampled && markerAt !== null ? after : null,
        markerSeconds: markerAt === null ? null : (markerAt - started) / 1000,
      });
    });
  });
}
