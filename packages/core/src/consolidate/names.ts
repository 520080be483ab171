import type { Message } from '../finding.ts';
import type { Unit } from '../units/unit.ts';

/** How a unit is named in findings: "phường Trần Phú (18070)" / "Trần Phú ward (18070)". */
export function unitName(unit: Unit): Message {
  const vi = unit.kind === 'ward' ? 'phường ' : unit.kind === 'commune' ? 'xã ' : '';
  const en = unit.kind === 'ward' ? ' ward' : unit.kind === 'commune' ? ' commune' : '';
  return { vi: `${vi}${unit.name} (${unit.code})`, en: `${unit.name}${en} (${unit.code})` };
}

/** A file name for messages; "(không tên)"/"(unnamed)" when the caller gave none. */
export function fileName(file: string | null): Message {
  return file === null ? { vi: '(không tên)', en: '(unnamed)' } : { vi: file, en: file };
}

/** ISO `yyyy-mm-dd` as `dd/mm/yyyy` for Vietnamese messages. */
export function viDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
