/** @cchc-kpi/cli — the `cchc` command line, also usable programmatically. */
export { main, buildProgram } from './main.ts';
export { processFile, type FileOutcome } from './pipeline.ts';
