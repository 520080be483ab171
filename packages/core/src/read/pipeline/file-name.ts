import { makeFinding, type Finding } from '../../finding.ts';
import { parsePeriod } from '../../period/period.ts';
import type { UnitReport } from '../../report/model.ts';
import { periodName } from '../../vocabulary/periods.ts';
import { mentionCode, scanPeriods } from '../layout/detect-period.ts';

/**
 * Our forms are named `<unit code>-<period>.xlsx`. A file whose name starts with another unit's
 * code than the one inside is probably a form saved under the wrong name: `file-name-unit-mismatch`
 * (warning). The code inside the form is what counts. Our convention.
 */
export function fileNameMismatch(file: string, unitCode: string | null): Finding[] {
  const named = /^(\d{5})(?=[-_ .])/.exec(file)?.[1];
  const inside = unitCode?.trim();
  if (!named || !inside || named === inside) return [];
  return [
    makeFinding('warning', 'file-name-unit-mismatch', {
      vi: `Tên tệp ${file} mang mã đơn vị ${named} nhưng biểu mẫu bên trong là của đơn vị ${inside}; số liệu được tính cho ${inside}. Kiểm tra xem đơn vị có gửi nhầm tệp không.`,
      en: `File name ${file} carries unit code ${named} but the form inside is unit ${inside}'s; the figures count for ${inside}. Check whether the unit sent the wrong file.`,
    }, { file, unit: inside }),
  ];
}

/**
 * The period a file name names with its year (`18070-2021-H1.xlsx`, `bao-cao-quy-2-2021.xlsx`,
 * `H1_2021.xlsx`, `nam-2021.xlsx` → `2021-H1`, `2021-Q2`, `2021-H1`, `2021`), read as the layout
 * reader reads file names (`scanPeriods`); null when it names none, or several different ones.
 */
export function periodFromFileName(file: string): string | null {
  const base = file.split(/[\\/]/).pop() ?? file;
  const text = base.replace(/\.[A-Za-z0-9]{2,5}$/, '');
  const codes = new Set<string>();
  const mentions = scanPeriods([{ text, via: 'fileName' }]).mentions;
  // The most specific mentions: a quarter or half before a bare year.
  const specific = mentions.some((m) => m.kind !== 'year') ? mentions.filter((m) => m.kind !== 'year') : mentions;
  for (const m of specific) if (m.year !== null) codes.add(mentionCode(m, m.year));
  return codes.size === 1 ? [...codes][0]! : null;
}

/**
 * A form whose period differs from the one its file name gives (`18070-2021-H1.xlsx` holding a
 * 2021-H2 form): `file-name-period-mismatch` (warning) at the form's period cell, naming both.
 * The period inside the form is what counts. A file name naming only the year of the form's
 * period (`bao-cao-2021.xlsx` for 2021-H1) agrees with it. Our convention.
 */
export function fileNamePeriodMismatch(file: string, report: Pick<UnitReport, 'periodCode' | 'source' | 'unitCode'>): Finding[] {
  const named = periodFromFileName(file);
  const inside = parsePeriod(report.periodCode?.trim() ?? '');
  if (named === null || !inside.ok) return [];
  const form = inside.value;
  if (named === form.code || named === String(form.year)) return [];
  const fileParsed = parsePeriod(named);
  const nameOf = (code: string, period: typeof form | null): string => (period === null ? code : `${code} (${periodName(period, { inSentence: true })})`);
  const ref = report.source.periodCode;
  const cell = ref === undefined ? { vi: '', en: '' } : { vi: ` (ô ${ref.cell})`, en: ` (cell ${ref.cell})` };
  const unit = report.unitCode?.trim();
  return [
    makeFinding('warning', 'file-name-period-mismatch', {
      vi: `Tên tệp ${file} ghi kỳ ${nameOf(named, fileParsed.ok ? fileParsed.value : null)} nhưng biểu mẫu bên trong ghi kỳ ${nameOf(form.code, form)}${cell.vi}; số liệu được tính cho kỳ ${form.code}. Kiểm tra xem đơn vị ghi nhầm kỳ trong biểu mẫu hay gửi nhầm tệp.`,
      en: `File name ${file} says period ${named} but the form inside says ${form.code}${cell.en}; the figures count for ${form.code}. Check whether the unit typed the wrong period in the form or sent the wrong file.`,
    }, { file, ...(ref === undefined ? {} : { sheet: ref.sheet, cell: ref.cell }), ...(unit ? { unit } : {}) }),
  ];
}
