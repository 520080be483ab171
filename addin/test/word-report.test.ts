/**
 * The Word report from the pane, on the test host: the add-in's consolidation of picked files
 * (three reports, an unreadable file, a register), then the built Word bundle — run as EdgeHTML 18
 * would run it, without the built-ins and the regular-expression syntax it lacks — gives the same
 * bytes as the library's writer (`@cchc-kpi/docx`) on that consolidation, and as
 * `cchc consolidate --docx` on the same files and register; the download path hands those bytes over
 * unchanged; which web views can save a file, and the command offered where they cannot.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hatinh2021, type Consolidation } from '@cchc-kpi/core';
import { writeConsolidatedReport } from '@cchc-kpi/docx';
import { consolidateFiles, type PickedFile } from '../src/actions/consolidate.ts';
import { consolidatedWordReport, wordReportFileName } from '../src/actions/word-report.ts';
import { defaultContext } from '../src/context.ts';
import { MemoryHost } from '../src/office/memory-host.ts';
import { MemoryWorkbook } from '../src/office/memory-workbook.ts';
import { wordReportCommand } from '../src/taskpane/word-report.ts';
import { WORD_GLOBAL, type WordExport } from '../src/word/api.ts';
import { DOCX_MIME, downloadFile, saveSupport, type SaveSupport } from '../src/word/save.ts';
import { ADDIN_DIR, ensureBuilt, wordBundle } from './support/build.ts';
import { edgeHtmlRealm, EDGEHTML_MISSING } from './support/edgehtml.ts';
import { goodFill, reportFile } from './support/reports.ts';

const context = defaultContext();
const REGISTER = { name: 'so-nhan.csv', text: 'unit_code,received_on\n18070,2021-06-17\n18088,2021-07-20\n' };

let files: { name: string; bytes: Uint8Array }[];
let picked: PickedFile[];
let consolidation: Consolidation;
let writer: WordExport;
let realmCheck: string;
let realm: ReturnType<typeof edgeHtmlRealm>;
let work: string;

/** Bytes from any realm, as a Buffer to compare. */
function buffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

beforeAll(async () => {
  files = [
    await reportFile('18070', '2021-H1', goodFill(1)),
    await reportFile('18073', '2021-H1', goodFill(2, '2021-06-25')),
    await reportFile('18088', '2021-H1', goodFill(3)),
    { name: '18082-2021-H1.xlsx', bytes: new TextEncoder().encode('không phải tệp Excel') },
  ];
  picked = files.map((f) => ({ name: f.name, bytes: async () => f.bytes }));
  // The add-in's consolidation action on the test host.
  const outcome = await consolidateFiles(new MemoryHost(new MemoryWorkbook(['Sheet1']), 8), context, picked, { periodCode: '2021-H1', receivedCsv: REGISTER });
  consolidation = outcome.consolidation;
  // The built Word bundle in a realm without what EdgeHTML 18 lacks.
  realm = edgeHtmlRealm();
  realmCheck = runInContext(
    `[${EDGEHTML_MISSING.map(([owner, name]) => `typeof ${owner === 'window' ? 'window' : owner}[${JSON.stringify(name)}]`).join(', ')}, (function () { try { new RegExp('a', 's'); return 's accepted'; } catch (e) { return e.name; } })()].join()`,
    realm,
  ) as string;
  runInContext(readFileSync(wordBundle(await ensureBuilt()), 'utf8'), realm, { filename: 'word.js' });
  writer = (realm as Record<string, unknown>)[WORD_GLOBAL] as WordExport;
  work = mkdtempSync(join(tmpdir(), 'cchc-addin-word-'));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the Word report of the pane's consolidation", () => {
  it("is the library's document, byte for byte, from the built Word bundle run as EdgeHTML 18 would run it", async () => {
    expect(realmCheck).toBe([...EDGEHTML_MISSING.map(() => 'undefined'), 'SyntaxError'].join());
    expect(consolidation.totals).toMatchObject({ expected: 17, received: 3, unreadable: 1, onTime: 1 }); // 15 wards and communes and the 2 city centres; 18088 late by the register
    const file = await consolidatedWordReport(consolidation, context, writer);
    expect(file.fileName).toBe('bao-cao-2021-H1.docx');

    expect(file.bytes.length).toBeGreaterThan(10_000);
    expect(buffer(file.bytes).subarray(0, 2).toString('latin1')).toBe('PK');
    const library = await writeConsolidatedReport(consolidation, hatinh2021);
    expect(buffer(file.bytes).equals(buffer(library))).toBe(true);
  });

  it('is what `cchc consolidate --docx` writes for the same files and register', async () => {
    const reports = join(work, 'bao-cao');
    mkdirSync(reports);
    for (const f of files) writeFileSync(join(reports, f.name), f.bytes);
    writeFileSync(join(work, REGISTER.name), REGISTER.text);
    const docx = join(work, wordReportFileName('2021-H1'));
    const cli = resolve(ADDIN_DIR, '..', 'packages', 'cli', 'bin', 'cchc.js');
    const run = spawnSync(process.execPath, [cli, 'consolidate', reports, '--period', '2021-H1', '--received', join(work, REGISTER.name), '--out', join(work, 'tong-hop.xlsx'), '--docx', docx, '--quiet'], {
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const file = await consolidatedWordReport(consolidation, context, writer);
    expect(buffer(file.bytes).equals(readFileSync(docx))).toBe(true);
  });

  it('reaches the officer unchanged through the download path: a Blob of those bytes, named, clicked, released', async () => {
    const file = await consolidatedWordReport(consolidation, context, writer);
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:cchc/1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    const body = new Set<object>();
    const link = { href: '', download: '', rel: '', style: { display: '' }, click: () => clicked.push({ href: link.href, download: link.download, attached: body.has(link) }), remove: () => body.delete(link) };
    const doc = { createElement: (tag: string) => (tag === 'a' ? link : null), body: { append: (el: object) => body.add(el) } } as unknown as Document;
    try {
      downloadFile(file.bytes, file.fileName, DOCX_MIME, { doc, revokeAfterMs: 0 });
      expect(clicked).toEqual([{ href: 'blob:cchc/1', download: 'bao-cao-2021-H1.docx', attached: true }]);
      expect(body.size).toBe(0);
      expect(blobs).toHaveLength(1);
      expect(blobs[0]!.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(Buffer.from(await blobs[0]!.arrayBuffer()).equals(buffer(file.bytes))).toBe(true);
      await vi.waitFor(() => expect(revoke).toHaveBeenCalledWith('blob:cchc/1'));
    } finally {
      create.mockRestore();
      revoke.mockRestore();
    }
  });
});

describe("the Word bundle's polyfill of String.prototype.matchAll", () => {
  it.each([
    ['a1b22c333', '\\d+', 'g'],
    ['', 'x*', 'g'],
    ['abc', '', 'g'],
    ['😀a😀', '', 'gu'],
    ['{a} {b} {{c}}', '\\{(\\w+)\\}', 'g'],
    ['Aa', 'a', 'gi'],
  ])('gives what the native one gives on %j with /%s/%s', (text, source, flags) => {
    const pattern = new RegExp(source, flags);
    const native = [...text.matchAll(pattern)].map((m) => [...m, m.index]);
    const polyfilled = runInContext(
      `(function () { var r = new RegExp(${JSON.stringify(source)}, ${JSON.stringify(flags)}); r.lastIndex = 0; var out = [], it = ${JSON.stringify(text)}.matchAll(r), step; while (!(step = it.next()).done) out.push(Array.prototype.slice.call(step.value).concat([step.value.index])); return JSON.stringify([out, r.lastIndex]); })()`,
      realm,
    ) as string;
    expect(JSON.parse(polyfilled)).toEqual([native, 0]); // the caller's RegExp is left as it was
  });

  it('is the polyfill (the realm had none) and refuses a RegExp without the g flag, as the native one does', () => {
    expect(runInContext('Function.prototype.toString.call(String.prototype.matchAll).indexOf("[native code]")', realm)).toBe(-1);
    expect(runInContext('String(Object.getOwnPropertyDescriptor(String.prototype, "matchAll").enumerable)', realm)).toBe('false');
    expect(() => 'ab'.matchAll(/a/ as RegExp)).toThrow(TypeError);
    expect(runInContext('(function () { try { "ab".matchAll(/a/); return "no error"; } catch (e) { return e.name; } })()', realm)).toBe('TypeError');
  });
});

describe('saving a file from the pane', () => {
  const EDGE_HTML = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; WebView/3.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045';
  const WEBVIEW2 = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86';
  const IE11 = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko';
  const MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)';
  const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

  it.each<[string, unknown, string, SaveSupport]>([
    ['Excel on the web, in Chrome', 'OfficeOnline', CHROME, { kind: 'download' }],
    ['Excel on the web, in Edge', 'OfficeOnline', WEBVIEW2.replace(/ WebView\S*/, ''), { kind: 'download' }],
    ['Excel on Windows, WebView2 (Microsoft 365, 2021/2024)', 'PC', WEBVIEW2, { kind: 'download-unconfirmed' }],
    ['Excel on Windows, EdgeHTML (older Microsoft 365 builds, retail 2016/2019)', 'PC', EDGE_HTML, { kind: 'unsupported', webView: 'edgehtml' }],
    ['Excel on Windows, Internet Explorer 11', 'PC', IE11, { kind: 'unsupported', webView: 'trident' }],
    ['Excel on Mac', 'Mac', MAC, { kind: 'unsupported', webView: 'wkwebview' }],
    ['Excel on iPad', 'iOS', MAC, { kind: 'unsupported', webView: 'wkwebview' }],
    ['outside Office, in a browser', null, CHROME, { kind: 'download' }],
    ['outside Office, in the old Edge', undefined, EDGE_HTML, { kind: 'unsupported', webView: 'edgehtml' }],
  ])('%s', (_where, platform, userAgent, expected) => {
    expect(saveSupport(platform, userAgent)).toEqual(expected);
  });

  it.each([
    ['vi', undefined, 'cchc consolidate <thư-mục-báo-cáo> --period 2021-H1 --out tong-hop-2021-H1.xlsx --docx bao-cao-2021-H1.docx'],
    ['en', 'so-nhan.csv', 'cchc consolidate <reports-folder> --period 2021-H1 --received so-nhan.csv --out tong-hop-2021-H1.xlsx --docx bao-cao-2021-H1.docx'],
    ['vi', 'Sổ nhận báo cáo.csv', 'cchc consolidate <thư-mục-báo-cáo> --period 2021-H1 --received "Sổ nhận báo cáo.csv" --out tong-hop-2021-H1.xlsx --docx bao-cao-2021-H1.docx'],
    ['en', 'a"$b.csv', 'cchc consolidate <reports-folder> --period 2021-H1 --received "a\\"\\$b.csv" --out tong-hop-2021-H1.xlsx --docx bao-cao-2021-H1.docx'],
  ] as const)('the command that writes it instead (%s, register %s)', (lang, register, command) => {
    expect(wordReportCommand(lang, '2021-H1', register)).toBe(command);
  });
});
