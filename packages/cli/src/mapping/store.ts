/**
 * Mapping files on disk: one editable JSON file per unit code (`<DIR>/<unit code>.json`),
 * written by `cchc inspect --save-mapping` and loaded once per run by `check`/`score`/`inspect`/
 * `consolidate --mappings DIR`, then handed to the reading pipeline as data.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { formatLayoutMapping, makeFinding, parseLayoutMapping, type LayoutMapping, type Plan, type SavedMapping } from '@cchc-kpi/core';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { limitOf, type CliLimits } from '../io/limits.ts';
import { CONFIG_FILE, readTextFile } from '../io/read-file.ts';

/** The file a unit's mapping lives in: `<dir>/<unit code>.json` (unit codes are letters, digits, `-`, `_`, `.`; others become `_`). */
export function mappingFile(dir: string, unitCode: string): string {
  return join(dir, `${unitCode.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
}

/**
 * Loads every saved mapping of `dir` (`<unit code>.json`, as `saveMapping` names them), keyed by
 * the unit code the file is named for, for the reading pipeline (`SavedMappings`): each file is
 * read only when it is a regular file within `--max-config-size` and `--max-json-depth`. A file
 * that cannot be used gives no mapping and an error, reported on that unit's reports only:
 * `mapping-invalid` (also for a mapping filed under another unit code), or `file-unreadable` /
 * `file-not-regular` / `file-too-large` / `json-too-deep`. A missing folder holds no mapping.
 */
export async function loadMappings(dir: string, plan: Plan, limits?: Partial<CliLimits>): Promise<Map<string, SavedMapping>> {
  const mappings = new Map<string, SavedMapping>();
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.sort()) {
    if (!name.endsWith(MAPPING_EXTENSION) || name.length === MAPPING_EXTENSION.length) continue;
    mappings.set(name.slice(0, -MAPPING_EXTENSION.length), await loadMappingFile(join(dir, name), name.slice(0, -MAPPING_EXTENSION.length), plan, limits));
  }
  return mappings;
}

const MAPPING_EXTENSION = '.json';

/** One mapping file, filed under `unitCode` (see `loadMappings`). */
async function loadMappingFile(path: string, unitCode: string, plan: Plan, limits?: Partial<CliLimits>): Promise<SavedMapping> {
  const maxBytes = limitOf(limits, 'maxConfigBytes');
  const read = await readTextFile(path, maxBytes, CONFIG_FILE);
  if ('finding' in read) return { findings: [read.finding] };
  const parsed = parseLayoutMapping(read.text, basename(path), plan, { maxChars: maxBytes, maxDepth: limitOf(limits, 'maxJsonDepth') });
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
