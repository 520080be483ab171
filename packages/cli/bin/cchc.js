#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so the workspace needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main, prepareProcess } = await import('../src/main.ts');
prepareProcess();
process.exitCode = await main(process.argv);
