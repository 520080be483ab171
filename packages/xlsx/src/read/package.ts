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
import { inflateEntry, ZipEntryError } from './zip.ts';

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
    const ratioFinding = this.checkRatio(entry);
    if (ratioFinding !== null) return { status: 'fatal', finding: ratioFinding };
    if (entry.uncompressedSize > this.budget) {
      const total = this.limits.maxTotalUncompressedBytes - this.budget + entry.uncompressedSize;
      return { status: 'fatal', finding: F.uncompressedTooLarge(this.ctx, total, this.limits.maxTotalUncompressedBytes) };
    }
    this.budget -= entry.uncompressedSize;
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
