/**
 * Unit tests of the Office.js host with office-addin-mock (Microsoft's Office.js mocking library):
 * requirement-set detection from the `Office` global, selecting a finding's cell, and the
 * highlight/restore round trip — the mock throws when a property is read without `load` + `sync`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { OfficeMockObject } from 'office-addin-mock';
import { OfficeJsHost, officeGlobals } from '../src/office/officejs-host.ts';

type AnyMock = InstanceType<typeof OfficeMockObject> & Record<string, any>;

/** An `Office` mock whose ExcelApi support stops at 1.<max>. */
function officeMock(max: number): AnyMock {
  return new OfficeMockObject({
    context: {
      requirements: {
        isSetSupported(name: string, version: string) {
          return name === 'ExcelApi' && Number(version.split('.')[1] ?? 1) <= max;
        },
      },
    },
  }) as AnyMock;
}

/** An `Excel` mock with one sheet "Báo cáo" holding cells F12 (input fill) and B2 (no fill). */
function excelMock(): AnyMock {
  return new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          'Báo cáo': {
            F12: {
              format: { fill: { color: '#FFF9E0', clear(this: any) { this.cleared = true; } } },
              select(this: any) { this.selected = true; },
              conditionalFormats: {
                cf: { id: '{cf-7}', custom: { rule: {}, format: { fill: {} } }, delete(this: any) { this.deleted = true; } },
                add(this: any, type: string): any { this.addedType = type; return this.cf; },
                getItem(this: any, id: string): any { this.askedId = id; return this.cf; },
              },
            },
            B2: { format: { fill: { color: '#FFFFFF', clear(this: any) { this.cleared = true; } } } },
            activate(this: any) { this.activated = true; },
            getRange(this: any, address: string): any { return this[address]; },
          },
          getItem(this: any, name: string): any { return this[name]; },
        },
      },
    },
    async run(this: any, callback: (context: unknown) => Promise<unknown>): Promise<unknown> {
      return callback(this.context);
    },
  }) as AnyMock;
}

const g = globalThis as Record<string, unknown>;

afterEach(() => {
  delete g.Office;
  delete g.Excel;
});

describe('OfficeJsHost with office-addin-mock', () => {
  it('reads the ExcelApi level from Office.context.requirements (globals)', () => {
    g.Office = officeMock(4);
    g.Excel = excelMock();
    const host = new OfficeJsHost(officeGlobals());
    expect(host.capabilities).toMatchObject({ apiVersion: '1.4', format: true, names: true, conditionalFormats: false });
    g.Office = officeMock(1);
    expect(new OfficeJsHost().capabilities).toMatchObject({ apiVersion: '1.1', format: false, names: false });
  });

  it('selects the cell of a finding on its sheet', async () => {
    g.Office = officeMock(1);
    const excel = excelMock();
    g.Excel = excel;
    await new OfficeJsHost().select({ sheet: 'Báo cáo', cell: 'F12' });
    const sheet = excel.context.workbook.worksheets['Báo cáo'];
    expect(sheet.activated).toBe(true);
    expect(sheet.F12.selected).toBe(true);
  });

  it('loads each fill before changing it and restores it on clear (ExcelApi 1.1)', async () => {
    g.Office = officeMock(1);
    const excel = excelMock();
    g.Excel = excel;
    const host = new OfficeJsHost();
    expect(await host.highlight([{ sheet: 'Báo cáo', cell: 'F12' }, { sheet: 'Báo cáo', cell: 'B2' }], '#FFC7CE')).toBe('fill');
    const sheet = excel.context.workbook.worksheets['Báo cáo'];
    expect(sheet.F12.format.fill.color).toBe('#FFC7CE');
    expect(sheet.B2.format.fill.color).toBe('#FFC7CE');
    expect(await host.clearHighlights()).toBe(2);
    expect(sheet.F12.format.fill.color).toBe('#FFF9E0');
    expect(sheet.B2.format.fill.cleared).toBe(true);
  });

  it('adds a conditional format, loads its id, and deletes it by id (ExcelApi 1.6)', async () => {
    g.Office = officeMock(6);
    const excel = excelMock();
    g.Excel = excel;
    const host = new OfficeJsHost();
    expect(await host.highlight([{ sheet: 'Báo cáo', cell: 'F12' }], '#FFC7CE')).toBe('conditionalFormat');
    const cfs = excel.context.workbook.worksheets['Báo cáo'].F12.conditionalFormats;
    expect(cfs.addedType).toBe('Custom');
    expect(cfs.cf.custom.rule.formula).toBe('=TRUE');
    expect(cfs.cf.custom.format.fill.color).toBe('#FFC7CE');
    expect(excel.context.workbook.worksheets['Báo cáo'].F12.format.fill.color).not.toBe('#FFC7CE');
    await host.clearHighlights();
    expect(cfs.askedId).toBe('{cf-7}');
    expect(cfs.cf.deleted).toBe(true);
  });
});
