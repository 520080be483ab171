import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runFloor } from './floor.ts';
const dir = '/tmp/cchc-bench-try/reports-1000';
const files = readdirSync(dir).map((f) => join(dir, f));
for (let i = 0; i < 3; i++) { const r = runFloor(files); console.log((r.seconds * 1000 / files.length).toFixed(2), 'ms/file', r.nodes); }
