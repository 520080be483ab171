import { Option, type Command } from 'commander';
import { UNIT_SORTS } from '@cchc-kpi/core';

/**
 * The officer-facing flags of `cchc consolidate` beyond the workbook and JSON (issue 7), as
 * commander hands them over: `--html FILE` (report with charts), `--feedback DIR` (one workbook
 * per unit), `--compare PREVIOUS.json`, `--sort official|name`, `--report-date`,
 * `--report-number`, `--docx FILE` (the Word report for signature). What they do is in report-outputs.ts.
 */
export interface ReportFlags {
  html?: string;
  /** The city's report for signature, a Word document (Decree 30/2020/NĐ-CP). */
  docx?: string;
  feedback?: string;
  compare?: string;
  sort?: string;
  reportDate?: string;
  reportNumber?: string;
}

/** Adds `--html`, `--docx`, `--feedback`, `--compare`, `--sort`, `--report-date` and `--report-number` to a command. */
export function addReportOptions(command: Command): void {
  command
    .option('--html <file.html>', 'báo cáo HTML có biểu đồ / HTML report with charts')
    .option('--docx <file.docx>', 'dự thảo báo cáo trình ký (Word, Nghị định 30/2020/NĐ-CP) / draft report for signature (Word)')
    .option('--feedback <dir>', 'phiếu phản hồi cho từng đơn vị (<mã>-<kỳ>-phan-hoi.xlsx) / one feedback workbook per unit')
    .option('--compare <previous.json>', 'so sánh với JSON tổng hợp kỳ trước / compare with an earlier consolidation JSON')
    .addOption(new Option('--sort <order>', 'thứ tự đơn vị: official (danh mục) hoặc name (tên, theo tiếng Việt) / unit order').choices([...UNIT_SORTS]).default('official'))
    .option('--report-date <yyyy-mm-dd>', 'ngày ghi trên báo cáo (mặc định: hạn gửi báo cáo) / date on the report (default: the deadline)')
    .option('--report-number <number>', 'số văn bản báo cáo (Số: …/BC-UBND) / document number');
}
