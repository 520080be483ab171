/**
 * The build-time rewrite of ES2018 regular expressions into ES2017 ones (scripts/regexp-es2017.ts),
 * which lets the Word bundle carry `docx` into EdgeHTML 18: each rewritten pattern matches exactly
 * what the original matches (every code point for `\p{…}`, texts with line breaks for `s`), is an
 * ES2017 pattern by acorn's reading, and what has no ES2017 form is refused unless declared
 * never reached — and then throws if it is.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsRewrite, rewriteRegExp, transformRegExps } from '../scripts/regexp-es2017.ts';
import { UNREACHED_IN_DOCX } from '../scripts/word-plugin.ts';
import { ADDIN_DIR } from './support/build.ts';
import { syntaxError } from './support/es-check.ts';

/** The patterns docx 9.15.2 builds with `RegExp(…)` that need ES2018, as its index.mjs writes them. */
const DOCX_PATTERNS: [string, string][] = [
  ['^\\s*(PAGEREF|NUMPAGES|SECTIONPAGES)\\b(.*)$', 'is'],
  ['^\\s*("?)([^\\s"\\\\]+)\\1(.*)$', 's'],
  ['^\\s*TOC\\b.*\\\\s\\b', 'is'],
  ['^\\p{L}[\\p{L}\\p{N}_]*$', 'u'],
  ['^\\s*SEQ\\b(.*)$', 'is'],
];

/** Texts to try the dotAll rewrites on: fields as Word writes them, with every kind of line break. */
const FIELD_TEXTS = [
  ' PAGEREF _Toc1 \\h ',
  'PAGEREF "_Toc 2"\n\\p',
  ' numpages \\* roman\r\n',
  'SECTIONPAGES\u2028\\# 0',
  ' TOC \\o "1-3" \\s chapter\n\\h',
  'TOC\r\\s x',
  ' SEQ Figure \\* ARABIC\n',
  'seq\u2029Hình \\r 5',
  'PAGEREF',
  '',
  'SEQ 😀\nx',
];

function ok(source: string, flags: string): { source: string; flags: string } {
  const result = rewriteRegExp(source, flags);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe('rewriteRegExp', () => {
  it.each([
    ['a.b', 's', 'a[\\s\\S]b', ''],
    ['^\\s*SEQ\\b(.*)$', 'is', '^\\s*SEQ\\b([\\s\\S]*)$', 'i'],
    ['[.]\\.x.', 's', '[.]\\.x[\\s\\S]', ''],
    ['[^\\]].', 'gs', '[^\\]][\\s\\S]', 'g'],
    ['\\p{Lu}', 'u', '[\\u0041-\\u005A', 'u'],
    ['a.b', 'g', 'a.b', 'g'],
    ['\\p{L}', '', '\\p{L}', ''],
  ])('/%s/%s → starts as /%s/%s', (source, flags, start, newFlags) => {
    const result = ok(source, flags);
    expect(result.source.startsWith(start), result.source.slice(0, 80)).toBe(true);
    expect(result.flags).toBe(newFlags);
  });

  it.each([
    ['(?<=a)b', '', /lookbehind/],
    ['(?<!a)b', 'u', /lookbehind/],
    ['(?<year>\\d{4})', '', /named group/],
    ['(a)\\k<x>', 'u', /named back-reference/],
    ['[\\P{L}_]', 'u', /\\P\{L\} inside a character class/],
    ['\\p{NoSuchProperty}', 'u', /unknown Unicode property/],
    ['\\p{L', 'u', /unterminated/],
  ])('refuses /%s/%s', (source, flags, reason) => {
    const result = rewriteRegExp(source, flags);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('expands \\p{L} and \\p{N} exactly: the same answer for every code point, in and out of a class', () => {
    const pairs = [
      [new RegExp('^\\p{L}$', 'u'), new RegExp(ok('^\\p{L}$', 'u').source, 'u')],
      [new RegExp('^[\\p{N}_]$', 'u'), new RegExp(ok('^[\\p{N}_]$', 'u').source, 'u')],
      [new RegExp('^\\P{L}$', 'u'), new RegExp(ok('^\\P{L}$', 'u').source, 'u')],
    ] as const;
    let differ = 0;
    let letters = 0;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const text = String.fromCodePoint(cp);
      for (const [native, rewritten] of pairs) if (native.test(text) !== rewritten.test(text)) differ += 1;
      if (pairs[0][0].test(text)) letters += 1;
    }
    expect(differ).toBe(0);
    expect(letters).toBeGreaterThan(130_000); // Unicode 15 has 136k letters: the class is not empty or truncated
  });

  it("rewrites docx's identifier pattern to one that accepts and refuses the same identifiers", () => {
    const native = new RegExp(DOCX_PATTERNS[3]![0], 'u');
    const rewritten = ok(...DOCX_PATTERNS[3]!);
    const es2017 = new RegExp(rewritten.source, rewritten.flags);
    for (const identifier of ['Figure', 'Hình', 'Bảng_2', 'Таблица', '表', 'x1', '1x', '_a', 'a b', '', 'Đ𝒜', 'ab-c', 'aⅫ', '𝟘']) {
      expect(es2017.test(identifier), identifier).toBe(native.test(identifier));
    }
  });

  it("rewrites docx's dotAll patterns to ones that find the same matches in fields with line breaks", () => {
    for (const [source, flags] of DOCX_PATTERNS.filter(([, f]) => f.includes('s'))) {
      const rewritten = ok(source, flags);
      const native = new RegExp(source, flags);
      const es2017 = new RegExp(rewritten.source, rewritten.flags);
      for (const text of FIELD_TEXTS) expect(es2017.exec(text), `/${source}/${flags} on ${JSON.stringify(text)}`).toEqual(native.exec(text));
    }
  });

  it('gives ES2017 patterns: each rewritten pattern of docx parses as an ES2017 regular expression literal', () => {
    for (const [source, flags] of DOCX_PATTERNS) {
      expect(needsRewrite(source, flags)).toBe(true);
      expect(syntaxError(`/${source}/${flags};`, 2017, 'script')).not.toBeNull();
      const rewritten = ok(source, flags);
      expect(needsRewrite(rewritten.source, rewritten.flags)).toBe(false);
      expect(syntaxError(`/${rewritten.source}/${rewritten.flags};`, 2017, 'script'), source).toBeNull();
    }
  });
});

describe('transformRegExps', () => {
  it('rewrites constructions with written patterns and flags, and regular-expression literals', () => {
    const code = 'const a = new RegExp("x.y", "is"); const b = RegExp(`^\\\\p{N}$`, `u`); const c = /p.q/s; const d = new RegExp("plain", "g");';
    const out = transformRegExps(code);
    expect(out.rewritten.map(([from]) => from)).toEqual(['/x.y/is', '/^\\p{N}$/u', '/p.q/s']);
    expect(out.code).toContain('new RegExp("x[\\\\s\\\\S]y", "i")');
    expect(out.code).toContain('const c = /p[\\s\\S]q/;');
    expect(out.code).toContain('new RegExp("plain", "g")');
    expect(syntaxError(out.code, 2017, 'script')).toBeNull();
    const values = new Function(`${out.code}; return [a.test("X\\nY"), b.test("٣"), c.test("p\\nq"), d.flags];`)() as unknown[];
    expect(values).toEqual([true, true, true, 'g']);
  });

  it('leaves code without ES2018 patterns as it is', () => {
    const code = 'export const r = new RegExp("a.b", "gi"), s = /x/u;';
    expect(transformRegExps(code)).toEqual({ code, rewritten: [], unavailable: [] });
  });

  it('refuses what has no ES2017 form, naming where it is; replaces it by a throw where declared never reached', () => {
    const code = 'const escape = (t) => t; export const placeholders = ({ start }) => new RegExp(`(?<=${escape(start)})x`, "g");';
    expect(() => transformRegExps(code)).toThrow(/placeholders: .*new RegExp\(`\(\?<=/);
    expect(() => transformRegExps('const f = (flags) => new RegExp("a.b", flags);')).toThrow(/f: .*built at run time/); // flags may hold s
    expect(() => transformRegExps('const g = (x) => new RegExp(`${x}.`, "s");')).toThrow(/g: .*built at run time/);
    expect(() => transformRegExps('const h = (x) => new RegExp(`^${x}$`, "g");')).not.toThrow(); // nothing of ES2018 in it
    const out = transformRegExps(code, { unreachable: ['placeholders'] });
    expect(out.unavailable).toEqual(['placeholders']);
    expect(syntaxError(out.code, 2017, 'module')).toBeNull();
    const run = new Function(`${out.code.replace('export ', '')}; return placeholders;`)() as (d: { start: string }) => RegExp;
    expect(() => run({ start: '{{' })).toThrow(/placeholders is not available in this bundle \(ES2017\): lookbehind/);
  });

  it("rewrites docx 9.15.2's own module: its five patterns, and placeholderPattern (patchDocument's) declared never reached", () => {
    const require = createRequire(join(ADDIN_DIR, '..', 'packages', 'docx', 'package.json'));
    const file = join(dirname(require.resolve('docx')), 'index.mjs');
    const out = transformRegExps(readFileSync(file, 'utf8'), { unreachable: UNREACHED_IN_DOCX });
    expect(out.rewritten.map(([from]) => from)).toEqual(DOCX_PATTERNS.map(([source, flags]) => `/${source}/${flags}`));
    expect(out.unavailable).toEqual(['placeholderPattern']);
  });
});
