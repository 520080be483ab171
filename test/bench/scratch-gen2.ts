import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureReports } from './generate.ts';
for (const n of [1000, 10000]) { const s = await ensureReports(join(tmpdir(), 'cchc-bench'), n, console.log); console.log(n, s.seconds); }
