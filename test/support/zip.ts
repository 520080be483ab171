/**
 * A minimal zip reader and writer for tests, on node:zlib only (fflate is not a dependency of
 * the test package): enough to take our own xlsx files apart, change their XML and put them back
 * together, and to build small foreign zips (.docx, a zip of reports, an empty zip).
 * Not for untrusted input: it trusts the central directory.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** One zip entry: its name and uncompressed bytes, in directory order. */
export interface ZipPart {
  name: string;
  data: Uint8Array;
}

function u16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24)) >>> 0;
}

/**
 * Unzips a well-formed zip (stored or DEFLATE entries, no zip64) into its parts, in directory order.
 * @throws Error when there is no end record or an entry uses another method.
 */
export function unzipParts(bytes: Uint8Array): ZipPart[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0; i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip: no end record');
  const count = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  const parts: ZipPart[] = [];
  for (let n = 0; n < count; n++) {
    const method = u16(bytes, p + 10);
    const compressed = u32(bytes, p + 20);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const local = u32(bytes, p + 42);
    const name = Buffer.from(bytes.subarray(p + 46, p + 46 + nameLen)).toString('utf8');
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    const raw = bytes.subarray(start, start + compressed);
    if (method !== 0 && method !== 8) throw new Error(`unsupported method ${method} for ${name}`);
    parts.push({ name, data: new Uint8Array(method === 0 ? raw : inflateRawSync(raw)) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return parts;
}

/** Unzips into a name → text map (UTF-8), for editing XML parts. */
export function unzipText(bytes: Uint8Array): Map<string, string> {
  return new Map(unzipParts(bytes).map((part) => [part.name, Buffer.from(part.data).toString('utf8')]));
}

/**
 * Zips parts (text is written as UTF-8) with DEFLATE (or stored with `store: true`), a fixed
 * timestamp (1980-01-01) and UTF-8 names, so the same parts always give the same bytes.
 */
export function zipParts(parts: Iterable<[string, Uint8Array | string]>, options: { store?: boolean } = {}): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const [name, content] of parts) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const stored = options.store === true;
    const body = stored ? data : deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
    count++;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
