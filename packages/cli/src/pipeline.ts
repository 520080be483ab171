import { basename } from 'node:path';
import { checkReport, isEmptyReport, makeFinding, type CheckedReport, type Finding, type Period } from '@cchc-kpi/core';
import { isConsolidatedWorkbook } from '@cchc-kpi/xlsx';
import type { RunContext } from './context.ts';
import { prepareWorkbookBytes } from './io/convert.ts';
import { readInputFile } from './io/read-file.ts';
import { readAnyReport } from './mapping/read-any.ts';

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
  /** No report could be read from the file (not found, too large, encrypted, damaged, not a spreadsheet): its findings say why. */
  unreadable?: boolean;
}

/**
 * Reads and validates one report file: bytes (size-limited; .xls/.ods converted with `--convert`)
 * → grid → template report, or the layout reader for other workbooks (`readAnyReport`) →
 * `checkReport` against the plan, the registry and, when given, the period being consolidated.
 * Never throws for bad input; the findings explain.
 */
export async function processFile(path: string, context: RunContext, period?: Period): Promise<FileOutcome> {
  const file = basename(path);
  const input = await readInputFile(path, context.limits?.maxFileBytes);
  if ('finding' in input) return { file, path, unreadable: true, findings: [input.finding] };
  // .xls/.ods: converted through LibreOffice with --convert, else a finding saying how to convert.
  const prepared = await prepareWorkbookBytes(input.bytes, file, context.read?.convert === true);
  if (!prepared.ok) return { file, path, unreadable: true, findings: prepared.findings };
  input.bytes = prepared.bytes;
  if (isConsolidatedWorkbook(input.bytes, context.limits)) {
    const notice = makeFinding('notice', 'file-skipped', {
      vi: `Bỏ qua ${file}: đây là tệp kết quả do cchc tạo ra (sổ tổng hợp hoặc phiếu phản hồi), không phải báo cáo của đơn vị.`,
      en: `Skipped ${file}: it is an output of cchc (a consolidated or feedback workbook), not a unit's report.`,
    }, { file });
    return { file, path, findings: [notice], ownOutput: true };
  }
  // Our template by its defined names; any other layout through core's layout reader (issue 3).
  const read = await readAnyReport(input.bytes, file, { ...context, ...(period ? { assumePeriod: period.code } : {}) });
  if (!read.ok) return { file, path, unreadable: true, findings: [...prepared.findings, ...read.findings] };
  const validated = checkReport(read.value.report, { plan: context.plan, units: context.units, ...(period ? { period } : {}), file });
  const named = fileNameMismatch(file, read.value.report.unitCode);
  const checked: CheckedReport = { ...validated, findings: [...prepared.findings, ...read.findings, ...validated.findings, ...named] };
  // An untouched form is not a received report: its findings are kept, the report is not.
  if (isEmptyReport(checked.report)) return { file, path, findings: checked.findings };
  return { file, path, checked, findings: checked.findings };
}

/**
 * Our forms are named `<unit code>-<period>.xlsx`. A file whose name starts with another unit's
 * code than the one inside is probably a form saved under the wrong name: `file-name-unit-mismatch`
 * (warning). The code inside the form is what counts.
 */
export function fileNameMismatch(file: string, unitCode: string | null): Finding[] {
  const named = /^(\d{5})(?=[-_ .])/.exec(file)?.[1];
  const inside = unitCode?.trim();
  if (!named || !inside || named === inside) return [];
  return [
    makeFinding('warning', 'file-name-unit-mismatch', {
      vi: `Tên tệp ${file} mang mã đơn vị ${named} nhưng biểu mẫu bên trong là của đơn vị ${inside}; số liệu được tính cho ${inside}. Kiểm tra xem đơn vị có gửi nhầm tệp không.`,
      en: `File name ${file} carries unit code ${named} but the form inside is unit ${inside}'s; the figures count for ${inside}. Check whether the unit sent the wrong file.`,
    }, { file, unit: inside }),
  ];
}

