/**
 * Mapping files on disk: one editable JSON file per unit code (`<DIR>/<unit code>.json`),
 * written by `cchc inspect --save-mapping` and read by `check`/`consolidate --mappings DIR`.
 */
import { lstat, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { formatLayoutMapping, makeFinding, parseLayoutMapping, type Finding, type LayoutMapping, type Plan } from '@cchc-kpi/core';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { limitOf, type CliLimits } from '../io/limits.ts';
import { CONFIG_FILE, readTextFile } from '../io/read-file.ts';

/** The file a unit's mapping lives in: `<dir>/<unit code>.json` (unit codes are letters, digits, `-`, `_`, `.`; others become `_`). */
export function mappingFile(dir: string, unitCode: string): string {
  return join(dir, `${unitCode.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
}

/**
 * Loads the mapping of a unit from `dir`, if there is one. No file → `{ mapping: undefined }`
 * with no finding; an unreadable or invalid file → no mapping and an error (the file is then
 * read without it): `mapping-invalid`, or `file-unreadable` / `file-not-regular` / `file-too-large` (over
 * `--max-config-size`) / `json-too-deep` (over `--max-json-depth`); a mapping filed under another
 * unit code → `mapping-invalid`.
 */
export async function loadMapping(dir: string, unitCode: string, plan: Plan, limits?: Partial<CliLimits>): Promise<{ mapping?: LayoutMapping; findings: Finding[] }> {
  const path = mappingFile(dir, unitCode);
  const present = await lstat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => error.code !== 'ENOENT',
  );
  if (!present) return { findings: [] };
  const maxBytes = limitOf(limits, 'maxConfigBytes');
  const read = await readTextFile(path, maxBytes, CONFIG_FILE);
  if ('finding' in read) return { findings: [read.finding] };
  const text = read.text;
  const parsed = parseLayoutMapping(text, basename(path), plan, { maxChars: maxBytes, maxDepth: limitOf(limits, 'maxJsonDepth') });
  if (!parsed.ok) return { findings: parsed.findings };
  if (parsed.value.unit !== unitCode) {
    return {
      findings: [
        makeFinding('error', 'mapping-invalid', {
          vi: `Tệp ánh xạ ${basename(path)} ghi đơn vị ${parsed.value.unit}, không phải ${unitCode}; không dùng.`,
          en: `Mapping file ${basename(path)} is for unit ${parsed.value.unit}, not ${unitCode}; not used.`,
        }, { file: basename(path) }),
      ],
    };
  }
  return { mapping: parsed.value, findings: parsed.findings };
}

/**
 * Saves a mapping. `target` ending in `.json` is the file itself; anything else is a folder
 * (created if needed) and the file is `<target>/<unit code>.json`. Written atomically; returns the
 * path written. Throws the file-system error when it cannot be written.
 */
export async function saveMapping(target: string, mapping: LayoutMapping): Promise<string> {
  const isDir = extname(target).toLowerCase() !== '.json' || (await stat(target).then((s) => s.isDirectory()).catch(() => false));
  const path = isDir ? mappingFile(target, mapping.unit) : target;
  await writeFileAtomic(path, formatLayoutMapping(mapping));
  return path;
}
