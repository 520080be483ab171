import type { UnitResult } from '../../consolidate/types.ts';
import { dataTable, type DataCell, type DataColumn } from '../../document/decree30.ts';
import { paragraph } from '../../document/build.ts';
import type { BlockModel, SectionModel } from '../../document/model.ts';
import type { IndicatorResult } from '../../validate/types.ts';
import { isScored, rankingOrder } from '../../workbooks/consolidated/ranking-sheet.ts';
import { formatDate } from '../../vocabulary/dates.ts';
import { ANNEX_TITLES, annexOf } from '../../vocabulary/documents.ts';
import { figureText, ratioText, scoreText } from '../../vocabulary/figures.ts';
import { targetText } from '../../vocabulary/basis.ts';
import { bodyInSentence, numberLine } from '../../vocabulary/headings.ts';
import { HEADERS } from '../../vocabulary/sheets.ts';
import { unitDisplayName } from '../../vocabulary/units.ts';
import { NO, SUBMISSION_STATUS_WORDS, UNKNOWN_MARK, YES } from '../../vocabulary/words.ts';
import { ANNEX_WIDTH, annexNote, annexSection } from '../annex.ts';
import { activityTallyTable } from '../activity-tables.ts';
import { annexOfKey, type AnnexKey, type ReportContext } from './context.ts';
import { cityVerdict, figureOrDash, ratioOrDash, verdictWord } from './figures.ts';

/** Columns whose widths are given, the first with `null` taking what the page has left. */
function fit(columns: Array<Omit<DataColumn, 'width'> & { width: number | null }>): DataColumn[] {
  const fixed = columns.reduce((s, c) => s + (c.width ?? 0), 0);
  return columns.map((c) => ({ ...c, width: c.width ?? ANNEX_WIDTH - fixed }));
}

/** `(Kèm theo Báo cáo số 07/BC-UBND ngày 05/01/2021 của Ủy ban nhân dân thành phố Hà Tĩnh)`. */
function ofReport(ctx: ReportContext): string {
  const number = numberLine(ctx.number, ctx.heading.symbol).replace(/^Số:\s/, '');
  return annexOf(number, `ngày ${formatDate(ctx.date)}`, bodyInSentence(ctx.heading.issuingBody));
}

/** Annex I: each target with the plan's target, the city's Σ numerator, Σ denominator, ratio, units met and verdict. */
function targetsAnnex(ctx: ReportContext): BlockModel[] {
  const columns = fit([
    { header: 'STT', width: 13, align: 'center' },
    { header: 'Mã', width: 15, align: 'center' },
    { header: 'Chỉ tiêu', width: null },
    { header: 'Chỉ tiêu kế hoạch', width: 28, align: 'center' },
    { header: 'Kết quả thực hiện (Σ tử số)', width: 25, align: 'right' },
    { header: 'Tổng số phải thực hiện (Σ mẫu số)', width: 25, align: 'right' },
    { header: 'Tỷ lệ', width: 20, align: 'right' },
    { header: 'Số đơn vị đạt / được tính', width: 22, align: 'center' },
    { header: 'Đánh giá', width: 24, align: 'center' },
  ]);
  const rows = ctx.plan.indicators.map((indicator, i): DataCell[] => {
    const total = ctx.result.totals.indicators[indicator.code];
    const count = indicator.measure === 'count';
    return [
      String(i + 1),
      indicator.code,
      `${indicator.text.vi} (${indicator.unitOfMeasure})`,
      targetText(indicator).vi,
      figureOrDash(count ? (total?.value ?? null) : (total?.numerator ?? null)),
      count ? '—' : figureOrDash(total?.denominator ?? null),
      count ? '—' : ratioOrDash(total?.ratio ?? null),
      total && total.unitsCounted > 0 ? `${figureText(total.unitsMet)}/${figureText(total.unitsCounted)}` : '—',
      verdictWord(cityVerdict(indicator, total)),
    ];
  });
  return [
    dataTable(columns, rows),
    annexNote(
      'Tỷ lệ = Σ tử số ÷ Σ mẫu số của các đơn vị được tính (không lấy trung bình các tỷ lệ); chỉ tiêu Có/Không: tử số = số đơn vị đạt (trả lời "Có", kèm tài liệu kiểm chứng khi được yêu cầu), mẫu số = số đơn vị trả lời; chỉ tiêu số lượng: cột (Σ tử số) là tổng số lượng.',
    ),
  ];
}

/** A unit's figure on one target in a cell: ratio, count or Có/Không; `–` not applicable; blank missing; `*` when not met. */
function unitFigure(result: IndicatorResult | undefined, measure: string): string {
  if (!result || result.status === 'missing') return '';
  if (result.status === 'notApplicable') return '–';
  if (result.status === 'invalid') return 'Lỗi';
  const mark = result.status === 'notMet' ? '*' : '';
  if (measure === 'boolean') return `${result.value === true ? YES : result.value === false ? NO : ''}${mark}`;
  if (measure === 'count') return typeof result.value === 'number' ? `${figureText(result.value)}${mark}` : '';
  return result.ratio === null ? '' : `${ratioText(result.ratio)}${mark}`;
}

/** Annex II: each unit's figure on each target, its score and band. */
function unitTargetsAnnex(ctx: ReportContext): BlockModel[] {
  const indicators = ctx.plan.indicators;
  const per = Math.min(20, Math.floor((ANNEX_WIDTH - 12 - 38 - 16 - 22) / Math.max(1, indicators.length)));
  const columns = fit([
    { header: 'STT', width: 12, align: 'center' },
    { header: 'Đơn vị', width: null },
    ...indicators.map((i): DataColumn => ({ header: i.code, width: per, align: 'right' })),
    { header: 'Điểm', width: 16, align: 'right' },
    { header: 'Xếp loại', width: 22, align: 'center' },
  ]);
  const rows = ctx.units.map((u, k): DataCell[] => [
    String(k + 1),
    unitDisplayName(u),
    ...indicators.map((i) => unitFigure(u.submitted ? u.indicators[i.code] : undefined, i.measure)),
    u.score === null ? '' : scoreText(u.score),
    u.submitted ? (u.band?.vi ?? '') : SUBMISSION_STATUS_WORDS[u.status],
  ]);
  return [
    dataTable(columns, rows, 10),
    annexNote('Tỷ lệ (%) với chỉ tiêu tỷ lệ và so sánh; số lượng với chỉ tiêu đếm; Có/Không với chỉ tiêu Có/Không. (*) chưa đạt chỉ tiêu; (–) không áp dụng đối với đơn vị; ô trống: chưa có số liệu; Lỗi: số liệu có lỗi, không được tính.'),
  ];
}

/** Annex III: units by score (rank, score of every profile, band), then those not scored. */
function rankingAnnex(ctx: ReportContext): BlockModel[] {
  const primary = ctx.plan.profiles.find((p) => p.id === ctx.plan.primaryProfile);
  const others = ctx.plan.profiles.filter((p) => p !== primary);
  const columns = fit([
    { header: 'Thứ hạng', width: 20, align: 'center' },
    { header: 'Đơn vị', width: null },
    { header: primary ? `Điểm (thang ${figureText(primary.scale)})` : 'Điểm', width: 30, align: 'right' },
    { header: 'Xếp loại', width: 30, align: 'center' },
    ...others.map((p): DataColumn => ({ header: `${p.name.vi}`, width: 45, align: 'right' })),
  ]);
  const rows = rankingOrder(ctx.units).map((u): DataCell[] => [
    isScored(u) && u.rank !== null ? String(u.rank) : UNKNOWN_MARK,
    unitDisplayName(u),
    u.score === null ? UNKNOWN_MARK : scoreText(u.score),
    u.submitted ? (u.band?.vi ?? '') : SUBMISSION_STATUS_WORDS[u.status],
    ...others.map((p) => {
      const s = u.scores[p.id];
      return s ? `${scoreText(s.score)}/${figureText(s.scale)}` : UNKNOWN_MARK;
    }),
  ]);
  return [dataTable(columns, rows)];
}

/** Annex IV: each unit's submission: status, dates, deadline, on time. */
function submissionAnnex(ctx: ReportContext): BlockModel[] {
  const deadline = formatDate(ctx.result.period.deadline);
  const columns = fit([
    { header: 'STT', width: 12, align: 'center' },
    { header: 'Mã đơn vị', width: 22, align: 'center' },
    { header: 'Đơn vị', width: null },
    { header: 'Tình trạng', width: 44, align: 'center' },
    { header: 'Ngày báo cáo', width: 26, align: 'center' },
    { header: 'Ngày nhận', width: 26, align: 'center' },
    { header: 'Hạn gửi', width: 26, align: 'center' },
    { header: 'Đúng hạn', width: 22, align: 'center' },
  ]);
  const rows = ctx.units.map((u: UnitResult, k): DataCell[] => [
    String(k + 1),
    u.code,
    unitDisplayName(u),
    SUBMISSION_STATUS_WORDS[u.status],
    u.submittedOn ? formatDate(u.submittedOn) : '',
    u.receivedOn ? formatDate(u.receivedOn) : '',
    deadline,
    u.onTime === null ? (u.submitted ? UNKNOWN_MARK : '') : u.onTime ? YES : NO,
  ]);
  return [dataTable(columns, rows), annexNote('Đúng hạn: gửi trước hoặc đúng ngày hạn gửi báo cáo (ngày nhận theo sổ theo dõi, nếu có; nếu không, ngày ghi trên báo cáo).')];
}

/** Annex V: activities by theme × form (top-level codes) with totals, then the activity totals by form and by unit. */
function activitiesAnnex(ctx: ReportContext): BlockModel[] {
  const { plan, result } = ctx;
  const { themes, forms, counts } = result.activities;
  const themeText = new Map(plan.themes.map((t) => [t.code, t.text.vi]));
  const formText = new Map(plan.forms.map((f) => [f.code, f.text.vi]));
  const per = Math.min(18, Math.floor((ANNEX_WIDTH - 16 - 90 - 18) / Math.max(1, forms.length)));
  const columns = fit([
    { header: HEADERS.activitiesCode, width: 16, align: 'center' },
    { header: HEADERS.activitiesCorner, width: null },
    ...forms.map((code): DataColumn => ({ header: code, width: per, align: 'right' })),
    { header: HEADERS.total, width: 18, align: 'right' },
  ]);
  const count = (i: number, j: number): number => counts[i]?.[j] ?? 0;
  const rows: DataCell[][] = themes.map((code, i) => [code, themeText.get(code) ?? code, ...forms.map((_, j) => figureText(count(i, j))), figureText(forms.reduce((s, _, j) => s + count(i, j), 0))]);
  const columnSums = forms.map((_, j) => themes.reduce((s, __, i) => s + count(i, j), 0));
  rows.push([{ text: HEADERS.total, bold: true, span: 2, align: 'center' }, ...columnSums.map((n) => ({ text: figureText(n), bold: true })), { text: figureText(columnSums.reduce((s, n) => s + n, 0)), bold: true }]);
  const legend = forms.map((code) => `${code} – ${formText.get(code) ?? code}`).join('; ');
  const units = new Map(result.units.map((u) => [u.code, u]));
  const tallies = new Map(result.activityTotals.units.map((t) => [t.code, t]));
  return [
    dataTable(columns, rows),
    annexNote(`Số hoạt động theo nội dung (dòng) và hình thức (cột); một hoạt động có hai nội dung được đếm ở cả hai dòng. ${legend}.`),
    paragraph([], { spaceAfter: 6 }),
    activityTallyTable(
      HEADERS.activityForm,
      result.activityTotals.forms.map((t) => {
        const form = plan.forms.find((f) => f.code === t.code);
        return { code: t.code, name: form?.text.vi ?? t.code, sub: form?.parent !== undefined, tally: t };
      }),
      ANNEX_WIDTH,
    ),
    annexNote('Số lượng: số tin, bài, buổi phát thanh, hội nghị, tờ rơi… như đơn vị ghi; hình thức cấp trên gồm cả các hình thức con của nó.'),
    paragraph([], { spaceAfter: 6 }),
    activityTallyTable(
      HEADERS.activityUnit,
      ctx.units.map((u) => ({ code: u.code, name: unitDisplayName(units.get(u.code) ?? u), sub: false, tally: tallies.get(u.code) ?? { code: u.code, count: 0, quantity: 0, participants: 0 } })),
      ANNEX_WIDTH,
      result.activityTotals.total,
    ),
  ];
}

const BUILDERS: Record<AnnexKey, { title: string; blocks: (ctx: ReportContext) => BlockModel[] }> = {
  targets: { title: ANNEX_TITLES.targets, blocks: targetsAnnex },
  unitTargets: { title: ANNEX_TITLES.unitTargets, blocks: unitTargetsAnnex },
  ranking: { title: ANNEX_TITLES.ranking, blocks: rankingAnnex },
  submission: { title: ANNEX_TITLES.submission, blocks: submissionAnnex },
  activities: { title: ANNEX_TITLES.activities, blocks: activitiesAnnex },
};

/** The annex sections of the city report, in `ANNEXES` order. */
export function annexSections(ctx: ReportContext, keys: readonly AnnexKey[]): SectionModel[] {
  return keys.map((key) => annexSection(annexOfKey(key), BUILDERS[key].title, ofReport(ctx), BUILDERS[key].blocks(ctx)));
}
