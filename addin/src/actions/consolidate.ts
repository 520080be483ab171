/**
 * Action: consolidate report files the officer picks. Each file is read in the browser by the
 * package's OOXML reader (`readGrid`: bytes in, no Node APIs), read as a report, validated and
 * fed to core's streaming consolidator one at a time; the consolidated sheets are then written
 * into the open workbook in blocks.
 */
import { buildConsolidated, checkReport, createConsolidator, makeFinding, parseReceivedCsv, type CheckedReport, type Consolidation, type Finding } from '@cchc-kpi/core';
import { isConsolidatedWorkbook, readGrid } from '@cchc-kpi/xlsx';
import type { AddinContext } from '../context.ts';
import { periodOf } from '../context.ts';
import type { Host, WriteOptions, WriteResult } from '../office/host.ts';
import { readOpenReport } from '../report/read-open-report.ts';
import { InputError } from './insert.ts';

/** A picked file: its name and a way to get its bytes (read only when its turn comes). */
export interface PickedFile {
  name: string;
  bytes(): Promise<Uint8Array>;
}

/** Options of {@link consolidateFiles}. */
export interface ConsolidateFilesOptions extends WriteOptions {
  /** The period consolidated (`2021-H1`). */
  periodCode: string;
  /** Text of a received-date register CSV (`unit_code,received_on`), when picked. */
  receivedCsv?: { name: string; text: string };
  /** Called before each file is read: 1-based index, count, name. */
  onFile?: (index: number, count: number, name: string) => void;
}

/** What a consolidation did. */
export interface ConsolidateOutcome {
  consolidation: Consolidation;
  /** Files read as reports, skipped (our own consolidated workbooks) and unreadable. */
  read: number;
  skipped: number;
  failed: number;
  /** Findings of the register CSV (also in the consolidation when they concern units). */
  registerFindings: Finding[];
  written: WriteResult;
}

/** Reads one file into a checked report, or the findings that explain why not. */
export async function readPickedFile(file: PickedFile, context: AddinContext, period: ReturnType<typeof periodOf>): Promise<{ checked?: CheckedReport; findings: Finding[]; skipped?: boolean }> {
  let bytes: Uint8Array;
  try {
    bytes = await file.bytes();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      findings: [
        makeFinding('error', 'file-unreadable', { vi: `Không đọc được tệp ${file.name} (${reason}).`, en: `Cannot read file ${file.name} (${reason}).` }, { file: file.name }),
      ],
    };
  }
  if (isConsolidatedWorkbook(bytes)) {
    return {
      skipped: true,
      findings: [
        makeFinding(
          'notice',
          'file-skipped',
          {
            vi: `Bỏ qua ${file.name}: đây là sổ tổng hợp do cchc tạo ra, không phải báo cáo của đơn vị.`,
            en: `Skipped ${file.name}: it is a consolidated workbook written by cchc, not a unit's report.`,
          },
          { file: file.name },
        ),
      ],
    };
  }
  const grid = readGrid(bytes, { file: file.name });
  if (!grid.ok) return { findings: grid.findings };
  const open = readOpenReport(grid.value, context.plan, { file: file.name });
  if (!open.result.ok) return { findings: [...grid.findings, ...open.result.findings] };
  const validated = checkReport(open.result.value, { plan: context.plan, units: context.units, ...(period ? { period } : {}), file: file.name });
  const findings = [...grid.findings, ...open.result.findings, ...validated.findings];
  return { checked: { ...validated, findings }, findings };
}

/**
 * Consolidates the picked files for a period and writes the consolidated workbook's sheets —
 * core's `buildConsolidated`, the same sheets, values and formulas as `cchc consolidate` ("Báo
 * cáo tóm tắt", "Tổng hợp", "Đơn vị × chỉ tiêu", "Xếp hạng", "Tiến độ gửi báo cáo", "Hoạt
 * động", "Kết quả kiểm tra") — into the open workbook. Files are read one after the other, so memory holds one file at a time plus the
 * consolidator's per-unit summaries.
 * @throws InputError for an invalid period or an unreadable register; `SheetsExistError` when the
 *   sheets exist and `replace` is not set.
 */
export async function consolidateFiles(host: Host, context: AddinContext, files: PickedFile[], options: ConsolidateFilesOptions): Promise<ConsolidateOutcome> {
  const period = periodOf(context, options.periodCode);
  if (!period) throw new InputError(`Kỳ báo cáo "${options.periodCode}" không hợp lệ.`, `Invalid period "${options.periodCode}".`);
  let received: Map<string, string> | undefined;
  const registerFindings: Finding[] = [];
  if (options.receivedCsv) {
    const parsed = parseReceivedCsv(options.receivedCsv.text, options.receivedCsv.name);
    registerFindings.push(...parsed.findings);
    if (!parsed.ok) {
      const first = parsed.findings[0];
      throw new InputError(first?.message.vi ?? 'Không đọc được sổ theo dõi nhận báo cáo.', first?.message.en ?? 'Cannot read the register.');
    }
    received = parsed.value;
  }
  const consolidator = createConsolidator({ plan: context.plan, units: context.units, period, ...(received ? { received } : {}) });
  let read = 0;
  let skipped = 0;
  let failed = 0;
  for (const [i, file] of files.entries()) {
    options.onFile?.(i + 1, files.length, file.name);
    const outcome = await readPickedFile(file, context, period);
    if (outcome.skipped) skipped += 1;
    else if (outcome.checked) {
      consolidator.add(outcome.checked, file.name);
      read += 1;
    } else {
      // No report could be read: a file named for a unit makes that unit `unreadable`, not `missing`.
      consolidator.addUnreadable(file.name, outcome.findings);
      failed += 1;
    }
  }
  const consolidation = consolidator.finish();
  const written = await host.writeBook(buildConsolidated(consolidation, context.plan), options);
  return { consolidation, read, skipped, failed, registerFindings, written };
}
