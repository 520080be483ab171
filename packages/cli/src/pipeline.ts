import { basename } from 'node:path';
import { checkReport, makeFinding, type CheckedReport, type Finding, type Period } from '@cchc-kpi/core';
import { isConsolidatedWorkbook, readReport } from '@cchc-kpi/xlsx';
import type { RunContext } from './context.ts';
import { readInputFile } from './io/read-file.ts';

/** One input file after reading and validation. `checked` is absent when the file gave no report. */
export interface FileOutcome {
  /** File name as shown to the officer (base name). */
  file: string;
  path: string;
  checked?: CheckedReport;
  /** Every finding for this file: reading, then validation. */
  findings: Finding[];
  /** The file is a consolidated workbook this project wrote (skipped, with a notice). */
  ownOutput?: boolean;
}

/**
 * Reads and validates one report file: bytes (size-limited) → grid → template report →
 * `checkReport` against the plan, the registry and, when given, the period being consolidated.
 * Never throws for bad input; the findings explain.
 */
export async function processFile(path: string, context: RunContext, period?: Period): Promise<FileOutcome> {
  const file = basename(path);
  const input = await readInputFile(path);
  if ('finding' in input) return { file, path, findings: [input.finding] };
  if (isConsolidatedWorkbook(input.bytes)) {
    const notice = makeFinding('notice', 'file-skipped', {
      vi: `Bỏ qua ${file}: đây là sổ tổng hợp do cchc tạo ra, không phải báo cáo của đơn vị.`,
      en: `Skipped ${file}: it is a consolidated workbook written by cchc, not a unit's report.`,
    }, { file });
    return { file, path, findings: [notice], ownOutput: true };
  }
  const read = readReport(input.bytes, { plan: context.plan, file });
  if (!read.ok) return { file, path, findings: read.findings };
  const validated = checkReport(read.value, { plan: context.plan, units: context.units, ...(period ? { period } : {}), file });
  const checked: CheckedReport = { ...validated, findings: [...read.findings, ...validated.findings] };
  return { file, path, checked, findings: checked.findings };
}
