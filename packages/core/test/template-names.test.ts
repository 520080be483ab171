import { describe, expect, it } from 'vitest';
import { codeFromListEntry, indicatorCellName, listEntry } from '../src/template/names.ts';

describe('codeFromListEntry', () => {
  it.each([
    ['ND3.6 – Hiện đại hóa hành chính', 'ND3.6'],
    ['HT1.3', 'HT1.3'],
    ['  nd4', 'ND4'],
    ['ht7 - Đối thoại', 'HT7'],
    ['HT 6', 'HT6'],
    ['ND 3.2: Đơn giản hóa TTHC', 'ND3.2'],
    ['HT10', 'HT10'],
    ['Tờ rơi', null],
    ['HTX 5', null],
    ['ND3.6abc', null],
    ['', null],
  ])('%j → %j', (text, code) => {
    expect(codeFromListEntry(text)).toBe(code);
  });
  it('round-trips listEntry', () => {
    expect(codeFromListEntry(listEntry('ND3.7', 'Mô hình thí điểm'))).toBe('ND3.7');
  });
});

describe('indicatorCellName', () => {
  it.each([
    ['CT3a', 'numerator', 'CT3a_numerator'],
    ['CT5b', 'value', 'CT5b_value'],
    ['X1.2', 'percent', 'X1_2_percent'],
  ] as const)('%s %s → %s', (code, field, name) => {
    expect(indicatorCellName(code, field)).toBe(name);
  });
});
