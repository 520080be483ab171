/**
 * Generates the bundled example: the seventeen units of Hà Tĩnh city's registry — ten wards, five
 * communes and the two city centres plan 163/KH-UBND names (the culture and media centre reports
 * CT2a, its airtime in minutes against the same period last year; the public administration centre
 * reports CT4a, the procedures posted at the centre) — fill the 2021-H1 form with realistic,
 * varied, deterministic figures — two units late, one missing (Thạch Bình), one with errors
 * (Văn Yên, whose activities also carry evidence that is not evidence) — plus the office's
 * received-date register. Run by `pnpm start` before
 * `cchc consolidate`. Writes examples/reports/ and examples/received-2021-H1.csv, or the same
 * under DIR with `tsx generate-reports.ts DIR` (tests generate into a temporary folder).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hatinh2021, hatinhCity2020, indicatorAppliesTo, parsePeriod, type Unit } from '@cchc-kpi/core';
import { writeTemplate } from '@cchc-kpi/xlsx/write';
import { fillTemplate, type ActivityFill, type IndicatorFill, type ReportFill } from './fill-template.ts';

const here = dirname(fileURLToPath(import.meta.url));
/** Where the reports and the register go: the first argument, else this folder. */
const target = process.argv[2] ? resolve(process.argv[2]) : here;
const PERIOD = '2021-H1';
const MISSING = '18112'; // Thạch Bình sends nothing
const LATE: Record<string, string> = { '18082': '2021-06-25', '18100': '2021-06-24' }; // Đại Nài, Thạch Hạ
const WITH_ERRORS = '18097'; // Văn Yên
const CULTURE_CENTRE = 'TTVHTT'; // Trung tâm Văn hóa – Truyền thông: CT2a
const ADMINISTRATION_CENTRE = 'TTHCC'; // Trung tâm Hành chính công: CT4a

const ACTIVITY_IDEAS: Omit<ActivityFill, 'date'>[] = [
  { theme: 'ND3.6', form: 'HT1.2', title: 'Phát thanh chuyên mục CCHC trên đài truyền thanh phường', quantity: 12 },
  { theme: 'ND7', theme2: 'ND3.6', form: 'HT5', title: 'Tổ tình nguyện hướng dẫn người dân nộp hồ sơ trực tuyến mức độ 3, 4', quantity: 4, participants: 85 },
  { theme: 'ND1', form: 'HT3', title: 'Hội nghị quán triệt Kế hoạch CCHC năm 2021', quantity: 1, participants: 60 },
  { theme: 'ND3.3', form: 'HT2.1', title: 'Cấp phát tờ rơi về cơ chế một cửa, một cửa liên thông', quantity: 500 },
  { theme: 'ND3.2', form: 'HT1.3', title: 'Đăng tin bài về đơn giản hóa TTHC trên Trang TTĐT', quantity: 6 },
  { theme: 'ND4', form: 'HT9', title: 'Lồng ghép CCHC trong Ngày Pháp luật hàng tháng', quantity: 6, participants: 40 },
  { theme: 'ND6', form: 'HT7', title: 'Đối thoại giữa chính quyền với Nhân dân về TTHC đất đai', quantity: 1, participants: 120 },
  { theme: 'ND3.7', form: 'HT6', title: 'Tuyên truyền mô hình "Tổ dân phố điện tử" trên Zalo, Facebook', quantity: 10 },
  { theme: 'ND3.4', form: 'HT2.2', title: 'Trình chiếu nội dung chỉ số SIPAS trên bảng LED', quantity: 3 },
  { theme: 'ND5', form: 'HT4', title: 'Hội thi tìm hiểu CCHC trong sinh hoạt cộng đồng', quantity: 1, participants: 150 },
  { theme: 'ND2', form: 'HT8', title: 'Cung cấp thông tin cho báo chí về kết quả CCHC', quantity: 1 },
  { theme: 'ND3.5', form: 'HT3', title: 'Tập huấn kỹ năng giao tiếp cho công chức Bộ phận một cửa', quantity: 1, participants: 25 },
];

/** A document reference as units cite it: number, symbol and date (the activity's own date). */
function documentEvidence(number: number, date: Date): string {
  return `Văn bản số ${number}/UBND ngày ${date.getUTCDate()}/${date.getUTCMonth() + 1}/${date.getUTCFullYear()}`;
}
/**
 * What some units write in words (the form's narrative cells, lines typed with Alt+Enter): the
 * city's Word report gathers it, attributed to each unit.
 */
const NARRATIVES: Record<string, ReportFill['narrative']> = {
  '18070': {
    highlights: 'Duy trì chuyên mục CCHC trên đài truyền thanh phường hằng tuần.\nTổ tình nguyện hướng dẫn người dân nộp hồ sơ trực tuyến mức độ 3, 4 tại Bộ phận một cửa.',
    nextTasks: 'Tiếp tục hướng dẫn người dân sử dụng dịch vụ công trực tuyến.\nCập nhật chuyên mục CCHC trên Trang thông tin điện tử của phường.',
  },
  '18082': {
    limitations: 'Báo cáo gửi chậm so với thời hạn.\nMột số tổ dân phố chưa tổ chức tuyên truyền lồng ghép.',
    causes: 'Công chức phụ trách CCHC kiêm nhiệm nhiều việc.',
  },
  '18094': {
    limitations: 'Trạm truyền thanh hỏng loa, chưa phát chuyên mục CCHC từ tháng 4.',
    proposals: 'Đề nghị UBND thành phố hỗ trợ kinh phí sửa chữa trạm truyền thanh phường.',
  },
  '18100': {
    highlights: 'Tổ chức hội thi tìm hiểu CCHC trong sinh hoạt cộng đồng với 150 người tham dự.',
    proposals: 'Đề nghị tập huấn kỹ năng sử dụng dịch vụ công trực tuyến cho cán bộ thôn.\nĐề nghị cấp thêm tài liệu tuyên truyền về CCHC.',
  },
};

function activityDate(i: number, k: number): Date {
  // Spread over the Decree 09/2019 window of 2021-H1 (15/12/2020 – 14/06/2021).
  const day = new Date(Date.UTC(2020, 11, 20));
  day.setUTCDate(day.getUTCDate() + ((i * 11 + k * 17) % 170));
  return day;
}

/** Deterministic figures for the unit at position `i` (0-based) of the registry. */
function fillFor(unit: Unit, i: number): ReportFill {
  const dossiers = 420 + 61 * i + (i % 3) * 17;
  const procedures = 112 + (i % 5) * 3;
  const hasPostOffice = unit.kind === 'commune' || unit.code === '18091';
  const indicators: Record<string, IndicatorFill> = {
    CT1: { numerator: i === 6 ? 0 : 1, denominator: 1, evidence: 'https://tranphu.hatinhcity.gov.vn/cchc'.replace('tranphu', `dv${unit.code}`) },
    CT2b: { numerator: i === 9 ? 0 : 1, denominator: 1, note: i === 9 ? 'Trạm truyền thanh hỏng loa, đang sửa chữa' : '' },
    CT3a: { numerator: dossiers - (i % 4 === 1 ? i % 7 : 0), denominator: dossiers, evidence: `trich-xuat-mot-cua-${unit.code}-2021-H1.xlsx` },
    CT3b: { numerator: 1, denominator: 1 },
    CT4a: { numerator: procedures - (i % 6 === 2 ? 2 : 0), denominator: procedures },
    CT4b: hasPostOffice ? { numerator: i % 5 === 0 ? 0 : 1, denominator: 1 } : { numerator: 0, denominator: 0, note: 'Không có điểm Bưu điện văn hóa xã' },
    CT5a: { value: 2 + (i % 6) },
    CT5b: i === 12 ? { value: 'Không' } : { value: 'Có', evidence: `Báo cáo số ${30 + i}/BC-UBND ngày 10/6/2021` },
  };
  const count = 4 + (i % 8);
  const activities: ActivityFill[] = Array.from({ length: count }, (_, k) => ({
    ...ACTIVITY_IDEAS[(i + k * 5) % ACTIVITY_IDEAS.length]!,
    date: activityDate(i, k),
    evidence: documentEvidence(100 + k, activityDate(i, k)),
  }));
  const submitted = LATE[unit.code] ?? `2021-06-${String(15 + (i % 5)).padStart(2, '0')}`;
  const narrative = NARRATIVES[unit.code];
  const fill: ReportFill = { submittedOn: new Date(`${submitted}T00:00:00Z`), indicators, activities, ...(narrative ? { narrative } : {}) };
  if (unit.code === WITH_ERRORS) {
    indicators.CT3a = { numerator: 1250, denominator: 1205, note: 'Nhập nhầm số liệu' };
    indicators.CT4a = { numerator: 118, denominator: 120, percent: 0.95 };
    indicators.CT1 = { numerator: null, denominator: 1 };
    activities.push({ date: new Date(Date.UTC(2021, 5, 30)), theme: 'ND3.6', form: 'HT10', title: 'Hoạt động ghi sai hình thức và ngoài kỳ báo cáo' });
    // evidence that names nothing anyone could find: a warning each, and not counted as evidence
    activities.forEach((activity, k) => {
      if (k % 2 === 0) activity.evidence = k === 0 ? 'x' : 'Biên bản';
    });
  }
  if (unit.code === CULTURE_CENTRE) {
    // Airtime of CCHC programmes, news and features on the centre's radio and television, in minutes.
    indicators.CT2a = { numerator: 1260, denominator: 1080, evidence: 'lich-phat-song-CCHC-6-thang-2021.xlsx' };
    indicators.CT3a = { numerator: 0, denominator: 0, note: 'Trung tâm không tiếp nhận hồ sơ TTHC' };
    indicators.CT3b = { numerator: 0, denominator: 0, note: 'Bộ TTHC đăng tải trên Cổng dịch vụ công' };
  }
  if (unit.code === ADMINISTRATION_CENTRE) {
    indicators.CT1 = { numerator: 0, denominator: 0, note: 'Trung tâm không có trang thông tin điện tử riêng' };
    indicators.CT3a = { numerator: 5214, denominator: 5230, evidence: 'trich-xuat-mot-cua-TTHCC-2021-H1.xlsx' };
    indicators.CT3b = { numerator: 0, denominator: 0, note: 'Trung tâm không có trang thông tin điện tử riêng' };
    indicators.CT4a = { numerator: 312, denominator: 312, evidence: 'Quyết định số 45/QĐ-UBND ngày 15/01/2021' };
  }
  // Only the indicators that apply to the unit are on its form.
  for (const indicator of hatinh2021.indicators) if (!indicatorAppliesTo(indicator, unit)) delete indicators[indicator.code];
  return fill;
}

async function main(): Promise<void> {
  const period = parsePeriod(PERIOD, { deadlineDaysAfterCutoff: hatinh2021.deadline.daysAfterCutoff });
  if (!period.ok) throw new Error(JSON.stringify(period.findings));
  const reportsDir = join(target, 'reports');
  await rm(reportsDir, { recursive: true, force: true });
  await mkdir(reportsDir, { recursive: true });
  const register = ['unit_code,received_on'];
  for (const [i, unit] of hatinhCity2020.units.entries()) {
    if (unit.code === MISSING) continue;
    const template = await writeTemplate(hatinh2021, unit, period.value);
    const filled = await fillTemplate(template.bytes, fillFor(unit, i));
    await writeFile(join(reportsDir, template.fileName), filled);
    register.push(`${unit.code},${LATE[unit.code] ?? `2021-06-${String(15 + (i % 5)).padStart(2, '0')}`}`);
  }
  await writeFile(join(target, `received-${PERIOD}.csv`), `${register.join('\n')}\n`);
  await mkdir(join(target, 'out'), { recursive: true });
  process.stderr.write(`Đã tạo ${register.length - 1} báo cáo mẫu trong examples/reports (kỳ ${PERIOD}).\n`);
}

await main();
