/**
 * Checks built JavaScript against the oldest engine that runs it, with a standards parser
 * (acorn) instead of a compiler's opinion:
 * - `syntaxError(code, version)`: acorn at exactly that `ecmaVersion` (2017 for the pane and
 *   functions.js — EdgeHTML 18 —, 5 for inline scripts that IE11 runs). acorn also validates
 *   every regular-expression literal for that version (no lookbehind, named groups, `s` flag or
 *   `\p{…}` before ES2018).
 * - `newerBuiltins(code)`: calls of built-ins that EdgeHTML 18 lacks (`String.prototype.matchAll`,
 *   `Array.prototype.flat`, `Object.fromEntries`, `globalThis`, …), and `RegExp(…)` constructed
 *   from a literal pattern that needs ES2018+ (lookbehind, named groups, dotAll, Unicode property
 *   escapes). A use is allowed only where `polyfilled` says the pane installs the built-in first.
 */
import { parse, type Node, type Options } from 'acorn';
import { ancestor } from 'acorn-walk';

/** A built-in newer than ES2017 or missing from EdgeHTML 18, as the bundle uses it. */
export interface BuiltinUse {
  /** `String.prototype.matchAll`, `Object.fromEntries`, `globalThis`, `RegExp lookbehind`, … */
  name: string;
  /** Character offset in the file. */
  at: number;
  /** A few characters around the use, to find it. */
  excerpt: string;
}

/** acorn's message for the first syntax error at `ecmaVersion`, or null when the code parses. */
export function syntaxError(code: string, ecmaVersion: 5 | 2017 | 2018, sourceType: 'module' | 'script'): string | null {
  const options: Options = { ecmaVersion, sourceType, allowHashBang: false };
  try {
    parse(code, options);
    return null;
  } catch (error) {
    const e = error as SyntaxError & { pos?: number };
    const at = e.pos ?? 0;
    return `${e.message} near ${JSON.stringify(code.slice(Math.max(0, at - 40), at + 40))}`;
  }
}

/**
 * Methods by name, called as `x.name(…)`: instance methods newer than ES2017 (the receiver's type
 * is unknown in a bundle, so any call of that name counts; a library's own method of the same
 * name shows up too and must be looked at).
 */
const METHODS: Record<string, string> = {
  matchAll: 'String.prototype.matchAll (ES2020)',
  replaceAll: 'String.prototype.replaceAll (ES2021)',
  trimStart: 'String.prototype.trimStart (ES2019)',
  trimEnd: 'String.prototype.trimEnd (ES2019)',
  flat: 'Array.prototype.flat (ES2019)',
  flatMap: 'Array.prototype.flatMap (ES2019)',
  at: 'Array.prototype.at / String.prototype.at (ES2022)',
  findLast: 'Array.prototype.findLast (ES2023)',
  findLastIndex: 'Array.prototype.findLastIndex (ES2023)',
  toSorted: 'Array.prototype.toSorted (ES2023)',
  toReversed: 'Array.prototype.toReversed (ES2023)',
  toSpliced: 'Array.prototype.toSpliced (ES2023)',
  isWellFormed: 'String.prototype.isWellFormed (ES2024)',
  toWellFormed: 'String.prototype.toWellFormed (ES2024)',
};

/** Static members, called or read as `Object.name`: newer than ES2017 or missing in EdgeHTML 18. */
const STATICS: Record<string, Record<string, string>> = {
  Object: { fromEntries: 'Object.fromEntries (ES2019)', hasOwn: 'Object.hasOwn (ES2022)', groupBy: 'Object.groupBy (ES2024)' },
  Promise: { allSettled: 'Promise.allSettled (ES2020)', any: 'Promise.any (ES2021)', withResolvers: 'Promise.withResolvers (ES2024)' },
  Array: { fromAsync: 'Array.fromAsync (ES2024)' },
  Map: { groupBy: 'Map.groupBy (ES2024)' },
  Intl: {
    Segmenter: 'Intl.Segmenter', ListFormat: 'Intl.ListFormat', RelativeTimeFormat: 'Intl.RelativeTimeFormat',
    DisplayNames: 'Intl.DisplayNames', Locale: 'Intl.Locale',
  },
};

/** Globals that EdgeHTML 18 does not have. */
const GLOBALS: Record<string, string> = {
  globalThis: 'globalThis (ES2020)',
  BigInt: 'BigInt (ES2020)',
  BigInt64Array: 'BigInt64Array (ES2020)',
  BigUint64Array: 'BigUint64Array (ES2020)',
  AggregateError: 'AggregateError (ES2021)',
  WeakRef: 'WeakRef (ES2021)',
  FinalizationRegistry: 'FinalizationRegistry (ES2021)',
  TextEncoder: 'TextEncoder (not in EdgeHTML 18)',
  TextDecoder: 'TextDecoder (not in EdgeHTML 18)',
  queueMicrotask: 'queueMicrotask (not in EdgeHTML 18)',
  structuredClone: 'structuredClone (not in EdgeHTML 18)',
};

/** Regular-expression features of ES2018+, tested on a pattern's source and flags. */
const REGEXP_FEATURES: { name: string; test: (source: string, flags: string) => boolean }[] = [
  { name: 'RegExp lookbehind (ES2018)', test: (s) => /\(\?<[=!]/.test(s) },
  { name: 'RegExp named groups (ES2018)', test: (s) => /\(\?<[A-Za-z_$]/.test(s) || /\\k</.test(s) },
  { name: 'RegExp dotAll flag s (ES2018)', test: (_s, f) => f.includes('s') },
  { name: 'RegExp Unicode property escapes (ES2018)', test: (s, f) => f.includes('u') && /\\[pP]\{/.test(s) },
  { name: 'RegExp match indices flag d (ES2022)', test: (_s, f) => f.includes('d') },
  { name: 'RegExp unicode sets flag v (ES2024)', test: (_s, f) => f.includes('v') },
];

type AnyNode = Node & Record<string, unknown>;

function literalString(node: AnyNode | undefined): string | null {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && (node.expressions as unknown[]).length === 0) {
    const quasis = node.quasis as { value: { cooked: string | null } }[];
    return quasis[0]?.value.cooked ?? null;
  }
  return null;
}

/** The fixed text of a RegExp pattern argument: a string, or a template's literal parts (its `${…}` left out). */
function patternText(node: AnyNode | undefined): string | null {
  if (node?.type === 'TemplateLiteral') return (node.quasis as { value: { cooked: string | null } }[]).map((q) => q.value.cooked ?? '').join('');
  return literalString(node);
}

function propertyName(member: AnyNode): string | null {
  const property = member.property as AnyNode;
  if (!member.computed && property.type === 'Identifier') return property.name as string;
  return literalString(property);
}

/** True when an identifier is bound in one of the enclosing scopes (a local `flat`, `BigInt`, …). */
function declaredLocally(name: string, ancestors: AnyNode[]): boolean {
  for (const node of ancestors) {
    const params = (node.params as AnyNode[] | undefined) ?? [];
    if (params.some((p) => p.type === 'Identifier' && p.name === name)) return true;
    const body = (node.type === 'Program' || node.type === 'BlockStatement' ? node.body : null) as AnyNode[] | null;
    for (const statement of body ?? []) {
      if (statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') {
        if ((statement.id as AnyNode | null)?.name === name) return true;
      }
      if (statement.type === 'VariableDeclaration') {
        for (const d of statement.declarations as AnyNode[]) if ((d.id as AnyNode).type === 'Identifier' && (d.id as AnyNode).name === name) return true;
      }
    }
  }
  return false;
}

/**
 * Every use in `code` (parsed at ES2017, as a module or a script) of a built-in newer than ES2017
 * or missing in EdgeHTML 18, except the names in `polyfilled` (e.g. `Array.prototype.flat`,
 * `globalThis`), which the pane installs before anything else runs.
 */
export function newerBuiltins(code: string, sourceType: 'module' | 'script', polyfilled: ReadonlySet<string> = new Set()): BuiltinUse[] {
  const ast = parse(code, { ecmaVersion: 2017, sourceType }) as unknown as AnyNode;
  const found: BuiltinUse[] = [];
  const add = (name: string, node: AnyNode): void => {
    const short = name.replace(/ \(.*\)$/, '');
    if (short.split(' / ').every((n) => polyfilled.has(n))) return;
    const at = node.start as number;
    found.push({ name, at, excerpt: code.slice(Math.max(0, at - 30), (node.end as number) + 30) });
  };
  /** `RegExp(pattern, flags)` or `new RegExp(…)` with a pattern written in the code: its ES2018+ features. */
  const regExpCall = (node: AnyNode): void => {
    const callee = node.callee as AnyNode;
    if (callee.type !== 'Identifier' || callee.name !== 'RegExp') return;
    const args = node.arguments as AnyNode[];
    const source = patternText(args[0]);
    if (source === null) return;
    const flags = literalString(args[1]) ?? '';
    for (const feature of REGEXP_FEATURES) if (feature.test(source, flags)) add(feature.name, node);
  };
  ancestor(ast, {
    CallExpression(n) {
      const node = n as unknown as AnyNode;
      const callee = node.callee as AnyNode;
      if (callee.type === 'MemberExpression') {
        const name = propertyName(callee);
        if (name !== null && Object.hasOwn(METHODS, name)) add(METHODS[name]!, node);
      }
      regExpCall(node);
    },
    NewExpression(n) {
      regExpCall(n as unknown as AnyNode);
    },
    MemberExpression(n) {
      const node = n as unknown as AnyNode;
      const object = node.object as AnyNode;
      if (object.type !== 'Identifier') return;
      const table = STATICS[object.name as string];
      const name = propertyName(node);
      if (table && name !== null && Object.hasOwn(table, name)) add(table[name]!, node);
    },
    Identifier(n, _state, ancestors) {
      const node = n as unknown as AnyNode;
      const name = node.name as string;
      if (!Object.hasOwn(GLOBALS, name)) return;
      const chain = ancestors as AnyNode[];
      const parent = chain[chain.length - 2];
      // A property name (`x.BigInt`, `{ BigInt: … }`) or a local binding is not the global.
      if (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) return;
      if (parent?.type === 'Property' && parent.key === node && !parent.computed) return;
      if (declaredLocally(name, chain)) return;
      // `typeof globalThis` only asks whether it exists.
      if (parent?.type === 'UnaryExpression' && parent.operator === 'typeof') return;
      add(GLOBALS[name]!, node);
    },
  });
  return found;
}
