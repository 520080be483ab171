/**
 * One pipeline from bytes to a checked report (issue 11): every example report, every corpus file
 * and a set of units' own layouts go through the CLI's path (`processFile`, what its workers run),
 * the library's `readReport`, the add-in's picked file (`readPickedFile`) and the add-in's open
 * workbook (the file's cells loaded into the in-memory host, then `checkOpenReport`), and each way
 * finds the same status, the same report and the same findings.
 *
 * The open workbook has no file name and no period chosen (the pane's check), so it is compared
 * with `readReport` given neither, less the OOXML reader's own findings about the file's bytes
 * (Excel has opened the file by then). The CLI's own edge — .xls/.ods conversion (`--convert`) —
 * speaks before the pipeline: such files are unreadable on every path, with the CLI's
 * `convert-needed` in place of the reader's finding.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hatinh2021, isoToExcelSerial, type Finding, type Grid, type ReportOutcome, type UnitReport } from '@cchc-kpi/core';
import { processFile } from '../packages/cli/src/pipeline.ts';
import { readGrid, readReport } from '@cchc-kpi/xlsx';
import { writeTemplate } from '@cchc-kpi/xlsx/write';
import { fillTemplate } from '../examples/fill-template.ts';
import { checkOpenReport } from '../addin/src/actions/check.ts';
import { consolidateFiles, readPickedFile } from '../addin/src/actions/consolidate.ts';
import { defaultContext, periodOf } from '../addin/src/context.ts';
import { MemoryHost } from '../addin/src/office/memory-host.ts';
import { MemoryWorkbook, type Visibility } from '../addin/src/office/memory-workbook.ts';
import { repoRoot, sharedDir } from './support/cli.ts';
import { layoutXlsx, type LayoutCell } from './support/layout-xlsx.ts';
import { unzipParts, zipParts } from './support/zip.ts';

const context = defaultContext();
const period = periodOf(context, '2021-H1')!;
const dir = mkdtempSync(join(tmpdir(), 'cchc-one-pipeline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Input {
  group: 'example' | 'corpus' | 'layout' | 'form';
  name: string;
  bytes: Uint8Array;
}

// ---------------------------------------------------------------------------------------------
// The inputs.

const corpus = resolve(sharedDir, 'corpus');
const haveCorpus = existsSync(corpus);
if (!haveCorpus) console.warn(`one-pipeline.test.ts: skipped: the corpus rows, corpus not found at ${corpus} (../shared/corpus beside the repository, or set CCHC_SHARED_DIR)`);
const SPREADSHEET = /\.(xlsx|xlsm|xls|ods|et|xlsb)$/i;

function corpusInputs(): Input[] {
  if (!haveCorpus) return [];
  const folders = [corpus, join(corpus, 'hostile'), join(corpus, 'other')].filter((d) => existsSync(d));
  return folders.flatMap((d) => readdirSync(d).filter((f) => SPREADSHEET.test(f)).sort().map((f) => ({ group: 'corpus' as const, name: f, bytes: new Uint8Array(readFileSync(join(d, f))) })));
}

function exampleInputs(): Input[] {
  const out = join(dir, 'example');
  const generated = spawnSync(process.execPath, ['--import', 'tsx', resolve(repoRoot, 'examples/generate-reports.ts'), out], { cwd: repoRoot, encoding: 'utf8', timeout: 180_000 });
  expect(generated.status, generated.stderr).toBe(0);
  const reports = join(out, 'reports');
  return readdirSync(reports).sort().map((f) => ({ group: 'example' as const, name: f, bytes: new Uint8Array(readFileSync(join(reports, f))) }));
}

/** A ward's or commune's own table: title rows, then STT | Nội dung | Đơn vị tính | … as units write it. */
function unitTable(title: string, periodLine: LayoutCell[], header: LayoutCell[], rows: LayoutCell[][], signed: LayoutCell[] = []): LayoutCell[][] {
  return [[title, null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], ['BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH'], periodLine, [], header, ...rows, [], signed];
}

const HEADER: LayoutCell[] = ['STT', 'Nội dung', 'Đơn vị tính', 'Tổng số', 'Kết quả thực hiện', 'Tỷ lệ (%)', 'Ghi chú'];

function layoutInputs(): Input[] {
  const layouts: [string, Uint8Array][] = [
    [
      'bac-ha-6-thang.xlsx',
      layoutXlsx('Báo cáo', unitTable('UBND PHƯỜNG BẮC HÀ', ['6 THÁNG ĐẦU NĂM 2021'], HEADER, [
        [1, 'Tỷ lệ trang thông tin điện tử có chuyên mục CCHC', 'trang', 1, 1, '100%'],
        [2, 'Tỷ lệ hồ sơ TTHC được cập nhật, công khai tình trạng giải quyết', 'hồ sơ', '1.234', '1.200', '97,2%'],
        [3, 'Số hoạt động tuyên truyền về dịch vụ công trực tuyến mức độ 3, 4', 'hoạt động', null, 5],
        [4, 'Hỗ trợ doanh nghiệp tiếp cận văn bản, quy định pháp luật, thông tin quy hoạch', '', null, 'Đạt'],
      ], ['Bắc Hà, ngày 16 tháng 6 năm 2021'])),
    ],
    [
      '18088-thach-trung.xlsx',
      layoutXlsx('Sheet1', unitTable('UBND XÃ THẠCH TRUNG', ['Số liệu tính từ ngày', { serial: 44180 }, 'đến ngày', { serial: 44361 }], HEADER, [
        ['I', 'CÔNG KHAI THỦ TỤC HÀNH CHÍNH'],
        [1, 'Thủ tục hành chính được niêm yết công khai tại Bộ phận một cửa', 'TTHC', 112, 110],
        [2, 'Điểm Bưu điện văn hóa xã có tài liệu CCHC', 'điểm', 1, 1],
        [3, 'Hỗ trợ doanh nghiệp tiếp cận văn bản, quy định pháp luật, thông tin quy hoạch', '', null, 'Không đạt'],
      ])),
    ],
    [
      'dong-mon-quy-2.xlsx',
      layoutXlsx('Quý II', unitTable('UBND XÃ ĐỒNG MÔN', ['BÁO CÁO QUÝ II NĂM 2021'], HEADER, [
        [1, 'Tỷ lệ hồ sơ TTHC được cập nhật, công khai tình trạng giải quyết', 'hồ sơ', null, null, '95%'],
        [2, 'Trạm truyền thanh cơ sở có chuyên mục CCHC', 'trạm', 1, 2],
        [3, 'Một dòng không phải chỉ tiêu nào', 'lần', 3, 3],
      ]), { merges: ['A1:D1'] }),
    ],
    [
      'khong-ro-don-vi.xlsx',
      layoutXlsx('Báo cáo', unitTable('BÁO CÁO CCHC', ['Năm 2021'], HEADER, [
        [1, 'Tỷ lệ trang thông tin điện tử có chuyên mục CCHC', 'trang', 1, 'nhiều'],
      ])),
    ],
    ['khong-co-bang.xlsx', layoutXlsx('Ghi chú', [['Danh sách cán bộ'], ['Nguyễn Văn A', 'Văn thư']])],
  ];
  return layouts.map(([name, bytes]) => ({ group: 'layout' as const, name, bytes }));
}

/** Our form with its defined names taken out (read by cell positions), and our form sent back blank (by Thạch Bình, whose example report is missing). */
async function formInputs(): Promise<Input[]> {
  const template = await writeTemplate(hatinh2021, context.units.find((u) => u.code === '18073')!, period);
  const blank = await writeTemplate(hatinh2021, context.units.find((u) => u.code === '18112')!, period);
  const filled = await fillTemplate(template.bytes, {
    submittedOn: new Date('2021-06-16T00:00:00Z'),
    indicators: { CT1: { numerator: 1, denominator: 1 }, CT3a: { numerator: 300, denominator: 310 }, CT5b: { value: 'Có' } },
    activities: [],
  });
  const unnamed = zipParts(
    unzipParts(filled).map((p): [string, Uint8Array | string] => [p.name, p.name === 'xl/workbook.xml' ? new TextDecoder().decode(p.data).replace(/<definedNames>[\s\S]*?<\/definedNames>/, '') : p.data]),
  );
  return [
    { group: 'form', name: '18073-2021-H1-khong-ten-vung.xlsx', bytes: unnamed },
    { group: 'form', name: blank.fileName, bytes: blank.bytes },
  ];
}

// ---------------------------------------------------------------------------------------------
// The paths.

/** A finding as compared: everything but object identity. */
const key = (f: Finding): string => [f.severity, f.code, f.file ?? '', f.sheet ?? '', f.cell ?? '', f.unit ?? '', f.indicator ?? '', f.message.vi].join(' | ');

interface Seen {
  status: ReportOutcome['status'];
  report: UnitReport | null;
  findings: string[];
}

function seen(outcome: ReportOutcome): Seen {
  return { status: outcome.status, report: outcome.status === 'received' || outcome.status === 'empty' ? outcome.checked.report : null, findings: outcome.findings.map(key) };
}

/** The CLI's path: the file written to disk, read by `processFile` (the workers' function). */
async function cliPath(input: Input): Promise<Seen> {
  const folder = join(dir, 'cli', input.group);
  mkdirSync(folder, { recursive: true });
  const path = join(folder, input.name);
  writeFileSync(path, input.bytes);
  const outcome = await processFile(path, { plan: context.plan, units: context.units }, period);
  return { status: outcome.status, report: outcome.checked?.report ?? null, findings: outcome.findings.map(key) };
}

const EXCEL_SHEET_NAME = /^[^\\/?*[\]:]{1,31}$/;

/**
 * The file opened in Excel: its cells (values, formulas, number formats, errors), merges, sheet
 * visibility and workbook-scoped names loaded into the add-in's in-memory workbook. A date cell
 * (`t="d"`) is a serial with a date format there, as Excel shows it. Null when Excel could not
 * hold it as it is (a sheet name Excel refuses).
 */
function openInExcel(grid: Grid): MemoryHost | null {
  if (grid.sheets.length === 0 || grid.sheets.some((s) => !EXCEL_SHEET_NAME.test(s.name))) return null;
  const workbook = new MemoryWorkbook([]);
  const visibility: Record<string, Visibility> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };
  workbook.date1904 = grid.date1904;
  for (const sheet of grid.sheets) {
    const target = workbook.addSheet(sheet.name);
    target.visibility = visibility[sheet.state] ?? 'Visible';
    target.merges.push(...sheet.merges);
    for (const [ref, cell] of sheet.cells) {
      const at = workbook.cell(sheet.name, ref);
      const serial = cell.isoDate === undefined ? null : isoToExcelSerial(cell.isoDate.slice(0, 10), grid.date1904);
      at.value = serial ?? cell.value;
      if (serial !== null) at.numFmt = 'dd/mm/yyyy';
      else if (cell.numFmt !== undefined) at.numFmt = cell.numFmt;
      if (cell.formula !== undefined) at.formula = cell.formula;
      if (cell.error) at.error = true;
    }
  }
  for (const name of grid.definedNames) if (name.localSheet === undefined && !workbook.names.some((n) => n.name.toLowerCase() === name.name.toLowerCase())) workbook.addName(name.name, name.ref);
  return new MemoryHost(workbook, 8);
}

// ---------------------------------------------------------------------------------------------

const inputs: Input[] = [];

beforeAll(async () => {
  inputs.push(...exampleInputs(), ...corpusInputs(), ...layoutInputs(), ...(await formInputs()));
}, 240_000);

/** The CLI's conversion edge, which speaks before the pipeline for .xls/.ods files. */
const CLI_EDGE = new Set(['convert-needed', 'file-encrypted', 'convert-failed', 'convert-unavailable']);

describe('one pipeline: the CLI, the add-in and readReport read every input the same way', () => {
  it('reads every example report, corpus file and unit layout alike on the CLI path, readReport and the picked file', async () => {
    const counts = { example: 0, corpus: 0, layout: 0, form: 0 };
    const statuses = new Map<string, string>();
    for (const input of inputs) {
      counts[input.group] += 1;
      const cli = await cliPath(input);
      const library = seen(readReport(input.bytes, { plan: context.plan, units: context.units, file: input.name, period }).outcome);
      const picked = seen(await readPickedFile({ name: input.name, bytes: async () => input.bytes }, context, period));
      expect(picked, `${input.name}: the add-in's picked file`).toEqual(library);
      statuses.set(input.name, library.status);
      if (cli.findings.some((f) => CLI_EDGE.has(f.split(' | ')[1] ?? ''))) {
        expect([cli.status, library.status], `${input.name}: converted by the CLI only`).toEqual(['unreadable', 'unreadable']);
        continue;
      }
      expect(cli.status, input.name).toBe(library.status);
      // The CLI keeps the report of a received file only; the rest of what it found is the same.
      expect(cli.report, input.name).toEqual(library.status === 'received' ? library.report : null);
      expect(cli.findings, input.name).toEqual(library.findings);
    }
    // the example: 14 of the 15 wards and communes send their forms (Thạch Bình does not), and the two city centres
    expect(counts.example).toBe(16);
    expect(counts.layout).toBe(5);
    expect(counts.form).toBe(2);
    if (haveCorpus) expect(counts.corpus).toBeGreaterThanOrEqual(70);
    // What the table holds: each kind of outcome, read by each kind of reader.
    expect(inputs.filter((i) => i.group === 'example').every((i) => statuses.get(i.name) === 'received')).toBe(true);
    expect(['bac-ha-6-thang.xlsx', '18088-thach-trung.xlsx', 'dong-mon-quy-2.xlsx', 'khong-ro-don-vi.xlsx', '18073-2021-H1-khong-ten-vung.xlsx'].map((n) => statuses.get(n))).toEqual(Array(5).fill('received'));
    expect([statuses.get('khong-co-bang.xlsx'), statuses.get('18112-2021-H1.xlsx')]).toEqual(['unreadable', 'empty']);
  }, 600_000);

  it('reads the open workbook as readReport reads the file, on the add-in\'s test host', async () => {
    let opened = 0;
    const readers = new Set<string>();
    for (const input of inputs) {
      const grid = readGrid(input.bytes);
      if (!grid.ok) continue; // Excel would not open it either
      const host = openInExcel(grid.value);
      if (host === null) continue;
      opened += 1;
      const check = await checkOpenReport(host, context, { highlight: false });
      const library = readReport(input.bytes, { plan: context.plan, units: context.units }).outcome;
      // The reader's own notes on the bytes (XML recovered from, styles…) are no news once Excel has opened the file.
      const bytesNotes = new Set(grid.findings.map(key));
      const expected = seen(library);
      expect(check.status, input.name).toBe(expected.status);
      expect(check.findings.map(key), input.name).toEqual(expected.findings.filter((f) => !bytesNotes.has(f)));
      expect(check.checked?.report ?? null, input.name).toEqual(expected.status === 'received' ? expected.report : null);
      if (check.reader !== null) readers.add(check.reader);
    }
    expect(opened).toBeGreaterThanOrEqual(14 + 5 + 2);
    expect([...readers].sort()).toEqual(['layout', 'names', 'positions']);
  }, 600_000);
});

describe('the add-in and the CLI agree on what counts as received', () => {
  it('a blank form picked in the add-in is not counted as received', async () => {
    const blank = inputs.find((i) => i.name === '18112-2021-H1.xlsx')!;
    const filled = inputs.find((i) => i.name === '18070-2021-H1.xlsx')!;
    const host = new MemoryHost(new MemoryWorkbook(['Sheet1']), 8);
    const picked = [filled, blank].map((i) => ({ name: i.name, bytes: async () => i.bytes }));
    const outcome = await consolidateFiles(host, context, picked, { periodCode: '2021-H1' });
    expect(outcome).toMatchObject({ read: 1, skipped: 0, failed: 1 });
    const c = outcome.consolidation;
    expect(c.totals.received).toBe(1);
    expect(c.units.filter((u) => u.code === '18070' || u.code === '18112').map((u) => [u.code, u.status, u.submitted])).toEqual([
      ['18070', 'received', true],
      ['18112', 'missing', false],
    ]);
    expect(c.findings.filter((f) => f.code === 'report-empty').map((f) => f.file)).toEqual(['18112-2021-H1.xlsx']);
    // As `cchc consolidate` reads it.
    expect((await cliPath(blank)).status).toBe('empty');
  });
});

describe('one yes/no vocabulary', () => {
  it('"Đạt"/"Không đạt" read the same in our form and in a unit\'s layout', async () => {
    const unit = context.units.find((u) => u.code === '18076')!;
    const template = await writeTemplate(hatinh2021, unit, period);
    const ourForm = async (answer: string): Promise<unknown> => {
      const bytes = await fillTemplate(template.bytes, { submittedOn: new Date('2021-06-16T00:00:00Z'), indicators: { CT5b: { value: answer, evidence: 'Báo cáo số 30/BC-UBND' } }, activities: [] });
      const read = readReport(bytes, { plan: hatinh2021, units: context.units, file: template.fileName, period });
      expect(read.findings.map((f) => f.code), answer).not.toContain('boolean-invalid');
      return read.outcome.status === 'received' ? read.outcome.checked.report.indicators.get('CT5b')?.value : undefined;
    };
    const layout = (answer: string): unknown => {
      const rows = unitTable('UBND PHƯỜNG BẮC HÀ', ['6 THÁNG ĐẦU NĂM 2021'], HEADER, [[1, 'Hỗ trợ doanh nghiệp tiếp cận văn bản, quy định pháp luật, thông tin quy hoạch', '', null, answer]]);
      const read = readReport(layoutXlsx('Báo cáo', rows), { plan: hatinh2021, units: context.units, file: 'bac-ha.xlsx', period });
      expect(read.findings.map((f) => f.code), answer).not.toContain('boolean-invalid');
      return read.outcome.status === 'received' ? read.outcome.checked.report.indicators.get('CT5b')?.value : undefined;
    };
    for (const [answer, value] of [['Đạt', true], ['Không đạt', false], ['ĐẠT', true], ['Chưa đạt', false], ['Có', true], ['Không', false]] as const) {
      expect([await ourForm(answer), layout(answer)], answer).toEqual([value, value]);
    }
  });
});
