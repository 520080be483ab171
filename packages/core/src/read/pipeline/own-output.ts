/**
 * Our own outputs among the inputs: a consolidated or feedback workbook this project wrote
 * carries the defined name `cchc_consolidated`; it is skipped, never read as a unit's report.
 */
import { makeFinding, type Finding } from '../../finding.ts';
import type { Grid } from '../../grid/grid.ts';
import { CONSOLIDATED_MARKER_NAME } from '../../template/names.ts';

/** True when the grid's workbook carries our marker name (`cchc_consolidated`). */
export function isOwnOutput(grid: Pick<Grid, 'definedNames'>): boolean {
  return grid.definedNames.some((n) => n.name === CONSOLIDATED_MARKER_NAME);
}

/** The notice `file-skipped` for our own output (a file by its name, else the open workbook). */
export function ownOutputSkipped(file?: string): Finding {
  if (file === undefined) {
    return makeFinding('notice', 'file-skipped', {
      vi: 'Sổ đang mở là tệp kết quả do cchc tạo ra (sổ tổng hợp hoặc phiếu phản hồi), không phải báo cáo của đơn vị.',
      en: 'The open workbook is an output of cchc (a consolidated or feedback workbook), not a unit\'s report.',
    });
  }
  return makeFinding('notice', 'file-skipped', {
    vi: `Bỏ qua ${file}: đây là tệp kết quả do cchc tạo ra (sổ tổng hợp hoặc phiếu phản hồi), không phải báo cáo của đơn vị.`,
    en: `Skipped ${file}: it is an output of cchc (a consolidated or feedback workbook), not a unit's report.`,
  }, { file });
}
