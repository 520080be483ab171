/**
 * Fixtures for the writer tests: a plan shaped like the built-in Hà Tĩnh 2021 plan (nine
 * indicators CT1…CT5b with every measure), three units, a period, and a hand-built consolidation.
 */
import { emptyNarrative, planSchema, type Consolidation, type IndicatorResult, type Period, type Plan, type PlanInput, type Unit, type UnitResult } from '@cchc-kpi/core';

const t = (vi: string, en: string) => ({ vi, en });
const CONV = { kind: 'convention' as const, why: 'thử' };

const planInput: PlanInput = {
  id: 'hatinh2021',
  title: t('Kế hoạch tuyên truyền cải cách hành chính thành phố Hà Tĩnh năm 2021', 'Hà Tĩnh city CCHC communication plan 2021'),
  document: { number: '163/KH-UBND', date: '2020-12-28', issuer: 'UBND thành phố Hà Tĩnh' },
  year: 2021,
  indicators: [
    {
      code: 'CT1',
      text: t('Cổng/Trang thông tin điện tử có chuyên mục CCHC, thường xuyên cập nhật', 'Portals with a CCHC section'),
      measure: 'ratio',
      unitOfMeasure: 'trang',
      numeratorLabel: 'Số trang có chuyên mục CCHC',
      denominatorLabel: 'Tổng số trang',
      target: { rule: 'ratioAtLeast', min: 1, basis: CONV },
      targetText: t('100%', '100%'),
      weight: 1,
      weightBasis: CONV,
      clause: '163/KH-UBND, Chỉ tiêu, gạch đầu dòng 1',
    },
    {
      code: 'CT2a',
      text: t('Trung tâm Văn hóa – Truyền thông tăng thời lượng đưa tin về CCHC', 'More CCHC airtime'),
      measure: 'comparison',
      unitOfMeasure: 'phút',
      numeratorLabel: 'Thời lượng kỳ này',
      denominatorLabel: 'Thời lượng cùng kỳ năm trước',
      target: { rule: 'increase', basis: CONV },
      targetText: t('Tăng so với năm trước', 'Increase on last year'),
      appliesTo: { kinds: ['agency'] },
      weight: 1,
      weightBasis: CONV,
      clause: '163/KH-UBND, Chỉ tiêu, gạch đầu dòng 2',
    },
    {
      code: 'CT2b',
      text: t('Trạm truyền thanh cơ sở có chuyên mục tuyên truyền về CCHC', 'Radio stations with a CCHC segment'),
      measure: 'ratio',
      unitOfMeasure: 'trạm',
      target: { rule: 'ratioAtLeast', min: 1, basis: CONV },
      targetText: t('100%', '100%'),
      weight: 1,
      weightBasis: CONV,
      clause: '163/KH-UBND, Chỉ tiêu, gạch đầu dòng 2',
    },
    {
      code: 'CT3a',
      text: t('Cập nhật, công khai tình trạng giải quyết TTHC đối với hồ sơ đã tiếp nhận', 'Public status of received dossiers'),
      measure: 'ratio',
      unitOfMeasure: 'hồ sơ',
      numeratorLabel: 'Số hồ sơ được công khai',
      denominatorLabel: 'Số hồ sơ đã tiếp nhận',
      target: { rule: 'ratioAtLeast', min: 1, basis: CONV },
      targetText: t('100%', '100%'),
      weight: 2,
      weightBasis: CONV,
      clause: '163/KH-UBND, Chỉ tiêu, gạch đầu dòng 3 và 4',
    },
    {
      code: 'CT3b',
      text: t('Cổng/Trang TTĐT đăng tải bộ TTHC dịch vụ công trực tuyến mức độ 2 trở lên', 'Portals publishing the procedure set'),
      measure: 'ratio',
      unitOfMeasure: 'trang',
      target: { rule: 'ratioAtLeast', min: 1, basis: CONV },
      targetText: t('100%', '100%'),
      weight: 1,
      weightBasis: CONV,
      clause: '163/KH-UBND, Chỉ tiêu, gạch đầu dòng 3',
    },
    {
      code: 'CT4a',
      text: t('TTHC được niêm yết, công khai đúng quy định', 'Procedures posted publicly'),
      measure: 'ratio',
      unitOfMeasure: 'TTHC',
      target: { rule: 'ratioAtLeast', min: 1, basis: CONV },
      targetText: t('100%', '100%'),
      weight: 1,
      weightBasis: CONV,
      clause: '163/KH-UBND, Chỉ tiêu, gạch đầu dòng 4',
    },
    {
      code: 'CT4b',
      text: t('Điểm Bưu điện văn hóa xã có tài liệu tuyên truyền về CCHC', 'Post-office points with material'),
      measure: 'ratio',
      unitOfMeasure: 'điểm',
      target: { rule: 'ratioAtLeast', min: 1, basis: CONV },
      targetText: t('100%', '100%'),
      weight: 1,
      weightBasis: CONV,
      clause: '163/KH-UBND, Chỉ tiêu, gạch đầu dòng 4',
    },
    {
      code: 'CT5a',
      text: t('Hoạt động tuyên truyền về dịch vụ công trực tuyến mức độ 3, 4', 'Activities on level-3/4 online services'),
      measure: 'count',
      unitOfMeasure: 'hoạt động',
      target: { rule: 'countAtLeast', min: 1, basis: CONV },
      targetText: t('Ít nhất 1 hoạt động/kỳ', 'At least one per period'),
      weight: 1,
      weightBasis: CONV,
      clause: '163/KH-UBND, Chỉ tiêu, gạch đầu dòng 5',
    },
    {
      code: 'CT5b',
      text: t('Hỗ trợ doanh nghiệp tiếp cận tài liệu, thông tin, quy định pháp luật', 'Help businesses reach information'),
      measure: 'boolean',
      unitOfMeasure: 'Có/Không',
      target: { rule: 'yes', basis: CONV },
      targetText: t('Có', 'Yes'),
      weight: 1,
      weightBasis: CONV,
      clause: '163/KH-UBND, Chỉ tiêu, gạch đầu dòng 5',
      evidenceRequired: true,
    },
  ],
  themes: [
    { code: 'ND1', text: t('Tầm quan trọng, mục tiêu của CCHC', 'Importance of CCHC') },
    { code: 'ND2', text: t('Vai trò, trách nhiệm của cấp ủy, người đứng đầu', 'Roles of leaders') },
    { code: 'ND3', text: t('Chương trình tổng thể CCHC', 'Overall CCHC programme') },
    { code: 'ND3.1', text: t('Nghị quyết 18-NQ/TW', 'Resolution 18-NQ/TW'), parent: 'ND3' },
    { code: 'ND3.6', text: t('Hiện đại hóa hành chính, Chính quyền điện tử', 'E-government'), parent: 'ND3' },
    { code: 'ND4', text: t('Phong trào thi đua văn hóa công sở', 'Office culture movement') },
    { code: 'ND7', text: t('Hướng dẫn sử dụng dịch vụ công trực tuyến mức độ 3, 4', 'Online services 3/4') },
  ],
  forms: [
    { code: 'HT1', text: t('Thông qua ấn phẩm, truyền thanh, cổng thông tin', 'Media') },
    { code: 'HT1.3', text: t('Cổng/Trang thông tin điện tử', 'Web portals'), parent: 'HT1', online: true },
    { code: 'HT2', text: t('Cổ động trực quan', 'Visual') },
    { code: 'HT2.2', text: t('Bảng LED điện tử, màn hình', 'LED boards'), parent: 'HT2', online: true },
    { code: 'HT3', text: t('Tập huấn, hội nghị', 'Training') },
    { code: 'HT6', text: t('Mạng xã hội, ứng dụng di động', 'Social networks'), online: true },
  ],
  profiles: [
    {
      id: 'general100',
      name: t('Thang điểm chung (100 điểm)', 'General (100 points)'),
      scale: 100,
      components: [
        { type: 'indicators', points: 70, label: t('Chỉ tiêu', 'Indicators'), basis: CONV },
        { type: 'themeCoverage', points: 10, label: t('Nội dung', 'Themes'), basis: CONV },
        { type: 'formDiversity', points: 10, target: 5, label: t('Hình thức', 'Forms'), basis: CONV },
        { type: 'timeliness', points: 10, label: t('Đúng hạn', 'On time'), basis: CONV },
      ],
      bands: [
        { min: 90, label: t('Xuất sắc', 'Excellent'), basis: CONV },
        { min: 80, label: t('Tốt', 'Good'), basis: CONV },
        { min: 70, label: t('Khá', 'Fair'), basis: CONV },
        { min: 0, label: t('Chưa đạt', 'Below'), basis: CONV },
      ],
    },
    {
      id: 'xuanloc2',
      name: t('Tuyên truyền CCHC (2 điểm)', 'CCHC communication (2 points)'),
      scale: 2,
      components: [
        { type: 'planCompletion', points: 1, partialFrom: 0.9, label: t('Hoàn thành kế hoạch', 'Plan completion'), basis: CONV },
        {
          type: 'formGroups',
          basis: CONV,
          points: 1,
          label: t('Đa dạng hình thức', 'Form diversity'),
          groups: [
            { label: t('Bảng điện tử', 'Boards'), points: 0.25, forms: ['HT2.2'] },
            { label: t('Trang TTĐT, mạng xã hội', 'Web/social'), points: 0.25, forms: ['HT1.3', 'HT6'] },
            { label: t('Truyền thống', 'Traditional'), points: 0.5, others: true },
          ],
        },
      ],
      bands: [{ min: 0, label: t('—', '—'), basis: CONV }],
    },
  ],
  primaryProfile: 'general100',
};

/** The fixture plan, validated (defaults applied). */
export const plan: Plan = planSchema.parse(planInput);

export const units: Unit[] = [
  { code: '18070', name: 'Trần Phú', kind: 'ward', order: 1 },
  { code: '18073', name: 'Nam Hà', kind: 'ward', order: 2 },
  { code: '18103', name: 'Đồng Môn', kind: 'commune', order: 3 },
];

export const period: Period = {
  code: '2021-H1',
  kind: 'half',
  year: 2021,
  index: 1,
  cutoffStart: '2020-12-15',
  cutoffEnd: '2021-06-14',
  deadline: '2021-06-20',
};

function ind(code: string, fields: Partial<IndicatorResult>): IndicatorResult {
  return {
    code,
    numerator: null,
    denominator: null,
    value: null,
    typedPercent: null,
    ratio: null,
    completion: null,
    status: 'missing',
    counted: false,
    note: null,
    evidence: null,
    sources: [],
    ...fields,
  };
}

function ratio(code: string, numerator: number, denominator: number, min = 1): IndicatorResult {
  const r = numerator / denominator;
  return ind(code, { numerator, denominator, ratio: r, completion: Math.min(1, r / min), status: r >= min ? 'met' : 'notMet', counted: true });
}

const score = (profileId: string, value: number, scale: number, band: string) => ({
  profileId,
  score: value,
  scale,
  band: { vi: band, en: band },
  components: [],
});

/** A consolidation of the three fixture units, consistent with itself (totals = sums of counted figures). */
export function consolidation(): Consolidation {
  const base = (u: Unit): Omit<UnitResult, 'status' | 'submitted' | 'submittedOn' | 'receivedOn' | 'onTime' | 'file' | 'score' | 'scores' | 'band' | 'rank' | 'indicators' | 'activityCount' | 'findings'> => ({
    code: u.code,
    name: u.name,
    kind: u.kind,
    order: u.order,
    narrative: emptyNarrative(),
  });
  const [u1, u2, u3] = units as [Unit, Unit, Unit];
  const unit1: UnitResult = {
    ...base(u1),
    status: 'received',
    submitted: true,
    submittedOn: '2021-06-18',
    receivedOn: '2021-06-19',
    onTime: true,
    file: '18070-2021-H1.xlsx',
    score: 87.5,
    scores: { general100: score('general100', 87.5, 100, 'Tốt'), xuanloc2: score('xuanloc2', 1.75, 2, '—') },
    band: { vi: 'Tốt', en: 'Good' },
    rank: 2,
    indicators: {
      CT1: ratio('CT1', 1, 1),
      CT2a: ind('CT2a', { status: 'notApplicable' }),
      CT2b: ratio('CT2b', 1, 1),
      CT3a: ratio('CT3a', 120, 125),
      CT3b: ratio('CT3b', 1, 1),
      CT4a: ratio('CT4a', 96, 96),
      CT4b: ind('CT4b', { numerator: 0, denominator: 0, status: 'notApplicable' }),
      CT5a: ind('CT5a', { value: 3, completion: 1, status: 'met', counted: true }),
      CT5b: ind('CT5b', { value: true, completion: 1, status: 'met', counted: true, evidence: 'CV 12/UBND' }),
    },
    activityCount: 5,
    findings: [],
  };
  const unit2: UnitResult = {
    ...base(u2),
    status: 'received',
    submitted: true,
    submittedOn: '2021-06-25',
    receivedOn: null,
    onTime: false,
    file: '18073-2021-H1.xlsx',
    score: 91.25,
    scores: { general100: score('general100', 91.25, 100, 'Xuất sắc'), xuanloc2: score('xuanloc2', 2, 2, '—') },
    band: { vi: 'Xuất sắc', en: 'Excellent' },
    rank: 1,
    indicators: {
      CT1: ratio('CT1', 1, 1),
      CT2a: ind('CT2a', { status: 'notApplicable' }),
      CT2b: ratio('CT2b', 0, 1),
      CT3a: ratio('CT3a', 80, 80),
      CT3b: ind('CT3b', { status: 'missing' }),
      CT4a: ind('CT4a', { numerator: 12, denominator: 10, status: 'invalid' }),
      CT4b: ind('CT4b', { status: 'notApplicable' }),
      CT5a: ind('CT5a', { value: 0, completion: 0, status: 'notMet', counted: true }),
      CT5b: ind('CT5b', { value: false, completion: 0, status: 'notMet', counted: true }),
    },
    activityCount: 2,
    findings: [
      {
        severity: 'error',
        code: 'numerator-exceeds-denominator',
        message: { vi: 'Tử số (12) lớn hơn mẫu số (10).', en: 'Numerator (12) exceeds denominator (10).' },
        file: '18073-2021-H1.xlsx',
        sheet: 'Báo cáo',
        cell: 'F17',
        unit: '18073',
        indicator: 'CT4a',
      },
    ],
  };
  const unit3: UnitResult = {
    ...base(u3),
    status: 'missing',
    submitted: false,
    submittedOn: null,
    receivedOn: null,
    onTime: null,
    file: null,
    score: null,
    scores: {},
    band: null,
    rank: null,
    indicators: {},
    activityCount: 0,
    findings: [],
  };
  const findings = [
    ...unit2.findings,
    {
      severity: 'warning' as const,
      code: 'report-missing',
      message: { vi: 'Đơn vị Đồng Môn chưa nộp báo cáo.', en: 'Unit Đồng Môn has not reported.' },
      unit: '18103',
    },
    {
      severity: 'notice' as const,
      code: 'late-submission',
      message: { vi: 'Báo cáo nộp sau hạn (25/6/2021).', en: 'Report submitted after the deadline.' },
      file: '18073-2021-H1.xlsx',
      sheet: 'Báo cáo',
      cell: 'C9',
      unit: '18073',
    },
  ];
  return {
    plan: { id: plan.id, title: plan.title, document: '163/KH-UBND ngày 28/12/2020' },
    period,
    // deliberately not in official order: the writer sorts by `order`
    units: [unit2, unit3, unit1],
    totals: {
      indicators: {
        CT1: { code: 'CT1', numerator: 2, denominator: 2, value: null, ratio: 1, unitsCounted: 2, unitsMet: 2 },
        CT2a: { code: 'CT2a', numerator: null, denominator: null, value: null, ratio: null, unitsCounted: 0, unitsMet: 0 },
        CT2b: { code: 'CT2b', numerator: 1, denominator: 2, value: null, ratio: 0.5, unitsCounted: 2, unitsMet: 1 },
        CT3a: { code: 'CT3a', numerator: 200, denominator: 205, value: null, ratio: 200 / 205, unitsCounted: 2, unitsMet: 1 },
        CT3b: { code: 'CT3b', numerator: 1, denominator: 1, value: null, ratio: 1, unitsCounted: 1, unitsMet: 1 },
        CT4a: { code: 'CT4a', numerator: 96, denominator: 96, value: null, ratio: 1, unitsCounted: 1, unitsMet: 1 },
        CT4b: { code: 'CT4b', numerator: null, denominator: null, value: null, ratio: null, unitsCounted: 0, unitsMet: 0 },
        CT5a: { code: 'CT5a', numerator: null, denominator: null, value: 3, ratio: null, unitsCounted: 2, unitsMet: 1 },
        CT5b: { code: 'CT5b', numerator: 1, denominator: 2, value: null, ratio: 0.5, unitsCounted: 2, unitsMet: 1 },
      },
      expected: 3,
      received: 2,
      unreadable: 0,
      onTime: 1,
      completeness: 2 / 3,
      timeliness: 1 / 3,
    },
    activities: {
      themes: ['ND1', 'ND3', 'ND7'],
      forms: ['HT1', 'HT2', 'HT6'],
      counts: [
        [2, 0, 1],
        [1, 1, 0],
        [0, 0, 2],
      ],
    },
    activityTotals: {
      forms: [
        { code: 'HT1', count: 3, quantity: 14, participants: 0 },
        { code: 'HT1.3', count: 2, quantity: 12, participants: 0 },
        { code: 'HT2', count: 1, quantity: 500, participants: 0 },
        { code: 'HT2.2', count: 1, quantity: 500, participants: 0 },
        { code: 'HT3', count: 0, quantity: 0, participants: 0 },
        { code: 'HT6', count: 3, quantity: 9, participants: 1250 },
      ],
      themes: [
        { code: 'ND1', count: 3, quantity: 15, participants: 60 },
        { code: 'ND2', count: 0, quantity: 0, participants: 0 },
        { code: 'ND3', count: 2, quantity: 501, participants: 0 },
        { code: 'ND3.1', count: 0, quantity: 0, participants: 0 },
        { code: 'ND3.6', count: 2, quantity: 501, participants: 0 },
        { code: 'ND4', count: 0, quantity: 0, participants: 0 },
        { code: 'ND7', count: 2, quantity: 7, participants: 1190 },
      ],
      units: [
        { code: unit1.code, count: 5, quantity: 510, participants: 1190 },
        { code: unit2.code, count: 2, quantity: 13, participants: 60 },
        { code: unit3.code, count: 0, quantity: 0, participants: 0 },
      ],
      total: { count: 7, quantity: 523, participants: 1250 },
    },
    findings,
  };
}
