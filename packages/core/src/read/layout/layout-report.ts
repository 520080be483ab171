/**
 * Reading a unit's report from a workbook that is not our template — "any reasonable layout"
 * (BRIEF §7): find the table, understand its columns and rows, match rows to the plan's
 * indicators, read the figures, and find the unit, period and signing date around the table.
 * Everything understood is returned (`LayoutUnderstanding`) so `cchc inspect` can show it, and
 * every decision that is not certain is a finding: nothing is guessed silently.
 */
import { makeFinding, type CellRef, type Finding } from '../../finding.ts';
import { numberToColumn } from '../../grid/a1.ts';
import { getSheet } from '../../grid/access.ts';
import type { Grid, Sheet, SheetState } from '../../grid/grid.ts';
import type { Plan } from '../../plan/schema.ts';
import type { IndicatorValue, UnitReport } from '../../report/model.ts';
import { fail, ok, type Result } from '../../result.ts';
import { formatPercent } from '../../text/format.ts';
import { unitDisplayName } from '../../units/registry.ts';
import type { Unit } from '../../units/unit.ts';
import { cellRef } from '../cells.ts';
import { addFinding, type LayoutContext } from './context.ts';
import { detectSigningDate } from './detect-date.ts';
import { choosePeriod, scanPeriods } from './detect-period.ts';
import { detectUnit } from './detect-unit.ts';
import { findHeaders, labelAt, type HeaderGuess } from './header.ts';
import type { LayoutMapping } from './mapping.ts';
import { MATCH_THRESHOLD, createIndicatorMatcher } from './match.ts';
import { sheetView, type SheetView } from './sheet-view.ts';
import { rowHasFigures } from './row-kind.ts';
import { MAX_TABLE_ROWS, readTable, type TableRead } from './table.ts';
import { textSources, type TextSource } from './text-source.ts';
import type { Detected, LayoutColumn, LayoutRow, LayoutUnderstanding, SheetConsidered } from './types.ts';
import { readRowValues } from './values.ts';

/** Options of `readLayoutReport`. */
export interface ReadLayoutOptions {
  /** File name as the caller gives it: on every finding and `CellRef`, and a source for unit and period. */
  file?: string;
  /** Registry units the unit is detected among. */
  units: readonly Unit[];
  /** A saved mapping for the unit (mapping.ts): sheet, header rows, column roles and row → indicator. */
  mapping?: LayoutMapping;
  /** `--unit`: the unit code to use whatever the file says. */
  unitCode?: string;
  /** `--period` of `check`/`inspect`: the period code to use whatever the file says. */
  periodCode?: string;
  /** `consolidate --period`: the period assumed (with a warning) only when the file names none. */
  assumePeriod?: string;
}

/** A report read from a non-template workbook, with how the workbook was understood. */
export interface LayoutReading {
  report: UnitReport;
  layout: LayoutUnderstanding;
}

/** How many header candidates per sheet are read in full. */
const GUESSES_PER_SHEET = 3;
const STATE_ORDER: Record<SheetState, number> = { visible: 0, hidden: 1, veryHidden: 2 };

interface SheetOutcome {
  sheet: Sheet;
  index: number;
  table: TableRead | null;
}

function where(file: string | undefined): { file?: string } {
  return file === undefined ? {} : { file };
}

/** A header guess forced by a mapping's header rows and column roles. */
function mappedGuess(view: SheetView, mapping: LayoutMapping): HeaderGuess | null {
  if (!mapping.headerRows || !mapping.columns) return null;
  const top = mapping.headerRows[0] ?? 1;
  const sub = mapping.headerRows[1];
  const columns: LayoutColumn[] = Object.entries(mapping.columns).map(([letter, role]) => {
    let col = 0;
    for (const ch of letter) col = col * 26 + (ch.charCodeAt(0) - 64);
    const heading = labelAt(view, top, col);
    const subHeading = sub === undefined ? '' : labelAt(view, sub, col);
    const label = subHeading !== '' && subHeading !== heading ? `${heading} / ${subHeading}` : heading;
    return { col, letter: numberToColumn(col), label, role };
  });
  columns.sort((a, b) => a.col - b.col);
  return { rows: [...mapping.headerRows], columns, score: 0 };
}

function rank(o: SheetOutcome): [number, number, number, number] {
  const t = o.table;
  return [t && t.matched > 0 ? 1 : 0, -STATE_ORDER[o.sheet.state], t?.matched ?? -1, t?.headerScore ?? -1];
}

function better(a: SheetOutcome, b: SheetOutcome): boolean {
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i++) if ((ra[i] ?? 0) !== (rb[i] ?? 0)) return (ra[i] ?? 0) > (rb[i] ?? 0);
  return false;
}

/** Reads every header candidate of a sheet and keeps the table matching most rows (then the best header). */
function bestTable(view: SheetView, mapping: LayoutMapping | undefined, matcher: ReturnType<typeof createIndicatorMatcher>): TableRead | null {
  const forced = mapping ? mappedGuess(view, mapping) : null;
  const guesses = forced ? [forced] : findHeaders(view).slice(0, GUESSES_PER_SHEET);
  let best: TableRead | null = null;
  for (const guess of guesses) {
    const table = readTable(view, guess, matcher, mapping);
    if (!best || table.matched > best.matched || (table.matched === best.matched && table.headerScore > best.headerScore)) best = table;
  }
  return best;
}

/** The period a table's own sheet gives (its title rows, the rows after it, its name), upper-case, or null. */
function sheetPeriod(table: TableRead, plan: Plan): string | null {
  const sources = textSources(table.view, table.headerRows[0] ?? 1, table.endRow);
  return choosePeriod(scanPeriods(sources, plan.deadline.daysAfterCutoff), plan.year).code?.toUpperCase() ?? null;
}

function sourceText(source: TextSource): { vi: string; en: string } {
  if (source.via === 'title') return { vi: `ô ${source.cell ?? ''} "${source.text}"`, en: `cell ${source.cell ?? ''} "${source.text}"` };
  if (source.via === 'sheetName') return { vi: `tên trang tính "${source.text}"`, en: `the sheet name "${source.text}"` };
  return { vi: `tên tệp "${source.text}"`, en: `the file name "${source.text}"` };
}

/**
 * Reads a unit's report from a workbook in its own layout (`Grid`):
 * - sheets: visible first; every sheet's header candidates (`findHeaders`, or the mapping's
 *   header rows and column roles) are read (`readTable`) and the table matching most rows is kept,
 *   a visible one before a hidden one; with `periodCode`/`assumePeriod`, sheets whose own titles
 *   or name give that period first (one sheet per quarter). No table anywhere → `ok: false`,
 *   `layout-table-not-found`; a table cut at `MAX_TABLE_ROWS` rows → `layout-table-truncated`;
 * - unit: `unitCode` (notice `layout-unit-override`), else `detectUnit` over the title rows, the
 *   rows after the table, the sheet name and the file name (`layout-unit-found` notice,
 *   `-not-found`/`-ambiguous`/`-conflict` warnings);
 * - period: `periodCode` (`layout-period-override`), else `scanPeriods` + `choosePeriod`
 *   (`layout-period-found`, `-not-found`, `-ambiguous`, `-conflict`, `-range-unmatched`,
 *   `-year-assumed`), else `assumePeriod` (`layout-period-assumed`, warning);
 * - signing date → `submittedOn` (`detectSigningDate`);
 * - rows: unmatched (`layout-row-unmatched`: warning with figures, notice without), ambiguous
 *   (`layout-row-ambiguous`), ignored by the mapping (`layout-row-ignored`); several rows for one
 *   indicator → the most confident (`layout-indicator-duplicate` warning; error and none when tied);
 * - figures of matched rows: `readRowValues`; section/total rows with figures → notice;
 * - notices `layout-read` (summary), `layout-legacy-text` (cells decoded from TCVN3/VNI),
 *   `layout-mapping-used`; column notes from `settleColumns`.
 * `report.planId` is the plan's id (the rows were matched against it); `templateVersion` null;
 * activities are not read from such workbooks (empty).
 */
export function readLayoutReport(grid: Grid, plan: Plan, options: ReadLayoutOptions): Result<LayoutReading> {
  const { file, mapping } = options;
  const findings: Finding[] = [];
  const matcher = createIndicatorMatcher(plan);
  let sheets = grid.sheets.map((sheet, index) => ({ sheet, index }));
  if (mapping?.sheet !== undefined) {
    const named = getSheet(grid, mapping.sheet);
    if (named) sheets = sheets.filter((s) => s.sheet === named);
    else {
      findings.push(
        makeFinding('warning', 'layout-mapping-mismatch', {
          vi: `Tệp ánh xạ của đơn vị ${mapping.unit} chỉ trang tính "${mapping.sheet}", nhưng tệp không có trang này; công cụ tự tìm bảng.`,
          en: `The mapping of unit ${mapping.unit} names sheet "${mapping.sheet}", which the file lacks; the table is looked for automatically.`,
        }, where(file)),
      );
    }
  }
  sheets.sort((a, b) => STATE_ORDER[a.sheet.state] - STATE_ORDER[b.sheet.state] || a.index - b.index);
  const outcomes: SheetOutcome[] = sheets.map(({ sheet, index }) => ({ sheet, index, table: bestTable(sheetView(sheet, grid.date1904), mapping, matcher) }));
  // A workbook holding one sheet per period ("Quý I", "Quý II"…): with a requested period, the
  // sheets whose own title or name gives that period come first.
  const requested = options.periodCode ?? options.assumePeriod;
  const ofPeriod = requested === undefined ? [] : outcomes.filter((o) => o.table !== null && sheetPeriod(o.table, plan) === requested.toUpperCase());
  const pool = ofPeriod.length > 0 ? ofPeriod : outcomes;
  let chosen: SheetOutcome | null = null;
  for (const o of pool) if (o.table && (!chosen || better(o, chosen))) chosen = o;
  if (!chosen?.table) {
    const names = grid.sheets.map((s) => `"${s.name}"`).join(', ') || '(không có)';
    return fail([
      ...findings,
      makeFinding('error', 'layout-table-not-found', {
        vi: `Không tìm thấy bảng số liệu báo cáo trong tệp (đã xem các trang tính: ${names}). Bảng cần có dòng tiêu đề với cột nội dung chỉ tiêu (ví dụ "Nội dung") và ít nhất một cột số liệu ("Kết quả thực hiện", "Tổng số", "Tỷ lệ (%)"…). Hãy dùng biểu mẫu của công cụ (cchc template) hoặc bổ sung dòng tiêu đề.`,
        en: `No report table found in the workbook (sheets looked at: ${grid.sheets.map((s) => `"${s.name}"`).join(', ') || '(none)'}). A table needs a header row with an indicator wording column (e.g. "Nội dung") and at least one figure column ("Kết quả thực hiện", "Tổng số", "Tỷ lệ (%)"…). Use the tool's template (cchc template) or add a header row.`,
      }, where(file)),
    ]);
  }
  const table = chosen.table;
  const view = table.view;
  const sheetName = chosen.sheet.name;
  const ctx: LayoutContext = { grid, findings, view, sheetName, ...where(file) };

  const otherSheets: SheetConsidered[] = outcomes
    .filter((o) => o !== chosen)
    .map((o) => ({ name: o.sheet.name, state: o.sheet.state, matchedRows: o.table?.matched ?? 0, hasTable: o.table !== null }));
  const rival = pool.find((o) => o !== chosen && o.table !== null && !better(chosen as SheetOutcome, o) && !better(o, chosen as SheetOutcome));

  // Unit.
  const sources = textSources(view, table.headerRows[0] ?? 1, table.endRow, file);
  const unitFound = detectUnit(sources, options.units);
  const unit: Detected = { code: null, via: null };
  let unitSource: CellRef | undefined;
  if (options.unitCode !== undefined) {
    unit.code = options.unitCode;
    unit.via = 'override';
    const said = unitFound.unit && unitFound.unit.code !== options.unitCode ? { vi: ` (tệp ghi ${unitDisplayName(unitFound.unit)}, mã ${unitFound.unit.code})`, en: ` (the file says ${unitFound.unit.name}, code ${unitFound.unit.code})` } : { vi: '', en: '' };
    ctx.unit = options.unitCode;
    addFinding(ctx, 'notice', 'layout-unit-override', { vi: `Mã đơn vị lấy theo --unit: ${options.unitCode}${said.vi}.`, en: `Unit code taken from --unit: ${options.unitCode}${said.en}.` }, { sheet: false });
  } else if (unitFound.unit && unitFound.source) {
    const u = unitFound.unit;
    unit.code = u.code;
    unit.via = unitFound.source.via;
    unit.text = unitFound.source.text;
    if (unitFound.source.cell !== undefined) {
      unit.cell = unitFound.source.cell;
      unitSource = cellRef(file, sheetName, unitFound.source.cell);
    }
    ctx.unit = u.code;
    const from = sourceText(unitFound.source);
    addFinding(ctx, 'notice', 'layout-unit-found', { vi: `Đơn vị: ${unitDisplayName(u)} (mã ${u.code}), đọc từ ${from.vi}.`, en: `Unit: ${u.name} (code ${u.code}), read from ${from.en}.` }, unitFound.source.cell === undefined ? { sheet: false } : { cell: unitFound.source.cell });
    if (unitFound.conflict) {
      const other = sourceText(unitFound.conflict.source);
      addFinding(ctx, 'warning', 'layout-unit-conflict', {
        vi: `${other.vi[0]?.toUpperCase()}${other.vi.slice(1)} ghi đơn vị khác (${unitDisplayName(unitFound.conflict.unit)}, mã ${unitFound.conflict.unit.code}); dùng ${unitDisplayName(u)} theo ${from.vi}. Hãy kiểm tra lại tệp.`,
        en: `${other.en[0]?.toUpperCase()}${other.en.slice(1)} names another unit (${unitFound.conflict.unit.name}, code ${unitFound.conflict.unit.code}); ${u.name} is used, from ${from.en}. Check the file.`,
      }, unitFound.conflict.source.cell === undefined ? { sheet: false } : { cell: unitFound.conflict.source.cell });
    }
  } else if (unitFound.ambiguous) {
    const from = sourceText(unitFound.ambiguous.source);
    const list = unitFound.ambiguous.units.map((u) => `${unitDisplayName(u)} (${u.code})`).join(', ');
    addFinding(ctx, 'warning', 'layout-unit-ambiguous', {
      vi: `Không xác định được đơn vị: ${from.vi} ghi nhiều đơn vị (${list}). Dùng --unit để chỉ rõ, hoặc đặt tên tệp bắt đầu bằng mã đơn vị.`,
      en: `The unit is unclear: ${from.en} names several units (${unitFound.ambiguous.units.map((u) => `${u.name} (${u.code})`).join(', ')}). Give --unit, or start the file name with the unit code.`,
    }, unitFound.ambiguous.source.cell === undefined ? { sheet: false } : { cell: unitFound.ambiguous.source.cell });
  } else {
    addFinding(ctx, 'warning', 'layout-unit-not-found', {
      vi: 'Không xác định được đơn vị báo cáo từ các dòng tiêu đề, tên trang tính hay tên tệp. Cách khắc phục: ghi tên đơn vị ở dòng tiêu đề (ví dụ "UBND PHƯỜNG BẮC HÀ"), đặt tên tệp bắt đầu bằng mã đơn vị (ví dụ 18076-2021-H1.xlsx), hoặc dùng --unit khi kiểm tra.',
      en: 'The reporting unit is not named in the title rows, the sheet name or the file name. To fix: name it in a title row (e.g. "UBND PHƯỜNG BẮC HÀ"), start the file name with the unit code (e.g. 18076-2021-H1.xlsx), or give --unit when checking.',
    }, { sheet: false });
  }

  // Period.
  const period: Detected = { code: null, via: null };
  let periodSource: CellRef | undefined;
  const scan = scanPeriods(sources, plan.deadline.daysAfterCutoff);
  const detected = choosePeriod(scan, plan.year);
  if (options.periodCode !== undefined) {
    period.code = options.periodCode;
    period.via = 'override';
    const said = detected.code !== null && detected.code !== options.periodCode ? { vi: ` (tệp ghi ${detected.code})`, en: ` (the file says ${detected.code})` } : { vi: '', en: '' };
    addFinding(ctx, 'notice', 'layout-period-override', { vi: `Kỳ báo cáo lấy theo --period: ${options.periodCode}${said.vi}.`, en: `Reporting period taken from --period: ${options.periodCode}${said.en}.` }, { sheet: false });
  } else {
    for (const range of scan.unmatchedRanges) {
      const from = sourceText(range.source);
      addFinding(ctx, 'warning', 'layout-period-range-unmatched', {
        vi: `Khoảng thời gian từ ${range.start} đến ${range.end} (${from.vi}) không trùng kỳ báo cáo nào (theo Nghị định 09/2019/NĐ-CP hoặc theo lịch); không dùng để xác định kỳ.`,
        en: `The range ${range.start} to ${range.end} (${from.en}) is no period's cut-off window (Decree 09/2019/NĐ-CP) or calendar window; not used for the period.`,
      }, range.source.cell === undefined ? { sheet: false } : { cell: range.source.cell });
    }
    if (detected.code !== null && detected.mention) {
      const m = detected.mention;
      period.code = detected.code;
      period.via = m.fromRange ? 'dateRange' : m.source.via;
      period.text = m.source.text;
      if (m.source.cell !== undefined) {
        period.cell = m.source.cell;
        periodSource = cellRef(file, sheetName, m.source.cell);
      }
      const from = sourceText(m.source);
      const how = m.fromRange === 'cutoff' ? { vi: ' (khoảng thời gian trùng kỳ chốt số liệu)', en: ' (the range is its cut-off window)' } : m.fromRange === 'calendar' ? { vi: ' (khoảng thời gian theo lịch của kỳ)', en: " (the range is the period's calendar window)" } : { vi: '', en: '' };
      addFinding(ctx, 'notice', 'layout-period-found', { vi: `Kỳ báo cáo: ${detected.code}, đọc từ ${from.vi}${how.vi}.`, en: `Reporting period: ${detected.code}, read from ${from.en}${how.en}.` }, m.source.cell === undefined ? { sheet: false } : { cell: m.source.cell });
      if (detected.yearFrom) {
        addFinding(ctx, 'warning', 'layout-period-year-assumed', {
          vi: `${from.vi[0]?.toUpperCase()}${from.vi.slice(1)} không ghi năm; lấy năm ${detected.code.slice(0, 4)} ${detected.yearFrom === 'file' ? 'ở chỗ khác trong tệp' : 'của kế hoạch'}.`,
          en: `${from.en[0]?.toUpperCase()}${from.en.slice(1)} gives no year; ${detected.code.slice(0, 4)} was taken from ${detected.yearFrom === 'file' ? 'elsewhere in the file' : 'the plan'}.`,
        }, m.source.cell === undefined ? { sheet: false } : { cell: m.source.cell });
      }
      if (detected.conflict) {
        const other = sourceText(detected.conflict.source);
        addFinding(ctx, 'warning', 'layout-period-conflict', {
          vi: `${other.vi[0]?.toUpperCase()}${other.vi.slice(1)} ghi kỳ khác (${detected.conflict.code}); dùng kỳ ${detected.code} theo ${from.vi}. Hãy kiểm tra lại tệp.`,
          en: `${other.en[0]?.toUpperCase()}${other.en.slice(1)} names another period (${detected.conflict.code}); ${detected.code} is used, from ${from.en}. Check the file.`,
        }, detected.conflict.source.cell === undefined ? { sheet: false } : { cell: detected.conflict.source.cell });
      }
    } else if (detected.ambiguous) {
      const from = sourceText(detected.ambiguous.source);
      addFinding(ctx, 'warning', 'layout-period-ambiguous', {
        vi: `Không xác định được kỳ báo cáo: ${from.vi} ghi nhiều kỳ (${detected.ambiguous.codes.join(', ')}). Dùng --period để chỉ rõ.`,
        en: `The period is unclear: ${from.en} names several periods (${detected.ambiguous.codes.join(', ')}). Give --period.`,
      }, detected.ambiguous.source.cell === undefined ? { sheet: false } : { cell: detected.ambiguous.source.cell });
    }
    if (period.code === null && options.assumePeriod !== undefined) {
      period.code = options.assumePeriod;
      period.via = 'assumed';
      addFinding(ctx, 'warning', 'layout-period-assumed', {
        vi: `Tệp không ghi kỳ báo cáo; coi là kỳ ${options.assumePeriod} đang tổng hợp. Nếu không đúng, hãy bỏ tệp khỏi thư mục tổng hợp.`,
        en: `The file names no reporting period; the period being consolidated, ${options.assumePeriod}, is assumed. If that is wrong, remove the file from the folder.`,
      }, { sheet: false });
    } else if (period.code === null && !detected.ambiguous) {
      addFinding(ctx, 'warning', 'layout-period-not-found', {
        vi: 'Không xác định được kỳ báo cáo từ các dòng tiêu đề (ví dụ "6 tháng đầu năm 2021", "Số liệu tính từ ngày 15/12/2020 đến ngày 14/6/2021"), tên trang tính hay tên tệp. Hãy ghi kỳ báo cáo ở dòng tiêu đề, hoặc dùng --period khi kiểm tra.',
        en: 'The reporting period is not named in the title rows (e.g. "6 tháng đầu năm 2021", "Số liệu tính từ ngày 15/12/2020 đến ngày 14/6/2021"), the sheet name or the file name. Name it in a title row, or give --period when checking.',
      }, { sheet: false });
    }
  }

  // Signing date.
  const signed = detectSigningDate(sources);
  const submittedOn: LayoutUnderstanding['submittedOn'] = { date: signed?.date ?? null };
  if (signed?.source.cell !== undefined) submittedOn.cell = signed.source.cell;

  // Column notes, sheet notes.
  for (const note of table.notes) addFinding(ctx, note.severity, note.code, note.message, { cell: note.cell });
  if (table.truncatedAt !== null) {
    addFinding(ctx, 'warning', 'layout-table-truncated', {
      vi: `Bảng ở trang "${sheetName}" có hơn ${MAX_TABLE_ROWS} dòng, quá nhiều so với một báo cáo; chỉ đọc đến trước dòng ${table.truncatedAt}.`,
      en: `The table on sheet "${sheetName}" has more than ${MAX_TABLE_ROWS} rows, far more than a report; only the rows before row ${table.truncatedAt} were read.`,
    }, { cell: `A${table.truncatedAt}` });
  }
  if (chosen.sheet.state !== 'visible') {
    addFinding(ctx, 'warning', 'layout-hidden-sheet', {
      vi: `Bảng số liệu được đọc từ trang tính ẩn "${sheetName}" vì không trang tính đang hiện nào có bảng phù hợp.`,
      en: `The table was read from the hidden sheet "${sheetName}" since no visible sheet has a suitable one.`,
    });
  }
  if (rival) {
    addFinding(ctx, 'warning', 'layout-sheet-ambiguous', {
      vi: `Trang tính "${rival.sheet.name}" cũng có bảng số liệu phù hợp như "${sheetName}"; dùng "${sheetName}". Nếu không đúng, hãy lưu ánh xạ (cchc inspect --save-mapping) và sửa tên trang tính.`,
      en: `Sheet "${rival.sheet.name}" holds a table as suitable as "${sheetName}"; "${sheetName}" is used. If that is wrong, save a mapping (cchc inspect --save-mapping) and correct the sheet.`,
    });
  }
  if (mapping) {
    addFinding(ctx, 'notice', 'layout-mapping-used', { vi: `Đã áp dụng tệp ánh xạ của đơn vị ${mapping.unit}.`, en: `The saved mapping of unit ${mapping.unit} was applied.` }, { sheet: false });
    if (table.mappingRowsMissing.length > 0) {
      const list = table.mappingRowsMissing.map((r) => `"${r.text}"`).join('; ');
      addFinding(ctx, 'warning', 'layout-mapping-mismatch', {
        vi: `Tệp ánh xạ của đơn vị ${mapping.unit} có dòng không còn trong bảng: ${list}; các dòng khác được đối chiếu tự động.`,
        en: `The mapping of unit ${mapping.unit} lists rows no longer in the table: ${list}; other rows were matched automatically.`,
      });
    }
  }

  // Rows: duplicates, unmatched, ambiguous.
  const textCol = table.columns.find((c) => c.role === 'text');
  const rowCell = (row: number): string => `${textCol?.letter ?? numberToColumn(table.columns[0]?.col ?? 1)}${row}`;
  for (const row of table.skippedWithFigures) {
    const r = table.rows.find((x) => x.row === row);
    addFinding(ctx, 'notice', 'layout-section-figures', {
      vi: `Dòng ${row} ("${r?.text ?? ''}") là dòng ${r?.kind === 'total' ? 'tổng cộng' : 'tiêu đề mục'} nhưng có số liệu; dòng này không được tính như một chỉ tiêu.`,
      en: `Row ${row} ("${r?.text ?? ''}") is a ${r?.kind === 'total' ? 'total' : 'section heading'} row with figures; it is not read as an indicator.`,
    }, { cell: rowCell(row) });
  }
  const byIndicator = new Map<string, LayoutRow[]>();
  for (const r of table.rows) {
    if (r.kind !== 'data') continue;
    const hasFigures = rowHasFigures(view, r.row, table.columns);
    if (r.indicator !== null) {
      const list = byIndicator.get(r.indicator);
      if (list) list.push(r);
      else byIndicator.set(r.indicator, [r]);
      continue;
    }
    const quoted = r.text === '' ? '(không có nội dung)' : `"${r.text}"`;
    const quotedEn = r.text === '' ? '(no wording)' : `"${r.text}"`;
    if (r.via === 'mapping') {
      addFinding(ctx, 'notice', 'layout-row-ignored', { vi: `Dòng ${r.row} ${quoted}: tệp ánh xạ ghi không phải chỉ tiêu; bỏ qua.`, en: `Row ${r.row} ${quotedEn}: the mapping marks it as not an indicator; skipped.` }, { cell: rowCell(r.row) });
      continue;
    }
    const cands = r.candidates.map((c) => `${c.code} (${formatPercent(c.confidence, 'vi', 0)})`).join(', ');
    const candsEn = r.candidates.map((c) => `${c.code} (${formatPercent(c.confidence, 'en', 0)})`).join(', ');
    if (r.ambiguous) {
      addFinding(ctx, 'warning', 'layout-row-ambiguous', {
        vi: `Dòng ${r.row} ${quoted} giống nhiều chỉ tiêu gần như nhau (${cands}); số liệu của dòng không được dùng. Hãy lưu ánh xạ (cchc inspect --save-mapping) và ghi mã chỉ tiêu cho dòng này.`,
        en: `Row ${r.row} ${quotedEn} matches several indicators almost equally (${candsEn}); its figures are not used. Save a mapping (cchc inspect --save-mapping) and give the row its indicator code.`,
      }, { cell: rowCell(r.row) });
      continue;
    }
    const best = r.candidates[0];
    const maybe = best ? { vi: ` Gần nhất: ${best.code} (độ tin cậy ${formatPercent(best.confidence, 'vi', 0)}, dưới ngưỡng ${formatPercent(MATCH_THRESHOLD, 'vi', 0)}).`, en: ` Closest: ${best.code} (confidence ${formatPercent(best.confidence, 'en', 0)}, below the ${formatPercent(MATCH_THRESHOLD, 'en', 0)} threshold).` } : { vi: '', en: '' };
    addFinding(ctx, hasFigures ? 'warning' : 'notice', 'layout-row-unmatched', {
      vi: `Dòng ${r.row} ${quoted} không khớp chỉ tiêu nào của kế hoạch${hasFigures ? '; số liệu của dòng không được dùng' : ''}.${maybe.vi} Nếu đây là một chỉ tiêu, hãy lưu ánh xạ (cchc inspect --save-mapping) và ghi mã chỉ tiêu cho dòng này.`,
      en: `Row ${r.row} ${quotedEn} matches no indicator of the plan${hasFigures ? '; its figures are not used' : ''}.${maybe.en} If it is one, save a mapping (cchc inspect --save-mapping) and give the row its indicator code.`,
    }, { cell: rowCell(r.row) });
  }

  const indicators = new Map<string, IndicatorValue>();
  for (const indicator of plan.indicators) {
    const list = byIndicator.get(indicator.code);
    if (!list || list.length === 0) continue;
    let use: LayoutRow | null = list[0] ?? null;
    if (list.length > 1) {
      const sorted = [...list].sort((a, b) => (b.confidence ?? 0) - (a.confidence ?? 0));
      const [first, second] = sorted;
      const rowsText = list.map((r) => r.row).join(', ');
      if (first && second && first.confidence === second.confidence) {
        use = null;
        addFinding(ctx, 'error', 'layout-indicator-duplicate', {
          vi: `Các dòng ${rowsText} cùng khớp chỉ tiêu ${indicator.code} với cùng độ tin cậy; không dùng dòng nào. Hãy lưu ánh xạ (cchc inspect --save-mapping) và chỉ rõ dòng của chỉ tiêu này.`,
          en: `Rows ${rowsText} all match indicator ${indicator.code} with the same confidence; none is used. Save a mapping (cchc inspect --save-mapping) and say which row is this indicator.`,
        }, { cell: rowCell(first.row), indicator: indicator.code });
      } else if (first) {
        use = first;
        addFinding(ctx, 'warning', 'layout-indicator-duplicate', {
          vi: `Các dòng ${rowsText} cùng khớp chỉ tiêu ${indicator.code}; dùng dòng ${first.row} (độ tin cậy cao nhất), các dòng khác không được dùng.`,
          en: `Rows ${rowsText} all match indicator ${indicator.code}; row ${first.row} (the most confident) is used, the others are not.`,
        }, { cell: rowCell(first.row), indicator: indicator.code });
      }
      for (const r of list) if (r !== use) r.indicator = null;
    }
    if (!use) continue;
    const read = readRowValues(ctx, use.row, table.columns, indicator);
    use.figures = read.figures;
    indicators.set(indicator.code, read.value);
  }

  const legacy = { ...view.legacyCount };
  if (legacy.tcvn3 + legacy.vni > 0) {
    const parts = [legacy.tcvn3 > 0 ? `${legacy.tcvn3} ô TCVN3 (.VnTime)` : '', legacy.vni > 0 ? `${legacy.vni} ô VNI-Windows` : ''].filter((p) => p !== '').join(' và ');
    const partsEn = [legacy.tcvn3 > 0 ? `${legacy.tcvn3} TCVN3 (.VnTime) cells` : '', legacy.vni > 0 ? `${legacy.vni} VNI-Windows cells` : ''].filter((p) => p !== '').join(' and ');
    addFinding(ctx, 'notice', 'layout-legacy-text', {
      vi: `Trang "${sheetName}" có chữ mã cũ: đã chuyển ${parts} sang Unicode để đọc. Nên chuyển tệp sang Unicode (Unikey: Công cụ chuyển mã).`,
      en: `Sheet "${sheetName}" holds legacy-encoded text: ${partsEn} were decoded to Unicode. Converting the file to Unicode is advised.`,
    });
  }
  const dataRows = table.rows.filter((r) => r.kind === 'data');
  const used = dataRows.filter((r) => r.indicator !== null).length;
  addFinding(ctx, 'notice', 'layout-read', {
    vi: `Tệp không theo biểu mẫu của công cụ; đã đọc bảng ở trang "${sheetName}", dòng tiêu đề ${table.headerRows.join('–')}: ${used}/${dataRows.length} dòng số liệu khớp chỉ tiêu. Xem chi tiết: cchc inspect.`,
    en: `The workbook is not our template; the table on sheet "${sheetName}", header row ${table.headerRows.join('–')}, was read: ${used}/${dataRows.length} data rows matched an indicator. Details: cchc inspect.`,
  }, { cell: `${table.columns[0]?.letter ?? 'A'}${table.headerRows[0] ?? 1}` });

  const report: UnitReport = {
    unitCode: unit.code,
    periodCode: period.code,
    submittedOn: submittedOn.date,
    planId: plan.id,
    templateVersion: null,
    indicators,
    activities: [],
    source: {},
  };
  if (file !== undefined) report.file = file;
  if (unitSource) report.source.unitCode = unitSource;
  if (periodSource) report.source.periodCode = periodSource;
  if (signed?.source.cell !== undefined) report.source.submittedOn = cellRef(file, sheetName, signed.source.cell);

  const layout: LayoutUnderstanding = {
    sheet: sheetName,
    sheetState: chosen.sheet.state,
    otherSheets,
    headerRows: table.headerRows,
    columns: table.columns,
    rows: table.rows,
    unit,
    period,
    submittedOn,
    legacyCells: legacy,
  };
  if (mapping) layout.mappingUnit = mapping.unit;
  return ok({ report, layout }, findings);
}
