/**
 * Reports read in worker threads arrive as copies: each carries its own copy of every sheet name,
 * cell reference, status and finding text, and a consolidation of ten thousand reports would keep
 * ten thousand copies of each. Interning makes the summaries share one.
 */

/** A pool of strings: the first of each text seen, handed out for every later equal one. */
export type StringPool = Map<string, string>;

/**
 * Replaces, in place, every string held in `value` — walking plain objects and arrays, depth
 * first — by the equal string already in `pool` (adding the ones not yet there). Objects are
 * visited once; frozen ones are left as they are. Pure apart from the changes to `value` and
 * `pool`: no text changes, only which copy of it is held.
 * @returns `value` itself (or the pooled string when `value` is a string).
 */
export function internStrings<T>(value: T, pool: StringPool, seen: WeakSet<object> = new WeakSet()): T {
  if (typeof value === 'string') return intern(value, pool) as T;
  if (value === null || typeof value !== 'object' || seen.has(value) || Object.isFrozen(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = internStrings(value[i], pool, seen);
    return value;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = internStrings(record[key], pool, seen);
  return value;
}

function intern(text: string, pool: StringPool): string {
  const pooled = pool.get(text);
  if (pooled !== undefined) return pooled;
  pool.set(text, text);
  return text;
}
