/**
 * Streaming, namespace-agnostic XML for package parts, on saxes. Elements are reported by local
 * name (`x:c` and Strict-namespace `c` both arrive as `c`); markup-compatibility wrappers are
 * resolved (`mc:Fallback` content is kept, `mc:Choice` skipped); a part declaring a DOCTYPE or
 * ENTITY is refused outright, so no entity is ever defined, let alone expanded.
 */
import { DecodeUTF8 } from 'fflate';
import { SaxesParser } from 'saxes';

/** What a part parser does with the elements it meets. */
export interface XmlHandlers {
  /**
   * An element opened. `attrs` maps attribute names as written (prefix included) to values.
   * Return `true` to skip the element's whole subtree (its `close` still arrives).
   */
  open(name: string, attrs: Record<string, string>): boolean | void;
  /** An element closed (self-closing elements close right after opening). */
  close?(name: string): void;
  /** Character data (text or CDATA) inside the current element, in pieces. */
  text?(text: string): void;
}

/** The part declares a DOCTYPE or ENTITY: refused, never parsed further. */
export class HostileXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HostileXmlError';
  }
}

/** The part is too broken to go on (saxes met too many well-formedness errors). */
export class MalformedXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedXmlError';
  }
}

/** Handlers throw this to stop reading a part early on purpose (e.g. a limit reached). */
export class StopParsing extends Error {
  constructor() {
    super('parsing stopped');
    this.name = 'StopParsing';
  }
}

/** Local name of a possibly prefixed XML name: `x:sheetData` → `sheetData`. */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** Value of the first attribute whose local name is `local` (for namespaced ones such as `r:id`). */
export function attrByLocalName(attrs: Record<string, string>, local: string): string | undefined {
  for (const key in attrs) {
    if (key === local || key.endsWith(':' + local)) return attrs[key];
  }
  return undefined;
}

const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Decodes OOXML `_xHHHH_` escapes (`_x000D_` → CR); `_x005F_` is a literal `_`, so
 * `_x005F_x000D_` reads as the text `_x000D_`.
 */
export function decodeOoxmlEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Outcome of parsing one part. `errors` counts well-formedness errors saxes recovered from. */
export interface XmlOutcome {
  errors: number;
  firstError?: string;
}

const MAX_RECOVERED_ERRORS = 1000;
/** True when `text` contains `<!DOCTYPE` or `<!ENTITY` (any case). `indexOf` keeps this near memchr speed. */
function declaresDtd(text: string): boolean {
  for (let i = text.indexOf('<!'); i >= 0; i = text.indexOf('<!', i + 2)) {
    const c = text.charCodeAt(i + 2) | 0x20;
    if (c !== 0x64 && c !== 0x65) continue;
    const word = text.slice(i + 2, i + 9).toUpperCase();
    if (word === 'DOCTYPE' || word.startsWith('ENTITY')) return true;
  }
  return false;
}

/**
 * A push-style XML reader: feed it the part's bytes in chunks, then call `end`.
 * Decodes UTF-8 (BOM optional) or UTF-16 with a BOM.
 * @throws HostileXmlError from `write` when a DOCTYPE or ENTITY declaration appears;
 *   MalformedXmlError after 1,000 well-formedness errors; StopParsing or anything else the
 *   handlers throw passes through.
 */
export class XmlStream {
  private readonly parser: SaxesParser;
  private readonly decoder: DecodeUTF8;
  private utf16: 'le' | 'be' | null = null;
  private oddByte = -1;
  private started = false;
  private tail = '';
  private skipDepth = 0;
  /** Local name of the element whose subtree a handler asked to skip (its close is still reported). */
  private skipClose: string | null = null;
  /** Per open element: 0 normal, 1 transparent (AlternateContent/Fallback, not reported). */
  private readonly stack: number[] = [];
  private readonly outcome: XmlOutcome = { errors: 0 };

  constructor(private readonly handlers: XmlHandlers) {
    const parser = new SaxesParser({ position: false });
    this.parser = parser;
    this.decoder = new DecodeUTF8((text) => this.feed(text));
    parser.on('doctype', () => {
      throw new HostileXmlError('DOCTYPE declaration');
    });
    parser.on('error', (err: Error) => {
      this.outcome.errors++;
      if (this.outcome.firstError === undefined) this.outcome.firstError = err.message;
      if (this.outcome.errors >= MAX_RECOVERED_ERRORS) throw new MalformedXmlError(`too many XML errors, first: ${this.outcome.firstError}`);
    });
    parser.on('opentag', (tag) => this.onOpen(tag.name, tag.attributes as Record<string, string>));
    parser.on('closetag', (tag) => this.onClose(tag.name));
    parser.on('text', (text) => this.onText(text));
    parser.on('cdata', (text) => this.onText(text));
  }

  private onOpen(name: string, attrs: Record<string, string>): void {
    if (this.skipDepth > 0) {
      this.skipDepth++;
      return;
    }
    const local = localName(name);
    if (local === 'AlternateContent' || local === 'Fallback') {
      this.stack.push(1);
      return;
    }
    if (local === 'Choice' && this.stack[this.stack.length - 1] === 1) {
      this.skipDepth = 1;
      return;
    }
    this.stack.push(0);
    if (this.handlers.open(local, attrs) === true) {
      this.stack.pop();
      this.skipDepth = 1;
      this.skipClose = local;
    }
  }

  private onClose(name: string): void {
    if (this.skipDepth > 0) {
      this.skipDepth--;
      if (this.skipDepth === 0 && this.skipClose !== null) {
        const local = this.skipClose;
        this.skipClose = null;
        this.handlers.close?.(local);
      }
      return;
    }
    if (this.stack.pop() === 1) return;
    this.handlers.close?.(localName(name));
  }

  private onText(text: string): void {
    if (this.skipDepth === 0 && this.handlers.text !== undefined) this.handlers.text(text);
  }

  private feed(text: string): void {
    if (text.length === 0) return;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    // Refuse DTDs before saxes sees them; `tail` catches a declaration split across chunks.
    if (declaresDtd(text) || (this.tail !== '' && declaresDtd(this.tail + text.slice(0, 9)))) {
      throw new HostileXmlError('DOCTYPE or ENTITY declaration');
    }
    this.tail = text.length >= 9 ? text.slice(-9) : (this.tail + text).slice(-9);
    this.parser.write(text);
  }

  /** Pushes the next bytes of the part. */
  write(bytes: Uint8Array): void {
    if (!this.started && this.utf16 === null && bytes.length >= 2) {
      if (bytes[0] === 0xff && bytes[1] === 0xfe) this.utf16 = 'le';
      else if (bytes[0] === 0xfe && bytes[1] === 0xff) this.utf16 = 'be';
      if (this.utf16 !== null) bytes = bytes.subarray(2);
    }
    if (this.utf16 !== null) this.feed(this.decodeUtf16(bytes));
    else this.decoder.push(bytes, false);
  }

  private decodeUtf16(bytes: Uint8Array): string {
    let i = 0;
    const units: number[] = [];
    const le = this.utf16 === 'le';
    if (this.oddByte >= 0 && bytes.length > 0) {
      const a = this.oddByte;
      const b = bytes[0] ?? 0;
      units.push(le ? a | (b << 8) : (a << 8) | b);
      this.oddByte = -1;
      i = 1;
    }
    for (; i + 1 < bytes.length; i += 2) {
      const a = bytes[i] ?? 0;
      const b = bytes[i + 1] ?? 0;
      units.push(le ? a | (b << 8) : (a << 8) | b);
    }
    if (i < bytes.length) this.oddByte = bytes[i] ?? 0;
    let out = '';
    for (let k = 0; k < units.length; k += 8192) out += String.fromCharCode(...units.slice(k, k + 8192));
    return out;
  }

  /** Ends the part (runs saxes' final well-formedness checks) and reports recovered errors. */
  end(): XmlOutcome {
    if (this.utf16 === null) {
      try {
        this.decoder.push(new Uint8Array(0), true);
      } catch {
        // A multi-byte sequence cut at the very end: the XML is broken and saxes will say so.
      }
    }
    this.parser.close();
    return this.outcome;
  }
}
