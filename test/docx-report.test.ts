/**
 * The city's Word report as written: its XML read back and checked against Decree 30/2020/NĐ-CP
 * (page, margins, font, heading block, number and date lines), the consolidation's JSON (annex
 * I's figures), its structure (sections I–IV, the annexes' tables) and determinism.
 */
import { describe, expect, it } from 'vitest';
import { toJson, figureText, ratioText, type IndicatorTotalJson } from '@cchc-kpi/core';
import { renderDocx, twips, writeConsolidatedReport } from '@cchc-kpi/docx';
import { docxParts, paragraphs, sections, tables, textOf } from './support/docx-xml.ts';
import { TRAN_PHU_NARRATIVE, plan, smallConsolidation } from './support/docx-fixtures.ts';
import { buildConsolidatedReport } from '@cchc-kpi/core';

const result = smallConsolidation();
const bytes = await writeConsolidatedReport(result, plan, { reportNumber: '7', reportDate: '2021-01-05' });
const parts = docxParts(bytes);
const document = parts['word/document.xml'] ?? '';
const texts = paragraphs(document).map(textOf);
const parts_ = sections(document);

describe('the page, the margins and the font (Decree 30/2020/NĐ-CP)', () => {
  it('puts the body on A4 portrait with margins top and bottom 20 mm, left 30 mm, right 15 mm', () => {
    const first = parts_[0]!.sectPr;
    expect(first).toMatch(new RegExp(`<w:pgSz w:w="${twips(210)}" w:h="${twips(297)}" w:orient="portrait"/>`));
    expect(first).toMatch(new RegExp(`<w:pgMar w:top="${twips(20)}" w:right="${twips(15)}" w:bottom="${twips(20)}" w:left="${twips(30)}"`));
    expect([twips(20), twips(30), twips(15)]).toEqual([1134, 1701, 850]);
  });

  it('puts every annex in a landscape A4 section with the same margins', () => {
    expect(parts_).toHaveLength(6);
    for (const s of parts_.slice(1)) {
      expect(s.sectPr).toMatch(new RegExp(`<w:pgSz w:w="${twips(297)}" w:h="${twips(210)}" w:orient="landscape"/>`));
      expect(s.sectPr).toContain(`w:left="${twips(30)}"`);
    }
  });

  it('writes every run in Times New Roman, 14 pt by default, and names no other font', () => {
    expect(parts['word/styles.xml']).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/><w:sz w:val="28"\/>/);
    const fonts = new Set([...document.matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
    for (const name of ['word/header1.xml', 'word/header2.xml']) if (parts[name]) expect(parts[name]).not.toMatch(/w:ascii="(?!Times New Roman)/);
  });

  it('justifies the body at 14 pt with a 1 cm first-line indent, 6 pt after, lines 1.15 apart', () => {
    const opening = paragraphs(document).find((p) => textOf(p).startsWith('Thực hiện Kế hoạch số 163/KH-UBND'))!;
    expect(opening).toContain('<w:jc w:val="both"/>');
    expect(opening).toContain(`<w:ind w:firstLine="${twips(10)}"/>`);
    const spacing = /<w:spacing [^>]*\/>/.exec(opening)?.[0] ?? '';
    for (const attribute of ['w:after="120"', 'w:line="276"', 'w:lineRule="auto"']) expect(spacing).toContain(attribute);
    expect(opening).not.toMatch(/<w:sz w:val="(?!28")/);
  });

  it('numbers the pages at the top centre from page 2 with a PAGE field, and has no other field', () => {
    const first = parts_[0]!.sectPr;
    expect(first).toContain('<w:titlePg/>');
    const headerIds = [...first.matchAll(/<w:headerReference w:type="(default|first)" r:id="(rId\d+)"\/>/g)].map((m) => [m[1], m[2]]);
    expect(headerIds.map(([type]) => type).sort()).toEqual(['default', 'first']);
    const rels = parts['word/_rels/document.xml.rels'] ?? '';
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
    const header = (type: string) => parts[`word/${target(headerIds.find(([t]) => t === type)![1]!)}`] ?? '';
    expect(header('default')).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    expect(header('default')).toContain('<w:jc w:val="center"/>');
    expect(header('first')).not.toContain('instrText');
    const instructions = Object.values(parts).flatMap((xml) => [...xml.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>|<w:fldSimple w:instr="([^"]*)"/g)].map((m) => (m[1] ?? m[2] ?? '').trim()));
    expect(new Set(instructions)).toEqual(new Set(['PAGE']));
    expect(document).not.toMatch(/<w:fldChar|<w:fldSimple|<w:instrText/);
  });
});

describe('the heading block', () => {
  const block = tables(document)[0]!;

  it("has the People's Committee on two bold lines, the national name and the motto, each with its rule", () => {
    expect(block[0]![0]).toBe('ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ TĨNH\n');
    expect(block[0]![1]).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n');
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(document)![0];
    expect(paragraphs(table).filter((p) => p.includes('<w:pBdr><w:bottom '))).toHaveLength(2);
    for (const line of ['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HÀ TĨNH', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']) {
      expect(paragraphs(table).find((p) => textOf(p) === line)).toContain('<w:b/>');
    }
  });

  it('has the number line and the place-and-date line in italics, the draft mark, BÁO CÁO and its summary line', () => {
    expect(block[1]).toEqual(['Số: 07/BC-UBND', 'Hà Tĩnh, ngày 05 tháng 01 năm 2021']);
    expect(paragraphs(document).find((p) => textOf(p) === 'Hà Tĩnh, ngày 05 tháng 01 năm 2021')).toContain('<w:i/>');
    expect(texts[0]).toBe('DỰ THẢO');
    expect(texts).toContain('BÁO CÁO');
    expect(texts).toContain('Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính thành phố Hà Tĩnh 6 tháng đầu năm 2021');
  });

  it.each([
    [{ reportNumber: '7', reportDate: '2021-01-05' }, 'Số: 07/BC-UBND', 'Hà Tĩnh, ngày 05 tháng 01 năm 2021'],
    [{ reportNumber: '12', reportDate: '2021-02-28' }, 'Số: 12/BC-UBND', 'Hà Tĩnh, ngày 28 tháng 02 năm 2021'],
    [{ reportNumber: '135', reportDate: '2021-07-09' }, 'Số: 135/BC-UBND', 'Hà Tĩnh, ngày 09 tháng 7 năm 2021'],
    [{ reportDate: '2021-12-20' }, 'Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND', 'Hà Tĩnh, ngày 20 tháng 12 năm 2021'],
    [{}, 'Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND', 'Hà Tĩnh, ngày 20 tháng 6 năm 2021'],
  ])('%o → %s, %s', async (options, numberText, dateText) => {
    const xml = docxParts(await writeConsolidatedReport(result, plan, options))['word/document.xml'] ?? '';
    expect(tables(xml)[0]![1]).toEqual([numberText, dateText]);
  });

  it('signs TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH, with Nơi nhận: … Lưu: VT, NV.', () => {
    const signature = tables(parts_[0]!.xml).at(-1)!;
    expect(signature[0]![0]!.split('\n')[0]).toBe('Nơi nhận:');
    expect(signature[0]![0]!.split('\n').at(-1)).toBe('- Lưu: VT, NV.');
    expect(signature[0]![1]!.split('\n').slice(0, 3)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
  });
});

describe('the body', () => {
  it('has the four sections in order, bold, and refers to the annexes by number', () => {
    const headings = ['I. KẾT QUẢ THỰC HIỆN', 'II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN', 'III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI', 'IV. ĐỀ XUẤT, KIẾN NGHỊ'];
    const at = headings.map((h) => texts.indexOf(h));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const h of headings) expect(paragraphs(document).find((p) => textOf(p) === h)).toContain('<w:b/>');
    const body = paragraphs(parts_[0]!.xml).map(textOf).join('\n');
    for (const n of ['I', 'II', 'III', 'IV', 'V']) expect(body, n).toMatch(new RegExp(`\\(chi tiết tại (?:[^)]*; )?[^)]*Phụ lục ${n}\\)|\\(chi tiết tại Phụ lục ${n}[;)]`));
  });

  it("brings Trần Phú's narrative in, attributed to the ward, NFC, line by line, nothing cut", () => {
    const from = (start: string): string[] => {
      const i = texts.findIndex((t) => t.startsWith(start));
      return i < 0 ? [] : texts.slice(i, i + 40);
    };
    expect(from('- Phường Trần Phú: Duy trì').slice(0, 2)).toEqual([
      '- Phường Trần Phú: Duy trì chuyên mục CCHC trên đài truyền thanh phường hằng tuần.',
      'Hướng dẫn 85 lượt người dân nộp hồ sơ trực tuyến mức độ 3, 4.',
    ]);
    expect(texts).toContain(`- Phường Trần Phú: ${TRAN_PHU_NARRATIVE.limitations!.normalize('NFC')}`);
    const tasks = TRAN_PHU_NARRATIVE.nextTasks!.split('\n');
    expect(from(`- Phường Trần Phú: ${tasks[0]}`).slice(0, tasks.length)).toEqual([`- Phường Trần Phú: ${tasks[0]}`, ...tasks.slice(1)]);
    expect(texts.join('\n')).toBe(texts.join('\n').normalize('NFC'));
  });
});

describe('the annexes', () => {
  const json = toJson(result);
  const annex = (i: number) => ({ texts: paragraphs(parts_[i]!.xml).map(textOf), tables: tables(parts_[i]!.xml) });

  it('names each annex Phụ lục I–V with its title and the report it goes with', () => {
    for (const [i, n] of ['I', 'II', 'III', 'IV', 'V'].entries()) {
      expect(annex(i + 1).texts[0]).toBe(`Phụ lục ${n}`);
      expect(annex(i + 1).texts[2]).toBe('(Kèm theo Báo cáo số 07/BC-UBND ngày 05/01/2021 của Ủy ban nhân dân thành phố Hà Tĩnh)');
    }
  });

  it('gives each annex its table with one row per entry and a header row repeated on every page', () => {
    const rows = (i: number) => annex(i).tables.map((t) => t.length);
    expect(rows(1)).toEqual([1 + plan.indicators.length]);
    // one row per expected unit: the 15 wards and communes and the two city centres
    expect(json.units).toHaveLength(17);
    expect(rows(2)).toEqual([1 + 17]);
    expect(rows(3)).toEqual([1 + 17]);
    expect(rows(4)).toEqual([1 + 17]);
    expect(rows(5)).toEqual([1 + json.activities.themes.length + 1, 1 + plan.forms.length, 1 + 17 + 1]);
    expect(parts_[1]!.xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
  });

  it("lists in annex I every target with the city's Σ numerator, Σ denominator and ratio, as the JSON has them", () => {
    const table = annex(1).tables[0]!;
    expect(table[0]).toEqual(['STT', 'Mã', 'Chỉ tiêu', 'Chỉ tiêu kế hoạch', 'Kết quả thực hiện (Σ tử số)', 'Tổng số phải thực hiện (Σ mẫu số)', 'Tỷ lệ', 'Số đơn vị đạt / được tính', 'Đánh giá']);
    for (const indicator of plan.indicators) {
      const row = table.find((r) => r[1] === indicator.code)!;
      const total = json.totals.indicators[indicator.code] as IndicatorTotalJson;
      const shown = (n: number | null) => (n === null ? '—' : figureText(n));
      if (indicator.measure === 'count') expect(row[4], indicator.code).toBe(shown(total.value));
      else {
        expect([row[4], row[5], row[6]], indicator.code).toEqual([shown(total.numerator), shown(total.denominator), total.ratio === null ? '—' : ratioText(total.ratio)]);
      }
    }
    // worked by hand: CT3a = (1200 + 1299 + 1398) / (1200 + 1300 + 1400)
    expect(table.find((r) => r[1] === 'CT3a')?.slice(4, 9)).toEqual(['3.897', '3.900', '99,92%', '1/3', 'Chưa đạt']);
  });

  it('sums the activities by form in annex V', () => {
    const byForm = annex(5).tables[1]!;
    expect(byForm.find((r) => r[0] === 'HT1')).toEqual(['HT1', 'Qua các loại hình thông tin, truyền thông', '3', '36', '0']);
    expect(byForm.find((r) => r[0] === 'HT3')?.slice(2)).toEqual(['3', '3', '183']);
    expect(annex(5).tables[2]!.at(-1)).toEqual(['Tổng cộng', '6', '39', '183']);
  });
});

describe('determinism', () => {
  it('gives byte-identical files for the same inputs, with the report date in the properties, not the clock', async () => {
    const again = await writeConsolidatedReport(result, plan, { reportNumber: '7', reportDate: '2021-01-05' });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect(parts['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2021-01-05T00:00:00Z</dcterms:created>');
    expect(parts['docProps/core.xml']).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2021-01-05T00:00:00Z</dcterms:modified>');
    const model = buildConsolidatedReport(result, plan, { reportNumber: '7', reportDate: '2021-01-05' });
    expect(Buffer.from(await renderDocx(model)).equals(Buffer.from(bytes))).toBe(true);
  });
});
