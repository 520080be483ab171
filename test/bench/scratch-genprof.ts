import { rmSync } from 'node:fs';
import { ensureReports } from './generate.ts';
rmSync('/tmp/cchc-gen-prof', { recursive: true, force: true });
const t = performance.now();
const s = await ensureReports('/tmp/cchc-gen-prof', 500);
console.log('total', ((performance.now() - t) / 1000).toFixed(1), 's', s.seconds);
