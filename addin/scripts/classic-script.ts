/**
 * One classic script (an IIFE, ES2017, minified) from an entry module, built in memory with
 * vite's JS API: the custom functions' functions.js and the pane's Word bundle are made this way,
 * so a page loads them with a plain `<script src>` (no ES module, no `import()`).
 */
import type { Plugin } from 'vite';

/** Options of {@link classicScript}. */
export interface ClassicScriptOptions {
  /** The entry module. */
  entry: string;
  /** The global the IIFE assigns its exports to (`var <name> = …`). */
  name: string;
  /** Export conditions (the add-in's: the workspace packages' sources). */
  conditions?: string[];
  /** Plugins of the nested build (e.g. a transform of a dependency). */
  plugins?: Plugin[];
}

/** Bundles `entry` into one classic script; returns its code. */
export async function classicScript(options: ClassicScriptOptions): Promise<string> {
  const { build } = await import('vite');
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    ...(options.conditions ? { resolve: { conditions: options.conditions } } : {}),
    ...(options.plugins ? { plugins: options.plugins } : {}),
    build: {
      write: false,
      target: 'es2017',
      minify: true,
      emptyOutDir: false,
      lib: { entry: options.entry, formats: ['iife'], name: options.name, fileName: () => `${options.name}.js` },
    },
  });
  const outputs = Array.isArray(output) ? output : [output];
  for (const out of outputs) {
    if (!('output' in out)) continue;
    for (const chunk of out.output) if (chunk.type === 'chunk' && chunk.isEntry) return chunk.code;
  }
  throw new Error(`${options.name}: no entry chunk`);
}
