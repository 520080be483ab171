/**
 * Yes/no answers as units type them — in the template's drop-down, by hand, or in the wording of
 * their own layouts ("Đạt", "Đã thực hiện"). The one yes/no vocabulary: the template reader and
 * the layout reader both read through `parseYesNo`.
 */
import type { Cell } from '../grid/grid.ts';
import { foldText } from './fold.ts';

/** Why a cell gives no yes/no answer: blank, unreadable, or a formula without cached result. */
export type YesNoFailure = 'empty' | 'invalid' | 'uncomputed';

/** A yes/no answer (`true` = Có), or why the cell holds none. */
export type ParsedYesNo = { ok: true; value: boolean } | { ok: false; reason: YesNoFailure };

/**
 * Folded words read as yes: the drop-down's `Có`, a tick `x`, `1`, `TRUE`, English `yes`, and the
 * wordings units write in their own tables (Đạt, Đã thực hiện, Hoàn thành, Đã triển khai…).
 */
const YES = new Set(['co', 'x', '1', 'true', 'yes', 'dat', 'da thuc hien', 'hoan thanh', 'da hoan thanh', 'co thuc hien', 'thuc hien', 'da trien khai', 'co trien khai']);
/** Folded words read as no: the drop-down's `Không`, `0`, `FALSE`, English `no`, and Không đạt, Chưa đạt, Chưa thực hiện… */
const NO = new Set(['khong', '0', 'false', 'no', 'khong dat', 'chua dat', 'chua thuc hien', 'khong thuc hien', 'chua', 'chua hoan thanh', 'chua trien khai']);

/**
 * Reads a yes/no cell (template drop-down `list_yes_no`: "Có"/"Không"):
 * - booleans as they are; numbers 1 → yes, 0 → no, other numbers → `invalid`;
 * - text, folded (any case, with or without diacritics, look-alike letters, a trailing `.` or `!`
 *   dropped): `Có`, `x`, `1`, `TRUE`, `yes`, `Đạt`, `Đã thực hiện`, `Hoàn thành`… → yes; `Không`,
 *   `0`, `FALSE`, `no`, `Không đạt`, `Chưa đạt`, `Chưa thực hiện`… → no; anything else → `invalid`;
 * - blank → `empty`; error values and date cells → `invalid`; formula without result → `uncomputed`.
 */
export function parseYesNo(cell: Cell | undefined): ParsedYesNo {
  if (!cell) return { ok: false, reason: 'empty' };
  if (cell.error || cell.isoDate !== undefined) return { ok: false, reason: 'invalid' };
  const value = cell.value;
  if (value === null) return { ok: false, reason: cell.formula !== undefined ? 'uncomputed' : 'empty' };
  if (typeof value === 'boolean') return { ok: true, value };
  if (typeof value === 'number') {
    if (value === 1) return { ok: true, value: true };
    if (value === 0) return { ok: true, value: false };
    return { ok: false, reason: 'invalid' };
  }
  const folded = foldText(value).replace(/[.!]+$/, '').trim();
  if (folded === '') return { ok: false, reason: 'empty' };
  if (YES.has(folded)) return { ok: true, value: true };
  if (NO.has(folded)) return { ok: true, value: false };
  return { ok: false, reason: 'invalid' };
}
