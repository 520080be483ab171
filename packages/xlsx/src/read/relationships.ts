/**
 * OPC relationships (`_rels/*.rels`) and content types (`[Content_Types].xml`): which part is the
 * workbook, which parts are its sheets, shared strings and styles. Relationship types are matched
 * by their last path segment, so Transitional (`http://schemas.openxmlformats.org/...`) and Strict
 * (`http://purl.oclc.org/ooxml/...`) namespaces both work.
 */
import type { XmlHandlers } from './xml.ts';
import { attrByLocalName } from './xml.ts';
import { normaliseEntryName } from './zip.ts';

/** One `<Relationship>`. */
export interface Relationship {
  id: string;
  /** The full type URI. */
  type: string;
  /** Target as written (relative or absolute, possibly with `\`). */
  target: string;
  /** `true` for `TargetMode="External"` (a URL or outside file, never a part). */
  external: boolean;
}

/** True when a relationship type URI ends with `/<kind>` (`officeDocument`, `worksheet`, …). */
export function isRelType(type: string, kind: string): boolean {
  return type.endsWith('/' + kind);
}

/** XML handlers collecting the relationships of a `.rels` part into `out`. */
export function relationshipsHandlers(out: Relationship[]): XmlHandlers {
  return {
    open(name, attrs) {
      if (name !== 'Relationship') return;
      out.push({
        id: attrs['Id'] ?? attrByLocalName(attrs, 'Id') ?? '',
        type: attrs['Type'] ?? '',
        target: attrs['Target'] ?? '',
        external: (attrs['TargetMode'] ?? '').toLowerCase() === 'external',
      });
    },
  };
}

/** `[Content_Types].xml` overrides: part name (normalised, no leading `/`) → content type. */
export function contentTypesHandlers(out: Map<string, string>): XmlHandlers {
  return {
    open(name, attrs) {
      if (name !== 'Override') return;
      const part = attrs['PartName'];
      const type = attrs['ContentType'];
      if (part !== undefined && type !== undefined) out.set(normaliseEntryName(part).toLowerCase(), type);
    },
  };
}

/** True for content types of a workbook's main part (xlsx, xlsm, xltx, xltm; Transitional or Strict). */
export function isWorkbookContentType(type: string): boolean {
  const t = type.toLowerCase();
  return t.endsWith('.main+xml') && (t.includes('spreadsheetml') || t.includes('ms-excel'));
}

/**
 * What a package's main document is, from its content type, when it is not a workbook: Word
 * (`…wordprocessingml.document.main+xml`, `application/vnd.ms-word.document.macroEnabled.main+xml`,
 * templates too) → `docx`; PowerPoint (`presentationml`, `ms-powerpoint`) → `pptx`; an Excel
 * binary workbook (`…ms-excel.sheet.binary.macroEnabled.main`) → `xlsb`; a workbook → null;
 * any other main part (Visio, XPS…) → `unknown`.
 */
export function foreignMainKind(type: string): 'docx' | 'pptx' | 'xlsb' | 'unknown' | null {
  const t = type.toLowerCase();
  if (t.includes('sheet.binary')) return 'xlsb';
  if (isWorkbookContentType(t)) return null;
  if (t.includes('wordprocessingml') || t.includes('ms-word')) return 'docx';
  if (t.includes('presentationml') || t.includes('ms-powerpoint')) return 'pptx';
  return 'unknown';
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; package → `_rels/.rels`. */
export function relsPartFor(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * Resolves a relationship target to a part name (no leading `/`, `/` separators).
 * @param source the part the relationship belongs to (`''` for the package itself).
 * @param target as written: `/xl/worksheets/sheet1.xml` (absolute), `worksheets/sheet1.xml` or
 *   `../xl/styles.xml` (relative to the source's folder), possibly with `\`. Percent-escapes are
 *   kept; the package lookup tries the decoded name too.
 */
export function resolveTarget(source: string, target: string): string {
  let t = target.replace(/\\/g, '/');
  const hash = t.indexOf('#');
  if (hash >= 0) t = t.slice(0, hash);
  let segments: string[];
  if (t.startsWith('/')) segments = [];
  else {
    segments = source.split('/');
    segments.pop();
  }
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(seg);
  }
  return segments.join('/');
}
