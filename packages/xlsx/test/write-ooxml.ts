/**
 * A small, test-only view of the xlsx files our writers produce: unzips with fflate and picks
 * sheets, defined names, shared strings, cells (value, formula, style) and styles out of the XML
 * with regular expressions. Good enough for our own regular output; not a general reader.
 */
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

export interface XCell {
  ref: string;
  /** Cell type attribute (`s`, `str`, `n`…), absent for numbers. */
  t?: string;
  /** Style index. */
  s: number;
  /** Decoded value: shared strings resolved, numbers as numbers, `''` for an empty string result, null when absent. */
  value: string | number | null;
  formula?: string;
}

export interface XSheet {
  name: string;
  state: string;
  path: string;
  xml: string;
  cells: Map<string, XCell>;
}

export interface XBook {
  parts: Record<string, Uint8Array>;
  names: string[];
  sheets: XSheet[];
  definedNames: Array<{ name: string; ref: string; localSheetId?: string }>;
  cellXfs: string[];
  fills: string[];
  sheet(name: string): XSheet;
  cell(sheet: string, ref: string): XCell | undefined;
  /** A workbook-scoped defined name's reference. */
  ref(name: string): string | undefined;
}

/** Decodes the five XML entities and numeric references. */
export function unescapeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Attributes of one start tag, entity-decoded. */
export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]!] = unescapeXml(m[2]!);
  return out;
}

function text(part: Record<string, Uint8Array>, name: string): string {
  const data = part[name];
  if (!data) throw new Error(`missing part ${name}`);
  return strFromU8(data);
}

/** Opens an xlsx written by our writers. */
export function openXlsx(bytes: Uint8Array): XBook {
  const parts = unzipSync(bytes);
  const workbook = text(parts, 'xl/workbook.xml');
  const rels = text(parts, 'xl/_rels/workbook.xml.rels');
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship [^>]*\/>/g)) {
    const a = attrs(m[0]);
    target.set(a.Id!, `xl/${a.Target!.replace(/^\/?xl\//, '')}`);
  }
  const shared: string[] = [];
  if (parts['xl/sharedStrings.xml']) {
    for (const m of text(parts, 'xl/sharedStrings.xml').matchAll(/<si>(.*?)<\/si>/gs)) {
      shared.push([...m[1]!.matchAll(/<t(?: [^>]*)?>(.*?)<\/t>/gs)].map((t) => unescapeXml(t[1]!)).join(''));
    }
  }
  const sheets: XSheet[] = [...workbook.matchAll(/<sheet [^>]*\/>/g)].map((m) => {
    const a = attrs(m[0]);
    const path = target.get(a['r:id']!)!;
    const xml = text(parts, path);
    const cells = new Map<string, XCell>();
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
      const ca = attrs(c[2]!);
      const inner = c[3] ?? '';
      const f = /<f>(.*?)<\/f>/s.exec(inner)?.[1];
      const v = /<v>(.*?)<\/v>/s.exec(inner)?.[1] ?? (/<v\/>|<v><\/v>/.test(inner) ? '' : undefined);
      const is = /<is>.*?<t[^>]*>(.*?)<\/t>/s.exec(inner)?.[1];
      let value: string | number | null = null;
      if (ca.t === 's' && v !== undefined) value = shared[Number(v)] ?? null;
      else if (ca.t === 'str' || ca.t === 'e') value = v === undefined ? '' : unescapeXml(v);
      else if (ca.t === 'inlineStr') value = is === undefined ? null : unescapeXml(is);
      else if (ca.t === 'b') value = v === undefined ? null : Number(v);
      else if (v !== undefined && v !== '') value = Number(v);
      const cell: XCell = { ref: c[1]!, s: Number(ca.s ?? 0), value };
      if (ca.t) cell.t = ca.t;
      if (f !== undefined) cell.formula = unescapeXml(f);
      cells.set(c[1]!, cell);
    }
    return { name: a.name!, state: a.state ?? 'visible', path, xml, cells };
  });
  const definedNames = [...workbook.matchAll(/<definedName ([^>]*)>(.*?)<\/definedName>/g)].map((m) => {
    const a = attrs(`<x ${m[1]!}>`);
    const d: { name: string; ref: string; localSheetId?: string } = { name: a.name!, ref: unescapeXml(m[2]!) };
    if (a.localSheetId !== undefined) d.localSheetId = a.localSheetId;
    return d;
  });
  const styles = text(parts, 'xl/styles.xml');
  const cellXfs = [...(/<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)?.[1] ?? '').matchAll(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/gs)].map((m) => m[0]);
  const fills = [...(/<fills[^>]*>(.*?)<\/fills>/s.exec(styles)?.[1] ?? '').matchAll(/<fill>.*?<\/fill>/gs)].map((m) => m[0]);
  const book: XBook = {
    parts,
    names: Object.keys(parts),
    sheets,
    definedNames,
    cellXfs,
    fills,
    sheet(name) {
      const s = sheets.find((x) => x.name === name);
      if (!s) throw new Error(`no sheet ${name}`);
      return s;
    },
    cell(sheet, ref) {
      return book.sheet(sheet).cells.get(ref);
    },
    ref(name) {
      return definedNames.find((d) => d.name === name && d.localSheetId === undefined)?.ref;
    },
  };
  return book;
}

/** The `<dataValidation>` elements of a sheet: type, sqref, formula1, formula2 and attributes. */
export function dataValidations(sheet: XSheet): Array<{ type?: string; sqref: string; formula1?: string; formula2?: string; attrs: Record<string, string> }> {
  return [...sheet.xml.matchAll(/<dataValidation ([^>]*)>(.*?)<\/dataValidation>/gs)].map((m) => {
    const a = attrs(`<x ${m[1]!}>`);
    const f1 = /<formula1>(.*?)<\/formula1>/s.exec(m[2]!)?.[1];
    const f2 = /<formula2>(.*?)<\/formula2>/s.exec(m[2]!)?.[1];
    return {
      ...(a.type ? { type: a.type } : {}),
      sqref: a.sqref ?? '',
      ...(f1 !== undefined ? { formula1: unescapeXml(f1) } : {}),
      ...(f2 !== undefined ? { formula2: unescapeXml(f2) } : {}),
      attrs: a,
    };
  });
}

/** Whether the cell's style unlocks it (`<protection locked="0"/>`). */
export function isUnlocked(book: XBook, cell: XCell | undefined): boolean {
  const xf = book.cellXfs[cell?.s ?? 0] ?? '';
  return /<protection [^>]*locked="0"/.test(xf);
}

/** The ARGB colour of the solid fill of a cell's style, if any. */
export function fillColor(book: XBook, cell: XCell | undefined): string | undefined {
  const xf = attrs(/<xf [^>]*>/.exec(book.cellXfs[cell?.s ?? 0] ?? '')?.[0] ?? '');
  const fill = book.fills[Number(xf.fillId ?? 0)] ?? '';
  return /<fgColor rgb="([0-9A-F]{8})"/i.exec(fill)?.[1];
}

/** 1-based row and column of an A1 reference. */
export function rowCol(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`bad ref ${ref}`);
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}

/** Parses CSV (RFC 4180: quotes, doubled quotes, newlines inside quotes) into rows of fields. */
export function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && csv[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Parses every `.xml`/`.rels` part with saxes; returns `part: error` for each part that is not well-formed. */
export function wellFormed(parts: Record<string, Uint8Array>): string[] {
  const errors: string[] = [];
  for (const [name, data] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const parser = new SaxesParser({ xmlns: true });
    let first: string | undefined;
    parser.on('error', (e) => {
      first ??= e.message;
    });
    try {
      parser.write(strFromU8(data)).close();
    } catch (e) {
      first ??= String(e);
    }
    if (first) errors.push(`${name}: ${first}`);
  }
  return errors;
}
