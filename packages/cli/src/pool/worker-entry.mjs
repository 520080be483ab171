// Worker bootstrap for the read pool, in plain JavaScript so a worker can start whatever loader
// its parent had. The task handler lives in worker.ts. When the parent runs the TypeScript
// sources through `node --import tsx` (pnpm cchc, the tests), workers inherit that flag and
// import worker.ts directly; when the parent registered tsx by API (bin/cchc.js), workers do not
// inherit it (nor does tsx register itself in worker threads on Node 20, even when they
// inherit --import tsx), so the import fails with ERR_UNKNOWN_FILE_EXTENSION and tsx is registered here
// before trying again. A build that ships worker.js instead needs neither.
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
