/**
 * The CCHC custom functions: their results follow core's rules, and the metadata generated from
 * their JSDoc by custom-functions-metadata lists exactly the functions register.ts associates.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReport, hatinh2021, hatinhCity2020, readTemplateReport, scoreUnit } from '@cchc-kpi/core';
import { readGrid } from '@cchc-kpi/xlsx';
import { TEMPLATE_LAYOUT } from '@cchc-kpi/xlsx/write';
import { band, completion, ratio, status, unitScore } from '../src/functions/functions.ts';
import { FUNCTIONS } from '../src/functions/register.ts';
import { functionsMetadata } from '../scripts/functions-plugin.ts';
import { ADDIN_DIR } from './support/build.ts';
import { goodFill, reportFile } from './support/reports.ts';

describe('custom functions', () => {
  it('RATIO divides, and a denominator of 0 is "not applicable"', () => {
    expect(ratio(45, 50)).toBe(0.9);
    expect(() => ratio(1, 0)).toThrow(/không áp dụng/);
    expect(() => ratio(1, '' as unknown as number)).toThrow();
  });

  it('COMPLETION applies the plan target of the indicator', () => {
    expect(completion('CT3a', 90, 100)).toBe(0.9);
    expect(completion('ct3a', 120, 100)).toBe(1);
    expect(completion('CT5a', 3)).toBe(1);
    expect(completion('CT5b', 'Có')).toBe(1);
    expect(completion('CT5b', 'Không')).toBe(0);
    expect(() => completion('CT9', 1, 1)).toThrow(/Không có chỉ tiêu/);
    expect(() => completion('CT3a', '', '')).toThrow(/Chưa đủ số liệu/);
    expect(() => completion('CT3a', 'nhiều', 5)).toThrow(/không phải là số/);
  });

  it('STATUS gives the check status in Vietnamese', () => {
    expect(status('CT3a', 100, 100)).toBe('Đạt');
    expect(status('CT3a', 90, 100)).toBe('Chưa đạt');
    expect(status('CT3a', '', '')).toBe('Thiếu số liệu');
    expect(status('CT3a', 12, 10)).toBe('Không hợp lệ');
    expect(status('CT4b', 0, 0)).toBe('Không áp dụng');
  });

  it('BAND names the band of a 100-point score', () => {
    expect(band(95)).toBe('Tốt');
    expect(band(85)).toBe('Khá');
    expect(band(10)).toBe('Yếu');
  });

  it('UNITSCORE scores the template cells as the Score button and cchc score do', async () => {
    const file = await reportFile('18088', '2021-H1', goodFill(3));
    const grid = readGrid(file.bytes);
    if (!grid.ok) throw new Error('unreadable');
    const read = readTemplateReport(grid.value, hatinh2021);
    if (!read.ok) throw new Error('not a report');
    const checked = checkReport(read.value, { plan: hatinh2021, units: hatinhCity2020.units });
    const primary = hatinh2021.profiles.find((p) => p.id === hatinh2021.primaryProfile)!;
    const expected = scoreUnit(checked, primary, hatinh2021, { onTime: true }).score;

    // The ranges as Excel passes them to the function: F12:J20, 'Hoạt động'!A4:I203, C9.
    const report = grid.value.sheets.find((s) => s.name === 'Báo cáo')!;
    const activitiesSheet = grid.value.sheets.find((s) => s.name === 'Hoạt động')!;
    const value = (sheet: typeof report, ref: string): unknown => sheet.cells.get(ref)?.value ?? '';
    const L = TEMPLATE_LAYOUT;
    const figures = hatinh2021.indicators.map((_, i) => ['F', 'G', 'H', 'I', 'J'].map((c) => value(report, `${c}${L.firstIndicatorRow + i}`)));
    const activities = Array.from({ length: L.activityRows }, (_, i) => ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'].map((c) => value(activitiesSheet, `${c}${L.activitiesFirstRow + i}`)));
    const score = unitScore(value(report, 'F8'), value(report, 'H8'), figures, activities, value(report, 'C9'));
    expect(score).toBe(expected);
    expect(score).toBeGreaterThan(50);
    expect(() => unitScore('99999', '2021-H1', figures)).toThrow(/không có trong danh sách/);
  });

  it('metadata generated from the JSDoc lists exactly the registered functions', async () => {
    const json = JSON.parse(await functionsMetadata(resolve(ADDIN_DIR, 'src/functions/functions.ts'))) as {
      functions: { id: string; name: string; description?: string; parameters: { name: string; type: string; dimensionality?: string; optional?: boolean }[] }[];
    };
    expect(json.functions.map((f) => f.id).sort()).toEqual(Object.keys(FUNCTIONS).sort());
    for (const f of json.functions) {
      expect(f.name).toBe(f.id);
      expect(f.description?.length ?? 0).toBeGreaterThan(20);
    }
    const unitScoreMeta = json.functions.find((f) => f.id === 'UNITSCORE')!;
    expect(unitScoreMeta.parameters.find((p) => p.name === 'figures')).toMatchObject({ dimensionality: 'matrix' });
    expect(unitScoreMeta.parameters.find((p) => p.name === 'activities')).toMatchObject({ optional: true });
  });
});
