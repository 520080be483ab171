import type { ReportHeading } from '../plan/schema.ts';
import { NATIONAL_MOTTO, NATIONAL_NAME, issuingBodyLines, numberLine, signatureLines } from '../vocabulary/headings.ts';
import { placeAndDate } from '../vocabulary/dates.ts';
import { DRAFT_MARK, RECIPIENTS_HEADING } from '../vocabulary/documents.ts';
import { cell, paragraph, run } from './build.ts';
import { textWidthMm } from './measure.ts';
import type { PageModel, ParagraphModel, RunModel, TableCellModel, TableModel, TableRowModel } from './model.ts';

/**
 * The administrative layout of Decree 30/2020/NĐ-CP (Appendix I) in the document model: A4, margins
 * top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; body 14 pt, justified, first
 * line indented 1 cm, 6 pt after each paragraph, lines 1.15 apart (single to 1.5 allowed); the
 * heading block (issuer and national motto, each with its short rule, the number line and the
 * place-and-date line), the document type and summary line, headings numbered I., 1., a), the
 * recipients and the signature block. Builders of reports and letters compose these.
 */
export const DECREE30 = {
  font: 'Times New Roman',
  /** Body text (13–14 pt). */
  bodySize: 14,
  /** Issuer, national name, number line (12–13 pt). */
  headingSize: 13,
  /** Tables of figures. */
  tableSize: 12,
  /** Recipients' lines (11 pt), their heading 12 pt. */
  recipientsSize: 11,
  firstLineIndent: 10,
  spaceAfter: 6,
  lineSpacing: 1.15,
} as const;

const MARGINS = { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 } as const;

/** An A4 page in the decree's margins. */
export function a4(orientation: PageModel['orientation']): PageModel {
  return { size: 'A4', orientation, margins: { ...MARGINS } };
}

/** The width (mm) text has between the margins of `page`. */
export function textWidth(page: PageModel): number {
  const across = page.orientation === 'portrait' ? 210 : 297;
  return across - page.margins.left - page.margins.right;
}

/** A body paragraph: justified, first line indented 1 cm, 6 pt after, body size. */
export function body(content: string | RunModel[], extra: Omit<ParagraphModel, 'kind' | 'runs'> = {}): ParagraphModel {
  return paragraph(content, {
    align: 'justify',
    firstLineIndent: DECREE30.firstLineIndent,
    spaceAfter: DECREE30.spaceAfter,
    lineSpacing: DECREE30.lineSpacing,
    ...extra,
  });
}

/**
 * A heading of the outline: level 0 `I. KẾT QUẢ THỰC HIỆN` (bold), level 1 `1. Tình hình gửi báo
 * cáo` (bold), level 2 `a) …` (bold italic); indented like the body, kept with what follows.
 */
export function heading(level: 0 | 1 | 2, text: string): ParagraphModel {
  return body([run(text, { bold: true, ...(level === 2 ? { italic: true } : {}) })], { keepWithNext: true, outline: level, spaceBefore: level === 0 ? 6 : 0 });
}

/** A short rule `width` mm long, centred within `within` mm: an empty paragraph with a bottom border. */
export function rule(width: number, within: number): ParagraphModel {
  const side = Math.max(0, (within - width) / 2);
  return paragraph([], { align: 'center', border: 'bottom', indentLeft: side, indentRight: side, size: 2, spaceBefore: 2, spaceAfter: 0, lineSpacing: 1 });
}

const centred = (text: string, look: Omit<RunModel, 'text'>, extra: Omit<ParagraphModel, 'kind' | 'runs'> = {}): ParagraphModel =>
  paragraph([run(text, look)], { align: 'center', spaceAfter: 0, lineSpacing: 1, ...extra });

/** What the heading block shows besides the plan's `report` block: the number (blank for the clerk) and the ISO date. */
export interface HeadingLines {
  number: string;
  date: string;
  /** Print `DỰ THẢO` in a box above the block. */
  draft?: boolean;
}

/**
 * The heading block (Decree 30/2020/NĐ-CP, Appendix I), a borderless two-column table as wide as
 * the text: left, the governing body (regular) when there is one, the issuing body (bold
 * capitals, a People's Committee on two lines) with a short rule a third of its longest line
 * under it, then `Số: 07/BC-UBND`; right, the national name (bold capitals), the motto (bold) with
 * a rule as long as the motto, then the place-and-date line in italics. Preceded by the boxed
 * draft mark when asked.
 */
export function headingBlock(heading: ReportHeading, lines: HeadingLines, width: number): Array<ParagraphModel | TableModel> {
  const size = DECREE30.headingSize;
  // the right column holds the national name on one line (with the cell's margins), the left the rest
  const right = Math.max(Math.round(width * 0.6), Math.ceil(textWidthMm(NATIONAL_NAME, size, true) + 6));
  const left = width - right;
  const issuer = issuingBodyLines(heading);
  const issuerWidth = Math.max(...issuer.map((line) => textWidthMm(line, size, true)), 0);
  const leftTop: ParagraphModel[] = [
    ...(heading.parentBody.trim() === '' ? [] : [centred(heading.parentBody.toLocaleUpperCase('vi'), { size })]),
    ...issuer.map((line) => centred(line, { bold: true, size })),
    rule(Math.max(15, issuerWidth / 3), left),
  ];
  const rightTop: ParagraphModel[] = [
    centred(NATIONAL_NAME, { bold: true, size }),
    centred(NATIONAL_MOTTO, { bold: true, size: 14 }),
    rule(textWidthMm(NATIONAL_MOTTO, 14, true), right),
  ];
  const rows: TableRowModel[] = [
    { cells: [cell(leftTop), cell(rightTop)], cantSplit: true },
    {
      cells: [
        cell(centred(numberLine(lines.number, heading.symbol), { size }, { spaceBefore: 6 })),
        cell(centred(placeAndDate(heading.place, lines.date), { italic: true, size: 14 }, { spaceBefore: 6 })),
      ],
      cantSplit: true,
    },
  ];
  const block: TableModel = { kind: 'table', columns: [left, right], rows, borders: false, headerRows: 0 };
  if (!lines.draft) return [block];
  const markWidth = textWidthMm(DRAFT_MARK, 12, true) + 6;
  return [paragraph([run(DRAFT_MARK, { bold: true, size: 12 })], { align: 'center', border: 'box', indentLeft: width - markWidth, spaceAfter: 6, lineSpacing: 1 }), block];
}

/** The document type (`BÁO CÁO`) and its summary line, centred in bold, with a short rule under them. */
export function titleBlock(type: string, summary: string, width: number): ParagraphModel[] {
  return [
    centred(type, { bold: true, size: 14 }, { spaceBefore: 18 }),
    centred(summary, { bold: true, size: 14 }, { indentLeft: 10, indentRight: 10 }),
    rule(Math.min(40, width / 3), width),
    paragraph([], { spaceAfter: 6 }),
  ];
}

/**
 * Recipients (`Nơi nhận:` bold italic 12 pt, then `- line` at 11 pt) at the left and the signature
 * block at the right (the lines of `signatureLines` in bold, room for the signature and seal, the
 * signer's name in bold), a borderless table kept on one page.
 */
export function signatureBlock(heading: ReportHeading, width: number): TableModel {
  const left = Math.round(width * 0.45);
  const right = width - left;
  const recipients: ParagraphModel[] = [
    paragraph([run(RECIPIENTS_HEADING, { bold: true, italic: true, size: 12 })], { spaceAfter: 0, lineSpacing: 1, keepWithNext: true }),
    ...heading.recipients.map((line) => paragraph([run(`- ${line}`, { size: DECREE30.recipientsSize })], { spaceAfter: 0, lineSpacing: 1, keepWithNext: true })),
  ];
  const signer: ParagraphModel[] = [
    ...signatureLines(heading).map((line) => centred(line, { bold: true, size: 14 }, { keepWithNext: true })),
    ...Array.from({ length: 4 }, () => paragraph([], { spaceAfter: 0, keepWithNext: true })),
    centred(heading.signer.name.trim() === '' ? '' : heading.signer.name, { bold: true, size: 14 }),
  ];
  const cells: TableCellModel[] = [cell(recipients), cell(signer)];
  return { kind: 'table', columns: [left, right], rows: [{ cells, cantSplit: true }], borders: false, headerRows: 0 };
}

/** A column of a table of figures: header, width (mm), alignment of its cells. */
export interface DataColumn {
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** A cell of a data table: text (a `\n` breaks the line) and its look. */
export type DataCell = string | { text: string; bold?: boolean; italic?: boolean; span?: number; align?: 'left' | 'center' | 'right' };

/** The fill of a data table's header row. */
export const HEADER_FILL = 'E7E6E6';

/**
 * A table of figures (annexes): the header row shaded, in bold and repeated on every page, then
 * one row per entry at the table size (12 pt by default), each kept on one page. Every figure is
 * text the builder formatted: no field, no formula.
 */
export function dataTable(columns: readonly DataColumn[], rows: ReadonlyArray<readonly DataCell[]>, size: number = DECREE30.tableSize): TableModel {
  const at = (text: string, look: Omit<RunModel, 'text'>, align: 'left' | 'center' | 'right'): ParagraphModel =>
    paragraph([run(text, { size, ...look })], { align, spaceAfter: 0, lineSpacing: 1 });
  const header: TableRowModel = {
    cells: columns.map((c) => cell(at(c.header, { bold: true }, 'center'), { fill: HEADER_FILL, verticalAlign: 'center' })),
    cantSplit: true,
  };
  const body: TableRowModel[] = rows.map((row) => {
    let col = 0;
    const cells = row.map((value) => {
      const spec = typeof value === 'string' ? { text: value } : value;
      const column = columns[col];
      col += spec.span ?? 1;
      const look: Omit<RunModel, 'text'> = { ...(spec.bold ? { bold: true } : {}), ...(spec.italic ? { italic: true } : {}) };
      return cell(at(spec.text, look, spec.align ?? column?.align ?? 'left'), { verticalAlign: 'center', ...(spec.span ? { span: spec.span } : {}) });
    });
    return { cells, cantSplit: true };
  });
  return { kind: 'table', columns: columns.map((c) => c.width), rows: [header, ...body], borders: true, headerRows: 1 };
}
