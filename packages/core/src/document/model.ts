/**
 * The model of a Word document (báo cáo, công văn) as core builds it and a renderer writes it:
 * sections with their page set-up, paragraphs of runs, tables, and a page-number field — nothing
 * else (no other field, no formula: every figure is text core formatted). Geometry in
 * millimetres, font sizes and paragraph spacing in points. General enough for a report with
 * annexes and for a one-page letter; the Decree 30/2020/NĐ-CP layout is built from it in
 * `decree30.ts`.
 */

/** A whole document. */
export interface DocumentModel {
  /** Title stored in the document's properties (docProps/core.xml). */
  title: string;
  /** ISO `yyyy-mm-dd` stored as the created and modified date and on the package's zip entries. */
  createdOn: string;
  /** The font of every run (family) and the size (pt) of runs and paragraphs that set none. */
  font: { family: string; size: number };
  sections: SectionModel[];
}

/** Paper, orientation and margins of a section (mm). `header`: from the top edge to the page-number line. */
export interface PageModel {
  size: 'A4';
  orientation: 'portrait' | 'landscape';
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
}

/**
 * A part of the document with its own page set-up. Page numbers, when shown, are centred in the
 * top margin and continue from the section before: `fromSecondPage` shows none on the section's
 * first page (Decree 30/2020/NĐ-CP: none on page 1).
 */
export interface SectionModel {
  page: PageModel;
  pageNumbers: 'none' | 'fromSecondPage' | 'everyPage';
  blocks: BlockModel[];
}

/** What a section or a table cell holds. */
export type BlockModel = ParagraphModel | TableModel;

/** A run of text in one look. A `\n` in `text` is a line break inside the paragraph. */
export interface RunModel {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Points; default the paragraph's, else the document's. */
  size?: number;
}

/** A paragraph. Lengths in mm, spacing in points, line spacing as a multiple of single. */
export interface ParagraphModel {
  kind: 'paragraph';
  runs: RunModel[];
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Default size (pt) of the runs that set none. */
  size?: number;
  firstLineIndent?: number;
  indentLeft?: number;
  indentRight?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  /** 1 = single, 1.5 = one and a half lines. */
  lineSpacing?: number;
  keepWithNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  /** A rule under the paragraph (`bottom`: an empty paragraph drawn as a short line, its length set by the indents) or a box around it. */
  border?: 'bottom' | 'box';
  /** Outline level of a heading (0 = I., 1 = 1.), for the navigation pane. */
  outline?: number;
}

/** A table; its width is the sum of its column widths (mm). */
export interface TableModel {
  kind: 'table';
  columns: number[];
  rows: TableRowModel[];
  /** Single lines around every cell, or none (layout tables: the heading block, the signature). */
  borders: boolean;
  /** Rows at the top repeated on every page the table runs over. */
  headerRows: number;
}

/** A table row. `cantSplit`: keep the row on one page. */
export interface TableRowModel {
  cells: TableCellModel[];
  cantSplit?: boolean;
}

/** A table cell: its paragraphs, how many columns it spans, a fill (hex `RRGGBB`), vertical alignment. */
export interface TableCellModel {
  blocks: ParagraphModel[];
  span?: number;
  fill?: string;
  verticalAlign?: 'top' | 'center' | 'bottom';
}
