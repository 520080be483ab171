#!/usr/bin/env node
/**
 * The `cchc` script as run from the sources: `node --import tsx packages/cli/src/main.ts …`
 * (the tests, the benchmark) or `tsx packages/cli/src/main.ts …`. It runs the command line
 * (program.ts) from a cached single-file bundle when one can be used, else from the sources
 * (see bundle/launch.ts). The command line itself is exported by program.ts and index.ts.
 */
import { runCli } from './bundle/launch.ts';

const invokedDirectly = process.argv[1] !== undefined && /[\\/]main\.(ts|js)$/.test(process.argv[1]);
if (invokedDirectly) process.exitCode = await runCli(process.argv);
