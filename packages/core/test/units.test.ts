import { describe, it, expect } from 'vitest';
import { hatinhCity2020 } from '../src/units/hatinh-2021.ts';
import { findUnit, mergeUnits, parseUnitsCsv, parseUnitsJson, registryValidOn, unitDisplayName } from '../src/units/registry.ts';
import type { Unit } from '../src/units/unit.ts';
import { registryCoversPeriod, registryForPeriod } from '../src/units/validity.ts';
import { parsePeriod } from '../src/period/period.ts';
import type { Period } from '../src/period/types.ts';

describe('registry hatinh-city-2020', () => {
  it('has id and validity, with the resolutions that set its dates', () => {
    expect(hatinhCity2020.id).toBe('hatinh-city-2020');
    expect(hatinhCity2020.validFrom).toBe('2020-01-01');
    expect(hatinhCity2020.validTo).toBe('2024-12-31');
    expect(hatinhCity2020.validityBasis?.from).toContain('819/NQ-UBTVQH14');
    for (const act of ['1283/NQ-UBTVQH15', '1665/NQ-UBTVQH15']) expect(hatinhCity2020.validityBasis?.to).toContain(act);
  });

  it('lists the fifteen wards and communes, then the two city bodies the plan names, in official order', () => {
    expect(hatinhCity2020.units.map((u) => [u.order, u.code, unitDisplayName(u)])).toEqual([
      [1, '18070', 'Phường Trần Phú'],
      [2, '18073', 'Phường Nam Hà'],
      [3, '18076', 'Phường Bắc Hà'],
      [4, '18077', 'Phường Nguyễn Du'],
      [5, '18079', 'Phường Tân Giang'],
      [6, '18082', 'Phường Đại Nài'],
      [7, '18085', 'Phường Hà Huy Tập'],
      [8, '18091', 'Phường Thạch Quý'],
      [9, '18094', 'Phường Thạch Linh'],
      [10, '18097', 'Phường Văn Yên'],
      [11, '18088', 'Xã Thạch Trung'],
      [12, '18100', 'Xã Thạch Hạ'],
      [13, '18103', 'Xã Đồng Môn'],
      [14, '18109', 'Xã Thạch Hưng'],
      [15, '18112', 'Xã Thạch Bình'],
      [16, 'TTVHTT', 'Trung tâm Văn hóa – Truyền thông thành phố'],
      [17, 'TTHCC', 'Trung tâm Hành chính công thành phố'],
    ]);
    expect(hatinhCity2020.units.filter((u) => u.kind === 'ward')).toHaveLength(10);
    expect(hatinhCity2020.units.filter((u) => u.kind === 'commune')).toHaveLength(5);
    // GSO codes for wards and communes; the agencies' codes are the city's, and said to be
    expect(hatinhCity2020.units.filter((u) => u.codeAssignedBy === 'gso')).toHaveLength(15);
    expect(hatinhCity2020.units.filter((u) => u.codeAssignedBy === 'city').map((u) => [u.code, u.kind])).toEqual([
      ['TTVHTT', 'agency'],
      ['TTHCC', 'agency'],
    ]);
  });

  it('names are NFC', () => {
    for (const unit of hatinhCity2020.units) expect(unit.name).toBe(unit.name.normalize('NFC'));
  });

  it.each([
    ['2019-12-31', false],
    ['2020-01-01', true],
    ['2021-06-30', true],
    ['2024-12-31', true],
    // Resolution 1283/NQ-UBTVQH15 reorganised the wards and communes from 01/01/2025
    ['2025-01-01', false],
    ['2025-06-30', false],
  ])('valid on %s: %s', (date, expected) => {
    expect(registryValidOn(hatinhCity2020, date)).toBe(expected);
  });
});

describe('findUnit', () => {
  it.each([
    ['18103', 'Đồng Môn'],
    [' 18070 ', 'Trần Phú'],
    ['18088', 'Thạch Trung'],
    ['99999', undefined],
    ['__proto__', undefined],
    ['constructor', undefined],
    ['toString', undefined],
    ['', undefined],
  ])('%j → %s', (code, name) => {
    expect(findUnit(hatinhCity2020, code)?.name).toBe(name);
  });
});

describe('unitDisplayName', () => {
  it.each([
    [{ name: 'Trần Phú', kind: 'ward' }, 'Phường Trần Phú'],
    [{ name: 'Thạch Hạ', kind: 'commune' }, 'Xã Thạch Hạ'],
    [{ name: 'Trung tâm Văn hóa – Truyền thông thành phố', kind: 'agency' }, 'Trung tâm Văn hóa – Truyền thông thành phố'],
  ] as const)('%j → %s', (unit, expected) => {
    expect(unitDisplayName(unit)).toBe(expected);
  });
});

const AGENCIES_CSV = [
  'code,name,kind,order',
  'TTVHTT,Trung tâm Văn hóa – Truyền thông thành phố,agency,1',
  'TTHCC,"Trung tâm Hành chính công thành phố",cơ quan,2',
  'VPHDND,"Văn phòng HĐND và UBND thành phố, Hà Tĩnh",Cơ quan,3',
].join('\r\n');

describe('parseUnitsCsv', () => {
  it('reads agencies with quoted fields, CRLF and Vietnamese kinds', () => {
    const result = parseUnitsCsv(AGENCIES_CSV, 'agencies.csv');
    expect(result.findings).toEqual([]);
    expect(result.ok && result.value).toEqual([
      { code: 'TTVHTT', name: 'Trung tâm Văn hóa – Truyền thông thành phố', kind: 'agency', order: 1 },
      { code: 'TTHCC', name: 'Trung tâm Hành chính công thành phố', kind: 'agency', order: 2 },
      { code: 'VPHDND', name: 'Văn phòng HĐND và UBND thành phố, Hà Tĩnh', kind: 'agency', order: 3 },
    ]);
  });

  it('tolerates a BOM, NFD text, prefixes, ";" separators, Vietnamese headers, blank lines and no order column', () => {
    const text = '\uFEFFMã;Tên;Loại\n18070;Phường  Trần Phú;phường\n\n18100;"Xã Thạch Hạ";xa\n18103;Đồng Môn;XÃ\n'.normalize('NFD');
    const result = parseUnitsCsv(text);
    expect(result.findings).toEqual([]);
    expect(result.ok && result.value).toEqual([
      { code: '18070', name: 'Trần Phú', kind: 'ward', order: 1 },
      { code: '18100', name: 'Thạch Hạ', kind: 'commune', order: 2 },
      { code: '18103', name: 'Đồng Môn', kind: 'commune', order: 3 },
    ]);
    if (result.ok) for (const u of result.value) expect(u.name).toBe(u.name.normalize('NFC'));
  });

  it('sorts by the order column; columns in any order; quotes with "" and line breaks', () => {
    const text = 'kind,order,name,code\nagency,2,"Phòng ""Nội vụ""",PNV\nagency,1,"Trung tâm\nHành chính công",TTHCC\n';
    const result = parseUnitsCsv(text);
    expect(result.ok && result.value).toEqual([
      { code: 'TTHCC', name: 'Trung tâm Hành chính công', kind: 'agency', order: 1 },
      { code: 'PNV', name: 'Phòng "Nội vụ"', kind: 'agency', order: 2 },
    ]);
  });

  it('notes an unused column', () => {
    const result = parseUnitsCsv('code,name,kind,ghi chú\nA,Phòng A,agency,x\n');
    expect(result.ok).toBe(true);
    expect(result.findings.map((f) => [f.severity, f.code])).toEqual([['notice', 'units-column-ignored']]);
  });

  it('bad rows give findings with line numbers', () => {
    const text = [
      'code,name,kind', // line 1
      'A,Phòng A,agency', // 2
      ',Phòng B,agency', // 3: no code
      'C,,agency', // 4: no name
      'D,Phòng D,department', // 5: unknown kind
      'A,Phòng A bis,agency', // 6: duplicate
      '"E,F",Phòng E,agency', // 7: bad code
    ].join('\n');
    const result = parseUnitsCsv(text, 'agencies.csv');
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => [f.code, f.unit, f.message.en])).toEqual([
      ['units-row-invalid', undefined, 'Line 3: the unit code is missing.'],
      ['units-row-invalid', 'C', 'Line 4: the unit name is missing.'],
      ['units-row-invalid', 'D', 'Line 5: unknown unit kind "department" (use ward/phường, commune/xã or agency/cơ quan).'],
      ['units-duplicate-code', 'A', 'Line 6: code "A" duplicates line 2.'],
      ['units-row-invalid', 'E,F', 'Line 7: code "E,F" may hold only ASCII letters, digits, "_", "." and "-".'],
    ]);
    expect(result.findings.every((f) => f.file === 'agencies.csv' && f.severity === 'error')).toBe(true);
    expect(result.findings[2]?.message.vi).toBe('Dòng 5: loại đơn vị "department" không hợp lệ (dùng ward/phường, commune/xã hoặc agency/cơ quan).');
  });

  it('line numbers count lines inside quoted fields', () => {
    const result = parseUnitsCsv('code,name,kind\nA,"Phòng\nA",agency\nB,Phòng B,village\n');
    expect(result.findings.map((f) => f.message.en)).toEqual(['Line 4: unknown unit kind "village" (use ward/phường, commune/xã or agency/cơ quan).']);
  });

  it.each([
    ['0', 'Line 2: order "0" must be a positive integer.'],
    ['1.5', 'Line 2: order "1.5" must be a positive integer.'],
    ['một', 'Line 2: order "một" must be a positive integer.'],
  ])('order %j is an error', (order, message) => {
    const result = parseUnitsCsv(`code,name,kind,order\nA,Phòng A,agency,${order}\n`);
    expect(result.findings.map((f) => f.message.en)).toEqual([message]);
  });

  it('duplicate order is a warning; file order breaks the tie', () => {
    const result = parseUnitsCsv('code,name,kind,order\nA,Phòng A,agency,1\nB,Phòng B,agency,1\n');
    expect(result.ok && result.value.map((u) => u.code)).toEqual(['A', 'B']);
    expect(result.findings.map((f) => [f.severity, f.code])).toEqual([['warning', 'units-duplicate-order']]);
  });

  it.each([
    ['', 'units-file-invalid', 'The unit list is empty.'],
    ['\n\n', 'units-file-invalid', 'The unit list is empty.'],
    ['code,name\nA,B\n', 'units-header-invalid', 'The header lacks column(s): kind (expected code,name,kind and optionally order).'],
    ['code,name,kind,code\n', 'units-header-invalid', 'Column "code" appears twice in the header.'],
    ['code,name,kind\nA,"Phòng A,agency\n', 'units-file-invalid', 'The quote opened on line 2 is never closed.'],
  ])('structural problem in %j', (text, code, message) => {
    const result = parseUnitsCsv(text);
    expect(result.ok).toBe(false);
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.message.en])).toEqual([[code, message]]);
  });

  it('codes __proto__ and constructor are ordinary codes', () => {
    const result = parseUnitsCsv('code,name,kind\n__proto__,Phòng X,agency\nconstructor,Phòng Y,agency\n__proto__,Phòng Z,agency\n');
    expect(result.findings.map((f) => [f.code, f.message.en])).toEqual([['units-duplicate-code', 'Line 4: code "__proto__" duplicates line 2.']]);
    const ok = parseUnitsCsv('code,name,kind\n__proto__,Phòng X,agency\nconstructor,Phòng Y,agency\n');
    expect(ok.ok && ok.value.map((u) => u.code)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['name']).toBeUndefined();
  });
});

describe('parseUnitsJson', () => {
  it('reads an array, numeric codes and Vietnamese kinds', () => {
    const result = parseUnitsJson(JSON.stringify([{ code: 18070, name: 'Trần Phú', kind: 'phường' }, { code: 'TTHCC', name: 'Trung tâm Hành chính công', kind: 'cơ quan', order: 5 }]));
    expect(result.ok && result.value).toEqual([
      { code: '18070', name: 'Trần Phú', kind: 'ward', order: 1 },
      { code: 'TTHCC', name: 'Trung tâm Hành chính công', kind: 'agency', order: 5 },
    ]);
  });

  it('reads a saved registry ({ units: [...] }); who assigned the codes is not read back', () => {
    const result = parseUnitsJson(JSON.stringify(hatinhCity2020));
    expect(result.ok && result.value).toEqual(hatinhCity2020.units.map(({ codeAssignedBy: _, ...unit }) => unit));
  });

  it.each([
    ['{', 'units-file-invalid'],
    ['{"list": []}', 'units-file-invalid'],
    ['[1]', 'units-row-invalid'],
  ])('%j → %s', (text, code) => {
    const result = parseUnitsJson(text, 'units.json');
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => f.code)).toEqual([code]);
    expect(result.findings[0]?.file).toBe('units.json');
  });

  it('names the entry of a bad row', () => {
    const result = parseUnitsJson('{"units": [{"code": "A", "name": "Phòng A", "kind": "agency"}, {"code": "B", "name": "Phòng B", "kind": "x", "__proto__": {"kind": "agency"}}]}');
    expect(result.findings.map((f) => f.message.en)).toEqual(['units[1]: unknown unit kind "x" (use ward/phường, commune/xã or agency/cơ quan).']);
  });
});

describe('mergeUnits', () => {
  const agencies: Unit[] = [
    { code: 'PTP', name: 'Phòng Tư pháp thành phố', kind: 'agency', order: 2 },
    { code: 'PNV', name: 'Phòng Nội vụ thành phố', kind: 'agency', order: 1 },
  ];

  it('appends agencies after the registry’s units, renumbered', () => {
    const result = mergeUnits(hatinhCity2020, agencies);
    expect(result.findings).toEqual([]);
    if (!result.ok) throw new Error('merge failed');
    expect(result.value.id).toBe('hatinh-city-2020');
    expect(result.value.units).toHaveLength(19);
    expect(result.value.units.slice(14).map((u) => [u.order, u.code])).toEqual([
      [15, '18112'],
      [16, 'TTVHTT'],
      [17, 'TTHCC'],
      [18, 'PNV'],
      [19, 'PTP'],
    ]);
    expect(findUnit(result.value, 'PNV')?.order).toBe(18);
    expect(hatinhCity2020.units).toHaveLength(17);
    expect(agencies[0]?.order).toBe(2);
  });

  it('a unit the registry already has (same code and kind) is kept once, the registry’s name with a notice when the names differ', () => {
    const same = mergeUnits(hatinhCity2020, [{ code: 'TTVHTT', name: 'Trung tâm Văn hóa – Truyền thông thành phố', kind: 'agency', order: 1 }, agencies[1] as Unit]);
    expect(same.findings).toEqual([]);
    expect(same.ok && same.value.units.map((u) => u.code).slice(15)).toEqual(['TTVHTT', 'TTHCC', 'PNV']);
    const renamed = mergeUnits(hatinhCity2020, [{ code: 'TTHCC', name: 'Trung tâm HCC', kind: 'agency', order: 1 }]);
    expect(renamed.ok && renamed.value.units).toHaveLength(17);
    expect(renamed.findings.map((f) => [f.severity, f.code, f.unit])).toEqual([['notice', 'units-already-registered', 'TTHCC']]);
    expect(renamed.findings[0]?.message.vi).toBe(
      'Đơn vị mã "TTHCC" đã có trong danh sách hatinh-city-2020 với tên "Trung tâm Hành chính công thành phố"; giữ tên đó, bỏ qua tên "Trung tâm HCC".',
    );
  });

  it('a code already in the registry is an error', () => {
    const result = mergeUnits(hatinhCity2020, [{ code: '18070', name: 'Phòng X', kind: 'agency', order: 1 }]);
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => [f.code, f.unit, f.message.en])).toEqual([
      ['units-duplicate-code', '18070', 'Unit code "18070" (Phòng X) is already in registry hatinh-city-2020; remove this line from the extra list (it only needs the units not listed yet, usually agencies).'],
    ]);
  });

  it('a ward of the registry listed again is at most one finding, never also "not in the registry"', () => {
    // As a ward (its kind in the registry): the registry's entry is kept, nothing to say (issue 14's rule).
    const same = mergeUnits(hatinhCity2020, [{ code: '18070', name: 'Trần Phú', kind: 'ward', order: 1 }]);
    expect(same.ok).toBe(true);
    expect(same.findings).toEqual([]);
    expect(same.ok && same.value.units).toHaveLength(17);
    // As another kind: one finding, the error saying to remove the line.
    const result = mergeUnits(hatinhCity2020, [{ code: '18070', name: 'Trần Phú', kind: 'commune', order: 1 }]);
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => [f.severity, f.code, f.message.vi])).toEqual([
      [
        'error',
        'units-duplicate-code',
        'Mã đơn vị "18070" (Xã Trần Phú) đã có trong danh sách hatinh-city-2020; bỏ dòng này khỏi danh sách bổ sung (danh sách bổ sung chỉ cần các đơn vị chưa có, thường là cơ quan).',
      ],
    ]);
  });

  it('a code repeated in the extra list is an error', () => {
    const result = mergeUnits(hatinhCity2020, [agencies[0] as Unit, agencies[0] as Unit]);
    expect(result.findings.map((f) => f.message.en)).toEqual([
      'Unit code "PTP" (Phòng Tư pháp thành phố) is already in the extra list; remove this line from the extra list (it only needs the units not listed yet, usually agencies).',
    ]);
  });

  it('a ward in the extra list is a warning', () => {
    const result = mergeUnits(hatinhCity2020, [{ code: '18064', name: 'Thạch Đồng', kind: 'commune', order: 1 }]);
    expect(result.ok).toBe(true);
    expect(result.findings.map((f) => [f.severity, f.code])).toEqual([['warning', 'units-extra-not-agency']]);
  });
});

describe('registryForPeriod: a period outside the registry’s dates needs the registry of its time', () => {
  const period = (code: string): Period => {
    const parsed = parsePeriod(code);
    if (!parsed.ok) throw new Error(code);
    return parsed.value;
  };
  const units2025: Unit[] = [
    { code: '18070', name: 'Trần Phú', kind: 'ward', order: 1 },
    { code: 'TTHCC', name: 'Trung tâm Hành chính công thành phố', kind: 'agency', order: 2 },
  ];

  it.each([
    ['2020-Q1', true], // 01/01/2020–31/03/2020
    ['2021-H1', true],
    ['2024', true], // 01/01/2024–31/12/2024
    ['2024-Q4', true],
    ['2019-Q4', false],
    ['2025-Q1', false], // Resolution 1283/NQ-UBTVQH15, in force 01/01/2025
    ['2025-H1', false],
  ])('%s lies within 01/01/2020–31/12/2024: %s', (code, expected) => {
    expect(registryCoversPeriod(hatinhCity2020, period(code))).toBe(expected);
    expect(registryForPeriod(hatinhCity2020, period(code)).ok).toBe(expected);
  });

  it('refuses a period outside, in both languages, saying the dates, the reason and what to give', () => {
    const result = registryForPeriod(hatinhCity2020, period('2025-H1'));
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => [f.severity, f.code])).toEqual([['error', 'registry-period-outside']]);
    const { vi, en } = result.findings[0]!.message;
    expect(vi).toContain('Kỳ 2025-H1 (01/01/2025–30/06/2025) nằm ngoài thời gian hiệu lực của danh sách đơn vị hatinh-city-2020 (01/01/2020–31/12/2024)');
    expect(vi).toContain('--units');
    expect(vi).toContain('Căn cứ: Nghị quyết 1283/NQ-UBTVQH15 ngày 14/11/2024 sắp xếp lại các phường, xã của thành phố từ 01/01/2025');
    // a period before the dates cites the act that made the units
    const before = registryForPeriod(hatinhCity2020, period('2019-Q4'));
    expect(before.findings[0]?.message.vi).toContain('Căn cứ: Nghị quyết 819/NQ-UBTVQH14 ngày 21/11/2019');
    expect(en).toContain('Period 2025-H1 (2025-01-01 to 2025-06-30) is outside the dates of unit registry hatinh-city-2020 (2020-01-01 to 2024-12-31)');
    expect(en).toContain('Give the unit registry of that time (--units FILE.csv, columns code,name,kind).');
  });

  it('outside its dates, uses the given list alone (never the built-in units), with a notice', () => {
    const result = registryForPeriod(hatinhCity2020, period('2025-H1'), { units: units2025, source: 'don-vi-2025.csv' });
    expect(result.ok && result.value).toMatchObject({ id: 'don-vi-2025.csv', validFrom: '2025-01-01', validTo: '2025-06-30', units: units2025 });
    expect(result.findings.map((f) => [f.severity, f.code, f.file])).toEqual([['notice', 'registry-from-file', 'don-vi-2025.csv']]);
  });

  it('within its dates, adds the given units to the built-in registry', () => {
    const result = registryForPeriod(hatinhCity2020, period('2021-H1'), { units: [{ code: 'PNV', name: 'Phòng Nội vụ', kind: 'agency', order: 1 }], source: 'co-quan.csv' });
    expect(result.ok && result.value.units.map((u) => u.code)).toEqual([...hatinhCity2020.units.map((u) => u.code), 'PNV']);
  });
});
