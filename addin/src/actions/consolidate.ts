/**
 * Action: consolidate report files the officer picks. Each file is read in the browser through
 * the one pipeline (`readReport` of `@cchc-kpi/xlsx`: bytes in, no Node APIs; our template, a
 * unit's own layout, validation, the empty-form rule) and fed to core's streaming consolidator one
 * at a time; the consolidated sheets are then written into the open workbook in blocks.
 */
import { buildConsolidated, createConsolidator, makeFinding, parseReceivedCsv, type Consolidation, type Finding, type ReportOutcome } from '@cchc-kpi/core';
import { readReport } from '@cchc-kpi/xlsx';
import type { AddinContext } from '../context.ts';
import { periodOf } from '../context.ts';
import type { Host, WriteOptions, WriteResult } from '../office/host.ts';
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
  /** Files read as reports, skipped (our own consolidated workbooks) and failed (unreadable, or an untouched form). */
  read: number;
  skipped: number;
  failed: number;
  /** Findings of the register CSV (also in the consolidation when they concern units). */
  registerFindings: Finding[];
  written: WriteResult;
}

/**
 * Reads one picked file through the one pipeline (`readReport`), as `cchc consolidate` reads a
 * file: `received`, `empty` (an untouched form: not a received report), `unreadable` or `skipped`
 * (a workbook cchc wrote). A file whose bytes cannot be had is `unreadable` (`file-unreadable`).
 */
export async function readPickedFile(file: PickedFile, context: AddinContext, period: ReturnType<typeof periodOf>): Promise<ReportOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = await file.bytes();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      status: 'unreadable',
      findings: [
        makeFinding('error', 'file-unreadable', { vi: `Không đọc được tệp ${file.name} (${reason}).`, en: `Cannot read file ${file.name} (${reason}).` }, { file: file.name }),
      ],
    };
  }
  return readReport(bytes, { plan: context.plan, units: context.units, file: file.name, ...(period ? { period } : {}) }).outcome;
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
    if (outcome.status === 'skipped') skipped += 1;
    else if (outcome.status === 'received') {
      consolidator.add(outcome.checked, file.name);
      read += 1;
    } else if (outcome.status === 'empty') {
      // An untouched form is not a received report: its findings are kept, the unit stays missing (as `cchc consolidate`).
      consolidator.addFailure(file.name, outcome.findings);
      failed += 1;
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
