import { defineConfig } from 'tsdown';
import { shared } from '../tsdown.shared.ts';

// The published build of @cchc-kpi/docx: one ES module with its types and source map. The
// renderer runs in Node and in browsers (the add-in), so it is built for no platform in particular.
export default defineConfig({ ...shared, entry: { index: 'src/index.ts' }, platform: 'neutral' });
