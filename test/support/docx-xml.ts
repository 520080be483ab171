/** Reading a written .docx in tests: its parts, paragraphs, tables and sections, from the XML. */
import { unzipText } from './zip.ts';

/** Every part of the package as text (XML parts only are read). */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries([...unzipText(bytes)].filter(([name]) => /\.(xml|rels)$/.test(name)));
}

const unescape = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of a piece of WordprocessingML: its `<w:t>` runs joined, a `<w:br/>` as `\n`. */
export function textOf(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)) out += m[1] === undefined ? '\n' : unescape(m[1]);
  return out;
}

/** The paragraphs of `xml` (those inside tables too), as XML. */
export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>|<w:p\/>/g)].map((m) => m[0]);
}

/** The tables of `xml` (not nested), each as rows of cell texts. */
export function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphs(c[0]).map(textOf).join('\n'))),
  );
}

/** The body split into sections: each section's content and its `<w:sectPr>`. */
export function sections(document: string): { xml: string; sectPr: string }[] {
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(document)?.[1] ?? '';
  const out: { xml: string; sectPr: string }[] = [];
  const re = /<w:sectPr[\s\S]*?<\/w:sectPr>/g;
  let start = 0;
  for (const m of body.matchAll(re)) {
    out.push({ xml: body.slice(start, m.index), sectPr: m[0] });
    start = (m.index ?? 0) + m[0].length;
  }
  return out;
}
