/**
 * Above a few thousand units the consolidated workbook is built with exceljs's streaming writer
 * (rows written out as they are complete). Officers must not be able to tell: every sheet has the
 * same cells, formulas, cached results and look (font, fill, border, number format, alignment),
 * the same merges, frozen panes, column widths, page setup and print titles, and the workbook
 * the same defined names and recalculation setting as the in-memory one; and it is as
 * deterministic.
 */
import { describe, expect, it } from 'vitest';
import { compareConsolidations, parsePreviousConsolidation } from '@cchc-kpi/core';
import { STREAMING_ABOVE_UNITS, writeConsolidated, type WriteConsolidatedOptions } from '../src/write/consolidated.ts';
import { consolidation, plan } from './write-fixtures.ts';
import { openXlsx, wellFormed, type XBook, type XSheet } from './write-ooxml.ts';

/** The style of a cell as the parts describe it: its `<xf>` with the font, fill, border and number format it points to. */
function look(book: XBook, s: number): string {
  const styles = new TextDecoder().decode(book.parts['xl/styles.xml']);
  const list = (tag: string, item: string): string[] => {
    const block = new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`).exec(styles)?.[1] ?? '';
    return block.match(new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, 'g')) ?? [];
  };
  const numFmts = new Map(list('numFmts', 'numFmt').map((n) => [/numFmtId="(\d+)"/.exec(n)?.[1], /formatCode="([^"]*)"/.exec(n)?.[1]]));
  const xf = book.cellXfs[s] ?? '';
  const attr = (name: string): string => new RegExp(`${name}="(\\d+)"`).exec(xf)?.[1] ?? '0';
  const numFmtId = attr('numFmtId');
  return JSON.stringify({
    font: list('fonts', 'font')[Number(attr('fontId'))],
    fill: list('fills', 'fill')[Number(attr('fillId'))],
    border: list('borders', 'border')[Number(attr('borderId'))],
    numFmt: numFmts.get(numFmtId) ?? numFmtId,
    alignment: /<alignment[^>]*\/>/.exec(xf)?.[0] ?? '',
    protection: /<protection[^>]*\/>/.exec(xf)?.[0] ?? '',
  });
}

/** What an officer sees of a sheet, independent of how the XML was serialised. */
function sheetView(book: XBook, sheet: XSheet): unknown {
  const cells = [...sheet.cells.values()]
    .filter((c) => c.value !== null || c.formula !== undefined || c.s !== 0)
    .map((c) => ({ ref: c.ref, value: c.value, formula: c.formula ?? null, look: look(book, c.s) }))
    .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  const all = (re: RegExp): string[] => (sheet.xml.match(re) ?? []).map((m) => m.replace(/\s+/g, ' '));
  const rowHeights = all(/<row [^>]*customHeight="1"[^>]*>/g).map((r) => `${/r="(\d+)"/.exec(r)?.[1]}:${/ht="([\d.]+)"/.exec(r)?.[1]}`);
  return {
    name: sheet.name,
    state: sheet.state,
    cells,
    merges: all(/<mergeCell [^>]*\/>/g).sort(),
    panes: all(/<pane [^>]*\/>/g),
    gridLines: /showGridLines="0"/.test(sheet.xml),
    cols: all(/<col [^>]*\/>/g).map((c) => `${/min="(\d+)"/.exec(c)?.[1]}-${/max="(\d+)"/.exec(c)?.[1]}:${/width="([\d.]+)"/.exec(c)?.[1]}`),
    rowHeights,
    fitToPage: /<pageSetUpPr [^>]*fitToPage="1"/.test(sheet.xml),
    pageSetup: all(/<pageSetup [^>]*\/>/g),
    margins: all(/<pageMargins [^>]*\/>/g),
    footer: all(/<oddFooter>[^<]*<\/oddFooter>/g),
  };
}

function workbookView(bytes: Uint8Array): unknown {
  const book = openXlsx(bytes);
  const workbookXml = new TextDecoder().decode(book.parts['xl/workbook.xml']);
  return {
    sheets: book.sheets.map((sheet) => sheetView(book, sheet)),
    definedNames: [...book.definedNames].sort((a, b) => (a.name + a.ref < b.name + b.ref ? -1 : 1)),
    fullCalcOnLoad: /<calcPr [^>]*fullCalcOnLoad="1"/.test(workbookXml),
    title: /<dc:title>([^<]*)<\/dc:title>/.exec(new TextDecoder().decode(book.parts['docProps/core.xml']))?.[1] ?? null,
  };
}

describe('writeConsolidated with the streaming writer', () => {
  const result = consolidation();
  const previous = parsePreviousConsolidation(
    JSON.stringify({
      plan: { id: plan.id },
      period: { code: '2020-H1', kind: 'half', year: 2020, index: 1 },
      units: [{ code: '18070', submitted: true, score: 80, rank: 2 }],
      totals: { indicators: { CT3a: { numerator: 180, denominator: 200, ratio: 0.9 } }, completeness: 1, timeliness: 0.5 },
    }),
    'prev.json',
  );
  if (!previous.ok) throw new Error('fixture');
  const cases: Array<[string, WriteConsolidatedOptions]> = [
    ['default options', {}],
    ['units by name, no cover', { sort: 'name', cover: false }],
    ['with a comparison sheet', { comparison: compareConsolidations(result, plan, previous.value) }],
  ];

  for (const [label, options] of cases) {
    it(`looks exactly like the in-memory workbook (${label})`, async () => {
      const inMemory = await writeConsolidated(result, plan, { ...options, streaming: false });
      const streamed = await writeConsolidated(result, plan, { ...options, streaming: true });
      expect(wellFormed(openXlsx(streamed).parts)).toEqual([]);
      expect(workbookView(streamed)).toEqual(workbookView(inMemory));
    });
  }

  it('gives byte-identical output for the same inputs', async () => {
    const a = await writeConsolidated(result, plan, { streaming: true });
    const b = await writeConsolidated(result, plan, { streaming: true });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it(`streams by default above ${STREAMING_ABOVE_UNITS} units only`, async () => {
    const inMemory = await writeConsolidated(result, plan, { streaming: false });
    expect(Buffer.from(await writeConsolidated(result, plan)).equals(Buffer.from(inMemory))).toBe(true);
    const many = { ...result, units: Array.from({ length: STREAMING_ABOVE_UNITS + 1 }, (_, i) => ({ ...result.units[0]!, code: `U${String(i).padStart(5, '0')}`, order: 1000 + i })) };
    const streamed = await writeConsolidated(many, plan, { cover: false });
    const streamedExplicit = await writeConsolidated(many, plan, { cover: false, streaming: true });
    expect(Buffer.from(streamed).equals(Buffer.from(streamedExplicit))).toBe(true);
    expect(Buffer.from(streamed).equals(Buffer.from(await writeConsolidated(many, plan, { cover: false, streaming: false })))).toBe(false);
  }, 120_000);
});
