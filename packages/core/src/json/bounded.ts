/**
 * JSON inputs read within bounds (issue 18): the plan, unit lists, saved layout mappings and an
 * earlier consolidation (`--compare`) are files anyone can hand the tool. `JSON.parse` itself
 * copes with deep nesting, but everything that walks the result recursively (string
 * normalisation, schema validation, messages quoting a value) would overflow the stack on
 * `[[[[…]]]]` 200,000 deep, and a large file costs ten to twenty times its size once parsed. So
 * the text is measured and its nesting scanned — one pass, no recursion, no allocation — before
 * `JSON.parse` sees it.
 */
import { makeFinding, type Finding, type Message } from '../finding.ts';

/** Bounds of one JSON input. */
export interface JsonLimits {
  /** Longest text accepted, in characters (UTF-16 units; never more than the file's UTF-8 bytes). */
  maxChars: number;
  /** Deepest nesting of arrays and objects accepted (`{"a":[1]}` is 2 deep). */
  maxDepth: number;
}

const MIB = 1024 * 1024;

/**
 * Defaults for the configuration files (plan, unit list, mapping): 4 MiB — the built-in plan is
 * about 40 KB, a list of 10,000 units under 1 MB — and 64 levels, where every file this tool
 * writes or reads stays under 10 (our convention).
 */
export const DEFAULT_JSON_LIMITS: Readonly<JsonLimits> = Object.freeze({ maxChars: 4 * MIB, maxDepth: 64 });

/** Where the scan stopped: the 1-based line and column of a character. */
export interface TextPosition {
  line: number;
  column: number;
}

/** What reading a JSON text within bounds gave. */
export type BoundedJson =
  | { ok: true; value: unknown }
  | { ok: false; problem: 'too-large'; chars: number; max: number }
  | { ok: false; problem: 'too-deep'; max: number; at: TextPosition }
  | { ok: false; problem: 'syntax'; detail: string; at: TextPosition | null };

/** Line and column (1-based) of the character at `offset`. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * The offset of the first `[` or `{` that opens a level deeper than `maxDepth`, or -1 when the
 * text never nests deeper. Brackets inside strings (escapes included) do not count. The text is
 * not validated: `JSON.parse` does that afterwards. One pass, constant memory.
 */
export function findTooDeep(text: string, maxDepth: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i += 1;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth += 1;
      if (depth > maxDepth) return i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth -= 1;
  }
  return -1;
}

/** Line and column (1-based) of a `JSON.parse` error, from "position N" or "line L column C" in its message. */
export function jsonErrorPosition(text: string, message: string): TextPosition | null {
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  const position = /position (\d+)/.exec(message);
  return position ? positionAt(text, Number(position[1])) : null;
}

/**
 * Parses JSON text after checking its length and nesting against `limits` (defaults
 * {@link DEFAULT_JSON_LIMITS}); a leading byte-order mark is dropped. Never throws.
 * @returns the value, or the problem: `too-large` (longer than `maxChars`), `too-deep` (where the
 *   first level past `maxDepth` opens) or `syntax` (the engine's message and, when it gives one,
 *   the position).
 */
export function parseBoundedJson(text: string, limits: Partial<JsonLimits> = {}): BoundedJson {
  const maxChars = limits.maxChars ?? DEFAULT_JSON_LIMITS.maxChars;
  const maxDepth = limits.maxDepth ?? DEFAULT_JSON_LIMITS.maxDepth;
  if (text.length > maxChars) return { ok: false, problem: 'too-large', chars: text.length, max: maxChars };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const deep = findTooDeep(body, maxDepth);
  if (deep >= 0) return { ok: false, problem: 'too-deep', max: maxDepth, at: positionAt(body, deep) };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: 'syntax', detail, at: jsonErrorPosition(body, detail) };
  }
}

/**
 * True when plain data (arrays and objects, as `JSON.parse` builds them) nests deeper than
 * `maxDepth`. Walks with its own stack, never recursively, and stops at the first level too
 * deep; shared or cyclic references are followed at most `maxDepth` levels.
 */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > maxDepth) return true;
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

/** A JSON text refused for its size or nesting, before it was parsed. */
export type JsonLimitBreach = Extract<BoundedJson, { problem: 'too-large' | 'too-deep' }>;

/**
 * The finding for a JSON input refused for its size or nesting (`json-too-large`,
 * `json-too-deep`, both errors), naming the input and the file. (Each reader words syntax
 * errors itself.)
 * @param what the input as the sentence's subject, e.g. `{ vi: 'Tệp kế hoạch', en: 'The plan file' }`.
 * @param source the file name, copied to the finding's `file`.
 */
export function jsonLimitFinding(result: JsonLimitBreach, what: Message, source?: string): Finding {
  const where = source === undefined ? {} : { file: source };
  const name = source === undefined ? '' : ` ${source}`;
  if (result.problem === 'too-large') {
    return makeFinding(
      'error',
      'json-too-large',
      {
        vi: `${what.vi}${name} dài ${result.chars} ký tự, vượt giới hạn ${result.max}; không đọc tệp này.`,
        en: `${what.en}${name} is ${result.chars} characters long, over the limit of ${result.max}; it is not read.`,
      },
      where,
    );
  }
  return makeFinding(
    'error',
    'json-too-deep',
    {
      vi: `${what.vi}${name} có dữ liệu lồng nhau sâu quá ${result.max} cấp (dòng ${result.at.line}, cột ${result.at.column}); không đọc tệp này. Tệp hợp lệ không lồng sâu như vậy: tệp bị hỏng hoặc không phải tệp dành cho công cụ.`,
      en: `${what.en}${name} nests deeper than ${result.max} levels (line ${result.at.line}, column ${result.at.column}); it is not read. No valid file nests so deep: the file is damaged or not meant for this tool.`,
    },
    where,
  );
}
