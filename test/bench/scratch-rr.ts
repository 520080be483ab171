import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReport, hatinh2021, hatinhCity2020, parsePeriod } from '@cchc-kpi/core';
import { readReport } from '@cchc-kpi/xlsx';
const dir = '/tmp/cchc-bench/reports-1000';
const all = readdirSync(dir).slice(0, 400).map((f) => new Uint8Array(readFileSync(join(dir, f))));
const period = parsePeriod('2021-H1', { deadlineDaysAfterCutoff: 6 }); if (!period.ok) throw 0;
const units = [...hatinhCity2020.units, ...Array.from({ length: 1000 }, (_, i) => ({ code: `CQ${String(i + 1).padStart(5, '0')}`, name: 'x', kind: 'agency' as const, order: 1000 + i }))];
for (let r = 0; r < 6; r++) for (const b of all) { const rep = readReport(b, { plan: hatinh2021, file: 'x.xlsx' }); if (rep.ok) checkReport(rep.value, { plan: hatinh2021, units, period: period.value, file: 'x.xlsx' }); }
