/**
 * The Word reports end to end, through the built `cchc`: a ward types its narrative in Vietnamese
 * with line breaks on its form (exceljs, as Excel saves Alt+Enter), `cchc consolidate --docx`
 * writes the city's report with that text attributed to the ward, NFC, nothing cut; the same
 * inputs give the same bytes; `cchc report FILE --docx` writes the ward's own report; LibreOffice
 * (Writer) turns the city's report into a PDF whose pages are what Decree 30/2020/NĐ-CP asks
 * (skipped, saying so, where LibreOffice is missing).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureText, hatinh2021, hatinhCity2020, parsePeriod, ratioText, type ConsolidationJson } from '@cchc-kpi/core';
import { writeTemplate } from '@cchc-kpi/xlsx/write';
import { fillTemplate, type ReportFill } from '@cchc-kpi/examples/fill-template';
import { docxParts, paragraphs, sections, tables, textOf } from './support/docx-xml.ts';
import { repoRoot, runCli } from './support/cli.ts';

const writerMissing =
  spawnSync('sh', ['-c', 'command -v soffice']).status !== 0 || !existsSync('/usr/lib/libreoffice/program/libmswordlo.so')
    ? 'skipped: LibreOffice Writer not installed, install with apt-get install -y libreoffice-writer-nogui'
    : spawnSync('sh', ['-c', 'command -v pdftotext']).status !== 0
      ? 'skipped: pdftotext not installed, install with apt-get install -y poppler-utils'
      : null;
if (writerMissing) console.warn(`word-report.test.ts, the PDF: ${writerMissing}`);

/** What the ward types: Vietnamese in NFD (as some keyboards give it), lines broken with Alt+Enter (CR LF from some programs), a long list. */
const LIMITATIONS = 'Trạm truyền thanh tổ dân phố 5 hỏng loa từ tháng 4.\r\nMột số hộ dân chưa quen nộp hồ sơ trực tuyến.'.normalize('NFD');
const NEXT_TASKS = Array.from({ length: 25 }, (_, i) => `${i + 1}. Tiếp tục hướng dẫn người dân ở tổ dân phố ${i + 1} sử dụng dịch vụ công trực tuyến mức độ 3, 4.`).join('\n');

let work = '';
let json: ConsolidationJson;
let docx: Uint8Array;
const args = () => [
  'consolidate', join(work, 'reports'), '--period', '2021-H1', '--received', join(work, 'received-2021-H1.csv'),
  '--out', join(work, 'out', 'tong-hop.xlsx'), '--json', join(work, 'out', 'tong-hop.json'), '--docx', join(work, 'out', 'bao-cao.docx'),
  '--report-number', '7', '--report-date', '2021-07-05', '--quiet', '--force',
];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cchc-word-'));
  const made = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'examples/generate-reports.ts'), work], { cwd: repoRoot, encoding: 'utf8' });
  expect(made.status, made.stderr).toBe(0);
  // Trần Phú's form, filled again with the narrative above
  const period = parsePeriod('2021-H1');
  if (!period.ok) throw new Error('period');
  const unit = hatinhCity2020.units.find((u) => u.code === '18070')!;
  const fill: ReportFill = {
    submittedOn: new Date('2021-06-15T00:00:00Z'),
    indicators: { CT1: { numerator: 1, denominator: 1 }, CT3a: { numerator: 410, denominator: 420 }, CT5a: { value: 3 }, CT5b: { value: 'Có', evidence: 'Báo cáo số 30/BC-UBND' } },
    activities: [{ date: new Date('2021-03-01T00:00:00Z'), theme: 'ND3.6', form: 'HT1.2', title: 'Phát thanh chuyên mục CCHC', quantity: 12, evidence: 'Lịch phát sóng' }],
    narrative: { limitations: LIMITATIONS, nextTasks: NEXT_TASKS },
  };
  const form = await writeTemplate(hatinh2021, unit, period.value);
  writeFileSync(join(work, 'reports', form.fileName), await fillTemplate(form.bytes, fill));
  const run = runCli(args());
  expect(run.status, run.stderr).toBe(0);
  json = JSON.parse(readFileSync(join(work, 'out', 'tong-hop.json'), 'utf8')) as ConsolidationJson;
  docx = new Uint8Array(readFileSync(join(work, 'out', 'bao-cao.docx')));
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('cchc consolidate --docx', () => {
  it("brings the ward's narrative into the city's report attributed to the ward, NFC, line by line, nothing cut", () => {
    const nfcLines = LIMITATIONS.normalize('NFC').split('\r\n');
    expect(json.units.find((u) => u.code === '18070')?.narrative).toEqual({ highlights: null, limitations: nfcLines.join('\n'), causes: null, nextTasks: NEXT_TASKS, proposals: null });
    const texts = paragraphs(docxParts(docx)['word/document.xml'] ?? '').map(textOf);
    const at = texts.indexOf(`- Phường Trần Phú: ${nfcLines[0]}`);
    expect(at).toBeGreaterThan(0);
    expect(texts[at + 1]).toBe(nfcLines[1]);
    const tasks = NEXT_TASKS.split('\n');
    const first = texts.indexOf(`- Phường Trần Phú: ${tasks[0]}`);
    expect(texts.slice(first, first + tasks.length)).toEqual([`- Phường Trần Phú: ${tasks[0]}`, ...tasks.slice(1)]);
    // the other units' narrative, from the example, is there too, each under its own name
    expect(texts).toContain('- Phường Thạch Linh: Trạm truyền thanh hỏng loa, chưa phát chuyên mục CCHC từ tháng 4.');
  });

  it("prints annex I's city figures as the JSON has them", () => {
    const annex = tables(sections(docxParts(docx)['word/document.xml'] ?? '')[1]!.xml)[0]!;
    for (const indicator of hatinh2021.indicators.filter((i) => i.measure === 'ratio')) {
      const total = json.totals.indicators[indicator.code]!;
      const row = annex.find((r) => r[1] === indicator.code)!;
      expect(row.slice(4, 7), indicator.code).toEqual([figureText(total.numerator!), figureText(total.denominator!), ratioText(total.ratio!)]);
    }
  });

  it('writes the same bytes again for the same inputs', () => {
    const again = runCli(args());
    expect(again.status, again.stderr).toBe(0);
    expect(Buffer.from(readFileSync(join(work, 'out', 'bao-cao.docx'))).equals(Buffer.from(docx))).toBe(true);
  });

  it('refuses a --docx path that is not a .docx, writing nothing', () => {
    const bad = runCli(['consolidate', join(work, 'reports'), '--period', '2021-H1', '--out', join(work, 'x.xlsx'), '--docx', join(work, 'bao-cao.doc')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Tệp báo cáo Word phải có đuôi .docx');
    expect(existsSync(join(work, 'x.xlsx'))).toBe(false);
  });
});

describe('cchc report FILE --docx', () => {
  it("writes the ward's own report: issued by its People's Committee, to the city, with its narrative", () => {
    const out = join(work, 'out', 'tran-phu.docx');
    const run = runCli(['report', join(work, 'reports', '18070-2021-H1.xlsx'), '--docx', out, '--report-number', '3']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`Đã ghi ${out}: báo cáo của Phường Trần Phú, 6 tháng đầu năm 2021`);
    const xml = docxParts(new Uint8Array(readFileSync(out)))['word/document.xml'] ?? '';
    const [block] = tables(xml);
    expect(block?.[0]?.[0]).toBe('ỦY BAN NHÂN DÂN\nPHƯỜNG TRẦN PHÚ\n');
    expect(block?.[1]).toEqual(['Số: 03/BC-UBND', 'Trần Phú, ngày 15 tháng 6 năm 2021']);
    const texts = paragraphs(xml).map(textOf);
    expect(texts).toContain('Kính gửi: Ủy ban nhân dân thành phố Hà Tĩnh.');
    expect(texts).toContain(NEXT_TASKS.split('\n')[24]);
    expect(tables(sections(xml)[0]!.xml).at(-1)?.[0]?.[1]?.split('\n').slice(0, 2)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
    expect(sections(xml)).toHaveLength(3);
  });

  it('says so and exits 1 for a form with errors, 2 for an existing output without --force', () => {
    const out = join(work, 'out', 'van-yen.docx');
    const withErrors = runCli(['report', join(work, 'reports', '18097-2021-H1.xlsx'), '--docx', out]);
    expect(withErrors.status).toBe(1);
    expect(withErrors.stderr).toContain('hãy sửa biểu mẫu trước khi ký');
    const again = runCli(['report', join(work, 'reports', '18097-2021-H1.xlsx'), '--docx', out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('thêm --force để ghi đè');
  });
});

describe.skipIf(writerMissing !== null)('the city report through LibreOffice', () => {
  let pdf = '';
  beforeAll(() => {
    const converted = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', join(work, 'pdf'), join(work, 'out', 'bao-cao.docx')], { encoding: 'utf8', timeout: 180_000, env: { ...process.env, HOME: join(work, 'home') } });
    expect(converted.status, converted.stderr).toBe(0);
    pdf = join(work, 'pdf', 'bao-cao.pdf');
  }, 200_000);

  const pageText = (page: number): string => spawnSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }).stdout;
  const pages = (): { count: number; sizes: string[] } => {
    const info = spawnSync('pdfinfo', ['-f', '1', '-l', '99', pdf], { encoding: 'utf8' }).stdout;
    return { count: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), sizes: [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/gm)].map((m) => m[1]!) };
  };

  it('gives A4 portrait pages for the report and A4 landscape pages for the annexes', () => {
    const { count, sizes } = pages();
    expect(count).toBeGreaterThanOrEqual(8);
    expect(sizes[0]).toMatch(/^595\.\d* x 841\.\d*|^595\.\d* x 842/);
    expect(sizes.at(-1)).toMatch(/^841\.\d* x 595|^842\.\d* x 595/);
  });

  it('prints the heading on page 1 without a page number, and numbers page 2 at the top', () => {
    const first = pageText(1);
    for (const text of ['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 07/BC-UBND', 'Hà Tĩnh, ngày 05 tháng 7 năm 2021', 'BÁO CÁO']) expect(first).toContain(text);
    expect(first.trim().split('\n')[0]?.trim()).toBe('DỰ THẢO');
    expect(pageText(2).trim().split('\n')[0]?.trim()).toBe('2');
    const annexPage = Array.from({ length: pages().count }, (_, i) => i + 1).find((p) => pageText(p).includes('Phụ lục I\n') || /Phụ lục I\s*$/m.test(pageText(p)));
    expect(annexPage).toBeDefined();
    expect(pageText(annexPage!).trim().split('\n')[0]?.trim()).toBe(String(annexPage));
  });
});
