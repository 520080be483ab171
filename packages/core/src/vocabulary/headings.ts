import type { Plan, ReportHeading } from '../plan/schema.ts';
import type { Unit } from '../units/unit.ts';
import { foldText } from '../text/fold.ts';

/**
 * The heading and signature words of documents in the layout of Decree 30/2020/NĐ-CP
 * (Appendix I): national name and motto, the number line, the signature blocks. The city's own
 * words (issuing body, place, symbol, signer, recipients) come from the plan's `report` block.
 */

/** The national name, bold capitals, top right. */
export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
/** The motto under it, bold. */
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/**
 * The heading and signature of the city's documents: the plan's `report` block with `overrides`
 * applied, NFC; when the plan has none, the plan's issuer as issuing body and a generic signer
 * (our convention).
 */
export function reportHeading(plan: Pick<Plan, 'report' | 'document'>, overrides: Partial<ReportHeading> = {}): ReportHeading {
  const base: ReportHeading = plan.report ?? {
    parentBody: '',
    issuingBody: plan.document.issuer.normalize('NFC').toLocaleUpperCase('vi'),
    place: '',
    symbol: 'BC',
    signer: { authority: '', title: 'THỦ TRƯỞNG CƠ QUAN', name: '' },
    recipients: ['Lưu: VT.'],
  };
  const merged = { ...base, ...overrides, signer: { ...base.signer, ...(overrides.signer ?? {}) } };
  const nfc = (s: string): string => s.normalize('NFC');
  return {
    ...merged,
    parentBody: nfc(merged.parentBody),
    issuingBody: nfc(merged.issuingBody),
    place: nfc(merged.place),
    symbol: nfc(merged.symbol),
    signer: { authority: nfc(merged.signer.authority), title: nfc(merged.signer.title), name: nfc(merged.signer.name) },
    recipients: merged.recipients.map(nfc),
  };
}

/** The number line: `Số: 12/BC-UBND`, or `Số:` with room to write the number by hand. */
export function numberLine(number: string, symbol: string): string {
  return `Số: ${number.trim() === '' ? '\u00a0'.repeat(8) : number.trim()}/${symbol}`.normalize('NFC');
}

/** A Vietnamese syllable, diacritics folded: onset, vowels, a final consonant of those Vietnamese allows. */
const SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]+(?:ng|nh|ch|[cmnpt])?$/;

/** Territorial kinds after which the words are a place name (`thành phố Hà Tĩnh`). */
const PLACE_KINDS = ['tinh', 'thanh pho', 'huyen', 'quan', 'thi xa', 'thi tran', 'phuong', 'xa'];

function capitalised(word: string): string {
  const lower = word.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/**
 * A body's name as written inside a sentence, from the capitals of a heading:
 * `VĂN PHÒNG HĐND VÀ UBND` → `Văn phòng HĐND và UBND`, `UBND THÀNH PHỐ HÀ TĨNH` →
 * `UBND thành phố Hà Tĩnh`. The first word gets a capital, other Vietnamese words lower case,
 * words after a territorial kind (tỉnh, thành phố, phường, xã…) a capital each (a place name),
 * and words that are no Vietnamese syllable (abbreviations such as HĐND, UBND) stay in
 * capitals (our convention).
 */
export function bodyInSentence(heading: string): string {
  const words = heading.normalize('NFC').trim().split(/\s+/);
  const folded = words.map((w) => foldText(w).replace(/[^a-z]/g, ''));
  let place = false;
  return words
    .map((word, i) => {
      const f = folded[i] ?? '';
      if (f !== '' && !SYLLABLE.test(f)) return word;
      const out = i === 0 || place ? capitalised(word) : word.toLocaleLowerCase('vi');
      const two = i > 0 ? `${folded[i - 1] ?? ''} ${f}` : '';
      const single = PLACE_KINDS.includes(f) && `${f} ${folded[i + 1] ?? ''}` !== 'thi xa' && two !== 'co quan';
      if (!place && (PLACE_KINDS.includes(two) || single)) place = true;
      return out;
    })
    .join(' ')
    .normalize('NFC');
}

/** The office reports are sent back to (the feedback's closing line), from the plan's `report` block. */
export function returnOffice(heading: Pick<ReportHeading, 'issuingBody'>): string {
  return bodyInSentence(heading.issuingBody);
}

/**
 * The signature block of a unit's own report (Decree 30/2020/NĐ-CP, Appendix I): a ward or
 * commune signs on behalf of its People's Committee, `TM. ỦY BAN NHÂN DÂN` then `CHỦ TỊCH`; an
 * agency `THỦ TRƯỞNG ĐƠN VỊ`.
 */
export function unitSignature(unit: Pick<Unit, 'kind'>): readonly string[] {
  return unit.kind === 'agency' ? ['THỦ TRƯỞNG ĐƠN VỊ'] : ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'];
}
