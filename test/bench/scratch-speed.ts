import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const req = createRequire(new URL('../../packages/xlsx/package.json', import.meta.url));
const { unzipSync } = req('fflate');
const { SaxesParser } = req('saxes');
import { hatinh2021, parsePeriod } from '@cchc-kpi/core';
import { readGrid } from '@cchc-kpi/xlsx';
import { processFile } from '@cchc-kpi/cli';
const bytes = new Uint8Array(readFileSync('/tmp/one.xlsx'));
const period = parsePeriod('2021-H1', { deadlineDaysAfterCutoff: 6 });
if (!period.ok) throw 0;
const units = [{ code: 'CQ00001', name: 'Cơ quan thử 1', kind: 'agency' as const, order: 100 }];
function floor(b: Uint8Array): number {
  const files = unzipSync(b, { filter: (f: any) => (f.name.startsWith('xl/worksheets/') && f.name.endsWith('.xml')) || f.name === 'xl/sharedStrings.xml' });
  let n = 0;
  for (const data of Object.values(files) as Uint8Array[]) {
    const p = new SaxesParser();
    p.on('opentag', () => { n++; });
    p.on('text', () => { n++; });
    p.write(new TextDecoder().decode(data)).close();
  }
  return n;
}
function bench(name: string, f: () => unknown, iters = 300) {
  for (let i = 0; i < 50; i++) f();
  const t = performance.now();
  for (let i = 0; i < iters; i++) f();
  console.log(name, ((performance.now() - t) / iters).toFixed(3), 'ms');
}
bench('floor', () => floor(bytes));
bench('readGrid', () => readGrid(bytes));
const ctx = { plan: hatinh2021, units };
let t = performance.now();
for (let i = 0; i < 50; i++) await processFile('/tmp/one.xlsx', ctx, period.value);
t = performance.now();
for (let i = 0; i < 300; i++) await processFile('/tmp/one.xlsx', ctx, period.value);
console.log('processFile', ((performance.now() - t) / 300).toFixed(3), 'ms');
