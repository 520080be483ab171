import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  compareConsolidations,
  lastYearFigures,
  makeFinding,
  parsePreviousConsolidation,
  previousConsolidationFindings,
  reportHeading,
  toJson,
  type Comparison,
  type Consolidation,
  type ConsolidationJson,
  type Finding,
  type Period,
  type Plan,
  type PreviousConsolidation,
  type Result,
  type Unit,
  type UnitSort,
} from '@cchc-kpi/core';
import { feedbackFileName, writeFeedback, type WriteConsolidatedOptions } from '@cchc-kpi/xlsx/write';
import type { OutputWriter, PlannedOutput } from './output-writer.ts';
import { readText } from '../context.ts';
import { limitOf, type CliLimits } from '../io/limits.ts';
import { checkReportDate, parseReportNumber } from './report-flags.ts';
import type { ReportFlags } from './report-options.ts';

/**
 * The officer-facing outputs of `cchc consolidate` beyond the workbook and JSON (issue 7):
 * `--html FILE` (report with charts), `--feedback DIR` (one workbook per unit),
 * `--compare PREVIOUS.json` (change on an earlier consolidation, and last year's figures for
 * CT2a), `--sort official|name`, `--report-date`, `--report-number`. The flags themselves are
 * declared in report-options.ts.
 */

/** What `--compare` gives, read before the reports are ({@link readComparison}). */
export interface ReportPlan {
  previous: PreviousConsolidation | null;
  /** Unit code → indicator code → last year's figure (CT2a), from `previous`. */
  lastYear: Map<string, Map<string, number>>;
  /** Findings about the comparison file (added to the consolidation). */
  findings: Finding[];
}

/** Computed before writing: the comparison, when `--compare` was given. */
export interface ReportExtras {
  comparison?: Comparison;
}

/** The unit sort chosen (`official` unless `name`). */
export function unitSort(flags: ReportFlags): UnitSort {
  return flags.sort === 'name' ? 'name' : 'official';
}

/** The feedback files `--feedback DIR` may write: one per registry unit (for the overwrite check). */
export function reportOutputFiles(flags: ReportFlags, units: readonly Unit[], periodCode: string): string[] {
  const files: string[] = [];
  if (flags.html) files.push(flags.html);
  if (flags.docx) files.push(flags.docx);
  if (flags.feedback) for (const u of units) files.push(join(flags.feedback, feedbackFileName(u.code, periodCode)));
  return files;
}

/** What {@link checkReportFlags} gives: the flags as the outputs use them, and warnings about them. */
export interface CheckedReportFlags {
  /** Warnings about the flags themselves, for the command line (`report-date-far-after`). */
  notes: Finding[];
  /** `--report-number` as the cover prints it (`12/BC-UBND` → `12`), when given. */
  reportNumber?: string;
}

/**
 * Checks the report flags before anything is read (nothing is read here).
 * Errors (→ `fail`): `--feedback` naming a file, not a folder (`feedback-dir-invalid`); a unit
 * code that cannot name a feedback file (`feedback-code-unsafe`); `--report-date` not an ISO
 * date or before the period's cut-off ends (`report-date-invalid`, `report-date-before-period`;
 * more than a year after the deadline: the warning `report-date-far-after` in `notes`);
 * `--report-number` not a positive whole number, optionally followed by the plan's own symbol
 * (`report-number-invalid`; report-flags.ts); `--html` not ending in .html/.htm (`html-path-invalid`);
 * `--docx` not ending in .docx (`docx-path-invalid`).
 */
export function checkReportFlags(flags: ReportFlags, plan: Plan, period: Period, units: readonly Unit[] = []): Result<CheckedReportFlags> {
  if (flags.feedback !== undefined && existsSync(flags.feedback) && !statSync(flags.feedback).isDirectory()) {
    return {
      ok: false,
      findings: [
        makeFinding('error', 'feedback-dir-invalid', {
          vi: `--feedback cần một thư mục, nhưng ${flags.feedback} là một tệp; chọn thư mục khác.`,
          en: `--feedback needs a folder, but ${flags.feedback} is a file; choose another folder.`,
        }),
      ],
    };
  }
  if (flags.feedback !== undefined) {
    const unsafe = units.filter((u) => {
      try {
        feedbackFileName(u.code, period.code);
        return false;
      } catch {
        return true;
      }
    });
    if (unsafe.length > 0) {
      const codes = unsafe.map((u) => u.code).join(', ');
      return {
        ok: false,
        findings: [
          makeFinding('error', 'feedback-code-unsafe', {
            vi: `Không đặt được tên tệp phản hồi cho mã đơn vị ${codes}: mã dài quá 64 ký tự hoặc là tên thiết bị của Windows; đổi mã trong danh mục đơn vị.`,
            en: `Cannot name a feedback file after unit code ${codes}: longer than 64 characters or a Windows device name; change the code in the unit list.`,
          }),
        ],
      };
    }
  }
  const notes: Finding[] = [];
  if (flags.reportDate !== undefined) {
    const date = checkReportDate(flags.reportDate, period);
    if (!date.ok) return date;
    notes.push(...date.findings);
  }
  let reportNumber: string | undefined;
  if (flags.reportNumber !== undefined) {
    const number = parseReportNumber(flags.reportNumber, reportHeading(plan).symbol);
    if (!number.ok) return number;
    reportNumber = number.value;
  }
  if (flags.html !== undefined && !/\.html?$/i.test(flags.html)) {
    return {
      ok: false,
      findings: [makeFinding('error', 'html-path-invalid', { vi: `Tệp HTML phải có đuôi .html: ${flags.html}`, en: `The HTML report must end in .html: ${flags.html}` })],
    };
  }
  if (flags.docx !== undefined && !/\.docx$/i.test(flags.docx)) {
    return {
      ok: false,
      findings: [makeFinding('error', 'docx-path-invalid', { vi: `Tệp báo cáo Word phải có đuôi .docx: ${flags.docx}`, en: `The Word report must end in .docx: ${flags.docx}` })],
    };
  }
  return { ok: true, value: { notes, ...(reportNumber !== undefined ? { reportNumber } : {}) }, findings: [] };
}

/**
 * Reads `--compare` (when given) before the reports are read: the earlier consolidation, and
 * from it last year's figures. Errors (→ `fail`): the comparison file unreadable, not a regular
 * file, over `--max-compare-size` or `--max-json-depth`, or not a consolidation
 * (`file-unreadable`, `file-not-regular`, `file-too-large`, `json-too-deep`,
 * `compare-file-invalid`); its figures outside what this tool writes are dropped with the
 * warning `compare-figure-invalid` (in `findings` of the value).
 */
export async function readComparison(
  flags: ReportFlags,
  plan: Plan,
  period: Period,
  fileName: (path: string) => string,
  limits?: Partial<CliLimits>,
): Promise<Result<ReportPlan>> {
  const findings: Finding[] = [];
  let previous: PreviousConsolidation | null = null;
  if (flags.compare !== undefined) {
    const maxBytes = limitOf(limits, 'maxCompareBytes');
    const text = await readText(flags.compare, findings, maxBytes, { flag: '--max-compare-size' });
    if (text === null) return { ok: false, findings };
    const parsed = parsePreviousConsolidation(text, fileName(flags.compare), { maxChars: maxBytes, maxDepth: limitOf(limits, 'maxJsonDepth') });
    if (!parsed.ok) return { ok: false, findings: parsed.findings };
    previous = parsed.value;
    findings.push(...parsed.findings, ...previousConsolidationFindings(previous, { period, planId: plan.id }));
  }
  return { ok: true, value: { previous, lastYear: previous ? lastYearFigures(plan, previous, period) : new Map(), findings }, findings: [] };
}

/** The comparison of `result` with the earlier consolidation, when there is one. */
export function reportExtras(result: Consolidation, plan: Plan, prepared: ReportPlan): ReportExtras {
  return prepared.previous ? { comparison: compareConsolidations(result, plan, prepared.previous) } : {};
}

/** The `--json` document: the consolidation, plus `comparison` with `--compare`. */
export function consolidationJson(result: Consolidation, extras: ReportExtras = {}): ConsolidationJson {
  const json = toJson(result);
  return extras.comparison ? { ...json, comparison: extras.comparison } : json;
}

/** The workbook writer's options from the flags: cover date and number, unit order, comparison. */
export function workbookOptions(flags: ReportFlags & ReportExtras): WriteConsolidatedOptions {
  return {
    sort: unitSort(flags),
    ...(flags.reportDate ? { reportDate: flags.reportDate } : {}),
    ...(flags.reportNumber ? { reportNumber: flags.reportNumber } : {}),
    ...(flags.comparison ? { comparison: flags.comparison } : {}),
  };
}

/** The `--html`, `--docx` and `--feedback` outputs of `result`, in the order {@link writeReportOutputs} writes them. */
export function reportPlannedOutputs(flags: ReportFlags, result: Consolidation): PlannedOutput[] {
  return [
    ...(flags.html ? [{ path: flags.html, kind: 'html' as const }] : []),
    ...(flags.docx ? [{ path: flags.docx, kind: 'docx' as const }] : []),
    ...(flags.feedback ? result.units.map((u) => ({ path: join(flags.feedback as string, feedbackFileName(u.code, result.period.code)), kind: 'feedback' as const })) : []),
  ];
}

/**
 * Writes `--html`, `--docx` and `--feedback` outputs through `writer`, each file atomically
 * (temporary name, then rename). The Word report (`@cchc-kpi/docx`) is the draft the city signs,
 * from the same consolidation. Feedback: one workbook per unit listed in the consolidation, named
 * from the registry code. The HTML report's modules (Vega, Vega-Lite) are loaded only when `--html` is given.
 * @returns the paths written.
 * @throws OutputsIncomplete (output-writer.ts) when a file cannot be made or written.
 */
export async function writeReportOutputs(result: Consolidation, plan: Plan, flags: ReportFlags & ReportExtras, writer: OutputWriter): Promise<string[]> {
  const written: string[] = [];
  const sort = unitSort(flags);
  if (flags.html) {
    await writer.write({ path: flags.html, kind: 'html' }, async () => {
      const { renderHtmlReport } = await import('../html/page.ts');
      return renderHtmlReport(result, plan, {
        sort,
        ...(flags.reportDate ? { reportDate: flags.reportDate } : {}),
        ...(flags.comparison ? { comparison: flags.comparison } : {}),
      });
    });
    written.push(flags.html);
  }
  if (flags.docx) {
    await writer.write({ path: flags.docx, kind: 'docx' }, async () => {
      const { writeConsolidatedReport } = await import('@cchc-kpi/docx');
      return writeConsolidatedReport(result, plan, {
        sort,
        ...(flags.reportDate ? { reportDate: flags.reportDate } : {}),
        ...(flags.reportNumber ? { reportNumber: flags.reportNumber } : {}),
      });
    });
    written.push(flags.docx);
  }
  if (flags.feedback) {
    for (const unit of result.units) {
      const path = join(flags.feedback, feedbackFileName(unit.code, result.period.code));
      await writer.write({ path, kind: 'feedback' }, async () => (await writeFeedback(unit, result, plan, flags.reportDate ? { reportDate: flags.reportDate } : {})).bytes);
      written.push(path);
    }
  }
  return written;
}

/** The end of the summary line: `, bao-cao.html, 15 phiếu phản hồi trong phan-hoi` (empty without those flags). */
export function reportSummary(flags: ReportFlags, units: number, lang: 'vi' | 'en'): string {
  const parts: string[] = [];
  if (flags.html) parts.push(flags.html);
  if (flags.docx) parts.push(flags.docx);
  if (flags.feedback) parts.push(lang === 'vi' ? `${units} phiếu phản hồi trong ${flags.feedback}` : `${units} feedback workbooks in ${flags.feedback}`);
  return parts.map((p) => `, ${p}`).join('');
}
