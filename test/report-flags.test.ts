/**
 * `--report-number` and `--report-date` (issue p1 H): `12/BC-UBND` printed "Số: 12/BC-UBND/BC-UBND",
 * `-5` printed "Số: -5/BC-UBND", and a report date before the period was accepted. Both are
 * checked before anything is read (exit 2), and the cover prints what was meant — so does the
 * Word report (`--docx`, issue 12), and `cchc report` takes both the same way.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod, type Period } from '@cchc-kpi/core';
import { readGrid } from '@cchc-kpi/xlsx';
import { checkReportDate, parseReportNumber } from '../packages/cli/src/consolidate/report-flags.ts';
import { runCli } from './support/cli.ts';
import { docxParts, tables } from './support/docx-xml.ts';
import { filledReport, unit } from './support/hostile.ts';

let dir = '';
let reports = '';
const H1: Period = (() => {
  const p = parsePeriod('2021-H1');
  if (!p.ok) throw new Error('period');
  return p.value;
})();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-report-flags-'));
  reports = join(dir, 'bao-cao');
  mkdirSync(reports);
  writeFileSync(join(reports, '18070-2021-H1.xlsx'), await filledReport(unit('18070')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--report-number', () => {
  it.each([
    ['12', '12'],
    ['012', '12'],
    [' 12 ', '12'],
    ['12/BC-UBND', '12'],
    ['12/bc-ubnd', '12'],
    ['12 / BC-UBND', '12'],
  ])('%j → %j', (typed, number) => {
    expect(parseReportNumber(typed, 'BC-UBND')).toEqual({ ok: true, value: number, findings: [] });
  });

  it.each([
    ['-5', 'số văn bản phải là số nguyên dương'],
    ['0', 'số văn bản phải là số nguyên dương'],
    ['12a', 'số văn bản phải là số nguyên dương'],
    ['', 'số văn bản phải là số nguyên dương'],
    ['12/BC-UBND/BC-UBND', 'ký hiệu "BC-UBND/BC-UBND" khác ký hiệu văn bản của kế hoạch (BC-UBND)'],
    ['12/QĐ-UBND', 'ký hiệu "QĐ-UBND" khác ký hiệu văn bản của kế hoạch (BC-UBND)'],
  ])('%j is refused: %s, and says to give the number only', (typed, why) => {
    const parsed = parseReportNumber(typed, 'BC-UBND');
    expect(parsed.ok).toBe(false);
    expect(parsed.findings.map((f) => [f.severity, f.code])).toEqual([['error', 'report-number-invalid']]);
    expect(parsed.findings[0]!.message.vi).toBe(
      `Số báo cáo "${typed}" (--report-number) không hợp lệ: ${why}; chỉ ghi số, ví dụ --report-number 12 (ký hiệu /BC-UBND được thêm tự động: "Số: 12/BC-UBND").`,
    );
  });

  it('exits 2 before reading anything, in both languages', () => {
    const out = join(dir, 'neg');
    const vi = runCli(['consolidate', reports, '--period', '2021-H1', '--out', join(out, 'a.xlsx'), '--report-number=-5']);
    expect(vi.status).toBe(2);
    expect(vi.stderr).toBe('LỖI      Số báo cáo "-5" (--report-number) không hợp lệ: số văn bản phải là số nguyên dương; chỉ ghi số, ví dụ --report-number 12 (ký hiệu /BC-UBND được thêm tự động: "Số: 12/BC-UBND").\n');
    const en = runCli(['consolidate', reports, '--period', '2021-H1', '--out', join(out, 'a.xlsx'), '--report-number', '12/BC-UBND/BC-UBND', '--lang', 'en']);
    expect(en.status).toBe(2);
    expect(en.stderr).toContain('is not the plan\'s document symbol (BC-UBND); give the number only, e.g. --report-number 12');
    expect(existsSync(out)).toBe(false);
  });

  it('12/BC-UBND prints "Số: 12/BC-UBND" on the cover, as 12 does', () => {
    const out = join(dir, 'cover.xlsx');
    const run = runCli(['consolidate', reports, '--period', '2021-H1', '--out', out, '--report-number', '12/BC-UBND', '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    const grid = readGrid(new Uint8Array(readFileSync(out)));
    if (!grid.ok) throw new Error('unreadable');
    const texts = [...grid.value.sheets[0]!.cells.values()].map((c) => c.value).filter((v) => typeof v === 'string' && v.startsWith('Số:'));
    expect(texts).toEqual(['Số: 12/BC-UBND']);
  });
});

describe('the Word reports take the number as the cover does', () => {
  /** The number and date line of a written .docx: the heading block's second row. */
  const numberLine = (path: string): string[] | undefined => tables(docxParts(new Uint8Array(readFileSync(path)))['word/document.xml'] ?? '')[0]?.[1];

  it('consolidate --docx: 12/BC-UBND prints "Số: 12/BC-UBND" in the Word report, as on the cover', () => {
    const out = join(dir, 'word');
    const run = runCli(['consolidate', reports, '--period', '2021-H1', '--out', join(out, 'a.xlsx'), '--docx', join(out, 'a.docx'), '--report-number', '12/BC-UBND', '--report-date', '2021-07-05', '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    expect(numberLine(join(out, 'a.docx'))).toEqual(['Số: 12/BC-UBND', 'Hà Tĩnh, ngày 05 tháng 7 năm 2021']);
  });

  it('cchc report: 3/BC-UBND prints "Số: 03/BC-UBND"; -5, another symbol or a date before the cut-off ends exit 2, nothing written', () => {
    const form = join(reports, '18070-2021-H1.xlsx');
    const out = join(dir, 'unit-word');
    const run = runCli(['report', form, '--docx', join(out, 'tran-phu.docx'), '--report-number', '3/BC-UBND', '--report-date', '2021-06-30']);
    expect(run.status, run.stderr).toBe(0);
    expect(numberLine(join(out, 'tran-phu.docx'))?.[0]).toBe('Số: 03/BC-UBND');
    const negative = runCli(['report', form, '--docx', join(out, 'neg.docx'), '--report-number=-5']);
    expect(negative.status).toBe(2);
    expect(negative.stderr).toContain('LỖI      Số báo cáo "-5" (--report-number) không hợp lệ: số văn bản phải là số nguyên dương');
    const symbol = runCli(['report', form, '--docx', join(out, 'qd.docx'), '--report-number', '3/QĐ-UBND']);
    expect(symbol.status).toBe(2);
    expect(symbol.stderr).toContain('ký hiệu "QĐ-UBND" khác ký hiệu văn bản');
    const early = runCli(['report', form, '--docx', join(out, 'early.docx'), '--report-date', '2019-01-01']);
    expect(early.status).toBe(2);
    expect(early.stderr).toContain('LỖI      Ngày báo cáo 01/01/2019 (--report-date) trước ngày chốt số liệu cuối kỳ 2021-H1 (14/06/2021)');
    for (const name of ['neg.docx', 'qd.docx', 'early.docx']) expect(existsSync(join(out, name)), name).toBe(false);
  });
});

describe('--report-date', () => {
  it('accepts the end of the cut-off (14/06/2021) and later dates', () => {
    expect(checkReportDate('2021-06-14', H1)).toEqual({ ok: true, value: '2021-06-14', findings: [] });
    expect(checkReportDate('2021-07-05', H1)).toEqual({ ok: true, value: '2021-07-05', findings: [] });
    expect(checkReportDate('2022-06-20', H1).findings).toEqual([]); // a year after the deadline, to the day
  });

  it('refuses a date before the period’s cut-off ends, saying from when', () => {
    const r = checkReportDate('2019-01-01', H1);
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => [f.severity, f.code, f.message.vi])).toEqual([
      [
        'error',
        'report-date-before-period',
        'Ngày báo cáo 01/01/2019 (--report-date) trước ngày chốt số liệu cuối kỳ 2021-H1 (14/06/2021): báo cáo chỉ ký được khi đã có số liệu của cả kỳ. Hãy ghi ngày từ 14/06/2021 trở đi, ví dụ --report-date 2021-06-20 (hạn gửi báo cáo).',
      ],
    ]);
    expect(checkReportDate('2021-06-13', H1).ok).toBe(false);
  });

  it('accepts a date more than a year after the deadline with a warning (a mistyped year?)', () => {
    const r = checkReportDate('2022-07-05', H1);
    expect(r.ok).toBe(true);
    expect(r.findings.map((f) => [f.severity, f.code, f.message.en])).toEqual([
      ['warning', 'report-date-far-after', 'Report date 2022-07-05 (--report-date) is more than a year after the deadline of 2021-H1 (2021-06-20); check it, the year may be mistyped.'],
    ]);
  });

  it('exits 2 before reading on 2019-01-01; says the warning and goes on for a date far after', () => {
    const early = runCli(['consolidate', reports, '--period', '2021-H1', '--out', join(dir, 'early', 'a.xlsx'), '--report-date', '2019-01-01']);
    expect(early.status).toBe(2);
    expect(early.stderr).toMatch(/^LỖI {6}Ngày báo cáo 01\/01\/2019 \(--report-date\) trước ngày chốt số liệu cuối kỳ 2021-H1/);
    expect(early.stderr).not.toContain('Đọc báo cáo');
    expect(existsSync(join(dir, 'early'))).toBe(false);
    const late = runCli(['consolidate', reports, '--period', '2021-H1', '--out', join(dir, 'late.xlsx'), '--report-date', '2022-07-05', '--quiet']);
    expect(late.status).toBe(0);
    expect(late.stderr).toBe('CẢNH BÁO Ngày báo cáo 05/07/2022 (--report-date) muộn hơn hạn gửi báo cáo kỳ 2021-H1 (20/06/2021) hơn một năm; kiểm tra lại, có thể gõ nhầm năm.\n');
  });
});
