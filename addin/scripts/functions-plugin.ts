/**
 * Vite plugin for the custom functions: at build time it generates `functions.json` from the
 * JSDoc of src/functions/functions.ts with custom-functions-metadata, bundles
 * src/functions/register.ts into a classic `functions.js` (IIFE, ES2017, for Excel's JavaScript
 * custom-functions runtime) and writes `functions.html` (the page Excel on the web loads) and
 * `commands.html` (the ribbon's function file). The dev server serves the same files.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { classicScript } from './classic-script.ts';

/** The page Excel on the web loads for the functions runtime. */
export const FUNCTIONS_HTML = `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="X-UA-Compatible" content="IE=edge" />
    <title>CCHC – hàm tùy chỉnh</title>
    <script src="https://appsforoffice.microsoft.com/lib/1/hosted/custom-functions-runtime.js"></script>
    <script src="functions.js"></script>
  </head>
  <body></body>
</html>
`;

/** The ribbon's function file (`FunctionFile` in the manifest): no commands besides opening the pane. */
export const COMMANDS_HTML = `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="X-UA-Compatible" content="IE=edge" />
    <title>CCHC – lệnh</title>
    <script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>
    <script>
      if (window.Office) Office.onReady(function () {});
    </script>
  </head>
  <body></body>
</html>
`;

/** Generates the metadata; throws when custom-functions-metadata reports errors. */
export async function functionsMetadata(source: string): Promise<string> {
  const { generateCustomFunctionsMetadata } = (await import('custom-functions-metadata')) as typeof import('custom-functions-metadata');
  const result = await generateCustomFunctionsMetadata(source);
  if (result.errors.length > 0) throw new Error(`custom-functions-metadata: ${result.errors.join('; ')}`);
  return result.metadataJson;
}

/** Bundles the functions entry into one classic script (IIFE). */
export async function functionsScript(entry: string, conditions?: string[]): Promise<string> {
  return classicScript({ entry, name: 'CchcFunctions', ...(conditions ? { conditions } : {}) });
}

/** Options of {@link customFunctions}. */
export interface CustomFunctionsOptions {
  /** File whose JSDoc `@customfunction` tags define the functions. */
  source: string;
  /** Entry that registers them (`CustomFunctions.associate`). */
  entry: string;
  /** Export conditions for the nested build (the add-in's: the workspace packages' sources). */
  conditions?: string[];
}

/** The plugin: emits functions.json, functions.js and functions.html. */
export function customFunctions(options: CustomFunctionsOptions): Plugin {
  let config: ResolvedConfig | undefined;
  return {
    name: 'cchc-custom-functions',
    configResolved(resolved) {
      config = resolved;
    },
    async generateBundle() {
      const [metadata, script] = await Promise.all([functionsMetadata(options.source), functionsScript(options.entry, options.conditions)]);
      this.emitFile({ type: 'asset', fileName: 'functions.json', source: metadata });
      this.emitFile({ type: 'asset', fileName: 'functions.js', source: script });
      this.emitFile({ type: 'asset', fileName: 'functions.html', source: FUNCTIONS_HTML });
      this.emitFile({ type: 'asset', fileName: 'commands.html', source: COMMANDS_HTML });
    },
    configureServer(server) {
      let cache: { metadata: string; script: string; stamp: string } | undefined;
      server.middlewares.use(async (req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        const pages: Record<string, string> = { '/functions.html': FUNCTIONS_HTML, '/commands.html': COMMANDS_HTML };
        if (path !== '/functions.json' && path !== '/functions.js' && pages[path] === undefined) return next();
        try {
          const page = pages[path];
          if (page !== undefined) {
            res.setHeader('Content-Type', 'text/html; charset=utf-8');
            res.end(page);
            return;
          }
          const stamp = await readFile(resolve(config?.root ?? '.', options.source), 'utf8');
          if (!cache || cache.stamp !== stamp) {
            cache = { metadata: await functionsMetadata(options.source), script: await functionsScript(options.entry, options.conditions), stamp };
          }
          res.setHeader('Content-Type', path.endsWith('.json') ? 'application/json; charset=utf-8' : 'text/javascript; charset=utf-8');
          res.end(path.endsWith('.json') ? cache.metadata : cache.script);
        } catch (error) {
          next(error);
        }
      });
    },
  };
}
