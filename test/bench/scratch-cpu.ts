import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReport, hatinh2021, hatinhCity2020, parsePeriod, readTemplateReport } from '@cchc-kpi/core';
import { readGrid, isConsolidatedWorkbook } from '@cchc-kpi/xlsx';
import { floorOne } from './floor.ts';
const dir = '/tmp/cchc-bench-try/reports-1000';
const all = readdirSync(dir).slice(0, 300).map((f) => new Uint8Array(readFileSync(join(dir, f))));
const period = parsePeriod('2021-H1', { deadlineDaysAfterCutoff: 6 }); if (!period.ok) throw 0;
const units = [...hatinhCity2020.units, ...Array.from({ length: 1000 }, (_, i) => ({ code: `CQ${String(i + 1).padStart(5, '0')}`, name: 'x', kind: 'agency' as const, order: 1000 + i }))];
function cpu(name: string, f: (b: Uint8Array) => unknown, rounds = 4) {
  for (const b of all.slice(0, 50)) f(b);
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const c = process.cpuUsage();
    for (const b of all) f(b);
    const d = process.cpuUsage(c);
    best = Math.min(best, (d.user + d.system) / 1000 / all.length);
  }
  console.log(name.padEnd(28), best.toFixed(3), 'ms cpu/file');
}
const which = process.argv[2] ?? 'all';
if (which === 'all' || which.includes('floor')) cpu('floor', floorOne);
if (which === 'all' || which.includes('grid')) cpu('readGrid', (b) => readGrid(b));
if (which === 'all' || which.includes('grid2')) cpu('readGrid 3 sheets', (b) => readGrid(b, { sheets: (n) => n !== 'Hướng dẫn' && n !== 'Danh mục' }));
if (which === 'all' || which.includes('marker')) cpu('isConsolidatedWorkbook', (b) => isConsolidatedWorkbook(b));
const grids = all.map((b) => { const g = readGrid(b); if (!g.ok) throw 0; return g.value; });
let gi = 0;
if (which === 'all' || which.includes('core')) {
  cpu('readTemplateReport', () => readTemplateReport(grids[gi++ % grids.length]!, hatinh2021, { file: 'x' }));
  const reps = grids.map((g) => { const r = readTemplateReport(g, hatinh2021, { file: 'x' }); if (!r.ok) throw 0; return r.value; });
  cpu('checkReport', () => checkReport(reps[gi++ % reps.length]!, { plan: hatinh2021, units, period: period.value, file: 'x' }));
}
