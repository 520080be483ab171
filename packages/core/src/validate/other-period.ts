/**
 * Reports of another period than the one consolidated: when most of the reports read carry
 * another period (`consolidate --period 2021-H2` over a folder of 2021-H1 forms), one finding
 * says so with the period they carry and the `--period` to use, besides the per-file errors.
 */
import type { Consolidator } from '../consolidate/consolidator.ts';
import { makeFinding, type Finding } from '../finding.ts';
import { parsePeriod } from '../period/period.ts';
import type { Period } from '../period/types.ts';
import { periodName } from '../vocabulary/periods.ts';
import type { CheckedReport } from './types.ts';

/** A consolidator that also counts the periods of the reports added (`otherPeriodFinding`). */
export interface PeriodTallyConsolidator extends Consolidator {
  /** `reports-for-other-period` when most reports added carry another period than `period`; else null. */
  otherPeriodFinding(): Finding | null;
}

/** The period a checked report carries: its own, else its code as typed (upper-cased); null when it names none. */
function periodOf(checked: CheckedReport): string | null {
  const typed = checked.report.periodCode?.trim().toUpperCase() ?? '';
  return checked.period?.code ?? (typed === '' ? null : typed);
}

/**
 * Wraps a consolidator (`createConsolidator`, already wrapped or not) for `period`: every report
 * added (`add`) is counted by the period it carries, then passed on unchanged.
 * `otherPeriodFinding()` gives the warning `reports-for-other-period` when more than half of the
 * reports that name a period name another one than `period`; it names how many, the most
 * frequent other period (ties: the earliest code) and the `--period` that would consolidate it.
 * Our convention.
 */
export function withPeriodTally(consolidator: Consolidator, period: Period): PeriodTallyConsolidator {
  const counts = new Map<string, number>();
  return {
    ...consolidator,
    add(checked, file) {
      const code = periodOf(checked);
      if (code !== null) counts.set(code, (counts.get(code) ?? 0) + 1);
      consolidator.add(checked, file);
    },
    otherPeriodFinding() {
      return otherPeriodFinding(counts, period);
    },
  };
}

/** The finding of `withPeriodTally` from the counts of report periods (code → reports). */
export function otherPeriodFinding(counts: ReadonlyMap<string, number>, period: Period): Finding | null {
  let total = 0;
  let other = 0;
  let top: [string, number] | null = null;
  for (const [code, n] of counts) {
    total += n;
    if (code.toUpperCase() === period.code.toUpperCase()) continue;
    other += n;
    if (top === null || n > top[1] || (n === top[1] && code < top[0])) top = [code, n];
  }
  if (top === null || other * 2 <= total) return null;
  const [code, n] = top;
  const parsed = parsePeriod(code);
  const named = parsed.ok ? ` (${periodName(parsed.value, { inSentence: true })})` : '';
  const current = `${period.code} (${periodName(period, { inSentence: true })})`;
  const message =
    n === other
      ? {
          vi: `${other}/${total} báo cáo đọc được là của kỳ ${code}${named}, không phải kỳ ${current} đang tổng hợp, nên không được đưa vào tổng hợp. Nếu cần tổng hợp kỳ ${code}, hãy chạy lại lệnh với --period ${code}.`,
          en: `${other} of the ${total} reports read are for period ${code}, not ${period.code} being consolidated, so they were left out. To consolidate ${code}, run the command again with --period ${code}.`,
        }
      : {
          vi: `${other}/${total} báo cáo đọc được không phải của kỳ ${current} đang tổng hợp, nên không được đưa vào tổng hợp; nhiều nhất là kỳ ${code}${named} (${n} báo cáo). Nếu cần tổng hợp kỳ ${code}, hãy chạy lại lệnh với --period ${code}.`,
          en: `${other} of the ${total} reports read are not for period ${period.code} being consolidated, so they were left out; most are for ${code} (${n} reports). To consolidate ${code}, run the command again with --period ${code}.`,
        };
  return makeFinding('warning', 'reports-for-other-period', message);
}
