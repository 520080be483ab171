/**
 * `xl/styles.xml`, reduced to what the domain needs per cell style (`<cellXfs><xf>`): the number
 * format code (built-in ids resolved; `General` dropped) and the font name (e.g. `.VnTime`,
 * `VNI-Times`, which tell legacy Vietnamese encodings apart).
 */
import type { XmlHandlers } from './xml.ts';

/**
 * Built-in number formats (ECMA-376 Part 1, §18.8.30). Ids 14–22 and 45–47 are dates/times,
 * 9/10 percentages. Codes 5–8 are the en-US currency forms (locale-dependent in Excel).
 */
export const BUILTIN_NUMBER_FORMATS: ReadonlyMap<number, string> = new Map([
  [0, 'General'],
  [1, '0'],
  [2, '0.00'],
  [3, '#,##0'],
  [4, '#,##0.00'],
  [5, '"$"#,##0_);("$"#,##0)'],
  [6, '"$"#,##0_);[Red]("$"#,##0)'],
  [7, '"$"#,##0.00_);("$"#,##0.00)'],
  [8, '"$"#,##0.00_);[Red]("$"#,##0.00)'],
  [9, '0%'],
  [10, '0.00%'],
  [11, '0.00E+00'],
  [12, '# ?/?'],
  [13, '# ??/??'],
  [14, 'mm-dd-yy'],
  [15, 'd-mmm-yy'],
  [16, 'd-mmm'],
  [17, 'mmm-yy'],
  [18, 'h:mm AM/PM'],
  [19, 'h:mm:ss AM/PM'],
  [20, 'h:mm'],
  [21, 'h:mm:ss'],
  [22, 'm/d/yy h:mm'],
  [37, '#,##0 ;(#,##0)'],
  [38, '#,##0 ;[Red](#,##0)'],
  [39, '#,##0.00;(#,##0.00)'],
  [40, '#,##0.00;[Red](#,##0.00)'],
  [45, 'mm:ss'],
  [46, '[h]:mm:ss'],
  [47, 'mmss.0'],
  [48, '##0.0E+0'],
  [49, '@'],
]);

/**
 * Locale-specific built-in ids (East Asian date forms and the like) with no fixed code, mapped to
 * the nearest standard id so a date stays recognisable as a date (the mapping SheetJS uses).
 */
const BUILTIN_ALIASES: ReadonlyMap<number, number> = new Map([
  [23, 0], [24, 0], [25, 0], [26, 0],
  [27, 14], [28, 14], [29, 14], [30, 14], [31, 14], [32, 21], [33, 21], [34, 21], [35, 21], [36, 14],
  [50, 14], [51, 14], [52, 14], [53, 14], [54, 14], [55, 14], [56, 14], [57, 14], [58, 14],
  [59, 1], [60, 2], [61, 3], [62, 4], [67, 9], [68, 10], [69, 12], [70, 13], [71, 14], [72, 14],
  [73, 15], [74, 16], [75, 17], [76, 20], [77, 21], [78, 22], [79, 45], [80, 46], [81, 47], [82, 0],
]);

/** What a cell style contributes to a cell. */
export interface CellStyle {
  /** Format code, absent for General. */
  numFmt?: string;
  /** Font name, when the style's font has one. */
  font?: string;
}

/** The styles part, reduced: `cellXfs[i]` is the style of a cell with `s="i"`. */
export interface Styles {
  cellXfs: CellStyle[];
}

/** Resolves a number format id against custom formats, then built-ins; `undefined` for General, unknown or NaN ids. */
export function numberFormatCode(id: number, custom: ReadonlyMap<number, string>): string | undefined {
  const code = custom.get(id) ?? BUILTIN_NUMBER_FORMATS.get(id) ?? BUILTIN_NUMBER_FORMATS.get(BUILTIN_ALIASES.get(id) ?? -1);
  if (code === undefined || code.toLowerCase() === 'general') return undefined;
  return code;
}

/**
 * XML handlers reading `styles.xml` into `out` (local names; `mc:AlternateContent` resolved to its
 * fallback by the XML layer). Only `<numFmts>`, `<fonts>` and `<cellXfs>` are looked at.
 */
export function stylesHandlers(out: Styles): XmlHandlers {
  const custom = new Map<number, string>();
  const fonts: (string | undefined)[] = [];
  let section: 'numFmts' | 'fonts' | 'cellXfs' | null = null;
  let inFont = false;
  return {
    open(name, attrs) {
      switch (name) {
        case 'styleSheet':
          return;
        case 'numFmts':
        case 'fonts':
        case 'cellXfs':
          section = name;
          return;
        case 'numFmt':
          if (section === 'numFmts') {
            const id = Number.parseInt(attrs['numFmtId'] ?? '', 10);
            const code = attrs['formatCode'];
            if (Number.isFinite(id) && code !== undefined) custom.set(id, code);
          }
          return true;
        case 'font':
          if (section !== 'fonts') return true;
          inFont = true;
          fonts.push(undefined);
          return;
        case 'name':
          if (inFont && fonts.length > 0) {
            const val = attrs['val'];
            if (val !== undefined && val !== '') fonts[fonts.length - 1] = val;
          }
          return true;
        case 'xf': {
          if (section !== 'cellXfs') return true;
          // Schema order puts numFmts and fonts before cellXfs, so both are known here.
          const style: CellStyle = {};
          const numFmt = numberFormatCode(Number.parseInt(attrs['numFmtId'] ?? '0', 10), custom);
          if (numFmt !== undefined) style.numFmt = numFmt;
          const font = fonts[Number.parseInt(attrs['fontId'] ?? '0', 10)];
          if (font !== undefined) style.font = font;
          out.cellXfs.push(style);
          return true;
        }
        default:
          // Font children (sz, color, b…) are read past; whole other sections are skipped.
          return section === null || (section === 'fonts' && !inFont) ? true : undefined;
      }
    },
    close(name) {
      if (name === 'font') inFont = false;
      else if (name === 'numFmts' || name === 'fonts' || name === 'cellXfs') section = null;
    },
  };
}
