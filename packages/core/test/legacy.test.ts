/**
 * Legacy Vietnamese text (TCVN3, VNI-Windows): the tables are checked against values taken from
 * their public sources (Wikipedia "VSCII" VSCII-3 table and "VNI" encoding table, the charset
 * table of the Vietnamese Unicode FAQs), for completeness, and the decoders and the detector on
 * real wordings.
 */
import { describe, expect, it } from 'vitest';
import { TCVN3_TABLE, VNI_TABLE } from '../src/text/legacy-tables.ts';
import { decodeLegacyText, decodeTcvn3, decodeVni, detectLegacyEncoding, legacyFont, mayBeLegacy, vietnameseScore } from '../src/text/legacy.ts';
import { isVietnameseSyllable } from '../src/text/syllable.ts';
import { expandAbbreviations } from '../src/text/abbreviations.ts';
import { foldText } from '../src/text/fold.ts';
import { normalizeText } from '../src/text/normalize.ts';

/** The 67 lower-case Vietnamese letters outside ASCII (12 vowels × 5 tones + 6 bare modified vowels + đ). */
const LOWER = [...'áàảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵđ'];

describe('TCVN3 table (VSCII-3)', () => {
  it('has 74 entries: every lower-case letter once and the 7 capitals Ă Â Ê Ô Ơ Ư Đ, bytes 0xA1–0xFE', () => {
    expect(LOWER).toHaveLength(67);
    expect(TCVN3_TABLE).toHaveLength(74);
    const letters = TCVN3_TABLE.map(([, u]) => u);
    expect(new Set(letters).size).toBe(74);
    expect([...letters].filter((u) => u === u.toLowerCase()).sort()).toEqual([...LOWER].sort());
    expect(letters.filter((u) => u !== u.toLowerCase()).sort()).toEqual(['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ'].sort());
    for (const [byte] of TCVN3_TABLE) expect(byte >= 0xa1 && byte <= 0xfe && (byte < 0xb0 || byte > 0xb4)).toBe(true);
  });

  // Byte → letter, as printed in the VSCII-3 table (Wikipedia "VSCII") and given by glibc iconv TCVN5712-1.
  it.each([
    [0xa1, 'Ă'], [0xa2, 'Â'], [0xa7, 'Đ'], [0xa8, 'ă'], [0xa9, 'â'], [0xab, 'ô'], [0xac, 'ơ'], [0xad, 'ư'], [0xae, 'đ'],
    [0xb5, 'à'], [0xb6, 'ả'], [0xb7, 'ã'], [0xb8, 'á'], [0xb9, 'ạ'], [0xbe, 'ắ'], [0xc6, 'ặ'], [0xca, 'ấ'], [0xcb, 'ậ'],
    [0xcc, 'è'], [0xd0, 'é'], [0xd5, 'ế'], [0xd6, 'ệ'], [0xd7, 'ì'], [0xdd, 'í'], [0xde, 'ị'], [0xdf, 'ò'], [0xe3, 'ó'],
    [0xe8, 'ố'], [0xed, 'ớ'], [0xee, 'ợ'], [0xef, 'ù'], [0xf3, 'ú'], [0xf5, 'ừ'], [0xf8, 'ứ'], [0xf9, 'ự'], [0xfd, 'ý'], [0xfe, 'ỵ'],
  ])('byte 0x%s is %s', (byte, letter) => {
    expect(new Map(TCVN3_TABLE).get(byte)).toBe(letter);
    expect(decodeTcvn3(String.fromCharCode(byte))).toBe(letter);
  });
});

describe('VNI-Windows table', () => {
  it('has 134 entries: every Vietnamese letter outside ASCII, lower and upper case, once; spellings unique', () => {
    expect(VNI_TABLE).toHaveLength(134);
    const letters = VNI_TABLE.map(([u]) => u);
    expect([...letters].sort()).toEqual([...LOWER, ...LOWER.map((l) => l.toUpperCase())].sort());
    expect(new Set(VNI_TABLE.map(([, v]) => v)).size).toBe(134);
  });

  // Spellings as in the VNI encoding table (Wikipedia "VNI"; Vietnamese Unicode FAQs charset table).
  it.each([
    ['á', 'aù'], ['à', 'aø'], ['ả', 'aû'], ['ã', 'aõ'], ['ạ', 'aï'], ['ă', 'aê'], ['ắ', 'aé'], ['ằ', 'aè'], ['ẳ', 'aú'], ['ẵ', 'aü'], ['ặ', 'aë'],
    ['â', 'aâ'], ['ấ', 'aá'], ['ầ', 'aà'], ['ẩ', 'aå'], ['ẫ', 'aã'], ['ậ', 'aä'], ['ế', 'eá'], ['ô', 'oâ'], ['ơ', 'ô'], ['ư', 'ö'],
    ['ờ', 'ôø'], ['ự', 'öï'], ['í', 'í'], ['ỉ', 'æ'], ['ĩ', 'ó'], ['ị', 'ò'], ['ỵ', 'î'], ['đ', 'ñ'], ['Đ', 'Ñ'], ['Á', 'AÙ'], ['Ư', 'Ö'],
  ])('%s is written %s', (letter, vni) => {
    expect(new Map(VNI_TABLE).get(letter)).toBe(vni);
    expect(decodeVni(vni)).toBe(letter);
  });
});

describe('decoders', () => {
  it.each([
    ['Ninh B×nh', 'Ninh Bình'],
    ['C«ng t¸c c¶i c¸ch hµnh chÝnh', 'Công tác cải cách hành chính'],
    ['Tû lÖ hå s¬ TTHC ®­îc c«ng khai', 'Tỷ lệ hồ sơ TTHC được công khai'],
    ['§¬n vÞ tÝnh', 'Đơn vị tính'],
  ])('TCVN3 %s → %s', (raw, text) => expect(decodeTcvn3(raw)).toBe(text));

  it('TCVN3 in a capitals font (.VnTimeH) reads as capitals', () => {
    expect(decodeTcvn3('ubnd ph­êng b¾c hµ', true)).toBe('UBND PHƯỜNG BẮC HÀ');
  });

  it.each([
    ['Coâng taùc caûi caùch haønh chính', 'Công tác cải cách hành chính'],
    ['Tyû leä hoà sô TTHC ñöôïc coâng khai', 'Tỷ lệ hồ sơ TTHC được công khai'],
    ['UBND PHÖÔØNG BAÉC HAØ', 'UBND PHƯỜNG BẮC HÀ'],
    ['Ñoàng Moân', 'Đồng Môn'],
  ])('VNI %s → %s', (raw, text) => expect(decodeVni(raw)).toBe(text));

  it('round-trips every letter through both tables', () => {
    const all = [...LOWER, ...LOWER.map((l) => l.toUpperCase())];
    const vni = new Map(VNI_TABLE);
    for (const letter of all) expect(decodeVni(vni.get(letter) ?? '')).toBe(letter);
    const tcvn = new Map(TCVN3_TABLE.map(([b, u]) => [u, String.fromCharCode(b)]));
    for (const letter of LOWER) expect(decodeTcvn3(tcvn.get(letter) ?? '')).toBe(letter);
  });
});

describe('font and text detection', () => {
  it.each([
    ['.VnTime', { encoding: 'tcvn3', capitals: false }],
    ['.VnTimeH', { encoding: 'tcvn3', capitals: true }],
    ['.VnArial NarrowH', { encoding: 'tcvn3', capitals: true }],
    ['VNI-Times', { encoding: 'vni', capitals: false }],
    ['VNI-Helve', { encoding: 'vni', capitals: false }],
    ['Times New Roman', null],
    [undefined, null],
  ])('font %s → %j', (font, expected) => expect(legacyFont(font)).toEqual(expected));

  it.each([
    ['Ninh B×nh', 'tcvn3'],
    ['Tr­êng', 'tcvn3'],
    ['Coâng taùc caûi caùch haønh chính', 'vni'],
    ['Phöôøng Baéc Haø', 'vni'],
    ['Hà Tĩnh', null],
    ['Tình hình', null],
    ['Ghi chú', null],
    ['CCHC 2021', null],
    ['Café', null],
  ])('text %s → %s', (text, expected) => expect(detectLegacyEncoding(text)).toBe(expected));

  it('decodes by the font when known, by the text otherwise, and keeps Unicode typed in a legacy font', () => {
    expect(decodeLegacyText('C«ng khai', '.VnTime')).toEqual({ text: 'Công khai', encoding: 'tcvn3', by: 'font' });
    expect(decodeLegacyText('Coâng khai', 'VNI-Times')).toEqual({ text: 'Công khai', encoding: 'vni', by: 'font' });
    expect(decodeLegacyText('Coâng khai')).toEqual({ text: 'Công khai', encoding: 'vni', by: 'text' });
    expect(decodeLegacyText('Hà Tĩnh', '.VnTime')).toEqual({ text: 'Hà Tĩnh', encoding: 'unicode', by: null });
    // Latin-1-only text in a TCVN3 font is TCVN3, as Excel shows it ("«" is ô, "ô" is ụ).
    expect(decodeLegacyText('Công', '.VnTime').text).toBe('Cụng');
    expect(mayBeLegacy('Công')).toBe(true);
    expect(mayBeLegacy('Hạ')).toBe(false);
  });

  it('decodes before normalising: TCVN3 é (U+00D0) and ư (U+00AD) survive', () => {
    expect(normalizeText(decodeLegacyText('k\u00D0m', '.VnTime').text)).toBe('kém');
    expect(normalizeText(decodeLegacyText('tr\u00ADêng', '.VnTime').text)).toBe('trường');
    expect(normalizeText('\u00D0ồng')).toBe('Đồng');
  });

  it('scores words by Vietnamese syllable shape', () => {
    expect(vietnameseScore('Công tác cải cách')).toBe(4);
    expect(vietnameseScore('Coâng taùc')).toBe(-2);
    expect(isVietnameseSyllable('nghiêng')).toBe(true);
    expect(isVietnameseSyllable('quốc')).toBe(true);
    expect(isVietnameseSyllable('tac')).toBe(false);
  });
});

describe('matching keys', () => {
  it('treats old and new tone placement as equal, and keeps Thạch Hạ apart from Thạch Hà', () => {
    expect(foldText('Hoà Bình', 'tones')).toBe(foldText('hòa bình', 'tones'));
    expect(foldText('THUỶ', 'tones')).toBe(foldText('thủy', 'tones'));
    expect(foldText('Thạch Hạ', 'tones')).not.toBe(foldText('Thạch Hà', 'tones'));
    expect(foldText('Ðồng Môn')).toBe('dong mon');
  });

  it.each([
    ['Tỷ lệ hồ sơ TTHC (%)', 'ti le ho so thu tuc hanh chinh'],
    ['UBND P. Bắc Hà', 'uy ban nhan dan phuong bac ha'],
    ['Niêm yết tại BPTN&TKQ', 'niem yet tai bo phan tiep nhan va tra ket qua'],
    ['Trang TTĐT, DVC, HĐND, BĐVHX', 'trang thong tin dien tu dich vu cong hoi dong nhan dan buu dien van hoa xa'],
    ['Trung tâm VH-TT', 'trung tam van hoa thong tin'],
  ])('expands %s', (text, expected) => expect(expandAbbreviations(foldText(text))).toBe(expected));
});
