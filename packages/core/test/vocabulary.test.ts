import { describe, expect, it } from 'vitest';
import { makeFinding } from '../src/finding.ts';
import {
  bodyInSentence,
  cutoffText,
  decree30Date,
  figureText,
  findingCountsText,
  formatDate,
  isPeoplesCommittee,
  issuingBodyLines,
  numberLine,
  ratioText,
  signatureLines,
  symbolMatchesIssuer,
  targetText,
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

describe('figures in the Vietnamese number style', () => {
  it.each([
    [12345, '12.345'],
    [1234.5, '1.234,5'],
    [0, '0'],
    [7, '7'],
    [1234567, '1.234.567'],
  ])('figureText(%d) is %s', (value, text) => expect(figureText(value)).toBe(text));

  it.each([
    [0.983, '98,3%'],
    [1, '100%'],
    [2 / 3, '66,67%'],
    [200 / 205, '97,56%'],
    [1.25, '125%'],
  ])('ratioText(%d) is %s', (fraction, text) => expect(ratioText(fraction)).toBe(text));

  it("prints a target through one function: the plan's text with its basis label, NFC", () => {
    const target = { rule: 'increase', basis: { kind: 'convention', why: 'x' } } as const;
    expect(targetText({ targetText: { vi: 'Tăng so với cùng kỳ'.normalize('NFD'), en: 'Increase' }, target }).vi).toBe(
      'Tăng so với cùng kỳ (quy ước; kế hoạch không nêu số cụ thể)',
    );
  });
});

describe('the heading and signature of a Decree 30/2020/NĐ-CP document', () => {
  it.each([
    ['7', 'Số: 07/BC-UBND'],
    ['07', 'Số: 07/BC-UBND'],
    ['12', 'Số: 12/BC-UBND'],
    ['', 'Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND'],
  ])('numberLine(%o) is %o', (number, line) => expect(numberLine(number, 'BC-UBND')).toBe(line));

  it("prints a People's Committee's name on two lines, others as typed", () => {
    expect(issuingBodyLines({ issuingBody: 'Ủy ban nhân dân thành phố Hà Tĩnh' })).toEqual(['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HÀ TĨNH']);
    expect(issuingBodyLines({ issuingBody: 'ỦY BAN NHÂN DÂN PHƯỜNG TRẦN PHÚ' })).toEqual(['ỦY BAN NHÂN DÂN', 'PHƯỜNG TRẦN PHÚ']);
    expect(issuingBodyLines({ issuingBody: 'VĂN PHÒNG HĐND VÀ UBND' })).toEqual(['VĂN PHÒNG HĐND VÀ UBND']);
    expect(issuingBodyLines({ issuingBody: 'SỞ NỘI VỤ\nTỈNH HÀ TĨNH' })).toEqual(['SỞ NỘI VỤ', 'TỈNH HÀ TĨNH']);
  });

  it('signs on behalf of the committee, for its chair, with the title', () => {
    expect(signatureLines({ signer: { onBehalf: 'TM. Ủy ban nhân dân', authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: '' } })).toEqual([
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
    ]);
    expect(signatureLines({ signer: { onBehalf: '', authority: '', title: 'Thủ trưởng cơ quan', name: '' } })).toEqual(['THỦ TRƯỞNG CƠ QUAN']);
  });

  it('matches the symbol to its issuer: -UBND is the People\'s Committee\'s only', () => {
    expect(isPeoplesCommittee('ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ TĨNH')).toBe(true);
    expect(isPeoplesCommittee('UBND phường Trần Phú')).toBe(true);
    expect(isPeoplesCommittee('VĂN PHÒNG HĐND VÀ UBND')).toBe(false);
    expect(symbolMatchesIssuer('BC-UBND', 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ TĨNH')).toBe(true);
    expect(symbolMatchesIssuer('BC-UBND', 'VĂN PHÒNG HĐND VÀ UBND')).toBe(false);
    expect(symbolMatchesIssuer('BC-VP', 'VĂN PHÒNG HĐND VÀ UBND')).toBe(true);
    expect(symbolMatchesIssuer('BC-VP', 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ TĨNH')).toBe(false);
  });
});
