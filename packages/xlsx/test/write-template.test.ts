import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { ACTIVITIES_NAME, HEADER_NAMES, LIST_NAMES, NARRATIVE_FIELDS, TEMPLATE_VERSION, YES_NO, indicatorCellName, listEntry, type Unit } from '@cchc-kpi/core';
import { TEMPLATE_LAYOUT, TEMPLATE_SHEETS, templateFileName, writeTemplate } from '../src/write/template.ts';
import { normalizeZip, zipTimestamp } from '../src/write/deterministic-zip.ts';
import { plan, period, units } from './write-fixtures.ts';
import { dataValidations, isUnlocked, openXlsx, rowCol, wellFormed } from './write-ooxml.ts';

const ward = units[0]!;
const agency: Unit = { code: 'TTVHTT', name: 'Trung tâm Văn hóa – Truyền thông', kind: 'agency', order: 16 };
const q = (sheet: string) => `'${sheet}'`;
const R = TEMPLATE_SHEETS.report;

describe('writeTemplate', async () => {
  const { fileName, bytes } = await writeTemplate(plan, ward, period);
  const book = openXlsx(bytes);

  it('names the file <unit code>-<period code>.xlsx', () => {
    expect(fileName).toBe('18070-2021-H1.xlsx');
    expect(templateFileName({ code: 'A/B' }, { code: '2021' })).toBe('A_B-2021.xlsx');
  });

  it('has the sheets in order, "Danh mục" and "_meta" hidden', () => {
    expect(book.sheets.map((s) => [s.name, s.state])).toEqual([
      ['Báo cáo', 'visible'],
      ['Hoạt động', 'visible'],
      ['Hướng dẫn', 'visible'],
      ['Danh mục', 'hidden'],
      ['_meta', 'hidden'],
    ]);
  });

  it('defines the header, list and meta names with exact workbook-scoped references', () => {
    expect(book.ref(HEADER_NAMES.unitCode)).toBe(`${q(R)}!$F$8`);
    expect(book.ref(HEADER_NAMES.periodCode)).toBe(`${q(R)}!$H$8`);
    expect(book.ref(HEADER_NAMES.submittedOn)).toBe(`${q(R)}!$C$9`);
    expect(book.ref(HEADER_NAMES.planId)).toBe(`'_meta'!$B$1`);
    expect(book.ref(HEADER_NAMES.templateVersion)).toBe(`'_meta'!$B$2`);
    expect(book.ref(LIST_NAMES.themes)).toBe(`'Danh mục'!$A$2:$A$${plan.themes.length + 1}`);
    expect(book.ref(LIST_NAMES.forms)).toBe(`'Danh mục'!$B$2:$B$${plan.forms.length + 1}`);
    expect(book.ref(LIST_NAMES.yesNo)).toBe(`'Danh mục'!$C$2:$C$3`);
    expect(book.ref(ACTIVITIES_NAME)).toBe(`'Hoạt động'!$A$4:$I$203`);
  });

  it('names every indicator cell after the contract, at the indicator row', () => {
    expect(book.ref('CT3a_numerator')).toBe(`${q(R)}!$F$15`);
    expect(book.ref('CT3a_denominator')).toBe(`${q(R)}!$G$15`);
    expect(book.ref('CT3a_percent')).toBe(`${q(R)}!$H$15`);
    expect(book.ref('CT5a_value')).toBe(`${q(R)}!$F$19`);
    expect(book.ref('CT5b_value')).toBe(`${q(R)}!$F$20`);
    plan.indicators.forEach((indicator, i) => {
      const row = TEMPLATE_LAYOUT.firstIndicatorRow + i;
      const pair = indicator.measure === 'ratio' || indicator.measure === 'comparison';
      expect(book.ref(indicatorCellName(indicator.code, 'note'))).toBe(`${q(R)}!$I$${row}`);
      expect(book.ref(indicatorCellName(indicator.code, 'evidence'))).toBe(`${q(R)}!$J$${row}`);
      expect(book.ref(indicatorCellName(indicator.code, 'numerator'))).toBe(pair ? `${q(R)}!$F$${row}` : undefined);
      expect(book.ref(indicatorCellName(indicator.code, 'value'))).toBe(pair ? undefined : `${q(R)}!$F$${row}`);
      expect(book.cell(R, `B${row}`)?.value).toBe(indicator.code);
      expect(book.cell(R, `A${row}`)?.value).toBe(i + 1);
    });
  });

  it('keeps every defined name of ours workbook-scoped (only print titles are sheet-local)', () => {
    const local = book.definedNames.filter((d) => d.localSheetId !== undefined);
    expect(local.every((d) => d.name === '_xlnm.Print_Titles')).toBe(true);
    expect(book.definedNames.filter((d) => d.localSheetId === undefined)).toHaveLength(
      5 + 3 + 1 + NARRATIVE_FIELDS.length + plan.indicators.reduce((n, i) => n + (i.measure === 'ratio' || i.measure === 'comparison' ? 5 : 3), 0),
    );
  });

  it('writes the header cells: code as text, period code, meta, titles in NFC', () => {
    expect(book.cell(R, 'F8')).toMatchObject({ t: 's', value: '18070' });
    expect(book.cell(R, 'H8')).toMatchObject({ t: 's', value: '2021-H1' });
    expect(book.cell('_meta', 'B1')?.value).toBe(plan.id);
    expect(book.cell('_meta', 'B2')?.value).toBe(TEMPLATE_VERSION);
    const texts = [...book.sheet(R).cells.values()].map((c) => String(c.value ?? ''));
    for (const expected of [
      'UBND PHƯỜNG TRẦN PHÚ',
      'BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH TUYÊN TRUYỀN CCHC NĂM 2021',
      'Số liệu tính từ ngày 15/12/2020 đến ngày 14/06/2021',
      'Kỳ báo cáo: 6 tháng đầu năm 2021',
      'Phường Trần Phú',
    ]) {
      expect(texts).toContain(expected);
    }
    expect(texts.some((t) => t.includes('Kế hoạch số 163/KH-UBND ngày 28/12/2020'))).toBe(true);
    for (const sheet of book.sheets) for (const c of sheet.cells.values()) if (typeof c.value === 'string') expect(c.value).toBe(c.value.normalize('NFC'));
  });

  it('writes the live percent formula for ratio and comparison measures, with an empty cached result', () => {
    expect(book.cell(R, 'H15')).toMatchObject({ formula: 'IF(AND(ISNUMBER(G15),G15>0),F15/G15,"")', value: '' });
    expect(book.cell(R, 'H13')?.formula).toBe('IF(AND(ISNUMBER(G13),G13>0),F13/G13,"")');
    expect(book.cell(R, 'H19')?.formula).toBeUndefined();
  });

  it('shows the numerator/denominator labels under the indicator text', () => {
    expect(String(book.cell(R, 'C15')?.value)).toContain('Số hồ sơ được công khai');
    expect(String(book.cell(R, 'C15')?.value)).toContain('Số hồ sơ đã tiếp nhận');
  });

  it('unlocks input cells only', () => {
    for (const ref of ['C9', 'F15', 'G15', 'I15', 'J15', 'F19', 'F20', 'A4', 'I203']) {
      const sheet = ref === 'A4' || ref === 'I203' ? TEMPLATE_SHEETS.activities : R;
      expect(isUnlocked(book, book.cell(sheet, ref)), ref).toBe(true);
    }
    for (const ref of ['F8', 'H8', 'H15', 'G19', 'G20', 'C15']) expect(isUnlocked(book, book.cell(R, ref)), ref).toBe(false);
    // CT2a applies to agencies only: locked for a ward
    expect(isUnlocked(book, book.cell(R, 'F13'))).toBe(false);
  });

  it('unlocks CT2a for an agency, whose issuing header is its own name', async () => {
    const other = openXlsx((await writeTemplate(plan, agency, period)).bytes);
    expect(isUnlocked(other, other.cell(R, 'F13'))).toBe(true);
    expect(other.cell(R, 'A1')?.value).toBe('TRUNG TÂM VĂN HÓA – TRUYỀN THÔNG');
  });

  it('protects every sheet without a password', () => {
    for (const sheet of book.sheets) {
      const tag = /<sheetProtection [^>]*\/>/.exec(sheet.xml)?.[0];
      expect(tag, sheet.name).toContain('sheet="1"');
      expect(tag).not.toMatch(/password|hashValue|saltValue|algorithmName|spinCount/);
    }
  });

  it('takes drop-down lists from defined names and validates numbers and dates', () => {
    const report = dataValidations(book.sheet(R));
    const yesNo = report.find((v) => v.sqref === 'F20:F20');
    expect(yesNo).toMatchObject({ type: 'list', formula1: LIST_NAMES.yesNo });
    expect(report.find((v) => v.sqref === 'F15:F15')).toMatchObject({ type: 'whole', formula1: '0', attrs: { operator: 'greaterThanOrEqual' } });
    expect(report.find((v) => v.sqref === 'G15:G15')).toMatchObject({ type: 'whole', formula1: '0' });
    expect(report.find((v) => v.sqref === 'F19:F19')).toMatchObject({ type: 'whole', formula1: '0' });
    expect(report.find((v) => v.sqref === 'C9:C9')).toMatchObject({ type: 'date' });

    const activities = dataValidations(book.sheet(TEMPLATE_SHEETS.activities));
    expect(activities.find((v) => v.sqref === 'B4:B203')).toMatchObject({ type: 'date', formula1: '44180', formula2: '44361' });
    expect(activities.find((v) => v.sqref === 'C4:C203')).toMatchObject({ type: 'list', formula1: LIST_NAMES.themes });
    expect(activities.find((v) => v.sqref === 'D4:D203')).toMatchObject({ type: 'list', formula1: LIST_NAMES.themes });
    expect(activities.find((v) => v.sqref === 'E4:E203')).toMatchObject({ type: 'list', formula1: LIST_NAMES.forms });
    expect(activities.find((v) => v.sqref === 'G4:G203')).toMatchObject({ type: 'whole' });

    const names = new Set(Object.values(LIST_NAMES));
    for (const v of [...report, ...activities]) if (v.type === 'list') expect(names.has(v.formula1 as never)).toBe(true);
    // no two validations overlap (Excel rejects overlapping ranges)
    for (const list of [report, activities]) {
      const covered = new Set<string>();
      for (const v of list) {
        const [from, to = from] = v.sqref.split(':') as [string, string?];
        const a = rowCol(from);
        const b = rowCol(to!);
        for (let r = a.row; r <= b.row; r++)
          for (let c = a.col; c <= b.col; c++) {
            const key = `${r}:${c}`;
            expect(covered.has(key), `${v.sqref} overlaps`).toBe(false);
            covered.add(key);
          }
      }
    }
  });

  it('keeps validation texts within Excel limits (title 32, prompt 255, error 225 characters)', () => {
    for (const sheet of book.sheets) {
      for (const v of dataValidations(sheet)) {
        expect((v.attrs.promptTitle ?? '').length, v.sqref).toBeLessThanOrEqual(32);
        expect((v.attrs.errorTitle ?? '').length, v.sqref).toBeLessThanOrEqual(32);
        expect((v.attrs.prompt ?? '').length, v.sqref).toBeLessThanOrEqual(255);
        expect((v.attrs.error ?? '').length, v.sqref).toBeLessThanOrEqual(225);
      }
    }
  });

  it('writes well-formed XML parts', () => {
    expect(wellFormed(book.parts)).toEqual([]);
  });

  it('fills the list sheet with code – text entries and Có/Không', () => {
    expect(book.cell('Danh mục', 'A2')?.value).toBe(listEntry('ND1', plan.themes[0]!.text.vi));
    expect(book.cell('Danh mục', 'B7')?.value).toBe(listEntry('HT6', plan.forms[5]!.text.vi));
    expect(book.cell('Danh mục', 'C2')?.value).toBe(YES_NO.yes);
    expect(book.cell('Danh mục', 'C3')?.value).toBe(YES_NO.no);
  });

  it('heads the activities table with the contract columns, in order', () => {
    const header = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'].map((c) => book.cell(TEMPLATE_SHEETS.activities, `${c}3`)?.value);
    expect(header).toEqual(['STT', 'Ngày', 'Nội dung chính', 'Nội dung khác', 'Hình thức', 'Tên hoạt động', 'Số lượng', 'Số người tham dự', 'Tài liệu kiểm chứng']);
  });

  it('writes instructions with the deadline in the one date style of running text', () => {
    const texts = [...book.sheet(TEMPLATE_SHEETS.guide).cells.values()].map((c) => String(c.value ?? '')).join('\n');
    expect(texts).toContain('chậm nhất ngày 20/06/2021');
    expect(texts).toContain('để trống khác với số 0');
    expect(texts).toContain('Mẫu số bằng 0');
    expect(texts).toContain('Tài liệu kiểm chứng');
    expect(texts).toContain('Không đổi tên');
  });

  it('sets A4 paper, frozen headers and Times New Roman', () => {
    for (const name of [R, TEMPLATE_SHEETS.activities, TEMPLATE_SHEETS.guide]) expect(book.sheet(name).xml).toContain('paperSize="9"');
    expect(book.sheet(R).xml).toContain('state="frozen"');
    expect(book.sheet(TEMPLATE_SHEETS.activities).xml).toMatch(/<pane ySplit="3"[^>]*state="frozen"/);
    expect(new TextDecoder().decode(book.parts['xl/styles.xml'])).toContain('Times New Roman');
  });

  it('is read back by exceljs with the same names', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.definedNames.getRanges('CT3a_numerator').ranges).toEqual([`${q(R)}!$F$15`]);
    expect(wb.getWorksheet('_meta')?.state).toBe('hidden');
  });

  it('gives byte-identical output for the same inputs, in any time zone', async () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const a = await writeTemplate(plan, ward, period);
      process.env.TZ = 'Asia/Ho_Chi_Minh';
      const b = await writeTemplate(plan, ward, period);
      expect(Buffer.from(a.bytes).equals(Buffer.from(bytes))).toBe(true);
      expect(Buffer.from(b.bytes).equals(Buffer.from(bytes))).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    const other = await writeTemplate(plan, ward, period, { createdOn: '2021-01-05' });
    expect(Buffer.from(other.bytes).equals(Buffer.from(bytes))).toBe(false);
  });

  it('stores [Content_Types].xml first and stamps entries with the creation date', () => {
    expect(book.names[0]).toBe('[Content_Types].xml');
    expect(book.names.slice(1)).toEqual([...book.names.slice(1)].sort());
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    const dosDate = view.getUint16(12, true);
    // default createdOn = later of plan document date (2020-12-28) and cut-off start (2020-12-15)
    expect([(dosDate >> 9) + 1980, (dosDate >> 5) & 15, dosDate & 31]).toEqual([2020, 12, 28]);
    expect(new TextDecoder().decode(book.parts['docProps/core.xml'])).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2020-12-28T00:00:00Z</dcterms:created>');
  });
});

describe('normalizeZip', () => {
  it('re-packs parts in a fixed order with fixed timestamps and unchanged contents', async () => {
    const { bytes } = await writeTemplate(plan, ward, period);
    const again = normalizeZip(bytes, '2020-12-28');
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    const parts = unzipSync(normalizeZip(bytes, '2030-01-01'));
    const original = unzipSync(bytes);
    expect(Object.keys(parts)).toEqual(Object.keys(original));
    for (const [name, data] of Object.entries(original)) expect(Buffer.from(parts[name]!).equals(Buffer.from(data))).toBe(true);
  });

  it('refuses dates a zip cannot store', () => {
    expect(() => zipTimestamp('1979-12-31')).toThrow(RangeError);
    expect(() => zipTimestamp('28/12/2020')).toThrow(RangeError);
    expect(zipTimestamp('2021-06-20').getHours()).toBe(12);
  });
});
