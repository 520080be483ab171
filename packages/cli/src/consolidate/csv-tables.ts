import { dirname, basename, extname, join } from 'node:path';
import { NO, NOT_SENT, SEVERITY_WORDS, STATUS_WORDS, YES, unitDisplayName, type Consolidation, type Indicator, type Plan, type UnitKind } from '@cchc-kpi/core';
import { toCsv, type CsvSeparator, type CsvValue } from '../io/csv.ts';

/**
 * The two CSV tables `consolidate --csv FILE` writes: the unit × indicator table (FILE) and the
 * findings (FILE with `-phat-hien` before the extension). Same figures as the workbook's
 * "Đơn vị × chỉ tiêu" and "Phát hiện" sheets; headers in Vietnamese.
 */

/** Suffix added to the `--csv` file's name (before its extension) for the findings table. */
export const CSV_FINDINGS_SUFFIX = '-phat-hien';

/**
 * Path of the findings CSV that goes with the table at `path`:
 * `out/tong-hop.csv` → `out/tong-hop-phat-hien.csv` (no extension: the suffix is appended).
 */
export function csvFindingsPath(path: string): string {
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)}${CSV_FINDINGS_SUFFIX}${ext}`);
}

const KIND_TEXT: Record<UnitKind, string> = { ward: 'Phường', commune: 'Xã', agency: 'Cơ quan' };

function yesNo(value: boolean | null): string | null {
  return value === null ? null : value ? YES : NO;
}

function isPair(indicator: Indicator): boolean {
  return indicator.measure === 'ratio' || indicator.measure === 'comparison';
}

function indicatorHeaders(indicator: Indicator): string[] {
  const c = indicator.code;
  if (indicator.measure === 'comparison') return [`${c} Kỳ này`, `${c} Cùng kỳ`, `${c} Tỷ lệ`, `${c} Kết quả`];
  if (indicator.measure === 'ratio') return [`${c} Tử số`, `${c} Mẫu số`, `${c} Tỷ lệ`, `${c} Kết quả`];
  return [indicator.measure === 'boolean' ? `${c} Có/Không` : `${c} Số lượng`, `${c} Kết quả`];
}

/**
 * The unit × indicator table: a header row, one row per unit in official order, then the city
 * total row. Per unit: STT, code, name as printed ("Phường Trần Phú"), kind, submitted (Có/Không),
 * date on the form and register date (ISO `yyyy-mm-dd`), on time (Có/Không, blank when unknown),
 * file, score (primary profile, points), band, rank, valid activities; per indicator in plan
 * order: numerator, denominator, ratio (fraction 0–1) for ratio and comparison measures, or the
 * value (count; Có/Không for yes/no), then the result ("Đạt", "Chưa đạt", "Thiếu số liệu",
 * "Không hợp lệ", "Không áp dụng", "Chưa gửi"). As in the workbook, figures are given only where
 * they were counted in the city totals, so each column sums to the total row.
 * @returns rows of CSV values (text is escaped when written, numbers are not).
 */
export function unitIndicatorRows(result: Consolidation, plan: Plan): CsvValue[][] {
  const header: CsvValue[] = [
    'STT',
    'Mã đơn vị',
    'Đơn vị',
    'Loại',
    'Đã gửi',
    'Ngày ký báo cáo',
    'Ngày nhận',
    'Đúng hạn',
    'Tệp',
    'Điểm',
    'Xếp loại',
    'Xếp hạng',
    'Số hoạt động',
    ...plan.indicators.flatMap(indicatorHeaders),
  ];
  const units = [...result.units].sort((a, b) => a.order - b.order);
  const rows: CsvValue[][] = units.map((u, i) => {
    const cells: CsvValue[] = [
      i + 1,
      u.code,
      unitDisplayName(u),
      KIND_TEXT[u.kind],
      yesNo(u.submitted),
      u.submittedOn,
      u.receivedOn,
      yesNo(u.onTime),
      u.file,
      u.score,
      u.band?.vi ?? null,
      u.rank,
      u.submitted ? u.activityCount : null,
    ];
    for (const indicator of plan.indicators) {
      const r = Object.hasOwn(u.indicators, indicator.code) ? u.indicators[indicator.code] : undefined;
      const counted = u.submitted && r !== undefined && r.counted;
      const status = u.submitted ? STATUS_WORDS[r?.status ?? 'missing'] : NOT_SENT;
      if (isPair(indicator)) {
        cells.push(counted ? r.numerator : null, counted ? r.denominator : null, counted ? r.ratio : null, status);
      } else {
        const value = counted ? r.value : null;
        cells.push(typeof value === 'boolean' ? yesNo(value) : value, status);
      }
    }
    return cells;
  });
  const total: CsvValue[] = [null, null, 'Cộng toàn thành phố', null, null, null, null, null, null, null, null, null, null];
  for (const indicator of plan.indicators) {
    const t = Object.hasOwn(result.totals.indicators, indicator.code) ? result.totals.indicators[indicator.code] : undefined;
    if (isPair(indicator)) total.push(t?.numerator ?? null, t?.denominator ?? null, t?.ratio ?? null, null);
    else if (indicator.measure === 'boolean') total.push(t?.numerator ?? null, null);
    else total.push(t?.value ?? null, null);
  }
  return [header, ...rows, total];
}

/**
 * The findings table: a header row, then every finding in the consolidation's order with STT,
 * severity (Lỗi / Cảnh báo / Lưu ý), unit ("Phường Trần Phú" when the code is in the
 * consolidation, else the code), unit code, file, sheet, cell, the Vietnamese and English
 * messages, the finding code and the indicator code.
 */
export function findingRows(result: Consolidation): CsvValue[][] {
  const unitByCode = new Map(result.units.map((u) => [u.code, u]));
  const header: CsvValue[] = ['STT', 'Mức độ', 'Đơn vị', 'Mã đơn vị', 'Tệp', 'Trang tính', 'Ô', 'Nội dung', 'Message (English)', 'Mã', 'Chỉ tiêu'];
  const rows = result.findings.map((f, i): CsvValue[] => {
    const u = f.unit === undefined ? undefined : unitByCode.get(f.unit);
    return [
      i + 1,
      SEVERITY_WORDS[f.severity],
      u ? unitDisplayName(u) : (f.unit ?? null),
      f.unit ?? null,
      f.file ?? null,
      f.sheet ?? null,
      f.cell ?? null,
      f.message.vi,
      f.message.en,
      f.code,
      f.indicator ?? null,
    ];
  });
  return [header, ...rows];
}

/**
 * Both CSV documents of a consolidation, ready to write as UTF-8 (each starts with the BOM).
 * @returns `table` (unit × indicator) and `findings`.
 */
export function consolidationCsv(result: Consolidation, plan: Plan, separator: CsvSeparator = ','): { table: string; findings: string } {
  return { table: toCsv(unitIndicatorRows(result, plan), separator), findings: toCsv(findingRows(result), separator) };
}
