import { pathToFileURL } from 'node:url';
import { mainBundle } from './main-bundle.ts';

/** What the command line's module (program.ts, or its bundle) exports for an entry script. */
export interface ProgramModule {
  main(argv: string[]): Promise<number>;
  prepareProcess(): void;
}

/**
 * Loads the command line: from its cached bundle (see main-bundle.ts) when there is one, else —
 * no bundle, or one that fails to load — from the TypeScript sources (tsx must be registered).
 */
export async function loadProgram(): Promise<ProgramModule> {
  const bundle = await mainBundle();
  if (bundle !== null) {
    try {
      return (await import(pathToFileURL(bundle).href)) as ProgramModule;
    } catch {
      // a bundle that does not load: the sources below
    }
  }
  return (await import('../program.ts')) as ProgramModule;
}

/**
 * True when `argv` (as `process.argv`) names no command, only flags (`--version`, `--help`):
 * then nothing beyond program.ts's few light modules is loaded, which is quicker from the
 * sources than parsing the whole bundle.
 */
export function namesNoCommand(argv: readonly string[]): boolean {
  return argv.slice(2).every((arg) => arg.startsWith('-'));
}

/**
 * Runs `cchc` with `argv` (as `process.argv`) after the process set-up (`prepareProcess`), from
 * the bundle or, with no command to run, from the sources (tsx must be registered); returns the
 * exit code. Errors of the command are reported by `main` itself.
 */
export async function runCli(argv: string[]): Promise<number> {
  const program = namesNoCommand(argv) ? ((await import('../program.ts')) as ProgramModule) : await loadProgram();
  program.prepareProcess();
  return program.main(argv);
}
