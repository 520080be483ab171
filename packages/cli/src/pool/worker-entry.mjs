// Worker bootstrap for the read pool when the workers' bundle (worker-bundle.ts) cannot be used,
// in plain JavaScript so it starts under any loader. The task handler lives in worker.ts. Workers
// inherit the parent's `--import tsx` (pnpm cchc, the tests) but on Node 20 tsx does not register
// itself in worker threads, and with bin/cchc.js (tsx registered by API) there is no flag at all:
// either way the first import fails with ERR_UNKNOWN_FILE_EXTENSION, and tsx is registered here
// before trying again. (Where tsx does work in workers, the first import simply succeeds.) A
// build that ships worker.js instead needs neither.
import { existsSync } from 'node:fs';

const source = new URL('./worker.ts', import.meta.url);
const entry = existsSync(source) ? source.href : new URL('./worker.js', import.meta.url).href;

async function load() {
  try {
    return (await import(entry)).default;
  } catch (error) {
    if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
    const { register } = await import('tsx/esm/api');
    register();
    // A new URL: the failed import above stays cached under the old one.
    return (await import(`${entry}?tsx`)).default;
  }
}

const handler = load();
// A load failure surfaces on the first task, not as an unhandled rejection.
handler.catch(() => undefined);

/** Runs one task with worker.ts's handler. */
export default async function run(task) {
  return (await handler)(task);
}
