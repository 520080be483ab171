import { stringifyChunked } from '@discoveryjs/json-ext';

/**
 * The JSON text of `value` as `cchc` writes it (two-space indentation, then a newline), produced
 * piece by piece instead of as one string: joined, the chunks are exactly
 * `JSON.stringify(value, null, 2) + '\n'`, so a large consolidation (16 KB per unit) is never held
 * as a whole in memory. Each chunk is a whole number of JSON tokens (a string is never cut
 * between the two halves of a surrogate pair), about 16 K characters long, the newline last.
 *
 * `value` must be an object or an array, as JSON documents here are (for a bare `undefined`,
 * `JSON.stringify` gives no text at all, whereas this gives `null`). Values are converted like
 * `JSON.stringify` does: `toJSON()` is called, `undefined`, functions and symbols are left out of
 * objects and become `null` in arrays, non-finite numbers become `null`, `-0` is written `0`.
 * @throws TypeError, while iterating, for a circular structure or a BigInt (as `JSON.stringify`).
 */
export function* jsonChunks(value: object): Generator<string, void, undefined> {
  yield* stringifyChunked(value, null, 2);
  yield '\n';
}
