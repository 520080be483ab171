/**
 * Problems of the received-date register's rows, counted instead of listed: a register where one
 * mistake is repeated on every row (a date column in another format, a column shifted) gives one
 * finding with the count and the first rows, not one finding per row.
 */
import { makeFinding, type Finding, type FindingLocation, type Message, type Severity } from '../finding.ts';

/** How many rows a grouped finding names. */
export const LISTED_ROWS = 5;

/** One row with a problem: its own finding (used when it is the only one) and how it is listed in a group. */
export interface RowProblem {
  finding: Finding;
  /** The row as listed in a grouped message, e.g. `dòng 8 (đơn vị 18079: "2021-13-01")`. */
  listed: Message;
}

/** The grouped message of one kind of problem: the sentence before the list of rows. */
export type GroupLead = (count: number) => Message;

/** Counts the rows with one kind of problem and keeps the first {@link LISTED_ROWS}. */
export class RepeatedProblem {
  private count = 0;
  private readonly first: RowProblem[] = [];

  constructor(
    private readonly severity: Severity,
    private readonly code: string,
    private readonly lead: GroupLead,
  ) {}

  /** Counts one more row; `describe` is called only for the first {@link LISTED_ROWS} (a million rows build five messages). */
  add(describe: () => RowProblem): void {
    this.count += 1;
    if (this.first.length < LISTED_ROWS) this.first.push(describe());
  }

  /**
   * No finding when no row had the problem; the row's own finding when one did; otherwise one
   * finding: the lead with the count, the first rows, "và N dòng khác" / "and N more rows", at
   * the first row's cell, with `file` from `where` and no unit.
   */
  findings(where: FindingLocation): Finding[] {
    const [only] = this.first;
    if (only === undefined) return [];
    if (this.count === 1) return [only.finding];
    const lead = this.lead(this.count);
    const more = this.count - this.first.length;
    const list = (lang: 'vi' | 'en'): string => this.first.map((p) => p.listed[lang]).join(', ');
    return [
      makeFinding(
        this.severity,
        this.code,
        {
          vi: `${lead.vi}: ${list('vi')}${more > 0 ? ` và ${more} dòng khác` : ''}.`,
          en: `${lead.en}: ${list('en')}${more > 0 ? ` and ${more} more rows` : ''}.`,
        },
        { ...where, ...(only.finding.cell === undefined ? {} : { cell: only.finding.cell }) },
      ),
    ];
  }
}

/** Text from a cell quoted in a message, cut to 40 characters. */
export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
