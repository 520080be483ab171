/**
 * An editable mapping: how one unit's workbook is to be read — which sheet, header rows, what
 * each column holds, which row is which indicator. `cchc inspect --save-mapping` writes it from
 * what the reader understood; the officer corrects it; `check`/`consolidate --mappings DIR`
 * apply it (one file per unit code). Pure data and its (de)serialisation; files are the CLI's.
 */
import { z } from 'zod';
import { makeFinding } from '../../finding.ts';
import { jsonLimitFinding, parseBoundedJson, type JsonLimits } from '../../json/bounded.ts';
import type { Plan } from '../../plan/schema.ts';
import { fail, ok, type Result } from '../../result.ts';
import { COLUMN_ROLES, type ColumnRole, type LayoutUnderstanding } from './types.ts';

/** The format tag every mapping file carries. */
export const LAYOUT_MAPPING_FORMAT = 'cchc-layout-mapping/1';

/** Instructions written into every saved mapping (Vietnamese, for the officer who edits it). */
export const MAPPING_HELP = [
  'Tệp này cho công cụ cchc biết cách đọc báo cáo của đơn vị. Có thể sửa rồi lưu lại:',
  '- "sheet": tên trang tính chứa bảng; "headerRows": các dòng tiêu đề của bảng;',
  `- "columns": ý nghĩa của từng cột (chữ cái cột → ${COLUMN_ROLES.join(', ')});`,
  '  total = tổng số (mẫu số), achieved = kết quả/đạt (tử số), percent = tỷ lệ đơn vị ghi, planned = số kế hoạch (mẫu số khi không có cột tổng số), target = chỉ tiêu %;',
  '- "rows": từng dòng của bảng với mã chỉ tiêu ("CT3a"…); ghi null nếu dòng không phải chỉ tiêu. Dòng được nhận theo nội dung ("text"), không theo số dòng.',
  'Dùng lại: cchc check|consolidate … --mappings <thư mục chứa các tệp <mã đơn vị>.json>.',
];

const roleSchema = z.enum(COLUMN_ROLES as unknown as [ColumnRole, ...ColumnRole[]]);

/** The schema of a mapping file (unknown keys such as the help text are ignored). */
export const layoutMappingSchema = z.object({
  format: z.literal(LAYOUT_MAPPING_FORMAT),
  /** Unit code the mapping belongs to (also its file name: `<unit>.json`). */
  unit: z.string().min(1),
  /** Plan id the indicator codes belong to. */
  plan: z.string().optional(),
  /** Sheet holding the table. */
  sheet: z.string().min(1).optional(),
  /** 1-based header row numbers (one or two). */
  headerRows: z.array(z.number().int().positive()).min(1).max(3).optional(),
  /** Column letters → roles. Columns not listed are ignored when `columns` is given. */
  columns: z.record(z.string().regex(/^[A-Z]{1,3}$/, 'column letters, e.g. "D"'), roleSchema).optional(),
  /** Rows: matched by their wording (`text`, compared folded); `indicator` null = not an indicator. */
  rows: z
    .array(z.object({ row: z.number().int().positive(), text: z.string(), indicator: z.string().min(1).nullable() }))
    .default([]),
});

/** A mapping (see the module comment). */
export type LayoutMapping = z.infer<typeof layoutMappingSchema>;

/**
 * The mapping of what the reader understood: sheet, header rows, every column's role (letters →
 * role), and every data row with its wording and its indicator (null when unmatched, so the
 * officer can fill it in). `unit` is the unit code to file it under.
 */
export function mappingFromLayout(layout: LayoutUnderstanding, plan: Pick<Plan, 'id'>, unit: string): LayoutMapping {
  const columns: Record<string, ColumnRole> = {};
  for (const c of layout.columns) columns[c.letter] = c.role;
  return {
    format: LAYOUT_MAPPING_FORMAT,
    unit,
    plan: plan.id,
    sheet: layout.sheet,
    headerRows: [...layout.headerRows],
    columns,
    rows: layout.rows.filter((r) => r.kind === 'data').map((r) => ({ row: r.row, text: r.text, indicator: r.indicator })),
  };
}

/** A mapping as pretty JSON (2-space indent, help text first), ready to be edited by hand. */
export function formatLayoutMapping(mapping: LayoutMapping): string {
  return `${JSON.stringify({ _huong_dan: MAPPING_HELP, ...mapping }, null, 2)}\n`;
}

/** How many unknown indicator codes a `mapping-invalid` message lists before "and N more". */
const LISTED_CODES = 5;

/**
 * Parses a mapping file's text. Invalid JSON or content → `ok: false` with the error
 * `mapping-invalid` naming `source` (the file) and the first problems; an indicator code the
 * plan does not have → the same error (when `plan` is given), listing the first five. Text
 * longer or nesting deeper than `limits` (default `DEFAULT_JSON_LIMITS`) → `json-too-large` or
 * `json-too-deep` before it is parsed. Never throws.
 */
export function parseLayoutMapping(text: string, source?: string, plan?: Pick<Plan, 'indicators'>, limits: Partial<JsonLimits> = {}): Result<LayoutMapping> {
  const where = source === undefined ? {} : { file: source };
  const name = source ?? 'mapping';
  const json = parseBoundedJson(text, limits);
  if (!json.ok) {
    if (json.problem !== 'syntax') return fail([jsonLimitFinding(json, { vi: 'Tệp ánh xạ', en: 'Mapping file' }, source)]);
    return fail([
      makeFinding('error', 'mapping-invalid', { vi: `Tệp ánh xạ ${name} không phải JSON hợp lệ (${json.detail}).`, en: `Mapping file ${name} is not valid JSON (${json.detail}).` }, where),
    ]);
  }
  const parsed = layoutMappingSchema.safeParse(json.value);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`)
      .join('; ');
    return fail([
      makeFinding('error', 'mapping-invalid', { vi: `Tệp ánh xạ ${name} không đúng cấu trúc: ${problems}.`, en: `Mapping file ${name} is malformed: ${problems}.` }, where),
    ]);
  }
  if (plan) {
    const codes = new Set(plan.indicators.map((i) => i.code));
    const unknown = parsed.data.rows.filter((r) => r.indicator !== null && !codes.has(r.indicator));
    if (unknown.length > 0) {
      const listed = unknown.slice(0, LISTED_CODES);
      const more = unknown.length - listed.length;
      return fail([
        makeFinding('error', 'mapping-invalid', {
          vi: `Tệp ánh xạ ${name} có mã chỉ tiêu không thuộc kế hoạch: ${listed.map((r) => `${r.indicator} (dòng ${r.row})`).join(', ')}${more > 0 ? ` và ${more} dòng khác` : ''}.`,
          en: `Mapping file ${name} names indicator codes the plan does not have: ${listed.map((r) => `${r.indicator} (row ${r.row})`).join(', ')}${more > 0 ? ` and ${more} more rows` : ''}.`,
        }, where),
      ]);
    }
  }
  return ok(parsed.data);
}
