/**
 * The `docx` renderer of core's document model: sections, paragraphs of runs, tables and the
 * page-number field, nothing else. It decides no word and no figure (core's builders did);
 * it turns millimetres into twips and points into half-points, and makes the bytes
 * deterministic. Node and browsers (docx zips with fflate).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import { normalizeZip, type BlockModel, type DocumentModel, type ParagraphModel, type RunModel, type SectionModel, type TableModel } from '@cchc-kpi/core';

/** Twips (1/20 pt, 1/1440 inch) of `mm` millimetres, whole. */
export function twips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;
const V_ALIGN = { top: VerticalAlignTable.TOP, center: VerticalAlignTable.CENTER, bottom: VerticalAlignTable.BOTTOM } as const;
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } as const;

/** A run's pieces: a `\n` in the text becomes a line break. */
function runs(model: RunModel, font: string): TextRun[] {
  return model.text.split('\n').map(
    (text, i) =>
      new TextRun({
        text,
        font,
        ...(i > 0 ? { break: 1 } : {}),
        ...(model.bold ? { bold: true } : {}),
        ...(model.italic ? { italics: true } : {}),
        ...(model.underline ? { underline: {} } : {}),
        ...(model.size !== undefined ? { size: Math.round(model.size * 2) } : {}),
      }),
  );
}

function paragraph(model: ParagraphModel, font: string, pageNumber = false): Paragraph {
  const size = model.size;
  const children: ParagraphChild[] = model.runs.flatMap((r) => runs({ ...(size !== undefined ? { size } : {}), ...r }, font));
  if (pageNumber) children.push(new TextRun({ children: [PageNumber.CURRENT], font, ...(size !== undefined ? { size: Math.round(size * 2) } : {}) }));
  const indent = {
    ...(model.firstLineIndent ? { firstLine: twips(model.firstLineIndent) } : {}),
    ...(model.indentLeft ? { left: twips(model.indentLeft) } : {}),
    ...(model.indentRight ? { right: twips(model.indentRight) } : {}),
  };
  return new Paragraph({
    children,
    ...(model.align ? { alignment: ALIGN[model.align] } : {}),
    ...(Object.keys(indent).length > 0 ? { indent } : {}),
    spacing: {
      before: Math.round((model.spaceBefore ?? 0) * 20),
      after: Math.round((model.spaceAfter ?? 0) * 20),
      line: Math.round(240 * (model.lineSpacing ?? 1)),
      lineRule: LineRuleType.AUTO,
    },
    ...(model.keepWithNext ? { keepNext: true } : {}),
    ...(model.keepLines ? { keepLines: true } : {}),
    ...(model.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(model.border === 'bottom' ? { border: { bottom: LINE } } : model.border === 'box' ? { border: { top: LINE, bottom: LINE, left: LINE, right: LINE } } : {}),
    ...(model.outline !== undefined ? { outlineLevel: model.outline } : {}),
    // the paragraph mark's size sets an empty paragraph's height (a rule)
    ...(size !== undefined ? { run: { size: Math.round(size * 2), font } } : { run: { font } }),
  });
}

function table(model: TableModel, font: string): Table {
  const widths = model.columns.map(twips);
  const rows = model.rows.map((row, r) => {
    let col = 0;
    const cells = row.cells.map((c) => {
      const span = c.span ?? 1;
      const width = widths.slice(col, col + span).reduce((s, w) => s + w, 0);
      col += span;
      return new TableCell({
        children: c.blocks.map((p) => paragraph(p, font)),
        width: { size: width, type: WidthType.DXA },
        ...(span > 1 ? { columnSpan: span } : {}),
        ...(c.fill ? { shading: { fill: c.fill, type: ShadingType.CLEAR, color: 'auto' } } : {}),
        ...(c.verticalAlign ? { verticalAlign: V_ALIGN[c.verticalAlign] } : {}),
      });
    });
    return new TableRow({ children: cells, ...(row.cantSplit ? { cantSplit: true } : {}), ...(r < model.headerRows ? { tableHeader: true } : {}) });
  });
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: model.borders
      ? { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE }
      : TableBorders.NONE,
  });
}

function block(model: BlockModel, font: string): Paragraph | Table {
  return model.kind === 'paragraph' ? paragraph(model, font) : table(model, font);
}

/** The page number centred in the top margin, at the document's size. */
function pageNumberHeader(font: string, size: number): Header {
  return new Header({ children: [paragraph({ kind: 'paragraph', runs: [], align: 'center', size }, font, true)] });
}

function section(model: SectionModel, doc: DocumentModel): ISectionOptions {
  const { family, size } = doc.font;
  const { margins, orientation } = model.page;
  const numbered = model.pageNumbers !== 'none';
  return {
    properties: {
      page: {
        size: { width: twips(210), height: twips(297), orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: twips(margins.top), bottom: twips(margins.bottom), left: twips(margins.left), right: twips(margins.right), header: twips(margins.header), footer: twips(margins.footer) },
      },
      ...(model.pageNumbers === 'fromSecondPage' ? { titlePage: true } : {}),
    },
    headers: numbered
      ? { default: pageNumberHeader(family, size), ...(model.pageNumbers === 'fromSecondPage' ? { first: new Header({ children: [new Paragraph({ children: [] })] }) } : {}) }
      : { default: new Header({ children: [new Paragraph({ children: [] })] }) },
    children: model.blocks.map((b) => block(b, family)),
  };
}

/** `docProps/core.xml` with its created and modified times set to the model's date (00:00 UTC), not the clock's. */
function fixedCoreTimes(xml: string, isoDate: string): string {
  const stamp = `${isoDate}T00:00:00Z`;
  return xml.replace(/(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`);
}

/**
 * Renders a document model to .docx bytes: one Word section per model section (A4, orientation,
 * margins; page numbers — a PAGE field, the only field written — centred in the header, absent
 * on the first page with `fromSecondPage`), paragraphs and tables as the model says, every run in
 * the model's font. The package is re-zipped deterministically (`normalizeZip`) with
 * `docProps/core.xml`'s times set to `createdOn`, so the same model gives the same bytes.
 * @throws RangeError when `createdOn` is not an ISO date of 1980–2099.
 */
export async function renderDocx(model: DocumentModel): Promise<Uint8Array> {
  const { family, size } = model.font;
  const doc = new Document({
    title: model.title,
    creator: 'cchc-kpi',
    lastModifiedBy: 'cchc-kpi',
    styles: {
      default: {
        document: { run: { font: family, size: Math.round(size * 2) } },
      },
    },
    sections: model.sections.map((s) => section(s, model)),
  });
  const packed = await Packer.pack(doc, 'uint8array');
  return normalizeZip(packed, model.createdOn, { 'docProps/core.xml': (xml) => fixedCoreTimes(xml, model.createdOn) });
}
