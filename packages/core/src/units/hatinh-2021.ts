import type { Unit, UnitRegistry } from './unit.ts';

/**
 * The reporting units of Hà Tĩnh city (province code 42, city code 436) for plan 163/KH-UBND, in
 * official order: the ten wards (phường), the five communes (xã) — BRIEF §4, with their General
 * Statistics Office (GSO) codes — then the two city bodies the plan itself names, as agencies with
 * codes the city assigns (not GSO codes): the culture and media centre (CT2a, "Trung tâm Văn hóa –
 * Thông tin thành phố" in the plan, today "Trung tâm Văn hóa – Truyền thông") and the public
 * administration centre (CT4a, "Trung tâm Hành chính công thành phố"). Other agencies (the city's
 * departments) are local data: load them with `parseUnitsCsv`/`parseUnitsJson` and add them with
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
  ['TTVHTT', 'Trung tâm Văn hóa – Truyền thông thành phố', 'agency'],
  ['TTHCC', 'Trung tâm Hành chính công thành phố', 'agency'],
];

/**
 * Where the registry's dates come from. From 01/01/2020: Resolution 819/NQ-UBTVQH14 (21/11/2019)
 * merged the communes Thạch Môn and Thạch Đồng into Đồng Môn, in force from that day. To
 * 31/12/2024: Resolution 1283/NQ-UBTVQH15 (14/11/2024, in force 01/01/2025) reorganised the city's
 * wards and communes (18094 and 18077 now name other wards); Resolution 1665/NQ-UBTVQH15
 * (16/06/2025; the new units work from 01/07/2025) reorganised the province's commune-level units
 * again, with the city no longer a district-level unit. (BRIEF and issue 14 cite 1656/NQ-UBTVQH15
 * for the last: that number is Hà Nội's resolution of the same day.)
 */
export const HATINH_CITY_2020_VALIDITY = {
  from: 'Nghị quyết 819/NQ-UBTVQH14 ngày 21/11/2019 nhập xã Thạch Môn và xã Thạch Đồng thành xã Đồng Môn, có hiệu lực từ 01/01/2020',
  to: 'Nghị quyết 1283/NQ-UBTVQH15 ngày 14/11/2024 sắp xếp lại các phường, xã của thành phố từ 01/01/2025 (mã 18094, 18077 nay là của phường khác); Nghị quyết 1665/NQ-UBTVQH15 ngày 16/6/2025 sắp xếp các đơn vị hành chính cấp xã của tỉnh Hà Tĩnh từ 01/7/2025',
} as const;

/**
 * Registry `hatinh-city-2020`: Hà Tĩnh city's 10 wards, 5 communes and the 2 agencies the plan
 * names, valid from 2020-01-01 to 2024-12-31 inclusive (see {@link HATINH_CITY_2020_VALIDITY});
 * a period outside these dates needs the registry of its own time (`registryForPeriod`). The
 * agencies' codes `TTVHTT` and `TTHCC` are the city's, not GSO codes (`codeAssignedBy: 'city'`).
 */
export const hatinhCity2020: UnitRegistry = {
  id: 'hatinh-city-2020',
  validFrom: '2020-01-01',
  validTo: '2024-12-31',
  validityBasis: { ...HATINH_CITY_2020_VALIDITY },
  units: UNITS.map(([code, name, kind], i) => ({ code, name: name.normalize('NFC'), kind, codeAssignedBy: kind === 'agency' ? 'city' : 'gso', order: i + 1 })),
};
