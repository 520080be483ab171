/**
 * How many lines a wrapped text takes in a cell, and how high its row must be: the one estimator
 * of row heights. Widths are Times New Roman's (Liberation Serif, which LibreOffice uses in its
 * place, has the same metrics), in thousandths of an em; Vietnamese letters take the width of
 * their base letter. Text is wrapped greedily at spaces, as spreadsheets do. Column widths and
 * line heights are Excel's, the tighter of the two programs (LibreOffice on a machine without
 * Calibri's metric twin draws columns wider and lines lower), checked against LibreOffice's own
 * row heights in test/printing-libreoffice.test.ts.
 */

const REGULAR: Record<string, number> = {};
const BOLD: Record<string, number> = {};

function table(target: Record<string, number>, letters: string, widths: readonly number[]): void {
  [...letters].forEach((ch, i) => {
    target[ch] = widths[i] ?? 500;
  });
}

table(REGULAR, 'abcdefghijklmnopqrstuvwxyz', [444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444]);
table(REGULAR, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', [722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611]);
table(BOLD, 'abcdefghijklmnopqrstuvwxyz', [500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444]);
table(BOLD, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', [722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667]);
const PUNCTUATION: Record<string, number> = {
  ' ': 250, '\u00a0': 250, '.': 250, ',': 250, ':': 278, ';': 278, '!': 333, '?': 444, "'": 180, '"': 408, '(': 333, ')': 333,
  '[': 333, ']': 333, '/': 278, '\\': 278, '-': 333, '–': 500, '—': 1000, '%': 833, '&': 778, '+': 564, '=': 564, '<': 564,
  '>': 564, '×': 564, '÷': 564, '…': 1000, '“': 444, '”': 444, '‘': 333, '’': 333, '*': 500, '#': 500, '@': 921, '_': 500,
  '≥': 549, '≤': 549, 'Σ': 600, '€': 500, '|': 200,
};

/** Width of one character in thousandths of an em. */
function charWidth(ch: string, bold: boolean): number {
  const known = PUNCTUATION[ch];
  if (known !== undefined) return bold && ch !== ' ' ? known + 20 : known;
  if (ch >= '0' && ch <= '9') return 500;
  const base = ch.normalize('NFD').charAt(0);
  if (ch === 'đ') return bold ? 556 : 500;
  if (ch === 'Đ') return 722;
  const widths = bold ? BOLD : REGULAR;
  const width = widths[base];
  if (width === undefined) return 560;
  // ơ and ư carry a horn that widens them a little
  return /[ơưƠƯ]/.test(ch.normalize('NFC').charAt(0)) || /\u031B/.test(ch.normalize('NFD')) ? width + 60 : width;
}

/**
 * Pixels (96 dpi) a text is wide at `size` points. Spreadsheets lay text out with each glyph's
 * advance in whole pixels, so each character is rounded up; 1 % is added for what rounding up
 * does not cover (measured against LibreOffice at 10–14 points: within 1 % of this, never wider).
 */
export function textWidthPx(text: string, size: number, bold = false): number {
  const pxPerEm = (size * 96) / 72 / 1000;
  let px = 0;
  for (const ch of text) px += Math.ceil(charWidth(ch, bold) * pxPerEm);
  return px * 1.01;
}

/** Pixels (96 dpi) of one unit of a model column width: the 7-pixel digit of Excel's default font. */
export const COLUMN_DIGIT_PX = 7;

/** Pixels of a digit of our workbooks' default font, Times New Roman 12 (renderers convert widths to it). */
export const FONT_DIGIT_PX = 8;

/** Pixels a column `width` (model units) takes. */
export function columnPx(width: number): number {
  return Math.round(width * COLUMN_DIGIT_PX);
}

/** Pixels left for text in a cell spanning columns of these widths (the spreadsheet's padding, 4 pixels each side). */
export function cellTextPx(widths: readonly number[]): number {
  return widths.reduce((sum, w) => sum + columnPx(w), 0) - 8;
}

/** Lines a text takes when wrapped at spaces into `widthPx` (a word longer than a line is broken). */
export function wrappedLines(text: string, widthPx: number, size: number, bold = false): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines += 1;
    let used = 0;
    const space = textWidthPx(' ', size, bold);
    for (const word of paragraph.split(' ')) {
      let w = textWidthPx(word, size, bold);
      const needed = used === 0 ? w : used + space + w;
      if (needed <= widthPx) {
        used = needed;
        continue;
      }
      if (used > 0) lines += 1;
      while (w > widthPx + 1e-9) {
        lines += 1;
        w -= widthPx;
      }
      used = w;
    }
  }
  return lines;
}

/**
 * Line height in points per point of font size: Excel's (a 12-point Times New Roman line takes
 * 15.75 points when Excel fits a row to it; LibreOffice needs about 12.7), so rows hold their
 * text in both.
 */
export const LINE_FACTOR = 1.3125;

/** Row height in points holding `lines` lines at `size` points (Excel's line height, plus a little room). */
export function rowHeightFor(lines: number, size: number): number {
  return Math.ceil((lines * size * LINE_FACTOR + 2) * 4) / 4;
}
