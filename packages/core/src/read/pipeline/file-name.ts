import { makeFinding, type Finding } from '../../finding.ts';

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
