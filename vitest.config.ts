import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// The workspace packages export their built `dist/`; the `@cchc-kpi/source` condition (also in
// tsconfig.base.json) makes tests import their TypeScript sources instead. Child processes (the
// `cchc` command, its worker threads) run the build, which `pnpm test` makes first.
const SOURCE = '@cchc-kpi/source';

export default defineConfig({
  resolve: { conditions: [SOURCE, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE, ...defaultServerConditions] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts', 'addin/test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
