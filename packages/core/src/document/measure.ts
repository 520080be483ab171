import { textWidthPx } from '../book/text-lines.ts';

/** Millimetres a single line of `text` takes at `size` points (Times New Roman glyph widths, see `textWidthPx`). */
export function textWidthMm(text: string, size: number, bold = false): number {
  return (textWidthPx(text, size, bold) * 25.4) / 96;
}
