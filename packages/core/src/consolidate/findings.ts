import { formatDateVi } from '../text/format.ts';
import { makeFinding, type Finding } from '../finding.ts';
import type { Period } from '../period/types.ts';
import type { Unit } from '../units/unit.ts';
import { fileName, unitName } from './names.ts';


/** Builders of the consolidation's own findings; the codes are catalogued in consolidate/codes.ts. */

/** Error: the report is for another period than the consolidated one; it is left out. */
export function periodMismatchExcluded(file: string | null, unit: Unit | null, typedUnit: string | null, reportPeriod: string, period: Period): Finding {
  const who = unit ? unitName(unit) : { vi: typedUnit ?? '(không rõ)', en: typedUnit ?? '(unknown)' };
  return makeFinding(
    'error',
    'period-mismatch-excluded',
    {
      vi: `Báo cáo ${fileName(file).vi} của đơn vị ${who.vi} là kỳ ${reportPeriod}, không phải kỳ tổng hợp ${period.code}; không đưa vào tổng hợp.`,
      en: `Report ${fileName(file).en} of unit ${who.en} is for period ${reportPeriod}, not the consolidated period ${period.code}; excluded.`,
    },
    { ...(file === null ? {} : { file }), ...(unit ? { unit: unit.code } : {}) },
  );
}

/** Error: the report's unit is not in the registry; it is left out (its own findings are kept). */
export function unknownUnitExcluded(file: string | null, typedUnit: string | null): Finding {
  const what =
    typedUnit === null || typedUnit.trim() === ''
      ? { vi: 'không ghi mã đơn vị', en: 'has no unit code' }
      : { vi: `ghi mã đơn vị "${typedUnit}" không có trong danh mục đơn vị`, en: `has unit code "${typedUnit}", which is not in the unit registry` };
  return makeFinding(
    'error',
    'unknown-unit-excluded',
    { vi: `Báo cáo ${fileName(file).vi} ${what.vi}; không đưa vào tổng hợp.`, en: `Report ${fileName(file).en} ${what.en}; excluded.` },
    file === null ? {} : { file },
  );
}

/** Warning: the report names no period; it is taken as the consolidated one. */
export function periodMissingAssumed(file: string | null, unit: Unit, period: Period): Finding {
  return makeFinding(
    'warning',
    'period-missing-assumed',
    {
      vi: `Báo cáo ${fileName(file).vi} của đơn vị ${unitName(unit).vi} không ghi kỳ báo cáo; coi là kỳ ${period.code}.`,
      en: `Report ${fileName(file).en} of unit ${unitName(unit).en} names no period; taken as ${period.code}.`,
    },
    { ...(file === null ? {} : { file }), unit: unit.code },
  );
}

/** Warning: neither a register date nor a date on the form; timeliness unknown (counts as not on time). */
export function submissionDateMissing(file: string | null, unit: Unit): Finding {
  return makeFinding(
    'warning',
    'submission-date-missing',
    {
      vi: `Đơn vị ${unitName(unit).vi}: sổ theo dõi không có ngày nhận và biểu không ghi ngày ký; không xác định được gửi đúng hạn, phần điểm gửi đúng hạn tính 0 cho đến khi có ngày nhận (ghi vào sổ theo dõi).`,
      en: `Unit ${unitName(unit).en}: no received date in the register and no date on the form; timeliness unknown, and its part of the score counts 0 until a received date is given (in the register).`,
    },
    { ...(file === null ? {} : { file }), unit: unit.code },
  );
}

/** Warning: an expected unit sent no report for the period. */
export function reportMissing(unit: Unit, period: Period): Finding {
  return makeFinding(
    'warning',
    'report-missing',
    {
      vi: `Chưa có báo cáo kỳ ${period.code} của đơn vị ${unitName(unit).vi}.`,
      en: `No report for ${period.code} from unit ${unitName(unit).en}.`,
    },
    { unit: unit.code },
  );
}

/**
 * Warning `report-unreadable`: the unit's file(s) arrived but no report could be read from them
 * (the file's own error says why); the unit counts as not submitted.
 */
export function reportUnreadable(unit: Unit, period: Period, files: readonly string[]): Finding {
  const list = files.map((f) => `"${f}"`).join(', ');
  return makeFinding(
    'warning',
    'report-unreadable',
    {
      vi: `Đã nhận tệp ${list} của đơn vị ${unitName(unit).vi} cho kỳ ${period.code} nhưng không đọc được (xem lỗi của tệp); đơn vị được tính là chưa gửi báo cáo. Đề nghị đơn vị gửi lại tệp đọc được.`,
      en: `File ${list} from unit ${unitName(unit).en} for ${period.code} arrived but could not be read (see the file's error); the unit counts as not submitted. Ask the unit to send a readable file.`,
    },
    { unit: unit.code, ...(files[0] !== undefined ? { file: files[0] } : {}) },
  );
}

/** Notice: a unit not on the expected list reported; it is consolidated but not in completeness/timeliness. */
export function unexpectedReport(unit: Unit, period: Period): Finding {
  return makeFinding(
    'notice',
    'unexpected-report',
    {
      vi: `Đơn vị ${unitName(unit).vi} không thuộc danh sách phải báo cáo kỳ ${period.code}; báo cáo vẫn được tổng hợp nhưng không tính vào tỷ lệ đơn vị đã gửi báo cáo.`,
      en: `Unit ${unitName(unit).en} is not expected to report for ${period.code}; its report is consolidated but not counted in completeness or timeliness.`,
    },
    { unit: unit.code },
  );
}

/** Warning: the register records a receipt, but no report of the unit for the period was read. */
export function receivedWithoutReport(unit: Unit, receivedOn: string, period: Period): Finding {
  return makeFinding(
    'warning',
    'received-without-report',
    {
      vi: `Sổ theo dõi ghi đã nhận báo cáo của đơn vị ${unitName(unit).vi} ngày ${formatDateVi(receivedOn)}, nhưng không đọc được báo cáo kỳ ${period.code} nào của đơn vị.`,
      en: `The register records a report from unit ${unitName(unit).en} on ${receivedOn}, but no report of the unit for ${period.code} was read.`,
    },
    { unit: unit.code },
  );
}

/** Codes quoted in a message, cut to 40 characters. */
function quoted(code: string): string {
  return `"${code.length > 40 ? `${code.slice(0, 39)}…` : code}"`;
}

/**
 * Warning: the register names unit codes the registry does not know — one finding whatever
 * their number: the code when there is one, else the count and the first codes given.
 * @param first the first unknown codes in register order (five are listed).
 * @param count how many unknown codes the register names in all.
 */
export function receivedUnknownUnits(first: readonly string[], count: number): Finding {
  if (count === 1 && first[0] !== undefined) {
    return makeFinding('warning', 'received-unknown-unit', {
      vi: `Sổ theo dõi nhận báo cáo có mã đơn vị ${quoted(first[0])} không có trong danh mục đơn vị.`,
      en: `The received-date register names unit code ${quoted(first[0])}, which is not in the unit registry.`,
    });
  }
  const listed = first.slice(0, 5).map(quoted).join(', ');
  const more = count - Math.min(first.length, 5);
  return makeFinding('warning', 'received-unknown-unit', {
    vi: `Sổ theo dõi nhận báo cáo có ${count} mã đơn vị không có trong danh mục đơn vị: ${listed}${more > 0 ? ` và ${more} mã khác` : ''}.`,
    en: `The received-date register names ${count} unit codes that are not in the unit registry: ${listed}${more > 0 ? ` and ${more} more` : ''}.`,
  });
}

/** Warning: the expected list names a unit code the registry does not know; it is ignored. */
export function expectedUnitUnknown(code: string): Finding {
  return makeFinding('warning', 'expected-unit-unknown', {
    vi: `Danh sách đơn vị phải báo cáo có mã "${code}" không có trong danh mục đơn vị; bỏ qua.`,
    en: `The expected-unit list names code "${code}", which is not in the unit registry; ignored.`,
  });
}
