import { readFileSync } from 'node:fs';
import { checkReport, hatinh2021, hatinhCity2020, parsePeriod, readTemplateReport } from '@cchc-kpi/core';
import { readGrid } from '@cchc-kpi/xlsx';
const bytes = new Uint8Array(readFileSync('/tmp/one.xlsx'));
const period = parsePeriod('2021-H1', { deadlineDaysAfterCutoff: 6 });
if (!period.ok) throw 0;
const units = [...hatinhCity2020.units, { code: 'CQ00001', name: 'Cơ quan thử 1', kind: 'agency' as const, order: 100 }];
const grid = readGrid(bytes); if (!grid.ok) throw 0;
const ctx = { plan: hatinh2021, units, period: period.value, file: 'x' };
for (let i = 0; i < 3000; i++) { const rep = readTemplateReport(grid.value, hatinh2021, { file: 'x' }); if (rep.ok) checkReport(rep.value, ctx); }
