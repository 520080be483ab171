/**
 * The one reading pipeline on hand-made grids (`processGrid`, `readGridReport`): which outcome,
 * which reader, the saved mapping, the period assumed, the file-name check, in a table.
 */
import { describe, expect, it } from 'vitest';
import { formatA1 } from '../src/grid/a1.ts';
import type { Cell, Grid, Sheet } from '../src/grid/grid.ts';
import { parsePeriod } from '../src/period/period.ts';
import { hatinh2021 } from '../src/plan/builtin.ts';
import { LAYOUT_MAPPING_FORMAT, type LayoutMapping } from '../src/read/layout/mapping.ts';
import { processGrid } from '../src/read/pipeline/process-grid.ts';
import type { ProcessGridOptions, ReportOutcome, SavedMappings } from '../src/read/pipeline/types.ts';
import { makeFinding } from '../src/finding.ts';
import { hatinhCity2020 } from '../src/units/hatinh-2021.ts';
import { TEMPLATE_LAYOUT, TEMPLATE_SHEETS, gridDefinedName, templateNames } from '../src/workbooks/template/layout.ts';
import { CONSOLIDATED_MARKER_NAME } from '../src/template/names.ts';

type Spec = string | number | null;

function sheet(name: string, cells: Record<string, Spec>): Sheet {
  const map = new Map<string, Cell>();
  for (const [ref, value] of Object.entries(cells)) if (value !== null) map.set(ref, { value });
  return { name, state: 'visible', cells: map, merges: [], maxRow: 40, maxCol: 12 };
}

/** Our form's report and meta sheets by position: unit, period, date, plan id, and figures typed for CT1 and CT5b. */
function form(figures: Record<string, Spec>, names: boolean): Grid {
  const L = TEMPLATE_LAYOUT;
  const C = L.columns;
  const report: Record<string, Spec> = { [formatA1({ row: L.unitRow, col: C.numerator })]: '18070', [formatA1({ row: L.unitRow, col: C.percent })]: '2021-H1', ...figures };
  hatinh2021.indicators.forEach((indicator, i) => (report[formatA1({ row: L.firstIndicatorRow + i, col: C.code })] = indicator.code));
  const sheets = [sheet(TEMPLATE_SHEETS.report, report), sheet(TEMPLATE_SHEETS.meta, { B1: hatinh2021.id, B2: '1' })];
  return { sheets, definedNames: names ? templateNames(hatinh2021).filter((n) => sheets.some((s) => s.name === n.sheet)).map(gridDefinedName) : [], date1904: false };
}

/** A ward's own table, naming its unit (Bắc Hà) but no period. */
const layout: Grid = {
  sheets: [
    sheet('Báo cáo', {
      A1: 'UBND PHƯỜNG BẮC HÀ',
      A3: 'STT', B3: 'Nội dung', C3: 'Tổng số', D3: 'Kết quả thực hiện',
      A4: 1, B4: 'Tỷ lệ hồ sơ TTHC được cập nhật, công khai tình trạng giải quyết', C4: 410, D4: 400,
      A5: 2, B5: 'Giao ban', C5: 50, D5: 45,
    }),
  ],
  definedNames: [],
  date1904: false,
};

const period = parsePeriod('2021-H1');
if (!period.ok) throw new Error('period');
const base: ProcessGridOptions = { plan: hatinh2021, units: hatinhCity2020.units };
const CT1 = formatA1({ row: TEMPLATE_LAYOUT.firstIndicatorRow, col: TEMPLATE_LAYOUT.columns.numerator });
const CT1_DEN = formatA1({ row: TEMPLATE_LAYOUT.firstIndicatorRow, col: TEMPLATE_LAYOUT.columns.denominator });
const mapping: LayoutMapping = { format: LAYOUT_MAPPING_FORMAT, unit: '18076', rows: [{ row: 5, text: 'Giao ban', indicator: 'CT1' }] };
const saved: SavedMappings = new Map([['18076', { mapping, findings: [makeFinding('notice', 'mapping-note', { vi: 'ghi chú', en: 'note' })] }]]);

function summary(outcome: ReportOutcome): [string, string | null, Record<string, [number | null, number | null]>, string[]] {
  const reading = outcome.status === 'received' || outcome.status === 'empty' ? outcome : null;
  const figures = Object.fromEntries([...(reading?.checked.report.indicators ?? new Map())].filter(([, v]) => v.numerator !== null).map(([code, v]) => [code, [v.numerator, v.denominator]]));
  return [outcome.status, reading?.reading.reader ?? null, figures, outcome.findings.map((f) => f.code)];
}

describe('processGrid: one pipeline from a grid to a checked report', () => {
  const cases: [string, Grid, Partial<ProcessGridOptions>, ReturnType<typeof summary>[0], ReturnType<typeof summary>[1], Record<string, [number, number]>, string[]][] = [
    ['our own output is skipped', { sheets: [], definedNames: [{ name: CONSOLIDATED_MARKER_NAME, ref: "'Tổng hợp'!$A$1" }], date1904: false }, { file: 'tong-hop.xlsx' }, 'skipped', null, {}, ['file-skipped']],
    ['no table anywhere is unreadable', { sheets: [sheet('Sheet1', { A1: 'Danh sách' })], definedNames: [], date1904: false }, {}, 'unreadable', null, {}, ['layout-table-not-found']],
    ['our form by its names', form({ [CT1]: 1, [CT1_DEN]: 1 }, true), {}, 'received', 'names', { CT1: [1, 1] }, []],
    ['our form without names, by positions', form({ [CT1]: 1, [CT1_DEN]: 1 }, false), {}, 'received', 'positions', { CT1: [1, 1] }, ['read-by-position']],
    ['our form untouched is empty, not received', form({}, true), {}, 'empty', 'names', {}, ['report-empty']],
    ['a unit\'s own table by the layout reader, the consolidated period assumed', layout, { period: period.value }, 'received', 'layout', { CT3a: [400, 410] }, ['layout-unit-found', 'layout-period-assumed', 'layout-row-unmatched']],
    ['the unit\'s saved mapping, with its loading findings first', layout, { period: period.value, mappings: saved }, 'received', 'layout', { CT1: [45, 50], CT3a: [400, 410] }, ['mapping-note', 'layout-mapping-used']],
    ['a file named for another unit', form({ [CT1]: 1, [CT1_DEN]: 1 }, true), { file: '18073-2021-H1.xlsx' }, 'received', 'names', { CT1: [1, 1] }, ['file-name-unit-mismatch']],
  ];
  it.each(cases)('%s', (_name, grid, options, status, reader, figures, codes) => {
    const [gotStatus, gotReader, gotFigures, gotCodes] = summary(processGrid(grid, { ...base, ...options }));
    expect([gotStatus, gotReader, gotFigures]).toEqual([status, reader, figures]);
    expect(gotCodes).toEqual(expect.arrayContaining(codes));
    if (codes[0] === 'mapping-note') expect(gotCodes.indexOf('mapping-note')).toBeLessThan(gotCodes.indexOf('layout-read'));
  });

  it('puts earlier findings first and keeps the checked report\'s findings equal to the outcome\'s', () => {
    const before = [makeFinding('notice', 'converted', { vi: 'đã chuyển', en: 'converted' })];
    const outcome = processGrid(form({ [CT1]: 5, [CT1_DEN]: 3 }, true), { ...base, before, file: '18070-2021-H1.xlsx' });
    expect(outcome.findings[0]?.code).toBe('converted');
    expect(outcome.status === 'received' ? outcome.checked.findings : null).toBe(outcome.findings);
    expect(outcome.findings.map((f) => f.code)).toContain('numerator-exceeds-denominator');
  });
});
