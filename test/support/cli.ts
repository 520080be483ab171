import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (test/ is one level below it). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** `../shared` beside the repository (tools, corpus), or `$CCHC_SHARED_DIR` for a checkout elsewhere (a git worktree). */
export const sharedDir = process.env.CCHC_SHARED_DIR ?? resolve(repoRoot, '../shared');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `cchc` command (TypeScript sources through tsx) in a child process. */
export function runCli(args: string[], cwd = repoRoot): CliRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', resolve(repoRoot, 'packages/cli/src/main.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
