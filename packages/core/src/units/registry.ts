import { hasErrors, makeFinding } from '../finding.ts';
import { detectSeparator, parseCsv } from '../text/csv.ts';
import { jsonLimitFinding, parseBoundedJson, type JsonLimits } from '../json/bounded.ts';
import { foldText } from '../text/fold.ts';
import { normalizeText } from '../text/normalize.ts';
import type { Finding, Message, Severity } from '../finding.ts';
import { fail, ok } from '../result.ts';
import type { Result } from '../result.ts';
import type { UnitKind } from '../plan/schema.ts';
import type { Unit, UnitRegistry } from './unit.ts';
import { unitDisplayName } from '../vocabulary/units.ts';

/**
 * Unit registries: loading the city's list of reporting units from CSV or JSON, merging agencies
 * into the built-in ward/commune list, and finding a unit by code.
 *
 * Codes are compared as exact strings and looked up with `Map`s or `===`, never as object keys,
 * so codes such as `__proto__` or `constructor` are ordinary codes.
 *
 * Finding codes:
 * - `units-file-invalid` (error): empty file, unterminated quote, JSON syntax or shape error;
 * - `units-header-invalid` (error): a required column (`code`, `name`, `kind`) is missing or repeated;
 * - `units-row-invalid` (error): blank or malformed code (also one that cannot name a file: over
 *   64 characters, ending in ".", a Windows device name such as `CON`), blank name, unknown kind, bad order;
 * - `units-duplicate-code` (error): two units with the same code;
 * - `units-duplicate-order` (warning): two units with the same order (file order breaks the tie);
 * - `units-column-ignored` (notice): a column the loader does not use;
 * - `units-extra-not-agency` (warning): `mergeUnits` was given a ward or commune;
 * - `units-already-registered` (notice): `mergeUnits` was given a unit the registry already has
 *   (same code and kind) under another name; the registry's entry is kept.
 */

/** Allowed unit codes: ASCII letters, digits, "_", "." and "-" (GSO codes are digits; agencies choose letters). */
const CODE_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
/**
 * Output file names are made from codes (`<code>-<period>.xlsx`), so a code must also be a plain
 * file name on every system: at most 64 characters, not ending in "." …
 */
const CODE_MAX_LENGTH = 64;
/** … and not a Windows device name (CON, NUL, COM1…). */
const DEVICE_NAME = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?$/i;

/** Kind words accepted in files (after folding case and diacritics): English and Vietnamese. */
const KIND_WORDS = new Map<string, UnitKind>([
  ['ward', 'ward'],
  ['phuong', 'ward'],
  ['commune', 'commune'],
  ['xa', 'commune'],
  ['agency', 'agency'],
  ['co quan', 'agency'],
]);

/** Header words accepted for each column (after folding case and diacritics). */
const HEADER_WORDS = new Map<string, Column>([
  ['code', 'code'],
  ['ma', 'code'],
  ['ma don vi', 'code'],
  ['name', 'name'],
  ['ten', 'name'],
  ['ten don vi', 'name'],
  ['kind', 'kind'],
  ['loai', 'kind'],
  ['loai don vi', 'kind'],
  ['order', 'order'],
  ['stt', 'order'],
  ['thu tu', 'order'],
]);

type Column = 'code' | 'name' | 'kind' | 'order';

/** One unit as read from a file, before checks; `where` names the line or array index. */
interface RawUnit {
  /** Mid-sentence ("dòng 5" / "line 5", "units[3]"). */
  where: Message;
  /** Sentence start ("Dòng 5" / "Line 5", "units[3]"). */
  lead: Message;
  code: unknown;
  name: unknown;
  kind: unknown;
  order: unknown;
}

/**
 * Parses a CSV list of units. Header row `code,name,kind` with an optional `order` column, in any
 * column order; Vietnamese headers `mã,tên,loại,stt` are accepted too. Separator `,` (or `;` or tab
 * when the header uses it, as Excel does in a Vietnamese locale). Fields may be quoted (`"…"`, with
 * `""` for a quote) and span lines; a UTF-8 byte-order mark is ignored; blank lines are skipped.
 *
 * - `kind`: `ward`/`phường`, `commune`/`xã`, `agency`/`cơ quan` (any case, diacritics optional);
 * - `name`: trimmed, inner spaces collapsed, NFC; a leading "Phường"/"Xã" matching the kind is dropped
 *   (`Unit.name` has no prefix; see {@link unitDisplayName});
 * - `order`: a positive integer; when the column or a cell is blank, the row's position (1-based)
 *   among the data rows. Units are returned sorted by order (file order on ties).
 *
 * Findings name the physical line (1-based, header = line 1). Any error → `fail` with all findings.
 * Never throws.
 */
export function parseUnitsCsv(text: string, source?: string): Result<Unit[]> {
  const location = source === undefined ? {} : { file: source };
  const findings: Finding[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = parseCsv(body, detectSeparator(body));
  if (parsed.unterminatedAt !== null) {
    findings.push(
      makeFinding(
        'error',
        'units-file-invalid',
        {
          vi: `Dấu ngoặc kép mở ở dòng ${parsed.unterminatedAt} không được đóng.`,
          en: `The quote opened on line ${parsed.unterminatedAt} is never closed.`,
        },
        location,
      ),
    );
    return fail(findings);
  }
  const records = parsed.records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const header = records[0];
  if (header === undefined) {
    return fail([makeFinding('error', 'units-file-invalid', { vi: 'Tệp danh sách đơn vị rỗng.', en: 'The unit list is empty.' }, location)]);
  }

  const columns = new Map<Column, number>();
  header.fields.forEach((cell, index) => {
    const column = HEADER_WORDS.get(foldText(cell));
    if (column === undefined) {
      findings.push(
        makeFinding(
          'notice',
          'units-column-ignored',
          { vi: `Cột "${cell.trim()}" (dòng ${header.line}) không được sử dụng.`, en: `Column "${cell.trim()}" (line ${header.line}) is not used.` },
          location,
        ),
      );
    } else if (columns.has(column)) {
      findings.push(
        makeFinding(
          'error',
          'units-header-invalid',
          { vi: `Cột "${column}" xuất hiện hai lần ở dòng tiêu đề.`, en: `Column "${column}" appears twice in the header.` },
          location,
        ),
      );
    } else {
      columns.set(column, index);
    }
  });
  const missing = (['code', 'name', 'kind'] as const).filter((c) => !columns.has(c));
  if (missing.length > 0) {
    findings.push(
      makeFinding(
        'error',
        'units-header-invalid',
        {
          vi: `Dòng tiêu đề thiếu cột: ${missing.join(', ')} (cần code,name,kind và tùy chọn order).`,
          en: `The header lacks column(s): ${missing.join(', ')} (expected code,name,kind and optionally order).`,
        },
        location,
      ),
    );
  }
  if (hasErrors(findings)) return fail(findings);

  const cell = (fields: string[], column: Column): string | undefined => {
    const index = columns.get(column);
    return index === undefined ? undefined : fields[index];
  };
  const rows: RawUnit[] = records.slice(1).map((record) => ({
    where: { vi: `dòng ${record.line}`, en: `line ${record.line}` },
    lead: { vi: `Dòng ${record.line}`, en: `Line ${record.line}` },
    code: cell(record.fields, 'code') ?? '',
    name: cell(record.fields, 'name') ?? '',
    kind: cell(record.fields, 'kind') ?? '',
    order: cell(record.fields, 'order'),
  }));
  return buildUnits(rows, location, findings);
}

/**
 * Parses a JSON list of units: an array of `{ "code", "name", "kind", "order"? }`, or an object
 * with such an array under `units` (e.g. a saved `UnitRegistry`). Codes may be numbers (GSO codes);
 * kinds and names follow the rules of {@link parseUnitsCsv}. Findings name the entry, e.g.
 * `units[3]`. Text longer or nesting deeper than `limits` (default `DEFAULT_JSON_LIMITS`) fails
 * with `json-too-large` or `json-too-deep` before it is parsed. Any error → `fail`. Never throws.
 */
export function parseUnitsJson(text: string, source?: string, limits: Partial<JsonLimits> = {}): Result<Unit[]> {
  const location = source === undefined ? {} : { file: source };
  const parsed = parseBoundedJson(text, limits);
  if (!parsed.ok) {
    if (parsed.problem !== 'syntax') return fail([jsonLimitFinding(parsed, { vi: 'Tệp danh sách đơn vị', en: 'The unit list' }, source)]);
    return fail([
      makeFinding(
        'error',
        'units-file-invalid',
        { vi: `Tệp danh sách đơn vị không phải JSON hợp lệ: ${parsed.detail}`, en: `The unit list is not valid JSON: ${parsed.detail}` },
        location,
      ),
    ]);
  }
  const data = parsed.value;
  const list = Array.isArray(data) ? data : isRecord(data) && Object.hasOwn(data, 'units') && Array.isArray(data['units']) ? data['units'] : null;
  const prefix = Array.isArray(data) ? '' : 'units';
  if (list === null) {
    return fail([
      makeFinding(
        'error',
        'units-file-invalid',
        {
          vi: 'Tệp JSON phải là một mảng đơn vị, hoặc một đối tượng có mảng "units".',
          en: 'The JSON must be an array of units, or an object with a "units" array.',
        },
        location,
      ),
    ]);
  }
  const findings: Finding[] = [];
  const rows: RawUnit[] = [];
  list.forEach((entry: unknown, index: number) => {
    const where = { vi: `${prefix}[${index}]`, en: `${prefix}[${index}]` };
    if (!isRecord(entry)) {
      findings.push(
        makeFinding(
          'error',
          'units-row-invalid',
          { vi: `${where.vi}: phải là một đối tượng { code, name, kind }.`, en: `${where.en}: must be an object { code, name, kind }.` },
          location,
        ),
      );
      return;
    }
    const field = (key: string): unknown => (Object.hasOwn(entry, key) ? entry[key] : undefined);
    rows.push({ where, lead: where, code: field('code'), name: field('name'), kind: field('kind'), order: field('order') });
  });
  return buildUnits(rows, location, findings);
}

/**
 * Appends units (typically the city's agencies) after a registry's units. The registry's units
 * keep their order; the extra units follow in their own `order`, renumbered from the registry's
 * highest order + 1. A unit the registry already has (same code and kind — e.g. the culture and
 * media centre, built in since it became part of the registry) is not added again: the registry's
 * entry is kept, with a notice when the names differ (`units-already-registered`). Any other code
 * already in the registry, or repeated in `extra`, is an error (`units-duplicate-code`, saying to
 * remove the line) and the merge fails; a ward or commune in `extra` that the registry does not
 * have gives a warning (`units-extra-not-agency`), not also for a line that is already an error.
 * Returns a new registry (same id and validity); the inputs are not modified.
 */
export function mergeUnits(registry: UnitRegistry, extra: readonly Unit[]): Result<UnitRegistry> {
  const findings: Finding[] = [];
  const seen = new Map<string, string>(registry.units.map((u) => [u.code, registry.id]));
  const registered = new Map(registry.units.map((u) => [u.code, u]));
  const added: Unit[] = [];
  for (const unit of extra) {
    const same = seen.get(unit.code) === registry.id ? registered.get(unit.code) : undefined;
    if (same !== undefined && same.kind === unit.kind) {
      seen.set(unit.code, 'extra');
      if (normalizeText(same.name) !== normalizeText(unit.name)) {
        findings.push(
          makeFinding(
            'notice',
            'units-already-registered',
            {
              vi: `Đơn vị mã "${unit.code}" đã có trong danh sách ${registry.id} với tên "${unitDisplayName(same)}"; giữ tên đó, bỏ qua tên "${unitDisplayName(unit)}".`,
              en: `Unit code "${unit.code}" is already in registry ${registry.id} as "${unitDisplayName(same)}"; that name is kept, "${unitDisplayName(unit)}" is ignored.`,
            },
            { unit: unit.code },
          ),
        );
      }
      continue;
    }
    added.push(unit);
    const owner = seen.get(unit.code);
    if (owner !== undefined) {
      const where = owner === registry.id ? { vi: `danh sách ${registry.id}`, en: `registry ${registry.id}` } : { vi: 'danh sách bổ sung', en: 'the extra list' };
      findings.push(
        makeFinding(
          'error',
          'units-duplicate-code',
          {
            vi: `Mã đơn vị "${unit.code}" (${unitDisplayName(unit)}) đã có trong ${where.vi}; bỏ dòng này khỏi danh sách bổ sung (danh sách bổ sung chỉ cần các đơn vị chưa có, thường là cơ quan).`,
            en: `Unit code "${unit.code}" (${unitDisplayName(unit)}) is already in ${where.en}; remove this line from the extra list (it only needs the units not listed yet, usually agencies).`,
          },
          { unit: unit.code },
        ),
      );
    } else {
      seen.set(unit.code, 'extra');
    }
    // A duplicate is said once, by its error: not also "not in the registry".
    if (owner === undefined && unit.kind !== 'agency') {
      findings.push(
        makeFinding(
          'warning',
          'units-extra-not-agency',
          {
            vi: `${unitDisplayName(unit)} (mã ${unit.code}) là ${unit.kind === 'ward' ? 'phường' : 'xã'} nhưng không có trong danh sách ${registry.id}.`,
            en: `${unitDisplayName(unit)} (code ${unit.code}) is a ${unit.kind} but is not in registry ${registry.id}.`,
          },
          { unit: unit.code },
        ),
      );
    }
  }
  if (hasErrors(findings)) return fail(findings);
  const base = sortByOrder(registry.units);
  const start = base.reduce((max, u) => Math.max(max, u.order), 0);
  const appended = sortByOrder(added).map((u, i) => ({ ...u, order: start + i + 1 }));
  const merged: UnitRegistry = { ...registry, units: [...base.map((u) => ({ ...u })), ...appended] };
  return ok(merged, findings);
}

/**
 * The unit with this code in the registry (surrounding spaces ignored, otherwise exact), or
 * undefined. Compares strings with `===`, so `__proto__` or `constructor` simply miss.
 */
export function findUnit(registry: UnitRegistry, code: string): Unit | undefined {
  const wanted = code.trim();
  return registry.units.find((u) => u.code === wanted);
}

/**
 * Whether a registry is valid on an ISO date (`yyyy-mm-dd`): `validFrom` ≤ date ≤ `validTo`
 * (no upper bound when `validTo` is absent). GSO codes are reused after reorganisations, so
 * a report is matched against the registry valid on its period's dates (`registryForPeriod`).
 */
export function registryValidOn(registry: Pick<UnitRegistry, 'validFrom' | 'validTo'>, isoDate: string): boolean {
  return registry.validFrom <= isoDate && (registry.validTo === undefined || isoDate <= registry.validTo);
}

/** The name as printed: "Phường Trần Phú", "Xã Thạch Hạ", an agency's name as is (the vocabulary's `unitDisplayName`). */
export { unitDisplayName };

/* ------------------------------------------------------------------------------------------ */

function buildUnits(rows: readonly RawUnit[], location: { file?: string }, findings: Finding[]): Result<Unit[]> {
  const add = (severity: Severity, code: string, message: Message, unit?: string): void => {
    findings.push(makeFinding(severity, code, message, unit === undefined ? location : { ...location, unit }));
  };
  const units: Unit[] = [];
  const codeAt = new Map<string, Message>();
  const orderAt = new Map<number, Message>();

  rows.forEach((row, position) => {
    const { where, lead } = row;
    const code = typeof row.code === 'number' && Number.isInteger(row.code) ? String(row.code) : typeof row.code === 'string' ? row.code.trim() : null;
    let valid = true;
    if (code === null || code === '') {
      add('error', 'units-row-invalid', { vi: `${lead.vi}: thiếu mã đơn vị.`, en: `${lead.en}: the unit code is missing.` });
      valid = false;
    } else if (!CODE_PATTERN.test(code)) {
      add(
        'error',
        'units-row-invalid',
        {
          vi: `${lead.vi}: mã "${code}" chỉ được gồm chữ cái không dấu, chữ số, "_", "." và "-".`,
          en: `${lead.en}: code "${code}" may hold only ASCII letters, digits, "_", "." and "-".`,
        },
        code,
      );
      valid = false;
    } else if (code.length > CODE_MAX_LENGTH || code.endsWith('.') || DEVICE_NAME.test(code)) {
      add(
        'error',
        'units-row-invalid',
        {
          vi: `${lead.vi}: mã "${code}" không dùng được làm tên tệp (tối đa ${CODE_MAX_LENGTH} ký tự, không kết thúc bằng ".", không trùng tên thiết bị của Windows như CON, NUL, COM1); hãy chọn mã khác.`,
          en: `${lead.en}: code "${code}" cannot name a file (at most ${CODE_MAX_LENGTH} characters, not ending in ".", not a Windows device name such as CON, NUL, COM1); choose another code.`,
        },
        code,
      );
      valid = false;
    }

    const kindText = typeof row.kind === 'string' ? row.kind : '';
    const kind = KIND_WORDS.get(foldText(kindText));
    if (kind === undefined) {
      add(
        'error',
        'units-row-invalid',
        {
          vi: `${lead.vi}: loại đơn vị "${kindText.trim()}" không hợp lệ (dùng ward/phường, commune/xã hoặc agency/cơ quan).`,
          en: `${lead.en}: unknown unit kind "${kindText.trim()}" (use ward/phường, commune/xã or agency/cơ quan).`,
        },
        code ?? undefined,
      );
      valid = false;
    }

    const name = typeof row.name === 'string' ? cleanName(row.name, kind) : '';
    if (name === '') {
      add('error', 'units-row-invalid', { vi: `${lead.vi}: thiếu tên đơn vị.`, en: `${lead.en}: the unit name is missing.` }, code ?? undefined);
      valid = false;
    }

    let order = position + 1;
    const orderText = typeof row.order === 'number' ? String(row.order) : typeof row.order === 'string' ? row.order.trim() : '';
    if (orderText !== '') {
      const n = Number(orderText);
      if (!Number.isInteger(n) || n < 1) {
        add(
          'error',
          'units-row-invalid',
          {
            vi: `${lead.vi}: thứ tự "${orderText}" phải là số nguyên dương.`,
            en: `${lead.en}: order "${orderText}" must be a positive integer.`,
          },
          code ?? undefined,
        );
        valid = false;
      } else {
        order = n;
      }
    } else if (row.order !== undefined && row.order !== null && typeof row.order !== 'string') {
      add('error', 'units-row-invalid', { vi: `${lead.vi}: thứ tự phải là số.`, en: `${lead.en}: order must be a number.` }, code ?? undefined);
      valid = false;
    }

    if (code !== null && code !== '') {
      const first = codeAt.get(code);
      if (first !== undefined) {
        add(
          'error',
          'units-duplicate-code',
          { vi: `${lead.vi}: mã "${code}" trùng với ${first.vi}.`, en: `${lead.en}: code "${code}" duplicates ${first.en}.` },
          code,
        );
        valid = false;
      } else {
        codeAt.set(code, where);
      }
    }
    if (!valid || code === null || kind === undefined) return;

    const firstOrder = orderAt.get(order);
    if (firstOrder !== undefined) {
      add(
        'warning',
        'units-duplicate-order',
        {
          vi: `${lead.vi}: thứ tự ${order} trùng với ${firstOrder.vi}; giữ theo thứ tự trong tệp.`,
          en: `${lead.en}: order ${order} duplicates ${firstOrder.en}; file order is kept.`,
        },
        code,
      );
    } else {
      orderAt.set(order, where);
    }
    units.push({ code, name, kind, order });
  });

  if (hasErrors(findings)) return fail(findings);
  return ok(sortByOrder(units), findings);
}

/** Stable sort by `order` (copies the array). */
function sortByOrder<T extends { order: number }>(units: readonly T[]): T[] {
  return units.map((u, i) => ({ u, i })).sort((a, b) => a.u.order - b.u.order || a.i - b.i).map(({ u }) => u);
}

/** NFC, trimmed, single spaces; drops a "Phường"/"Xã" prefix that repeats the kind. */
function cleanName(raw: string, kind: UnitKind | undefined): string {
  const name = normalizeText(raw);
  const prefix = kind === 'ward' ? /^phường\s+/iu : kind === 'commune' ? /^xã\s+/iu : null;
  return prefix === null ? name : name.replace(prefix, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}


