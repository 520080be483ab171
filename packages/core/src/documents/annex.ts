import { a4, DECREE30, textWidth } from '../document/decree30.ts';
import { paragraph, run } from '../document/build.ts';
import type { BlockModel, SectionModel } from '../document/model.ts';

/**
 * An annex as a landscape section of its own (Decree 30/2020/NĐ-CP, Appendix I): its name
 * (`Phụ lục II`) and title centred in bold, the line naming the document it goes with in
 * italics, then its tables and notes; page numbers go on (top centre, every page).
 */
export function annexSection(name: string, title: string, of: string, blocks: BlockModel[]): SectionModel {
  const centred = (text: string, look: { bold?: boolean; italic?: boolean; size: number }, spaceAfter = 0) =>
    paragraph([run(text, look)], { align: 'center', spaceAfter, lineSpacing: 1, keepWithNext: true });
  return {
    page: a4('landscape'),
    pageNumbers: 'everyPage',
    blocks: [centred(name, { bold: true, size: 14 }), centred(title, { bold: true, size: 14 }), centred(of, { italic: true, size: 13 }, 12), ...blocks],
  };
}

/** The text width of a landscape annex page (mm). */
export const ANNEX_WIDTH = textWidth(a4('landscape'));

/** A note under an annex's table, italic at the table size. */
export function annexNote(text: string) {
  return paragraph([run(text, { italic: true, size: DECREE30.tableSize })], { spaceBefore: 6, spaceAfter: 0, lineSpacing: 1, align: 'justify' });
}
