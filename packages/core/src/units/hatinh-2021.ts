import type { Unit, UnitRegistry } from './unit.ts';

/**
 * The fifteen wards and communes of Hà Tĩnh city (province code 42, city code 436) with their
 * General Statistics Office (GSO) codes, in official order: the ten wards (phường), then the five
 * communes (xã) — BRIEF §4. Valid from 2020-01-02 (Thạch Môn and Thạch Đồng merged into Đồng Môn)
 * until the 2025 reorganisation (2025-07-01, exclusive), after which GSO codes were reused.
 * City agencies are local data: load them with `parseUnitsCsv`/`parseUnitsJson` and add them with
 * `mergeUnits`.
 */
const UNITS: readonly (readonly [code: string, name: string, kind: Unit['kind']])[] = [
  ['18070', 'Trần Phú', 'ward'],
  ['18073', 'Nam Hà', 'ward'],
  ['18076', 'Bắc Hà', 'ward'],
  ['18077', 'Nguyễn Du', 'ward'],
  ['18079', 'Tân Giang', 'ward'],
  ['18082', 'Đại Nài', 'ward'],
  ['18085', 'Hà Huy Tập', 'ward'],
  ['18091', 'Thạch Quý', 'ward'],
  ['18094', 'Thạch Linh', 'ward'],
  ['18097', 'Văn Yên', 'ward'],
  ['18088', 'Thạch Trung', 'commune'],
  ['18100', 'Thạch Hạ', 'commune'],
  ['18103', 'Đồng Môn', 'commune'],
  ['18109', 'Thạch Hưng', 'commune'],
  ['18112', 'Thạch Bình', 'commune'],
];

/** Registry `hatinh-city-2020`: Hà Tĩnh city's 10 wards and 5 communes, 2020-01-02 to 2025-07-01 (exclusive). */
export const hatinhCity2020: UnitRegistry = {
  id: 'hatinh-city-2020',
  validFrom: '2020-01-02',
  validUntil: '2025-07-01',
  units: UNITS.map(([code, name, kind], i) => ({ code, name: name.normalize('NFC'), kind, order: i + 1 })),
};
