import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGrid } from '@cchc-kpi/xlsx';
import { floorOne } from './floor.ts';
import { fflate, SaxesParser } from './deps.ts';
const xmlMod = await import('../../packages/xlsx/src/read/xml' + '.ts') as { XmlStream: new (h: object) => { write(b: Uint8Array): void; end(): unknown } };
const dir = '/tmp/cchc-bench-try/reports-1000';
const all = readdirSync(dir).slice(0, 300).map((f) => new Uint8Array(readFileSync(join(dir, f))));
const keep = (n: string) => (n.startsWith('xl/worksheets/') && n.endsWith('.xml')) || n === 'xl/sharedStrings.xml' || n === 'xl/styles.xml' || n === 'xl/workbook.xml' || n.endsWith('.rels');
const unz = all.map((b) => Object.values(fflate.unzipSync(b, { filter: (f) => keep(f.name) })));
function cpu(name: string, f: (i: number) => unknown, rounds = 5) {
  for (let i = 0; i < 50; i++) f(i);
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const c = process.cpuUsage();
    for (let i = 0; i < all.length; i++) f(i);
    const d = process.cpuUsage(c);
    best = Math.min(best, (d.user + d.system) / 1000 / all.length);
  }
  console.log(name.padEnd(34), best.toFixed(3), 'ms cpu/file');
}
const td = new TextDecoder();
cpu('floor', (i) => floorOne(all[i]!));
cpu('unzip reader parts', (i) => fflate.unzipSync(all[i]!, { filter: (f) => keep(f.name) }));
cpu('saxes open+text reader parts', (i) => { let n = 0; for (const p of unz[i]!) { const s = new SaxesParser({ position: false }); s.on('opentag', () => n++); s.on('text', () => n++); s.write(td.decode(p)).close(); } return n; });
cpu('saxes open+close+text', (i) => { let n = 0; for (const p of unz[i]!) { const s = new SaxesParser({ position: false }); s.on('opentag', () => n++); s.on('closetag', () => n++); s.on('text', () => n++); s.write(td.decode(p)).close(); } return n; });
cpu('XmlStream noop reader parts', (i) => { let n = 0; for (const p of unz[i]!) { const x = new xmlMod.XmlStream({ open: () => { n++; }, close: () => { n++; }, text: () => { n++; } }); x.write(p); x.end(); } return n; });
cpu('readGrid', (i) => readGrid(all[i]!));
