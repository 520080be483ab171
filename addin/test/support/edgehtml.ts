/**
 * What EdgeHTML 18 (ES2017) lacks, taken away from a JavaScript realm, so a bundle can be run as
 * that web view would run it: the built-ins newer than ES2017 or missing there (each deleted),
 * and the regular-expression syntax of ES2018 and later (a `RegExp` that throws a SyntaxError
 * for the `s`, `d` and `v` flags, lookbehind, named groups and `\p{…}`, as EdgeHTML does).
 * `EDGEHTML_SCRIPT` is plain ES5 text: the Node tests run it in a `vm` realm, the Chromium test
 * in the page before anything else.
 */
import { runInContext, createContext, type Context } from 'node:vm';

/** Built-ins the script deletes: `[owner expression, property]`. */
export const EDGEHTML_MISSING: readonly (readonly [string, string])[] = [
  ['window', 'BigInt'],
  ['window', 'TextEncoder'],
  ['window', 'TextDecoder'],
  ['window', 'structuredClone'],
  ['window', 'queueMicrotask'],
  ['Array.prototype', 'flat'],
  ['Array.prototype', 'flatMap'],
  ['Array.prototype', 'at'],
  ['String.prototype', 'matchAll'],
  ['String.prototype', 'replaceAll'],
  ['String.prototype', 'trimStart'],
  ['String.prototype', 'trimEnd'],
  ['String.prototype', 'at'],
  ['Object', 'fromEntries'],
  ['Object', 'hasOwn'],
  ['Promise', 'allSettled'],
  ['Promise', 'any'],
  ['window', 'globalThis'],
];

/** ES5 text that makes the realm of `window` look like EdgeHTML 18's. */
export const EDGEHTML_SCRIPT = `(function (window) {
  var missing = ${JSON.stringify(EDGEHTML_MISSING)};
  for (var i = 0; i < missing.length; i++) {
    var owner = missing[i][0] === 'window' ? window : missing[i][0].split('.').reduce(function (o, k) { return o[k]; }, window);
    delete owner[missing[i][1]];
  }
  var Native = window.RegExp;
  function es2018(source, flags) {
    return /[sdv]/.test(flags) || /\\(\\?<[=!]/.test(source) || /\\(\\?<[A-Za-z_$]/.test(source) || /\\\\k</.test(source) || (flags.indexOf('u') >= 0 && /\\\\[pP]\\{/.test(source));
  }
  function RegExp(pattern, flags) {
    var isRegExp = pattern instanceof Native;
    var source = isRegExp ? pattern.source : String(pattern === undefined ? '(?:)' : pattern);
    var f = flags === undefined ? (isRegExp ? pattern.flags : '') : String(flags);
    if (es2018(source, f)) throw new SyntaxError('Invalid regular expression: /' + source + '/' + f + ' (EdgeHTML 18)');
    return flags === undefined ? new Native(pattern) : new Native(pattern, flags);
  }
  RegExp.prototype = Native.prototype;
  Object.setPrototypeOf(RegExp, Native);
  window.RegExp = RegExp;
})(typeof window !== 'undefined' ? window : this);`;

/** A fresh `vm` realm made to look like EdgeHTML 18's (no DOM): `window` and `self` are its global. */
export function edgeHtmlRealm(): Context {
  const context = createContext({});
  runInContext('var window = this; var self = this;', context);
  runInContext(EDGEHTML_SCRIPT, context);
  return context;
}
