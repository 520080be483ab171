/**
 * Built-ins the Word bundle (docx) uses beyond those of polyfills.ts, installed only there so the
 * pane's own bundle stays as it is: `String.prototype.matchAll` (ES2020; docx finds the
 * placeholders of the parts it writes with it). Installed only where missing; WebView2 has it.
 */
import { define } from './polyfills.ts';

/** An iterator over the matches of a global RegExp, as `String.prototype.matchAll` gives them. */
function* matches(text: string, pattern: RegExp): IterableIterator<RegExpExecArray> {
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    // An empty match moves on by one code point (two units for a surrogate pair under `u`).
    if (match[0] === '') {
      const at = pattern.lastIndex;
      const code = text.charCodeAt(at);
      pattern.lastIndex = at + (pattern.unicode && code >= 0xd800 && code <= 0xdbff && at + 1 < text.length ? 2 : 1);
    }
    yield match;
  }
}

define(String.prototype, 'matchAll', function matchAll(this: string, regexp: RegExp | string): IterableIterator<RegExpExecArray> {
  const source = regexp instanceof RegExp ? regexp : new RegExp(regexp, 'g');
  if (!source.global) throw new TypeError('String.prototype.matchAll called with a non-global RegExp argument');
  const pattern = new RegExp(source.source, source.flags);
  pattern.lastIndex = source.lastIndex;
  return matches(String(this), pattern);
});
