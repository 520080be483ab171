import { formatDateVi } from '../text/format.ts';
import type { Finding } from '../finding.ts';
import type { Plan } from '../plan/schema.ts';
import type { Period } from '../period/types.ts';
import type { Unit } from '../units/unit.ts';
import { emptyNarrative } from '../report/model.ts';
import type { CheckedReport } from '../validate/types.ts';
import { compareCandidates, duplicateFinding, type CandidateKey } from './choose.ts';
import { compareText, findingComparator } from './compare.ts';
import {
  expectedUnitUnknown,
  periodMismatchExcluded,
  periodMissingAssumed,
  receivedUnknownUnits,
  receivedWithoutReport,
  reportMissing,
  reportUnreadable,
  submissionDateMissing,
  unexpectedReport,
  unknownUnitExcluded,
} from './findings.ts';
import { internStrings, type StringPool } from './intern.ts';
import { unitFromFileName } from './file-unit.ts';
import { addMatrix, emptyMatrix } from './matrix.ts';
import { addReportTotals, emptyReportTotals, emptyTally } from './activity-totals.ts';
import { unsubmittedIndicators } from './missing.ts';
import { rankDescending } from './rank.ts';
import { stampFinding, summarizeReport, type ReportSummary } from './summary.ts';
import { indicatorTotals } from './totals.ts';
import type { Consolidation, UnitResult } from './types.ts';

/** What a consolidation needs besides the reports. */
export interface ConsolidateOptions {
  plan: Plan;
  /** The unit registry valid for the period; output lists units in its `order`. */
  units: Unit[];
  /** The consolidated period; reports of any other period are left out. */
  period: Period;
  /** Received-date register: unit code → ISO date (see `parseReceivedCsv`). */
  received?: Map<string, string>;
  /** Codes of the units expected to report; default every unit of `units`. */
  expected?: string[];
}

/** A streaming consolidator: feed reports one at a time, then `finish()`. */
export interface Consolidator {
  /** Adds a checked report; `file` (default `checked.report.file`) names it in findings and in the duplicate rule. */
  add(checked: CheckedReport, file?: string): void;
  /** Records findings about a file that is no unit's report (skipped, a register, an earlier consolidation). */
  addFailure(file: string, findings: Finding[]): void;
  /**
   * Records a file from which no report could be read (encrypted, damaged, not a spreadsheet),
   * with the findings that say why. When its name names a unit (`unitFromFileName`) and that unit
   * has no readable report, the unit is `unreadable`, not `missing`; otherwise as `addFailure`.
   */
  addUnreadable(file: string, findings: Finding[]): void;
  /** The consolidation of everything added so far (may be called again after more `add`s). */
  finish(): Consolidation;
}

interface UnitEntry {
  /** The report chosen so far by the duplicate rule, summarised. */
  winner: ReportSummary;
  /** Every accepted report of the unit: the rule's keys and the file's findings. */
  candidates: { key: CandidateKey; findings: Finding[] }[];
}

function keyOf(s: ReportSummary): CandidateKey {
  return { file: s.file, submittedOn: s.submittedOn, receivedOn: s.receivedOn, fingerprint: s.fingerprint };
}

/** The plan document cited in Vietnamese style: "163/KH-UBND ngày 28/12/2020 của UBND thành phố Hà Tĩnh". */
function documentText(plan: Plan): string {
  const issuer = plan.document.issuer.trim() === '' ? '' : ` của ${plan.document.issuer}`;
  return `${plan.document.number} ngày ${formatDateVi(plan.document.date)}${issuer}`;
}

/**
 * Creates a streaming consolidator (tổng hợp) for one period. Each `add` keeps only a summary of
 * the report (figures, scores, activity counts, findings), so thousands of reports never sit in
 * memory at once. Rules:
 * - a report whose unit is unknown to `units` is left out (`unknown-unit-excluded`, error; its
 *   findings kept); one of another period is left out (`period-mismatch-excluded`, error); one
 *   naming no period is taken as `period` (`period-missing-assumed`, warning);
 * - two or more reports of one unit: one is chosen by `compareCandidates` (latest date on the
 *   form, latest register date, file name last, content) and `duplicate-report` names all files;
 * - onTime = (register date, else the form's date) ≤ `period.deadline`; null with
 *   `submission-date-missing` when neither is known (BRIEF §5);
 * - every unit is scored under every plan profile; `score`/`band` are the primary profile's;
 *   rank as Excel RANK over submitted units (ties share, next skips);
 * - expected units without a report are listed with `submitted: false`, score null, indicators
 *   `missing` (`notApplicable` where the plan's `appliesTo` excludes the unit's kind), and
 *   status `missing` with `report-missing` — or, when a file named for the unit came but could
 *   not be read (`addUnreadable`), status `unreadable` with `report-unreadable` naming the file
 *   and the file's findings, counted in `totals.unreadable`; register codes the registry does not
 *   know give one `received-unknown-unit` (the count and the first five); other units are listed
 *   only when they reported (`unexpected-report`, notice, and left out of completeness/timeliness);
 * - totals: sums of counted units' numerators and denominators, then divided (BRIEF §6);
 *   completeness = received ÷ expected, timeliness = on time ÷ expected (fractions 0–1; 0 when
 *   nothing is expected);
 * - activity matrix by top-level theme × top-level form over the chosen reports, and activity
 *   totals (count, Σ quantity, Σ participants) by form and sub-form, theme and unit.
 * Output is identical whatever order reports arrive in: units in official order, findings sorted
 * by unit order, file, sheet and cell (`findingComparator`). Treat it as read-only.
 */
export function createConsolidator(options: ConsolidateOptions): Consolidator {
  const { plan, period } = options;
  const received = options.received ?? new Map<string, string>();
  const units = [...options.units].sort((a, b) => a.order - b.order || compareText(a.code, b.code));
  const unitByCode = new Map<string, Unit>();
  for (const u of units) if (!unitByCode.has(u.code)) unitByCode.set(u.code, u);

  const entries = new Map<string, UnitEntry>();
  /** One copy of each text the summaries hold (see intern.ts). */
  const strings: StringPool = new Map();
  /** Findings of files left out or unreadable. */
  const otherFileFindings: Finding[] = [];
  /** Findings the consolidation raised while adding (exclusions). */
  const addFindings: Finding[] = [];
  /** Files named for a unit that gave no report: unit code → files and their findings. */
  const unreadable = new Map<string, { files: string[]; findings: Finding[] }>();

  const add = (checked: CheckedReport, file?: string): void => {
    const name = file ?? checked.report.file ?? null;
    const unit = checked.unit ? (unitByCode.get(checked.unit.code) ?? null) : null;
    if (unit === null) {
      otherFileFindings.push(...checked.findings.map((f) => stampFinding(f, name, null)));
      addFindings.push(unknownUnitExcluded(name, checked.report.unitCode ?? checked.unit?.code ?? null));
      return;
    }
    const typedPeriod = checked.report.periodCode?.trim() ?? '';
    const reportPeriod = checked.period?.code ?? (typedPeriod === '' ? null : typedPeriod);
    if (reportPeriod !== null && reportPeriod.toUpperCase() !== period.code.toUpperCase()) {
      otherFileFindings.push(...checked.findings.map((f) => stampFinding(f, name, unit.code)));
      addFindings.push(periodMismatchExcluded(name, unit, checked.report.unitCode, reportPeriod, period));
      return;
    }
    const summary = summarizeReport(checked, {
      unit,
      file: name,
      plan,
      period,
      receivedOn: received.get(unit.code) ?? null,
      extra: reportPeriod === null ? [periodMissingAssumed(name, unit, period)] : [],
    });
    // The registry's unit is shared already; everything else came with this report.
    for (const key of Object.keys(summary) as (keyof ReportSummary)[]) if (key !== 'unit') internStrings(summary[key], strings);
    const candidate = { key: keyOf(summary), findings: summary.findings };
    const entry = entries.get(unit.code);
    if (!entry) {
      entries.set(unit.code, { winner: summary, candidates: [candidate] });
    } else {
      entry.candidates.push(candidate);
      if (compareCandidates(candidate.key, keyOf(entry.winner)) > 0) entry.winner = summary;
    }
  };

  const addFailure = (file: string, findings: Finding[]): void => {
    otherFileFindings.push(...findings.map((f) => stampFinding(f, file, null)));
  };

  const addUnreadable = (file: string, findings: Finding[]): void => {
    const unit = unitFromFileName(file, units);
    if (unit === null || unitByCode.get(unit.code) !== unit) {
      addFailure(file, findings);
      return;
    }
    const stamped = findings.map((f) => stampFinding(f, file, unit.code));
    otherFileFindings.push(...stamped);
    const entry = unreadable.get(unit.code);
    if (entry) {
      entry.files.push(file);
      entry.findings.push(...stamped);
    } else unreadable.set(unit.code, { files: [file], findings: stamped });
  };

  const finish = (): Consolidation => {
    const finishFindings: Finding[] = [];
    const expected = new Set<string>();
    for (const code of new Set(options.expected ?? units.map((u) => u.code))) {
      if (unitByCode.has(code)) expected.add(code);
      else finishFindings.push(expectedUnitUnknown(code));
    }
    const unknownCodes: string[] = [];
    let unknownCount = 0;
    for (const [code, date] of received) {
      const unit = unitByCode.get(code);
      if (!unit) {
        unknownCount += 1;
        if (unknownCodes.length < 5) unknownCodes.push(code);
      } else if (!entries.has(code)) finishFindings.push(receivedWithoutReport(unit, date, period));
    }
    if (unknownCount > 0) finishFindings.push(receivedUnknownUnits(unknownCodes, unknownCount));

    const listed = units.filter((u) => unitByCode.get(u.code) === u && (expected.has(u.code) || entries.has(u.code) || unreadable.has(u.code)));
    const primary = plan.profiles.find((p) => p.id === plan.primaryProfile) ?? plan.profiles[0];
    const matrix = emptyMatrix(plan);
    const tallies = emptyReportTotals(plan);
    const lines: Omit<UnitResult, 'rank' | 'findings'>[] = listed.map((unit) => {
      const entry = entries.get(unit.code);
      const base = { code: unit.code, name: unit.name, kind: unit.kind, order: unit.order };
      if (!entry) {
        const failed = unreadable.get(unit.code);
        const files = failed ? [...failed.files].sort(compareText) : [];
        if (failed) finishFindings.push(reportUnreadable(unit, period, files));
        else if (expected.has(unit.code)) finishFindings.push(reportMissing(unit, period));
        return {
          ...base,
          status: failed ? 'unreadable' : 'missing',
          submitted: false,
          submittedOn: null,
          receivedOn: received.get(unit.code) ?? null,
          onTime: null,
          file: files[0] ?? null,
          score: null,
          scores: {},
          band: null,
          indicators: unsubmittedIndicators(plan, unit),
          activityCount: 0,
          narrative: emptyNarrative(),
        };
      }
      const w = entry.winner;
      if (entry.candidates.length > 1) finishFindings.push(duplicateFinding(unit, period, entry.candidates.map((c) => c.key)));
      if (w.timing.onTime === null) finishFindings.push(submissionDateMissing(w.file, unit));
      if (!expected.has(unit.code)) finishFindings.push(unexpectedReport(unit, period));
      addMatrix(matrix, w.matrix);
      addReportTotals(tallies, w.activityTotals);
      const main = primary ? w.scores[primary.id] : undefined;
      return {
        ...base,
        status: 'received',
        submitted: true,
        submittedOn: w.submittedOn,
        receivedOn: w.receivedOn,
        onTime: w.timing.onTime,
        file: w.file,
        score: main?.score ?? null,
        scores: w.scores,
        band: main?.band ?? null,
        indicators: w.indicators,
        activityCount: w.activityCount,
        narrative: w.narrative,
      };
    });

    const sortFindings = findingComparator((code) => unitByCode.get(code)?.order);
    const consolidationFindings = [...addFindings, ...finishFindings];
    const byUnit = new Map<string, Finding[]>();
    for (const f of consolidationFindings) {
      if (f.unit === undefined) continue;
      const list = byUnit.get(f.unit);
      if (list) list.push(f);
      else byUnit.set(f.unit, [f]);
    }
    const ranks = rankDescending(lines.map((l) => l.score));
    const unitResults: UnitResult[] = lines.map((line, i) => {
      const own = entries.get(line.code)?.winner.findings ?? unreadable.get(line.code)?.findings ?? [];
      const about = byUnit.get(line.code) ?? [];
      return { ...line, rank: ranks[i] ?? null, findings: [...own, ...about].sort(sortFindings) };
    });

    const submitted = unitResults.filter((u) => u.submitted);
    const receivedCount = submitted.filter((u) => expected.has(u.code)).length;
    const unreadableCount = unitResults.filter((u) => u.status === 'unreadable' && expected.has(u.code)).length;
    const onTimeCount = submitted.filter((u) => expected.has(u.code) && u.onTime === true).length;
    const allFindings = [...[...entries.values()].flatMap((e) => e.candidates.flatMap((c) => c.findings)), ...otherFileFindings, ...consolidationFindings];

    return {
      plan: { id: plan.id, title: { vi: plan.title.vi, en: plan.title.en }, document: documentText(plan) },
      period,
      units: unitResults,
      totals: {
        indicators: indicatorTotals(
          plan,
          submitted.map((u) => u.indicators),
        ),
        expected: expected.size,
        received: receivedCount,
        unreadable: unreadableCount,
        onTime: onTimeCount,
        completeness: expected.size === 0 ? 0 : receivedCount / expected.size,
        timeliness: expected.size === 0 ? 0 : onTimeCount / expected.size,
      },
      activities: matrix,
      activityTotals: {
        forms: tallies.forms,
        themes: tallies.themes,
        units: unitResults.map((u) => ({ code: u.code, ...(entries.get(u.code)?.winner.activityTotals.total ?? emptyTally()) })),
        total: tallies.total,
      },
      findings: allFindings.sort(sortFindings),
    };
  };

  return { add, addFailure, addUnreadable, finish };
}

/** Consolidates a list of checked reports at once (`createConsolidator`, `add` each with `report.file`, `finish`). */
export function consolidate(options: ConsolidateOptions & { reports: CheckedReport[] }): Consolidation {
  const consolidator = createConsolidator(options);
  for (const checked of options.reports) consolidator.add(checked);
  return consolidator.finish();
}
