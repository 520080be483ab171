import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** Default timestamp stored in every zip entry when the caller gives none: 1 January 2000. */
export const DEFAULT_ZIP_DATE = '2000-01-01';

/**
 * The Date fflate should stamp on zip entries for an ISO calendar date.
 *
 * Zip entries store MS-DOS local date/time, and fflate fills them with the local-time getters of
 * the Date it is given, so the Date is built in local time (at noon, clear of any DST change at
 * midnight): the stored fields are then the same in every time zone.
 *
 * @param isoDate `yyyy-mm-dd`, years 1980–2099 (the zip format's range).
 * @throws RangeError when the text is not such a date.
 */
export function zipTimestamp(isoDate: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`zipTimestamp: not an ISO date: ${isoDate}`);
  const year = Number(match[1]);
  if (year < 1980 || year > 2099) throw new RangeError(`zipTimestamp: year ${year} is outside 1980–2099`);
  return new Date(year, Number(match[2]) - 1, Number(match[3]), 12, 0, 0, 0);
}

/**
 * Re-packs an OOXML package (xlsx or docx bytes) so that the same parts always give the same bytes.
 *
 * exceljs and docx stamp zip entries with the current time and list parts in their own order; this
 * unzips the package, drops directory entries, puts `[Content_Types].xml` first (as Office
 * expects), sorts the other parts by name (code-unit order) and zips them again with fflate at
 * deflate level 6, every entry stamped with `date` (see {@link zipTimestamp}). Part contents are
 * not changed.
 *
 * @param bytes a zip archive (e.g. exceljs `writeBuffer()` or docx `Packer.pack` output).
 * @param date ISO `yyyy-mm-dd` stamped on every entry; default {@link DEFAULT_ZIP_DATE}.
 * @param edits optional rewrites of text parts by name (UTF-8 in and out), applied before zipping.
 * @returns the new archive.
 * @throws when `bytes` is not a zip archive (fflate's error) or `date` is not a valid date.
 */
export function normalizeZip(bytes: Uint8Array, date: string = DEFAULT_ZIP_DATE, edits: Record<string, (text: string) => string> = {}): Uint8Array {
  const parts = unzipSync(bytes);
  for (const [name, edit] of Object.entries(edits)) {
    const data = parts[name];
    if (data) parts[name] = strToU8(edit(strFromU8(data)));
  }
  const mtime = zipTimestamp(date);
  const names = Object.keys(parts)
    .filter((name) => !name.endsWith('/'))
    .sort((a, b) => (a === b ? 0 : a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : 1));
  const ordered: Zippable = {};
  for (const name of names) {
    const data = parts[name];
    if (data) ordered[name] = [data, { level: 6, mtime }];
  }
  return zipSync(ordered, { level: 6, mtime });
}
