/**
 * Zip access for untrusted workbooks: the central directory is read first (names, declared
 * sizes, methods) so every limit can be checked before a byte is inflated, and an entry is then
 * inflated as a stream that stops as soon as it produces more than it declared (a lying
 * directory is the classic zip-bomb trick). Only fflate's `Inflate` is used for DEFLATE.
 * Runs in Node and in browsers (Uint8Array only).
 */
import { Inflate, inflateSync, strFromU8 } from 'fflate';

/** One file listed in the zip's central directory. */
export interface ZipEntry {
  /** Name as stored, with `\` turned into `/` and leading `/` removed (e.g. `xl/workbook.xml`). */
  name: string;
  /** Compression method: 0 stored, 8 DEFLATE (others are unsupported). */
  method: number;
  /** General-purpose bit flags; bit 0 set means the entry is encrypted (zip-level). */
  flags: number;
  /** Compressed size in bytes, as declared. */
  compressedSize: number;
  /** Uncompressed size in bytes, as declared. */
  uncompressedSize: number;
  /** Offset of the entry's local header from the start of the file. */
  localHeaderOffset: number;
}

/** The central directory, or why it could not be read. */
export type ZipDirectory =
  | { ok: true; entries: ZipEntry[] }
  | { ok: false; problem: 'no-end-record' }
  | { ok: false; problem: 'too-many-entries'; count: number }
  | { ok: false; problem: 'corrupt'; detail: string };

/** Raised while inflating one entry; `kind` tells the caller which finding to make. */
export class ZipEntryError extends Error {
  constructor(
    readonly kind: 'corrupt' | 'unsupported' | 'oversize',
    message: string,
  ) {
    super(message);
    this.name = 'ZipEntryError';
  }
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
/** Compressed bytes pushed to the inflater at a time: bounds the output one push can produce. */
const INFLATE_CHUNK = 64 * 1024;

function u16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24)) >>> 0;
}
/** 64-bit little-endian as a JS number (exact up to 2^53, more than any file we accept). */
function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x1_0000_0000;
}

/** Normalises a stored entry name to the form parts are looked up by. */
export function normaliseEntryName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '');
}

/**
 * Reads the central directory of a zip held in memory.
 * @param bytes the whole file.
 * @param maxEntries most entries accepted; checked from the end record before the directory is walked.
 * @returns the entries (directories included, names normalised) or the problem met; never throws.
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipDirectory {
  const len = bytes.length;
  if (len < 22) return { ok: false, problem: 'no-end-record' };
  // The end record is within the last 22 + 65535 (max comment) bytes.
  let eocd = -1;
  const stop = Math.max(0, len - 22 - 0xffff);
  for (let i = len - 22; i >= stop; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && u32(bytes, i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, problem: 'no-end-record' };

  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if (eocd >= 20 && u32(bytes, eocd - 20) === SIG_ZIP64_LOCATOR) {
    const z64 = u64(bytes, eocd - 12);
    if (z64 + 56 <= len && u32(bytes, z64) === SIG_ZIP64_EOCD) {
      count = u64(bytes, z64 + 32);
      cdSize = u64(bytes, z64 + 40);
      cdOffset = u64(bytes, z64 + 48);
    }
  }
  if (count > maxEntries) return { ok: false, problem: 'too-many-entries', count };
  if (cdOffset + cdSize > len) {
    // Data was prepended (e.g. a self-extractor stub) or the file is cut: try the directory just before the end record.
    const shifted = eocd - cdSize;
    if (shifted >= 0 && u32(bytes, shifted) === SIG_CENTRAL) cdOffset = shifted;
    else return { ok: false, problem: 'corrupt', detail: 'central directory beyond end of file' };
  }

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > len || u32(bytes, p) !== SIG_CENTRAL) {
      return { ok: false, problem: 'corrupt', detail: `central directory entry ${n + 1} of ${count} is damaged` };
    }
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let uncompressedSize = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localHeaderOffset = u32(bytes, p + 42);
    const nameStart = p + 46;
    const extraStart = nameStart + nameLen;
    if (extraStart + extraLen > len) return { ok: false, problem: 'corrupt', detail: 'central directory cut short' };
    // Zip64 extended sizes: fields equal to 0xFFFFFFFF are given, in this order, in extra field 0x0001.
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      for (let e = extraStart; e + 4 <= extraStart + extraLen; e += 4 + u16(bytes, e + 2)) {
        if (u16(bytes, e) !== 1) continue;
        let q = e + 4;
        if (uncompressedSize === 0xffffffff) (uncompressedSize = u64(bytes, q)), (q += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(bytes, q)), (q += 8);
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(bytes, q);
        break;
      }
    }
    // Bit 11: UTF-8 name; otherwise CP437, read as Latin-1 like fflate does (part names are ASCII).
    const rawName = strFromU8(bytes.subarray(nameStart, extraStart), (flags & 0x800) === 0);
    entries.push({
      name: normaliseEntryName(rawName),
      method,
      flags,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    p = extraStart + extraLen + commentLen;
  }
  return { ok: true, entries };
}

/**
 * The entry's data as stored in the file (compressed for DEFLATE entries), found through its
 * local header; null when the local header is missing or the data runs past the end of the file.
 */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const off = entry.localHeaderOffset;
  if (off + 30 > bytes.length || u32(bytes, off) !== SIG_LOCAL) return null;
  const start = off + 30 + u16(bytes, off + 26) + u16(bytes, off + 28);
  const end = start + entry.compressedSize;
  return end > bytes.length ? null : bytes.subarray(start, end);
}

/**
 * Inflates one entry as a stream of chunks.
 * @param bytes the whole file.
 * @param entry the entry, from {@link readZipDirectory}.
 * @param maxBytes most bytes the entry may produce (normally its declared size); producing more
 *   stops inflation at once with a `ZipEntryError` of kind `oversize`.
 * @param onChunk receives the uncompressed data in order (chunks are only valid during the call
 *   for stored entries, which are sub-arrays of `bytes`); it may throw to stop early.
 * @throws ZipEntryError (`corrupt`, `unsupported`, `oversize`); anything `onChunk` throws passes through.
 */
export function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  maxBytes: number,
  onChunk: (chunk: Uint8Array) => void,
): void {
  if (entry.flags & 1) throw new ZipEntryError('unsupported', 'entry is encrypted (zip-level password)');
  if (entry.method !== 0 && entry.method !== 8) {
    throw new ZipEntryError('unsupported', `compression method ${entry.method}`);
  }
  const off = entry.localHeaderOffset;
  if (off + 30 > bytes.length || u32(bytes, off) !== SIG_LOCAL) {
    throw new ZipEntryError('corrupt', 'local header missing');
  }
  const start = off + 30 + u16(bytes, off + 26) + u16(bytes, off + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipEntryError('corrupt', 'entry data cut short');

  if (entry.method === 0) {
    if (entry.compressedSize > maxBytes) throw new ZipEntryError('oversize', 'stored entry larger than declared');
    for (let p = start; p < end; p += INFLATE_CHUNK) onChunk(bytes.subarray(p, Math.min(end, p + INFLATE_CHUNK)));
    return;
  }

  if (entry.compressedSize === 0) return;
  // Small entries: one-shot into a buffer one byte larger than allowed, so overflow shows as a
  // full buffer. fflate drops writes past the end, so the work stays bounded by the compressed
  // size (≤ 64 KiB here, at most ~1032× that in output, as for one streamed chunk).
  if (entry.compressedSize <= INFLATE_CHUNK && maxBytes < 0x7fffffff) {
    let out: Uint8Array;
    try {
      out = inflateSync(bytes.subarray(start, end), { out: new Uint8Array(maxBytes + 1) });
    } catch (error) {
      if (error instanceof RangeError) throw new ZipEntryError('oversize', 'entry inflates beyond its declared size');
      if (error instanceof Error && typeof (error as { code?: unknown }).code === 'number') {
        throw new ZipEntryError('corrupt', `invalid compressed data (${error.message})`);
      }
      throw error;
    }
    if (out.length > maxBytes) throw new ZipEntryError('oversize', 'entry inflates beyond its declared size');
    if (out.length > 0) onChunk(out);
    return;
  }

  let produced = 0;
  const inflater = new Inflate((chunk: Uint8Array) => {
    produced += chunk.length;
    if (produced > maxBytes) throw new ZipEntryError('oversize', 'entry inflates beyond its declared size');
    if (chunk.length > 0) onChunk(chunk);
  });
  try {
    for (let p = start; p < end; p += INFLATE_CHUNK) {
      const q = Math.min(end, p + INFLATE_CHUNK);
      inflater.push(bytes.subarray(p, q), q === end);
    }
  } catch (error) {
    if (error instanceof ZipEntryError) throw error;
    // fflate raises plain errors (with a numeric `code`) on bad DEFLATE data; handlers' own errors pass through.
    if (error instanceof Error && typeof (error as { code?: unknown }).code === 'number') {
      throw new ZipEntryError('corrupt', `invalid compressed data (${error.message})`);
    }
    throw error;
  }
}
