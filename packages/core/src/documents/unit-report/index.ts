import { tallyActivities } from '../../consolidate/activity-totals.ts';
import { a4, body, DECREE30, dataTable, heading, headingBlock, signatureBlock, textWidth, titleBlock, type DataCell } from '../../document/decree30.ts';
import { paragraph, run } from '../../document/build.ts';
import type { BlockModel, DocumentModel, ParagraphModel, SectionModel } from '../../document/model.ts';
import { indicatorAppliesTo } from '../../plan/applies.ts';
import type { Indicator, Plan, ReportHeading } from '../../plan/schema.ts';
import type { Period } from '../../period/types.ts';
import { emptyNarrative, type Narrative } from '../../report/model.ts';
import type { Unit } from '../../units/unit.ts';
import type { CheckedReport, IndicatorResult } from '../../validate/types.ts';
import { formatDate, isoDateParts } from '../../vocabulary/dates.ts';
import { ANNEX_TITLES, annexName, annexOf, REPORT_SECTIONS, REPORT_TYPE, reportSummaryLine } from '../../vocabulary/documents.ts';
import { figureText, ratioText } from '../../vocabulary/figures.ts';
import { targetText } from '../../vocabulary/basis.ts';
import { bodyInSentence, numberLine, reportHeading, unitSignature } from '../../vocabulary/headings.ts';
import { cutoffText, periodName, planCitation } from '../../vocabulary/periods.ts';
import { HEADERS, NARRATIVE_LABELS } from '../../vocabulary/sheets.ts';
import { unitAddressee, unitIssuingBody } from '../../vocabulary/units.ts';
import { NO, STATUS_WORDS, YES } from '../../vocabulary/words.ts';
import { ANNEX_WIDTH, annexNote, annexSection } from '../annex.ts';
import { activityTallyTable } from '../activity-tables.ts';

/** Options of {@link buildUnitReport}. */
export interface UnitReportOptions {
  /** ISO date of the place-and-date line. Default: the date on the form, else the period's deadline. */
  reportDate?: string;
  /** The number after `Số:`. Default: blank for the clerk. */
  reportNumber?: string;
  /** Print `DỰ THẢO` above the heading (default true). */
  draft?: boolean;
}

/**
 * The heading of a unit's own report (Decree 30/2020/NĐ-CP): a ward or commune issues it as its
 * People's Committee (`ỦY BAN NHÂN DÂN` / `PHƯỜNG TRẦN PHÚ`, symbol `BC-UBND`, place its own name,
 * signed `TM. ỦY BAN NHÂN DÂN` / `CHỦ TỊCH`); an agency under the city's committee (symbol `BC`,
 * the city's place, signed by its head); sent to the city (`… (để báo cáo);`, `Lưu: VT.`).
 */
export function unitReportHeading(unit: Unit, city: ReportHeading): ReportHeading {
  const agency = unit.kind === 'agency';
  const [onBehalf, title] = unitSignature(unit).length > 1 ? unitSignature(unit) : ['', unitSignature(unit)[0] ?? ''];
  return {
    parentBody: agency ? city.issuingBody.replace(/^ỦY BAN NHÂN DÂN\b/i, 'UBND') : '',
    issuingBody: agency ? unit.name.toLocaleUpperCase('vi') : `ỦY BAN NHÂN DÂN ${unitIssuingBody(unit).replace(/^UBND\s+/, '')}`,
    place: agency ? city.place : unit.name,
    symbol: agency ? 'BC' : 'BC-UBND',
    signer: { onBehalf: onBehalf ?? '', authority: '', title: title ?? '', name: '' },
    recipients: [`${bodyInSentence(city.issuingBody)} (để báo cáo);`, 'Lưu: VT.'],
  };
}

/** A unit's figure on one target in words and numbers: `95/100 hồ sơ (95%)`, `3 hoạt động`, `Có`, or `chưa báo cáo`. */
function unitFigureText(indicator: Indicator, r: IndicatorResult | undefined): string {
  const uom = indicator.unitOfMeasure.normalize('NFC');
  if (!r || r.status === 'missing') return 'chưa báo cáo';
  if (r.status === 'notApplicable') return STATUS_WORDS.notApplicable.toLocaleLowerCase('vi');
  if (indicator.measure === 'boolean') return r.value === true ? YES : r.value === false ? NO : 'chưa báo cáo';
  if (indicator.measure === 'count') return typeof r.value === 'number' ? `${figureText(r.value)} ${uom}` : 'chưa báo cáo';
  if (r.numerator === null || r.denominator === null) return 'chưa báo cáo';
  const ratio = r.ratio === null ? '' : ` (${ratioText(r.ratio)})`;
  if (indicator.measure === 'comparison') return `kỳ này ${figureText(r.numerator)} ${uom}, cùng kỳ năm trước ${figureText(r.denominator)} ${uom}${ratio}`;
  return `${figureText(r.numerator)}/${figureText(r.denominator)} ${uom}${ratio}`;
}

/** The unit's own words on a field, a paragraph per line it typed, or the fallback sentence. */
function own(narrative: Narrative, field: keyof Narrative, fallback: string): ParagraphModel[] {
  const text = narrative[field];
  return text === null ? [body(fallback)] : text.split('\n').filter((line) => line.trim() !== '').map((line) => body(line));
}

/**
 * A unit's own report on the plan for one period (`cchc report FILE --docx`), the same kind of
 * Decree 30/2020/NĐ-CP document as the city's, issued by the unit (see `unitReportHeading`) and
 * addressed to the city: I. its results (each target it reports with its figures and status, its
 * activities with their totals, what it names as results), II.–IV. shortcomings and causes, tasks
 * for next period and proposals (its narrative, after what its figures show), the signature;
 * Phụ lục I (targets) and II (activities) in landscape sections.
 * @throws Error when the report has no known unit or period (check it first); RangeError when a date is not ISO.
 */
export function buildUnitReport(checked: CheckedReport, plan: Plan, options: UnitReportOptions = {}): DocumentModel {
  const unit = checked.unit;
  const period: Period | null = checked.period;
  if (!unit || !period) throw new Error('buildUnitReport: the report names no known unit or period');
  const date = options.reportDate ?? checked.report.submittedOn ?? period.deadline;
  isoDateParts(date);
  const city = reportHeading(plan);
  const head = unitReportHeading(unit, city);
  const number = options.reportNumber ?? '';
  const narrative = checked.report.narrative ?? emptyNarrative();
  const applicable = plan.indicators.filter((i) => indicatorAppliesTo(i, unit));
  const notMet = applicable.filter((i) => checked.indicators[i.code]?.status === 'notMet');
  const tallies = tallyActivities(plan, checked.activities);
  const page = a4('portrait');
  const width = textWidth(page);
  const issuer = bodyInSentence(head.issuingBody);
  const annexCount = 2;
  const annexI = annexName(1, annexCount);
  const annexII = annexName(2, annexCount);

  const blocks: BlockModel[] = [
    ...headingBlock(head, { number, date, draft: options.draft ?? true }, width),
    ...titleBlock(REPORT_TYPE, reportSummaryLine(plan, period), width),
    paragraph([run(`Kính gửi: ${bodyInSentence(city.issuingBody)}.`)], { align: 'center', spaceAfter: 12 }),
    body(`Thực hiện ${planCitation(plan.document)}, ${issuer} báo cáo kết quả ${periodName(period, { inSentence: true })} (${cutoffText(period, { inSentence: true })}) như sau:`),
    heading(0, REPORT_SECTIONS.results),
    heading(1, `1. Kết quả thực hiện các chỉ tiêu (chi tiết tại ${annexI})`),
    ...applicable.map((indicator) => {
      const r = checked.indicators[indicator.code];
      const status = r ? STATUS_WORDS[r.status].toLocaleLowerCase('vi') : STATUS_WORDS.missing.toLocaleLowerCase('vi');
      return body([run('- '), run(indicator.code, { bold: true }), run(` – ${indicator.text.vi}: ${unitFigureText(indicator, r)}; chỉ tiêu kế hoạch: ${targetText(indicator).vi}; đánh giá: ${status}.`)]);
    }),
    heading(1, `2. Hoạt động tuyên truyền (chi tiết tại ${annexII})`),
    body(`Đơn vị đã tổ chức ${figureText(tallies.total.count)} hoạt động tuyên truyền, tổng số lượng ${figureText(tallies.total.quantity)}, với ${figureText(tallies.total.participants)} lượt người tham dự.`),
    ...tallies.forms
      .filter((t) => t.count > 0 && plan.forms.find((f) => f.code === t.code)?.parent === undefined)
      .map((t) => body(`- ${t.code} – ${plan.forms.find((f) => f.code === t.code)?.text.vi ?? t.code}: ${figureText(t.count)} hoạt động, số lượng ${figureText(t.quantity)}${t.participants > 0 ? `, ${figureText(t.participants)} lượt người tham dự` : ''}.`)),
    heading(1, `3. ${NARRATIVE_LABELS.highlights}`),
    ...own(narrative, 'highlights', 'Đơn vị chưa nêu kết quả nổi bật.'),
    heading(0, REPORT_SECTIONS.limitations),
    ...(notMet.length > 0 ? [body(`- Chỉ tiêu chưa đạt: ${notMet.map((i) => i.code).join(', ')}.`)] : []),
    ...own(narrative, 'limitations', 'Đơn vị chưa nêu tồn tại, hạn chế.'),
    heading(1, NARRATIVE_LABELS.causes),
    ...own(narrative, 'causes', 'Đơn vị chưa nêu nguyên nhân.'),
    heading(0, REPORT_SECTIONS.nextTasks),
    ...(notMet.length > 0 ? [body(`- Tập trung thực hiện các chỉ tiêu chưa đạt: ${notMet.map((i) => i.code).join(', ')}.`)] : []),
    ...own(narrative, 'nextTasks', `Tiếp tục triển khai các nội dung, hình thức tuyên truyền theo ${planCitation(plan.document)}.`),
    heading(0, REPORT_SECTIONS.proposals),
    ...own(narrative, 'proposals', 'Không có.'),
    body(`Trên đây là báo cáo kết quả ${periodName(period, { inSentence: true })} của ${issuer}./.`, { spaceBefore: 6 }),
    paragraph([], { spaceAfter: 6 }),
    signatureBlock(head, width),
  ];

  const of = annexOf(numberLine(number, head.symbol).replace(/^Số:\s/, ''), `ngày ${formatDate(date)}`, issuer);
  const targetRows = applicable.map((indicator, k): DataCell[] => {
    const r = checked.indicators[indicator.code];
    const count = indicator.measure === 'count' || indicator.measure === 'boolean';
    const value = r?.value;
    return [
      String(k + 1),
      indicator.code,
      `${indicator.text.vi} (${indicator.unitOfMeasure})`,
      targetText(indicator).vi,
      count ? (value === true ? YES : value === false ? NO : typeof value === 'number' ? figureText(value) : '') : r?.numerator == null ? '' : figureText(r.numerator),
      count ? '—' : r?.denominator == null ? '' : figureText(r.denominator),
      count || r?.ratio == null ? '—' : ratioText(r.ratio),
      r ? STATUS_WORDS[r.status] : STATUS_WORDS.missing,
    ];
  });
  const targets = dataTable(
    [
      { header: 'STT', width: 12, align: 'center' },
      { header: 'Mã', width: 16, align: 'center' },
      { header: 'Chỉ tiêu', width: ANNEX_WIDTH - 12 - 16 - 32 - 3 * 30 - 28 },
      { header: 'Chỉ tiêu kế hoạch', width: 32, align: 'center' },
      { header: 'Kết quả thực hiện (tử số) / Giá trị', width: 30, align: 'right' },
      { header: 'Tổng số (mẫu số)', width: 30, align: 'right' },
      { header: 'Tỷ lệ', width: 30, align: 'right' },
      { header: 'Đánh giá', width: 28, align: 'center' },
    ],
    targetRows,
  );
  const forms = activityTallyTable(
    HEADERS.activityForm,
    tallies.forms.map((t) => {
      const form = plan.forms.find((f) => f.code === t.code);
      return { code: t.code, name: form?.text.vi ?? t.code, sub: form?.parent !== undefined, tally: t };
    }),
    ANNEX_WIDTH,
  );
  const themes = activityTallyTable(
    HEADERS.activityTheme,
    tallies.themes.map((t) => {
      const theme = plan.themes.find((x) => x.code === t.code);
      return { code: t.code, name: theme?.text.vi ?? t.code, sub: theme?.parent !== undefined, tally: t };
    }),
    ANNEX_WIDTH,
  );
  const sections: SectionModel[] = [
    { page, pageNumbers: 'fromSecondPage', blocks },
    annexSection(annexI, ANNEX_TITLES.unitTargetsOwn, of, [targets]),
    annexSection(annexII, ANNEX_TITLES.unitActivities, of, [forms, annexNote('Hình thức cấp trên gồm cả các hình thức con của nó.'), paragraph([], { spaceAfter: 6 }), themes]),
  ];
  return {
    title: `${REPORT_TYPE} ${reportSummaryLine(plan, period)} – ${unitAddressee(unit)}`.normalize('NFC'),
    createdOn: date,
    font: { family: DECREE30.font, size: DECREE30.bodySize },
    sections,
  };
}
