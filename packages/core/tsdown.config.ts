import { defineConfig } from 'tsdown';

// The published build of @cchc-kpi/core: one ES module with its types and source map. Core runs
// in Node, browsers and the add-in, so it is built for no platform in particular: a Node
// built-in imported by mistake fails the build.
export default defineConfig({
  entry: { index: 'src/index.ts' },
  platform: 'neutral',
  format: 'esm',
  fixedExtension: false,
  dts: true,
  sourcemap: true,
  checks: { pluginTimings: false },
});
