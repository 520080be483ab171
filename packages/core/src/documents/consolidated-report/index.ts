import type { Consolidation } from '../../consolidate/types.ts';
import { orderUnits, type UnitSort } from '../../consolidate/unit-order.ts';
import { a4, DECREE30, headingBlock, signatureBlock, textWidth, titleBlock } from '../../document/decree30.ts';
import { paragraph } from '../../document/build.ts';
import type { DocumentModel, SectionModel } from '../../document/model.ts';
import type { Plan, ReportHeading } from '../../plan/schema.ts';
import { isoDateParts } from '../../vocabulary/dates.ts';
import { REPORT_TYPE, reportSummaryLine } from '../../vocabulary/documents.ts';
import { reportHeading } from '../../vocabulary/headings.ts';
import { annexSections } from './annexes.ts';
import { ANNEXES, type ReportContext } from './context.ts';
import { limitationsSection, nextTasksSection, opening, proposalsSection, resultsSection } from './body.ts';

export { ANNEXES, type AnnexKey } from './context.ts';

/** Options of {@link buildConsolidatedReport}. */
export interface ConsolidatedReportOptions {
  /** ISO date of the place-and-date line. Default: the period's deadline. */
  reportDate?: string;
  /** The number after `Số:` (`7` prints `07`). Default: blank, written in by the clerk when the report is registered. */
  reportNumber?: string;
  /** Heading and signature overrides; default the plan's `report` block (`reportHeading`). */
  heading?: Partial<ReportHeading>;
  /** Order of units in the lists and annexes: `official` (default) or `name`. */
  sort?: UnitSort;
  /** Print `DỰ THẢO` above the heading (default true: the document is a draft for signature). */
  draft?: boolean;
  /** ISO date stored in the document's properties and zip. Default: `reportDate`. */
  createdOn?: string;
}

/**
 * The city's periodic report on the plan as a Word document model (Decree 30/2020/NĐ-CP, Appendix
 * I), drafted for signature from the consolidation and the plan's `report` block:
 * - page 1 on: A4 portrait, the heading block (issuer and motto, `Số: …/BC-UBND`, place and date),
 *   `BÁO CÁO` and its summary line, the opening sentence;
 * - I. KẾT QUẢ THỰC HIỆN (submission; each target's city figure in words and numbers against the
 *   plan's target; themes and forms with the activity totals; what the units name as results;
 *   scoring, leading and lagging units), II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN, III. NHIỆM VỤ
 *   TRỌNG TÂM KỲ TỚI, IV. ĐỀ XUẤT, KIẾN NGHỊ — the last three opening with what the numbers show,
 *   then the units' own narrative, attributed to each unit;
 * - recipients and the signature block; page numbers top centre from page 2;
 * - Phụ lục I–V in landscape sections: targets, units × targets, ranking, submission, activities.
 * Every figure is text formatted by the vocabulary (12.345; 98,33%), equal to the JSON's.
 * @throws Error when `result.plan.id` is not `plan.id`; RangeError when a date is not ISO.
 */
export function buildConsolidatedReport(result: Consolidation, plan: Plan, options: ConsolidatedReportOptions = {}): DocumentModel {
  if (result.plan.id !== plan.id) throw new Error(`buildConsolidatedReport: the consolidation is for plan "${result.plan.id}", not "${plan.id}"`);
  const date = options.reportDate ?? result.period.deadline;
  isoDateParts(date);
  const ctx: ReportContext = {
    result,
    plan,
    heading: reportHeading(plan, options.heading),
    units: orderUnits(result.units, options.sort),
    number: options.reportNumber ?? '',
    date,
  };
  const page = a4('portrait');
  const width = textWidth(page);
  const main: SectionModel = {
    page,
    pageNumbers: 'fromSecondPage',
    blocks: [
      ...headingBlock(ctx.heading, { number: ctx.number, date, draft: options.draft ?? true }, width),
      ...titleBlock(REPORT_TYPE, reportSummaryLine(plan, result.period), width),
      opening(ctx),
      ...resultsSection(ctx),
      ...limitationsSection(ctx),
      ...nextTasksSection(ctx),
      ...proposalsSection(ctx),
      paragraph([], { spaceAfter: 6 }),
      signatureBlock(ctx.heading, width),
    ],
  };
  return {
    title: `${REPORT_TYPE} ${reportSummaryLine(plan, result.period)}`.normalize('NFC'),
    createdOn: options.createdOn ?? date,
    font: { family: DECREE30.font, size: DECREE30.bodySize },
    sections: [main, ...annexSections(ctx, ANNEXES)],
  };
}
