/**
 * A small, hand-checkable set of reports for the output tests (HTML, feedback, year-on-year):
 * three wards/communes and the city culture & media centre (an agency, loaded with `--units`),
 * filled through the real template. Every figure is typed here, so tests can assert exact values.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hatinh2021, hatinhCity2020, indicatorAppliesTo, parsePeriod, type Unit } from '@cchc-kpi/core';
import { writeTemplate } from '@cchc-kpi/xlsx/write';
import { fillTemplate, type IndicatorFill, type ReportFill } from '@cchc-kpi/examples/fill-template';

/** The city culture & media centre, as the `--units` CSV lists it. */
export const AGENCY: Unit = { code: 'TTVHTT', name: 'Trung tâm Văn hóa – Truyền thông thành phố', kind: 'agency', order: 16 };
export const UNITS_CSV = 'code,name,kind,order\nTTVHTT,Trung tâm Văn hóa – Truyền thông thành phố,agency,1\n';

export const PERIOD = (() => {
  const parsed = parsePeriod('2021-H1');
  if (!parsed.ok) throw new Error('period');
  return parsed.value;
})();

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const unit = (code: string): Unit => hatinhCity2020.units.find((u) => u.code === code)!;

const COMPLETE: Record<string, IndicatorFill> = {
  CT1: { numerator: 1, denominator: 1 },
  CT2b: { numerator: 1, denominator: 1 },
  CT3a: { numerator: 200, denominator: 200 },
  CT3b: { numerator: 1, denominator: 1 },
  CT4a: { numerator: 110, denominator: 110 },
  CT4b: { numerator: 0, denominator: 0 },
  CT5a: { value: 2 },
  CT5b: { value: 'Có', evidence: 'Báo cáo 12/BC-UBND' },
};

/** What each unit typed. */
export const FILLS: Array<{ unit: Unit; file: string; fill: ReportFill }> = [
  {
    unit: unit('18070'), // Trần Phú: everything met, on time
    file: '18070-2021-H1.xlsx',
    fill: {
      submittedOn: day('2021-06-15'),
      indicators: COMPLETE,
      activities: [
        { date: day('2021-01-15'), theme: 'ND3.6', form: 'HT1.2', title: 'Chuyên mục CCHC trên đài truyền thanh', quantity: 12, evidence: 'Lịch phát sóng' },
        { date: day('2021-03-10'), theme: 'ND7', form: 'HT5', title: 'Hướng dẫn nộp hồ sơ trực tuyến', quantity: 4, evidence: 'Danh sách' },
      ],
    },
  },
  {
    unit: unit('18073'), // Nam Hà: CT3a numerator above its denominator (an error), late; the file has an odd name
    file: 'bao cao Nam Ha (sua lan 2).xlsx',
    fill: {
      submittedOn: day('2021-06-22'),
      indicators: { ...COMPLETE, CT3a: { numerator: 510, denominator: 500 }, CT5b: { value: 'Không' } },
      activities: [{ date: day('2021-02-02'), theme: 'ND3.2', form: 'HT1.3', title: 'Tin bài trên Trang TTĐT', quantity: 5, evidence: 'Đường dẫn' }],
    },
  },
  {
    unit: unit('18088'), // Thạch Trung (commune): CT3a 90/100, CT4b 1/1
    file: '18088-2021-H1.xlsx',
    fill: {
      submittedOn: day('2021-06-18'),
      indicators: { ...COMPLETE, CT3a: { numerator: 90, denominator: 100 }, CT4b: { numerator: 1, denominator: 1 } },
      activities: [{ date: day('2021-05-05'), theme: 'ND3.7', form: 'HT2.2', title: 'Bảng LED', quantity: 2, evidence: 'Ảnh chụp' }],
    },
  },
  {
    unit: AGENCY, // the culture & media centre: 130 CCHC items this period, last year's figure left blank
    file: 'TTVHTT-2021-H1.xlsx',
    fill: {
      submittedOn: day('2021-06-16'),
      indicators: { ...COMPLETE, CT2a: { numerator: 130, denominator: null } },
      activities: [{ date: day('2021-04-01'), theme: 'ND5', form: 'HT1.1', title: 'Chuyên đề CCHC trên bản tin', quantity: 6, evidence: 'Bản tin số 4' }],
    },
  },
];

/**
 * Writes the four reports to `dir/reports` and the agency list to `dir/units.csv`.
 * @param overrides figures to change per unit code (e.g. the agency's CT2a).
 * @returns the folder of reports and the units file.
 */
export async function writeSmallExample(dir: string, overrides: Record<string, Record<string, IndicatorFill>> = {}): Promise<{ reports: string; units: string }> {
  const reports = join(dir, 'reports');
  mkdirSync(reports, { recursive: true });
  for (const { unit: u, file, fill } of FILLS) {
    const template = await writeTemplate(hatinh2021, u, PERIOD);
    const indicators = Object.fromEntries(
      Object.entries({ ...fill.indicators, ...(overrides[u.code] ?? {}) }).filter(([code]) => indicatorAppliesTo(hatinh2021.indicators.find((i) => i.code === code)!, u)),
    );
    writeFileSync(join(reports, file), await fillTemplate(template.bytes, { ...fill, indicators }));
  }
  const units = join(dir, 'units.csv');
  writeFileSync(units, UNITS_CSV);
  return { reports, units };
}
