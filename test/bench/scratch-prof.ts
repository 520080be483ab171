import { readFileSync } from 'node:fs';
import { readGrid } from '@cchc-kpi/xlsx';
const bytes = new Uint8Array(readFileSync('/tmp/one.xlsx'));
for (let i = 0; i < 1500; i++) readGrid(bytes);
