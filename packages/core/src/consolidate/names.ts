import type { Message } from '../finding.ts';
import type { Unit } from '../units/unit.ts';
import { unitDisplayName } from '../vocabulary/units.ts';

/** How a unit is named in findings: "phường Trần Phú (18070)" / "Trần Phú ward (18070)". */
export function unitName(unit: Unit): Message {
  const en = unit.kind === 'ward' ? ' ward' : unit.kind === 'commune' ? ' commune' : '';
  return { vi: `${unitDisplayName(unit, { inSentence: true })} (${unit.code})`, en: `${unit.name}${en} (${unit.code})` };
}

/** A file name for messages; "(không tên)"/"(unnamed)" when the caller gave none. */
export function fileName(file: string | null): Message {
  return file === null ? { vi: '(không tên)', en: '(unnamed)' } : { vi: file, en: file };
}
