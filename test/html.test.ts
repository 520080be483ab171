/**
 * `cchc consolidate --html FILE`: a self-contained Vietnamese page whose charts are Vega-Lite
 * rendered to inline SVG when the page is written. The page is then opened in headless Debian
 * Chromium (playwright-core, a new empty profile): the four charts must be there with their
 * marks, no request may leave the page, and it is printed to PDF with the fonts embedded.
 * The browser part is skipped, with a visible message, when /usr/bin/chromium is missing.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { renumberIds } from '../packages/cli/src/html/index.ts';
import { runCli } from './support/cli.ts';
import { writeSmallExample } from './support/small-example.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const noChromium = existsSync(CHROMIUM) ? null : 'skipped: Chromium not installed, install with apt-get install -y chromium';
if (noChromium) console.warn(noChromium);

let dir = '';
let html = '';
let page1 = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-html-'));
  const { reports, units } = await writeSmallExample(dir);
  const args = ['consolidate', reports, '--period', '2021-H1', '--units', units, '--out', join(dir, 'tong-hop.xlsx'), '--html', join(dir, 'bao-cao.html'), '--quiet'];
  const run = runCli(args);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  page1 = join(dir, 'bao-cao.html');
  html = readFileSync(page1, 'utf8');
  // a second run must give the same bytes (ids of the SVGs are renumbered per chart)
  const again = runCli([...args, '--force', '--html', join(dir, 'again.html')]);
  expect(again.status).toBe(0);
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the HTML report as written', () => {
  it('is one Vietnamese page, NFC, with nothing to fetch', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html.normalize('NFC')).toBe(html);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)/i);
    // the only absolute URLs are the SVG namespaces
    const urls = new Set(html.match(/https?:\/\/[^\s"'<>)]+/g) ?? []);
    expect([...urls].sort()).toEqual(['http://www.w3.org/1999/xlink', 'http://www.w3.org/2000/svg']);
  });

  it('holds the four charts as inline SVG with accessible titles', () => {
    const titles = [...html.matchAll(/<svg [^>]*class="marks"[^>]*aria-label="([^"]+)"/g)].map((m) => m[1]);
    expect(titles).toEqual([
      'Điểm của các đơn vị, 6 tháng đầu năm 2021',
      'Tỷ lệ của thành phố theo chỉ tiêu so với chỉ tiêu kế hoạch, 6 tháng đầu năm 2021',
      'Kết quả từng đơn vị theo từng chỉ tiêu, 6 tháng đầu năm 2021',
      'Số hoạt động tuyên truyền theo nội dung và hình thức, 6 tháng đầu năm 2021',
    ]);
    // ids are unique across the page
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('states the figures in Vietnamese style', () => {
    // 4 of 17 units sent a report (15 wards and communes + the 2 centres of the registry), 3 on time
    // (Nam Hà late): 4/17 = 23,5 %, 3/17 = 17,6 % (4/16 = 25 % and 3/16 = 18,8 % before the registry had the centres)
    expect(html).toContain('<div class="kpi"><b>4/17</b><span>đơn vị đã gửi báo cáo (23,5%)</span></div>');
    expect(html).toContain('<div class="kpi"><b>3/17</b><span>đơn vị gửi đúng hạn (17,6%)</span></div>');
    // CT3a: Nam Hà's 510/500 is invalid; 200 + 90 + 200 over 200 + 100 + 200
    expect(html).toContain('<td class="n">490</td><td class="n">500</td><td class="n">98%</td><td class="c">2/3</td>');
    expect(html).toContain('Hà Tĩnh, ngày 20 tháng 6 năm 2021');
  });

  it('is byte-identical on a rerun', () => {
    expect(readFileSync(join(dir, 'again.html')).equals(readFileSync(page1))).toBe(true);
  });

  it('renumbers SVG ids per chart and keeps references pointing at them', () => {
    const svg = '<svg><clipPath id="clip7"><rect/></clipPath><g clip-path="url(#clip7)"/><use href="#clip7"/><g id="x"/></svg>';
    expect(renumberIds(svg, 'c1')).toBe('<svg><clipPath id="c1-1"><rect/></clipPath><g clip-path="url(#c1-1)"/><use href="#c1-1"/><g id="c1-2"/></svg>');
  });
});

describe.skipIf(noChromium !== null)('the HTML report in headless Chromium', () => {
  it('shows the four charts with their marks, makes no request, and prints to PDF', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'cchc-chromium-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    try {
      const requests: string[] = [];
      const refused: string[] = [];
      context.on('request', (r) => requests.push(r.url()));
      await context.route(/^(?!file:)/, async (route) => {
        refused.push(route.request().url());
        await route.abort();
      });
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
      });
      const url = pathToFileURL(page1).href;
      await page.goto(url, { waitUntil: 'load' });
      expect(requests).toEqual([url]);
      expect(refused).toEqual([]);

      const charts = await page.$$eval('figure svg.marks', (svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          const count = (selector: string) => svg.querySelectorAll(selector).length;
          return {
            width: Math.round(box.width),
            height: Math.round(box.height),
            rects: count('g.mark-rect.role-mark path'),
            texts: [...svg.querySelectorAll('g.mark-text.role-mark text')].map((t) => t.textContent ?? ''),
            ticks: count('g.mark-rect.role-mark path') + count('g.mark-symbol.role-mark path'),
          };
        }),
      );
      expect(charts).toHaveLength(4);
      for (const c of charts) {
        expect(c.width).toBeGreaterThan(300);
        expect(c.height).toBeGreaterThan(150);
      }
      const [scores, indicators, heatmap, activities] = charts as [(typeof charts)[number], (typeof charts)[number], (typeof charts)[number], (typeof charts)[number]];
      // scores: 4 band backgrounds + 4 bars (the units that reported); a label for each of the 17 units
      expect(scores.rects).toBe(8);
      expect(scores.texts).toHaveLength(17);
      expect(scores.texts.filter((t) => t === 'Chưa gửi báo cáo')).toHaveLength(13);
      // indicators: a bar and a label per indicator with data, a target tick per indicator
      expect(indicators.texts).toHaveLength(9);
      expect(indicators.texts).toContain('98% (490/500); 2/3 đơn vị đạt');
      expect(indicators.texts).toContain('Chưa có số liệu'); // CT2a: the centre left last year's figure blank
      // heat map: 17 units × 9 indicators, one cell and one label each
      expect(heatmap.rects).toBe(153);
      expect(heatmap.texts).toHaveLength(153);
      // activities: 7 themes × 9 forms
      expect(activities.rects).toBe(63);
      const axisLabels = await page.$$eval('figure svg.marks g.role-axis-label text', (ts) => ts.map((t) => t.textContent));
      expect(axisLabels).toEqual(expect.arrayContaining(['Phường Trần Phú', 'Xã Thạch Trung', 'Trung tâm Văn hóa – Truyền thông thành phố', 'CT2a', 'HT9', 'ND7']));

      const pdfPath = join(dir, 'bao-cao.pdf');
      const pdf = await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(30_000);
      const text = pdf.toString('latin1');
      // the fonts that carry the Vietnamese text are embedded (subset) in the PDF
      expect(text).toMatch(/\/FontName\s*\/[A-Z]{6}\+DejaVuSans/);
      expect((text.match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(3);
      writeFileSync(join(dir, 'pdf-ok'), '');
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }, 180_000);
});

if (noChromium) {
  describe('the HTML report in headless Chromium', () => {
    it.skip(noChromium, () => {});
  });
}
