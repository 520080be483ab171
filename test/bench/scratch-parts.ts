import { readFileSync } from 'node:fs';
import { serialize, deserialize } from 'node:v8';
import { checkReport, createConsolidator, hatinh2021, hatinhCity2020, parsePeriod, readTemplateReport } from '@cchc-kpi/core';
import { readGrid } from '@cchc-kpi/xlsx';
import { processFile } from '@cchc-kpi/cli';
const bytes = new Uint8Array(readFileSync('/tmp/one.xlsx'));
const period = parsePeriod('2021-H1', { deadlineDaysAfterCutoff: 6 });
if (!period.ok) throw 0;
const units = [...hatinhCity2020.units, { code: 'CQ00001', name: 'Cơ quan thử 1', kind: 'agency' as const, order: 100 }];
function bench(name: string, f: () => unknown, iters = 500) {
  for (let i = 0; i < 100; i++) f();
  const t = performance.now();
  for (let i = 0; i < iters; i++) f();
  console.log(name.padEnd(30), ((performance.now() - t) / iters).toFixed(3), 'ms');
}
const grid = readGrid(bytes); if (!grid.ok) throw 0;
bench('readGrid', () => readGrid(bytes));
const rep = readTemplateReport(grid.value, hatinh2021, { file: 'x' }); if (!rep.ok) throw 0;
bench('readTemplateReport', () => readTemplateReport(grid.value, hatinh2021, { file: 'x' }));
const ctx = { plan: hatinh2021, units, period: period.value, file: 'x' };
bench('checkReport', () => checkReport(rep.value, ctx));
const outcome = await processFile('/tmp/one.xlsx', { plan: hatinh2021, units }, period.value);
console.log('findings', outcome.findings.length, outcome.findings.slice(0, 5).map((f) => f.code));
bench('serialize+deserialize', () => deserialize(serialize(outcome)));
console.log('serialized bytes', serialize(outcome).length);
bench('structuredClone', () => structuredClone(outcome));
const c = createConsolidator({ plan: hatinh2021, units, period: period.value });
bench('consolidator.add', () => c.add(outcome.checked!, outcome.file), 2000);
