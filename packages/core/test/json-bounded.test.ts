/**
 * JSON inputs read within bounds (issue 18): the plan, unit lists, mappings and an earlier
 * consolidation are measured and their nesting scanned before JSON.parse, so `[[[[…]]]]`
 * 200,000 deep gives a finding in both languages instead of a stack overflow.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_JSON_LIMITS,
  findTooDeep,
  hatinh2021,
  nestsDeeperThan,
  parseBoundedJson,
  parseLayoutMapping,
  parsePlan,
  parsePlanJson,
  parsePreviousConsolidation,
  parseUnitsJson,
  type Finding,
  type Result,
} from '../src/index.ts';
import { JSON_INPUT_CODES } from '../src/json/codes.ts';

/** `{"id":"x","title":[[[…]]]}` nested `depth` deep (the file has 200,000). */
function nestedPlan(depth: number): string {
  return `{"id":"x","title":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

/** Plain data nested `depth` arrays deep, built without recursion. */
function nestedValue(depth: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
}

const only = (r: Result<unknown>): Finding => {
  expect(r.ok).toBe(false);
  expect(r.findings).toHaveLength(1);
  return r.findings[0]!;
};

describe('the nesting scan', () => {
  it.each([
    ['[]', 1, -1],
    ['[[]]', 1, 1],
    ['{"a":[{"b":1}]}', 2, 6],
    ['{"a":[{"b":1}]}', 3, -1],
    // Brackets inside strings, escaped quotes included, are text.
    ['["[[[[", "\\"[[[[", "\\\\"]', 1, -1],
    ['["\\\\", [[]]]', 2, 8],
  ])('%s with at most %i levels: first level too deep at %i', (text, max, at) => {
    expect(findTooDeep(text, max)).toBe(at);
  });

  it('reads 200,000 levels in one pass and says where the first level too deep opens', () => {
    const r = parseBoundedJson(nestedPlan(200_000));
    expect(r).toEqual({ ok: false, problem: 'too-deep', max: 64, at: { line: 1, column: 18 + 64 } });
  });

  it('refuses text longer than the limit before looking at it, and reports syntax errors with their place', () => {
    expect(parseBoundedJson('[1, 2]', { maxChars: 5 })).toEqual({ ok: false, problem: 'too-large', chars: 6, max: 5 });
    const syntax = parseBoundedJson('{\n  "a": 1,\n}');
    expect(syntax.ok === false && syntax.problem).toBe('syntax');
    expect(syntax.ok === false && syntax.problem === 'syntax' && syntax.at?.line).toBe(3);
    expect(parseBoundedJson('\uFEFF{"a":[1]}')).toEqual({ ok: true, value: { a: [1] } });
  });

  it('tells nested data from shallow data without recursion', () => {
    expect(nestsDeeperThan(nestedValue(200_000), 64)).toBe(true);
    expect(nestsDeeperThan(nestedValue(64), 64)).toBe(false);
    expect(nestsDeeperThan(nestedValue(65), 64)).toBe(true);
    expect(nestsDeeperThan({ a: { b: [1, 'x', null] } }, 3)).toBe(false);
    expect(nestsDeeperThan('text', 0)).toBe(false);
  });

  it('has defaults that every file this tool writes stays far within', () => {
    expect(DEFAULT_JSON_LIMITS).toEqual({ maxChars: 4 * 1024 * 1024, maxDepth: 64 });
    const plan = JSON.stringify(hatinh2021);
    expect(findTooDeep(plan, 10)).toBe(-1);
    expect(plan.length).toBeLessThan(DEFAULT_JSON_LIMITS.maxChars / 10);
  });
});

describe('every JSON input refuses a deep nesting with a finding in both languages, never a stack overflow', () => {
  const deep = nestedPlan(200_000);
  const cases: [string, () => Result<unknown>, string, string][] = [
    ['plan', () => parsePlanJson(deep, 'deep.json'), 'Tệp kế hoạch deep.json', 'The plan file deep.json'],
    ['unit list', () => parseUnitsJson(deep, 'deep.json'), 'Tệp danh sách đơn vị deep.json', 'The unit list deep.json'],
    ['mapping', () => parseLayoutMapping(deep, 'deep.json', hatinh2021), 'Tệp ánh xạ deep.json', 'Mapping file deep.json'],
    ['earlier consolidation', () => parsePreviousConsolidation(deep, 'deep.json'), 'Tệp so sánh deep.json', 'Comparison file deep.json'],
  ];
  for (const [name, parse, vi, en] of cases) {
    it(name, () => {
      const finding = only(parse());
      expect(finding).toMatchObject({ severity: 'error', code: 'json-too-deep', file: 'deep.json' });
      expect(finding.message.vi).toBe(
        `${vi} có dữ liệu lồng nhau sâu quá 64 cấp (dòng 1, cột 82); không đọc tệp này. Tệp hợp lệ không lồng sâu như vậy: tệp bị hỏng hoặc không phải tệp dành cho công cụ.`,
      );
      expect(finding.message.en).toBe(`${en} nests deeper than 64 levels (line 1, column 82); it is not read. No valid file nests so deep: the file is damaged or not meant for this tool.`);
      expect(JSON_INPUT_CODES[finding.code as keyof typeof JSON_INPUT_CODES].severity).toBe(finding.severity);
    });
  }

  it('a plan handed over as data (parsePlan) is checked before it is walked', () => {
    const finding = only(parsePlan({ id: 'x', title: nestedValue(200_000) }, 'p.json'));
    expect(finding).toMatchObject({ severity: 'error', code: 'json-too-deep', file: 'p.json' });
  });

  it('the depth limit can be raised or lowered, and a shallow plan still reads', () => {
    expect(only(parsePlanJson(nestedPlan(10), 'p.json', { maxDepth: 5 })).code).toBe('json-too-deep');
    expect(parsePlanJson(JSON.stringify(hatinh2021), 'p.json', { maxDepth: 10 }).ok).toBe(true);
  });

  it('text over the size limit is refused unread, naming the limit', () => {
    const finding = only(parsePlanJson(JSON.stringify(hatinh2021), 'p.json', { maxChars: 1000 }));
    expect(finding.code).toBe('json-too-large');
    expect(finding.message.vi).toMatch(/^Tệp kế hoạch p\.json dài \d+ ký tự, vượt giới hạn 1000; không đọc tệp này\.$/);
    expect(only(parsePreviousConsolidation('x'.repeat(100), 'c.json', { maxChars: 50 })).code).toBe('json-too-large');
  });
});
