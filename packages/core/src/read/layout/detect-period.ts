/**
 * Which reporting period a workbook is for, read from a date range in its cells ("Số liệu tính
 * từ ngày 15/12/2020 đến ngày 14/6/2021", matched to the period whose Decree 09/2019 cut-off
 * window it is), its title rows ("6 tháng đầu năm 2021", "Quý II năm 2021", "năm 2021"), its
 * sheet name or its file name ("2021-H1", "6T-2021").
 */
import { periodForWindow } from '../../period/period.ts';
import { parseDateText } from '../../text/dates.ts';
import { foldText } from '../../text/fold.ts';
import type { TextSource } from './text-source.ts';

/** A period as read from one text. `year` null when the text gives none ("6 tháng đầu năm"). */
export interface PeriodMention {
  kind: 'quarter' | 'half' | 'year';
  index?: number;
  year: number | null;
  source: TextSource;
  /** `dateRange`: read from a "từ … đến …" range; `calendar`: the range was a calendar window, not a cut-off window. */
  fromRange?: 'cutoff' | 'calendar';
}

/** A date range that is no period's window, for the finding. */
export interface UnmatchedRange {
  start: string;
  end: string;
  source: TextSource;
}

/** All period mentions found, in source order, and the ranges that matched no period. */
export interface PeriodScan {
  mentions: PeriodMention[];
  unmatchedRanges: UnmatchedRange[];
}

// Regex sources, not `String.raw` templates (the add-in's bundle must parse as ES2017).
const DATE = /(\d{4}-\d{2}-\d{2}|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{1,2}\s*thang\s*\d{1,2}\s*(?:nam\s*)?\d{4})/.source;
const RANGE = new RegExp(`${/(?:tu|tinh tu|ke tu)\s*(?:ngay\s*)?/.source}${DATE}${/\s*(?:den|toi|-|–)\s*(?:ngay\s*)?/.source}${DATE}`);
const DATE_PHRASE = /ngay\s*\d{1,2}\s*thang\s*\d{1,2}\s*nam\s*\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}/g;
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** Every match of `re` in `text`, in order (as `matchAll`, which the add-in's oldest web view lacks). */
function allMatches(text: string, re: RegExp): RegExpExecArray[] {
  const global = new RegExp(re.source, 'g');
  const out: RegExpExecArray[] = [];
  for (let m = global.exec(text); m !== null; m = global.exec(text)) {
    out.push(m);
    if (m[0] === '') global.lastIndex += 1;
  }
  return out;
}

function isoOf(text: string): string | null {
  const parsed = parseDateText(/thang/.test(text) ? `ngay ${text}` : text);
  return parsed.ok ? parsed.value : null;
}

/** Period mentions in one folded text (date phrases removed first, so "ngày 28 tháng 12 năm 2020" is no "năm 2020"). */
function mentionsIn(folded: string, source: TextSource, options: { fileName: boolean }): Omit<PeriodMention, 'source'>[] {
  let text = folded.replace(DATE_PHRASE, ' ');
  if (options.fileName) text = text.replace(/[-_.]+/g, ' ');
  const found: Omit<PeriodMention, 'source'>[] = [];
  const take = (re: RegExp, make: (m: RegExpExecArray) => Omit<PeriodMention, 'source'> | null): void => {
    for (const m of allMatches(text, re)) {
      const mention = make(m);
      if (mention) found.push(mention);
    }
    text = text.replace(new RegExp(re.source, 'g'), ' ');
  };
  const year = (s: string | undefined): number | null => (s === undefined ? null : Number(s));
  take(/(?:6|sau)\s*thang\s*(dau|cuoi)(?:\s*nam)?(?:\s*(\d{4}))?/, (m) => ({ kind: 'half', index: m[1] === 'cuoi' ? 2 : 1, year: year(m[2]) }));
  take(/(?:6|sau)\s*thang(?:\s*nam)?\s*(\d{4})/, (m) => ({ kind: 'half', index: 1, year: year(m[1]) }));
  take(/qu[iy]\s*(iv|iii|ii|i|[1-4])\b(?:\s*(?:nam|\/|-)?\s*(\d{4}))?/, (m) => ({ kind: 'quarter', index: ROMAN[m[1] ?? ''] ?? 1, year: year(m[2]) }));
  if (options.fileName) {
    take(/(\d{4})\s*(h|q)\s*([1-4])\b/, (m) => (m[2] === 'h' && Number(m[3]) > 2 ? null : { kind: m[2] === 'h' ? 'half' : 'quarter', index: Number(m[3]), year: Number(m[1]) }));
    take(/\b(h|q)\s*([1-4])\s*(\d{4})/, (m) => (m[1] === 'h' && Number(m[2]) > 2 ? null : { kind: m[1] === 'h' ? 'half' : 'quarter', index: Number(m[2]), year: Number(m[3]) }));
    take(/\b6\s*t\s*(\d{4})/, (m) => ({ kind: 'half', index: 1, year: Number(m[1]) }));
  }
  take(/(?:^|[^a-z])nam\s*(\d{4})/, (m) => ({ kind: 'year', year: Number(m[1]) }));
  return found;
}

/**
 * Scans the texts for periods: each text's "từ (ngày) … đến (ngày) …" ranges (dd/mm/yyyy or
 * "ngày d tháng m năm y") → the period whose cut-off window it is exactly (`fromRange: 'cutoff'`)
 * or whose calendar window it is (`'calendar'`), else an unmatched range; then half years
 * ("6 tháng đầu/cuối năm [2021]", "6 tháng năm 2021"), quarters ("quý II [năm 2021]", "quý 2/2021"),
 * in file names also `2021-H1`, `H1_2021`, `2021Q2`, `6T2021`; then years ("năm 2021", not inside
 * a date). Text is folded (case and diacritics ignored).
 */
export function scanPeriods(sources: readonly TextSource[], deadlineDaysAfterCutoff?: number): PeriodScan {
  const scan: PeriodScan = { mentions: [], unmatchedRanges: [] };
  for (const source of sources) {
    let folded = foldText(source.text);
    for (const m of allMatches(folded, RANGE)) {
      const start = isoOf(m[1] ?? '');
      const end = isoOf(m[2] ?? '');
      if (start === null || end === null) continue;
      const options = deadlineDaysAfterCutoff === undefined ? {} : { deadlineDaysAfterCutoff };
      const exact = periodForWindow(start, end, options);
      const period = exact ?? periodForWindow(start, end, { ...options, calendar: true });
      if (period) {
        const mention: PeriodMention = { kind: period.kind, year: period.year, source, fromRange: exact ? 'cutoff' : 'calendar' };
        if (period.index !== undefined) mention.index = period.index;
        scan.mentions.push(mention);
      } else scan.unmatchedRanges.push({ start, end, source });
    }
    folded = folded.replace(new RegExp(RANGE.source, 'g'), ' ');
    for (const m of mentionsIn(folded, source, { fileName: source.via === 'fileName' })) scan.mentions.push({ ...m, source });
  }
  return scan;
}

/** The period code of a mention with a year: `2021-H1`, `2021-Q2`, `2021`. */
export function mentionCode(m: Pick<PeriodMention, 'kind' | 'index' | 'year'>, year: number): string {
  if (m.kind === 'year') return String(year);
  return `${year}-${m.kind === 'half' ? 'H' : 'Q'}${m.index ?? 1}`;
}

/** The outcome of choosing a period from the mentions. */
export interface PeriodDetection {
  code: string | null;
  mention: PeriodMention | null;
  /** The year was not in the mention and came from `yearFrom`. */
  yearFrom?: 'file' | 'plan';
  /** Two mentions of the same rank in the same text naming different periods. */
  ambiguous: { codes: string[]; source: TextSource } | null;
  /** A later mention naming an incompatible period. */
  conflict: { code: string; source: TextSource } | null;
}

const RANK = { quarter: 0, half: 1, year: 2 } as const;

/**
 * Chooses the period: ranges first (cut-off windows before calendar windows), then the mentions
 * of the title rows, sheet name and file name in that order; within one text the most specific
 * (a quarter or half before a bare year, which is then only a fallback). A mention without a
 * year takes the year of a "năm 2021" mention elsewhere in the file, else `planYear`
 * (`yearFrom`). Different specific periods in the same text → `ambiguous` (none taken); a later
 * specific mention that is neither the chosen period nor its year → `conflict`.
 */
export function choosePeriod(scan: PeriodScan, planYear: number): PeriodDetection {
  const result: PeriodDetection = { code: null, mention: null, ambiguous: null, conflict: null };
  const years = scan.mentions.filter((m) => m.year !== null).map((m) => m.year as number);
  const fileYear = years[0];
  const withYear = (m: PeriodMention): { code: string; yearFrom?: 'file' | 'plan' } =>
    m.year !== null ? { code: mentionCode(m, m.year) } : fileYear !== undefined ? { code: mentionCode(m, fileYear), yearFrom: 'file' } : { code: mentionCode(m, planYear), yearFrom: 'plan' };
  const ordered = [
    ...scan.mentions.filter((m) => m.fromRange === 'cutoff'),
    ...scan.mentions.filter((m) => m.fromRange === 'calendar'),
    ...scan.mentions.filter((m) => m.fromRange === undefined),
  ];
  // The chosen mention: the first source's most specific mention.
  for (const m of ordered) {
    const sameText = ordered.filter((o) => o.source === m.source && o.fromRange === m.fromRange);
    const best = Math.min(...sameText.map((o) => RANK[o.kind]));
    if (best === RANK.year && scan.mentions.some((o) => o.kind !== 'year')) continue;
    const candidates = [...new Set(sameText.filter((o) => RANK[o.kind] === best).map((o) => withYear(o).code))];
    if (candidates.length > 1) {
      result.ambiguous = { codes: candidates, source: m.source };
      return result;
    }
    const chosen = sameText.find((o) => RANK[o.kind] === best) ?? m;
    const coded = withYear(chosen);
    result.code = coded.code;
    result.mention = chosen;
    if (coded.yearFrom) result.yearFrom = coded.yearFrom;
    break;
  }
  if (result.code === null) return result;
  const chosenYear = result.code.slice(0, 4);
  for (const m of ordered) {
    if (m === result.mention) continue;
    const code = withYear(m).code;
    const compatible = code === result.code || (m.kind === 'year' && code === chosenYear) || (result.mention?.kind === 'year' && code.startsWith(chosenYear));
    if (!compatible && m.year !== null) {
      result.conflict = { code, source: m.source };
      break;
    }
  }
  return result;
}
