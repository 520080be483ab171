/**
 * The built task pane, checked with a standards parser (acorn) at exactly the versions that run
 * it: every JavaScript file of dist/ (the pane's module bundle and its chunks, functions.js) parses
 * as ES2017 — what EdgeHTML 18 runs —, every inline script of every page parses as ES5 — what
 * IE11 runs before the guard's message —, and no file calls a built-in that EdgeHTML 18 lacks
 * unless the pane's polyfills install it first. The inline IE11 guard shows the Vietnamese
 * message, office.js comes from Microsoft's CDN, and exceljs stays out of the bundle.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADDIN_DIR, ensureBuilt, taskpaneBundle } from './support/build.ts';
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

/** Every built JavaScript file, with how the page loads it (functions.js is a classic script). */
function builtScripts(): { file: string; code: string; sourceType: 'module' | 'script' }[] {
  return walk(dist, (p) => /\.(m?js)$/.test(p)).map((file) => ({
    file: relative(dist, file),
    code: readFileSync(file, 'utf8'),
    sourceType: relative(dist, file) === 'functions.js' ? 'script' : 'module',
  }));
}

/** Built-ins the pane's polyfills install, read from `define(Target, 'name', …)` in polyfills.ts. */
function polyfilledNames(): Set<string> {
  const source = readFileSync(join(ADDIN_DIR, 'src/compat/polyfills.ts'), 'utf8');
  const names = new Set<string>();
  for (const m of source.matchAll(/define\((\w+(?:\.prototype)?), '(\w+)'/g)) names.add(m[1] === 'root' ? m[2]! : `${m[1]}.${m[2]}`);
  return names;
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
  it('builds at least the pane bundle and functions.js', () => {
    const files = builtScripts().map((s) => s.file);
    expect(files).toContain('functions.js');
    expect(files).toContain(relative(dist, taskpaneBundle(dist)));
  });

  it('parses as ES2017 with acorn, every built JavaScript file', () => {
    for (const { file, code, sourceType } of builtScripts()) expect(syntaxError(code, 2017, sourceType), file).toBeNull();
    expect(readFileSync(join(dist, 'functions.js'), 'utf8')).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('uses no built-in newer than ES2017 that the polyfills do not install first', () => {
    const polyfilled = polyfilledNames();
    expect([...polyfilled].sort()).toEqual(
      ['Array.prototype.flat', 'Array.prototype.flatMap', 'BigInt', 'Object.fromEntries', 'Object.hasOwn', 'String.prototype.trimEnd', 'String.prototype.trimStart', 'TextEncoder', 'globalThis'].sort(),
    );
    for (const { file, code, sourceType } of builtScripts()) {
      const uses = newerBuiltins(code, sourceType, polyfilled);
      const unexplained = uses.filter((u) => !(FEATURE_TESTED[u.name]?.test(code) ?? false));
      expect(unexplained.map((u) => `${u.name}: ${u.excerpt}`), file).toEqual([]);
      // The polyfills run before the first use of what they install: their module comes first.
      const installed = /\(Array\.prototype,\s*[`'"]flat[`'"]/.exec(code)?.index ?? -1;
      const firstUse = newerBuiltins(code, sourceType).filter((u) => polyfilled.has(u.name.replace(/ \(.*\)$/, '').split(' / ')[0]!));
      if (firstUse.length > 0) {
        expect(installed, `${file}: polyfills not found`).toBeGreaterThanOrEqual(0);
        expect(installed, `${file}: ${firstUse[0]!.excerpt}`).toBeLessThan(firstUse[0]!.at);
      }
    }
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
