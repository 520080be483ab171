import { makeFinding, hasErrors } from '../finding.ts';
import type { Finding, Message } from '../finding.ts';
import { ok, fail } from '../result.ts';
import { foldText } from '../text/fold.ts';
import type { Result } from '../result.ts';
import { jsonLimitFinding, nestsDeeperThan, parseBoundedJson, DEFAULT_JSON_LIMITS, type JsonLimits } from '../json/bounded.ts';
import { isPeoplesCommittee, symbolMatchesIssuer } from '../vocabulary/headings.ts';
import { planSchema } from './schema.ts';
import type { Plan, ScoringProfile } from './schema.ts';

/**
 * Loading a plan file: zod validation of the shape, then the cross-checks zod cannot express
 * (unique codes, parents that exist, points that add up…). Every problem becomes a finding that
 * names the path inside the file, e.g. `indicators[3].target.min`.
 *
 * Finding codes:
 * - `plan-json-invalid` (error): the text is not JSON;
 * - `plan-invalid` (error): the plan breaks the schema or a cross-check — the plan is unusable;
 * - `plan-unknown-key` (warning): a key the schema does not know (likely a typo), ignored;
 * - `plan-suspicious` (warning): valid but probably not what the author meant
 *   (an unreachable band or target, a repeated kind, an alias shared by two indicators).
 */

/** Tolerance when comparing sums of points (floating point: 0.25 + 0.25 + 0.5). */
const POINTS_TOLERANCE = 1e-9;

type PathKey = string | number;

/** What the findings call a plan file. */
const PLAN_FILE: Message = { vi: 'Tệp kế hoạch', en: 'The plan file' };

/**
 * Validates a plan (already parsed from JSON, or built in code) and returns it with defaults
 * applied, all strings in Unicode NFC and each profile's `bands` sorted by `min` descending.
 *
 * `source` is the file name as the caller knows it; it is copied to every finding's `file`.
 * Returns `ok` (with any warnings) when there is no error finding; otherwise `fail` with every
 * finding found — schema errors first; the cross-checks run only when the shape is valid. Data
 * nesting deeper than `maxDepth` (default 64) fails with `json-too-deep` before it is walked.
 * Never throws.
 */
export function parsePlan(input: unknown, source?: string, maxDepth: number = DEFAULT_JSON_LIMITS.maxDepth): Result<Plan> {
  const location = source === undefined ? {} : { file: source };
  if (nestsDeeperThan(input, maxDepth)) {
    return fail([jsonLimitFinding({ ok: false, problem: 'too-deep', max: maxDepth, at: { line: 1, column: 1 } }, PLAN_FILE, source)]);
  }
  const normalized = normalizeStrings(input);
  const findings: Finding[] = [];
  const add = (severity: 'error' | 'warning', code: string, path: readonly PathKey[], problem: Message): void => {
    findings.push(describe(severity, code, normalized, path, problem, location));
  };

  collectUnknownKeys(planSchema as unknown as SchemaNode, normalized, [], (path, key) =>
    add('warning', 'plan-unknown-key', path, {
      vi: `khóa "${key}" không có trong lược đồ kế hoạch nên bị bỏ qua (có thể gõ sai tên)`,
      en: `key "${key}" is not part of the plan schema and is ignored (a typo?)`,
    }),
  );

  const parsed = planSchema.safeParse(normalized);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((k): k is PathKey => typeof k === 'string' || typeof k === 'number');
      add('error', 'plan-invalid', path, describeIssue(issue as unknown as ZodIssueLike, valueAt(normalized, path)));
    }
    return fail(findings);
  }

  const plan = parsed.data;
  crossCheck(plan, add);
  if (hasErrors(findings)) return fail(findings);
  for (const profile of plan.profiles) profile.bands.sort((a, b) => b.min - a.min);
  return ok(plan, findings);
}

/**
 * Parses the text of a plan file (JSON, UTF-8; a leading byte-order mark is tolerated) and
 * validates it with {@link parsePlan}. Text longer or nesting deeper than `limits` (defaults
 * `DEFAULT_JSON_LIMITS`: 4 MiB, 64 levels) gives `json-too-large` or `json-too-deep` before it is
 * parsed; a JSON syntax error gives one `plan-json-invalid` error finding with the line and
 * column when the engine reports a position. Never throws.
 */
export function parsePlanJson(text: string, source?: string, limits: Partial<JsonLimits> = {}): Result<Plan> {
  const location = source === undefined ? {} : { file: source };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    return fail([
      makeFinding('error', 'plan-json-invalid', { vi: 'Tệp kế hoạch rỗng.', en: 'The plan file is empty.' }, location),
    ]);
  }
  const parsed = parseBoundedJson(body, limits);
  if (!parsed.ok) {
    if (parsed.problem !== 'syntax') return fail([jsonLimitFinding(parsed, PLAN_FILE, source)]);
    const at = parsed.at ? { vi: ` (dòng ${parsed.at.line}, cột ${parsed.at.column})`, en: ` (line ${parsed.at.line}, column ${parsed.at.column})` } : { vi: '', en: '' };
    return fail([
      makeFinding(
        'error',
        'plan-json-invalid',
        {
          vi: `Tệp kế hoạch không phải JSON hợp lệ${at.vi}: ${parsed.detail}`,
          en: `The plan file is not valid JSON${at.en}: ${parsed.detail}`,
        },
        location,
      ),
    ]);
  }
  return parsePlan(parsed.value, source, limits.maxDepth);
}

/* ------------------------------------------------------------------------------------------ */
/* Cross-checks                                                                               */
/* ------------------------------------------------------------------------------------------ */

type Add = (severity: 'error' | 'warning', code: string, path: readonly PathKey[], problem: Message) => void;

/** The target rule each measure needs (schema.ts: `measureSchema`, `targetSchema`). */
const RULE_FOR_MEASURE = new Map<string, string>([
  ['ratio', 'ratioAtLeast'],
  ['count', 'countAtLeast'],
  ['boolean', 'yes'],
  ['comparison', 'increase'],
]);

function crossCheck(plan: Plan, add: Add): void {
  checkUnique(plan.indicators.map((i) => i.code), 'indicators', 'code', add);
  checkUnique(plan.themes.map((t) => t.code), 'themes', 'code', add);
  checkUnique(plan.forms.map((f) => f.code), 'forms', 'code', add);
  checkUnique(plan.profiles.map((p) => p.id), 'profiles', 'id', add);

  checkParents(plan.themes, 'themes', add);
  checkParents(plan.forms, 'forms', add);

  plan.indicators.forEach((indicator, i) => {
    const expected = RULE_FOR_MEASURE.get(indicator.measure);
    if (expected !== undefined && indicator.target.rule !== expected) {
      add('error', 'plan-invalid', ['indicators', i, 'target', 'rule'], {
        vi: `đại lượng "${indicator.measure}" cần quy tắc "${expected}", không phải "${indicator.target.rule}"`,
        en: `measure "${indicator.measure}" needs rule "${expected}", not "${indicator.target.rule}"`,
      });
    }
    const kinds = indicator.appliesTo.kinds ?? [];
    if (new Set(kinds).size !== kinds.length) {
      add('warning', 'plan-suspicious', ['indicators', i, 'appliesTo', 'kinds'], {
        vi: 'một loại đơn vị được ghi nhiều lần',
        en: 'a unit kind is listed more than once',
      });
    }
    const units = indicator.appliesTo.units ?? [];
    units.forEach((unit, u) => {
      if (unit.trim() === '') {
        add('error', 'plan-invalid', ['indicators', i, 'appliesTo', 'units', u], {
          vi: 'mã đơn vị để trống',
          en: 'the unit code is blank',
        });
      }
    });
    if (new Set(units).size !== units.length) {
      add('warning', 'plan-suspicious', ['indicators', i, 'appliesTo', 'units'], {
        vi: 'một mã đơn vị được ghi nhiều lần',
        en: 'a unit code is listed more than once',
      });
    }
  });
  checkAliases(plan, add);

  const profileIds = new Set(plan.profiles.map((p) => p.id));
  if (!profileIds.has(plan.primaryProfile)) {
    add('error', 'plan-invalid', ['primaryProfile'], {
      vi: `không có bộ tiêu chí chấm điểm nào có id "${plan.primaryProfile}" (có: ${[...profileIds].join(', ')})`,
      en: `no scoring profile has id "${plan.primaryProfile}" (available: ${[...profileIds].join(', ')})`,
    });
  }

  if (plan.report && !symbolMatchesIssuer(plan.report.symbol, plan.report.issuingBody)) {
    const committee = isPeoplesCommittee(plan.report.issuingBody);
    add('error', 'plan-invalid', ['report', 'symbol'], {
      vi: committee
        ? `ký hiệu "${plan.report.symbol}" không phải của Ủy ban nhân dân, cơ quan ban hành "${plan.report.issuingBody}" (ký hiệu văn bản của Ủy ban nhân dân kết thúc bằng -UBND, ví dụ BC-UBND)`
        : `ký hiệu "${plan.report.symbol}" là của Ủy ban nhân dân, nhưng cơ quan ban hành là "${plan.report.issuingBody}" (Nghị định 30/2020/NĐ-CP: ký hiệu ghi tên viết tắt của cơ quan ban hành; ví dụ Văn phòng ghi BC-VP)`,
      en: committee
        ? `symbol "${plan.report.symbol}" is not a People's Committee's, but the issuer is "${plan.report.issuingBody}" (a People's Committee's symbols end in -UBND, e.g. BC-UBND)`
        : `symbol "${plan.report.symbol}" is a People's Committee's, but the issuer is "${plan.report.issuingBody}" (Decree 30/2020/NĐ-CP: the symbol abbreviates the issuing body; e.g. an office writes BC-VP)`,
    });
  }

  const formCodes = new Set(plan.forms.map((f) => f.code));
  const topLevelForms = plan.forms.filter((f) => f.parent === undefined).length;
  plan.profiles.forEach((profile, p) => checkProfile(profile, p, formCodes, topLevelForms, add));
}

/** Codes must be unique; compared case-insensitively, since codes typed in workbooks are matched that way. */
function checkUnique(codes: readonly string[], list: string, key: string, add: Add): void {
  const seen = new Map<string, number>();
  codes.forEach((code, index) => {
    const folded = code.toUpperCase();
    const first = seen.get(folded);
    if (first === undefined) {
      seen.set(folded, index);
      return;
    }
    add('error', 'plan-invalid', [list, index, key], {
      vi: `mã "${code}" trùng với ${list}[${first}].${key} (mã phải duy nhất, không phân biệt chữ hoa/thường)`,
      en: `code "${code}" duplicates ${list}[${first}].${key} (codes must be unique, case-insensitively)`,
    });
  });
}

/** Every `parent` names another entry of the same list, and following parents never loops. */
function checkParents(entries: readonly { code: string; parent?: string | undefined }[], list: string, add: Add): void {
  const parentOf = new Map<string, string | undefined>(entries.map((e) => [e.code, e.parent]));
  entries.forEach((entry, index) => {
    if (entry.parent === undefined) return;
    if (!parentOf.has(entry.parent)) {
      add('error', 'plan-invalid', [list, index, 'parent'], {
        vi: `mã cha "${entry.parent}" không có trong ${list}`,
        en: `parent code "${entry.parent}" is not in ${list}`,
      });
      return;
    }
    const visited = new Set<string>([entry.code]);
    let current: string | undefined = entry.parent;
    while (current !== undefined) {
      if (visited.has(current)) {
        add('error', 'plan-invalid', [list, index, 'parent'], {
          vi: `quan hệ cha – con của "${entry.code}" tạo thành vòng lặp`,
          en: `the parent chain of "${entry.code}" loops`,
        });
        return;
      }
      visited.add(current);
      current = parentOf.get(current);
    }
  });
}

/** Aliases are matched after folding diacritics; one shared by two indicators makes matching ambiguous. */
function checkAliases(plan: Plan, add: Add): void {
  const owner = new Map<string, string>();
  plan.indicators.forEach((indicator) => {
    for (const wording of [indicator.text.vi, ...indicator.aliases]) {
      const key = foldText(wording);
      if (!owner.has(key)) owner.set(key, indicator.code);
    }
  });
  plan.indicators.forEach((indicator, i) => {
    indicator.aliases.forEach((alias, a) => {
      const other = owner.get(foldText(alias));
      if (other !== undefined && other !== indicator.code) {
        add('warning', 'plan-suspicious', ['indicators', i, 'aliases', a], {
          vi: `cách gọi "${alias}" cũng là tên hoặc cách gọi của chỉ tiêu ${other}`,
          en: `alias "${alias}" is also the text or an alias of indicator ${other}`,
        });
      }
    });
  });
}

function checkProfile(profile: ScoringProfile, p: number, formCodes: ReadonlySet<string>, topLevelForms: number, add: Add): void {
  const base: PathKey[] = ['profiles', p];
  const total = profile.components.reduce((sum, c) => sum + c.points, 0);
  if (Math.abs(total - profile.scale) > POINTS_TOLERANCE) {
    add('error', 'plan-invalid', [...base, 'components'], {
      vi: `tổng điểm các thành phần là ${formatNumber(total)}, phải bằng thang điểm ${formatNumber(profile.scale)}`,
      en: `component points add up to ${formatNumber(total)}; they must equal the scale ${formatNumber(profile.scale)}`,
    });
  }

  profile.components.forEach((component, c) => {
    const path: PathKey[] = [...base, 'components', c];
    if (component.type === 'formDiversity' && component.target > topLevelForms) {
      add('warning', 'plan-suspicious', [...path, 'target'], {
        vi: `cần ${component.target} hình thức nhưng kế hoạch chỉ có ${topLevelForms} hình thức cấp 1, nên không thể đạt điểm tối đa`,
        en: `asks for ${component.target} forms but the plan has only ${topLevelForms} top-level forms, so full points are unreachable`,
      });
    }
    if (component.type !== 'formGroups') return;
    const groupTotal = component.groups.reduce((sum, g) => sum + g.points, 0);
    if (Math.abs(groupTotal - component.points) > POINTS_TOLERANCE) {
      add('error', 'plan-invalid', [...path, 'groups'], {
        vi: `tổng điểm các nhóm là ${formatNumber(groupTotal)}, phải bằng điểm của thành phần (${formatNumber(component.points)})`,
        en: `group points add up to ${formatNumber(groupTotal)}; they must equal the component's points (${formatNumber(component.points)})`,
      });
    }
    const claimed = new Map<string, number>();
    let othersGroups = 0;
    component.groups.forEach((group, g) => {
      if (group.others) othersGroups += 1;
      if (group.others && othersGroups > 1) {
        add('error', 'plan-invalid', [...path, 'groups', g, 'others'], {
          vi: 'chỉ một nhóm được đánh dấu "others" (các hình thức còn lại)',
          en: 'only one group may be marked "others" (all remaining forms)',
        });
      }
      if (!group.others && group.forms.length === 0) {
        add('error', 'plan-invalid', [...path, 'groups', g, 'forms'], {
          vi: 'nhóm không có hình thức nào và không phải nhóm "others", nên không bao giờ được tính',
          en: 'the group names no form and is not the "others" group, so it can never score',
        });
      }
      group.forms.forEach((form, f) => {
        if (!formCodes.has(form)) {
          add('error', 'plan-invalid', [...path, 'groups', g, 'forms', f], {
            vi: `hình thức "${form}" không có trong danh sách hình thức (forms) của kế hoạch`,
            en: `form "${form}" is not among the plan's forms`,
          });
        }
        const earlier = claimed.get(form);
        if (earlier !== undefined && earlier !== g) {
          add('error', 'plan-invalid', [...path, 'groups', g, 'forms', f], {
            vi: `hình thức "${form}" đã thuộc nhóm groups[${earlier}] (mỗi hình thức chỉ thuộc một nhóm)`,
            en: `form "${form}" already belongs to groups[${earlier}] (a form belongs to one group only)`,
          });
        } else {
          claimed.set(form, g);
        }
      });
    });
  });

  const mins = new Map<number, number>();
  profile.bands.forEach((band, b) => {
    const first = mins.get(band.min);
    if (first !== undefined) {
      add('error', 'plan-invalid', [...base, 'bands', b, 'min'], {
        vi: `ngưỡng ${formatNumber(band.min)} trùng với bands[${first}]`,
        en: `threshold ${formatNumber(band.min)} duplicates bands[${first}]`,
      });
    } else {
      mins.set(band.min, b);
    }
    if (band.min > profile.scale) {
      add('warning', 'plan-suspicious', [...base, 'bands', b, 'min'], {
        vi: `ngưỡng ${formatNumber(band.min)} lớn hơn thang điểm ${formatNumber(profile.scale)} nên không bao giờ đạt được`,
        en: `threshold ${formatNumber(band.min)} exceeds the scale ${formatNumber(profile.scale)} and can never be reached`,
      });
    }
  });
  if (!mins.has(0)) {
    add('error', 'plan-invalid', [...base, 'bands'], {
      vi: 'cần một mức xếp loại có ngưỡng min = 0 để mọi số điểm đều được xếp loại',
      en: 'a band with min 0 is needed so that every score gets a band',
    });
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Messages                                                                                   */
/* ------------------------------------------------------------------------------------------ */

/** The fields of a zod issue this module reads (zod 4 `$ZodIssue`). */
interface ZodIssueLike {
  code?: string;
  message: string;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  exact?: boolean;
  format?: string;
  pattern?: string;
  values?: unknown[];
  options?: unknown[];
  discriminator?: string;
  keys?: string[];
}

const TYPE_NAMES: Record<string, Message> = {
  string: { vi: 'chuỗi văn bản', en: 'a string' },
  number: { vi: 'số', en: 'a number' },
  int: { vi: 'số nguyên', en: 'an integer' },
  boolean: { vi: 'true hoặc false', en: 'true or false' },
  array: { vi: 'danh sách (mảng)', en: 'a list (array)' },
  object: { vi: 'đối tượng { … }', en: 'an object { … }' },
};

function typeName(expected: string | undefined): Message {
  return (expected !== undefined && Object.hasOwn(TYPE_NAMES, expected) ? TYPE_NAMES[expected] : undefined) ?? {
    vi: expected ?? 'giá trị khác',
    en: expected ?? 'another value',
  };
}

/** Turns one zod issue into a bilingual "what is wrong" phrase (without the path). */
function describeIssue(issue: ZodIssueLike, value: unknown): Message {
  const got = value === undefined ? null : shortJson(value);
  const gotText: Message = got === null ? { vi: '', en: '' } : { vi: `; giá trị hiện có: ${got}`, en: `; got ${got}` };
  switch (issue.code) {
    case 'invalid_type': {
      const type = typeName(issue.expected);
      if (value === undefined) return { vi: `thiếu giá trị bắt buộc (cần ${type.vi})`, en: `required value is missing (expected ${type.en})` };
      return { vi: `sai kiểu, cần ${type.vi}${gotText.vi}`, en: `wrong type, expected ${type.en}${gotText.en}` };
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = Number(small ? issue.minimum : issue.maximum);
      if (issue.origin === 'string') {
        if (small && bound === 1) return { vi: 'không được để trống', en: 'must not be empty' };
        return small
          ? { vi: `cần ít nhất ${bound} ký tự${gotText.vi}`, en: `needs at least ${bound} characters${gotText.en}` }
          : { vi: `tối đa ${bound} ký tự${gotText.vi}`, en: `at most ${bound} characters${gotText.en}` };
      }
      if (issue.origin === 'array') {
        return small
          ? { vi: `cần ít nhất ${bound} phần tử`, en: `needs at least ${bound} item(s)` }
          : { vi: `tối đa ${bound} phần tử`, en: `at most ${bound} item(s)` };
      }
      const op = small ? (issue.inclusive === false ? '>' : '≥') : issue.inclusive === false ? '<' : '≤';
      return { vi: `phải ${op} ${formatNumber(bound)}${gotText.vi}`, en: `must be ${op} ${formatNumber(bound)}${gotText.en}` };
    }
    case 'invalid_format':
      if (issue.format === 'date') {
        return { vi: `ngày phải có dạng yyyy-mm-dd và là ngày có thật${gotText.vi}`, en: `must be a real date written yyyy-mm-dd${gotText.en}` };
      }
      if (issue.format === 'regex' && issue.pattern?.includes('-') === true) {
        return {
          vi: `mã định danh chỉ gồm chữ cái, chữ số, "_", "." và "-", bắt đầu bằng chữ cái${gotText.vi}`,
          en: `an id holds letters, digits, "_", "." and "-" only and starts with a letter${gotText.en}`,
        };
      }
      if (issue.format === 'regex') {
        return {
          vi: `mã chỉ gồm chữ cái, chữ số, "_" và ".", bắt đầu bằng chữ cái${gotText.vi}`,
          en: `a code holds letters, digits, "_" and "." only and starts with a letter${gotText.en}`,
        };
      }
      return { vi: `sai định dạng (${issue.format ?? '?'})${gotText.vi}`, en: `wrong format (${issue.format ?? '?'})${gotText.en}` };
    case 'invalid_value': {
      const allowed = (issue.values ?? []).map((v) => JSON.stringify(v)).join(', ');
      return { vi: `phải là một trong: ${allowed}${gotText.vi}`, en: `must be one of: ${allowed}${gotText.en}` };
    }
    case 'invalid_union': {
      if (issue.discriminator !== undefined) {
        const allowed = (issue.options ?? []).map((v) => JSON.stringify(v)).join(', ');
        return { vi: `giá trị "${issue.discriminator}" phải là một trong: ${allowed}${gotText.vi}`, en: `"${issue.discriminator}" must be one of: ${allowed}${gotText.en}` };
      }
      return { vi: `không khớp dạng nào được phép${gotText.vi}`, en: `matches none of the allowed shapes${gotText.en}` };
    }
    case 'unrecognized_keys': {
      const keys = (issue.keys ?? []).join(', ');
      return { vi: `có khóa không được phép: ${keys}`, en: `has keys that are not allowed: ${keys}` };
    }
    default:
      return { vi: `giá trị không hợp lệ (${issue.message})${gotText.vi}`, en: `${issue.message}${gotText.en}` };
  }
}

/**
 * A finding "at path (indicator X): problem". When the path is inside `indicators[i]` and that
 * entry has a code, the finding also carries `indicator`.
 */
function describe(
  severity: 'error' | 'warning',
  code: string,
  root: unknown,
  path: readonly PathKey[],
  problem: Message,
  location: { file?: string },
): Finding {
  const where = formatPath(path);
  let owner: Message = { vi: '', en: '' };
  let indicator: string | undefined;
  const [list, index] = path;
  if (typeof list === 'string' && typeof index === 'number') {
    const entry = valueAt(root, [list, index]);
    const entryCode = isRecord(entry) ? (list === 'profiles' ? entry['id'] : entry['code']) : undefined;
    if (typeof entryCode === 'string' && entryCode !== '') {
      const noun = LIST_NOUNS.get(list);
      if (noun) owner = { vi: ` (${noun.vi} ${entryCode})`, en: ` (${noun.en} ${entryCode})` };
      if (list === 'indicators') indicator = entryCode;
    }
  }
  const lead: Message =
    severity === 'error' ? { vi: 'Kế hoạch không hợp lệ tại', en: 'Invalid plan at' } : { vi: 'Lưu ý kế hoạch tại', en: 'Plan warning at' };
  return makeFinding(
    severity,
    code,
    { vi: `${lead.vi} ${where}${owner.vi}: ${problem.vi}.`, en: `${lead.en} ${where}${owner.en}: ${problem.en}.` },
    indicator === undefined ? location : { ...location, indicator },
  );
}

const LIST_NOUNS = new Map<string, Message>([
  ['indicators', { vi: 'chỉ tiêu', en: 'indicator' }],
  ['themes', { vi: 'nội dung', en: 'theme' }],
  ['forms', { vi: 'hình thức', en: 'form' }],
  ['profiles', { vi: 'bộ tiêu chí', en: 'profile' }],
]);

/** `['indicators', 3, 'target', 'min']` → `indicators[3].target.min`; the empty path → `(gốc)`. */
export function formatPath(path: readonly PathKey[]): string {
  if (path.length === 0) return '(gốc / root)';
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a path inside plain data, reading own properties only; undefined when absent. */
function valueAt(root: unknown, path: readonly PathKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isRecord(current) && typeof key === 'string' && Object.hasOwn(current, key)) current = current[key];
    else return undefined;
  }
  return current;
}

/** A deep copy with every string in NFC. Object keys are copied as data (a `__proto__` key stays a plain key). */
function normalizeStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(normalizeStrings);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeStrings(v)]));
  return value;
}

function shortJson(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function formatNumber(n: number): string {
  return String(Math.round(n * 1e9) / 1e9);
}


/** The parts of a zod 4 schema's `def` this module walks to find unknown keys. */
interface SchemaNode {
  def: {
    type: string;
    shape?: Record<string, SchemaNode>;
    element?: SchemaNode;
    innerType?: SchemaNode;
    options?: SchemaNode[];
    discriminator?: string;
    values?: unknown[];
  };
}

/**
 * Walks the data alongside the schema and reports object keys the schema does not declare.
 * zod's default objects strip such keys silently; a misspelt optional key (`evidenceRequred`)
 * would otherwise vanish without a word.
 */
function collectUnknownKeys(schema: SchemaNode, value: unknown, path: PathKey[], report: (path: PathKey[], key: string) => void): void {
  const def = schema.def;
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'prefault':
      if (def.innerType) collectUnknownKeys(def.innerType, value, path, report);
      return;
    case 'array':
      if (def.element && Array.isArray(value)) {
        const element = def.element;
        value.forEach((item, i) => collectUnknownKeys(element, item, [...path, i], report));
      }
      return;
    case 'object': {
      if (!def.shape || !isRecord(value)) return;
      const shape = def.shape;
      for (const key of Object.keys(value)) {
        const child = Object.hasOwn(shape, key) ? shape[key] : undefined;
        if (child === undefined) report(path, key);
        else collectUnknownKeys(child, value[key], [...path, key], report);
      }
      return;
    }
    case 'union': {
      const discriminator = def.discriminator;
      if (discriminator === undefined || !isRecord(value) || !def.options) return;
      const tag = value[discriminator];
      const option = def.options.find((o) => o.def.shape?.[discriminator]?.def.values?.includes(tag));
      if (option) collectUnknownKeys(option, value, path, report);
      return;
    }
    default:
      return;
  }
}
