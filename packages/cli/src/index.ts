/**
 * The `cchc` command line as a library: {@link main} runs it with the arguments a user types after
 * `cchc` and returns the exit code. Everything else in this package is the command's own
 * machinery; the domain and the workbook readers and writers are `@cchc-kpi/core` and
 * `@cchc-kpi/xlsx`.
 *
 * @module @cchc-kpi/cli
 */
export { main } from './program.ts';
