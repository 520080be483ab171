import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hatinh2021, hatinhCity2020, parsePeriod, parseUnitsCsv, mergeUnits } from '@cchc-kpi/core';
import { processFile } from '@cchc-kpi/cli';
const D = '/tmp/cchc-bench-try';
const period = parsePeriod('2021-H1', { deadlineDaysAfterCutoff: 6 });
if (!period.ok) throw 0;
const extra = parseUnitsCsv(readFileSync(join(D, 'units-1000.csv'), 'utf8')); if (!extra.ok) throw 0;
const merged = mergeUnits(hatinhCity2020, extra.value); if (!merged.ok) throw 0;
const ctx = { plan: hatinh2021, units: merged.value.units };
const files = readdirSync(join(D, 'reports-1000')).map((f) => join(D, 'reports-1000', f));
const reps = Number(process.argv[2] ?? 2);
for (let r = 0; r < reps; r++) {
  const t = performance.now();
  for (const f of files) await processFile(f, ctx, period.value);
  console.log('pass', r, ((performance.now() - t) / files.length).toFixed(2), 'ms/file');
}
