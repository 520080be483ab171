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
    signer: { onBehalf: '', authority: '', title: 'THỦ TRƯỞNG CƠ QUAN', name: '' },
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
    signer: { onBehalf: nfc(merged.signer.onBehalf), authority: nfc(merged.signer.authority), title: nfc(merged.signer.title), name: nfc(merged.signer.name) },
    recipients: merged.recipients.map(nfc),
  };
}

/**
 * The number line (Decree 30/2020/NĐ-CP, Appendix I): `Số: 12/BC-UBND`; a number below 10 takes
 * a leading zero (`7` → `Số: 07/BC-UBND`); without a number, `Số:` with room (eight no-break
 * spaces) for the clerk to write it when the document is registered.
 */
export function numberLine(number: string, symbol: string): string {
  const given = number.trim();
  const shown = given === '' ? '\u00a0'.repeat(8) : /^[1-9]$/.test(given) ? `0${given}` : given;
  return `Số: ${shown}/${symbol}`.normalize('NFC');
}

/** Names of councils and committees after which the name of the territory goes on a line of its own. */
const BODY_KINDS = ['ỦY BAN NHÂN DÂN', 'HỘI ĐỒNG NHÂN DÂN'];

/**
 * The issuing body's name as printed in the heading block, line by line, in capitals: a People's
 * Committee on two lines as Decree 30/2020/NĐ-CP writes it (`ỦY BAN NHÂN DÂN` / `THÀNH PHỐ HÀ
 * TĨNH`); a line break typed in the plan's `issuingBody` is kept; any other name on one line.
 */
export function issuingBodyLines(heading: Pick<ReportHeading, 'issuingBody'>): string[] {
  const lines: string[] = [];
  for (const raw of heading.issuingBody.normalize('NFC').split(/\r?\n/)) {
    const line = raw.trim().replace(/\s+/g, ' ').toLocaleUpperCase('vi');
    if (line === '') continue;
    const kind = BODY_KINDS.find((k) => line.startsWith(`${k} `));
    if (kind) lines.push(kind, line.slice(kind.length + 1));
    else lines.push(line);
  }
  return lines;
}

/**
 * The signature block's lines above the signature, in capitals (Decree 30/2020/NĐ-CP, Appendix
 * I): on behalf of the collective (`TM. ỦY BAN NHÂN DÂN`), signing for the head (`KT. CHỦ TỊCH`),
 * then the signer's title (`PHÓ CHỦ TỊCH`); empty lines left out.
 */
export function signatureLines(heading: Pick<ReportHeading, 'signer'>): string[] {
  const { onBehalf, authority, title } = heading.signer;
  return [onBehalf, authority, title].map((line) => line.trim().toLocaleUpperCase('vi').normalize('NFC')).filter((line) => line !== '');
}

/** True when a body's name is a People's Committee (`ỦY BAN NHÂN DÂN …`, `UBND …`). */
export function isPeoplesCommittee(name: string): boolean {
  return /^(uy ban nhan dan|ubnd)\b/.test(foldText(name.trim()));
}

/**
 * Whether a document symbol belongs to its issuer (Decree 30/2020/NĐ-CP, Appendix I: the symbol
 * names the body that issues): a symbol ending in `-UBND` is a People's Committee's, and a
 * People's Committee's symbol ends in `-UBND` (a Văn phòng does not issue `BC-UBND`). Other
 * bodies' abbreviations are not checked (our convention: they cannot be told from the name).
 */
export function symbolMatchesIssuer(symbol: string, issuingBody: string): boolean {
  const byCommittee = /-UBND$/i.test(symbol.trim());
  return byCommittee === isPeoplesCommittee(issuingBody);
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
