import { ensureReports } from './generate.ts';
const t = performance.now();
const set = await ensureReports(process.argv[2]!, Number(process.argv[3] ?? 200), console.log);
console.log(set, ((performance.now() - t) / 1000).toFixed(1));
