/**
 * The README's code snippets compile against the packages as they are: every ```ts block is
 * type-checked (strict, the repository's compiler options) as a module in test/, where the
 * workspace packages resolve, and every ```js block too, as an ES module checked by TypeScript
 * (`checkJs`). Names a TypeScript snippet uses without defining them are declared here, each
 * with the type the README's prose gives it: `bytes` (a report file's content) and `file` (its
 * name). The library snippet is examples/usage.mjs, word for word; test/packages.test.ts runs it
 * against the packed packages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.ts';
import { snippets, type Snippet } from './support/snippets.ts';

/** What a snippet may use without defining it. */
const PRELUDE = 'declare const bytes: Uint8Array;\ndeclare const file: string;\n';

/**
 * Type errors of `code` as a module in test/ (`name`: .ts, or .mjs for JavaScript, checked with
 * `checkJs`), with the repository's options.
 */
function typeErrors(code: string, name: string): string[] {
  const config = ts.readConfigFile(join(repoRoot, 'test/tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, join(repoRoot, 'test'));
  const js = name.endsWith('.mjs');
  const options: ts.CompilerOptions = { ...parsed.options, noEmit: true, composite: false, declaration: false, emitDeclarationOnly: false, incremental: false, allowJs: js, checkJs: js };
  const path = join(repoRoot, 'test', name);
  const source = js ? code : `${PRELUDE}${code}\nexport {};\n`;
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) =>
    fileName === path ? ts.createSourceFile(fileName, source, languageVersion, true) : getSourceFile(fileName, languageVersion, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => fileName === path || fileExists(fileName);
  const program = ts.createProgram([path], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === path)
    .map((d) => `${ts.getLineAndCharacterOfPosition(d.file!, d.start ?? 0).line - 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

const fileName = (s: Snippet, tag: string | number = s.line): string => `readme-snippet-${tag}.${s.lang === 'js' ? 'mjs' : 'ts'}`;

describe("the README's code snippets", () => {
  const found = snippets();

  it('has the library snippet, which reads the fields scoreUnit returns, and it is examples/usage.mjs', () => {
    expect(found.length).toBeGreaterThanOrEqual(1);
    const library = found.find((s) => s.code.includes('scoreUnit('));
    expect(library?.code).toMatch(/\.score\b/);
    expect(library?.code).toMatch(/\.band\b/);
    expect(library?.code).toMatch(/\.components\b/);
    expect(library?.code).toBe(readFileSync(join(repoRoot, 'examples/usage.mjs'), 'utf8'));
  });

  it.each(found.map((s) => [s.line, s] as const))('type-checks the snippet at README line %i', (_line, snippet) => {
    expect(typeErrors(snippet.code, fileName(snippet))).toEqual([]);
  }, 120_000);

  it('catches a wrong field (the check has teeth)', () => {
    const library = found.find((s) => s.code.includes('scoreUnit('))!;
    const wrong = library.code.replace('score.components.map', 'score.parts.map');
    expect(wrong).not.toBe(library.code);
    expect(typeErrors(wrong, fileName(library, 'wrong')).join('\n')).toContain("Property 'parts' does not exist on type 'UnitScore'");
  }, 120_000);
});

describe("the packages' README snippets", () => {
  for (const name of ['core', 'xlsx', 'docx', 'cli']) {
    it(`type-checks the example of packages/${name}/README.md`, () => {
      const [example, ...more] = snippets(join(repoRoot, 'packages', name, 'README.md'));
      expect(more).toEqual([]);
      expect(example?.lang).toBe('js');
      expect(typeErrors(example!.code, `readme-${name}-example.mjs`)).toEqual([]);
    }, 120_000);
  }
});

describe("the packages' READMEs as npm shows them", () => {
  // npm shows a package's README out of the repository: a relative link (../../README.md) is dead there.
  it.each(['core', 'xlsx', 'docx', 'cli'])('packages/%s/README.md links only to absolute addresses', (name) => {
    const text = readFileSync(join(repoRoot, 'packages', name, 'README.md'), 'utf8');
    const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((t) => !/^https:\/\//.test(t))).toEqual([]);
  });
});

describe('installing the packages before they are on the registry (issue p1 C)', () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

  it('keeps the npm install line, says plainly it does not work yet, and how to install from tarballs', () => {
    expect(readme).toContain('npm install @cchc-kpi/core @cchc-kpi/xlsx\n');
    expect(readme).toContain('**they are not on the npm registry yet**');
    expect(readme).toMatch(/for p in core xlsx docx cli; do pnpm --dir packages\/\$p pack --pack-destination "\$PWD\/tarballs"; done/);
  });

  it('installs every tarball in one npm command, the CLI’s dependencies with it', () => {
    const line = readme.split('\n').find((l) => l.startsWith('npm install ') && l.includes('.tgz'));
    const version = (JSON.parse(readFileSync(join(repoRoot, 'packages/cli/package.json'), 'utf8')) as { version: string }).version;
    expect(line?.split(' ').filter((w) => w.endsWith('.tgz')).map((w) => w.split('/').at(-1))).toEqual(['core', 'xlsx', 'docx', 'cli'].map((p) => `cchc-kpi-${p}-${version}.tgz`));
  });
});
