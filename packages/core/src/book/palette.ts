import type { StyleModel } from './model.ts';

/** ARGB colours of the workbooks we write. */
export const COLOR = {
  input: 'FFFFF9E0',
  locked: 'FFD9D9D9',
  header: 'FFDDEBF7',
  met: 'FFC6EFCE',
  notMet: 'FFFFE699',
  missing: 'FFD9D9D9',
  invalid: 'FFFFC7CE',
  notApplicable: 'FFFFFFFF',
  total: 'FFF2F2F2',
  tab: 'FF1F4E79',
  hint: 'FF404040',
} as const;

/** Number formats. `yesNo` shows 1 as "Có" and 0 as "Không". */
export const NUM_FMT = {
  percent: '0.0%',
  date: 'dd/mm/yyyy',
  integer: '#,##0',
  score: '0.00',
  text: '@',
  yesNo: '"Có";"Có";"Không"',
  changePercent: '+0.0%;-0.0%;0.0%',
  changeNumber: '+#,##0;-#,##0;0',
  changeScore: '+0.00;-0.00;0.00',
} as const;

const KEYS = ['bold', 'italic', 'size', 'fill', 'border', 'numFmt', 'horizontal', 'vertical', 'wrap', 'locked'] as const;

/**
 * The styles of one workbook by name. A style's name is made from its fields
 * (`bold fill=FFDDEBF7 border=all h=center`), so the same look always has the same name and
 * builders never declare a style twice; `name()` registers it on first use.
 */
export class Palette {
  readonly styles = new Map<string, StyleModel>();

  /** The name of `style`, registered in {@link styles}. */
  name(style: StyleModel): string {
    const parts: string[] = [];
    const clean: StyleModel = {};
    for (const key of KEYS) {
      const value = style[key];
      if (value === undefined) continue;
      (clean as Record<string, unknown>)[key] = value;
      parts.push(value === true ? key : `${key}=${String(value)}`);
    }
    const name = parts.length === 0 ? 'plain' : parts.join(' ');
    if (!this.styles.has(name)) this.styles.set(name, clean);
    return name;
  }
}
