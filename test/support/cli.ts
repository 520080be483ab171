import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (test/ is one level below it). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

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
