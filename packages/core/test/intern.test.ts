import { describe, expect, it } from 'vitest';
import { internStrings, type StringPool } from '../src/consolidate/intern.ts';

/** Two equal strings that are certainly different copies (built at run time). */
const copy = (text: string): string => [...text].join('');

describe('internStrings', () => {
  it('hands out the first copy of each text and changes no text', () => {
    const pool: StringPool = new Map();
    const first = { sheet: copy("'Báo cáo'"), cells: [copy('F12'), copy('F13')], nested: { vi: copy('Đạt') } };
    const second = { sheet: copy("'Báo cáo'"), cells: [copy('F12'), copy('G1')], nested: { vi: copy('Đạt') }, n: 3, ok: true, none: null };
    const before = JSON.stringify(second);
    internStrings(first, pool);
    internStrings(second, pool);
    expect(JSON.stringify(second)).toBe(before);
    expect([...pool.keys()].sort()).toEqual(["'Báo cáo'", 'F12', 'F13', 'G1', 'Đạt']);
    expect(pool.get("'Báo cáo'")).toBe(first.sheet);
  });

  const cases: Array<[string, () => unknown]> = [
    ['a frozen object', () => Object.freeze({ a: copy('x') })],
    ['a class instance', () => new Date(0)],
    ['a Map', () => new Map([['k', copy('v')]])],
  ];
  for (const [label, make] of cases) {
    it(`leaves ${label} untouched`, () => {
      const value = make();
      expect(() => internStrings({ value }, new Map())).not.toThrow();
      expect(internStrings({ value }, new Map()).value).toBe(value);
    });
  }

  it('visits an object met twice, or a cycle, once', () => {
    const shared: Record<string, unknown> = { t: copy('x') };
    shared.self = shared;
    const pool: StringPool = new Map();
    expect(internStrings({ a: shared, b: shared }, pool).a).toBe(shared);
    expect(pool.size).toBe(1);
  });
});
