/**
 * The README's TypeScript snippets compile against the packages as they are: every ```ts block is
 * type-checked (strict, the repository's compiler options) as a module in test/, where the
 * workspace packages resolve. Names a snippet uses without defining them are declared here,
 * each with the type the README's prose gives it: `bytes` (a report file's content) and `file`
 * (its name).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.ts';

/** What a snippet may use without defining it. */
const PRELUDE = 'declare const bytes: Uint8Array;\ndeclare const file: string;\n';

function snippets(): { line: number; code: string }[] {
  const lines = readFileSync(join(repoRoot, 'README.md'), 'utf8').split('\n');
  const out: { line: number; code: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i] ?? '')) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !(lines[end] ?? '').startsWith('```')) end++;
    out.push({ line: start + 1, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return out;
}

/** Type errors of `code` as a module at test/readme-snippet-N.ts, with the repository's options. */
function typeErrors(code: string, name: string): string[] {
  const config = ts.readConfigFile(join(repoRoot, 'test/tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, join(repoRoot, 'test'));
  const options: ts.CompilerOptions = { ...parsed.options, noEmit: true, composite: false, declaration: false, emitDeclarationOnly: false, incremental: false };
  const path = join(repoRoot, 'test', name);
  const source = `${PRELUDE}${code}\nexport {};\n`;
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

describe("the README's TypeScript snippets", () => {
  const found = snippets();

  it('has the library snippet, which reads the fields scoreUnit returns', () => {
    expect(found.length).toBeGreaterThanOrEqual(1);
    const library = found.find((s) => s.code.includes('scoreUnit('));
    expect(library?.code).toMatch(/\.score\b/);
    expect(library?.code).toMatch(/\.band\b/);
    expect(library?.code).toMatch(/\.components\b/);
  });

  it.each(found.map((s) => [s.line, s.code] as const))('type-checks the snippet at README line %i', (line, code) => {
    expect(typeErrors(code, `readme-snippet-${line}.ts`)).toEqual([]);
  }, 120_000);

  it('catches a wrong field (the check has teeth)', () => {
    const library = found.find((s) => s.code.includes('scoreUnit('))!;
    const wrong = library.code.replace('score.components.map', 'score.parts.map');
    expect(wrong).not.toBe(library.code);
    expect(typeErrors(wrong, 'readme-snippet-wrong.ts').join('\n')).toContain("Property 'parts' does not exist on type 'UnitScore'");
  }, 120_000);
});
