/**
 * commander's own error messages (unknown option, required option missing, …) are English; an
 * officer gets them in Vietnamese first, with the English beside it. Each of commander 14's
 * messages is matched by its fixed wording; anything else is shown as it is, after a Vietnamese
 * line saying the command line is wrong.
 */
import type { Message } from '@cchc-kpi/core';
import { InvalidArgumentError } from 'commander';
import { printable } from './lang.ts';

/** The Vietnamese of the CLI's own option validators' messages, by the English commander prints. */
const OWN_MESSAGES = new Map<string, string>();

/**
 * The error one of the CLI's own option parsers throws for a value it refuses (`--workers two`):
 * commander prints `message.en` after its English "argument … is invalid."; the Vietnamese line
 * gets `message.vi`, so each line is in one language.
 */
export function invalidArgument(message: Message): InvalidArgumentError {
  OWN_MESSAGES.set(message.en, message.vi);
  return new InvalidArgumentError(message.en);
}

/** A detail commander appended to "is invalid.": ours in Vietnamese, commander's own as it is. */
function detailVi(detail: string): string {
  return OWN_MESSAGES.get(detail) ?? detail;
}

type Rule = [pattern: RegExp, vi: (m: RegExpExecArray) => string];

/** commander 14's error wordings (lib/command.js) → Vietnamese. `m[1]`… are the quoted parts. */
const RULES: Rule[] = [
  [/^error: required option '([^']+)' not specified$/, (m) => `thiếu tùy chọn bắt buộc ${m[1]}`],
  [/^error: unknown option '([^']+)'$/, (m) => `không có tùy chọn ${m[1]}`],
  [/^error: unknown command '([^']+)'$/, (m) => `không có lệnh ${m[1]} (các lệnh: template, check, inspect, score, consolidate)`],
  [/^error: missing required argument '([^']+)'$/, (m) => `thiếu ${m[1] === 'files' || m[1] === 'file' ? 'tệp báo cáo' : m[1] === 'inputs' ? 'thư mục hoặc tệp báo cáo' : `đối số ${m[1]}`}`],
  [/^error: option '([^']+)' argument missing$/, (m) => `tùy chọn ${m[1]} cần một giá trị`],
  [/^error: option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.+)\.$/, (m) => `giá trị "${m[2]}" của tùy chọn ${m[1]} không hợp lệ; chỉ chọn một trong: ${m[3]}`],
  [/^error: option '([^']+)' argument '([^']*)' is invalid\.(?: (.*))?$/, (m) => `giá trị "${m[2]}" của tùy chọn ${m[1]} không hợp lệ${m[3] ? `: ${detailVi(m[3])}` : ''}`],
  [/^error: too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got (\d+)\.$/, (m) => `thừa đối số${m[1] ? ` cho lệnh ${m[1]}` : ''}: cần ${m[2]}, có ${m[3]}`],
  [/^error: (.+) cannot be used with (.+)$/, (m) => `${m[1]} không dùng được cùng ${m[2]}`],
];

/** "(Did you mean --json?)" → "(Có phải ý bạn là --json?)". */
function suggestionVi(line: string): string {
  return line.replace(/^\(Did you mean one of (.+)\?\)$/, '(Có phải ý bạn là một trong: $1?)').replace(/^\(Did you mean (.+)\?\)$/, '(Có phải ý bạn là $1?)');
}

/**
 * One commander error as printed (`error: …`, maybe a "Did you mean" line) → Vietnamese and
 * English, each with how to get help. Example: `error: required option '--period <period>' not
 * specified` → vi `Lỗi: thiếu tùy chọn bắt buộc --period <period>.` + help hint.
 */
export function commanderErrorMessage(text: string): Message {
  const [first = '', ...rest] = text.trim().split('\n');
  const rule = RULES.map(([re, vi]) => {
    const m = re.exec(first);
    return m ? vi(m) : null;
  }).find((v) => v !== null);
  const head = rule ?? `dòng lệnh không đúng (${first.replace(/^error: /, '')})`;
  const suggestion = rest.map(suggestionVi).join(' ');
  const english = [first.replace(/^error: /, 'Error: '), ...rest].join(' ');
  return {
    vi: `Lỗi: ${head}${/[.?)]$/.test(head) ? '' : '.'}${suggestion ? ` ${suggestion}` : ''} Xem cách dùng: cchc --help.`,
    en: `${english}${/[.?)]$/.test(english) ? '' : '.'} See cchc --help.`,
  };
}

/**
 * commander's `outputError` hook: writes the error in Vietnamese then English (the language
 * option may not have been read when commander fails).
 */
export function writeCommanderError(text: string, write: (text: string) => void): void {
  const message = commanderErrorMessage(text);
  write(`${printable(message.vi)}\n${printable(message.en)}\n`);
}
