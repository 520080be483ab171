import { describe, expect, it } from 'vitest';
import { makeFinding } from '../src/finding.ts';
import {
  bodyInSentence,
  cutoffText,
  decree30Date,
  findingCountsText,
  formatDate,
  periodName,
  placeAndDate,
  returnOffice,
  unitAddressee,
  unitDisplayName,
  unitIssuingBody,
  unitSignature,
} from '../src/vocabulary/index.ts';
import type { Unit } from '../src/units/unit.ts';

const ward: Unit = { code: '18097', name: 'Văn Yên', kind: 'ward', order: 10 };
const commune: Unit = { code: '18112', name: 'Thạch Bình', kind: 'commune', order: 15 };
const agency: Unit = { code: 'TTHCC', name: 'Trung tâm Hành chính công thành phố', kind: 'agency', order: 101 };

describe('unit names', () => {
  it.each([
    [ward, 'Phường Văn Yên', 'phường Văn Yên', 'UBND phường Văn Yên', 'UBND PHƯỜNG VĂN YÊN'],
    [commune, 'Xã Thạch Bình', 'xã Thạch Bình', 'UBND xã Thạch Bình', 'UBND XÃ THẠCH BÌNH'],
    [agency, 'Trung tâm Hành chính công thành phố', 'Trung tâm Hành chính công thành phố', 'Trung tâm Hành chính công thành phố', 'TRUNG TÂM HÀNH CHÍNH CÔNG THÀNH PHỐ'],
  ])('names %o in full, in a sentence, when addressed and as issuer', (unit, display, sentence, addressee, issuer) => {
    expect(unitDisplayName(unit)).toBe(display);
    expect(unitDisplayName(unit, { inSentence: true })).toBe(sentence);
    expect(unitAddressee(unit)).toBe(addressee);
    expect(unitIssuingBody(unit)).toBe(issuer);
  });

  it('never addresses an agency as "UBND …", and gives NFC text for NFD input', () => {
    expect(unitAddressee(agency)).not.toMatch(/^UBND/);
    const nfd = { ...ward, name: 'Văn Yên'.normalize('NFD') };
    expect(unitDisplayName(nfd)).toBe('Phường Văn Yên');
    expect(unitAddressee(nfd)).toBe('UBND phường Văn Yên');
  });

  it('signs a ward or commune report on behalf of its People’s Committee, an agency by its head', () => {
    expect(unitSignature(ward)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
    expect(unitSignature(agency)).toEqual(['THỦ TRƯỞNG ĐƠN VỊ']);
  });
});

describe('dates', () => {
  it.each([
    ['2021-06-20', '20/06/2021', 'ngày 20 tháng 6 năm 2021'],
    ['2021-02-05', '05/02/2021', 'ngày 05 tháng 02 năm 2021'],
    ['2020-12-28', '28/12/2020', 'ngày 28 tháng 12 năm 2020'],
  ])('writes %s as %s in text and tables, %s in a place-and-date line', (iso, text, decree) => {
    expect(formatDate(iso)).toBe(text);
    expect(decree30Date(iso)).toBe(decree);
  });

  it('keeps what is not a date, and refuses one in a document line', () => {
    expect(formatDate('sớm')).toBe('sớm');
    expect(() => decree30Date('2021-02-30')).toThrow(RangeError);
    expect(placeAndDate('Hà Tĩnh', '2021-07-05')).toBe('Hà Tĩnh, ngày 05 tháng 7 năm 2021');
    expect(placeAndDate('', '2021-07-05')).toBe('Ngày 05 tháng 7 năm 2021');
  });
});

describe('periods', () => {
  it.each([
    [{ kind: 'quarter' as const, year: 2021, index: 1 }, 'Quý I năm 2021', 'quý I năm 2021'],
    [{ kind: 'half' as const, year: 2021, index: 2 }, '6 tháng cuối năm 2021', '6 tháng cuối năm 2021'],
    [{ kind: 'year' as const, year: 2021 }, 'Năm 2021', 'năm 2021'],
  ])('names %o, in lower case inside a sentence', (period, title, sentence) => {
    expect(periodName(period)).toBe(title);
    expect(periodName(period, { inSentence: true })).toBe(sentence);
  });

  it('gives the cut-off window in the one date style', () => {
    expect(cutoffText({ cutoffStart: '2020-12-15', cutoffEnd: '2021-06-14' })).toBe('Số liệu tính từ ngày 15/12/2020 đến ngày 14/06/2021');
  });
});

describe('findings counted by kind', () => {
  const f = (severity: 'error' | 'warning' | 'notice') => makeFinding(severity, 'x', { vi: 'x', en: 'x' });
  it.each([
    [[], 'không phát hiện lỗi'],
    [[f('error'), f('error'), f('error'), f('warning'), f('warning'), ...Array.from({ length: 9 }, () => f('notice'))], '3 lỗi, 2 cảnh báo, 9 lưu ý'],
    [[f('notice')], '1 lưu ý'],
  ])('counts %#', (findings, text) => {
    expect(findingCountsText(findings)).toBe(text);
  });
});

describe('bodies in a sentence', () => {
  it.each([
    ['VĂN PHÒNG HĐND VÀ UBND', 'Văn phòng HĐND và UBND'],
    ['UBND THÀNH PHỐ HÀ TĨNH', 'UBND thành phố Hà Tĩnh'],
    ['UBND THỊ XÃ KỲ ANH', 'UBND thị xã Kỳ Anh'],
  ])('writes %s as %s', (heading, text) => {
    expect(bodyInSentence(heading)).toBe(text);
  });

  it('sends feedback back to the issuing body of the plan’s report block', () => {
    expect(returnOffice({ issuingBody: 'VĂN PHÒNG HĐND VÀ UBND' })).toBe('Văn phòng HĐND và UBND');
  });
});
