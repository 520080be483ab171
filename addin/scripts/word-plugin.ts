/**
 * Vite plugin for the pane's Word bundle: src/word/entry.ts (the `docx` renderer of
 * `@cchc-kpi/docx`) built into a classic script of its own, `assets/word-<hash>.js` (ES2017,
 * IIFE), which the pane injects with a `<script>` only when the officer asks for the Word report.
 * docx's regular expressions that need ES2018 are rewritten on the way (regexp-es2017.ts); the
 * one that cannot be, in `patchDocument`'s `placeholderPattern` (never called: the pane writes
 * documents, it does not patch templates), throws if ever reached.
 *
 * The pane learns the bundle's address from the virtual module `virtual:cchc-word-script`
 * (its default export). The name carries a hash of the content, so a web view that cached an
 * older bundle never pairs it with a newer pane. The dev server serves it as `word.js`, built on
 * request.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { classicScript } from './classic-script.ts';
import { transformRegExps, type RegExpTransform } from './regexp-es2017.ts';

/** The id the pane imports the bundle's address from. */
export const WORD_SCRIPT_MODULE = 'virtual:cchc-word-script';
const RESOLVED = `\0${WORD_SCRIPT_MODULE}`;

/** Declarations of docx whose ES2018 pattern has no ES2017 form and that the pane never reaches. */
export const UNREACHED_IN_DOCX = ['placeholderPattern'] as const;

/** The global the bundle sets (`WORD_GLOBAL` of src/word/api.ts). */
const GLOBAL = 'CchcWord';

/** The transform of dependencies inside the Word bundle: ES2018 regular expressions → ES2017. */
export function es2017RegExps(report?: (id: string, result: RegExpTransform) => void): Plugin {
  return {
    name: 'cchc-es2017-regexps',
    enforce: 'post',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/].*\.m?js$/.test(id)) return null;
      const result = transformRegExps(code, { unreachable: UNREACHED_IN_DOCX });
      report?.(id, result);
      return result.rewritten.length + result.unavailable.length > 0 ? { code: result.code, map: null } : null;
    },
  };
}

/** Builds the Word bundle's code. */
export async function wordScript(entry: string, conditions?: string[], report?: (id: string, result: RegExpTransform) => void): Promise<string> {
  return classicScript({ entry, name: GLOBAL, plugins: [es2017RegExps(report)], ...(conditions ? { conditions } : {}) });
}

/** `assets/word-<first 8 hex digits of its SHA-256>.js`. */
export function wordScriptName(code: string): string {
  return `assets/word-${createHash('sha256').update(code).digest('hex').slice(0, 8)}.js`;
}

/** Options of {@link wordBundle}. */
export interface WordBundleOptions {
  /** src/word/entry.ts. */
  entry: string;
  /** Export conditions for the nested build (the add-in's: the workspace packages' sources). */
  conditions?: string[];
}

/** The plugin: builds the bundle before the pane, emits it, and tells the pane its address. */
export function wordBundle(options: WordBundleOptions): Plugin {
  let serving = false;
  let built: { code: string; fileName: string } | undefined;
  return {
    name: 'cchc-word-bundle',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    async buildStart() {
      if (serving) return;
      const code = await wordScript(options.entry, options.conditions);
      built = { code, fileName: wordScriptName(code) };
    },
    resolveId(id) {
      return id === WORD_SCRIPT_MODULE ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      const address = serving ? 'word.js' : built?.fileName;
      if (address === undefined) throw new Error('the Word bundle was not built');
      return `export default ${JSON.stringify(address)};`;
    },
    generateBundle() {
      if (built) this.emitFile({ type: 'asset', fileName: built.fileName, source: built.code });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if ((req.url ?? '').split('?')[0] !== '/word.js') return next();
        // Built on each request (only when the officer asks for the document), so it follows the sources.
        wordScript(options.entry, options.conditions).then(
          (code) => {
            res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
            res.end(code);
          },
          (error: unknown) => next(error),
        );
      });
    },
  };
}
