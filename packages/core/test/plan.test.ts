import { describe, it, expect } from 'vitest';
import data from '../src/plan/plans/hatinh-2021.json' with { type: 'json' };
import { builtinPlans, hatinh2021 } from '../src/plan/builtin.ts';
import { formatPath, parsePlan, parsePlanJson } from '../src/plan/load.ts';
import { indicatorAppliesTo } from '../src/plan/applies.ts';
import { formByCode, indicatorByCode, profileById, themeByCode, topLevelCode } from '../src/plan/lookup.ts';
import type { Finding } from '../src/finding.ts';
import type { Unit } from '../src/units/unit.ts';
import { DEFAULT_DEADLINE_RULE } from '../src/plan/schema.ts';
import { hatinhCity2020 } from '../src/units/hatinh-2021.ts';

/** A fresh, mutable copy of the built-in plan file. */
function planData(): any {
  return JSON.parse(JSON.stringify(data)) as any;
}

function errors(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error');
}

describe('built-in plan hatinh-2021', () => {
  it('parses without any finding', () => {
    const result = parsePlan(data, 'hatinh-2021.json');
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('has the document and year of plan 163/KH-UBND', () => {
    expect(hatinh2021.id).toBe('hatinh-2021');
    expect(hatinh2021.document).toEqual({ number: '163/KH-UBND', date: '2020-12-28', issuer: 'UBND thành phố Hà Tĩnh' });
    expect(hatinh2021.year).toBe(2021);
    expect(hatinh2021.primaryProfile).toBe('general-100');
    expect(hatinh2021.deadline.daysAfterCutoff).toBe(6);
    expect(hatinh2021.deadline.basis.kind).toBe('convention');
    expect(Object.keys(builtinPlans)).toEqual(['hatinh-2021']);
    expect(builtinPlans['hatinh-2021']).toBe(hatinh2021);
  });

  it('has exactly the nine indicators of BRIEF §3.1', () => {
    expect(hatinh2021.indicators.map((i) => i.code)).toEqual(['CT1', 'CT2a', 'CT2b', 'CT3a', 'CT3b', 'CT4a', 'CT4b', 'CT5a', 'CT5b']);
  });

  it('has themes ND1…ND7 with ND3.1…ND3.7 under ND3', () => {
    expect(hatinh2021.themes.map((t) => t.code)).toEqual([
      'ND1', 'ND2', 'ND3', 'ND3.1', 'ND3.2', 'ND3.3', 'ND3.4', 'ND3.5', 'ND3.6', 'ND3.7', 'ND4', 'ND5', 'ND6', 'ND7',
    ]);
    const children = hatinh2021.themes.filter((t) => t.parent !== undefined);
    expect(children.map((t) => t.code)).toEqual(['ND3.1', 'ND3.2', 'ND3.3', 'ND3.4', 'ND3.5', 'ND3.6', 'ND3.7']);
    expect(new Set(children.map((t) => t.parent))).toEqual(new Set(['ND3']));
  });

  it('has forms HT1…HT9 with sub-forms, online ones HT1.3, HT2.2 and HT6', () => {
    expect(hatinh2021.forms.map((f) => f.code)).toEqual([
      'HT1', 'HT1.1', 'HT1.2', 'HT1.3', 'HT2', 'HT2.1', 'HT2.2', 'HT3', 'HT4', 'HT5', 'HT6', 'HT7', 'HT8', 'HT9',
    ]);
    expect(hatinh2021.forms.filter((f) => f.parent !== undefined).map((f) => `${f.code}<${f.parent}`)).toEqual([
      'HT1.1<HT1', 'HT1.2<HT1', 'HT1.3<HT1', 'HT2.1<HT2', 'HT2.2<HT2',
    ]);
    expect(hatinh2021.forms.filter((f) => f.online).map((f) => f.code)).toEqual(['HT1.3', 'HT2.2', 'HT6']);
  });

  it.each([
    // code, measure, rule, kinds, units, weight, evidenceRequired, basis of the target
    ['CT1', 'ratio', 'ratioAtLeast', ['ward', 'commune', 'agency'], undefined, 10, false, 'plan'],
    ['CT2a', 'comparison', 'increase', undefined, ['TTVHTT'], 10, false, 'convention'],
    ['CT2b', 'ratio', 'ratioAtLeast', ['ward', 'commune'], undefined, 10, false, 'plan'],
    ['CT3a', 'ratio', 'ratioAtLeast', ['ward', 'commune', 'agency'], undefined, 15, false, 'plan'],
    ['CT3b', 'ratio', 'ratioAtLeast', ['ward', 'commune', 'agency'], undefined, 10, false, 'plan'],
    ['CT4a', 'ratio', 'ratioAtLeast', ['ward', 'commune'], ['TTHCC'], 15, false, 'plan'],
    ['CT4b', 'ratio', 'ratioAtLeast', ['ward', 'commune'], undefined, 10, false, 'plan'],
    ['CT5a', 'count', 'countAtLeast', ['ward', 'commune', 'agency'], undefined, 10, false, 'convention'],
    ['CT5b', 'boolean', 'yes', ['ward', 'commune', 'agency'], undefined, 10, true, 'convention'],
  ] as const)('%s: %s, rule %s, applies to kinds %j and units %j, weight %d', (code, measure, rule, kinds, units, weight, evidence, basis) => {
    const indicator = indicatorByCode(hatinh2021, code);
    expect(indicator).toBeDefined();
    expect(indicator?.measure).toBe(measure);
    expect(indicator?.target.rule).toBe(rule);
    expect(indicator?.target.basis.kind).toBe(basis);
    expect(indicator?.weightBasis.kind).toBe('convention');
    expect(indicator?.appliesTo.kinds).toEqual(kinds);
    expect(indicator?.appliesTo.units).toEqual(units);
    expect(indicator?.weight).toBe(weight);
    expect(indicator?.evidenceRequired).toBe(evidence);
    expect(indicator?.aliases.length).toBeGreaterThanOrEqual(5);
    expect(indicator?.clause.startsWith('163/KH-UBND, Chỉ tiêu, gạch đầu dòng')).toBe(true);
  });

  it('targets: 100% ratios, at least one CT5a activity, CT2a an increase of airtime in minutes', () => {
    expect(indicatorByCode(hatinh2021, 'CT3a')?.target).toMatchObject({ rule: 'ratioAtLeast', min: 1, basis: { kind: 'plan' } });
    expect(indicatorByCode(hatinh2021, 'CT5a')?.target).toMatchObject({ rule: 'countAtLeast', min: 1, basis: { kind: 'convention' } });
    // the plan: "tăng cường thời lượng đưa tin" — airtime, not a count of items
    expect(indicatorByCode(hatinh2021, 'CT2a')?.unitOfMeasure).toBe('phút');
    expect(indicatorByCode(hatinh2021, 'CT2a')?.numeratorLabel).toBe('Thời lượng phát sóng các chương trình, chuyên mục, tin, bài về CCHC trong kỳ (phút)');
    expect(indicatorByCode(hatinh2021, 'CT2a')?.denominatorLabel).toBe('Thời lượng phát sóng về CCHC cùng kỳ năm trước (phút)');
    expect(indicatorByCode(hatinh2021, 'CT3a')?.numeratorLabel).toBe('Số hồ sơ được cập nhật, công khai tình trạng');
    expect(indicatorByCode(hatinh2021, 'CT3a')?.denominatorLabel).toBe('Tổng số hồ sơ đã tiếp nhận');
    expect(indicatorByCode(hatinh2021, 'CT3a')?.clause).toBe('163/KH-UBND, Chỉ tiêu, gạch đầu dòng 3 (nhắc lại ở gạch đầu dòng 4)');
  });

  it('weights add up to 100', () => {
    expect(hatinh2021.indicators.reduce((sum, i) => sum + i.weight, 0)).toBe(100);
  });

  it('aliases include wordings with and without diacritics and abbreviations', () => {
    const all = hatinh2021.indicators.flatMap((i) => i.aliases);
    for (const abbreviation of ['CCHC', 'TTHC', 'TTĐT', 'DVC', 'BPTN&TKQ', 'BĐVHX']) {
      expect(all.some((a) => a.includes(abbreviation)), abbreviation).toBe(true);
    }
    for (const indicator of hatinh2021.indicators) {
      expect(indicator.aliases.some((a) => /^[\x20-\x7e]+$/.test(a)), `${indicator.code} has an ASCII alias`).toBe(true);
    }
  });

  it('all text is NFC', () => {
    const text = JSON.stringify(hatinh2021);
    expect(text).toBe(text.normalize('NFC'));
  });

  it('profile general-100: components, points and bands', () => {
    const profile = profileById(hatinh2021, 'general-100');
    expect(profile?.scale).toBe(100);
    expect(profile?.components.map((c) => [c.type, c.points])).toEqual([
      ['indicators', 60],
      ['themeCoverage', 15],
      ['formDiversity', 15],
      ['timeliness', 10],
    ]);
    const diversity = profile?.components.find((c) => c.type === 'formDiversity');
    expect(diversity?.type === 'formDiversity' ? diversity.target : null).toBe(5);
    expect(profile?.bands.map((b) => [b.min, b.label.vi, b.label.en])).toEqual([
      [90, 'Tốt', 'Good'],
      [80, 'Khá', 'Fair'],
      [70, 'Trung bình', 'Average'],
      [0, 'Yếu', 'Weak'],
    ]);
  });

  it('profile communication-2: Xuân Lộc guideline', () => {
    const profile = profileById(hatinh2021, 'communication-2');
    expect(profile?.scale).toBe(2);
    expect(profile?.source).toBe('Bộ tiêu chí CCHC cấp xã, huyện Xuân Lộc, tỉnh Đồng Nai (quy định đã công bố, áp dụng nguyên văn)');
    const [completion, groups] = profile?.components ?? [];
    expect(completion).toMatchObject({ type: 'planCompletion', points: 1, partialFrom: 0.9, requiresEvidence: true });
    expect(groups).toMatchObject({ type: 'formGroups', points: 1, requiresEvidence: true });
    expect(groups?.type === 'formGroups' ? groups.groups.map((g) => [g.forms, g.points, g.others]) : null).toEqual([
      [['HT2.2'], 0.25, false],
      [['HT1.3', 'HT6'], 0.25, false],
      [[], 0.5, true],
    ]);
    expect(profile?.bands.map((b) => b.min)).toEqual([2, 1, 0]);
  });

  it('profile communication-2-graded: the Xuân Lộc parts with partial credit from 75%, a convention', () => {
    const published = profileById(hatinh2021, 'communication-2');
    const graded = profileById(hatinh2021, 'communication-2-graded');
    expect(graded?.scale).toBe(2);
    expect(graded?.name.vi).toContain('quy ước');
    const [completion, groups] = graded?.components ?? [];
    expect(completion).toMatchObject({ type: 'planCompletion', points: 1, partialFrom: 0.75, requiresEvidence: true, basis: { kind: 'convention' } });
    // everything else as the published profile
    expect(groups).toEqual({ ...published?.components[1], basis: groups?.basis });
    expect(graded?.bands).toEqual(published?.bands);
  });

  it('every target, weight, component, band and the deadline carries a basis; only six targets are the plan’s', () => {
    expect(hatinh2021.indicators.filter((i) => i.target.basis.kind === 'plan').map((i) => i.code)).toEqual(['CT1', 'CT2b', 'CT3a', 'CT3b', 'CT4a', 'CT4b']);
    const bases = [
      ...hatinh2021.indicators.flatMap((i) => [i.target.basis, i.weightBasis]),
      ...hatinh2021.profiles.flatMap((p) => [...p.components.map((c) => c.basis), ...p.bands.map((b) => b.basis)]),
      hatinh2021.deadline.basis,
    ];
    // nine targets and weights; general-100: 4 parts, 4 bands; each 2-point profile: 2 parts, 3 bands; the deadline
    expect(bases).toHaveLength(9 * 2 + (4 + 4) + (2 + 3) * 2 + 1);
    for (const basis of bases) expect(basis.kind === 'plan' ? basis.clause : basis.why).toMatch(/\S{3}/);
    // the plan's targets quote their clause
    for (const i of hatinh2021.indicators) if (i.target.basis.kind === 'plan') expect(i.target.basis.clause).toMatch(/^163\/KH-UBND, Chỉ tiêu, gạch đầu dòng \d.*“.*100%/);
  });
});

describe('parsePlan: every basis is required', () => {
  it.each([
    ['a target', (p: any) => delete p.indicators[7].target.basis, 'indicators[7].target.basis'],
    ['a weight', (p: any) => delete p.indicators[2].weightBasis, 'indicators[2].weightBasis'],
    ['a component', (p: any) => delete p.profiles[0].components[3].basis, 'profiles[0].components[3].basis'],
    ['a band', (p: any) => delete p.profiles[1].bands[2].basis, 'profiles[1].bands[2].basis'],
    ['the deadline', (p: any) => delete p.deadline.basis, 'deadline.basis'],
    ['an unknown kind', (p: any) => (p.indicators[0].target.basis = { kind: 'guess', why: 'x' }), 'indicators[0].target.basis.kind'],
    ['a convention without why', (p: any) => (p.indicators[0].target.basis = { kind: 'convention' }), 'indicators[0].target.basis.why'],
    ['a plan basis without clause', (p: any) => (p.deadline.basis = { kind: 'plan', clause: '' }), 'deadline.basis.clause'],
  ])('%s without one → plan-invalid at %s, from JSON text too', (_name, mutate, path) => {
    const plan = planData();
    mutate(plan);
    const result = parsePlanJson(JSON.stringify(plan), 'plan.json');
    expect(result.ok).toBe(false);
    const hit = errors(result.findings).find((f) => f.message.en.includes(` at ${path}`));
    expect(hit, result.findings.map((f) => f.message.en).join('\n')).toMatchObject({ code: 'plan-invalid', file: 'plan.json' });
  });
});

describe('parsePlan: invalid plans name the path', () => {
  const cases: [string, (plan: any) => void, string][] = [
    ['target above 100%', (p) => (p.indicators[3].target.min = 1.5), 'indicators[3].target.min'],
    ['missing clause', (p) => delete p.indicators[1].clause, 'indicators[1].clause'],
    ['empty Vietnamese text', (p) => (p.indicators[0].text.vi = ''), 'indicators[0].text.vi'],
    ['unknown rule', (p) => (p.indicators[0].target = { rule: 'atLeast', min: 1 }), 'indicators[0].target.rule'],
    ['unknown measure', (p) => (p.indicators[2].measure = 'percent'), 'indicators[2].measure'],
    ['unknown unit kind', (p) => (p.indicators[2].appliesTo.kinds = ['ward', 'village']), 'indicators[2].appliesTo.kinds[1]'],
    ['zero weight', (p) => (p.indicators[4].weight = 0), 'indicators[4].weight'],
    ['weight as text', (p) => (p.indicators[4].weight = '10'), 'indicators[4].weight'],
    ['code with a space', (p) => (p.themes[0].code = 'ND 1'), 'themes[0].code'],
    ['bare-number code', (p) => (p.themes[3].code = '3.1'), 'themes[3].code'],
    ['impossible date', (p) => (p.document.date = '2020-02-30'), 'document.date'],
    ['no indicators', (p) => (p.indicators = []), 'indicators'],
    ['negative band', (p) => (p.profiles[0].bands[1].min = -5), 'profiles[0].bands[1].min'],
    ['unknown component type', (p) => (p.profiles[0].components[0].type = 'kpi'), 'profiles[0].components[0].type'],
    ['fractional form target', (p) => (p.profiles[0].components[2].target = 2.5), 'profiles[0].components[2].target'],
    ['partialFrom above 1', (p) => (p.profiles[1].components[0].partialFrom = 90), 'profiles[1].components[0].partialFrom'],
    ['group form not a string', (p) => (p.profiles[1].components[1].groups[0].forms = [22]), 'profiles[1].components[1].groups[0].forms[0]'],
    ['negative deadline days', (p) => (p.deadline.daysAfterCutoff = -1), 'deadline.daysAfterCutoff'],
    ['id with a space', (p) => (p.id = 'ha tinh'), 'id'],
    // cross-checks
    ['duplicate indicator code', (p) => (p.indicators[4].code = 'CT3a'), 'indicators[4].code'],
    ['duplicate code, other case', (p) => (p.indicators[4].code = 'ct3A'), 'indicators[4].code'],
    ['duplicate theme code', (p) => (p.themes[12].code = 'ND1'), 'themes[12].code'],
    ['duplicate form code', (p) => (p.forms[13].code = 'HT8'), 'forms[13].code'],
    ['duplicate profile id', (p) => (p.profiles[1].id = 'general-100'), 'profiles[1].id'],
    ['unknown parent theme', (p) => (p.themes[3].parent = 'ND9'), 'themes[3].parent'],
    ['parent loop', (p) => (p.forms[0].parent = 'HT1.1'), 'forms[0].parent'],
    ['unknown form in a group', (p) => (p.profiles[1].components[1].groups[0].forms = ['HT22']), 'profiles[1].components[1].groups[0].forms[0]'],
    ['form in two groups', (p) => (p.profiles[1].components[1].groups[1].forms = ['HT1.3', 'HT2.2']), 'profiles[1].components[1].groups[1].forms[1]'],
    ['group points off', (p) => (p.profiles[1].components[1].groups[2].points = 0.4), 'profiles[1].components[1].groups'],
    ['empty group', (p) => (p.profiles[1].components[1].groups[2].others = false), 'profiles[1].components[1].groups[2].forms'],
    ['points do not add to scale', (p) => (p.profiles[0].components[0].points = 55), 'profiles[0].components'],
    ['no zero band', (p) => (p.profiles[0].bands[3].min = 50), 'profiles[0].bands'],
    ['duplicate band', (p) => (p.profiles[0].bands[2].min = 80), 'profiles[0].bands[2].min'],
    ['unknown primary profile', (p) => (p.primaryProfile = 'general-10'), 'primaryProfile'],
    ['measure and rule disagree', (p) => (p.indicators[7].target = { rule: 'yes', basis: { kind: 'convention', why: 'x' } }), 'indicators[7].target.rule'],
    ['blank unit in appliesTo', (p) => (p.indicators[1].appliesTo.units = [' ']), 'indicators[1].appliesTo.units[0]'],
    // Decree 30/2020/NĐ-CP: the symbol is the issuer's; a Văn phòng does not issue BC-UBND, nor the committee BC-VP
    ['an office issuing BC-UBND', (p) => Object.assign(p.report, { parentBody: 'UBND THÀNH PHỐ HÀ TĨNH', issuingBody: 'VĂN PHÒNG HĐND VÀ UBND' }), 'report.symbol'],
    ['the committee issuing BC-VP', (p) => (p.report.symbol = 'BC-VP'), 'report.symbol'],
  ];

  it.each(cases)('%s → error at %s', (_name, mutate, path) => {
    const plan = planData();
    mutate(plan);
    const result = parsePlan(plan, 'plan.json');
    expect(result.ok).toBe(false);
    const found = errors(result.findings);
    expect(found.length).toBeGreaterThan(0);
    const hit = found.find((f) => f.message.en.includes(` at ${path}:`) || f.message.en.includes(` at ${path} (`));
    expect(hit, found.map((f) => f.message.en).join('\n')).toBeDefined();
    expect(hit?.code).toBe('plan-invalid');
    expect(hit?.file).toBe('plan.json');
    expect(hit?.message.vi).toContain(path);
  });

  it('gives a readable Vietnamese and English message with the indicator code', () => {
    const plan = planData();
    plan.indicators[3].target.min = 1.5;
    const result = parsePlan(plan);
    expect(result.findings).toEqual([
      {
        severity: 'error',
        code: 'plan-invalid',
        indicator: 'CT3a',
        message: {
          vi: 'Kế hoạch không hợp lệ tại indicators[3].target.min (chỉ tiêu CT3a): phải ≤ 1; giá trị hiện có: 1.5.',
          en: 'Invalid plan at indicators[3].target.min (indicator CT3a): must be ≤ 1; got 1.5.',
        },
      },
    ]);
  });

  it('reports the duplicate with the first occurrence', () => {
    const plan = planData();
    plan.indicators[4].code = 'CT3a';
    const result = parsePlan(plan);
    expect(errors(result.findings).map((f) => f.message.en)).toEqual([
      'Invalid plan at indicators[4].code (indicator CT3a): code "CT3a" duplicates indicators[3].code (codes must be unique, case-insensitively).',
    ]);
  });

  it('reports points that do not add up, with both numbers', () => {
    const plan = planData();
    plan.profiles[0].components[0].points = 55;
    const result = parsePlan(plan);
    expect(errors(result.findings).map((f) => f.message.en)).toEqual([
      'Invalid plan at profiles[0].components (profile general-100): component points add up to 95; they must equal the scale 100.',
    ]);
  });

  it('accepts points that add up within floating-point tolerance', () => {
    const plan = planData();
    const groups = plan.profiles[1].components[1].groups;
    groups[0].points = 0.1;
    groups[1].points = 0.2;
    groups[2].points = 0.7; // 0.1 + 0.2 + 0.7 = 0.9999999999999999
    expect(parsePlan(plan).ok).toBe(true);
  });

  it('lists every problem, not just the first', () => {
    const plan = planData();
    plan.indicators[0].weight = -1;
    plan.forms[2].text.en = '';
    plan.year = 1999;
    const result = parsePlan(plan);
    expect(errors(result.findings).map((f) => f.message.en.split(':')[0])).toEqual([
      'Invalid plan at year',
      'Invalid plan at indicators[0].weight (indicator CT1)',
      'Invalid plan at forms[2].text.en (form HT1.2)',
    ]);
  });

  it('rejects input that is not an object', () => {
    const result = parsePlan([1, 2]);
    expect(result.ok).toBe(false);
    expect(result.findings[0]?.message.en).toBe('Invalid plan at (gốc / root): wrong type, expected an object { … }; got [1,2].');
  });
});

describe('parsePlan: warnings and normalisation', () => {
  it('warns about unknown keys (typos) and still loads', () => {
    const plan = planData();
    plan.indicators[8].evidenceRequred = true;
    plan.profiles[1].components[0].partialFom = 0.8;
    plan.__proto__x = 1;
    const result = parsePlan(plan);
    expect(result.ok).toBe(true);
    expect(result.findings.map((f) => [f.severity, f.code, f.message.en])).toEqual([
      ['warning', 'plan-unknown-key', 'Plan warning at indicators[8] (indicator CT5b): key "evidenceRequred" is not part of the plan schema and is ignored (a typo?).'],
      [
        'warning',
        'plan-unknown-key',
        'Plan warning at profiles[1].components[0] (profile communication-2): key "partialFom" is not part of the plan schema and is ignored (a typo?).',
      ],
      ['warning', 'plan-unknown-key', 'Plan warning at (gốc / root): key "__proto__x" is not part of the plan schema and is ignored (a typo?).'],
    ]);
  });

  it('treats a "__proto__" key as data', () => {
    const result = parsePlanJson(JSON.stringify(data).replace('{', '{"__proto__": {"polluted": true},'));
    expect(result.ok).toBe(true);
    expect(result.findings.map((f) => f.code)).toEqual(['plan-unknown-key']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('warns about an alias shared by two indicators', () => {
    const plan = planData();
    plan.indicators[4].aliases.push('tram truyen thanh co so co chuyen muc cchc');
    const result = parsePlan(plan);
    expect(result.ok).toBe(true);
    expect(result.findings.map((f) => [f.code, f.indicator])).toEqual([['plan-suspicious', 'CT3b']]);
  });

  it('warns about an unreachable form-diversity target', () => {
    const plan = planData();
    plan.profiles[0].components[2].target = 10;
    const result = parsePlan(plan);
    expect(result.ok).toBe(true);
    expect(result.findings.map((f) => f.message.en)).toEqual([
      'Plan warning at profiles[0].components[2].target (profile general-100): asks for 10 forms but the plan has only 9 top-level forms, so full points are unreachable.',
    ]);
  });

  it('sorts bands by min descending', () => {
    const plan = planData();
    plan.profiles[0].bands.reverse();
    const result = parsePlan(plan);
    expect(result.ok && result.value.profiles[0]?.bands.map((b) => b.min)).toEqual([90, 80, 70, 0]);
  });

  it('normalises text to NFC', () => {
    const plan = planData();
    plan.indicators[0].text.vi = 'Cổng thông tin điện tử'.normalize('NFD');
    const result = parsePlan(plan);
    expect(result.ok && result.value.indicators[0]?.text.vi).toBe('Cổng thông tin điện tử'.normalize('NFC'));
  });

  it('applies defaults', () => {
    const plan = planData();
    delete plan.deadline;
    delete plan.indicators[0].aliases;
    delete plan.indicators[0].appliesTo;
    delete plan.indicators[0].evidenceRequired;
    const result = parsePlan(plan);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // no deadline in the file: 6 days after the cut-off window, said to be our convention
    expect(result.value.deadline).toEqual(DEFAULT_DEADLINE_RULE);
    expect(result.value.deadline).toMatchObject({ daysAfterCutoff: 6, basis: { kind: 'convention' } });
    expect(result.value.indicators[0]).toMatchObject({ aliases: [], appliesTo: {}, evidenceRequired: false });
  });
});

describe('parsePlanJson', () => {
  it('parses the built-in file text, with a byte-order mark', () => {
    const result = parsePlanJson('\uFEFF' + JSON.stringify(data), 'hatinh-2021.json');
    expect(result.ok).toBe(true);
  });

  it.each([
    ['{"id": "x",,}', 'line 1, column 12'],
    ['{\n  "id": "x"\n  "year": 2021\n}', 'line 3, column 3'],
  ])('syntax error in %j → finding with %s', (text, where) => {
    const result = parsePlanJson(text, 'bad.json');
    expect(result.ok).toBe(false);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ severity: 'error', code: 'plan-json-invalid', file: 'bad.json' });
    expect(result.findings[0]?.message.en).toContain(where);
  });

  it('empty text → finding', () => {
    const result = parsePlanJson('  \n');
    expect(result.ok).toBe(false);
    expect(result.findings[0]?.message.vi).toBe('Tệp kế hoạch rỗng.');
  });
});

describe('formatPath', () => {
  it.each([
    [[], '(gốc / root)'],
    [['indicators', 3, 'target', 'min'], 'indicators[3].target.min'],
    [['a b', 0], '["a b"][0]'],
  ] as const)('%j → %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('indicatorAppliesTo', () => {
  const unit = (code: string, kind: Unit['kind']): Unit => ({ code, name: code, kind, order: 1 });
  it.each([
    ['CT1', 'ward', true],
    ['CT1', 'agency', true],
    ['CT2a', 'ward', false],
    ['CT2a', 'commune', false],
    // the culture and media centre only, not any agency
    ['CT2a', 'agency', false],
    ['CT4a', 'agency', false],
    ['CT2b', 'commune', true],
    ['CT2b', 'agency', false],
    ['CT4b', 'ward', true],
    ['CT4b', 'commune', true],
    ['CT4b', 'agency', false],
    ['CT5b', 'agency', true],
  ] as const)('%s applies to a %s: %s', (code, kind, expected) => {
    const indicator = indicatorByCode(hatinh2021, code);
    expect(indicator && indicatorAppliesTo(indicator, unit('X', kind))).toBe(expected);
  });

  it('every indicator but CT2a applies to wards and communes', () => {
    for (const kind of ['ward', 'commune'] as const) {
      expect(hatinh2021.indicators.filter((i) => indicatorAppliesTo(i, unit('18070', kind))).map((i) => i.code)).toEqual([
        'CT1', 'CT2b', 'CT3a', 'CT3b', 'CT4a', 'CT4b', 'CT5a', 'CT5b',
      ]);
    }
  });

  it('CT2a applies to the culture and media centre alone; CT4a to wards, communes and the public administration centre', () => {
    const centre = hatinhCity2020.units.find((u) => u.code === 'TTVHTT')!;
    const pac = hatinhCity2020.units.find((u) => u.code === 'TTHCC')!;
    const applying = (u: Unit): string[] => hatinh2021.indicators.filter((i) => indicatorAppliesTo(i, u)).map((i) => i.code);
    expect(applying(centre)).toEqual(['CT1', 'CT2a', 'CT3a', 'CT3b', 'CT5a', 'CT5b']);
    expect(applying(pac)).toEqual(['CT1', 'CT3a', 'CT3b', 'CT4a', 'CT5a', 'CT5b']);
    expect(applying(unit('PTP', 'agency'))).toEqual(['CT1', 'CT3a', 'CT3b', 'CT5a', 'CT5b']);
    expect(indicatorAppliesTo({ appliesTo: { units: ['TTVHTT'] } }, unit('PVH', 'agency'))).toBe(false);
  });

  it('extra unit codes apply regardless of kind; absent kinds = all', () => {
    expect(indicatorAppliesTo({ appliesTo: { kinds: ['agency'], units: ['18070'] } }, unit('18070', 'ward'))).toBe(true);
    expect(indicatorAppliesTo({ appliesTo: { kinds: ['agency'], units: ['18070'] } }, unit('18073', 'ward'))).toBe(false);
    expect(indicatorAppliesTo({ appliesTo: {} }, unit('TTHCC', 'agency'))).toBe(true);
  });
});

describe('look-ups', () => {
  it.each([
    ['ND3.6', 'ND3'],
    ['nd3.6', 'ND3'],
    [' ND3 ', 'ND3'],
    ['ND7', 'ND7'],
    ['HT1.3', 'HT1'],
    ['HT2.2', 'HT2'],
    ['HT6', 'HT6'],
    ['ND3.9', null],
    ['HT10', null],
    ['__proto__', null],
    ['constructor', null],
    ['', null],
  ] as const)('topLevelCode(%j) → %j', (code, expected) => {
    expect(topLevelCode(hatinh2021, code)).toBe(expected);
  });

  it('finds themes, forms, indicators and profiles by code', () => {
    expect(themeByCode(hatinh2021, 'ND3.6')?.text.vi).toBe('Hiện đại hóa hành chính, Chính quyền điện tử, dịch vụ công trực tuyến');
    expect(formByCode(hatinh2021, 'ht2.2')?.online).toBe(true);
    expect(formByCode(hatinh2021, 'ND1')).toBeUndefined();
    expect(themeByCode(hatinh2021, 'toString')).toBeUndefined();
    expect(indicatorByCode(hatinh2021, 'ct3a')?.code).toBe('CT3a');
    expect(profileById(hatinh2021, 'communication-2')?.scale).toBe(2);
  });
});
