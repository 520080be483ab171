import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConsolidator, hatinh2021, hatinhCity2020, mergeUnits, parsePeriod, parseUnitsCsv } from '@cchc-kpi/core';
import { createReadPool } from './read-pool.ts';
import { readAll } from '../consolidate/read-all.ts';
const D = '/tmp/cchc-bench';
const period = parsePeriod('2021-H1', { deadlineDaysAfterCutoff: 6 }); if (!period.ok) throw 0;
const extra = parseUnitsCsv(readFileSync(join(D, 'units-1000.csv'), 'utf8')); if (!extra.ok) throw 0;
const merged = mergeUnits(hatinhCity2020, extra.value); if (!merged.ok) throw 0;
const context = { plan: hatinh2021, units: merged.value.units };
const files = readdirSync(join(D, 'reports-1000')).map((f) => join(D, 'reports-1000', f));
const workers = Number(process.argv[2] ?? 2);
const pool = await createReadPool({ context, period: period.value, workers });
await Promise.all(files.slice(0, 50).map((f) => pool.read(f)));
for (let r = 0; r < 2; r++) {
  const c0 = process.cpuUsage(); const t0 = performance.now();
  const consolidator = createConsolidator({ plan: hatinh2021, units: context.units, period: period.value });
  await readAll(files, { pool, consolidator, progress: { tick() {}, stop() {} } });
  const c = process.cpuUsage(c0); const t = performance.now() - t0;
  console.log(`workers=${workers} young=${process.env.CCHC_YOUNG ?? 'def'} wall ${(t / files.length).toFixed(2)} ms/file, cpu ${((c.user + c.system) / 1000 / files.length).toFixed(2)} ms/file`);
}
await pool.destroy();
