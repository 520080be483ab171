import type { SheetModel, StyleModel } from '../../book/model.ts';
import { NUM_FMT } from '../../book/palette.ts';
import { tablePrint } from '../../book/print.ts';
import { rowOf, type CellInput } from '../../book/rows.ts';
import type { Finding } from '../../finding.ts';
import type { UnitResult } from '../../consolidate/types.ts';
import { NO_FINDINGS, findingCountsText } from '../../vocabulary/findings.ts';
import { CONSOLIDATED_TITLES, HEADERS } from '../../vocabulary/sheets.ts';
import { unitWithCode } from '../../vocabulary/units.ts';
import { SEVERITY_WORDS } from '../../vocabulary/words.ts';
import { BODY, SEVERITY_FILL, columnsOf, headRows, tableSheet, type ConsolidatedContext } from './context.ts';
import { CONSOLIDATED_LAYOUT, CONSOLIDATED_SHEETS } from './layout.ts';

/**
 * Findings in display order: as the consolidation orders them (official unit order, then file,
 * sheet, cell); with units sorted by name, by the units' display order (stable within a unit),
 * findings about no listed unit last.
 */
export function findingsInOrder(findings: readonly Finding[], units: readonly UnitResult[], byName: boolean): Finding[] {
  if (!byName) return [...findings];
  const position = new Map(units.map((u, i) => [u.code, i]));
  const rank = (f: Finding): number => (f.unit !== undefined ? (position.get(f.unit) ?? Infinity) : Infinity);
  return [...findings].sort((a, b) => {
    const x = rank(a);
    const y = rank(b);
    return x === y ? 0 : x < y ? -1 : 1;
  });
}

/** The count line on row 3: `Tổng số: 14 (3 lỗi, 2 cảnh báo, 9 lưu ý).` */
export function findingsSummary(findings: readonly Finding[]): string {
  return findings.length === 0 ? NO_FINDINGS : `Tổng số: ${findings.length} (${findingCountsText(findings)}).`;
}

/**
 * "Kết quả kiểm tra": every error, warning and notice of the consolidation with its unit, file,
 * sheet and cell, the Vietnamese message and the English one beside it, its code and indicator.
 */
export function findingsSheet(ctx: ConsolidatedContext): SheetModel {
  const L = CONSOLIDATED_LAYOUT;
  const { palette } = ctx;
  const columns = columnsOf(palette, [6, 10, 22, 24, 12, 7, 50, 40, 24, 9]);
  const unitByCode = new Map(ctx.units.map((u) => [u.code, u]));
  return tableSheet(CONSOLIDATED_SHEETS.findings, columns, tablePrint(columns, 'landscape', [L.headerRow, L.headerRow]), function* rows() {
    for (const row of headRows(ctx, columns, CONSOLIDATED_TITLES.findings, { note: findingsSummary(ctx.findings), headers: HEADERS.findings })) yield row;
    for (const [i, f] of ctx.findings.entries()) {
      const u = f.unit ? unitByCode.get(f.unit) : undefined;
      const values: Array<string | number | null> = [
        i + 1,
        SEVERITY_WORDS[f.severity],
        f.unit ? (u ? unitWithCode(u) : f.unit) : null,
        f.file ?? null,
        f.sheet ?? null,
        f.cell ?? null,
        f.message.vi,
        f.message.en,
        f.code,
        f.indicator ?? null,
      ];
      const cells = values.map((v, k): [number, CellInput, StyleModel] => [
        k + 1,
        typeof v === 'string' ? v.normalize('NFC') : v,
        {
          ...BODY,
          vertical: 'top',
          ...(k === 1 ? { fill: SEVERITY_FILL[f.severity], horizontal: 'center' } : {}),
          ...(k === 0 || k === 5 ? { horizontal: 'center' } : {}),
          ...(k === 8 || k === 9 || k === 5 ? { numFmt: NUM_FMT.text } : {}),
        },
      ]);
      yield rowOf(palette, columns, L.firstRow + i, cells);
    }
  });
}
