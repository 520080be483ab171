/**
 * The built task pane: the module bundle and functions.js are ES2017 (what EdgeHTML runs — the
 * check re-prints each file with esbuild at `esnext` and at `es2017` and requires identical
 * output, i.e. nothing needed lowering), the inline IE11 guard is plain ES5 and shows the
 * Vietnamese message, office.js comes from Microsoft's CDN, and exceljs stays out of the bundle.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADDIN_DIR, ensureBuilt, loadEsbuild, taskpaneBundle, type Esbuild } from './support/build.ts';

let dist: string;
let esbuild: Esbuild;
let html: string;

beforeAll(async () => {
  dist = await ensureBuilt();
  esbuild = await loadEsbuild();
  html = readFileSync(join(dist, 'taskpane.html'), 'utf8');
});

/**
 * True when esbuild prints the same code at `target` as at esnext: the code needs nothing newer
 * than `target` (esbuild rewrites newer syntax, or refuses it, when lowering).
 */
async function parsesAt(code: string, target: string): Promise<boolean> {
  const newest = await esbuild.transform(code, { target: 'esnext', loader: 'js' });
  try {
    const lowered = await esbuild.transform(code, { target, loader: 'js' });
    return newest.code === lowered.code;
  } catch {
    return false; // syntax esbuild cannot even lower to `target` (e.g. `let` for ES5)
  }
}

function guardScript(): string {
  const match = /<script id="cchc-ie11-guard">([\s\S]*?)<\/script>/.exec(html);
  if (!match?.[1]) throw new Error('no IE11 guard in dist/taskpane.html');
  return match[1];
}

describe('built task pane', () => {
  it('bundles to ES2017', async () => {
    const code = readFileSync(taskpaneBundle(dist), 'utf8');
    expect(await parsesAt(code, 'es2017')).toBe(true);
    // The check has teeth: ES2018 object spread and ES2020 `??` need lowering.
    expect(await parsesAt('const a = { ...b }; const c = d ?? 1;', 'es2017')).toBe(false);
  });

  it('bundles the custom functions to an ES2017 classic script', async () => {
    const code = readFileSync(join(dist, 'functions.js'), 'utf8');
    expect(await parsesAt(code, 'es2017')).toBe(true);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).toContain('CustomFunctions');
    const metadata = JSON.parse(readFileSync(join(dist, 'functions.json'), 'utf8')) as { functions: { id: string }[] };
    expect(metadata.functions.map((f) => f.id)).toEqual(['RATIO', 'COMPLETION', 'STATUS', 'UNITSCORE', 'BAND']);
  });

  it('guards IE11 with plain ES5 that runs before the module and shows a Vietnamese message', async () => {
    const guard = guardScript();
    expect(await parsesAt(guard, 'es5')).toBe(true);
    expect(await parsesAt('let a = () => 1;', 'es5')).toBe(false);
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
