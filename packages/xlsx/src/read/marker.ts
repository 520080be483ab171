import { CONSOLIDATED_MARKER_NAME } from '@cchc-kpi/core';
import type { ReadLimits } from '../limits.ts';
import { resolveLimits } from '../limits.ts';
import { readGrid } from './grid.ts';
import { inflateEntry, readZipDirectory } from './zip.ts';

/** The marker's name as the bytes a UTF-8 workbook part holds it in. */
const MARKER_BYTES = new TextEncoder().encode(CONSOLIDATED_MARKER_NAME);
/** Largest workbook part the quick pre-check inflates; larger ones go straight to the full check. */
const QUICK_CHECK_MAX_BYTES = 1024 * 1024;

/**
 * True when `bytes` is a consolidated workbook written by this project (it carries the
 * `cchc_consolidated` defined name). Reads only the workbook part, no sheet; false for anything
 * unreadable. A quick pre-check comes first: when `xl/workbook.xml` is a small UTF-8 part whose
 * bytes do not contain the marker's name at all, the answer is false without parsing anything
 * (this runs on every input file, so it must cost next to nothing for reports).
 */
export function isConsolidatedWorkbook(bytes: Uint8Array, limits?: Partial<ReadLimits>): boolean {
  if (!mayCarryMarker(bytes, limits)) return false;
  const grid = readGrid(bytes, { sheets: () => false, ...(limits ? { limits } : {}) });
  return grid.ok && grid.value.definedNames.some((n) => n.name === CONSOLIDATED_MARKER_NAME);
}

/** False only when the usual workbook part is small, readable, UTF-8 and lacks the marker's bytes. */
function mayCarryMarker(bytes: Uint8Array, partial?: Partial<ReadLimits>): boolean {
  let maxEntries: number;
  try {
    maxEntries = resolveLimits(partial).maxZipEntries;
  } catch {
    return true;
  }
  const dir = readZipDirectory(bytes, maxEntries);
  if (!dir.ok) return true;
  const entry = dir.entries.find((e) => e.name.toLowerCase() === 'xl/workbook.xml');
  if (entry === undefined || entry.uncompressedSize > QUICK_CHECK_MAX_BYTES) return true;
  const chunks: Uint8Array[] = [];
  try {
    // Chunks of stored entries are views of `bytes`, valid after the call too (nothing reuses them).
    inflateEntry(bytes, entry, entry.uncompressedSize, (chunk) => chunks.push(chunk));
  } catch {
    return true;
  }
  const part = chunks.length === 1 ? (chunks[0] as Uint8Array) : concat(chunks);
  // A UTF-16 part (BOM FF FE / FE FF) would hold the name in two-byte units: leave it to the full check.
  if (part.length >= 2 && ((part[0] === 0xff && part[1] === 0xfe) || (part[0] === 0xfe && part[1] === 0xff))) return true;
  return indexOfBytes(part, MARKER_BYTES) >= 0;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  const last = haystack.length - needle.length;
  for (let i = haystack.indexOf(first as number); i >= 0 && i <= last; i = haystack.indexOf(first as number, i + 1)) {
    let k = 1;
    while (k < needle.length && haystack[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}
