import type { Message } from '../finding.ts';
import type { Basis, Indicator, Plan, ScoringProfile } from '../plan/schema.ts';
import { formatNumber } from '../text/format.ts';

/**
 * How the basis (căn cứ) of a number of the plan data is printed. Every target, weight, band and
 * deadline carries a `basis` (plan/schema.ts): the plan's own clause, or a convention with its
 * reason. Officers must never read a convention as the plan's word, so every place that prints a
 * target — the unit's form, the consolidated workbook and its cover, the HTML report, the Word
 * report — prints it through {@link targetText}; bands, scoring and deadlines through the other
 * functions here.
 */

/** The short label of a target whose basis is the plan. */
const PLAN_LABEL: Message = { vi: 'theo kế hoạch', en: 'per the plan' };
/** The short label of a target the plan gives no number for (the wording the issue asks for). */
const CONVENTION_TARGET_LABEL: Message = { vi: 'quy ước; kế hoạch không nêu số cụ thể', en: 'convention; the plan gives no number' };
/** The short label of a weight, band, scoring rule or deadline the plan does not set. */
const CONVENTION_RULE_LABEL: Message = { vi: 'quy ước; kế hoạch không quy định', en: 'convention; not set by the plan' };

/** True when the number is a convention, not the plan's. */
export function isConvention(basis: Basis): boolean {
  return basis.kind === 'convention';
}

/**
 * The label printed after a target: `theo kế hoạch` for the plan's own target,
 * `quy ước; kế hoạch không nêu số cụ thể` for a convention (English beside it).
 */
export function targetBasisLabel(basis: Basis): Message {
  return basis.kind === 'plan' ? PLAN_LABEL : CONVENTION_TARGET_LABEL;
}

/**
 * A target as every document prints it: the plan's wording and, in brackets, its basis label —
 * `100% (theo kế hoạch)`, `Ít nhất 1 hoạt động trong kỳ (quy ước; kế hoạch không nêu số cụ thể)`.
 * NFC. The one function the form, the workbooks, the HTML and the Word report call.
 */
export function targetText(indicator: Pick<Indicator, 'targetText' | 'target'>): Message {
  const label = targetBasisLabel(indicator.target.basis);
  return {
    vi: `${indicator.targetText.vi} (${label.vi})`.normalize('NFC'),
    en: `${indicator.targetText.en} (${label.en})`.normalize('NFC'),
  };
}

/**
 * The label after a weight, band, scoring rule or deadline: empty for the plan's own (it needs no
 * flag), ` (quy ước; kế hoạch không quy định)` for a convention; with `inBrackets` (the number is
 * itself inside brackets), ` – quy ước, kế hoạch không quy định`.
 */
export function ruleBasisSuffix(basis: Basis, options: { inBrackets?: boolean } = {}): Message {
  if (basis.kind === 'plan') return { vi: '', en: '' };
  return options.inBrackets
    ? { vi: ' – quy ước, kế hoạch không quy định', en: ' – a convention, not set by the plan' }
    : { vi: ` (${CONVENTION_RULE_LABEL.vi})`, en: ` (${CONVENTION_RULE_LABEL.en})` };
}

/**
 * The whole basis in a sentence, for guides and notes: `Kế hoạch: 163/KH-UBND, Chỉ tiêu, …` or
 * `Quy ước: <why>`. The clause and the reason are the plan data's Vietnamese text in both languages.
 */
export function basisText(basis: Basis): Message {
  const body = (basis.kind === 'plan' ? basis.clause : basis.why).normalize('NFC');
  return basis.kind === 'plan' ? { vi: `Theo kế hoạch: ${body}`, en: `Per the plan: ${body}` } : { vi: `Quy ước: ${body}`, en: `Convention: ${body}` };
}

/**
 * The result bands of a profile in running text, with their basis:
 * `Tốt từ 90, Khá từ 80, Trung bình từ 70, Yếu từ 0 (quy ước; kế hoạch không quy định)`.
 * Bands whose bases differ each carry their own label.
 */
export function bandsText(profile: Pick<ScoringProfile, 'bands'>): string {
  const bands = [...profile.bands].sort((a, b) => b.min - a.min);
  const same = bands.every((b) => b.basis.kind === bands[0]?.basis.kind);
  const parts = bands.map((b) => `${b.label.vi} từ ${formatNumber(b.min, 'vi')}${same ? '' : ruleBasisSuffix(b.basis).vi}`);
  const tail = same && bands[0] ? ruleBasisSuffix(bands[0].basis).vi : '';
  return `${parts.join(', ')}${tail}`.normalize('NFC');
}

/**
 * What a profile's points rest on, in one sentence, naming the parts that are conventions:
 * `Thang điểm chung (100 điểm) – quy ước, kế hoạch không quy định cách chấm điểm: Mức độ hoàn
 * thành các chỉ tiêu (60 điểm), …, trọng số các chỉ tiêu, ngưỡng xếp loại.` The profile's
 * `source` follows in brackets when it has one. A profile with no convention: `…: theo kế hoạch.`
 */
export function scoringBasisNote(profile: Pick<ScoringProfile, 'components' | 'bands' | 'name' | 'source'>, plan: Pick<Plan, 'indicators'>): string {
  const parts = [
    ...profile.components.filter((c) => isConvention(c.basis)).map((c) => `${c.label.vi} (${formatNumber(c.points, 'vi')} điểm)`),
    ...(profile.components.some((c) => c.type === 'indicators') && plan.indicators.some((i) => isConvention(i.weightBasis)) ? ['trọng số các chỉ tiêu'] : []),
    ...(profile.bands.some((b) => isConvention(b.basis)) ? ['ngưỡng xếp loại'] : []),
  ];
  const source = profile.source ? ` (nguồn: ${profile.source})` : '';
  const text = parts.length === 0 ? `${profile.name.vi}: theo kế hoạch${source}.` : `${profile.name.vi} – quy ước, kế hoạch không quy định cách chấm điểm${source}: ${parts.join(', ')}.`;
  return text.normalize('NFC');
}

/**
 * What follows a deadline to give its basis: ` (quy ước; kế hoạch không quy định)` after
 * `20/06/2021` (empty when the plan sets the deadline); see {@link ruleBasisSuffix} for `inBrackets`.
 */
export function deadlineBasisSuffix(plan: Pick<Plan, 'deadline'>, options: { inBrackets?: boolean } = {}): Message {
  return ruleBasisSuffix(plan.deadline.basis, options);
}
