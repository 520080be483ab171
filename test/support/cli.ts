import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root (test/ is one level below it). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** `../shared` beside the repository (tools, corpus), or `$CCHC_SHARED_DIR` for a checkout elsewhere (a git worktree). */
export const sharedDir = process.env.CCHC_SHARED_DIR ?? resolve(repoRoot, '../shared');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The `cchc` command as installed: bin/cchc.js, which runs the build (`pnpm test` builds first). */
export const CLI_BIN = resolve(repoRoot, 'packages/cli/bin/cchc.js');

/** Runs the real `cchc` command (the built CLI, through bin/cchc.js) in a child process. */
export function runCli(args: string[], cwd = repoRoot): CliRun {
  const result = spawnSync(process.execPath, [CLI_BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A run measured by the child process itself. */
export interface MeasuredRun extends CliRun {
  /** The child's own peak resident set size, in MiB (`process.resourceUsage().maxRSS`). */
  peakRssMiB: number;
  /** Wall-clock seconds from spawn to exit. */
  seconds: number;
}

/**
 * Runs `cchc` as {@link runCli} does, with a preloaded module that makes the child report its
 * own peak RSS when it exits (support/peak-rss.mjs). Throws when the child reported nothing (it
 * was killed, or crashed before exiting normally).
 */
export function runCliMeasured(args: string[], cwd = repoRoot): MeasuredRun {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-rss-'));
  const report = join(dir, 'peak-rss');
  try {
    const started = performance.now();
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--import', pathToFileURL(resolve(repoRoot, 'test/support/peak-rss.mjs')).href, resolve(repoRoot, 'packages/cli/src/main.ts'), ...args],
      { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', CCHC_PEAK_RSS_FILE: report }, timeout: 120_000 },
    );
    const seconds = (performance.now() - started) / 1000;
    let kib: number;
    try {
      kib = Number(readFileSync(report, 'utf8'));
    } catch {
      throw new Error(`the child reported no peak RSS (status ${result.status}, signal ${result.signal}): ${result.stderr}`);
    }
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, peakRssMiB: kib / 1024, seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
