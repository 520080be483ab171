/**
 * How many lines a wrapped text takes in a cell, and how high its row must be: the one estimator
 * of row heights. Widths are Times New Roman's (Liberation Serif, which LibreOffice uses in its
 * place, has the same metrics), in thousandths of an em; Vietnamese letters take the width of
 * their base letter. Text is wrapped greedily at spaces, as spreadsheets do.
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

/** Pixels (96 dpi) a text is wide at `size` points. */
export function textWidthPx(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch, bold);
  return (em / 1000) * size * (96 / 72);
}

/** Pixels a column `width` characters wide takes (Excel's rule for the default font's 7-pixel digit). */
export function columnPx(width: number): number {
  return Math.floor(width * 7 + 5);
}

/** Pixels left for text in a cell spanning columns of these widths (a few pixels of padding each side). */
export function cellTextPx(widths: readonly number[]): number {
  return widths.reduce((sum, w) => sum + columnPx(w), 0) - 6;
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
      while (w > widthPx) {
        lines += 1;
        w -= widthPx;
      }
      used = w;
    }
  }
  return lines;
}

/** Line height, in points per point of font size (Liberation Serif / Times New Roman with the spreadsheet's leading). */
export const LINE_FACTOR = 1.17;

/** Row height in points holding `lines` lines at `size` points. */
export function rowHeightFor(lines: number, size: number): number {
  return Math.ceil((lines * size * LINE_FACTOR + 4) * 4) / 4;
}
