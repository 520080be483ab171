import type { Command } from 'commander';
import { DEFAULT_JSON_LIMITS, DEFAULT_RECEIVED_LIMITS, MAX_PREVIOUS_JSON_CHARS, makeFinding, type Finding, type Result } from '@cchc-kpi/core';
import { DEFAULT_LIMITS, type ReadLimits } from '@cchc-kpi/xlsx';

/**
 * The safety limits as command-line options: the report reader's (`check`, `score`, `inspect`,
 * `consolidate`), and those of the other inputs — plan, unit list, mappings, the `--compare`
 * consolidation and the received-date register (issue 18). Each option is optional; an option
 * not given keeps its safe default.
 */

/** Limits of the inputs other than reports (issue 18). */
export interface InputLimits {
  /** Largest plan, unit list (CSV or JSON) or mapping file, in bytes. Default 4 MiB. */
  maxConfigBytes: number;
  /** Largest earlier consolidation (`--compare`), in bytes. Default 64 MiB. */
  maxCompareBytes: number;
  /** Deepest nesting of arrays and objects in any JSON input. Default 64. */
  maxJsonDepth: number;
  /** Largest received-date register (`--received`), in bytes. Default 10 MiB. */
  maxReceivedBytes: number;
  /** Most rows in the received-date register. Default 100,000. */
  maxReceivedRows: number;
}

/** Every limit the command line sets: the report reader's and the other inputs'. */
export type CliLimits = ReadLimits & InputLimits;

/** The input limits used when no option is given. */
export const DEFAULT_INPUT_LIMITS: Readonly<InputLimits> = Object.freeze({
  maxConfigBytes: DEFAULT_JSON_LIMITS.maxChars,
  maxCompareBytes: MAX_PREVIOUS_JSON_CHARS,
  maxJsonDepth: DEFAULT_JSON_LIMITS.maxDepth,
  maxReceivedBytes: DEFAULT_RECEIVED_LIMITS.maxChars,
  maxReceivedRows: DEFAULT_RECEIVED_LIMITS.maxRows,
});

/** Every default, by limit. */
const DEFAULTS: Readonly<CliLimits> = Object.freeze({ ...DEFAULT_LIMITS, ...DEFAULT_INPUT_LIMITS });

/** The value of a limit: the one given, else its default. */
export function limitOf<K extends keyof CliLimits>(limits: Partial<CliLimits> | undefined, key: K): CliLimits[K] {
  return limits?.[key] ?? DEFAULTS[key];
}

/** How an option's value is written: a byte size (`50M`), a whole count, or a ratio. */
type LimitKind = 'bytes' | 'count' | 'ratio';

interface LimitOption {
  /** The flag, e.g. `--max-file-size`. */
  flag: string;
  /** Commander's property name for the flag. */
  property: string;
  key: keyof CliLimits;
  kind: LimitKind;
  vi: string;
  en: string;
  /** The commands that take it; every reading command when absent. */
  commands?: readonly string[];
}

const MIB = 1024 * 1024;

/** The limit flags as commander hands them over (text, unparsed). */
export interface LimitFlags {
  maxFileSize?: string;
  maxEntries?: string;
  maxUncompressed?: string;
  maxRatio?: string;
  maxCells?: string;
  maxConfigSize?: string;
  maxJsonDepth?: string;
  maxCompareSize?: string;
  maxReceivedSize?: string;
  maxReceivedRows?: string;
}

/** The limit options, in the order `--help` lists them. */
export const LIMIT_OPTIONS: readonly LimitOption[] = [
  { flag: '--max-file-size', property: 'maxFileSize', key: 'maxFileBytes', kind: 'bytes', vi: 'dung lượng tối đa của một tệp', en: 'largest file read' },
  { flag: '--max-entries', property: 'maxEntries', key: 'maxZipEntries', kind: 'count', vi: 'số thành phần nén tối đa', en: 'most zip entries' },
  {
    flag: '--max-uncompressed',
    property: 'maxUncompressed',
    key: 'maxTotalUncompressedBytes',
    kind: 'bytes',
    vi: 'tổng dung lượng tối đa sau giải nén',
    en: 'most bytes inflated per file',
  },
  { flag: '--max-ratio', property: 'maxRatio', key: 'maxCompressionRatio', kind: 'ratio', vi: 'tỉ lệ nén tối đa (chống bom nén)', en: 'highest compression ratio (zip bombs)' },
  { flag: '--max-cells', property: 'maxCells', key: 'maxCellsPerSheet', kind: 'count', vi: 'số ô có dữ liệu tối đa mỗi trang tính', en: 'most non-blank cells per sheet' },
  {
    flag: '--max-config-size',
    property: 'maxConfigSize',
    key: 'maxConfigBytes',
    kind: 'bytes',
    vi: 'dung lượng tối đa của tệp kế hoạch, danh sách đơn vị, ánh xạ',
    en: 'largest plan, unit list or mapping file',
  },
  { flag: '--max-json-depth', property: 'maxJsonDepth', key: 'maxJsonDepth', kind: 'count', vi: 'số cấp lồng nhau tối đa của tệp JSON', en: 'deepest nesting of a JSON input' },
  {
    flag: '--max-compare-size',
    property: 'maxCompareSize',
    key: 'maxCompareBytes',
    kind: 'bytes',
    vi: 'dung lượng tối đa của tệp --compare',
    en: 'largest --compare file',
    commands: ['consolidate'],
  },
  {
    flag: '--max-received-size',
    property: 'maxReceivedSize',
    key: 'maxReceivedBytes',
    kind: 'bytes',
    vi: 'dung lượng tối đa của sổ theo dõi --received',
    en: 'largest --received register',
    commands: ['consolidate'],
  },
  {
    flag: '--max-received-rows',
    property: 'maxReceivedRows',
    key: 'maxReceivedRows',
    kind: 'count',
    vi: 'số dòng tối đa của sổ theo dõi --received',
    en: 'most rows of the --received register',
    commands: ['consolidate'],
  },
];

function showDefault(option: LimitOption): string {
  const value = DEFAULTS[option.key];
  if (option.kind === 'bytes') return value % MIB === 0 ? `${value / MIB}M` : String(value);
  return String(value);
}

/** Adds the limit options a command takes (`--max-file-size <size>` …), with their defaults in the help. */
export function addLimitOptions(command: Command): Command {
  for (const option of LIMIT_OPTIONS) {
    if (option.commands && !option.commands.includes(command.name())) continue;
    const arg = option.kind === 'bytes' ? '<size>' : '<n>';
    command.option(`${option.flag} ${arg}`, `${option.vi} / ${option.en} (mặc định / default ${showDefault(option)})`);
  }
  return command;
}

const SIZE = /^(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?$/i;
const POWER: Record<string, number> = { '': 1, k: 1024, m: MIB, g: 1024 * MIB };

/**
 * Reads a byte size: a whole number of bytes (`1048576`) or a number with `K`, `M` or `G`
 * (optionally followed by `B` or `iB`, any case), all binary: `50M` = `50MB` = `50MiB` =
 * 52,428,800 bytes; `1.5G` = 1,610,612,736 bytes (rounded down to a whole byte).
 * @returns the size in bytes, or null when the text is not a positive size.
 */
export function parseByteSize(text: string): number | null {
  const m = SIZE.exec(text.trim());
  if (!m) return null;
  const bytes = Math.floor(Number(m[1]) * (POWER[(m[2] ?? '').toLowerCase()] ?? 1));
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null;
}

function parseValue(option: LimitOption, text: string): number | null {
  if (option.kind === 'bytes') return parseByteSize(text);
  const t = text.trim();
  if (option.kind === 'count') return /^\d+$/.test(t) && Number(t) > 0 && Number.isSafeInteger(Number(t)) ? Number(t) : null;
  return /^\d+(?:\.\d+)?$/.test(t) && Number(t) >= 1 ? Number(t) : null;
}

const EXPECTED: Record<LimitKind, { vi: string; en: string }> = {
  bytes: { vi: 'một dung lượng dương, ví dụ 50M hoặc 1048576', en: 'a positive size such as 50M or 1048576' },
  count: { vi: 'một số nguyên dương', en: 'a positive whole number' },
  ratio: { vi: 'một số từ 1 trở lên, ví dụ 200', en: 'a number of at least 1, such as 200' },
};

/**
 * The limits given on the command line: the reader's (`readReport`'s `limits` option) and the
 * other inputs'.
 * @param options the command's parsed options (commander's object; other keys are ignored).
 * @returns only the limits given (absent ones keep the defaults), or an error finding
 *   (`limit-option-invalid`) per value that is not a valid size, count or ratio.
 */
export function limitsFromOptions(options: LimitFlags | Readonly<Record<string, unknown>>): Result<Partial<CliLimits>> {
  const given = options as Readonly<Record<string, unknown>>;
  const limits: Partial<CliLimits> = {};
  const findings: Finding[] = [];
  for (const option of LIMIT_OPTIONS) {
    const raw = Object.hasOwn(given, option.property) ? given[option.property] : undefined;
    if (raw === undefined) continue;
    const value = typeof raw === 'string' ? parseValue(option, raw) : null;
    if (value === null) {
      const expected = EXPECTED[option.kind];
      findings.push(
        makeFinding('error', 'limit-option-invalid', {
          vi: `Giá trị "${String(raw)}" của ${option.flag} không hợp lệ; cần ${expected.vi}.`,
          en: `Invalid value "${String(raw)}" for ${option.flag}; expected ${expected.en}.`,
        }),
      );
    } else {
      limits[option.key] = value;
    }
  }
  return findings.length > 0 ? { ok: false, findings } : { ok: true, value: limits, findings: [] };
}

/**
 * The run context with the command line's limits attached (`context.limits`), or the findings
 * of invalid limit values.
 */
export function withLimits<C extends { limits?: Partial<CliLimits> }>(context: C, options: LimitFlags): Result<C> {
  const limits = limitsFromOptions(options);
  if (!limits.ok) return limits;
  return { ok: true, value: Object.keys(limits.value).length > 0 ? { ...context, limits: limits.value } : context, findings: [] };
}
