/**
 * `xl/sharedStrings.xml`: the workbook's string table. Each `<si>` is plain (`<t>`) or rich text
 * (`<r><t>` runs, possibly after a leading `<t>`); the text is every `<t>` in document order,
 * phonetic runs (`<rPh>`) excluded, `_xHHHH_` escapes decoded, spaces kept as stored.
 */
import type { XmlHandlers } from './xml.ts';
import { decodeOoxmlEscapes } from './xml.ts';

/** XML handlers appending each `<si>`'s text to `out`, in order (index = shared-string index). */
export function sharedStringsHandlers(out: string[]): XmlHandlers {
  let inSi = false;
  let inT = false;
  let text = '';
  return {
    open(name) {
      switch (name) {
        case 'si':
          inSi = true;
          text = '';
          return;
        case 't':
          inT = inSi;
          return;
        case 'rPh':
        case 'rPr':
        case 'phoneticPr':
          return true;
        default:
          return;
      }
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'si') {
        out.push(decodeOoxmlEscapes(text));
        inSi = false;
        text = '';
      }
    },
    text(chunk) {
      if (inT) text += chunk;
    },
  };
}
