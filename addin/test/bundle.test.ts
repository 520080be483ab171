/**
 * The built task pane, checked with a standards parser (acorn) at exactly the versions that run
 * it: every JavaScript file of dist/ (the pane's module bundle and its chunks, functions.js, the
 * Word bundle) parses as ES2017 — what EdgeHTML 18 runs —, every inline script of every page
 * parses as ES5 — what IE11 runs before the guard's message —, and no file calls a built-in that
 * EdgeHTML 18 lacks unless the file installs its polyfill first. The inline IE11 guard shows the
 * Vietnamese message, office.js comes from Microsoft's CDN, exceljs stays out of the bundle, and
 * docx stays in the Word bundle, which the pane loads only when asked for the Word report.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADDIN_DIR, ensureBuilt, taskpaneBundle, wordBundle } from './support/build.ts';
import { newerBuiltins, syntaxError } from './support/es-check.ts';

let dist: string;
let html: string;

beforeAll(async () => {
  dist = await ensureBuilt();
  html = readFileSync(join(dist, 'taskpane.html'), 'utf8');
});

function guardScript(): string {
  const match = /<script id="cchc-ie11-guard">([\s\S]*?)<\/script>/.exec(html);
  if (!match?.[1]) throw new Error('no IE11 guard in dist/taskpane.html');
  return match[1];
}

function walk(dir: string, keep: (path: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, keep, out);
    else if (keep(path)) out.push(path);
  }
  return out;
}

/** Every built JavaScript file, with how the page loads it (functions.js and the Word bundle are classic scripts). */
function builtScripts(): { file: string; code: string; sourceType: 'module' | 'script' }[] {
  const classic = [join(dist, 'functions.js'), wordBundle(dist)];
  return walk(dist, (p) => /\.(m?js)$/.test(p)).map((file) => ({
    file: relative(dist, file),
    code: readFileSync(file, 'utf8'),
    sourceType: classic.includes(file) ? 'script' : 'module',
  }));
}

/** The compat modules: polyfills.ts (every entry) and word-polyfills.ts (the Word bundle's). */
const POLYFILL_MODULES = ['src/compat/polyfills.ts', 'src/compat/word-polyfills.ts'];

/**
 * Built-ins the compat modules install, read from their `define(Target, 'name', …)` calls, each
 * with how its installation reads in a minified file (`e(Array.prototype,\`flat\`,…`).
 */
function polyfills(): Map<string, RegExp> {
  const installs = new Map<string, RegExp>();
  for (const module of POLYFILL_MODULES) {
    const source = readFileSync(join(ADDIN_DIR, module), 'utf8');
    for (const m of source.matchAll(/define\((\w+(?:\.prototype)?), '(\w+)'/g)) {
      const [target, name] = [m[1]!, m[2]!];
      const owner = target === 'root' ? '[\\w$]+' : target.replace('.', '\\.');
      installs.set(target === 'root' ? name : `${target}.${name}`, new RegExp(`\\b${owner},\\s*[\`'"]${name}[\`'"]`));
    }
  }
  return installs;
}

function polyfilledNames(): Set<string> {
  return new Set(polyfills().keys());
}

/**
 * Built-ins used on purpose without a polyfill, each because the code tests for it first and
 * has its own fallback. Anything else newer than ES2017 fails the test.
 */
const FEATURE_TESTED: Record<string, RegExp> = {
  // fflate: `typeof TextDecoder < 'u' && new TextDecoder` and its streaming decoder behind the
  // flag that probe sets; without it fflate decodes UTF-8 itself.
  'TextDecoder (not in EdgeHTML 18)': /typeof TextDecoder/,
};

describe('built task pane', () => {
  it('builds at least the pane bundle, functions.js and the Word bundle', () => {
    const files = builtScripts().map((s) => s.file);
    expect(files).toContain('functions.js');
    expect(files).toContain(relative(dist, taskpaneBundle(dist)));
    expect(files).toContain(relative(dist, wordBundle(dist)));
  });

  it('parses as ES2017 with acorn, every built JavaScript file', () => {
    for (const { file, code, sourceType } of builtScripts()) expect(syntaxError(code, 2017, sourceType), file).toBeNull();
    for (const classic of [join(dist, 'functions.js'), wordBundle(dist)]) expect(readFileSync(classic, 'utf8')).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('uses no built-in newer than ES2017 that the file does not install first', () => {
    const installs = polyfills();
    const polyfilled = new Set(installs.keys());
    expect([...polyfilled].sort()).toEqual(
      [
        'Array.prototype.flat', 'Array.prototype.flatMap', 'BigInt', 'Object.fromEntries', 'Object.hasOwn', 'String.prototype.matchAll', 'String.prototype.trimEnd',
        'String.prototype.trimStart', 'TextEncoder', 'globalThis',
      ].sort(),
    );
    for (const { file, code, sourceType } of builtScripts()) {
      const uses = newerBuiltins(code, sourceType, polyfilled);
      const unexplained = uses.filter((u) => !(FEATURE_TESTED[u.name]?.test(code) ?? false));
      expect(unexplained.map((u) => `${u.name}: ${u.excerpt}`), file).toEqual([]);
      // Each polyfilled built-in the file uses is installed in the file, before its first use.
      const seen = new Set<string>();
      for (const use of newerBuiltins(code, sourceType)) {
        const name = use.name.replace(/ \(.*\)$/, '').split(' / ')[0]!;
        const install = installs.get(name);
        if (!install || seen.has(name)) continue;
        seen.add(name);
        const at = install.exec(code)?.index ?? -1;
        expect(at, `${file}: ${name} is used but not installed: ${use.excerpt}`).toBeGreaterThanOrEqual(0);
        expect(at, `${file}: ${name} is used before it is installed: ${use.excerpt}`).toBeLessThan(use.at);
      }
    }
    // The pane's own bundle does not carry what only the Word bundle needs.
    expect(installs.get('String.prototype.matchAll')!.test(readFileSync(taskpaneBundle(dist), 'utf8'))).toBe(false);
    expect(installs.get('String.prototype.matchAll')!.test(readFileSync(wordBundle(dist), 'utf8'))).toBe(true);
  });

  it('parses every inline script of every built page as ES5', () => {
    const pages = walk(dist, (p) => p.endsWith('.html'));
    expect(pages.map((p) => relative(dist, p)).sort()).toEqual(['commands.html', 'functions.html', 'taskpane.html']);
    let inline = 0;
    for (const page of pages) {
      for (const m of readFileSync(page, 'utf8').matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)) {
        if (/type="module"/.test(m[1] ?? '')) continue;
        inline += 1;
        expect(syntaxError(m[2] ?? '', 5, 'script'), page).toBeNull();
      }
    }
    expect(inline).toBeGreaterThanOrEqual(2); // the IE11 guard and commands.html's Office.onReady
  });

  it('has checks with teeth: each kind the old check let through is refused', () => {
    // ES2018 template literal revision: a tagged template with `\2` (the bug of dates.ts).
    expect(syntaxError('const r = String.raw`(a)\\2`;', 2017, 'module')).toMatch(/Octal literal in template string/);
    expect(syntaxError('const r = String.raw`(a)\\2`;', 2018, 'module')).toBeNull();
    expect(syntaxError('const a = { ...b };', 2017, 'module')).not.toBeNull();
    expect(syntaxError('const c = d ?? 1;', 2017, 'module')).not.toBeNull();
    expect(syntaxError('try { f(); } catch { g(); }', 2017, 'module')).not.toBeNull();
    expect(syntaxError('const r = /(?<=a)b/;', 2017, 'module')).not.toBeNull();
    expect(syntaxError('const r = /(?<y>\\d{4})/;', 2017, 'module')).not.toBeNull();
    expect(syntaxError('const r = /a.b/s;', 2017, 'module')).not.toBeNull();
    expect(syntaxError('const r = /\\p{L}/u;', 2017, 'module')).not.toBeNull();
    expect(syntaxError('let a = () => 1;', 5, 'script')).not.toBeNull();
    const names = (code: string): string[] => newerBuiltins(code, 'module').map((u) => u.name);
    expect(names('for (const m of s.matchAll(/a/g)) f(m);')).toEqual(['String.prototype.matchAll (ES2020)']);
    expect(names('a.flat(); b.flatMap(f); Object.fromEntries(c); Object.hasOwn(d, "k"); e.at(-1);')).toEqual([
      'Array.prototype.flat (ES2019)', 'Array.prototype.flatMap (ES2019)', 'Object.fromEntries (ES2019)', 'Object.hasOwn (ES2022)', 'Array.prototype.at / String.prototype.at (ES2022)',
    ]);
    expect(names('new RegExp("(?<=a)b"); RegExp("(?<y>x)\\\\k<y>"); new RegExp("a.b", "s"); new RegExp("\\\\p{L}", "u");')).toEqual([
      'RegExp lookbehind (ES2018)', 'RegExp named groups (ES2018)', 'RegExp dotAll flag s (ES2018)', 'RegExp Unicode property escapes (ES2018)',
    ]);
    // A pattern built in a template, as detect-unit.ts built its word boundaries with \p{L}.
    expect(names('const r = new RegExp(`(?:^|[^\\\\p{L}])${name}`, "u");')).toEqual(['RegExp Unicode property escapes (ES2018)']);
    expect(names('const x = globalThis.y; Promise.allSettled([]);')).toEqual(['globalThis (ES2020)', 'Promise.allSettled (ES2020)']);
    expect(names('function f(globalThis) { return globalThis; } const o = { BigInt: 1 }; o.BigInt; typeof globalThis;')).toEqual([]);
    expect(newerBuiltins('a.flat(); Object.fromEntries(x);', 'module', new Set(['Array.prototype.flat', 'Object.fromEntries']))).toEqual([]);
  });

  it('guards IE11 with plain ES5 that runs before the module and shows a Vietnamese message', () => {
    const guard = guardScript();
    expect(syntaxError(guard, 5, 'script')).toBeNull();
    const guardAt = html.indexOf('cchc-ie11-guard');
    const officeAt = html.indexOf('appsforoffice.microsoft.com/lib/1/hosted/office.js');
    const moduleAt = html.indexOf('type="module"');
    expect(guardAt).toBeGreaterThan(0);
    expect(guardAt).toBeLessThan(officeAt);
    expect(officeAt).toBeLessThan(moduleAt);
    expect(guard).toContain('document.documentMode');
    const message = guard.normalize('NFC');
    expect(message).toBe(guard); // NFC text
    expect(message).toContain('Internet Explorer 11');
    expect(message).toContain('Vui lòng dùng Excel bản mới hơn');
    expect(message).toContain('cchc check');
    expect(message).toContain('Microsoft 365');
  });

  it('shows the message when the guard runs in an engine without ES modules', () => {
    const root = { innerHTML: '' };
    const fakeWindow: Record<string, unknown> = {};
    const fakeDocument = {
      documentMode: 11,
      readyState: 'complete',
      createElement: () => ({}),
      getElementById: () => root,
      addEventListener: () => undefined,
      body: root,
    };
    new Function('window', 'document', guardScript())(fakeWindow, fakeDocument);
    expect(fakeWindow.__cchcUnsupported).toBe(true);
    expect(root.innerHTML).toContain('Excel này chưa chạy được tiện ích báo cáo CCHC');
    const modern = { ...fakeDocument, documentMode: undefined, createElement: () => ({ noModule: false }) };
    const untouched = { innerHTML: '' };
    new Function('window', 'document', guardScript())({}, { ...modern, getElementById: () => untouched });
    expect(untouched.innerHTML).toBe('');
  });

  it('bundles the custom functions to a classic script with their metadata', () => {
    const code = readFileSync(join(dist, 'functions.js'), 'utf8');
    expect(code).toContain('CustomFunctions');
    const metadata = JSON.parse(readFileSync(join(dist, 'functions.json'), 'utf8')) as { functions: { id: string }[] };
    expect(metadata.functions.map((f) => f.id)).toEqual(['RATIO', 'COMPLETION', 'STATUS', 'UNITSCORE', 'BAND']);
  });

  it('keeps docx in the Word bundle, a classic script the pane names and loads only when asked', () => {
    const pane = readFileSync(taskpaneBundle(dist), 'utf8');
    const word = readFileSync(wordBundle(dist), 'utf8');
    // docx writes these into every document; the pane's bundle has none of its code.
    for (const marker of ['w:sectPr', 'w:tblGrid', 'docProps/app.xml']) {
      expect(word, marker).toContain(marker);
      expect(pane, marker).not.toContain(marker);
    }
    expect(pane).toContain(relative(dist, wordBundle(dist)).split('\\').join('/'));
    expect(pane).not.toMatch(/\bimport\s*\(/);
    expect(word).toMatch(/^var CchcWord\s*=/);
    // patchDocument's lookbehind pattern is replaced by a throw: the pane never patches templates.
    expect(word).toContain('placeholderPattern is not available in this bundle (ES2017): lookbehind');
    expect(word.length).toBeLessThan(400_000);
  });

  it('loads office.js from Microsoft\'s CDN and keeps exceljs out of the bundle', () => {
    expect(html).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
    const code = readFileSync(taskpaneBundle(dist), 'utf8');
    expect(code.length).toBeLessThan(1_500_000);
    // exceljs is not bundled, not even stubbed: the pane imports only the browser-safe reader
    expect(code).not.toContain('WorkbookWriter');
    expect(code).not.toContain('exceljs');
  });

  it('keeps every Vietnamese text of the pane, manifest and sources in NFC', () => {
    // (Not the bundle: libraries hold character-class ranges such as U+F900… that NFC would change.)
    const files: string[] = [join(ADDIN_DIR, 'taskpane.html'), join(ADDIN_DIR, 'manifest.xml'), join(dist, 'taskpane.html')];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts') || path.endsWith('.css')) files.push(path);
      }
    };
    walk(join(ADDIN_DIR, 'src'));
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text.normalize('NFC') === text, file).toBe(true);
    }
  });
});
