/**
 * The template the add-in inserts is the template `cchc template` writes: same sheets, same cell
 * values and formulas, same defined names (compared on the grids the readers see), and the
 * layout constants come from @cchc-kpi/xlsx itself.
 */
import { describe, expect, it } from 'vitest';
import { hatinh2021, hatinhCity2020, parsePeriod, parseSheetRef, formatRange, type Grid, type Period } from '@cchc-kpi/core';
import { readGrid } from '@cchc-kpi/xlsx';
import { writeTemplate, TEMPLATE_LAYOUT, TEMPLATE_SHEETS } from '@cchc-kpi/xlsx/write';
import { MemoryHost } from '../src/office/memory-host.ts';
import { templateBook, templateNames } from '../src/sheets/template.ts';
import { TEMPLATE_LAYOUT as SHARED_LAYOUT, TEMPLATE_SHEETS as SHARED_SHEETS } from '../src/sheets/xlsx-shared.ts';
import { MemoryWorkbook } from '../src/office/memory-workbook.ts';

function period(code: string): Period {
  const p = parsePeriod(code, { deadlineDaysAfterCutoff: hatinh2021.deadline.daysAfterCutoff });
  if (!p.ok) throw new Error(code);
  return p.value;
}

/** Cell content of a grid sheet: A1 → value or `=formula`. */
function content(grid: Grid, sheet: string): Map<string, unknown> {
  const s = grid.sheets.find((x) => x.name === sheet);
  const out = new Map<string, unknown>();
  for (const [ref, cell] of s?.cells ?? []) {
    if (cell.formula !== undefined) out.set(ref, `=${cell.formula}`);
    else if (cell.value !== null && cell.value !== '') out.set(ref, cell.value);
  }
  return out;
}

function names(grid: Grid): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of grid.definedNames) {
    if (d.name.startsWith('_xlnm.')) continue; // print titles: page setup is left to Excel's defaults
    const parsed = parseSheetRef(d.ref);
    out.set(d.name, parsed ? `${parsed.sheet}!${formatRange(parsed.range)}` : d.ref);
  }
  return out;
}

describe('template insertion', () => {
  it('uses the layout constants of @cchc-kpi/xlsx (one source of truth)', () => {
    expect(SHARED_LAYOUT).toBe(TEMPLATE_LAYOUT);
    expect(SHARED_SHEETS).toBe(TEMPLATE_SHEETS);
  });

  for (const [unitCode, periodCode] of [
    ['18070', '2021-H1'],
    ['18112', '2021-Q3'],
  ] as const) {
    it(`writes the same cells and names as writeTemplate (${unitCode}, ${periodCode})`, async () => {
      const unit = hatinhCity2020.units.find((u) => u.code === unitCode);
      if (!unit) throw new Error(unitCode);
      const p = period(periodCode);
      const file = await writeTemplate(hatinh2021, unit, p);
      const expected = readGrid(file.bytes);
      if (!expected.ok) throw new Error('template unreadable');
      const host = new MemoryHost(new MemoryWorkbook(['Sheet1']), 8);
      await host.writeBook(templateBook(hatinh2021, unit, p));
      const actual = host.workbook.toGrid();
      for (const sheet of Object.values(TEMPLATE_SHEETS)) {
        expect(Object.fromEntries(content(actual, sheet)), sheet).toEqual(Object.fromEntries(content(expected.value, sheet)));
      }
      expect(Object.fromEntries(names(actual))).toEqual(Object.fromEntries(names(expected.value)));
      const hidden = actual.sheets.filter((s) => s.state === 'hidden').map((s) => s.name);
      expect(hidden.sort()).toEqual([TEMPLATE_SHEETS.lists, TEMPLATE_SHEETS.meta].sort());
    });
  }

  it('names every input cell the reader needs, at TEMPLATE_LAYOUT positions', () => {
    const list = templateNames(hatinh2021);
    const byName = new Map(list.map((n) => [n.name, n]));
    expect(byName.get('unit_code')).toEqual({ name: 'unit_code', sheet: 'Báo cáo', ref: `F${TEMPLATE_LAYOUT.unitRow}` });
    expect(byName.get('CT1_numerator')?.ref).toBe(`F${TEMPLATE_LAYOUT.firstIndicatorRow}`);
    expect(byName.get('CT5b_value')?.ref).toBe(`F${TEMPLATE_LAYOUT.firstIndicatorRow + 8}`);
    expect(byName.get('activities_table')?.ref).toBe(`A${TEMPLATE_LAYOUT.activitiesFirstRow}:I${TEMPLATE_LAYOUT.activitiesFirstRow + TEMPLATE_LAYOUT.activityRows - 1}`);
  });

  it('marks inputs unlocked and fills them, greys what does not apply', () => {
    const ward = hatinhCity2020.units.find((u) => u.kind === 'ward');
    if (!ward) throw new Error('no ward');
    const book = templateBook(hatinh2021, ward, period('2021-H1'));
    const report = book.sheets[0];
    const row = TEMPLATE_LAYOUT.firstIndicatorRow + hatinh2021.indicators.findIndex((i) => i.code === 'CT2a');
    const cell = report?.rows.get(row)?.get(TEMPLATE_LAYOUT.columns.numerator);
    expect(cell?.locked).toBeUndefined(); // CT2a applies to agencies only: grey, locked
    expect(cell?.fill).toBe('#D9D9D9');
    const input = report?.rows.get(TEMPLATE_LAYOUT.firstIndicatorRow)?.get(TEMPLATE_LAYOUT.columns.numerator);
    expect(input).toMatchObject({ locked: false, fill: '#FFF9E0', numFmt: '#,##0' });
  });
});
