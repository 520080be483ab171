import { defineConfig } from 'tsdown';
import { shared } from '../tsdown.shared.ts';

// The published build of @cchc-kpi/xlsx: two entries, the browser-safe reader (the package root)
// and the exceljs writers (`@cchc-kpi/xlsx/write`), built for no platform in particular.
export default defineConfig({ ...shared, entry: { index: 'src/index.ts', 'write/index': 'src/write/index.ts' }, platform: 'neutral' });
