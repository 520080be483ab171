/**
 * Which unit a file is from when nothing could be read from it: its name only — our forms are
 * `<GSO code>-<period>.xlsx`; other names are matched as the layout reader matches a file name
 * (`BacHa.xlsx`, `phuong-tran-phu.ods`).
 */
import { detectUnit } from '../read/layout/detect-unit.ts';
import type { Unit } from '../units/unit.ts';

/** The registry unit a file name names (a code as a whole word, or the name), or null when none or several. */
export function unitFromFileName(file: string, units: readonly Unit[]): Unit | null {
  const base = file.split(/[\\/]/).pop() ?? file;
  const text = base.replace(/\.[A-Za-z0-9]{2,5}$/, '');
  if (text === '') return null;
  return detectUnit([{ text, via: 'fileName' }], units).unit;
}
