/**
 * Issue 14: what is a convention is printed as such wherever a target is shown. This lists every
 * place a target is printed — each unit's form (`cchc template`), the consolidated workbook (the
 * totals sheet and the cover) and the HTML report (`cchc consolidate --html`) — by looking for the
 * plan's wording of each target in every cell, and asserts that each carries its basis label from
 * the one vocabulary function `targetText`: "(theo kế hoạch)" for the six targets plan
 * 163/KH-UBND sets, "(quy ước; kế hoạch không nêu số cụ thể)" for CT2a, CT5a and CT5b. A target
 * printed anywhere without its label fails the test.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hatinh2021, targetBasisLabel, targetText, type Grid, type Indicator } from '@cchc-kpi/core';
import { readGrid } from '@cchc-kpi/xlsx';
import { runCli } from './support/cli.ts';
import { writeSmallExample } from './support/small-example.ts';

const CONVENTIONS = ['CT2a', 'CT5a', 'CT5b'];

let dir = '';
let forms: Array<{ file: string; grid: Grid }> = [];
let workbook: Grid;
let html = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-basis-'));
  // a ward, a commune and the two centres: every form layout (CT2a open only on the culture centre's)
  const template = runCli(['template', '--unit', '18070', '18088', 'TTVHTT', 'TTHCC', '--period', '2021-H1', '--out', join(dir, 'forms'), '--quiet']);
  expect(template.status, template.stderr).toBe(0);
  forms = ['18070', '18088', 'TTVHTT', 'TTHCC'].map((code) => {
    const file = `${code}-2021-H1.xlsx`;
    const grid = readGrid(new Uint8Array(readFileSync(join(dir, 'forms', file))));
    if (!grid.ok) throw new Error(file);
    return { file, grid: grid.value };
  });
  const { reports, units } = await writeSmallExample(dir);
  const run = runCli(['consolidate', reports, '--period', '2021-H1', '--units', units, '--out', join(dir, 'tong-hop.xlsx'), '--html', join(dir, 'bao-cao.html'), '--quiet']);
  expect(run.status, run.stderr).toBe(0);
  const grid = readGrid(new Uint8Array(readFileSync(join(dir, 'tong-hop.xlsx'))));
  if (!grid.ok) throw new Error('workbook');
  workbook = grid.value;
  html = readFileSync(join(dir, 'bao-cao.html'), 'utf8');
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A printed target: where, which indicator (the code on its row), and the text printed. */
interface Printed {
  where: string;
  code: string | null;
  text: string;
}

/** The indicator whose plan wording `text` starts with (the longest wording wins: "Có (kèm…)" over "Có"). */
function wordingOf(text: string): Indicator | undefined {
  return [...hatinh2021.indicators].sort((a, b) => b.targetText.vi.length - a.targetText.vi.length).find((i) => text.startsWith(i.targetText.vi));
}

/** Every cell of the sheets that starts with a target's wording, with the indicator code found on its row. */
function printedInGrid(grid: Grid, label: string, sheets?: readonly string[]): Printed[] {
  const out: Printed[] = [];
  for (const sheet of grid.sheets) {
    if (sheets && !sheets.includes(sheet.name)) continue;
    const rows = new Map<number, Array<[string, unknown]>>();
    for (const [ref, cell] of sheet.cells) {
      const row = Number(/\d+$/.exec(ref)![0]);
      rows.set(row, [...(rows.get(row) ?? []), [ref, cell.value]]);
    }
    for (const [ref, cell] of sheet.cells) {
      if (typeof cell.value !== 'string' || wordingOf(cell.value) === undefined) continue;
      const row = Number(/\d+$/.exec(ref)![0]);
      const code = (rows.get(row) ?? []).map(([, v]) => v).find((v): v is string => typeof v === 'string' && hatinh2021.indicators.some((i) => i.code === v)) ?? null;
      out.push({ where: `${label} ${sheet.name}!${ref}`, code, text: cell.value });
    }
  }
  return out;
}

/** Every table cell of the HTML report that starts with a target's wording, with the code of its row. */
function printedInHtml(page: string): Printed[] {
  const out: Printed[] = [];
  const unescape = (s: string): string => s.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  for (const [, row] of page.matchAll(/<tr>(.*?)<\/tr>/gs)) {
    // numeric cells (class "n": counts, ratios such as "100%") hold figures, not targets
    const cells = [...row!.matchAll(/<td( class="n[^"]*")?[^>]*>(.*?)<\/td>/gs)].map((m) => ({ numeric: m[1] !== undefined, text: unescape(m[2]!) }));
    const code = cells.find((c) => hatinh2021.indicators.some((i) => i.code === c.text))?.text ?? null;
    cells.filter((c) => !c.numeric && wordingOf(c.text) !== undefined).forEach((c) => out.push({ where: 'HTML', code, text: c.text }));
  }
  return out;
}

/** Each printed target is its indicator's `targetText` exactly: the wording and the basis label. */
function expectLabelled(printed: Printed[]): void {
  for (const p of printed) {
    const indicator = hatinh2021.indicators.find((i) => i.code === p.code);
    expect(indicator, `${p.where}: no indicator code on the row of "${p.text}"`).toBeDefined();
    expect(p.text, p.where).toBe(targetText(indicator!).vi);
    expect(p.text, p.where).toContain(`(${targetBasisLabel(indicator!.target.basis).vi})`);
  }
}

describe('every printed target carries its basis label', () => {
  it('the labels: six targets are the plan’s, three are conventions', () => {
    const labels = hatinh2021.indicators.map((i) => [i.code, targetText(i).vi]);
    expect(labels).toEqual([
      ['CT1', '100% (theo kế hoạch)'],
      ['CT2a', 'Tăng thời lượng so với cùng kỳ năm trước (quy ước; kế hoạch không nêu số cụ thể)'],
      ['CT2b', '100% (theo kế hoạch)'],
      ['CT3a', '100% (theo kế hoạch)'],
      ['CT3b', '100% (theo kế hoạch)'],
      ['CT4a', '100% (theo kế hoạch)'],
      ['CT4b', '100% (theo kế hoạch)'],
      ['CT5a', 'Ít nhất 1 hoạt động trong kỳ (quy ước; kế hoạch không nêu số cụ thể)'],
      ['CT5b', 'Có (kèm tài liệu kiểm chứng) (quy ước; kế hoạch không nêu số cụ thể)'],
    ]);
    expect(hatinh2021.indicators.filter((i) => targetText(i).vi.includes('quy ước')).map((i) => i.code)).toEqual(CONVENTIONS);
    expect(targetText(hatinh2021.indicators[0]!).en).toBe('100% (per the plan)');
  });

  it('on the form: the "Chỉ tiêu kế hoạch" column of every layout, each of the nine targets once, labelled', () => {
    for (const { file, grid } of forms) {
      const printed = printedInGrid(grid, file, ['Báo cáo']);
      expect(printed.map((p) => [p.code, p.where.replace(/\d+$/, '')]), file).toEqual(hatinh2021.indicators.map((i) => [i.code, `${file} Báo cáo!E`]));
      expectLabelled(printed);
    }
    // and nowhere else on the form without its label (the guide lists each target after its code)
    for (const { file, grid } of forms) expectLabelled(printedInGrid(grid, file).filter((p) => !p.where.includes('Báo cáo!')));
  });

  it('in the consolidated workbook: the totals sheet and the cover, each of the nine targets once, labelled', () => {
    const printed = printedInGrid(workbook, 'tong-hop.xlsx');
    const bySheet = (sheet: string): Array<string | null> => printed.filter((p) => p.where.includes(` ${sheet}!`)).map((p) => p.code);
    const codes = hatinh2021.indicators.map((i) => i.code);
    expect(bySheet('Tổng hợp')).toEqual(codes);
    expect(bySheet('Báo cáo tóm tắt')).toEqual(codes);
    expect(printed).toHaveLength(2 * codes.length); // no other sheet prints a target
    expectLabelled(printed);
  });

  it('in the HTML report: the indicators table and the table of bases, each of the nine targets, labelled', () => {
    const printed = printedInHtml(html);
    const codes = hatinh2021.indicators.map((i) => i.code);
    expect(printed.map((p) => p.code)).toEqual([...codes, ...codes]);
    expectLabelled(printed);
    // the chart's caption names the conventions, and the page explains each basis
    expect(html).toContain('Chỉ tiêu quy ước (kế hoạch không nêu số cụ thể; vạch đen là mức quy ước): CT2a, CT5a, CT5b.');
    expect(html).toContain('<h2 id="basis">6. Căn cứ của chỉ tiêu, trọng số, thang điểm và hạn gửi báo cáo</h2>');
    expect(html).toContain('Quy ước: Kế hoạch chỉ nêu “tăng cường thời lượng đưa tin”, không nêu mức tăng và mốc so sánh');
  });

  it('says where weights, bands, scoring and the deadline are conventions, in the workbook and the HTML', () => {
    const strings = workbook.sheets.flatMap((s) => [...s.cells.values()].map((c) => c.value)).filter((v): v is string => typeof v === 'string');
    expect(strings).toContain('Hạn gửi báo cáo: 20/06/2021 (quy ước; kế hoạch không quy định). Đúng hạn = gửi trước hoặc đúng ngày hạn gửi báo cáo.');
    expect(strings.some((s) => s.includes('Ngưỡng xếp loại: Tốt từ 90, Khá từ 80, Trung bình từ 70, Yếu từ 0 (quy ước; kế hoạch không quy định).'))).toBe(true);
    expect(strings.some((s) => s.startsWith('Thang điểm chung (100 điểm) – quy ước, kế hoạch không quy định cách chấm điểm'))).toBe(true);
    expect(html).toContain('hạn gửi báo cáo 20/06/2021 (quy ước; kế hoạch không quy định)');
    expect(html).toContain('nền màu là các mức xếp loại (Tốt từ 90, Khá từ 80, Trung bình từ 70, Yếu từ 0 (quy ước; kế hoạch không quy định)).');
    expect(html).toContain('Tiêu chí công tác tuyên truyền CCHC (2 điểm) – quy ước, kế hoạch không quy định cách chấm điểm (nguồn: Bộ tiêu chí CCHC cấp xã, huyện Xuân Lộc, tỉnh Đồng Nai (quy định đã công bố, áp dụng nguyên văn))');
  });
});
