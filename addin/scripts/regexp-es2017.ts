/**
 * Build-time rewrite of regular expressions that need ES2018 into ES2017 ones that mean the same,
 * for the bundles that must run in EdgeHTML 18 (ES2017). Used on the `docx` package inside the
 * add-in's Word bundle (scripts/word-plugin.ts), which builds such patterns with `RegExp(…)`:
 * - the dotAll flag `s`: every `.` outside a character class becomes `[\s\S]` and the flag goes;
 * - Unicode property escapes `\p{…}` (flag `u`): the property's code points, read from the
 *   building Node's own `\p{…}`, as a class of ranges (`\u{…}` escapes are ES2015 under `u`).
 * Lookbehind, named groups and `\P{…}` inside a class have no ES2017 equivalent: a construction
 * that needs one is refused at build time, unless the caller names its enclosing declaration as
 * never reached (the expression then throws when evaluated, saying so). The rewrite is exact: a
 * test compares old and new patterns on every code point and on texts with line breaks.
 */
import { parse, type Node } from 'acorn';
import { ancestor } from 'acorn-walk';

/** An ES2017 pattern, or why there is none. */
export type Rewritten = { ok: true; source: string; flags: string } | { ok: false; reason: string };

const propertyCache = new Map<string, string | null>();

function hex(cp: number): string {
  return cp <= 0xffff ? `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}` : `\\u{${cp.toString(16).toUpperCase()}}`;
}

/**
 * The code points of a Unicode property (`L`, `N`, `Script=Latin`, …) as the inside of a
 * character class (`\u0041-\u005A\u0061-\u007A…`), read from this Node's RegExp; null when Node
 * does not know the property.
 */
export function propertyRanges(name: string): string | null {
  const cached = propertyCache.get(name);
  if (cached !== undefined) return cached;
  let test: RegExp;
  try {
    test = new RegExp(`^\\p{${name}}$`, 'u');
  } catch {
    propertyCache.set(name, null);
    return null;
  }
  let out = '';
  let start = -1;
  for (let cp = 0; cp <= 0x110000; cp++) {
    const inside = cp < 0x110000 && (cp < 0xd800 || cp > 0xdfff) && test.test(String.fromCodePoint(cp));
    if (inside && start < 0) start = cp;
    if (!inside && start >= 0) {
      out += start === cp - 1 ? hex(start) : `${hex(start)}-${hex(cp - 1)}`;
      start = -1;
    }
  }
  propertyCache.set(name, out);
  return out;
}

/**
 * The ES2017 form of a pattern and its flags: `s` rewritten away, `\p{…}` expanded. A pattern
 * that needs no rewrite comes back as it is.
 */
export function rewriteRegExp(source: string, flags: string): Rewritten {
  const dotAll = flags.includes('s');
  const unicode = flags.includes('u');
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (unicode && (next === 'p' || next === 'P') && source[i + 2] === '{') {
        const close = source.indexOf('}', i + 3);
        if (close < 0) return { ok: false, reason: `unterminated \\${next}{ in /${source}/` };
        const name = source.slice(i + 3, close);
        const ranges = propertyRanges(name);
        if (ranges === null) return { ok: false, reason: `unknown Unicode property ${name}` };
        if (next === 'P' && inClass) return { ok: false, reason: `\\P{${name}} inside a character class` };
        out += next === 'P' ? `[^${ranges}]` : inClass ? ranges : `[${ranges}]`;
        i = close;
        continue;
      }
      if (next === 'k' && source[i + 2] === '<') return { ok: false, reason: `named back-reference in /${source}/` };
      out += c + next;
      i += 1;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      continue;
    }
    if (c === '(' && source.startsWith('(?<', i)) {
      return { ok: false, reason: `${source[i + 3] === '=' || source[i + 3] === '!' ? 'lookbehind' : 'named group'} in /${source}/` };
    }
    out += c === '.' && dotAll ? '[\\s\\S]' : c;
  }
  return { ok: true, source: out, flags: flags.replace('s', '') };
}

/** True when a pattern with these flags needs ES2018 or later. */
export function needsRewrite(source: string, flags: string): boolean {
  return flags.includes('s') || (flags.includes('u') && /\\[pP]\{/.test(source)) || /\(\?<|\\k</.test(source);
}

/** What {@link transformRegExps} did. */
export interface RegExpTransform {
  code: string;
  /** Patterns rewritten: `[old, new]` sources with their flags (`/…/flags`). */
  rewritten: [string, string][];
  /** Declarations whose ES2018 pattern was replaced by a throw (declared never reached). */
  unavailable: string[];
}

type AnyNode = Node & Record<string, unknown>;

function stringValue(node: AnyNode | undefined): string | null {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && (node.expressions as unknown[]).length === 0) return (node.quasis as { value: { cooked: string | null } }[])[0]?.value.cooked ?? null;
  return null;
}

/** Every fixed part of a pattern argument (a template's text without its `${…}`). */
function fixedText(node: AnyNode | undefined): string {
  if (node?.type === 'TemplateLiteral') return (node.quasis as { value: { cooked: string | null } }[]).map((q) => q.value.cooked ?? '').join('');
  return stringValue(node) ?? '';
}

function enclosingName(ancestors: AnyNode[]): string | null {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const node = ancestors[i]!;
    if (node.type === 'VariableDeclarator' && (node.id as AnyNode).type === 'Identifier') return (node.id as AnyNode).name as string;
    if ((node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') && node.id) return (node.id as AnyNode).name as string;
  }
  return null;
}

/**
 * Rewrites every regular expression of an ES module's code that needs ES2018 — `RegExp(…)` and
 * `new RegExp(…)` with a written pattern and flags, and regular-expression literals — into its
 * ES2017 form ({@link rewriteRegExp}). A pattern that cannot be rewritten, or one whose pattern
 * (with ES2018 syntax in its written parts) or flags are only known at run time, is replaced by an
 * expression that throws, when its enclosing declaration is in `unreachable`.
 * @throws Error naming each construction that needs ES2018 and can be neither rewritten nor
 *   declared unreachable.
 */
export function transformRegExps(code: string, options: { unreachable?: readonly string[] } = {}): RegExpTransform {
  const ast = parse(code, { ecmaVersion: 'latest', sourceType: 'module' }) as unknown as AnyNode;
  const edits: { start: number; end: number; text: string }[] = [];
  const rewritten: [string, string][] = [];
  const unavailable: string[] = [];
  const refused: string[] = [];
  const replace = (node: AnyNode, ancestors: AnyNode[], what: string, reason: string): void => {
    const name = enclosingName(ancestors);
    if (name !== null && options.unreachable?.includes(name)) {
      unavailable.push(name);
      const message = JSON.stringify(`${name} is not available in this bundle (ES2017): ${reason}`);
      edits.push({ start: node.start, end: node.end, text: `(function () { throw new Error(${message}); })()` });
      return;
    }
    refused.push(`${name ?? '(top level)'}: ${what}: ${reason}`);
  };
  const construction = (n: Node, _state: unknown, ancestors: Node[]): void => {
    const node = n as AnyNode;
    const callee = node.callee as AnyNode;
    if (callee.type !== 'Identifier' || callee.name !== 'RegExp') return;
    const [patternNode, flagsNode] = node.arguments as AnyNode[];
    const source = stringValue(patternNode);
    const flags = flagsNode === undefined ? '' : stringValue(flagsNode);
    const what = code.slice(node.start, Math.min(node.end, node.start + 120));
    if (source === null || flags === null) {
      const text = fixedText(patternNode);
      // Flags only known at run time may hold `s`: such a construction is not taken for ES2017.
      const flagText = flagsNode === undefined ? '' : (stringValue(flagsNode) ?? 's');
      if (!needsRewrite(text, flagText)) return;
      const fixed = rewriteRegExp(text, flagText);
      replace(node, ancestors as AnyNode[], what, fixed.ok ? 'a pattern or flags built at run time that may need ES2018' : `${fixed.reason}, built at run time`);
      return;
    }
    if (!needsRewrite(source, flags)) return;
    const result = rewriteRegExp(source, flags);
    if (!result.ok) return replace(node, ancestors as AnyNode[], what, result.reason);
    rewritten.push([`/${source}/${flags}`, `/${result.source}/${result.flags}`]);
    const isNew = node.type === 'NewExpression';
    edits.push({ start: node.start, end: node.end, text: `${isNew ? 'new ' : ''}RegExp(${JSON.stringify(result.source)}, ${JSON.stringify(result.flags)})` });
  };
  ancestor(ast, {
    NewExpression: construction,
    CallExpression: construction,
    Literal(n, _state, ancestors) {
      const node = n as AnyNode;
      const regex = node.regex as { pattern: string; flags: string } | undefined;
      if (!regex || !needsRewrite(regex.pattern, regex.flags)) return;
      const result = rewriteRegExp(regex.pattern, regex.flags);
      if (!result.ok) return replace(node, ancestors as AnyNode[], code.slice(node.start, node.end), result.reason);
      rewritten.push([`/${regex.pattern}/${regex.flags}`, `/${result.source}/${result.flags}`]);
      edits.push({ start: node.start, end: node.end, text: `/${result.source}/${result.flags}` });
    },
  });
  if (refused.length > 0) throw new Error(`Regular expressions that need ES2018 and have no ES2017 form:\n${refused.join('\n')}`);
  let out = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return { code: out, rewritten, unavailable };
}
