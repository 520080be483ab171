/**
 * Start-up of the `cchc` command as an officer meets it: `cchc --version`, `cchc --help` and
 * `cchc check` of one filled report (the example's Trần Phú, 18070-2021-H1.xlsx), each run as
 * `node packages/cli/bin/cchc.js …` (what `pnpm exec cchc` runs), wall time from spawn to exit,
 * one unmeasured run then ten measured ones; the median is the figure, min and max show how noisy
 * the machine was.
 *
 * `BEFORE` holds the same measurement of the command before it ran its build (main at 59a9b9c:
 * a run-time esbuild bundle cached in node_modules/.cache, its freshness checked at each start),
 * taken on this machine class (2 cores, Node 20.20.2) with the cache warm; with a cold or stale
 * cache (a fresh clone, or the first run after an edit) the same commands took 0.7 s and 3.5–4 s.
 */
import { spawnSync } from 'node:child_process';

/** Median, min and max of a list of seconds. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** One measured command. */
export interface StartupCase {
  label: string;
  /** Arguments after the entry script; `REPORT` stands for the report file. */
  args: string[];
  /** Target: the median must be under this many seconds (issue 15). */
  target: number;
  before: Spread;
}

export const REPORT = '<report>';

export const STARTUP_CASES: readonly StartupCase[] = [
  { label: 'cchc --version', args: ['--version'], target: 0.3, before: { median: 0.208, min: 0.205, max: 0.257 } },
  { label: 'cchc --help', args: ['--help'], target: 0.3, before: { median: 0.231, min: 0.215, max: 0.306 } },
  { label: 'cchc check (one report)', args: ['check', REPORT], target: 0.4, before: { median: 0.416, min: 0.392, max: 0.478 } },
];

export function spread(seconds: readonly number[]): Spread {
  const sorted = [...seconds].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number };
}

/**
 * Runs each case `runs` times after one unmeasured run, from `cwd`, with `entry` (the CLI's bin)
 * and `report` in place of {@link REPORT}. Throws when a run exits with another code than the
 * first one's or than 0/1 (`check` exits 1 on a report with errors, 0 otherwise).
 */
export function measureStartup(entry: string, report: string, cwd: string, runs = 10): { case: StartupCase; after: Spread }[] {
  return STARTUP_CASES.map((c) => {
    const args = [entry, ...c.args.map((a) => (a === REPORT ? report : a))];
    const once = (): number => {
      const started = performance.now();
      const run = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
      const seconds = (performance.now() - started) / 1000;
      if (run.status !== 0 && run.status !== 1) throw new Error(`${c.label} exited ${run.status}: ${run.stderr.toString()}`);
      return seconds;
    };
    once();
    return { case: c, after: spread(Array.from({ length: runs }, once)) };
  });
}

/** The Markdown table of {@link measureStartup}'s results: before, after, target and verdict. */
export function startupTable(rows: readonly { case: StartupCase; after: Spread }[]): string[] {
  const s = (x: number): string => x.toFixed(3);
  const lines = [
    '| command | before: median (min–max) | now: median (min–max) | target | |',
    '|---|---:|---:|---:|---|',
  ];
  for (const { case: c, after } of rows) {
    const met = after.median < c.target;
    lines.push(`| \`${c.label}\` | ${s(c.before.median)} s (${s(c.before.min)}–${s(c.before.max)}) | ${s(after.median)} s (${s(after.min)}–${s(after.max)}) | < ${c.target} s | ${met ? 'met' : 'NOT met'} |`);
  }
  return lines;
}
