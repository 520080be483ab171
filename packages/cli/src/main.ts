/**
 * The `cchc` script: what `bin/cchc.js` runs, built to `dist/main.js`. It sets the process up
 * (`prepareProcess`) and runs the command line (program.ts) with the process's arguments. The
 * command line itself is exported by program.ts and the package index.
 */
import { main, prepareProcess } from './program.ts';

prepareProcess();
process.exitCode = await main(process.argv.slice(2));
