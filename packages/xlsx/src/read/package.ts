/**
 * The opened zip package: part lookup (case-insensitive, as OPC part names are), the byte budget
 * shared by all parts read, and the pipe part bytes → inflate → decode → XML handlers, with
 * every limit enforced before and during inflation.
 */
import type { Finding } from '@cchc-kpi/core';
import type { ReadLimits } from '../limits.ts';
import type { FindingContext } from './findings.ts';
import * as F from './findings.ts';
import type { XmlHandlers } from './xml.ts';
import { HostileXmlError, MalformedXmlError, StopParsing, XmlStream } from './xml.ts';
import type { ZipEntry } from './zip.ts';
import { entryData, inflateEntry, ZipEntryError } from './zip.ts';

/**
 * How reading one part ended.
 * - `ok`: parsed to the end; `xmlErrors` > 0 when saxes recovered from well-formedness errors.
 * - `stopped`: a handler threw `StopParsing` (the handler made its own finding).
 * - `broken`: this part could not be read (`finding` says why); other parts may still be fine.
 * - `fatal`: the file must be refused (limits, zip bomb, DTD); `finding` says why.
 */
export type PartOutcome =
  | { status: 'ok'; xmlErrors: number; firstXmlError?: string }
  | { status: 'stopped' }
  | { status: 'broken'; finding: Finding }
  | { status: 'fatal'; finding: Finding };

/** The parts of an opened zip, with the limits and budget every read goes through. */
export class PackageReader {
  private readonly parts = new Map<string, ZipEntry>();
  /** Declared uncompressed bytes still allowed (maxTotalUncompressedBytes minus parts read). */
  private budget: number;

  /**
   * @param bytes the whole file.
   * @param entries the central directory (see `readZipDirectory`).
   */
  constructor(
    private readonly bytes: Uint8Array,
    entries: readonly ZipEntry[],
    private readonly limits: ReadLimits,
    private readonly ctx: FindingContext,
  ) {
    this.budget = limits.maxTotalUncompressedBytes;
    for (const entry of entries) {
      if (entry.name.endsWith('/')) continue;
      const key = entry.name.toLowerCase();
      if (!this.parts.has(key)) this.parts.set(key, entry);
    }
  }

  /** Number of file entries (directories excluded). */
  get size(): number {
    return this.parts.size;
  }

  /** Names of the file entries (as stored, directories excluded), in directory order. */
  names(): string[] {
    return [...this.parts.values()].map((entry) => entry.name);
  }

  /**
   * Finds a part by name, case-insensitively; also tries the percent-decoded name.
   * @returns the stored entry or `undefined`.
   */
  find(name: string): ZipEntry | undefined {
    const direct = this.parts.get(name.toLowerCase());
    if (direct !== undefined || !name.includes('%')) return direct;
    try {
      return this.parts.get(decodeURIComponent(name).toLowerCase());
    } catch {
      return undefined;
    }
  }

  /**
   * Checks parts against the ratio and total-size limits from their declared sizes, before any
   * of them is inflated.
   * @returns a fatal finding, or `null` when all may be read.
   */
  precheck(entries: readonly ZipEntry[]): Finding | null {
    let total = 0;
    for (const entry of entries) {
      const ratioFinding = this.checkRatio(entry);
      if (ratioFinding !== null) return ratioFinding;
      total += entry.uncompressedSize;
    }
    if (total > this.budget) {
      return F.uncompressedTooLarge(this.ctx, this.limits.maxTotalUncompressedBytes - this.budget + total, this.limits.maxTotalUncompressedBytes);
    }
    return null;
  }

  private checkRatio(entry: ZipEntry): Finding | null {
    const { uncompressedSize: u, compressedSize: c } = entry;
    if (u <= this.limits.compressionRatioMinBytes) return null;
    const ratio = u / Math.max(c, 1);
    return ratio > this.limits.maxCompressionRatio ? F.zipBombRatio(this.ctx, entry.name, ratio, this.limits.maxCompressionRatio) : null;
  }

  /**
   * Streams one part through XML handlers. Checks the part's declared size against the ratio
   * limit and the remaining budget first; inflation stops the moment it exceeds the declared size.
   * @returns how it ended; never throws for bad input (handler bugs other than `StopParsing` propagate).
   */
  parse(entry: ZipEntry, handlers: XmlHandlers): PartOutcome {
    const refused = this.admit(entry);
    if (refused !== null) return refused;
    return this.stream(entry, handlers);
  }

  /**
   * Like {@link parse} for a part whose reading yields a value (`make` gives fresh handlers and
   * the value they fill), for the parts every report of one template shares byte for byte
   * (relationships, workbook, styles): when this part's compressed bytes equal those of a part
   * of the same `kind` parsed cleanly before (in this thread), that earlier value is returned
   * without inflating or parsing. The same limits apply either way. The value is shared between
   * calls: callers must not change it.
   */
  parseShared<T>(entry: ZipEntry, kind: string, make: () => { handlers: XmlHandlers; value: T }): { outcome: PartOutcome; value: T } {
    const refused = this.admit(entry);
    if (refused !== null) return { outcome: refused, value: make().value };
    const raw = entryData(this.bytes, entry);
    const key = `${kind}\u0000${entry.method}\u0000${entry.flags}\u0000${entry.uncompressedSize}\u0000${raw?.length ?? -1}`;
    const cached = raw === null ? undefined : sharedParts.get(key);
    if (cached !== undefined && raw !== null && sameBytes(cached.raw, raw)) return { outcome: { status: 'ok', xmlErrors: 0 }, value: cached.value as T };
    const { handlers, value } = make();
    const outcome = this.stream(entry, handlers);
    if (raw !== null && outcome.status === 'ok' && outcome.xmlErrors === 0 && raw.length <= SHARED_PART_MAX_BYTES) {
      if (sharedParts.size >= SHARED_PARTS_MAX) sharedParts.clear();
      sharedParts.set(key, { raw: raw.slice(), value });
    }
    return { outcome, value };
  }

  /** The ratio and budget checks every part read goes through; null when it may be read (the budget is then charged). */
  private admit(entry: ZipEntry): PartOutcome | null {
    const ratioFinding = this.checkRatio(entry);
    if (ratioFinding !== null) return { status: 'fatal', finding: ratioFinding };
    if (entry.uncompressedSize > this.budget) {
      const total = this.limits.maxTotalUncompressedBytes - this.budget + entry.uncompressedSize;
      return { status: 'fatal', finding: F.uncompressedTooLarge(this.ctx, total, this.limits.maxTotalUncompressedBytes) };
    }
    this.budget -= entry.uncompressedSize;
    return null;
  }

  private stream(entry: ZipEntry, handlers: XmlHandlers): PartOutcome {
    const xml = new XmlStream(handlers);
    try {
      inflateEntry(this.bytes, entry, entry.uncompressedSize, (chunk) => xml.write(chunk));
      const outcome = xml.end();
      return outcome.firstError === undefined
        ? { status: 'ok', xmlErrors: outcome.errors }
        : { status: 'ok', xmlErrors: outcome.errors, firstXmlError: outcome.firstError };
    } catch (error) {
      if (error instanceof StopParsing) return { status: 'stopped' };
      if (error instanceof HostileXmlError) return { status: 'fatal', finding: F.xmlDoctype(this.ctx, entry.name) };
      if (error instanceof ZipEntryError) {
        if (error.kind === 'oversize') return { status: 'fatal', finding: F.zipSizeMismatch(this.ctx, entry.name, entry.uncompressedSize) };
        if (error.kind === 'unsupported') return { status: 'broken', finding: F.zipUnsupported(this.ctx, entry.name, error.message) };
        return { status: 'broken', finding: F.zipCorrupt(this.ctx, error.message, entry.name) };
      }
      if (error instanceof MalformedXmlError) {
        return { status: 'broken', finding: F.xmlMalformed(this.ctx, entry.name, error.message, 'error') };
      }
      throw error;
    }
  }
}

/** Parts parsed cleanly, by kind and size, with their compressed bytes (see `PackageReader.parseShared`). */
const sharedParts = new Map<string, { raw: Uint8Array; value: unknown }>();
/** Most parts remembered; the map is emptied when full (a new template, another writer). */
const SHARED_PARTS_MAX = 64;
/** Largest compressed part remembered. */
const SHARED_PART_MAX_BYTES = 64 * 1024;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
