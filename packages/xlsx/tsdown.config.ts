import { defineConfig } from 'tsdown';

// The published build of @cchc-kpi/xlsx: two entries, the browser-safe reader (the package root)
// and the exceljs writers (`@cchc-kpi/xlsx/write`), ES modules with types and source maps. Built
// for no platform in particular: a Node built-in imported by the reader fails the build.
export default defineConfig({
  entry: { index: 'src/index.ts', 'write/index': 'src/write/index.ts' },
  platform: 'neutral',
  format: 'esm',
  fixedExtension: false,
  dts: true,
  sourcemap: true,
  checks: { pluginTimings: false },
});
