/** Units in the registry's official order, or by name with Vietnamese collation (`--sort name`). */
import { describe, expect, it } from 'vitest';
import { compareVietnamese, orderUnits } from '../src/consolidate/unit-order.ts';
import { hatinhCity2020 } from '../src/units/hatinh-2021.ts';

const names = (list: readonly { name: string }[]) => list.map((u) => u.name);

describe('orderUnits', () => {
  it('keeps the registry order by default (ten wards, five communes, then the agencies)', () => {
    const shuffled = [...hatinhCity2020.units].reverse();
    expect(orderUnits(shuffled).map((u) => u.code)).toEqual(hatinhCity2020.units.map((u) => u.code));
    expect(orderUnits(shuffled, 'official').map((u) => u.code)).toEqual(hatinhCity2020.units.map((u) => u.code));
  });

  it('sorts by name with Vietnamese collation: Đ after D, tones after the base letters', () => {
    const units = ['Thạch Hạ', 'Hà Huy Tập', 'Thạch Bình', 'Đồng Môn', 'Đại Nài', 'Dân Chủ', 'Thạch Hưng'].map((name, i) => ({ code: String(18000 + i), name, order: i + 1 }));
    expect(names(orderUnits(units, 'name'))).toEqual(['Dân Chủ', 'Đại Nài', 'Đồng Môn', 'Hà Huy Tập', 'Thạch Bình', 'Thạch Hạ', 'Thạch Hưng']);
    // code-unit order would put Đ (U+0110) after every ASCII letter and ư (U+01B0) before ạ (U+1EA1)
    expect([...units].map((u) => u.name).sort()).toEqual(['Dân Chủ', 'Hà Huy Tập', 'Thạch Bình', 'Thạch Hưng', 'Thạch Hạ', 'Đại Nài', 'Đồng Môn']);
  });

  it('sorts the seventeen units of Hà Tĩnh city by name, wards, communes and agencies together', () => {
    expect(names(orderUnits(hatinhCity2020.units, 'name'))).toEqual([
      'Bắc Hà',
      'Đại Nài',
      'Đồng Môn',
      'Hà Huy Tập',
      'Nam Hà',
      'Nguyễn Du',
      'Tân Giang',
      'Thạch Bình',
      'Thạch Hạ',
      'Thạch Hưng',
      'Thạch Linh',
      'Thạch Quý',
      'Thạch Trung',
      'Trần Phú',
      'Trung tâm Hành chính công thành phố',
      'Trung tâm Văn hóa – Truyền thông thành phố',
      'Văn Yên',
    ]);
  });

  it('compares NFD and NFC spellings as equal and breaks name ties by official order', () => {
    expect(compareVietnamese('Đồng Môn'.normalize('NFD'), 'Đồng Môn')).toBe(0);
    const twins = [
      { code: 'B', name: 'Thạch Hạ', order: 2 },
      { code: 'A', name: 'Thạch Hạ'.normalize('NFD'), order: 1 },
    ];
    expect(orderUnits(twins, 'name').map((u) => u.code)).toEqual(['A', 'B']);
    expect(twins.map((u) => u.code)).toEqual(['B', 'A']); // input untouched
  });
});
