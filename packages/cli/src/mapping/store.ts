/**
 * Mapping files on disk: one editable JSON file per unit code (`<DIR>/<unit code>.json`),
 * written by `cchc inspect --save-mapping` and read by `check`/`consolidate --mappings DIR`.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { formatLayoutMapping, makeFinding, parseLayoutMapping, type Finding, type LayoutMapping, type Plan } from '@cchc-kpi/core';
import { writeFileAtomic } from '../io/atomic-write.ts';

/** The file a unit's mapping lives in: `<dir>/<unit code>.json` (unit codes are letters, digits, `-`, `_`, `.`; others become `_`). */
export function mappingFile(dir: string, unitCode: string): string {
  return join(dir, `${unitCode.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
}

/**
 * Loads the mapping of a unit from `dir`, if there is one. No file → `{ mapping: undefined }`
 * with no finding; an unreadable or invalid file → no mapping and the error `mapping-invalid`
 * (the file is then read without it); a mapping filed under another unit code → the same error.
 */
export async function loadMapping(dir: string, unitCode: string, plan: Plan): Promise<{ mapping?: LayoutMapping; findings: Finding[] }> {
  const path = mappingFile(dir, unitCode);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { findings: [] };
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return {
      findings: [
        makeFinding('error', 'mapping-invalid', { vi: `Không đọc được tệp ánh xạ ${basename(path)} (${reason}).`, en: `Cannot read mapping file ${basename(path)} (${reason}).` }, { file: basename(path) }),
      ],
    };
  }
  const parsed = parseLayoutMapping(text, basename(path), plan);
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
