/**
 * Column headings → column roles, by meaning: case-, diacritic- and abbreviation-insensitive
 * ("Tỷ lệ (%)", "TỶ LỆ", "Ti le", "TL %" all mean `percent`). Two-row headings combine a
 * heading with its sub-heading ("Kết quả thực hiện / Tỷ lệ" → `percent`, "Kế hoạch / Số lượng"
 * → `planned`).
 */
import { expandAbbreviations } from '../../text/abbreviations.ts';
import { foldText } from '../../text/fold.ts';
import type { ColumnRole } from './types.ts';

/** A heading's meaning: a role, `generic` for sub-headings that only say "number" (Số lượng, Số), or null when unknown. */
export type LabelMeaning = ColumnRole | 'generic' | null;

/** A heading folded and with abbreviations expanded, `%` kept as a word: `"Tỷ lệ (%)"` → `"ti le %"` (`foldText` spells a final y after a consonant i). */
export function headingKey(label: string): string {
  return expandAbbreviations(foldText(label).replace(/%/g, ' pct ')).replace(/\bpct\b/g, '%');
}

const has = (key: string, ...phrases: string[]): boolean => phrases.some((p) => ` ${key} `.includes(` ${p} `));

/**
 * The meaning of one heading, rules in this order (first match wins), on `headingKey`:
 * 1. `order`: "STT", "TT", "Số thứ tự"; 2. `code`: "Mã", "Mã số", "Mã chỉ tiêu", "Ký hiệu";
 * 3. `note`: "Ghi chú"; 4. `evidence`: "Tài liệu kiểm chứng", "Minh chứng", "Văn bản", "Căn cứ";
 * 5. `other`: "Đơn vị thực hiện", "Cơ quan chủ trì", "Thời gian", "Đánh giá", "Xếp loại";
 * 6. `text`: "Nội dung", "Tên chỉ tiêu", "Diễn giải", "Danh mục", "Nhiệm vụ", "Tiêu chí";
 * 7. `unitOfMeasure`: "Đơn vị tính", "ĐVT", "Đơn vị"; 8. `previous`: "Cùng kỳ", "Năm trước", "Kỳ trước";
 * 9. `target`: "Chỉ tiêu"/"Kế hoạch"/"Mục tiêu" with "%" or "Tỷ lệ";
 * 10. `total`: "Tổng số", "Số phải thực hiện", "Số tiếp nhận", "Phát sinh", "Thuộc thẩm quyền"
 *     (but "Tổng số đạt/đã thực hiện/hoàn thành" → `achieved`);
 * 11. `percent`: "Tỷ lệ", "Tỉ lệ", "%"; 12. `plan`: "Chỉ tiêu", "Kế hoạch", "Mục tiêu";
 * 13. `achieved`: "Kết quả", "Thực hiện", "Đạt", "Hoàn thành", "Lũy kế";
 * 14. `total` for a lone "Tổng"; `generic`: "Số lượng", "Số", "Số liệu", "Giá trị".
 * Anything else → null.
 */
export function labelMeaning(label: string): LabelMeaning {
  const key = headingKey(label);
  if (key === '') return null;
  if (/^(so )?(thu tu|tt)$/.test(key)) return 'order';
  if (/^(ma|ma so|ma chi tieu|ki hieu|ma ct)$/.test(key)) return 'code';
  if (has(key, 'ghi chu')) return 'note';
  if (has(key, 'kiem chung', 'minh chung', 'van ban', 'can cu', 'tai lieu kiem chung')) return 'evidence';
  if (has(key, 'don vi thuc hien', 'co quan', 'chu tri', 'phoi hop', 'thoi gian', 'thoi han', 'danh gia', 'xep loai')) return 'other';
  if (has(key, 'noi dung', 'ten chi tieu', 'dien giai', 'danh muc', 'nhiem vu', 'tieu chi', 'cac chi tieu')) return 'text';
  if (has(key, 'don vi tinh', 'don vi do') || key === 'don vi') return 'unitOfMeasure';
  if (has(key, 'cung ki', 'nam truoc', 'ki truoc')) return 'previous';
  const planWord = has(key, 'chi tieu', 'ke hoach', 'muc tieu');
  const percentWord = has(key, 'ti le', '%');
  if (planWord && percentWord && !has(key, 'thuc hien', 'ket qua', 'dat')) return 'target';
  if (has(key, 'phai thuc hien', 'can thuc hien', 'tiep nhan', 'phat sinh', 'thuoc tham quyen', 'tong so', 'tong cong')) {
    return has(key, 'dat', 'da thuc hien', 'hoan thanh', 'duoc') && !has(key, 'phai thuc hien', 'can thuc hien') ? 'achieved' : 'total';
  }
  if (percentWord) return 'percent';
  if (planWord) return 'plan';
  if (has(key, 'ket qua', 'thuc hien', 'dat', 'hoan thanh', 'luy ke')) return 'achieved';
  if (key === 'tong') return 'total';
  if (/^(so luong|so|so lieu|gia tri|con so)$/.test(key)) return 'generic';
  return null;
}

/**
 * The role of a column from its heading and, in a two-row header, its sub-heading:
 * - one row: the heading's meaning (`generic` → `achieved`: a lone "Số lượng" column holds the result);
 * - sub-heading `generic` or unknown → the heading's role;
 * - under a `plan` heading: sub-heading `percent` → `target`, `generic`/`total` ("Số lượng", "Tổng số")
 *   → `planned`, unknown ("Năm 2021") → `plan` (decided later by the values);
 * - otherwise the sub-heading's role (e.g. "Kết quả / Tỷ lệ" → `percent`, "Kết quả / Tổng số" → `total`).
 * Unknown both ways → `other`.
 */
export function columnRole(heading: string, subHeading?: string): ColumnRole {
  const top = labelMeaning(heading);
  if (subHeading === undefined || subHeading === '' || subHeading === heading) return top === 'generic' ? 'achieved' : (top ?? 'other');
  const sub = labelMeaning(subHeading);
  if (top === 'plan') {
    if (sub === 'percent' || sub === 'target') return 'target';
    if (sub === 'generic' || sub === 'total' || sub === 'planned') return 'planned';
    if (sub === null || sub === 'plan') return 'plan';
    return sub;
  }
  if (sub === 'generic' || sub === null) return top === 'generic' ? 'achieved' : (top ?? 'other');
  return sub;
}
