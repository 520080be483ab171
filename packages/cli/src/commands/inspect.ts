/**
 * `cchc inspect FILE`: how a report workbook was understood — the sheet, header rows, what each
 * column holds, each row → indicator with its confidence, the figures read, where the unit and
 * period came from — and, with `--save-mapping`, that understanding as an editable mapping.
 */
import { basename } from 'node:path';
import {
  formatNumber,
  formatPercent,
  hasErrors,
  makeFinding,
  mappingFromLayout,
  parsePeriod,
  type CheckedReport,
  type ColumnRole,
  type Finding,
  type IndicatorStatus,
  type LayoutRow,
  type LayoutUnderstanding,
  type Message,
  type Period,
  type ReportReading,
  type RowFigures,
} from '@cchc-kpi/core';
import { readReport } from '@cchc-kpi/xlsx';
import { loadContext } from '../context.ts';
import { prepareWorkbookBytes } from '../io/convert.ts';
import { scanInputs } from '../io/inputs.ts';
import { formatFinding, pick, printable, type Lang } from '../io/lang.ts';
import { withLimits, type LimitFlags } from '../io/limits.ts';
import { readInputFile } from '../io/read-file.ts';
import { saveMapping } from '../mapping/store.ts';
import { describeSystemError } from '../io/system-error.ts';
import { readOptions } from '../pipeline.ts';
import { EXIT, type Io } from './io.ts';

/** Options of `cchc inspect`. */
export interface InspectOptions extends LimitFlags {
  json?: boolean;
  /** File (`….json`) or folder to write the mapping to. */
  saveMapping?: string;
  unit?: string;
  period?: string;
  mappings?: string;
  convert?: boolean;
  plan?: string;
  units?: string;
  lang: Lang;
}

/** What each column role means, for people. */
export const ROLE_LABELS: Record<ColumnRole, Message> = {
  order: { vi: 'số thứ tự', en: 'order number' },
  code: { vi: 'mã chỉ tiêu', en: 'indicator code' },
  text: { vi: 'nội dung chỉ tiêu', en: 'indicator wording' },
  unitOfMeasure: { vi: 'đơn vị tính', en: 'unit of measure' },
  total: { vi: 'tổng số (mẫu số)', en: 'total (denominator)' },
  achieved: { vi: 'kết quả (tử số, hoặc giá trị)', en: 'achieved (numerator, or value)' },
  percent: { vi: 'tỷ lệ đơn vị ghi', en: 'percentage typed by the unit' },
  plan: { vi: 'chỉ tiêu/kế hoạch (xét theo giá trị từng dòng)', en: 'target or plan (decided per row)' },
  target: { vi: 'chỉ tiêu % (chỉ để tham khảo)', en: 'target % (information only)' },
  planned: { vi: 'số kế hoạch (mẫu số khi không có cột tổng số)', en: 'planned count (denominator when there is no total)' },
  previous: { vi: 'cùng kỳ năm trước (mẫu số của chỉ tiêu so sánh)', en: 'same period last year (comparison denominator)' },
  note: { vi: 'ghi chú', en: 'note' },
  evidence: { vi: 'tài liệu kiểm chứng', en: 'evidence' },
  other: { vi: 'không dùng', en: 'not used' },
};

const KIND_LABELS: Record<Exclude<LayoutRow['kind'], 'data'>, Message> = {
  section: { vi: 'tiêu đề mục (bỏ qua)', en: 'section heading (skipped)' },
  total: { vi: 'dòng tổng (bỏ qua)', en: 'total row (skipped)' },
  numbering: { vi: 'dòng đánh số cột (bỏ qua)', en: 'column-number row (skipped)' },
};

const VIA_LABELS: Record<string, Message> = {
  override: { vi: 'theo tham số dòng lệnh', en: 'from the command line' },
  mapping: { vi: 'theo tệp ánh xạ', en: 'from the mapping' },
  title: { vi: 'từ dòng tiêu đề', en: 'from a title row' },
  dateRange: { vi: 'từ khoảng thời gian số liệu', en: 'from the data date range' },
  sheetName: { vi: 'từ tên trang tính', en: 'from the sheet name' },
  fileName: { vi: 'từ tên tệp', en: 'from the file name' },
  assumed: { vi: 'giả định', en: 'assumed' },
  code: { vi: 'theo mã', en: 'by code' },
  text: { vi: 'theo nội dung', en: 'by wording' },
};

function cut(text: string, max = 70): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function figuresText(f: RowFigures, lang: Lang): string {
  const n = (v: number | null): string => (v === null ? (lang === 'vi' ? 'trống' : 'blank') : formatNumber(v, lang, 4));
  const parts: string[] = [];
  if (f.numerator !== null || f.denominator !== null) parts.push(lang === 'vi' ? `tử số ${n(f.numerator)} / mẫu số ${n(f.denominator)}` : `numerator ${n(f.numerator)} / denominator ${n(f.denominator)}`);
  if (f.value !== null) parts.push(`${lang === 'vi' ? 'giá trị' : 'value'} ${typeof f.value === 'boolean' ? (f.value ? (lang === 'vi' ? 'Có' : 'yes') : lang === 'vi' ? 'Không' : 'no') : n(f.value)}`);
  if (f.typedPercent !== null) parts.push(`${lang === 'vi' ? 'tỷ lệ ghi' : 'typed'} ${formatPercent(f.typedPercent, lang)}`);
  if (f.target !== null) parts.push(`${lang === 'vi' ? 'chỉ tiêu' : 'target'} ${formatPercent(f.target, lang)}`);
  return parts.length === 0 ? (lang === 'vi' ? 'không có số liệu' : 'no figures') : parts.join(', ');
}

/** The text lines describing a layout understanding (what `cchc inspect` prints for a non-template workbook). */
export function describeLayout(layout: LayoutUnderstanding, lang: Lang): string[] {
  const vi = lang === 'vi';
  const lines: string[] = [];
  const state = layout.sheetState === 'visible' ? '' : vi ? ' (trang ẩn)' : ' (hidden sheet)';
  lines.push(`${vi ? 'Trang tính' : 'Sheet'}: "${layout.sheet}"${state}`);
  for (const other of layout.otherSheets) {
    const why = other.hasTable ? (vi ? `có bảng, ${other.matchedRows} dòng khớp` : `has a table, ${other.matchedRows} rows matched`) : vi ? 'không có bảng' : 'no table';
    lines.push(`  ${vi ? 'không dùng' : 'not used'}: "${other.name}"${other.state === 'visible' ? '' : vi ? ' (ẩn)' : ' (hidden)'} — ${why}`);
  }
  const detected = (label: Message, d: LayoutUnderstanding['unit']): string => {
    if (d.code === null) return `${pick(label, lang)}: ${vi ? 'không xác định được' : 'unknown'}`;
    const via = d.via ? ` — ${pick(VIA_LABELS[d.via] ?? { vi: d.via, en: d.via }, lang)}` : '';
    const where = d.cell ? ` ${d.cell}` : '';
    const text = d.text !== undefined && d.via !== 'override' ? ` "${cut(d.text, 60)}"` : '';
    return `${pick(label, lang)}: ${d.code}${via}${where}${text}`;
  };
  lines.push(detected({ vi: 'Đơn vị', en: 'Unit' }, layout.unit));
  lines.push(detected({ vi: 'Kỳ báo cáo', en: 'Period' }, layout.period));
  if (layout.submittedOn.date !== null) lines.push(`${vi ? 'Ngày ký' : 'Signed on'}: ${layout.submittedOn.date}${layout.submittedOn.cell ? ` (${layout.submittedOn.cell})` : ''}`);
  if (layout.mappingUnit !== undefined) lines.push(`${vi ? 'Ánh xạ đã áp dụng' : 'Mapping applied'}: ${layout.mappingUnit}.json`);
  if (layout.legacyCells.tcvn3 + layout.legacyCells.vni > 0) {
    lines.push(`${vi ? 'Chữ mã cũ đã chuyển sang Unicode' : 'Legacy text decoded'}: TCVN3 ${layout.legacyCells.tcvn3}, VNI ${layout.legacyCells.vni}`);
  }
  lines.push(`${vi ? 'Dòng tiêu đề bảng' : 'Header rows'}: ${layout.headerRows.join(', ')}`);
  lines.push(vi ? 'Cột:' : 'Columns:');
  for (const c of layout.columns) {
    const reason = c.reason ? ` — ${pick(c.reason, lang)}` : '';
    lines.push(`  ${c.letter.padEnd(3)} "${cut(c.label, 40)}" → ${pick(ROLE_LABELS[c.role], lang)}${reason}`);
  }
  lines.push(vi ? 'Dòng:' : 'Rows:');
  for (const r of layout.rows) {
    const text = r.text === '' ? (vi ? '(không có nội dung)' : '(no wording)') : `"${cut(r.text)}"`;
    if (r.kind !== 'data') {
      lines.push(`  ${String(r.row).padStart(4)}  ${text} → ${pick(KIND_LABELS[r.kind], lang)}`);
      continue;
    }
    let target: string;
    if (r.indicator !== null) {
      const via = r.via ? pick(VIA_LABELS[r.via] ?? { vi: r.via, en: r.via }, lang) : '';
      target = `${r.indicator} (${vi ? 'độ tin cậy' : 'confidence'} ${formatPercent(r.confidence ?? 0, lang, 0)}, ${via})${r.figures ? `: ${figuresText(r.figures, lang)}` : ''}`;
    } else if (r.via === 'mapping') {
      target = vi ? 'không phải chỉ tiêu (theo tệp ánh xạ)' : 'not an indicator (mapping)';
    } else if (r.ambiguous) {
      target = `${vi ? 'chưa rõ, giống nhiều chỉ tiêu' : 'unclear, like several indicators'}: ${r.candidates.map((c) => `${c.code} ${formatPercent(c.confidence, lang, 0)}`).join(' / ')}`;
    } else {
      const best = r.candidates[0];
      target = `${vi ? 'không khớp chỉ tiêu nào' : 'no indicator'}${best ? ` (${vi ? 'gần nhất' : 'closest'} ${best.code} ${formatPercent(best.confidence, lang, 0)})` : ''}`;
    }
    lines.push(`  ${String(r.row).padStart(4)}  ${text} → ${target}`);
  }
  return lines;
}

/** Indicator statuses for people. */
const STATUS_LABELS: Record<IndicatorStatus, Message> = {
  met: { vi: 'đạt', en: 'met' },
  notMet: { vi: 'chưa đạt', en: 'not met' },
  notApplicable: { vi: 'không áp dụng', en: 'not applicable' },
  missing: { vi: 'chưa báo cáo', en: 'not reported' },
  invalid: { vi: 'không hợp lệ', en: 'invalid' },
};

/** The indicator lines of a checked report (what was read, and its status), for template workbooks. */
function describeIndicators(checked: CheckedReport, lang: Lang): string[] {
  const lines = [lang === 'vi' ? 'Chỉ tiêu:' : 'Indicators:'];
  for (const [code, result] of Object.entries(checked.indicators)) {
    lines.push(`  ${code.padEnd(5)} ${figuresText({ numerator: result.numerator, denominator: result.denominator, value: result.value, typedPercent: result.typedPercent, target: null }, lang)} — ${pick(STATUS_LABELS[result.status], lang)}`);
  }
  return lines;
}

/**
 * Runs `cchc inspect FILE`. Prints (or, with `--json`, writes as JSON) how the file was
 * understood, then every finding (reading and validation). With `--save-mapping FILE|DIR` writes
 * the understanding as an editable mapping (a folder gets `<unit code>.json`); a template
 * workbook needs none (notice). Exit 0 when the file was understood without error findings,
 * 1 when it gave findings with errors or no report, 2 when the command could not run (bad
 * plan, `--period`, missing file, mapping not writable).
 */
export async function runInspect(path: string, options: InspectOptions, io: Io): Promise<number> {
  const { lang } = options;
  const vi = lang === 'vi';
  const loaded = await loadContext({
    ...options,
    ...(options.unit !== undefined ? { unitOverride: options.unit } : {}),
    ...(options.period !== undefined ? { periodOverride: options.period } : {}),
  });
  if (!loaded.ok) return io.failed(loaded.findings, lang);
  const limited = withLimits(loaded.value, options);
  if (!limited.ok) return io.failed(limited.findings, lang);
  const context = limited.value;
  let period: Period | undefined;
  if (options.period !== undefined) {
    const parsed = parsePeriod(options.period, { deadlineDaysAfterCutoff: context.plan.deadline.daysAfterCutoff });
    if (!parsed.ok) return io.failed(parsed.findings, lang);
    period = parsed.value;
  }
  const scan = await scanInputs([path]);
  if (scan.missing.length > 0) return io.missing(scan.missing, lang);
  const target = scan.files[0];
  if (!target) return io.noFiles(lang);
  const file = basename(target);

  const findings: Finding[] = [];
  let reading: ReportReading | null = null;
  let checked: CheckedReport | null = null;
  const input = await readInputFile(target, context.limits?.maxFileBytes);
  if ('finding' in input) findings.push(input.finding);
  else {
    const prepared = await prepareWorkbookBytes(input.bytes, file, context.read?.convert === true);
    if (!prepared.ok) findings.push(...prepared.findings);
    else {
      // The one pipeline, as check and consolidate read; an untouched form is still shown.
      const { outcome } = readReport(prepared.bytes, readOptions(context, file, period, prepared.findings));
      findings.push(...outcome.findings);
      if (outcome.status === 'received' || outcome.status === 'empty') {
        reading = outcome.reading;
        checked = outcome.checked;
      }
    }
  }
  const template = reading !== null && reading.reader !== 'layout';

  let savedTo: string | null = null;
  if (options.saveMapping !== undefined && reading) {
    if (template || !reading.layout) {
      findings.push(makeFinding('notice', 'mapping-not-needed', { vi: `${file} theo biểu mẫu của công cụ; không cần ánh xạ.`, en: `${file} is our template; no mapping is needed.` }, { file }));
    } else {
      const unit = reading.report.unitCode;
      if (unit === null || unit === '') {
        io.err(vi ? 'Không lưu được ánh xạ: chưa xác định được đơn vị của tệp; hãy thêm --unit <mã đơn vị>.' : 'Cannot save the mapping: the unit of the file is unknown; add --unit <unit code>.');
        return EXIT.cannotRun;
      }
      try {
        savedTo = await saveMapping(options.saveMapping, mappingFromLayout(reading.layout, context.plan, unit));
      } catch (error) {
        const system = describeSystemError(error, 'write', options.saveMapping);
        if (system === null) throw error;
        io.err(system[lang]);
        return EXIT.cannotRun;
      }
    }
  }

  if (options.json) {
    io.json({
      file,
      template: reading === null ? null : template,
      unit: reading?.report.unitCode ?? null,
      period: reading?.report.periodCode ?? null,
      submittedOn: reading?.report.submittedOn ?? null,
      layout: reading?.layout ?? null,
      indicators: Object.fromEntries([...(reading?.report.indicators ?? new Map()).entries()]),
      mapping: savedTo,
      findings,
    });
  } else {
    io.out(`${vi ? 'Tệp' : 'File'}: ${printable(file)}`);
    if (reading && template) {
      io.out(
        reading.reader === 'names'
          ? vi ? 'Tệp theo biểu mẫu của công cụ: đọc theo các tên vùng (không cần ánh xạ).' : 'The file is our template: read through its defined names (no mapping needed).'
          : vi ? 'Tệp theo biểu mẫu của công cụ, không có tên vùng: đọc theo vị trí ô (không cần ánh xạ).' : 'The file is our template without its defined names: read by cell positions (no mapping needed).',
      );
      io.out(`${vi ? 'Đơn vị' : 'Unit'}: ${reading.report.unitCode ?? '?'}; ${vi ? 'kỳ báo cáo' : 'period'}: ${reading.report.periodCode ?? '?'}`);
      if (checked) for (const line of describeIndicators(checked, lang)) io.out(line);
    } else if (reading?.layout) {
      for (const line of describeLayout(reading.layout, lang)) io.out(printable(line));
    } else {
      io.out(vi ? 'Không đọc được báo cáo từ tệp (xem các lỗi, cảnh báo).' : 'No report could be read from the file (see the findings).');
    }
    if (savedTo !== null) io.out(`${vi ? 'Đã lưu ánh xạ' : 'Mapping saved'}: ${savedTo}`);
    if (findings.length > 0) {
      io.out(vi ? 'Phát hiện:' : 'Findings:');
      for (const finding of findings) io.out(`  ${formatFinding(finding, lang)}`);
    }
  }
  return !reading || hasErrors(findings) ? EXIT.findings : EXIT.ok;
}
