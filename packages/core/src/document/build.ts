import type { ParagraphModel, RunModel, TableCellModel } from './model.ts';

/** Small constructors of the document model, so builders read as what they write. */

/** A run: text (NFC) and its look. */
export function run(text: string, look: Omit<RunModel, 'text'> = {}): RunModel {
  return { text: text.normalize('NFC'), ...look };
}

/** A paragraph of one run, or of the runs given. */
export function paragraph(content: string | RunModel[], style: Omit<ParagraphModel, 'kind' | 'runs'> = {}): ParagraphModel {
  return { kind: 'paragraph', runs: typeof content === 'string' ? [run(content)] : content, ...style };
}

/** A table cell of paragraphs. */
export function cell(blocks: ParagraphModel | ParagraphModel[], extra: Omit<TableCellModel, 'blocks'> = {}): TableCellModel {
  return { blocks: Array.isArray(blocks) ? blocks : [blocks], ...extra };
}

export { textWidthMm } from './measure.ts';
