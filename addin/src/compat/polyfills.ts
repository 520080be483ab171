/**
 * Runtime gaps of EdgeHTML 18 (the web view of some Office 2016/2019 builds), which runs ES2017
 * syntax but lacks later built-ins the bundle uses: `globalThis`, `Array.prototype.flat/flatMap`,
 * `Object.fromEntries`, `Object.hasOwn`, `String.prototype.trimStart/trimEnd`, `TextEncoder`
 * and `BigInt` (zod builds BigInt constants when it loads; the add-in never validates BigInts, so
 * a Number stand-in is enough). Imported first by every entry point, so it runs before any other
 * module; each polyfill is installed only where the built-in is missing. WebView2 needs none.
 */

type Loose = Record<string, unknown>;

/** Installs `value` as `target[name]` (not enumerable), unless the built-in is there already. */
export function define(target: object, name: string, value: unknown): void {
  if (name in target) return;
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

const root: Loose = (typeof self !== 'undefined' ? self : typeof window !== 'undefined' ? window : Function('return this')()) as Loose;

define(root, 'globalThis', root);

define(Array.prototype, 'flat', function flat(this: unknown[], depth = 1): unknown[] {
  const out: unknown[] = [];
  const walk = (list: unknown[], d: number): void => {
    for (const item of list) {
      if (Array.isArray(item) && d > 0) walk(item, d - 1);
      else out.push(item);
    }
  };
  walk(this, Math.floor(Number(depth)) || 0);
  return out;
});

define(Array.prototype, 'flatMap', function flatMap(this: unknown[], fn: (value: unknown, index: number, array: unknown[]) => unknown, thisArg?: unknown): unknown[] {
  const out: unknown[] = [];
  this.forEach((value, index, array) => {
    const mapped = fn.call(thisArg, value, index, array);
    if (Array.isArray(mapped)) out.push(...mapped);
    else out.push(mapped);
  });
  return out;
});

define(Object, 'fromEntries', function fromEntries(entries: Iterable<readonly [PropertyKey, unknown]>): Loose {
  const out: Record<PropertyKey, unknown> = {};
  for (const [key, value] of entries) out[key] = value;
  return out as Loose;
});

define(Object, 'hasOwn', function hasOwn(object: object, key: PropertyKey): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
});

define(String.prototype, 'trimStart', function trimStart(this: string): string {
  return this.replace(/^[\s\uFEFF\u00A0]+/, '');
});

define(String.prototype, 'trimEnd', function trimEnd(this: string): string {
  return this.replace(/[\s\uFEFF\u00A0]+$/, '');
});

/** UTF-8 encoding only, as the OOXML reader needs. */
class Utf8Encoder {
  readonly encoding = 'utf-8';
  encode(text = ''): Uint8Array {
    const bytes: number[] = [];
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          i += 1;
        }
      }
      if (code < 0x80) bytes.push(code);
      else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
      else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
      else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    }
    return new Uint8Array(bytes);
  }
}

define(root, 'TextEncoder', Utf8Encoder);

define(root, 'BigInt', function BigIntStandIn(value: unknown): number {
  return Number(value);
});
