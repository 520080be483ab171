/**
 * What a row below the header is: a data row, or one to skip — a Roman-numeral or lettered
 * section heading, a total row, the (1) (2) (3) column-number row, a blank row — or the end of the
 * table (the signature block).
 */
import { cellNumber } from '../../text/cell-number.ts';
import { foldText } from '../../text/fold.ts';
import { FIGURE_ROLES } from './header.ts';
import type { SheetView } from './sheet-view.ts';
import type { LayoutColumn, RowKind } from './types.ts';

/** A row kind, or `blank` (nothing in the table's columns) or `end` (the table is over). */
export type RowClass = RowKind | 'blank' | 'end';

const ROMAN = /^(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3}|xiv|xvi{0,3})$/i;
/** A column-number cell: `1`, `(2)`, `[3]`, `6=5/4`, `(6)=(5)/(4)*100`, `A`, `B`. */
const NUMBERING = /^(?:[([]?\s*\d{1,2}[a-z]?\s*[)\]]?(?:\s*[=*/x×:+-]\s*[([]?\s*\d{1,3}[a-z]?\s*[)\]]?)*\s*(?:%|x\s*100\s*%?)?|[A-Z])$/i;
/** Folded openings of the signature block and footers. */
const END = /^(?:nguoi lap|nguoi bao cao|nguoi tong hop|thu truong|t\/m|tm\.|tm |chu tich|pho chu tich|noi nhan|ky ten|ky, ghi ro|xac nhan|lanh dao|can bo tong hop)/;
/** A place-and-date line: "Bắc Hà, ngày 20 tháng 6 năm 2021". */
const DATE_LINE = /^(?:[^,0-9]{0,40},\s*)?ngay\s*\.*\s*\d{0,2}\s*\.*\s*thang\s*\.*\s*\d{0,2}\s*\.*\s*nam\s*\d{0,4}\s*$/;
/** Folded total-row wordings. */
const TOTAL = /^(?:tong cong|cong|tong|tong so|cong chung|tong hop chung)\s*[:.]?$|^tong cong\b/;

/** True when a row is the column-number row under a header: at least three cells, all column numbers. */
export function isNumberingRow(view: SheetView, row: number, columns: readonly LayoutColumn[]): boolean {
  const texts = columns.map((c) => view.text(row, c.col)).filter((t) => t !== '');
  return texts.length >= 3 && texts.every((t) => NUMBERING.test(t));
}

/** True when the text is a Roman numeral (`I`, `II.`, `IV)`) or starts with one followed by `.`, `)`, `-` or `:` (`III. CÔNG TÁC…`); `Vi phạm` is not. */
export function startsWithRoman(text: string): boolean {
  const m = /^([IVXivx]{1,5})(?:\s*[.)\-–:]|\s*$)/.exec(text.trim());
  return m !== null && ROMAN.test(m[1] ?? '');
}

/**
 * True when a row holds a figure: a number (or numeric text, or a formula) in a figure column
 * (total, achieved, percent, plan, target, planned, previous) outside merged ranges' covered cells.
 * Words in those columns ("TM. UBND PHƯỜNG", "Đạt") are not figures.
 */
export function rowHasFigures(view: SheetView, row: number, columns: readonly LayoutColumn[]): boolean {
  return columns.some((c) => {
    if (!FIGURE_ROLES.has(c.role) || view.isCovered(row, c.col)) return false;
    const cell = view.cell(row, c.col);
    if (cell === undefined) return false;
    if (cell.formula !== undefined) return true;
    const n = cellNumber(cell);
    return n.ok || n.reason === 'ambiguous';
  });
}

/**
 * Classifies a row below the header, given the table's columns:
 * - `blank`: nothing (non-covered) in the table's columns;
 * - `end`: no figures and the wording (or the first non-blank cell) opens the signature block
 *   ("Người lập biểu", "TM. UBND", "Nơi nhận", "Chủ tịch"…) or is a place-and-date line;
 * - `numbering`: the (1) (2) (3) row;
 * - `section`: the order cell (or the wording) is a Roman numeral (`I`, `II.`), or a single letter
 *   (`A`, `b)`) with no figures; or the wording is in capitals with no order number and no figures;
 * - `total`: the wording is "Tổng cộng", "Cộng", "Tổng" or "Tổng số" alone;
 * - `data`: anything else.
 */
export function classifyRow(view: SheetView, row: number, columns: readonly LayoutColumn[]): RowClass {
  const cellText = (role: LayoutColumn['role']): string => {
    const column = columns.find((c) => c.role === role);
    return column ? view.text(row, column.col) : '';
  };
  const nonBlank = columns.filter((c) => view.text(row, c.col) !== '');
  if (nonBlank.length === 0) return 'blank';
  const hasFigures = rowHasFigures(view, row, columns);
  const text = cellText('text');
  const order = cellText('order');
  const first = view.text(row, nonBlank[0]?.col ?? 0);
  if (!hasFigures) {
    const opening = foldText(text !== '' ? text : first);
    if (END.test(opening) || DATE_LINE.test(opening)) return 'end';
  }
  if (isNumberingRow(view, row, columns)) return 'numbering';
  const orderTrim = order.trim();
  if (orderTrim !== '' && startsWithRoman(orderTrim)) return 'section';
  if (orderTrim === '' && startsWithRoman(text) && /^[IVX]/.test(text.trim())) return 'section';
  if (/^[A-Za-z]\s*[.)]?$/.test(orderTrim) && !hasFigures) return 'section';
  if (orderTrim === '' && /^[A-Za-zĐđ]\s*[.)]\s+\S/.test(text) && !hasFigures) return 'section';
  if (TOTAL.test(foldText(text)) || (text === '' && TOTAL.test(foldText(order)))) return 'total';
  if (orderTrim === '' && !hasFigures && text !== '' && text === text.toUpperCase() && /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]{3,}/.test(text)) return 'section';
  return 'data';
}
