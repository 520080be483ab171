/**
 * Is a spreadsheet encrypted with a password to open? Read from the container, never from the
 * extension, for every kind units send:
 * - `ooxml`: an encrypted .xlsx/.xlsm/.xlsb — an OLE/CFB container with an `EncryptedPackage`
 *   stream (MS-OFFCRYPTO), as Excel, LibreOffice and WPS write it;
 * - `biff`: an .xls (or WPS .et) whose workbook stream has a `FILEPASS` record (0x002F) right after
 *   its globals `BOF` (after an optional `WRITEPROTECT`), BIFF8 (Excel 97–2003) or BIFF5/7. Excel
 *   writes FILEPASS with its default key too (a workbook with protected structure): such a file
 *   opens without a password, so callers let the conversion try before they say "password";
 * - `odf`: an OpenDocument package (.ods, also .odt/.odp) whose `META-INF/manifest.xml` has
 *   `encryption-data` (ODF 1.2 §4.8; LibreOffice's "Save with password").
 */
import { inflateEntry, readZipDirectory, type ZipEntry } from './zip.ts';

/** The container kind that holds a password, or null when none is seen. */
export type EncryptionKind = 'ooxml' | 'biff' | 'odf';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The largest manifest read (real ones are a few KiB). */
const MAX_MANIFEST_BYTES = 1 << 20;
/** How many zip entries the check walks at most (the reader's own limit comes later). */
const MAX_ENTRIES = 100_000;

function u16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++) if (bytes[i + 2 * k] !== text.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/**
 * True when a BIFF workbook stream in the file starts with BOF (globals) then FILEPASS. The stream
 * is found by its BOF record (type 0x0809, version BIFF8 0x0600 or BIFF5 0x0500, sheet type 0x0005
 * globals) at a 64-byte boundary (CFB sectors and mini-sectors both are), so no CFB walk is needed.
 */
export function hasBiffFilePass(bytes: Uint8Array): boolean {
  for (let i = 0; i + 8 <= bytes.length; i += 64) {
    if (u16(bytes, i) !== 0x0809) continue;
    const length = u16(bytes, i + 2);
    const version = u16(bytes, i + 4);
    if ((version !== 0x0600 && version !== 0x0500) || u16(bytes, i + 6) !== 0x0005 || length < 4 || length > 20) continue;
    let next = i + 4 + length;
    if (u16(bytes, next) === 0x0086 && u16(bytes, next + 2) === 0) next += 4; // WRITEPROTECT
    if (u16(bytes, next) === 0x002f) return true;
  }
  return false;
}

/** True when the OpenDocument manifest marks any entry encrypted. */
function odfManifestEncrypted(bytes: Uint8Array, entries: ZipEntry[]): boolean {
  const manifest = entries.find((e) => e.name === 'META-INF/manifest.xml');
  if (!manifest || manifest.uncompressedSize > MAX_MANIFEST_BYTES) return false;
  let text = '';
  try {
    const decoder = new TextDecoderLatin1();
    inflateEntry(bytes, manifest, MAX_MANIFEST_BYTES, (chunk) => {
      text += decoder.decode(chunk);
    });
  } catch {
    return false;
  }
  return /<(?:[A-Za-z0-9_-]+:)?encryption-data[\s/>]/.test(text);
}

/** Bytes as Latin-1 text (enough to find ASCII element names), without TextDecoder (not in every web view). */
class TextDecoderLatin1 {
  decode(chunk: Uint8Array): string {
    let out = '';
    for (let i = 0; i < chunk.length; i += 8192) out += String.fromCharCode(...chunk.subarray(i, i + 8192));
    return out;
  }
}

/**
 * The password protection a spreadsheet file carries, from its content: `ooxml`, `biff`, `odf`
 * (see the module comment) or null. Never throws; reads at most the zip directory and a
 * manifest of up to 1 MiB.
 */
export function detectEncryption(bytes: Uint8Array): EncryptionKind | null {
  if (bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    if (containsUtf16(bytes, 'EncryptedPackage')) return 'ooxml';
    return hasBiffFilePass(bytes) ? 'biff' : null;
  }
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return null;
  const dir = readZipDirectory(bytes, MAX_ENTRIES);
  if (!dir.ok) return null;
  return odfManifestEncrypted(bytes, dir.entries) ? 'odf' : null;
}
