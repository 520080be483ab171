/**
 * The narrative cells of the form: read with their lines, kept per unit by the consolidation and
 * written to the JSON; a form without them reads with an empty narrative.
 */
import { describe, expect, it } from 'vitest';
import type { Cell, DefinedName, Grid } from '../src/grid/grid.ts';
import { hatinh2021 } from '../src/plan/builtin.ts';
import { parsePeriod } from '../src/period/period.ts';
import { readTemplateReport } from '../src/read/template-report.ts';
import { isEmptyReport } from '../src/report/empty.ts';
import { checkReport } from '../src/validate/check-report.ts';
import { consolidate } from '../src/consolidate/consolidator.ts';
import { toJson } from '../src/consolidate/json.ts';
import { HEADER_NAMES, NARRATIVE_FIELDS, NARRATIVE_NAMES } from '../src/template/names.ts';
import { normalizeMultilineText } from '../src/text/multiline.ts';
import { hatinhCity2020 } from '../src/units/hatinh-2021.ts';

const SHEET = 'Báo cáo';

/** A form holding the header cells and, unless `withNarrative` is false, the five narrative cells (C20…C24). */
function form(unitCode: string, narrative: Partial<Record<(typeof NARRATIVE_FIELDS)[number], Cell['value']>>, withNarrative = true): Grid {
  const cells = new Map<string, Cell>([
    ['C3', { value: unitCode }],
    ['C4', { value: '2021-H1' }],
    ['C5', { value: '2021-06-15' }],
    ['C6', { value: hatinh2021.id }],
  ]);
  const definedNames: DefinedName[] = [
    { name: HEADER_NAMES.unitCode, ref: `'${SHEET}'!$C$3` },
    { name: HEADER_NAMES.periodCode, ref: `'${SHEET}'!$C$4` },
    { name: HEADER_NAMES.submittedOn, ref: `'${SHEET}'!$C$5` },
    { name: HEADER_NAMES.planId, ref: `'${SHEET}'!$C$6` },
  ];
  if (withNarrative) {
    NARRATIVE_FIELDS.forEach((field, k) => {
      definedNames.push({ name: NARRATIVE_NAMES[field], ref: `'${SHEET}'!$C$${20 + k}` });
      const value = narrative[field];
      if (value !== undefined) cells.set(`C${20 + k}`, { value });
    });
  }
  return { sheets: [{ name: SHEET, state: 'visible', cells, merges: [], maxRow: 24, maxCol: 10 }], definedNames, date1904: false };
}

describe('normalizeMultilineText', () => {
  it.each([
    ['  Đã làm tốt.\r\n\r\n\r\n- Tiếp tục  ', 'Đã làm tốt.\n\n- Tiếp tục'],
    ['Dòng 1\rDòng 2\u2028Dòng 3', 'Dòng 1\nDòng 2\nDòng 3'],
    ['\n\n  \n', ''],
    ['Ðồng\u00a0 Môn\u200b', 'Đồng Môn'],
    ['Hoà'.normalize('NFD'), 'Hoà'],
  ])('%o → %o', (input, output) => expect(normalizeMultilineText(input)).toBe(output));
});

describe('reading the narrative', () => {
  const highlights = 'Tổ chức 12 buổi phát thanh về CCHC.\r\n- Hướng dẫn 85 lượt người dân nộp hồ sơ trực tuyến mức độ 3, 4.\n- Đạt 100% hồ sơ được công khai.';
  const limitations = 'Trạm truyền thanh hỏng loa.'.normalize('NFD');

  it('reads every field with its line breaks, NFC, blank cells as null', () => {
    const read = readTemplateReport(form('18070', { highlights, limitations, proposals: 4 }), hatinh2021, { file: 'a.xlsx' });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.narrative).toEqual({
      highlights: 'Tổ chức 12 buổi phát thanh về CCHC.\n- Hướng dẫn 85 lượt người dân nộp hồ sơ trực tuyến mức độ 3, 4.\n- Đạt 100% hồ sơ được công khai.',
      limitations: 'Trạm truyền thanh hỏng loa.',
      causes: null,
      nextTasks: null,
      proposals: '4',
    });
    expect(read.value.narrative?.limitations).toBe(read.value.narrative?.limitations?.normalize('NFC'));
  });

  it('reads a form without narrative cells with no narrative and no finding about it', () => {
    const read = readTemplateReport(form('18070', {}, false), hatinh2021);
    expect(read.ok && read.value.narrative).toBeUndefined();
    expect(read.findings.filter((f) => f.message.en.includes('narrative'))).toEqual([]);
  });

  it('does not take a form with only a narrative for an empty one', () => {
    const only = readTemplateReport(form('18070', { nextTasks: 'Tiếp tục tuyên truyền.' }), hatinh2021);
    const none = readTemplateReport(form('18070', {}), hatinh2021);
    expect(only.ok && isEmptyReport(only.value)).toBe(false);
    expect(none.ok && isEmptyReport(none.value)).toBe(true);
  });

  it('keeps each unit its own narrative in the consolidation and its JSON, long text uncut', () => {
    const period = parsePeriod('2021-H1');
    if (!period.ok) throw new Error('period');
    const long = Array.from({ length: 400 }, (_, i) => `Dòng ${i + 1}: tuyên truyền cải cách hành chính.`).join('\n');
    const reports = [form('18070', { highlights, causes: long }), form('18073', {}, false)].map((grid, i) => {
      const read = readTemplateReport(grid, hatinh2021, { file: `${i}.xlsx` });
      if (!read.ok) throw new Error('read');
      read.value.activities = [];
      return checkReport(read.value, { plan: hatinh2021, units: hatinhCity2020.units, period: period.value, file: `${i}.xlsx` });
    });
    const json = toJson(consolidate({ plan: hatinh2021, units: hatinhCity2020.units, period: period.value, reports }));
    const byCode = new Map(json.units.map((u) => [u.code, u.narrative]));
    expect(byCode.get('18070')?.causes).toBe(long);
    expect(byCode.get('18070')?.highlights?.split('\n')).toHaveLength(3);
    expect(byCode.get('18073')).toEqual({ highlights: null, limitations: null, causes: null, nextTasks: null, proposals: null });
    expect(byCode.get('18112')).toEqual({ highlights: null, limitations: null, causes: null, nextTasks: null, proposals: null });
  });
});
