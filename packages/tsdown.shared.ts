import type { UserConfig } from 'tsdown';

/**
 * What every package's build shares: ES modules named `.js` (the packages are `"type":
 * "module"`), `.d.ts` types and source maps, into the package's dist/.
 */
export const shared = {
  format: 'esm',
  fixedExtension: false,
  dts: true,
  sourcemap: true,
  checks: { pluginTimings: false },
} satisfies UserConfig;
