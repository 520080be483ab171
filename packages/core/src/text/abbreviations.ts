/**
 * The abbreviations of Vietnamese administrative writing (CCHC, TTHC, TTĐT, DVC, UBND, HĐND,
 * BPTN&TKQ, BĐVHX…) and their expansions, as data, with the expansion used before comparing
 * wordings. Everything here works on folded text (`foldText`: lower case, no diacritics, đ → d).
 */

import { foldText } from './fold.ts';

/**
 * Abbreviation (folded) → expansion (folded). Written forms with punctuation (`BPTN&TKQ`,
 * `VH-TT`, `CB,CC`, `P. Bắc Hà`) are listed in `PUNCTUATED` below. Two-letter column-heading
 * abbreviations (`KH`, `TH`, `KQ`, `SL`, `TL`, `ĐVT`) are included: they are how tables shorten
 * "kế hoạch", "thực hiện", "kết quả", "số lượng", "tỷ lệ", "đơn vị tính".
 */
const WRITTEN: readonly (readonly [string, string])[] = [
  ['cchc', 'cai cach hanh chinh'],
  ['tthc', 'thu tuc hanh chinh'],
  ['ttdt', 'thong tin dien tu'],
  ['dvc', 'dich vu cong'],
  ['dvctt', 'dich vu cong truc tuyen'],
  ['ubnd', 'uy ban nhan dan'],
  ['hdnd', 'hoi dong nhan dan'],
  ['bptnvtkq', 'bo phan tiep nhan va tra ket qua'],
  ['bptntkq', 'bo phan tiep nhan va tra ket qua'],
  ['bdvhx', 'buu dien van hoa xa'],
  ['bdvh', 'buu dien van hoa'],
  ['hcc', 'hanh chinh cong'],
  ['tthcc', 'trung tam hanh chinh cong'],
  ['vhtt', 'van hoa thong tin'],
  ['cbcc', 'can bo cong chuc'],
  ['cntt', 'cong nghe thong tin'],
  ['qlnn', 'quan ly nha nuoc'],
  ['pbgdpl', 'pho bien giao duc phap luat'],
  ['dn', 'doanh nghiep'],
  ['tw', 'trung uong'],
  ['website', 'trang thong tin dien tu'],
  ['tp', 'thanh pho'],
  ['dvt', 'don vi tinh'],
  ['stt', 'so thu tu'],
  ['kh', 'ke hoach'],
  ['th', 'thuc hien'],
  ['kq', 'ket qua'],
  ['sl', 'so luong'],
  ['tl', 'ty le'],
];

/** The expansions as `foldText` gives them (`ty le` → `ti le`), so they compare with folded cell text. */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map(WRITTEN.map(([short, long]) => [short, foldText(long)]));

/** Abbreviations written with punctuation or a trailing dot, matched on folded text before splitting into words. */
const PUNCTUATED: readonly (readonly [pattern: RegExp, expansion: string])[] = [
  [/\bbptn\s*(?:&|va|\+)\s*tkq\b/g, ' bo phan tiep nhan va tra ket qua '],
  [/\btn\s*(?:&|va|\+)\s*tkq\b/g, ' tiep nhan va tra ket qua '],
  [/\bvh\s*[-–&/]\s*tt\b/g, ' van hoa thong tin '],
  [/\bcb\s*[,\-/]\s*cc\b/g, ' can bo cong chuc '],
  [/\bdv\s*c\s*tt\b/g, ' dich vu cong truc tuyen '],
  [/(^|[^a-z0-9])p\.\s*/g, '$1 phuong '],
  [/(^|[^a-z0-9])x\.\s*/g, '$1 xa '],
  [/(^|[^a-z0-9])tp\.\s*/g, '$1 thanh pho '],
];

/**
 * Expands the abbreviations in a folded text and returns its words joined by single spaces,
 * punctuation dropped: `"ty le ho so tthc (%)"` → `"ty le ho so thu tuc hanh chinh"`,
 * `"ubnd p. bac ha"` → `"uy ban nhan dan phuong bac ha"`, `"tai bptn&tkq"` →
 * `"tai bo phan tiep nhan va tra ket qua"`. Input must already be folded (`foldText`).
 */
export function expandAbbreviations(folded: string): string {
  let text = folded;
  for (const [pattern, expansion] of PUNCTUATED) text = text.replace(pattern, expansion);
  return text
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => ABBREVIATIONS.get(w) ?? w)
    .join(' ');
}
