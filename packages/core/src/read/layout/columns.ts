/**
 * Settling what each column holds once the values below the header are known: "Chỉ tiêu" or
 * "Kế hoạch" holding percentages is a target, holding counts is a planned count (the
 * denominator); a table without a "Nội dung" heading has its wording in the column of long
 * text; a role claimed twice is kept by the first column only.
 */
import type { Message } from '../../finding.ts';
import { cellNumber } from '../../text/cell-number.ts';
import { headingKey } from './roles.ts';
import type { SheetView } from './sheet-view.ts';
import type { LayoutColumn } from './types.ts';

/** A decision worth telling the officer, with its finding code. */
export interface ColumnNote {
  code: 'layout-plan-column' | 'layout-text-column' | 'layout-column-duplicate';
  severity: 'notice' | 'warning';
  message: Message;
  /** A1 of the column's (first) header cell. */
  cell: string;
}

/** Only this many rows below the header are sampled. */
const SAMPLE_ROWS = 200;

/**
 * Settles the columns of a header guess from the data rows below it (`dataRows`, top to bottom):
 * 1. no `text` column: the `plan`/`other` column whose non-blank cells are mostly (≥ 60 %) text
 *    of 15+ characters becomes `text` (`layout-text-column`, notice);
 * 2. a role held by several columns stays with the first; the others become `other`
 *    (`layout-column-duplicate`, warning);
 * 3. a `plan` column whose numbers are all percentages (a `%` format, "%" typed, or "%" in the
 *    heading) becomes `target`; all plain counts → `planned`; both kinds → stays `plan`, each row
 *    decided by its own value (`layout-plan-column`, notice, saying which).
 */
export function settleColumns(view: SheetView, columns: readonly LayoutColumn[], dataRows: readonly number[], headerRow: number): { columns: LayoutColumn[]; notes: ColumnNote[] } {
  const notes: ColumnNote[] = [];
  const sample = dataRows.slice(0, SAMPLE_ROWS);
  const out = columns.map((c) => ({ ...c }));
  const at = (c: LayoutColumn): string => `${c.letter}${headerRow}`;

  if (!out.some((c) => c.role === 'text')) {
    let best: { c: LayoutColumn; n: number } | null = null;
    for (const c of out) {
      if (c.role !== 'plan' && c.role !== 'other') continue;
      const texts = sample.map((r) => view.text(r, c.col)).filter((t) => t !== '');
      const long = texts.filter((t) => t.length >= 15 && !cellNumber({ value: t }).ok).length;
      if (texts.length > 0 && long / texts.length >= 0.6 && (!best || long > best.n)) best = { c, n: long };
    }
    if (best) {
      best.c.reason = { vi: 'cột chứa nội dung chỉ tiêu (chữ dài)', en: 'the column holding the indicator wording (long text)' };
      notes.push({
        code: 'layout-text-column',
        severity: 'notice',
        message: {
          vi: `Không có cột tiêu đề "Nội dung"; dùng cột ${best.c.letter} ("${best.c.label}") làm nội dung chỉ tiêu vì cột này chứa chữ dài.`,
          en: `No "Nội dung" (wording) heading; column ${best.c.letter} ("${best.c.label}") is used as the indicator wording since it holds long text.`,
        },
        cell: at(best.c),
      });
      best.c.role = 'text';
    }
  }

  const seen = new Map<string, LayoutColumn>();
  for (const c of out) {
    if (c.role === 'other') continue;
    const first = seen.get(c.role);
    if (!first) {
      seen.set(c.role, c);
      continue;
    }
    notes.push({
      code: 'layout-column-duplicate',
      severity: 'warning',
      message: {
        vi: `Cột ${c.letter} ("${c.label}") và cột ${first.letter} ("${first.label}") có cùng ý nghĩa; dùng cột ${first.letter}, bỏ qua cột ${c.letter}.`,
        en: `Columns ${c.letter} ("${c.label}") and ${first.letter} ("${first.label}") mean the same; column ${first.letter} is used, ${c.letter} ignored.`,
      },
      cell: at(c),
    });
    c.reason = { vi: `trùng ý nghĩa với cột ${first.letter}`, en: `same meaning as column ${first.letter}` };
    c.role = 'other';
  }

  for (const c of out) {
    if (c.role !== 'plan') continue;
    let percents = 0;
    let counts = 0;
    const headingPercent = headingKey(c.label).split(' ').includes('%');
    for (const r of sample) {
      const n = cellNumber(view.cell(r, c.col));
      if (!n.ok) continue;
      if (n.percent || headingPercent) percents += 1;
      else counts += 1;
    }
    if (percents + counts === 0) continue;
    if (counts === 0) {
      c.role = 'target';
      c.reason = { vi: 'chứa tỷ lệ phần trăm: là chỉ tiêu (mục tiêu), không phải số liệu', en: 'holds percentages: a target, not a figure' };
    } else if (percents === 0) {
      c.role = 'planned';
      c.reason = { vi: 'chứa số đếm: là số kế hoạch, dùng làm mẫu số khi không có cột tổng số', en: 'holds counts: a planned count, used as the denominator when there is no total column' };
    } else {
      c.reason = { vi: `chứa cả tỷ lệ (${percents} dòng) và số đếm (${counts} dòng): mỗi dòng xét theo giá trị của nó`, en: `holds both percentages (${percents} rows) and counts (${counts} rows): each row by its value` };
    }
    notes.push({
      code: 'layout-plan-column',
      severity: 'notice',
      message: { vi: `Cột ${c.letter} ("${c.label}") ${c.reason.vi}.`, en: `Column ${c.letter} ("${c.label}") ${c.reason.en}.` },
      cell: at(c),
    });
  }
  return { columns: out, notes };
}
