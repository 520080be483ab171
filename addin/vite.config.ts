/**
 * Build and dev server of the Excel add-in.
 * - `vite build`: taskpane.html + its ES2017 module bundle, plus functions.js/.json/.html for the
 *   custom functions, the Word bundle (assets/word-<hash>.js, loaded on demand), and the icons
 *   from public/, into dist/.
 * - `vite` (`pnpm --filter addin dev`): https://localhost:3000 (the manifest's URLs).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';
import { customFunctions } from './scripts/functions-plugin.ts';
import { devHttpsOptions } from './scripts/https.ts';
import { wordBundle } from './scripts/word-plugin.ts';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The workspace packages export their built `dist/`; the add-in is built from their TypeScript
 * sources instead (the `@cchc-kpi/source` export condition), so it needs no `pnpm build` first.
 */
export const conditions = ['@cchc-kpi/source', ...defaultClientConditions];

/** The dev server's port; the manifest's URLs use it. */
export const DEV_PORT = 3000;

export default defineConfig(async ({ command }) => ({
  root: here,
  base: './',
  publicDir: resolve(here, 'public'),
  resolve: { conditions },
  build: {
    target: 'es2017',
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: { input: { taskpane: resolve(here, 'taskpane.html') } },
  },
  server: command === 'serve' ? { port: DEV_PORT, strictPort: true, https: await devHttpsOptions() } : {},
  plugins: [
    customFunctions({ source: resolve(here, 'src/functions/functions.ts'), entry: resolve(here, 'src/functions/register.ts'), conditions }),
    wordBundle({ entry: resolve(here, 'src/word/entry.ts'), conditions }),
  ],
}));
