import type { UnitResult } from '../../consolidate/types.ts';
import { isScored, rankingOrder } from '../../workbooks/consolidated/ranking-sheet.ts';
import { body, heading } from '../../document/decree30.ts';
import { run } from '../../document/build.ts';
import type { ParagraphModel } from '../../document/model.ts';
import { formatDate } from '../../vocabulary/dates.ts';
import { REPORT_SECTIONS } from '../../vocabulary/documents.ts';
import { figureText, ratioText, scoreText } from '../../vocabulary/figures.ts';
import { targetText } from '../../vocabulary/basis.ts';
import { bodyInSentence } from '../../vocabulary/headings.ts';
import { cutoffText, periodName, planCitation } from '../../vocabulary/periods.ts';
import { NARRATIVE_LABELS } from '../../vocabulary/sheets.ts';
import { unitDisplayName } from '../../vocabulary/units.ts';
import { REPORTING_BODIES, SUBMISSION_STATUS_WORDS } from '../../vocabulary/words.ts';
import { attributedNarrative } from '../attributed.ts';
import { annexOfKey, seeAnnex, type ReportContext } from './context.ts';
import { cityFigureText, cityVerdict, verdictWord } from './figures.ts';

/** What the numbers show, shared by sections II–IV. */
interface Shortfalls {
  /** Targets the city did not meet: code and figure. */
  notMet: { code: string; text: string; units: string[] }[];
  missing: UnitResult[];
  unreadable: UnitResult[];
  late: UnitResult[];
  /** Top-level themes no unit covered: code and text. */
  uncovered: { code: string; text: string }[];
}

const names = (list: readonly UnitResult[]): string => list.map((u) => unitDisplayName(u)).join(', ');
const dash = (text: string): ParagraphModel => body(`- ${text}`);

function shortfalls(ctx: ReportContext): Shortfalls {
  const { plan, result, units } = ctx;
  const notMet = plan.indicators
    .filter((i) => cityVerdict(i, result.totals.indicators[i.code]) === 'notMet')
    .map((i) => {
      const ratio = result.totals.indicators[i.code]?.ratio ?? null;
      return {
        code: i.code,
        text: i.measure === 'count' || ratio === null ? i.code : `${i.code} (${ratioText(ratio)})`,
        units: units.filter((u) => u.submitted && u.indicators[i.code]?.status === 'notMet').map((u) => unitDisplayName(u)),
      };
    });
  const topThemes = plan.themes.filter((t) => t.parent === undefined);
  const counted = new Map(result.activityTotals.themes.map((t) => [t.code, t.count]));
  return {
    notMet,
    missing: units.filter((u) => u.status === 'missing'),
    unreadable: units.filter((u) => u.status === 'unreadable'),
    late: units.filter((u) => u.submitted && u.onTime === false),
    uncovered: topThemes.filter((t) => (counted.get(t.code) ?? 0) === 0).map((t) => ({ code: t.code, text: t.text.vi.normalize('NFC') })),
  };
}

/** The opening sentence: the plan carried out, the reports it rests on, the period. */
export function opening(ctx: ReportContext): ParagraphModel {
  const period = ctx.result.period;
  return body(
    `Thực hiện ${planCitation(ctx.plan.document)}, trên cơ sở báo cáo của ${REPORTING_BODIES} (${cutoffText(period, { inSentence: true })}), ${bodyInSentence(ctx.heading.issuingBody)} báo cáo kết quả ${periodName(period, { inSentence: true })} như sau:`,
  );
}

/** I. KẾT QUẢ THỰC HIỆN: submission, targets, themes and forms, what units name, scoring. */
export function resultsSection(ctx: ReportContext): ParagraphModel[] {
  const { plan, result, units } = ctx;
  const totals = result.totals;
  const short = shortfalls(ctx);
  const out: ParagraphModel[] = [heading(0, REPORT_SECTIONS.results)];

  out.push(heading(1, '1. Tình hình gửi báo cáo'));
  const share = (n: number): string => (totals.expected > 0 ? ` (${ratioText(n / totals.expected)})` : '');
  out.push(
    body(
      `Số đơn vị phải báo cáo: ${figureText(totals.expected)}; đã gửi báo cáo: ${figureText(totals.received)} đơn vị${share(totals.received)}, trong đó gửi đúng hạn: ${figureText(totals.onTime)} đơn vị${share(totals.onTime)} (hạn gửi báo cáo ${formatDate(result.period.deadline)}) ${seeAnnex('submission')}.`,
    ),
  );
  out.push(dash(`Chưa gửi báo cáo: ${short.missing.length === 0 ? 'không có' : names(short.missing)}.`));
  if (short.unreadable.length > 0) out.push(dash(`${SUBMISSION_STATUS_WORDS.unreadable} (tính là chưa gửi, cần gửi lại): ${names(short.unreadable)}.`));
  out.push(dash(`Gửi sau hạn: ${short.late.length === 0 ? 'không có' : names(short.late)}.`));

  out.push(heading(1, `2. Kết quả thực hiện các chỉ tiêu ${seeAnnex('targets')}`.replace(/\)$/, `; từng đơn vị tại ${annexOfKey('unitTargets')})`)));
  out.push(body([run('Tỷ lệ của thành phố tính bằng tổng kết quả thực hiện (tử số) chia tổng số phải thực hiện (mẫu số) của các đơn vị, không lấy trung bình cộng các tỷ lệ.', { italic: true })]));
  for (const indicator of plan.indicators) {
    const total = totals.indicators[indicator.code];
    const verdict = verdictWord(cityVerdict(indicator, total)).toLocaleLowerCase('vi');
    const units = total && total.unitsCounted > 0 ? `; ${figureText(total.unitsMet)}/${figureText(total.unitsCounted)} đơn vị đạt` : '';
    out.push(
      body([
        run('- '),
        run(`${indicator.code}`, { bold: true }),
        run(` – ${indicator.text.vi}: ${cityFigureText(indicator, total)}; chỉ tiêu kế hoạch: ${targetText(indicator).vi}; đánh giá: ${verdict}${units}.`),
      ]),
    );
  }

  const at = result.activityTotals;
  out.push(heading(1, `3. Nội dung, hình thức tuyên truyền ${seeAnnex('activities')}`));
  out.push(
    body(
      `Các cơ quan, đơn vị đã tổ chức ${figureText(at.total.count)} hoạt động tuyên truyền, tổng số lượng ${figureText(at.total.quantity)} (tin, bài, buổi phát thanh, hội nghị, tờ rơi…), với ${figureText(at.total.participants)} lượt người tham dự; theo hình thức:`,
    ),
  );
  const forms = new Map(plan.forms.map((f) => [f.code, f]));
  for (const tally of at.forms) {
    const form = forms.get(tally.code);
    if (!form || tally.count === 0) continue;
    const people = tally.participants > 0 ? `, ${figureText(tally.participants)} lượt người tham dự` : '';
    out.push(body(`${form.parent === undefined ? '-' : '+'} ${form.code} – ${form.text.vi}: ${figureText(tally.count)} hoạt động, số lượng ${figureText(tally.quantity)}${people}.`, form.parent === undefined ? {} : { indentLeft: 5 }));
  }
  const themes = new Map(plan.themes.map((t) => [t.code, t]));
  const covered = at.themes.filter((t) => themes.get(t.code)?.parent === undefined && t.count > 0).map((t) => `${t.code} (${figureText(t.count)} hoạt động)`);
  out.push(body(`Nội dung đã tuyên truyền: ${covered.length === 0 ? 'chưa có' : covered.join('; ')}.`));
  if (short.uncovered.length > 0) out.push(body(`Chưa đơn vị nào tuyên truyền nội dung: ${short.uncovered.map((t) => `${t.code} – ${t.text}`).join('; ')}.`));

  out.push(heading(1, `4. ${NARRATIVE_LABELS.highlights} của các đơn vị`));
  const highlights = attributedNarrative(units, 'highlights');
  out.push(...(highlights.length === 0 ? [body('Các đơn vị chưa nêu kết quả nổi bật trong báo cáo.')] : highlights));

  const primary = plan.profiles.find((p) => p.id === plan.primaryProfile);
  out.push(heading(1, `5. Chấm điểm, xếp loại các đơn vị ${seeAnnex('ranking')}`));
  if (primary) {
    const bands = [...primary.bands].sort((a, b) => b.min - a.min).map((b) => `${b.label.vi}: ${figureText(units.filter((u) => u.submitted && u.band?.vi === b.label.vi).length)}`);
    out.push(body(`Theo thang điểm ${figureText(primary.scale)}, số đơn vị theo xếp loại: ${bands.join('; ')}; chưa chấm điểm (chưa gửi báo cáo hoặc không đọc được): ${figureText(units.filter((u) => !u.submitted).length)}.`));
  }
  const ranked = rankingOrder(units).filter(isScored);
  const describe = (u: UnitResult & { score: number }): string => `${unitDisplayName(u)} (${scoreText(u.score)} điểm${u.band ? `, ${u.band.vi}` : ''})`;
  const leading = ranked.slice(0, 3);
  const lagging = ranked.slice(Math.max(leading.length, ranked.length - 3)).reverse();
  if (leading.length > 0) out.push(dash(`Các đơn vị dẫn đầu: ${leading.map(describe).join('; ')}.`));
  if (lagging.length > 0) out.push(dash(`Các đơn vị có điểm thấp nhất: ${lagging.map(describe).join('; ')}.`));
  return out;
}

/** II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN: what the numbers show, then the units' words. */
export function limitationsSection(ctx: ReportContext): ParagraphModel[] {
  const short = shortfalls(ctx);
  const out: ParagraphModel[] = [heading(0, REPORT_SECTIONS.limitations), heading(1, '1. Qua số liệu tổng hợp')];
  out.push(dash(`Chỉ tiêu chưa đạt ở cấp thành phố: ${short.notMet.length === 0 ? 'không có' : short.notMet.map((n) => n.text).join('; ')}.`));
  if (short.missing.length + short.unreadable.length > 0) out.push(dash(`Đơn vị chưa gửi báo cáo hoặc gửi tệp không đọc được: ${names([...short.missing, ...short.unreadable])}.`));
  if (short.late.length > 0) out.push(dash(`Đơn vị gửi báo cáo sau hạn: ${names(short.late)}.`));
  if (short.uncovered.length > 0) out.push(dash(`Nội dung chưa đơn vị nào tuyên truyền: ${short.uncovered.map((t) => t.code).join(', ')}.`));
  out.push(heading(1, `2. ${NARRATIVE_LABELS.limitations} do các đơn vị nêu`));
  const limitations = attributedNarrative(ctx.units, 'limitations');
  out.push(...(limitations.length === 0 ? [body('Các đơn vị chưa nêu tồn tại, hạn chế trong báo cáo.')] : limitations));
  out.push(heading(1, `3. ${NARRATIVE_LABELS.causes}`));
  const causes = attributedNarrative(ctx.units, 'causes');
  out.push(...(causes.length === 0 ? [body('Các đơn vị chưa nêu nguyên nhân trong báo cáo.')] : causes));
  return out;
}

/** III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI: from the numbers, then the units' own tasks. */
export function nextTasksSection(ctx: ReportContext): ParagraphModel[] {
  const short = shortfalls(ctx);
  const out: ParagraphModel[] = [heading(0, REPORT_SECTIONS.nextTasks)];
  if (short.notMet.length > 0) out.push(dash(`Tập trung chỉ đạo thực hiện các chỉ tiêu chưa đạt: ${short.notMet.map((n) => n.code).join(', ')}.`));
  if (short.missing.length + short.unreadable.length + short.late.length > 0) out.push(dash('Đôn đốc các đơn vị gửi báo cáo đầy đủ, đúng thời hạn và đúng biểu mẫu.'));
  if (short.uncovered.length > 0) out.push(dash(`Tăng cường tuyên truyền các nội dung chưa được thực hiện: ${short.uncovered.map((t) => `${t.code} – ${t.text}`).join('; ')}.`));
  out.push(dash(`Tiếp tục triển khai các nội dung, hình thức tuyên truyền theo ${ctx.plan.document.number === '' ? 'Kế hoạch' : `Kế hoạch số ${ctx.plan.document.number}`}.`));
  const tasks = attributedNarrative(ctx.units, 'nextTasks');
  if (tasks.length > 0) out.push(body(`${NARRATIVE_LABELS.nextTasks} do các đơn vị đề ra:`), ...tasks);
  return out;
}

/** IV. ĐỀ XUẤT, KIẾN NGHỊ: from the numbers, then the units' own proposals; the closing line. */
export function proposalsSection(ctx: ReportContext): ParagraphModel[] {
  const short = shortfalls(ctx);
  const out: ParagraphModel[] = [heading(0, REPORT_SECTIONS.proposals)];
  const slow = [...short.missing, ...short.unreadable, ...short.late];
  if (slow.length > 0) out.push(dash(`Đề nghị các đơn vị chưa gửi hoặc gửi chậm báo cáo (${names(slow)}) rút kinh nghiệm, gửi báo cáo đúng thời hạn các kỳ sau.`));
  for (const n of short.notMet.filter((x) => x.units.length > 0)) out.push(dash(`Đề nghị các đơn vị chưa đạt chỉ tiêu ${n.code} (${n.units.join(', ')}) có giải pháp khắc phục trong kỳ tới.`));
  const proposals = attributedNarrative(ctx.units, 'proposals');
  out.push(body(proposals.length === 0 ? 'Các đơn vị chưa có đề xuất, kiến nghị.' : `${NARRATIVE_LABELS.proposals} của các đơn vị:`), ...proposals);
  const period = ctx.result.period;
  out.push(body(`Trên đây là báo cáo kết quả ${periodName(period, { inSentence: true })} thực hiện ${planCitation(ctx.plan.document)} của ${bodyInSentence(ctx.heading.issuingBody)}./.`, { spaceBefore: 6 }));
  return out;
}
