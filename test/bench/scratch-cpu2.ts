import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hatinh2021 } from '@cchc-kpi/core';
import { readGrid, readReport, templateSheets } from '@cchc-kpi/xlsx';
import { floorOne } from './floor.ts';
const dir = '/tmp/cchc-bench/reports-1000';
const all = readdirSync(dir).slice(0, 300).map((f) => new Uint8Array(readFileSync(join(dir, f))));
function cpu(name: string, f: (b: Uint8Array) => unknown, rounds = 6) {
  for (const b of all.slice(0, 100)) f(b);
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const c = process.cpuUsage();
    for (const b of all) f(b);
    const d = process.cpuUsage(c);
    best = Math.min(best, (d.user + d.system) / 1000 / all.length);
  }
  console.log(name.padEnd(28), best.toFixed(3), 'ms cpu/file');
}
const sel = templateSheets(hatinh2021);
for (let k = 0; k < 2; k++) {
  cpu('floor', floorOne);
  cpu('readGrid all sheets', (b) => readGrid(b));
  cpu('readGrid template sheets', (b) => readGrid(b, { sheets: sel }));
  cpu('readReport', (b) => readReport(b, { plan: hatinh2021 }));
}
