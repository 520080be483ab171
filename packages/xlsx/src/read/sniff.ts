/**
 * Recognises what a file is from its first bytes, so that a non-xlsx input gets a finding that
 * says what it is and how to fix it instead of a zip error.
 */
import type { ForeignKind, OleKind } from './findings.ts';

/** What the first bytes say. `zip` also covers inputs that merely might be zips. */
export type Sniffed =
  | { kind: 'empty' }
  | { kind: 'ole'; ole: OleKind }
  | { kind: 'foreign'; foreign: ForeignKind }
  | { kind: 'zip'; localHeaderFirst: boolean };

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

/** True when `bytes` contains `text` encoded as UTF-16LE (how CFB stores stream names). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++) {
      if (bytes[i + 2 * k] !== text.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/**
 * Classifies an input by its magic bytes.
 * - `D0 CF 11 E0 A1 B1 1A E1` (OLE/CFB): an encrypted .xlsx (streams `EncryptedPackage`) or a
 *   legacy .xls/.et (`Workbook`/`Book`); a Word 97–2003 `.doc` (`WordDocument`) or PowerPoint
 *   `.ppt` (`PowerPoint Document`) is foreign. A workbook stream wins over the Word/PowerPoint
 *   ones (an .xls may embed a document, and the reverse is reported as a workbook).
 * - `%PDF`, `<` (HTML/XML after optional BOM and spaces): foreign.
 * - `PK` signatures: zip. Anything else is reported as `zip` with `localHeaderFirst: false`, so
 *   the caller still looks for a zip directory (self-extracting stubs) before calling it foreign.
 */
export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { kind: 'empty' };
  if (startsWith(bytes, OLE_MAGIC)) {
    if (containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo')) {
      return { kind: 'ole', ole: 'encrypted' };
    }
    if (containsUtf16(bytes, 'Workbook') || containsUtf16(bytes, 'Book')) return { kind: 'ole', ole: 'legacy' };
    if (containsUtf16(bytes, 'WordDocument')) return { kind: 'foreign', foreign: 'doc' };
    if (containsUtf16(bytes, 'PowerPoint Document')) return { kind: 'foreign', foreign: 'ppt' };
    return { kind: 'ole', ole: 'unknown' };
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { kind: 'foreign', foreign: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'zip', localHeaderFirst: true };
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) ? 2 : 0;
  while (i < bytes.length && i < 1024 && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0)) i++;
  if (bytes[i] === 0x3c) return { kind: 'foreign', foreign: 'html' };
  return { kind: 'zip', localHeaderFirst: false };
}
