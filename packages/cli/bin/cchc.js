#!/usr/bin/env node
// The installed `cchc` command. With an up-to-date bundle of the command line in the cache
// (src/bundle/), it runs that plain-JavaScript file directly, without loading tsx at all.
// Otherwise it registers tsx and runs src/bundle/launch.ts, which builds the bundle (used from
// the next run on) or falls back to the TypeScript sources. CCHC_MAIN_BUNDLE=0 runs the sources.
import { pathToFileURL } from 'node:url';
import { MAIN_ENTRY, bundleCacheDir, freshBundle } from '../src/bundle/cache.mjs';

async function cachedProgram() {
  if (process.env.CCHC_MAIN_BUNDLE === '0') return null;
  const bundle = freshBundle(bundleCacheDir('main', MAIN_ENTRY));
  if (bundle === null) return null;
  try {
    return await import(pathToFileURL(bundle).href);
  } catch {
    return null;
  }
}

const cached = await cachedProgram();
if (cached) {
  cached.prepareProcess();
  process.exitCode = await cached.main(process.argv);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { runCli } = await import('../src/bundle/launch.ts');
  process.exitCode = await runCli(process.argv);
}
