import { formatDateVi } from '../text/format.ts';
import { makeFinding, type Finding, type Message } from '../finding.ts';
import type { Period } from '../period/types.ts';
import type { Unit } from '../units/unit.ts';
import { compareText } from './compare.ts';
import { fileName, unitName } from './names.ts';


/** What the duplicate rule looks at in each report of one unit. */
export interface CandidateKey {
  file: string | null;
  submittedOn: string | null;
  receivedOn: string | null;
  fingerprint: string;
}

/** Which step of the rule separated two reports. */
export type DecidingStep = 'submittedOn' | 'receivedOn' | 'file' | 'content' | 'identical';

/**
 * The rule choosing one of two reports of the same unit and period (never file times, so the
 * choice is the same on every machine and whatever the arrival order): the later date on the
 * form (`submittedOn`; none counts as earliest), then the later received-register date, then the
 * file name last in code-unit order, then the content fingerprint (only for identical names and
 * dates). Returns > 0 when `a` is chosen over `b`, < 0 when `b` is, 0 when they are identical.
 * With a register keyed by unit, both reports share its date, so that step only matters for a
 * per-report date.
 */
export function compareCandidates(a: CandidateKey, b: CandidateKey): number {
  return (
    compareText(a.submittedOn, b.submittedOn) ||
    compareText(a.receivedOn, b.receivedOn) ||
    compareText(a.file, b.file) ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

/** The step of `compareCandidates` that separates `a` and `b`. */
export function decidingStep(a: CandidateKey, b: CandidateKey): DecidingStep {
  if (compareText(a.submittedOn, b.submittedOn) !== 0) return 'submittedOn';
  if (compareText(a.receivedOn, b.receivedOn) !== 0) return 'receivedOn';
  if (compareText(a.file, b.file) !== 0) return 'file';
  if (a.fingerprint !== b.fingerprint) return 'content';
  return 'identical';
}

function reason(step: DecidingStep, winner: CandidateKey): Message {
  switch (step) {
    case 'submittedOn':
      return { vi: `ngày ký trên biểu muộn nhất: ${formatDateVi(winner.submittedOn ?? '')}`, en: `latest date on the form: ${winner.submittedOn ?? ''}` };
    case 'receivedOn':
      return { vi: `ngày nhận muộn nhất: ${formatDateVi(winner.receivedOn ?? '')}`, en: `latest received date: ${winner.receivedOn ?? ''}` };
    case 'file':
      return { vi: 'cùng ngày; tên tệp xếp sau cùng theo thứ tự chữ cái', en: 'same dates; file name last in alphabetical order' };
    case 'content':
      return { vi: 'cùng ngày và tên tệp; chọn theo dấu vân tay nội dung', en: 'same dates and file name; chosen by content fingerprint' };
    case 'identical':
      return { vi: 'các báo cáo giống hệt nhau', en: 'the reports are identical' };
  }
}

/**
 * The `duplicate-report` finding (warning) for a unit with two or more reports for the period:
 * names every file, the one used and why, and the ones discarded. `candidates` in any order.
 */
export function duplicateFinding(unit: Unit, period: Period, candidates: readonly CandidateKey[]): Finding {
  const sorted = [...candidates].sort((a, b) => compareCandidates(b, a));
  const winner = sorted[0] as CandidateKey;
  const runnerUp = sorted[1] as CandidateKey;
  const losers = sorted.slice(1);
  const why = reason(decidingStep(winner, runnerUp), winner);
  const names = (list: readonly CandidateKey[], lang: 'vi' | 'en'): string =>
    list
      .map((c) => fileName(c.file)[lang])
      .sort(compareText)
      .join(', ');
  const who = unitName(unit);
  return makeFinding(
    'warning',
    'duplicate-report',
    {
      vi:
        `Đơn vị ${who.vi} có ${candidates.length} báo cáo kỳ ${period.code}: ${names(candidates, 'vi')}. ` +
        `Dùng ${fileName(winner.file).vi} (${why.vi}); bỏ ${names(losers, 'vi')}. ` +
        'Quy tắc: ngày ký muộn nhất, rồi ngày nhận muộn nhất, rồi tên tệp xếp sau cùng.',
      en:
        `Unit ${who.en} has ${candidates.length} reports for ${period.code}: ${names(candidates, 'en')}. ` +
        `Using ${fileName(winner.file).en} (${why.en}); discarding ${names(losers, 'en')}. ` +
        'Rule: latest date on the form, then latest received date, then file name last in alphabetical order.',
    },
    { unit: unit.code, ...(winner.file === null ? {} : { file: winner.file }) },
  );
}
