/**
 * Reading typed values from the template's named cells, each with the findings an officer needs
 * when a value cannot be read (the cell is then read as blank, `null`, never 0).
 */
import { makeFinding, type CellRef, type Finding, type Message, type Severity } from '../finding.ts';
import { resolveName } from '../grid/access.ts';
import type { Cell, Grid } from '../grid/grid.ts';
import { cellNumber } from '../text/cell-number.ts';
import { cellText } from '../text/cell-text.ts';
import { parseDateCell } from '../text/dates.ts';
import { parsePercent } from '../text/percent.ts';
import { parseYesNo } from '../text/yes-no.ts';
import { formatNumber, formatPercent } from '../text/format.ts';
import { externalReferenceMessage, hasExternalReference } from './external-reference.ts';
import { cellSubject, rawForMessage } from './labels.ts';

/** What the cell readers share: the grid, the file name for findings, the unit (once known) and the findings list they append to. */
export interface ReadContext {
  grid: Grid;
  file?: string;
  unit?: string;
  findings: Finding[];
  /**
   * Template sheets already reported missing (`template-sheet-missing`): a name expected on one
   * of them (`nameSheets`) gives no `template-name-missing` of its own.
   */
  missingSheets?: ReadonlySet<string>;
  /** The template sheet each defined name belongs on (template/names.ts contract), with `missingSheets`. */
  nameSheets?: ReadonlyMap<string, string>;
}

/** A cell found through a defined name (or a table position), with its reference for `source` and findings. */
export interface Located {
  cell: Cell | undefined;
  ref: CellRef;
  /** What the cell holds, for messages, e.g. `{ vi: 'CT3a, tử số', en: 'CT3a numerator' }`. */
  what: Message;
  /** Indicator code the cell belongs to, for findings. */
  indicator?: string;
}

/** A `CellRef` with the file when known. */
export function cellRef(file: string | undefined, sheet: string, cell: string): CellRef {
  return file === undefined ? { sheet, cell } : { file, sheet, cell };
}

/** The cell a single-cell defined name designates (its top-left cell), or null when the name is missing or broken. */
export function locateName(ctx: ReadContext, name: string, what: Message, indicator?: string): Located | null {
  const resolved = resolveName(ctx.grid, name);
  if (!resolved) return null;
  const located: Located = { cell: resolved.sheet.cells.get(resolved.ref), ref: cellRef(ctx.file, resolved.sheet.name, resolved.ref), what };
  if (indicator !== undefined) located.indicator = indicator;
  return located;
}

/**
 * The warning `template-name-missing` for a defined name that is absent or broken (`#REF!`):
 * what the value was (`what`) and what is not read (`lost`, default "this value"). Nothing when
 * the name's sheet was already reported missing (`ctx.missingSheets`): one finding for the sheet,
 * not one per name.
 */
export function nameMissing(ctx: ReadContext, name: string, what: Message, location: { indicator?: string } = {}, lost?: Message): void {
  const sheet = ctx.nameSheets?.get(name);
  if (sheet !== undefined && ctx.missingSheets?.has(sheet)) return;
  const tail = lost ?? { vi: 'không đọc được giá trị này', en: 'this value is not read' };
  ctx.findings.push(
    makeFinding(
      'warning',
      'template-name-missing',
      {
        vi: `Biểu mẫu thiếu tên vùng "${name}" (${what.vi}) hoặc tên vùng bị hỏng; ${tail.vi}.`,
        en: `The template lacks the defined name "${name}" (${what.en}) or it is broken; ${tail.en}.`,
      },
      { ...(ctx.file === undefined ? {} : { file: ctx.file }), ...(ctx.unit === undefined ? {} : { unit: ctx.unit }), ...location },
    ),
  );
}

/**
 * Runs one cell reader and says whether it could not read what the cell holds: true when the
 * reader added an error finding (the value is then null and that error names the cell), so
 * validation adds no second finding ("blank") about the same cell.
 */
export function readTracked<T>(ctx: ReadContext, read: () => T): { value: T; unreadable: boolean } {
  const errorsBefore = countErrors(ctx.findings);
  const value = read();
  return { value, unreadable: value === null && countErrors(ctx.findings) > errorsBefore };
}

function countErrors(findings: readonly Finding[]): number {
  let n = 0;
  for (const f of findings) if (f.severity === 'error') n += 1;
  return n;
}

/** Appends a finding about a located cell: file, sheet, cell, unit and indicator filled in; message prefixed with the cell subject. */
export function addCellFinding(ctx: ReadContext, at: Located, severity: Severity, code: string, tail: Message): void {
  const subject = cellSubject(at.ref.cell, at.what);
  ctx.findings.push(
    makeFinding(
      severity,
      code,
      { vi: `${subject.vi}: ${tail.vi}`, en: `${subject.en}: ${tail.en}` },
      {
        ...(ctx.file === undefined ? {} : { file: ctx.file }),
        sheet: at.ref.sheet,
        cell: at.ref.cell,
        ...(ctx.unit === undefined ? {} : { unit: ctx.unit }),
        ...(at.indicator === undefined ? {} : { indicator: at.indicator }),
      },
    ),
  );
}

function raw(at: Located): string {
  return rawForMessage(at.cell?.value ?? null);
}

function uncomputed(ctx: ReadContext, at: Located): void {
  addCellFinding(ctx, at, 'warning', 'formula-not-computed', {
    vi: 'công thức chưa có kết quả (tệp chưa được tính lại); coi như để trống. Hãy mở tệp bằng Excel và lưu lại.',
    en: 'the formula has no computed result (the file was never recalculated); read as blank. Open and save the file in Excel.',
  });
}

/** A figure taken from another workbook through a formula: warning `formula-external-reference` naming the cell. */
function externalFigure(ctx: ReadContext, at: Located): void {
  const formula = at.cell?.formula;
  if (formula === undefined || !hasExternalReference(formula)) return;
  const value = at.cell?.value ?? null;
  const cached = value === null ? null : typeof value === 'number' ? formatNumber(value, 'vi', 4) : `"${rawForMessage(value)}"`;
  const cachedEn = value === null ? null : typeof value === 'number' ? formatNumber(value, 'en', 4) : `"${rawForMessage(value)}"`;
  addCellFinding(ctx, at, 'warning', 'formula-external-reference', {
    vi: externalReferenceMessage(formula, cached).vi,
    en: externalReferenceMessage(formula, cachedEn).en,
  });
}

/** What a percentage cell shows, as the unit typed it: `"85%"` (text as typed; a number cell in its % format). */
function typedPercentText(at: Located, lang: 'vi' | 'en'): string {
  const value = at.cell?.value ?? null;
  return typeof value === 'number' ? formatPercent(value, lang, 4) : rawForMessage(value);
}

/** A percentage typed where a count is expected: error `count-is-percent`, quoting what was typed. */
function percentNotCount(ctx: ReadContext, at: Located): void {
  addCellFinding(ctx, at, 'error', 'count-is-percent', {
    vi: `"${typedPercentText(at, 'vi')}" là tỷ lệ phần trăm, không phải số đếm; hãy ghi số đếm (số nguyên, ví dụ 17), không ghi tỷ lệ. Coi như để trống.`,
    en: `"${typedPercentText(at, 'en')}" is a percentage, not a count; enter the count (a whole number, e.g. 17), not a percentage. Read as blank.`,
  });
}

function notANumber(ctx: ReadContext, at: Located): void {
  addCellFinding(ctx, at, 'error', 'value-not-a-number', {
    vi: `"${raw(at)}" không phải là số; coi như để trống.`,
    en: `"${raw(at)}" is not a number; read as blank.`,
  });
}

/**
 * Reads a count (numerator, denominator, count value, quantity): a number, numeric text
 * (`"1.234"` → 1234, as an integer is expected) or a formula's cached number. Negative or
 * fractional numbers are returned as they are (validation rejects them).
 * Blank → null silently; unreadable → null with `value-not-a-number` (error); a percentage
 * (`"85%"` as text, or 0.85 in a cell formatted as %, which is what Excel stores when 85% is
 * typed) → null with `count-is-percent` (error) quoting it as typed, never 0.85 or 1;
 * formula without result → null with `formula-not-computed` (warning); a formula referring to
 * another workbook → its cached result, with `formula-external-reference` (warning).
 */
export function readCount(ctx: ReadContext, at: Located): number | null {
  externalFigure(ctx, at);
  const n = cellNumber(at.cell, { integer: true });
  if (n.ok) {
    if (!n.percent) return n.value;
    percentNotCount(ctx, at);
  } else if (n.reason === 'uncomputed') uncomputed(ctx, at);
  else if (n.reason !== 'empty') notANumber(ctx, at);
  return null;
}

/**
 * Reads the percentage a unit typed (fraction 0–1, see `parsePercent`). A cell holding a formula
 * (our live ratio) gives null: nothing typed. Blank → null; unreadable → null with
 * `value-not-a-number`; ambiguous text (`"1.234"`) → null with `value-ambiguous` (errors).
 */
export function readTypedPercent(ctx: ReadContext, at: Located): number | null {
  if (at.cell?.formula !== undefined) return null;
  const p = parsePercent(at.cell);
  if (p.ok) return p.value;
  if (p.reason === 'ambiguous') {
    addCellFinding(ctx, at, 'error', 'value-ambiguous', {
      vi: `"${raw(at)}" đọc được theo hai cách (dấu chấm/phẩy là phần nghìn hay phần thập phân); hãy ghi rõ, ví dụ 85,5%. Coi như để trống.`,
      en: `"${raw(at)}" can be read two ways (thousands or decimal separator); write it unambiguously, e.g. 85.5%. Read as blank.`,
    });
  } else if (p.reason === 'uncomputed') uncomputed(ctx, at);
  else if (p.reason !== 'empty') notANumber(ctx, at);
  return null;
}

/**
 * Reads a yes/no cell (`parseYesNo`: Có/Không, Đạt/Không đạt, x, 1/0, TRUE/FALSE). Blank → null; anything else
 * → null with `boolean-invalid` (error); formula without result → `formula-not-computed`; a
 * formula referring to another workbook → `formula-external-reference` (warning).
 */
export function readYesNo(ctx: ReadContext, at: Located): boolean | null {
  externalFigure(ctx, at);
  const b = parseYesNo(at.cell);
  if (b.ok) return b.value;
  if (b.reason === 'uncomputed') uncomputed(ctx, at);
  else if (b.reason === 'invalid') {
    addCellFinding(ctx, at, 'error', 'boolean-invalid', {
      vi: `"${raw(at)}" không phải là "Có" hoặc "Không"; coi như để trống.`,
      en: `"${raw(at)}" is not "Có" (yes) or "Không" (no); read as blank.`,
    });
  }
  return null;
}

/**
 * Reads a date (`parseDateCell`, day first) as ISO `yyyy-mm-dd`. Blank → null; unreadable or
 * impossible (31/02/2021) → null with `date-invalid` (error); formula without result → warning.
 */
export function readDate(ctx: ReadContext, at: Located): string | null {
  const d = parseDateCell(at.cell, ctx.grid.date1904);
  if (d.ok) return d.value;
  if (d.reason === 'uncomputed') uncomputed(ctx, at);
  else if (d.reason === 'nonexistent') {
    addCellFinding(ctx, at, 'error', 'date-invalid', {
      vi: `"${raw(at)}" không phải là ngày có thật; hãy ghi lại ngày đúng (ngày/tháng/năm, ví dụ 28/12/2020). Coi như để trống.`,
      en: `"${raw(at)}" is not a real date; enter the right date (day/month/year, e.g. 28/12/2020). Read as blank.`,
    });
  } else if (d.reason === 'invalid') {
    addCellFinding(ctx, at, 'error', 'date-invalid', {
      vi: `"${raw(at)}" không phải là ngày (ghi theo ngày/tháng/năm, ví dụ 28/12/2020); coi như để trống.`,
      en: `"${raw(at)}" is not a date (write day/month/year, e.g. 28/12/2020); read as blank.`,
    });
  }
  return null;
}

/** Reads a cell as normalised text (`cellText`); null when blank. Never raises a finding. */
export function readText(ctx: ReadContext, at: Located): string | null {
  return cellText(at.cell, ctx.grid.date1904);
}
