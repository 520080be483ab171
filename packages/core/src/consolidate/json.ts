import type { CellRef, Finding, Message } from '../finding.ts';
import type { Period } from '../period/types.ts';
import type { UnitKind } from '../plan/schema.ts';
import type { UnitScore } from '../score/types.ts';
import type { IndicatorStatus } from '../validate/types.ts';
import type { Narrative } from '../report/model.ts';
import type { ActivityTotals } from './activity-totals.ts';
import type { Consolidation } from './types.ts';
import type { Comparison } from './year-on-year.ts';
import type { SubmissionStatus } from './status.ts';

/** One indicator of one unit in the JSON output (fractions 0–1; null = blank / not applicable). */
export interface IndicatorJson {
  numerator: number | null;
  denominator: number | null;
  value: number | boolean | null;
  ratio: number | null;
  completion: number | null;
  status: IndicatorStatus;
}

/** One unit's line in the JSON output. `indicators` and `scores` are keyed by plan codes / profile ids only. */
export interface UnitJson {
  code: string;
  name: string;
  kind: UnitKind;
  order: number;
  status: SubmissionStatus;
  submitted: boolean;
  submittedOn: string | null;
  receivedOn: string | null;
  onTime: boolean | null;
  file: string | null;
  score: number | null;
  scores: Record<string, UnitScore>;
  band: Message | null;
  rank: number | null;
  activityCount: number;
  /** What the unit wrote in words (`highlights`, `limitations`, `causes`, `nextTasks`, `proposals`), null where blank. */
  narrative: Narrative;
  indicators: Record<string, IndicatorJson>;
  findings: Finding[];
}

/** A city total in the JSON output (sums, then divided). */
export interface IndicatorTotalJson {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  ratio: number | null;
  unitsCounted: number;
  unitsMet: number;
}

/** The consolidation as plain JSON data (the CLI's `--json` output). */
export interface ConsolidationJson {
  plan: { id: string; title: Message; document: string };
  period: Period;
  units: UnitJson[];
  totals: {
    indicators: Record<string, IndicatorTotalJson>;
    expected: number;
    received: number;
    unreadable: number;
    onTime: number;
    completeness: number;
    timeliness: number;
  };
  activities: { themes: string[]; forms: string[]; counts: number[][] };
  /** Activities counted, quantities and participants summed: `forms[]`, `themes[]`, `units[]` (each `{code, count, quantity, participants}`) and `total`. */
  activityTotals: ActivityTotals;
  findings: Finding[];
  /** Change against an earlier consolidation (`cchc consolidate --compare`); absent without it. */
  comparison?: Comparison;
}

const copyFinding = (f: Finding): Finding => ({ ...f, message: { ...f.message } });
const copyRef = (r: CellRef): CellRef => ({ ...r });
const copyScore = (s: UnitScore): UnitScore => ({
  profileId: s.profileId,
  score: s.score,
  scale: s.scale,
  band: { ...s.band },
  components: s.components.map((c) => ({ ...c, label: { ...c.label }, detail: { ...c.detail }, sources: c.sources.map(copyRef) })),
});

/**
 * The consolidation as plain JSON-ready data (no Maps, no shared references; `JSON.stringify` it).
 * Object keys are only plan indicator codes (in plan order, taken from `totals.indicators`) and
 * plan profile ids — never text read from a cell. Ratios and completions are fractions 0–1
 * (comparison ratios may exceed 1), scores points, dates ISO.
 */
export function toJson(consolidation: Consolidation): ConsolidationJson {
  const codes = Object.keys(consolidation.totals.indicators);
  return {
    plan: { id: consolidation.plan.id, title: { ...consolidation.plan.title }, document: consolidation.plan.document },
    period: { ...consolidation.period },
    units: consolidation.units.map((u) => ({
      code: u.code,
      name: u.name,
      kind: u.kind,
      order: u.order,
      status: u.status,
      submitted: u.submitted,
      submittedOn: u.submittedOn,
      receivedOn: u.receivedOn,
      onTime: u.onTime,
      file: u.file,
      score: u.score,
      scores: Object.fromEntries(Object.entries(u.scores).map(([id, s]) => [id, copyScore(s)])),
      band: u.band ? { ...u.band } : null,
      rank: u.rank,
      activityCount: u.activityCount,
      narrative: { ...u.narrative },
      indicators: Object.fromEntries(
        codes.map((code) => {
          const r = Object.hasOwn(u.indicators, code) ? u.indicators[code] : undefined;
          const json: IndicatorJson = r
            ? { numerator: r.numerator, denominator: r.denominator, value: r.value, ratio: r.ratio, completion: r.completion, status: r.status }
            : { numerator: null, denominator: null, value: null, ratio: null, completion: null, status: 'missing' };
          return [code, json];
        }),
      ),
      findings: u.findings.map(copyFinding),
    })),
    totals: {
      indicators: Object.fromEntries(
        codes.map((code) => {
          const t = consolidation.totals.indicators[code];
          const json: IndicatorTotalJson = {
            numerator: t?.numerator ?? null,
            denominator: t?.denominator ?? null,
            value: t?.value ?? null,
            ratio: t?.ratio ?? null,
            unitsCounted: t?.unitsCounted ?? 0,
            unitsMet: t?.unitsMet ?? 0,
          };
          return [code, json];
        }),
      ),
      expected: consolidation.totals.expected,
      received: consolidation.totals.received,
      unreadable: consolidation.totals.unreadable,
      onTime: consolidation.totals.onTime,
      completeness: consolidation.totals.completeness,
      timeliness: consolidation.totals.timeliness,
    },
    activities: {
      themes: [...consolidation.activities.themes],
      forms: [...consolidation.activities.forms],
      counts: consolidation.activities.counts.map((row) => [...row]),
    },
    activityTotals: {
      forms: consolidation.activityTotals.forms.map((t) => ({ ...t })),
      themes: consolidation.activityTotals.themes.map((t) => ({ ...t })),
      units: consolidation.activityTotals.units.map((t) => ({ ...t })),
      total: { ...consolidation.activityTotals.total },
    },
    findings: consolidation.findings.map(copyFinding),
  };
}
