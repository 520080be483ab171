/**
 * The legacy Vietnamese encodings still met in units' workbooks, as data: TCVN3 (fonts `.Vn…`)
 * and VNI-Windows (fonts `VNI-…`). In an .xlsx a legacy string is stored as the Windows-1252
 * (= ISO 8859-1 for 0xA0–0xFF) characters of its bytes, so each byte below is also the code point
 * of the character found in the file: TCVN3 `¸` (0xB8) is `á`, VNI `aù` (0x61 0xF9) is `á`.
 *
 * Sources (public):
 * - TCVN3 = VSCII-3 / TCVN 5712:1993 VN3, the table in "VSCII", Wikipedia
 *   (https://en.wikipedia.org/wiki/VSCII, section "Encodings", VSCII-3), which keeps ASCII and adds
 *   67 lower-case letters, 7 capitals without tone marks and the no-break space (0xA0, left to
 *   `normalizeText`). The same code points are what GNU libc's iconv converter `TCVN5712-1`
 *   (iconvdata/tcvn5712-1.c) gives for these bytes; VN1/VN2 positions that VN3 leaves unassigned
 *   (toned capitals at 0xAF, 0xBA, 0xBF, 0xC0–0xC5, 0xCD, 0xD9–0xDB, 0xE0, 0xF0, 0xFF) and the
 *   combining tone marks 0xB0–0xB4 are not part of TCVN3 and are left out. Toned capitals are
 *   written in TCVN3 with the lower-case codes and a capital font (`.VnTimeH`, `.VnArialH`…).
 * - VNI-Windows: the "VNI Encoding" table in "VNI", Wikipedia (https://en.wikipedia.org/wiki/VNI)
 *   and the charset table of the Vietnamese Unicode FAQs (https://vietunicode.sourceforge.net/charset/):
 *   a base letter followed by a mark byte (`ù` acute, `ø` grave, `û` hook, `õ` tilde, `ï` dot below;
 *   `â` circumflex and `á à å ã ä` circumflex + tone; `ê` breve and `é è ú ü ë` breve + tone;
 *   capitals take the capital mark bytes), single bytes for `ơ` (`ô`), `ư` (`ö`), `đ` (`ñ`), `ỵ`
 *   (`î`) and the toned `i` (`í ì æ ó ò`).
 * Both tables are checked in packages/core/test/legacy.test.ts.
 */

/** TCVN3 (VSCII-3): byte (= code point of the character stored in the file) → Unicode letter. 74 entries. */
export const TCVN3_TABLE: readonly (readonly [byte: number, unicode: string])[] = [
  [0xA1, 'Ă'], [0xA2, 'Â'], [0xA3, 'Ê'], [0xA4, 'Ô'], [0xA5, 'Ơ'], [0xA6, 'Ư'], [0xA7, 'Đ'], [0xA8, 'ă'],
  [0xA9, 'â'], [0xAA, 'ê'], [0xAB, 'ô'], [0xAC, 'ơ'], [0xAD, 'ư'], [0xAE, 'đ'], [0xB5, 'à'], [0xB6, 'ả'],
  [0xB7, 'ã'], [0xB8, 'á'], [0xB9, 'ạ'], [0xBB, 'ằ'], [0xBC, 'ẳ'], [0xBD, 'ẵ'], [0xBE, 'ắ'], [0xC6, 'ặ'],
  [0xC7, 'ầ'], [0xC8, 'ẩ'], [0xC9, 'ẫ'], [0xCA, 'ấ'], [0xCB, 'ậ'], [0xCC, 'è'], [0xCE, 'ẻ'], [0xCF, 'ẽ'],
  [0xD0, 'é'], [0xD1, 'ẹ'], [0xD2, 'ề'], [0xD3, 'ể'], [0xD4, 'ễ'], [0xD5, 'ế'], [0xD6, 'ệ'], [0xD7, 'ì'],
  [0xD8, 'ỉ'], [0xDC, 'ĩ'], [0xDD, 'í'], [0xDE, 'ị'], [0xDF, 'ò'], [0xE1, 'ỏ'], [0xE2, 'õ'], [0xE3, 'ó'],
  [0xE4, 'ọ'], [0xE5, 'ồ'], [0xE6, 'ổ'], [0xE7, 'ỗ'], [0xE8, 'ố'], [0xE9, 'ộ'], [0xEA, 'ờ'], [0xEB, 'ở'],
  [0xEC, 'ỡ'], [0xED, 'ớ'], [0xEE, 'ợ'], [0xEF, 'ù'], [0xF1, 'ủ'], [0xF2, 'ũ'], [0xF3, 'ú'], [0xF4, 'ụ'],
  [0xF5, 'ừ'], [0xF6, 'ử'], [0xF7, 'ữ'], [0xF8, 'ứ'], [0xF9, 'ự'], [0xFA, 'ỳ'], [0xFB, 'ỷ'], [0xFC, 'ỹ'],
  [0xFD, 'ý'], [0xFE, 'ỵ'],
];

/**
 * VNI-Windows: Unicode letter → its VNI spelling (one or two characters, each the code point of a
 * VNI byte). 134 entries: the 67 lower-case Vietnamese letters outside ASCII and their capitals.
 */
export const VNI_TABLE: readonly (readonly [unicode: string, vni: string])[] = [
  ['á', 'aù'], ['Á', 'AÙ'], ['à', 'aø'], ['À', 'AØ'], ['ả', 'aû'], ['Ả', 'AÛ'],
  ['ã', 'aõ'], ['Ã', 'AÕ'], ['ạ', 'aï'], ['Ạ', 'AÏ'], ['é', 'eù'], ['É', 'EÙ'],
  ['è', 'eø'], ['È', 'EØ'], ['ẻ', 'eû'], ['Ẻ', 'EÛ'], ['ẽ', 'eõ'], ['Ẽ', 'EÕ'],
  ['ẹ', 'eï'], ['Ẹ', 'EÏ'], ['ó', 'où'], ['Ó', 'OÙ'], ['ò', 'oø'], ['Ò', 'OØ'],
  ['ỏ', 'oû'], ['Ỏ', 'OÛ'], ['õ', 'oõ'], ['Õ', 'OÕ'], ['ọ', 'oï'], ['Ọ', 'OÏ'],
  ['ú', 'uù'], ['Ú', 'UÙ'], ['ù', 'uø'], ['Ù', 'UØ'], ['ủ', 'uû'], ['Ủ', 'UÛ'],
  ['ũ', 'uõ'], ['Ũ', 'UÕ'], ['ụ', 'uï'], ['Ụ', 'UÏ'], ['ý', 'yù'], ['Ý', 'YÙ'],
  ['ỳ', 'yø'], ['Ỳ', 'YØ'], ['ỷ', 'yû'], ['Ỷ', 'YÛ'], ['ỹ', 'yõ'], ['Ỹ', 'YÕ'],
  ['ỵ', 'î'], ['Ỵ', 'Î'], ['ă', 'aê'], ['Ă', 'AÊ'], ['ắ', 'aé'], ['Ắ', 'AÉ'],
  ['ằ', 'aè'], ['Ằ', 'AÈ'], ['ẳ', 'aú'], ['Ẳ', 'AÚ'], ['ẵ', 'aü'], ['Ẵ', 'AÜ'],
  ['ặ', 'aë'], ['Ặ', 'AË'], ['â', 'aâ'], ['Â', 'AÂ'], ['ấ', 'aá'], ['Ấ', 'AÁ'],
  ['ầ', 'aà'], ['Ầ', 'AÀ'], ['ẩ', 'aå'], ['Ẩ', 'AÅ'], ['ẫ', 'aã'], ['Ẫ', 'AÃ'],
  ['ậ', 'aä'], ['Ậ', 'AÄ'], ['ê', 'eâ'], ['Ê', 'EÂ'], ['ế', 'eá'], ['Ế', 'EÁ'],
  ['ề', 'eà'], ['Ề', 'EÀ'], ['ể', 'eå'], ['Ể', 'EÅ'], ['ễ', 'eã'], ['Ễ', 'EÃ'],
  ['ệ', 'eä'], ['Ệ', 'EÄ'], ['ô', 'oâ'], ['Ô', 'OÂ'], ['ố', 'oá'], ['Ố', 'OÁ'],
  ['ồ', 'oà'], ['Ồ', 'OÀ'], ['ổ', 'oå'], ['Ổ', 'OÅ'], ['ỗ', 'oã'], ['Ỗ', 'OÃ'],
  ['ộ', 'oä'], ['Ộ', 'OÄ'], ['ơ', 'ô'], ['Ơ', 'Ô'], ['ớ', 'ôù'], ['Ớ', 'ÔÙ'],
  ['ờ', 'ôø'], ['Ờ', 'ÔØ'], ['ở', 'ôû'], ['Ở', 'ÔÛ'], ['ỡ', 'ôõ'], ['Ỡ', 'ÔÕ'],
  ['ợ', 'ôï'], ['Ợ', 'ÔÏ'], ['ư', 'ö'], ['Ư', 'Ö'], ['ứ', 'öù'], ['Ứ', 'ÖÙ'],
  ['ừ', 'öø'], ['Ừ', 'ÖØ'], ['ử', 'öû'], ['Ử', 'ÖÛ'], ['ữ', 'öõ'], ['Ữ', 'ÖÕ'],
  ['ự', 'öï'], ['Ự', 'ÖÏ'], ['í', 'í'], ['Í', 'Í'], ['ì', 'ì'], ['Ì', 'Ì'],
  ['ỉ', 'æ'], ['Ỉ', 'Æ'], ['ĩ', 'ó'], ['Ĩ', 'Ó'], ['ị', 'ò'], ['Ị', 'Ò'],
  ['đ', 'ñ'], ['Đ', 'Ñ'],
];
