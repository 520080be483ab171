/**
 * Year-on-year: `cchc consolidate --compare PREVIOUS.json`. The change of every indicator's city
 * figures and of every unit's score, in the JSON, the workbook and the HTML; and CT2a
 * ("increase airtime over last year") taking last year's figure from the earlier consolidation
 * when the unit left it blank.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReport, compareConsolidations, consolidate, hatinh2021, hatinhCity2020, parsePeriod, parsePreviousConsolidation, roundChange, toJson } from '@cchc-kpi/core';
import { readGrid } from '@cchc-kpi/xlsx';
import { repoRoot, runCli } from './support/cli.ts';
import { writeSmallExample } from './support/small-example.ts';

let dir = '';
let reports = '';
let units = '';
let plain: any;
let compared: any;

/** Last year's consolidation (2020-H1) as `consolidate --json` wrote it, with the figures that matter. */
function previous(period = { code: '2020-H1', kind: 'half', year: 2020, index: 1 }): object {
  return {
    plan: { id: 'hatinh-2021', title: { vi: 'x', en: 'x' }, document: 'x' },
    period: { ...period, cutoffStart: '2019-12-15', cutoffEnd: '2020-06-14', deadline: '2020-06-20' },
    units: [
      { code: '18070', name: 'Trần Phú', kind: 'ward', submitted: true, score: 80.5, rank: 2, indicators: { CT3a: { numerator: 180, denominator: 200, status: 'notMet' } } },
      { code: '18073', name: 'Nam Hà', kind: 'ward', submitted: true, score: 90, rank: 1, indicators: {} },
      { code: 'TTVHTT', name: 'Trung tâm Văn hóa – Truyền thông thành phố', kind: 'agency', submitted: true, score: 70, rank: 3, indicators: { CT2a: { numerator: 100, denominator: 90 } } },
      { code: '__proto__', name: 'x', submitted: true, score: 1, rank: 4, indicators: { __proto__: { numerator: 1 } } },
    ],
    totals: {
      indicators: {
        CT1: { numerator: 2, denominator: 3, value: null, ratio: 2 / 3, unitsCounted: 3, unitsMet: 2 },
        CT2a: { numerator: 100, denominator: 90, value: null, ratio: 100 / 90, unitsCounted: 1, unitsMet: 1 },
        CT3a: { numerator: 380, denominator: 400, value: null, ratio: 0.95, unitsCounted: 2, unitsMet: 0 },
        CT5a: { numerator: null, denominator: null, value: 4, ratio: null, unitsCounted: 3, unitsMet: 2 },
        constructor: { numerator: 1 },
      },
      expected: 16,
      received: 10,
      onTime: 8,
      completeness: 0.625,
      timeliness: 0.5,
    },
    findings: [],
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-compare-'));
  ({ reports, units } = await writeSmallExample(dir));
  writeFileSync(join(dir, 'tong-hop-2020-H1.json'), JSON.stringify(previous()));
  const base = ['consolidate', reports, '--period', '2021-H1', '--units', units, '--quiet'];
  const a = runCli([...base, '--out', join(dir, 'a.xlsx'), '--json', join(dir, 'a.json')]);
  expect(a.stderr).toBe('');
  plain = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'));
  const b = runCli([...base, '--out', join(dir, 'b.xlsx'), '--json', join(dir, 'b.json'), '--html', join(dir, 'b.html'), '--compare', join(dir, 'tong-hop-2020-H1.json')]);
  expect(b.stderr).toBe('');
  expect(b.status).toBe(0);
  compared = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CT2a without last year’s figure', () => {
  it('is invalid without --compare (one of the pair is blank)', () => {
    const agency = plain.units.find((u: any) => u.code === 'TTVHTT');
    expect(agency.indicators.CT2a).toMatchObject({ numerator: 130, denominator: null, status: 'invalid' });
    expect(agency.findings.map((f: any) => f.code)).toContain('pair-incomplete');
    expect(plain.totals.indicators.CT2a).toMatchObject({ numerator: null, denominator: null, unitsCounted: 0 });
  });

  it('takes last year’s figure (the unit’s own 2020-H1 figure, 100) with --compare, and says so', () => {
    const agency = compared.units.find((u: any) => u.code === 'TTVHTT');
    expect(agency.indicators.CT2a).toEqual({ numerator: 130, denominator: 100, value: null, ratio: 1.3, completion: 1, status: 'met' });
    const codes = agency.findings.filter((f: any) => f.indicator === 'CT2a').map((f: any) => [f.severity, f.code]);
    expect(codes).toEqual([['notice', 'denominator-from-previous']]);
    const note = agency.findings.find((f: any) => f.code === 'denominator-from-previous');
    expect(note.message.vi).toBe(`Chỉ tiêu CT2a: đơn vị không ghi số liệu cùng kỳ năm trước (ô ${note.cell}); lấy 100 từ báo cáo tổng hợp cùng kỳ năm trước để so sánh.`);
    expect(note).toMatchObject({ sheet: 'Báo cáo', unit: 'TTVHTT', file: 'TTVHTT-2021-H1.xlsx' });
    expect(compared.totals.indicators.CT2a).toEqual({ numerator: 130, denominator: 100, value: null, ratio: 1.3, unitsCounted: 1, unitsMet: 1 });
  });

  it('keeps a figure the unit typed, with a notice when it differs from last year’s consolidation', async () => {
    const other = mkdtempSync(join(tmpdir(), 'cchc-compare-typed-'));
    try {
      const small = await writeSmallExample(other, { TTVHTT: { CT2a: { numerator: 130, denominator: 95 } } });
      writeFileSync(join(other, 'prev.json'), JSON.stringify(previous()));
      const run = runCli(['consolidate', small.reports, '--period', '2021-H1', '--units', small.units, '--quiet', '--out', join(other, 'c.xlsx'), '--json', join(other, 'c.json'), '--compare', join(other, 'prev.json')]);
      expect(run.status).toBe(0);
      const agency = JSON.parse(readFileSync(join(other, 'c.json'), 'utf8')).units.find((u: any) => u.code === 'TTVHTT');
      expect(agency.indicators.CT2a).toMatchObject({ numerator: 130, denominator: 95, status: 'met' });
      expect(agency.findings.filter((f: any) => f.indicator === 'CT2a').map((f: any) => f.code)).toEqual(['previous-figure-differs']);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('does not take figures from a consolidation of another period, and warns', () => {
    writeFileSync(join(dir, 'h2.json'), JSON.stringify(previous({ code: '2020-H2', kind: 'half', year: 2020, index: 2 })));
    const run = runCli(['consolidate', reports, '--period', '2021-H1', '--units', units, '--quiet', '--out', join(dir, 'h2.xlsx'), '--json', join(dir, 'h2-out.json'), '--compare', join(dir, 'h2.json')]);
    expect(run.status).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'h2-out.json'), 'utf8'));
    expect(json.units.find((u: any) => u.code === 'TTVHTT').indicators.CT2a.status).toBe('invalid');
    expect(json.comparison.samePeriodLastYear).toBe(false);
    expect(json.findings.filter((f: any) => f.code === 'compare-period-not-previous-year').map((f: any) => [f.severity, f.file])).toEqual([['warning', 'h2.json']]);
  });
});

describe('the comparison in the JSON', () => {
  it('names the earlier consolidation', () => {
    expect(compared.comparison.previous).toEqual({ period: '2020-H1', planId: 'hatinh-2021', file: 'tong-hop-2020-H1.json' });
    expect(compared.comparison.current).toEqual({ period: '2021-H1' });
    expect(compared.comparison.samePeriodLastYear).toBe(true);
  });

  it('gives the change of every indicator’s city figures (current − previous; ratios in fractions)', () => {
    const byCode = new Map(compared.comparison.indicators.map((c: any) => [c.code, c]));
    expect(compared.comparison.indicators.map((c: any) => c.code)).toEqual(['CT1', 'CT2a', 'CT2b', 'CT3a', 'CT3b', 'CT4a', 'CT4b', 'CT5a', 'CT5b']);
    // CT1: 4 of 4 units now (Trần Phú, Nam Hà, Thạch Trung, the centre) vs 2/3 → +2, +1, +1/3
    expect(byCode.get('CT1')).toEqual({
      code: 'CT1',
      current: { numerator: 4, denominator: 4, value: null, ratio: 1, unitsCounted: 4, unitsMet: 4 },
      previous: { numerator: 2, denominator: 3, value: null, ratio: 2 / 3, unitsCounted: 3, unitsMet: 2 },
      change: { numerator: 2, denominator: 1, value: null, ratio: 0.333333333333 },
    });
    // CT3a: Nam Hà's 510/500 is invalid and left out: 200 + 90 + 200 = 490 over 500; last year 380/400
    expect((byCode.get('CT3a') as any).current).toMatchObject({ numerator: 490, denominator: 500, ratio: 0.98 });
    expect((byCode.get('CT3a') as any).change).toEqual({ numerator: 110, denominator: 100, value: null, ratio: 0.03 });
    // CT2a: 130/100 now vs 100/90
    expect((byCode.get('CT2a') as any).change).toEqual({ numerator: 30, denominator: 10, value: null, ratio: roundChange(1.3 - 100 / 90) });
    // CT5a (count): 2 + 2 + 2 + 2 = 8 now vs 4
    expect((byCode.get('CT5a') as any).change).toEqual({ numerator: null, denominator: null, value: 4, ratio: null });
    // CT2b: not in last year's file
    expect((byCode.get('CT2b') as any).previous).toBeNull();
    expect((byCode.get('CT2b') as any).change).toEqual({ numerator: null, denominator: null, value: null, ratio: null });
  });

  it('gives every unit’s score change and rank change, and the submission rates', () => {
    const byCode = new Map(compared.comparison.units.map((u: any) => [u.code, u]));
    const tp = byCode.get('18070') as any;
    const current = compared.units.find((u: any) => u.code === '18070');
    expect(tp.current).toEqual({ submitted: true, score: current.score, rank: current.rank });
    expect(tp.previous).toEqual({ submitted: true, score: 80.5, rank: 2 });
    expect(tp.change).toEqual({ score: roundChange(current.score - 80.5, 2), rank: 2 - current.rank });
    expect((byCode.get('18076') as any).previous).toBeNull(); // Bắc Hà: in neither
    expect(compared.comparison.units.map((u: any) => u.code)).toEqual(compared.units.map((u: any) => u.code));
    expect(byCode.has('__proto__')).toBe(false);
    // 17 units expected now (the built-in registry has the two centres; TTVHTT of --units is the same
    // unit): completeness 4/17 now vs 0.625; timeliness 3/17 vs 0.5 (4/16 and 3/16 with 16 units)
    expect(compared.comparison.completeness).toEqual({ current: 4 / 17, previous: 0.625, change: roundChange(4 / 17 - 0.625) });
    expect(compared.comparison.timeliness).toEqual({ current: 3 / 17, previous: 0.5, change: roundChange(3 / 17 - 0.5) });
  });

  it('is absent without --compare', () => {
    expect(plain.comparison).toBeUndefined();
  });
});

describe('the comparison in the workbook and the HTML', () => {
  it('adds the "So sánh cùng kỳ" sheet', () => {
    const grid = readGrid(new Uint8Array(readFileSync(join(dir, 'b.xlsx'))));
    expect(grid.ok).toBe(true);
    if (!grid.ok) return;
    expect(grid.value.sheets.map((s) => s.name).at(-1)).toBe('So sánh cùng kỳ');
    const sheet = grid.value.sheets.find((s) => s.name === 'So sánh cùng kỳ')!;
    // CT3a on row 8: this period (formula on Tổng hợp) 0.98, last year 0.95, change 0.03
    expect(sheet.cells.get('B8')?.value).toBe('CT3a');
    expect(sheet.cells.get('D8')).toMatchObject({ formula: "'Tổng hợp'!H8", value: 0.98 });
    expect(sheet.cells.get('E8')?.value).toBe(0.95);
    expect(sheet.cells.get('F8')?.value as number).toBeCloseTo(0.03, 12);
    const plainGrid = readGrid(new Uint8Array(readFileSync(join(dir, 'a.xlsx'))));
    expect(plainGrid.ok && plainGrid.value.sheets.some((s) => s.name === 'So sánh cùng kỳ')).toBe(false);
  });

  it('adds the earlier period to the HTML tables and chart', () => {
    const html = readFileSync(join(dir, 'b.html'), 'utf8');
    expect(html).toContain('<th>Tỷ lệ kỳ 2020-H1</th>');
    expect(html).toContain('<th>Điểm kỳ 2020-H1</th>');
    expect(html).toContain('+3 điểm %'); // CT3a: 98% vs 95%
    expect(html).toContain('Hình thoi: kỳ 2020-H1.');
  });
});

describe('reading the earlier consolidation', () => {
  it('refuses a file that is not a consolidation JSON, with a bilingual finding', () => {
    for (const text of ['not json', '[]', '{"period":{"code":"2020-H1","year":2020}}']) {
      const r = parsePreviousConsolidation(text, 'x.json');
      expect(r.ok).toBe(false);
      expect(r.findings.map((f) => [f.severity, f.code, f.file])).toEqual([['error', 'compare-file-invalid', 'x.json']]);
      expect(r.findings[0]!.message.vi).toMatch(/^Tệp so sánh x\.json không dùng được: /);
    }
  });

  it('exits 2 on such a file and writes nothing', () => {
    writeFileSync(join(dir, 'bad.json'), '{"hello": 1}');
    const run = runCli(['consolidate', reports, '--period', '2021-H1', '--units', units, '--out', join(dir, 'bad.xlsx'), '--compare', join(dir, 'bad.json')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('bad.json');
    expect(() => readFileSync(join(dir, 'bad.xlsx'))).toThrow();
  });

  it('treats keys such as __proto__ as plain text', () => {
    const r = parsePreviousConsolidation(JSON.stringify(previous()), 'p.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.units.get('__proto__')?.standing.score).toBe(1);
    expect(r.value.totals.get('constructor')?.numerator).toBe(1);
    expect(({} as Record<string, unknown>).numerator).toBeUndefined();
  });
});

describe('figures outside what this tool writes (issue 18)', () => {
  /** Last year's file with figures no consolidation writes: past Excel's largest number, 1e300, negative, a ratio that is not numerator ÷ denominator. */
  function hostile(): any {
    const p = previous() as any;
    p.totals.indicators.CT1 = { numerator: 1.7976931348623157e308, denominator: 3, value: null, ratio: 1e300, unitsCounted: 3, unitsMet: 2 };
    p.totals.indicators.CT3a = { numerator: 380, denominator: 400, value: null, ratio: 1e300, unitsCounted: 2, unitsMet: 0 };
    p.totals.indicators.CT5a.value = -4;
    p.totals.completeness = 5;
    p.units[0].score = 1e300;
    p.units[1].rank = 0.5;
    p.units[2].indicators.CT2a.numerator = 1e300;
    return p;
  }

  it('are dropped, each as if blank, with one warning giving the count and the first five', () => {
    const r = parsePreviousConsolidation(JSON.stringify(hostile()), 'p.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.totals.get('CT1')).toEqual({ numerator: null, denominator: 3, value: null, ratio: null, unitsCounted: 3, unitsMet: 2 });
    expect(r.value.totals.get('CT3a')).toEqual({ numerator: 380, denominator: 400, value: null, ratio: null, unitsCounted: 2, unitsMet: 0 });
    expect(r.value.totals.get('CT5a')?.value).toBeNull();
    expect(r.value.completeness).toBeNull();
    expect(r.value.timeliness).toBe(0.5);
    expect(r.value.units.get('18070')?.standing).toEqual({ submitted: true, score: null, rank: 2 });
    expect(r.value.units.get('18073')?.standing).toEqual({ submitted: true, score: 90, rank: null });
    expect(r.value.units.get('TTVHTT')?.indicators.get('CT2a')).toEqual({ numerator: null, denominator: 90, value: null });
    expect(r.findings.map((f) => [f.severity, f.code, f.file])).toEqual([['warning', 'compare-figure-invalid', 'p.json']]);
    expect(r.findings[0]!.message.en).toBe(
      // A unit's own figure (CT2a numerator 1e300) is what the unit typed, copied as typed: blank, not counted here.
      'Comparison file p.json holds 7 figures this tool never writes (negative, too large, a ratio that does not match its numerator and denominator…); they are ignored, as if blank: totals.indicators.CT1.numerator = 1.7976931348623157e+308; totals.indicators.CT1.ratio = 1e+300; totals.indicators.CT3a.ratio = 1e+300; totals.indicators.CT5a.value = -4; units[0].score = 1e+300 and 2 more.',
    );
    // A clean file gives no such warning.
    expect(parsePreviousConsolidation(JSON.stringify(previous()), 'p.json').findings).toEqual([]);
  });

  it('never reach the comparison: every change is a finite number or null', () => {
    const r = parsePreviousConsolidation(JSON.stringify(hostile()), 'p.json');
    const period = parsePeriod('2021-H1');
    if (!r.ok || !period.ok) throw new Error('setup');
    const result = consolidate({ plan: hatinh2021, units: hatinhCity2020.units, period: period.value, reports: [] });
    const comparison = compareConsolidations(result, hatinh2021, r.value);
    const numbers: unknown[] = [];
    JSON.stringify(comparison, (_key, value: unknown) => {
      if (typeof value === 'number') numbers.push(value);
      return value;
    });
    expect(numbers.length).toBeGreaterThan(20);
    expect(numbers.every((n) => Number.isFinite(n) && Math.abs(n as number) <= Number.MAX_SAFE_INTEGER)).toBe(true);
  });

  it('through consolidate --compare: no "Infinity" in the HTML or the workbook, the warning in the outputs', () => {
    writeFileSync(join(dir, 'hostile.json'), JSON.stringify(hostile()));
    const run = runCli(['consolidate', reports, '--period', '2021-H1', '--units', units, '--quiet', '--out', join(dir, 'h.xlsx'), '--json', join(dir, 'h.json'), '--html', join(dir, 'h.html'), '--compare', join(dir, 'hostile.json')]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, 'h.html'), 'utf8')).not.toMatch(/Infinity|NaN|e\+\d{3}/);
    const json = JSON.parse(readFileSync(join(dir, 'h.json'), 'utf8'));
    expect(json.findings.filter((f: any) => f.code === 'compare-figure-invalid').map((f: any) => [f.severity, f.file])).toEqual([['warning', 'hostile.json']]);
    expect(json.comparison.indicators.find((c: any) => c.code === 'CT3a').change.ratio).toBeNull();
    const grid = readGrid(new Uint8Array(readFileSync(join(dir, 'h.xlsx'))));
    expect(grid.ok).toBe(true);
    if (!grid.ok) return;
    for (const sheet of grid.value.sheets) {
      for (const [ref, cell] of sheet.cells) {
        if (typeof cell.value === 'number') expect(Math.abs(cell.value), `${sheet.name}!${ref}`).toBeLessThan(1e15);
        if (typeof cell.value === 'string') expect(cell.value, `${sheet.name}!${ref}`).not.toMatch(/Infinity|NaN/);
      }
    }
  });
});

describe('the JSON consolidate --json writes, fed back to --compare', () => {
  const invalidFigures = (json: { findings: { code: string }[] }): { code: string }[] => json.findings.filter((f) => f.code === 'compare-figure-invalid');

  it('reads back without compare-figure-invalid: yes/no answers, refused figures and all (small example)', () => {
    // a.json holds CT5b answers true/false and Nam Hà's refused 510/500 (status invalid).
    expect(plain.units.some((u: any) => u.indicators.CT5b.value === true)).toBe(true);
    expect(plain.units.find((u: any) => u.code === '18073').indicators.CT3a).toMatchObject({ numerator: 510, denominator: 500, status: 'invalid' });
    const run = runCli(['consolidate', reports, '--period', '2021-H1', '--units', units, '--quiet', '--out', join(dir, 'rt.xlsx'), '--json', join(dir, 'rt.json'), '--compare', join(dir, 'a.json')]);
    expect(run.status, run.stderr).toBe(0);
    expect(invalidFigures(JSON.parse(readFileSync(join(dir, 'rt.json'), 'utf8')))).toEqual([]);
    const r = parsePreviousConsolidation(readFileSync(join(dir, 'a.json'), 'utf8'), 'a.json');
    if (!r.ok) throw new Error('a.json unreadable');
    expect(r.findings).toEqual([]);
    expect(r.value.units.get('18070')?.indicators.get('CT5b')).toEqual({ numerator: null, denominator: null, value: true });
    expect(r.value.units.get('18073')?.indicators.get('CT5b')).toEqual({ numerator: null, denominator: null, value: false });
  });

  it('reads back without compare-figure-invalid (the example of pnpm start)', () => {
    const example = join(dir, 'example');
    const made = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'examples/generate-reports.ts'), example], { cwd: repoRoot, encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const base = ['consolidate', join(example, 'reports'), '--period', '2021-H1', '--received', join(example, 'received-2021-H1.csv'), '--quiet'];
    const first = runCli([...base, '--out', join(example, 'a.xlsx'), '--json', join(example, 'a.json')]);
    expect(first.status, first.stderr).toBe(0);
    const again = runCli([...base, '--out', join(example, 'b.xlsx'), '--json', join(example, 'b.json'), '--compare', join(example, 'a.json')]);
    expect(again.status, again.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(example, 'b.json'), 'utf8'));
    expect(invalidFigures(json)).toEqual([]);
    // The same period compared with itself: every change is zero.
    expect(json.comparison.indicators.map((c: any) => c.change.ratio ?? 0)).toEqual(json.comparison.indicators.map(() => 0));
  }, 120_000);

  it('still warns about a unit figure no consolidation writes: text, or yes/no as a numerator', () => {
    const p = previous() as any;
    p.units[0].indicators.CT3a = { numerator: '180', denominator: true, value: 'Có', status: 'met' };
    const r = parsePreviousConsolidation(JSON.stringify(p), 'p.json');
    expect(r.findings.map((f) => f.code)).toEqual(['compare-figure-invalid']);
    expect(r.findings[0]!.message.en).toContain('holds 3 figures');
    expect(r.findings[0]!.message.en).toContain('units[0].indicators.CT3a.numerator = "180"; units[0].indicators.CT3a.denominator = true; units[0].indicators.CT3a.value = "Có".');
  });

  it('reads back without compare-figure-invalid for random consolidations, invalid figures included (property)', () => {
    const period = parsePeriod('2021-H1');
    if (!period.ok) throw new Error('period');
    const agencies = [{ code: 'TTVHTT', name: 'Trung tâm Văn hóa – Truyền thông thành phố', kind: 'agency' as const, order: 16 }];
    const all = [...hatinhCity2020.units, ...agencies];
    // Whatever a unit may type: blanks, counts, and figures the rules refuse.
    const typed = fc.oneof(fc.constant(null), fc.nat({ max: 500 }), fc.constantFrom(-5, 2.5, 1e20, 1e21, Number.MAX_SAFE_INTEGER + 2));
    const answer = fc.oneof(typed, fc.boolean());
    const report = fc.record({
      unit: fc.constantFrom(...all),
      figures: fc.array(fc.record({ numerator: typed, denominator: typed, value: answer }), { minLength: hatinh2021.indicators.length, maxLength: hatinh2021.indicators.length }),
      submittedOn: fc.option(fc.constantFrom('2021-06-10', '2021-06-20', '2021-07-30'), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(report, { maxLength: 8 }), (reports) => {
        const checked = reports.map((r, n) =>
          checkReport(
            {
              unitCode: r.unit.code,
              periodCode: '2021-H1',
              submittedOn: r.submittedOn,
              planId: hatinh2021.id,
              templateVersion: null,
              indicators: new Map(hatinh2021.indicators.map((indicator, i) => [indicator.code, { ...r.figures[i]!, typedPercent: null, note: null, evidence: 'Văn bản 1/UBND', source: {} }])),
              activities: [],
              file: `${r.unit.code}-${n}.xlsx`,
              source: {},
            },
            { plan: hatinh2021, units: all, period: period.value, file: `${r.unit.code}-${n}.xlsx` },
          ),
        );
        const result = consolidate({ plan: hatinh2021, units: all, period: period.value, reports: checked });
        const back = parsePreviousConsolidation(JSON.stringify(toJson(result)), 'prev.json');
        expect(back.ok).toBe(true);
        expect(back.findings).toEqual([]);
      }),
      { numRuns: 200, seed: 20210614 },
    );
  });
});
