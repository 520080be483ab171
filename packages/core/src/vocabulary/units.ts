import type { Unit } from '../units/unit.ts';

/**
 * How units are named. A ward or commune always carries its kind (`Phường Văn Yên`, never
 * `Văn Yên`); an agency is named as registered. Every text is NFC.
 */

type Named = Pick<Unit, 'name' | 'kind'>;

const KIND: Readonly<Record<Unit['kind'], string>> = { ward: 'phường', commune: 'xã', agency: '' };

/**
 * A unit's name in full: `Phường Trần Phú`, `Xã Đồng Môn` in tables, lists and headings; with
 * `inSentence`, the kind in lower case as running text writes it (`phường Trần Phú`). An agency's
 * name is given as registered (`Trung tâm Hành chính công`).
 */
export function unitDisplayName(unit: Named, options: { inSentence?: boolean } = {}): string {
  const kind = KIND[unit.kind];
  if (kind === '') return unit.name.normalize('NFC');
  const prefix = options.inSentence ? kind : kind.charAt(0).toLocaleUpperCase('vi') + kind.slice(1);
  return `${prefix} ${unit.name}`.normalize('NFC');
}

/** The unit with its code, for tables of findings: `Phường Trần Phú (18070)`. */
export function unitWithCode(unit: Named & Pick<Unit, 'code'>): string {
  return `${unitDisplayName(unit)} (${unit.code})`;
}

/**
 * How a unit is addressed ("Kính gửi: …"): a ward or commune through its People's Committee,
 * `UBND phường Trần Phú`, `UBND xã Đồng Môn`; an agency by its own name, never `UBND Trung tâm …`.
 */
export function unitAddressee(unit: Named): string {
  return unit.kind === 'agency' ? unit.name.normalize('NFC') : `UBND ${unitDisplayName(unit, { inSentence: true })}`;
}

/** The issuing-body line of a unit's report, in capitals: `UBND PHƯỜNG TRẦN PHÚ`; an agency's name. */
export function unitIssuingBody(unit: Named): string {
  return unitAddressee(unit).toLocaleUpperCase('vi').normalize('NFC');
}
