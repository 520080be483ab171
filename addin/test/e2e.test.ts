/**
 * End to end in headless Debian Chromium (playwright-core): the built task pane is served from a
 * local static server; the request for Microsoft's office.js is answered with a fake Office.js
 * over an in-memory workbook (test/support/fake-office.ts), so nothing leaves the machine. The
 * test clicks insert → check → score (and consolidates real .xlsx files through the file input),
 * asserts the cells written and the findings shown, and saves a screenshot of the pane (to a
 * temporary folder; to the README's addin/docs/taskpane.png only when CCHC_UPDATE_SCREENSHOT=1, as
 * examples/docs/make-images.sh sets it, so the suite never changes a committed file). Runs as Excel 2016 (ExcelApi 1.1), as Microsoft 365 (1.8), and as an
 * ExcelApi 1.4 host whose web view lacks what EdgeHTML 18 lacks (BigInt, globalThis, matchAll…,
 * and ES2018 regular expressions: support/edgehtml.ts). After a consolidation it downloads the
 * Word report (Playwright's download event: the library's bytes), and where the web view cannot
 * save a file (EdgeHTML on Windows) it finds the message and the cchc command instead.
 * Skipped, with a message, when /usr/bin/chromium is missing.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hatinh2021 } from '@cchc-kpi/core';
import { writeConsolidatedReport } from '@cchc-kpi/docx';
import { consolidateFiles } from '../src/actions/consolidate.ts';
import { defaultContext } from '../src/context.ts';
import { MemoryHost } from '../src/office/memory-host.ts';
import type { MemoryWorkbook } from '../src/office/memory-workbook.ts';
import { ADDIN_DIR, ensureBuilt } from './support/build.ts';
import { EDGEHTML_SCRIPT } from './support/edgehtml.ts';
import { goodFill, reportFile } from './support/reports.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const UPDATE_SCREENSHOT = process.env.CCHC_UPDATE_SCREENSHOT === '1';
const SKIP_MESSAGE = `skipped: ${CHROMIUM} not found, install with apt-get install -y chromium`;
/** The user agent of the EdgeHTML web view (Office on Windows 10 without WebView2). */
const EDGE_HTML_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; WebView/3.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045';
/** The user agent of WebView2 (Office on Windows: Microsoft 365, Office 2021/2024). */
const WEBVIEW2_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86';

const hasChromium = existsSync(CHROMIUM);

declare global {
  interface Window {
    __fakeWorkbook: MemoryWorkbook;
    __fakeStats: { syncs: number; ops: number; maxOpsPerSync: number };
    __fakeOfficeConfig: { minor: number; platform?: string };
    CchcWord?: unknown;
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
};

/** A static server for dist/ on 127.0.0.1 (random port). */
async function serve(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path === '/' ? 'taskpane.html' : path);
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

/** The fake Office.js as one classic script. */
async function fakeOfficeScript(): Promise<string> {
  const { build } = await import('vite');
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      target: 'es2017',
      minify: false,
      emptyOutDir: false,
      lib: { entry: resolve(ADDIN_DIR, 'test/support/fake-office-entry.ts'), formats: ['iife'], name: 'FakeOffice', fileName: () => 'fake-office.js' },
    },
  });
  for (const out of Array.isArray(output) ? output : [output]) {
    if (!('output' in out)) continue;
    for (const chunk of out.output) if (chunk.type === 'chunk' && chunk.isEntry) return chunk.code;
  }
  throw new Error('fake office: no entry chunk');
}

/**
 * Waits until the element's text contains `text` (equals it with `exact`). The wait is bounded;
 * when the text never comes, the assertion fails showing the element's actual text.
 */
async function expectText(page: Page, selector: string, text: string, exact = false): Promise<void> {
  const seen = await page
    .waitForFunction(
      ([sel, want, whole]) => {
        const got = document.querySelector(sel as string)?.textContent ?? '';
        return whole ? got === want : got.includes(want as string);
      },
      [selector, text, exact] as const,
      { timeout: 30_000 },
    )
    .then(
      () => true,
      () => false,
    );
  if (seen) return;
  const actual = (await page.textContent(selector).catch(() => null)) ?? `(no ${selector})`;
  if (exact) expect(actual).toBe(text);
  else expect(actual).toContain(text);
}

if (!hasChromium) {
  console.warn(SKIP_MESSAGE);
  describe('task pane in Chromium', () => {
    it.skip(SKIP_MESSAGE, () => {});
  });
}

describe.skipIf(!hasChromium)('task pane in Chromium', () => {
  let server: Server;
  let origin: string;
  let context: BrowserContext;
  let profile: string;
  let served: string;
  let fakeOffice: string;
  let reports: { name: string; mimeType: string; buffer: Buffer }[];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // Serve a private copy: a parallel test run may rebuild dist/ meanwhile.
    served = mkdtempSync(join(tmpdir(), 'cchc-addin-dist-'));
    cpSync(await ensureBuilt(), served, { recursive: true });
    ({ server, origin } = await serve(served));
    fakeOffice = await fakeOfficeScript();
    reports = await Promise.all(
      [
        ['18070', goodFill(1)],
        ['18073', goodFill(2, '2021-06-25')],
        ['18088', goodFill(3)],
      ].map(async ([code, fill]) => {
        const file = await reportFile(code as string, '2021-H1', fill as ReturnType<typeof goodFill>);
        return { name: file.name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(file.bytes) };
      }),
    );
    const { chromium } = await import('playwright-core');
    profile = mkdtempSync(join(tmpdir(), 'cchc-addin-e2e-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 400, height: 1000 },
      locale: 'vi-VN',
    });
  });

  afterAll(async () => {
    await context?.close();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (served) rmSync(served, { recursive: true, force: true });
  });

  /**
   * A pane page on a fake Excel playing ExcelApi 1.<minor> on `platform` (default Excel on the
   * web); every request outside the local server is answered or refused. With `edgeHtml`, what
   * EdgeHTML 18 lacks is removed first (support/edgehtml.ts), so the pane and its Word bundle must
   * run on their polyfills and ES2017 regular expressions. `userAgent` replaces the web view's.
   */
  async function openPane(minor: number, edgeHtml = false, as: { platform?: string; userAgent?: string } = {}): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.addInitScript(
      ([m, platform, userAgent]) => {
        window.__fakeOfficeConfig = { minor: m as number, ...(platform ? { platform: platform as string } : {}) };
        if (userAgent) Object.defineProperty(Navigator.prototype, 'userAgent', { get: () => userAgent, configurable: true });
      },
      [minor, as.platform ?? null, as.userAgent ?? null] as const,
    );
    if (edgeHtml) await page.addInitScript({ content: EDGEHTML_SCRIPT });
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) await route.fulfill({ status: 200, contentType: 'text/javascript', body: fakeOffice });
      else if (url.startsWith(origin)) await route.continue();
      else await route.abort();
    });
    await page.goto(`${origin}/taskpane.html`);
    await page.locator('#insert').waitFor();
    return page;
  }

  const cell = (page: Page, sheet: string, ref: string) => page.evaluate(([s, r]) => window.__fakeWorkbook.peek(s as string, r as string) ?? null, [sheet, ref]);

  for (const [minor, edgeHtml] of [
    [1, false],
    [8, false],
    [4, true],
  ] as const) {
    it(`inserts, checks and scores a report (ExcelApi 1.${minor}${edgeHtml ? ', without the built-ins EdgeHTML lacks' : ''})`, async () => {
      const page = await openPane(minor, edgeHtml);
      if (edgeHtml) {
        // The built-ins were really gone: the polyfills' stand-ins are in place; ES2018 patterns are refused.
        expect(await page.evaluate(() => [typeof BigInt(1), TextEncoder.name, typeof Object.hasOwn, typeof [].flatMap, typeof TextDecoder])).toEqual(['number', 'Utf8Encoder', 'function', 'function', 'undefined']);
        expect(await page.evaluate(() => { try { return String(new RegExp('a.b', 's')); } catch (e) { return (e as Error).name; } })).toBe('SyntaxError');
      }
      await expectText(page, '#title', 'Báo cáo tuyên truyền CCHC', true);
      await expectText(page, '#api-info', `Excel API 1.${minor}`);

      // Insert the template of Trần Phú for 2021-H1.
      await page.selectOption('#unit', '18070');
      await page.selectOption('#period', '2021-H1');
      await page.click('#insert');
      await expectText(page, '#status', 'Đã chèn biểu mẫu của Phường Trần Phú');
      if (minor === 1) await expectText(page, '#status', 'chưa hỗ trợ: ');
      expect((await cell(page, 'Báo cáo', 'F8'))?.value).toBe('18070');
      expect((await cell(page, 'Báo cáo', 'H8'))?.value).toBe('2021-H1');
      expect((await cell(page, 'Báo cáo', 'H12'))?.formula).toBe('IF(AND(ISNUMBER(G12),G12>0),F12/G12,"")');
      expect((await cell(page, 'Báo cáo', 'F12'))?.fill).toBe('#FFF9E0');
      const names = await page.evaluate(() => window.__fakeWorkbook.names.length);
      expect(names > 0).toBe(minor >= 4);
      const stats = await page.evaluate(() => ({ ...window.__fakeStats }));
      expect(stats.maxOpsPerSync).toBeGreaterThan(20);

      // The officer types figures: CT1 numerator above its denominator, CT3a not a number.
      await page.evaluate(() => {
        const wb = window.__fakeWorkbook;
        wb.type('Báo cáo', 'C9', 44363);
        wb.type('Báo cáo', 'F12', 5);
        wb.type('Báo cáo', 'G12', 3);
        wb.type('Báo cáo', 'F15', 'nhiều');
        wb.type('Báo cáo', 'G15', 410);
        wb.type('Báo cáo', 'F19', 3);
        wb.type('Báo cáo', 'F20', 'Có');
      });

      // Check: findings listed, problem cells marked, a click selects the cell.
      await page.click('#check');
      const f12 = '#findings button[data-cell="F12"]';
      await expectText(page, f12, 'lớn hơn mẫu số');
      await expectText(page, '#findings button[data-cell="F15"]', 'không phải là số');
      await expectText(page, '#summary', 'Phường Trần Phú (18070) – 2021-H1');
      await expectText(page, '#status', minor >= 6 ? 'định dạng có điều kiện' : 'tô màu nền');
      if (minor >= 6) {
        const cfs = await page.evaluate(() => window.__fakeWorkbook.sheet('Báo cáo').conditionalFormats.map((c) => c.range));
        expect(cfs).toContain('F12');
      } else {
        expect((await cell(page, 'Báo cáo', 'F12'))?.fill).toBe('#FFC7CE');
      }
      await page.click(f12);
      await expect.poll(() => page.evaluate(() => window.__fakeWorkbook.selection)).toEqual({ sheet: 'Báo cáo', range: 'F12' });

      // Score: the "Kết quả" sheet.
      await page.click('#score');
      await expectText(page, '#score-line', 'Điểm:');
      await expectText(page, '#status', 'Đã ghi kết quả vào trang "Kết quả"');
      const results = await page.evaluate(() => {
        const sheet = window.__fakeWorkbook.sheet('Kết quả');
        return [...sheet.cells.values()].map((c) => (c.formula !== undefined ? `=${c.formula}` : c.value));
      });
      expect(results).toContain('KẾT QUẢ KIỂM TRA VÀ CHẤM ĐIỂM BÁO CÁO');
      expect(results).toContain('Tổng điểm');
      expect(results.some((v) => typeof v === 'string' && /^=SUM\(D\d+:D\d+\)$/.test(v))).toBe(true);
      expect(results).toContain('Không hợp lệ');

      // English switch, and back.
      await page.click('#lang-switch');
      await expectText(page, '#title', 'CCHC communication report', true);
      await expectText(page, f12, 'exceeds');
      await page.click('#lang-switch');
      await expectText(page, '#title', 'Báo cáo tuyên truyền CCHC', true);

      if (minor === 8 && !edgeHtml) {
        await page.locator('#findings').evaluate((el) => el.scrollTo(0, 0));
        const screenshot = UPDATE_SCREENSHOT ? join(ADDIN_DIR, 'docs', 'taskpane.png') : join(profile, 'taskpane.png');
        await page.screenshot({ path: screenshot, fullPage: true });
        expect(readFileSync(screenshot).subarray(1, 4).toString('ascii')).toBe('PNG');
      }

      // Clear highlights.
      await page.click('#clear');
      await expectText(page, '#status', 'Đã xóa đánh dấu');
      expect((await cell(page, 'Báo cáo', 'F12'))?.fill).toBe('#FFF9E0');
      await page.close();
    });
  }

  it('consolidates picked .xlsx files in the browser (without the built-ins EdgeHTML lacks)', async () => {
    const page = await openPane(8, true);
    await page.setInputFiles('#files', reports);
    await page.selectOption('#consolidate-period', '2021-H1');
    await page.click('#consolidate');
    await expectText(page, '#status', 'Đã ghi bảng tổng hợp');
    await expectText(page, '#consolidate-summary', 'đọc 3 báo cáo');
    await expectText(page, '#consolidate-summary', 'Đã gửi 3/17 đơn vị, đúng hạn 2'); // 17 units: 15 wards and communes, the 2 centres
    const sheets = await page.evaluate(() => window.__fakeWorkbook.sheets.map((s) => s.name));
    expect(sheets).toEqual(['Sheet1', 'Báo cáo tóm tắt', 'Tổng hợp', 'Đơn vị × chỉ tiêu', 'Xếp hạng', 'Tiến độ gửi báo cáo', 'Hoạt động', 'Kết quả kiểm tra']);
    expect((await cell(page, 'Tổng hợp', 'F5'))?.formula).toMatch(/^IF\(COUNT\('Đơn vị × chỉ tiêu'!/);
    expect((await cell(page, 'Tiến độ gửi báo cáo', 'D5'))?.value).toBe('Có');
    await page.close();
  });

  /** The consolidation the pane makes of `reports`, made in Node by the same action, and its Word report by the library. */
  async function libraryWordReport(): Promise<Buffer> {
    const outcome = await consolidateFiles(new MemoryHost(), defaultContext(), reports.map((r) => ({ name: r.name, bytes: async () => new Uint8Array(r.buffer) })), { periodCode: '2021-H1' });
    return Buffer.from(await writeConsolidatedReport(outcome.consolidation, hatinh2021));
  }

  /** Picks the three reports and consolidates them for 2021-H1. */
  async function consolidateReports(page: Page): Promise<void> {
    await page.setInputFiles('#files', reports);
    await page.selectOption('#consolidate-period', '2021-H1');
    await page.click('#consolidate');
    await expectText(page, '#status', 'Đã ghi bảng tổng hợp');
    await expectText(page, '#consolidate-summary', 'đọc 3 báo cáo');
  }

  const wordScriptLoaded = (page: Page): Promise<boolean> => page.evaluate(() => document.querySelector('script[src*="word-"]') !== null || window.CchcWord !== undefined);

  it('downloads the Word report of the consolidation, the library\'s bytes (without what EdgeHTML lacks)', async () => {
    const page = await openPane(8, true);
    expect(await page.locator('#word-report').isHidden()).toBe(true);
    await consolidateReports(page);
    await expectText(page, '#word-report-button', 'Tải báo cáo Word (.docx)', true);
    await expectText(page, '#word-report-hint', 'Nghị định 30/2020/NĐ-CP');
    expect(await wordScriptLoaded(page)).toBe(false); // loaded only when asked for
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#word-report-button')]);
    expect(download.suggestedFilename()).toBe('bao-cao-2021-H1.docx');
    const bytes = readFileSync(await download.path());
    expect(bytes.equals(await libraryWordReport())).toBe(true);
    await expectText(page, '#status', 'Đã tải xuống báo cáo Word "bao-cao-2021-H1.docx"');
    expect(await wordScriptLoaded(page)).toBe(true);
    expect(await page.textContent('#status')).not.toContain('Excel trên web'); // a browser: nothing to add
    // A second download reuses the loaded bundle; the English switch names the button in English.
    const [again] = await Promise.all([page.waitForEvent('download'), page.click('#word-report-button')]);
    expect(readFileSync(await again.path()).equals(bytes)).toBe(true);
    expect(await page.locator('script[src*="word-"]').count()).toBe(1);
    await page.click('#lang-switch');
    await expectText(page, '#word-report-button', 'Download the Word report (.docx)', true);
    await page.click('#lang-switch'); // the choice is remembered: back to Vietnamese for the next pages
    await expectText(page, '#title', 'Báo cáo tuyên truyền CCHC', true);
    await page.close();
  });

  it('on Windows with WebView2, downloads it and says what to do if Excel does not save it', async () => {
    const page = await openPane(8, false, { platform: 'PC', userAgent: WEBVIEW2_UA });
    await consolidateReports(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#word-report-button')]);
    expect(download.suggestedFilename()).toBe('bao-cao-2021-H1.docx');
    await expectText(page, '#status', 'Nếu Excel không hỏi nơi lưu');
    await expectText(page, '#status', 'cchc consolidate <thư-mục-báo-cáo> --period 2021-H1 --out tong-hop-2021-H1.xlsx --docx bao-cao-2021-H1.docx');
    await page.close();
  });

  it('where the web view cannot save a file (EdgeHTML on Windows), says so and gives the cchc command', async () => {
    const page = await openPane(8, true, { platform: 'PC', userAgent: EDGE_HTML_UA });
    await consolidateReports(page);
    await expectText(page, '#word-report-unavailable', 'Excel này hiển thị tiện ích bằng Microsoft Edge cũ (EdgeHTML), không cho tiện ích lưu tệp xuống máy');
    await expectText(page, '#word-report-unavailable', 'Excel trên web');
    await expectText(page, '#word-report-command', 'cchc consolidate <thư-mục-báo-cáo> --period 2021-H1 --out tong-hop-2021-H1.xlsx --docx bao-cao-2021-H1.docx', true);
    expect(await page.locator('#word-report-button').count()).toBe(0);
    expect(await wordScriptLoaded(page)).toBe(false);
    await page.click('#lang-switch');
    await expectText(page, '#word-report-unavailable', 'which does not let an add-in save a file');
    await expectText(page, '#word-report-command', 'cchc consolidate <reports-folder> --period 2021-H1 --out tong-hop-2021-H1.xlsx --docx bao-cao-2021-H1.docx', true);
    await page.click('#lang-switch');
    await expectText(page, '#title', 'Báo cáo tuyên truyền CCHC', true);
    await page.close();
  });

  it('says to open it in Excel when office.js cannot load (offline, or outside Office)', async () => {
    const page = await context.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
    await page.goto(`${origin}/taskpane.html`);
    await expectText(page, '#message', 'Hãy mở tiện ích này trong Excel');
    await page.close();
  });

  it('raised no script error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
