import { addr } from './styles.ts';

/**
 * What the consolidated workbook's writers remember of the cells they wrote, so every formula's
 * cached result is computed from the same cells a spreadsheet engine reads.
 */

/** A cell value as a spreadsheet would see it, for computing cached formula results. */
export type Seen = number | string | null;

/** The values written to one sheet, keyed by A1 address, so formulas' cached results are computed from them. */
export class Written {
  private readonly cells = new Map<string, Seen>();
  set(address: string, value: Seen): void {
    this.cells.set(address, value);
  }
  private column(col: number, fromRow: number, toRow: number): Seen[] {
    const out: Seen[] = [];
    for (let row = fromRow; row <= toRow; row++) out.push(this.cells.get(addr(row, col)) ?? null);
    return out;
  }
  /** SUM over a column range: numbers only (text and blanks ignored). */
  sum(col: number, fromRow: number, toRow: number): number {
    return this.column(col, fromRow, toRow).reduce<number>((s, v) => (typeof v === 'number' ? s + v : s), 0);
  }
  /** COUNT over a column range: cells holding numbers. */
  count(col: number, fromRow: number, toRow: number): number {
    return this.column(col, fromRow, toRow).filter((v) => typeof v === 'number').length;
  }
  /** COUNTIF(range, text): case-insensitive equality with a text criterion (no wildcards used). */
  countText(col: number, fromRow: number, toRow: number, text: string): number {
    const want = text.toLocaleLowerCase('vi');
    return this.column(col, fromRow, toRow).filter((v) => typeof v === 'string' && v.toLocaleLowerCase('vi') === want).length;
  }
  /** The value at an address; null when nothing (or a blank) was written. */
  get(address: string): Seen {
    return this.cells.get(address) ?? null;
  }
}

/** `IF(den>0,num/den,"")` evaluated on numbers already written. */
export function ratioOf(num: Seen, den: Seen): number | '' {
  const n = typeof num === 'number' ? num : 0;
  return typeof den === 'number' && den > 0 ? n / den : '';
}

/**
 * The cached result of a plain reference formula (`='Tổng hợp'!H5`) to a cell holding `value`:
 * the value itself, `""` for an empty-string result; a reference to an empty cell gives 0 in
 * Excel and LibreOffice.
 */
export function referenced(value: Seen): number | string {
  return value === null ? 0 : value;
}
