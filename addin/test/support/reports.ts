/**
 * Report files for the tests, made the way units make them: `cchc template`'s writer, then the
 * examples' `fillTemplate` (exceljs types into the named cells), so the bytes are real .xlsx files.
 */
import { hatinh2021, hatinhCity2020, parsePeriod, type Period, type Unit } from '@cchc-kpi/core';
import { writeTemplate } from '@cchc-kpi/xlsx/write';
import { fillTemplate, type ReportFill } from '../../../examples/fill-template.ts';

export type { ReportFill };

/** The period of a code under the built-in plan's deadline rule. */
export function periodFor(code: string): Period {
  const p = parsePeriod(code, { deadlineDaysAfterCutoff: hatinh2021.deadline.daysAfterCutoff });
  if (!p.ok) throw new Error(`bad period ${code}`);
  return p.value;
}

/** The registry unit of a code. */
export function unitFor(code: string): Unit {
  const unit = hatinhCity2020.units.find((u) => u.code === code);
  if (!unit) throw new Error(`unknown unit ${code}`);
  return unit;
}

/** A filled report file: `<code>-<period>.xlsx` and its bytes. */
export async function reportFile(unitCode: string, periodCode: string, fill: ReportFill): Promise<{ name: string; bytes: Uint8Array }> {
  const template = await writeTemplate(hatinh2021, unitFor(unitCode), periodFor(periodCode));
  return { name: template.fileName, bytes: await fillTemplate(template.bytes, fill) };
}

/** A complete, valid 2021-H1 report of a ward or commune, varied by `seed`. */
export function goodFill(seed: number, submitted = '2021-06-16'): ReportFill {
  return {
    submittedOn: new Date(`${submitted}T00:00:00Z`),
    indicators: {
      CT1: { numerator: 1, denominator: 1, evidence: 'https://example.gov.vn/cchc' },
      CT2b: { numerator: seed % 2, denominator: 1 },
      CT3a: { numerator: 400 + seed, denominator: 410 + seed, evidence: 'Hệ thống một cửa điện tử' },
      CT3b: { numerator: 1, denominator: 1 },
      CT4a: { numerator: 110, denominator: 112 },
      CT4b: { numerator: 0, denominator: 0, note: 'Không có điểm Bưu điện văn hóa xã' },
      CT5a: { value: 2 + seed },
      CT5b: { value: 'Có', evidence: `Báo cáo số ${30 + seed}/BC-UBND` },
    },
    activities: [
      { date: new Date(Date.UTC(2021, 0, 10 + seed)), theme: 'ND3.6', form: 'HT1.2', title: 'Phát thanh chuyên mục CCHC', quantity: 12, evidence: 'Văn bản số 12/UBND' },
      { date: new Date(Date.UTC(2021, 2, 5)), theme: 'ND7', theme2: 'ND3.6', form: 'HT5', title: 'Hướng dẫn nộp hồ sơ trực tuyến', quantity: 4, participants: 85, evidence: 'Văn bản số 13/UBND' },
    ],
  };
}
