import { z } from 'zod';

/**
 * The plan as validated data. A plan (kế hoạch) holds targets (chỉ tiêu → `Indicator`), content
 * themes (nội dung → `Theme`), communication forms (hình thức → `Form`) and scoring profiles.
 * Everything a city may change lives here, not in code: the rule for a target that gives no
 * number, where an indicator applies, weights, points and result bands.
 */

const code = z.string().regex(/^[A-Za-z][A-Za-z0-9_.]*$/, 'code: letters, digits, "_" and "." only, starting with a letter');

/** Identifier of a plan or a scoring profile (`hatinh-2021`, `general-100`): like a code, "-" also allowed. Never used in defined names. */
const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'id: letters, digits, "_", "." and "-" only, starting with a letter');

export const textSchema = z.object({ vi: z.string().min(1), en: z.string().min(1) });

export const unitKindSchema = z.enum(['ward', 'commune', 'agency']);

/**
 * How an indicator is measured.
 * - `ratio`: the unit reports numerator and denominator (counts); ratio = numerator ÷ denominator.
 * - `count`: the unit reports one count (`value`).
 * - `boolean`: the unit reports yes/no (`value`), with evidence.
 * - `comparison`: numerator = this period's figure, denominator = the same period of the previous
 *   year (e.g. airtime minutes); the target is an increase.
 */
export const measureSchema = z.enum(['ratio', 'count', 'boolean', 'comparison']);

/**
 * Where a number of the plan data comes from (its basis, căn cứ): the plan itself, naming the
 * clause (`{ "kind": "plan", "clause": "163/KH-UBND, Chỉ tiêu, gạch đầu dòng 1" }`), or a
 * convention of whoever configures the tool, saying why (`{ "kind": "convention", "why": "…" }`).
 * Every target, weight, band and deadline carries one, and what is a convention is printed as
 * such wherever the number is shown (vocabulary/basis.ts).
 */
export const basisSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('plan'), clause: z.string().min(1) }),
  z.object({ kind: z.literal('convention'), why: z.string().min(1) }),
]);

/**
 * The rule that decides whether a target is met, and the completion (0–1) it gives.
 * - `ratioAtLeast`: ratio ≥ `min` (a fraction, 1 = 100%); completion = min(1, ratio ÷ min).
 * - `countAtLeast`: value ≥ `min`; completion = min(1, value ÷ min).
 * - `yes`: value is true; completion 1 or 0.
 * - `increase`: numerator > denominator (this period above last year's); completion 1 or 0.
 */
export const targetSchema = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('ratioAtLeast'), min: z.number().gt(0).max(1), basis: basisSchema }),
  z.object({ rule: z.literal('countAtLeast'), min: z.number().int().positive(), basis: basisSchema }),
  z.object({ rule: z.literal('yes'), basis: basisSchema }),
  z.object({ rule: z.literal('increase'), basis: basisSchema }),
]);

/**
 * Where an indicator applies (plan/applies.ts): `kinds` (unit kinds) and `units` (unit codes,
 * whatever their kind). Neither → every unit; only `units` → those units only (CT2a: the culture
 * and media centre); both → units of those kinds and the units listed (CT4a: wards, communes and
 * the public administration centre).
 */
export const appliesToSchema = z.object({
  /** Unit kinds the indicator applies to. */
  kinds: z.array(unitKindSchema).min(1).optional(),
  /** Unit codes it applies to regardless of kind (e.g. one agency). */
  units: z.array(z.string()).min(1).optional(),
});

export const indicatorSchema = z.object({
  code,
  text: textSchema,
  /** Other wordings units use for this indicator (matched after folding diacritics). */
  aliases: z.array(z.string()).default([]),
  measure: measureSchema,
  /** Unit of measure shown in the template (Vietnamese, e.g. "hồ sơ", "trang"). */
  unitOfMeasure: z.string().min(1),
  /** Column labels for what the unit types (Vietnamese), e.g. numerator "Số hồ sơ được công khai". */
  numeratorLabel: z.string().optional(),
  denominatorLabel: z.string().optional(),
  target: targetSchema,
  /**
   * The target as the plan words it, e.g. "100%", "Tăng so với cùng kỳ năm trước"; printed through
   * the vocabulary's `targetText(indicator)`, which adds the basis label of `target.basis`.
   */
  targetText: textSchema,
  appliesTo: appliesToSchema.default({}),
  /** Relative weight in the `indicators` component of a scoring profile (> 0). */
  weight: z.number().positive(),
  /** Where the weight comes from (plan 163/KH-UBND sets none: a convention). */
  weightBasis: basisSchema,
  /** Where the target comes from in the plan, e.g. "163/KH-UBND, Chỉ tiêu, gạch đầu dòng 3". */
  clause: z.string().min(1),
  /** Evidence (document number/date/link) is required for the value to count. */
  evidenceRequired: z.boolean().default(false),
});

export const themeSchema = z.object({
  code,
  text: textSchema,
  /** Parent theme code for sub-themes (ND3.1 → ND3). */
  parent: code.optional(),
});

export const formSchema = z.object({
  code,
  text: textSchema,
  parent: code.optional(),
  /** Online form (electronic boards, websites, social networks) as opposed to traditional. */
  online: z.boolean().default(false),
});

const bandSchema = z.object({
  /** Lowest score (inclusive, on the profile's scale) of this band. */
  min: z.number().min(0),
  label: textSchema,
  /** Where the threshold comes from. */
  basis: basisSchema,
});

/**
 * Partial credit for a short delay (`timeliness`): a report received 1 to `withinDays` days after
 * the deadline gets `share` × the component's points (e.g. 3 days, 0.5). A convention: plan
 * 163/KH-UBND sets no deadline, and Decree 09/2019/NĐ-CP leaves deadlines to local rules.
 */
export const lateCreditSchema = z.object({
  withinDays: z.number().int().positive(),
  share: z.number().gt(0).lt(1),
});

/**
 * One part of a scoring profile. Points are on the profile's scale.
 * - `indicators`: points × Σ(weight × completion) ÷ Σ(weight) over the indicators that apply to the unit.
 * - `planCompletion`: share = met ÷ applicable indicators; ≥ 1 → full points; ≥ `partialFrom` →
 *   share × points; below → 0 (BRIEF §6, Xuân Lộc guideline).
 * - `themeCoverage`: points × distinct top-level themes in activities ÷ top-level themes in the plan.
 * - `formDiversity`: points × min(1, distinct top-level forms in activities ÷ `target`).
 * - `formGroups`: each group's points when at least one activity uses one of its forms (a code
 *   covers its sub-forms); `others: true` matches any form not named by another group.
 * - `timeliness`: full points when submitted on or before the deadline; with `lateCredit`,
 *   `share` × points when at most `withinDays` days late; else 0 (also when no date is known, which
 *   the part's detail says).
 * `requiresEvidence`: only activities with evidence count; for `indicators`/`planCompletion` the
 * part scores 0 unless the unit has at least one activity with evidence. Evidence counts only when
 * it looks like evidence (text/evidence.ts).
 * `basis`: where the part's points and rule come from.
 */
export const componentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('indicators'), points: z.number().positive(), label: textSchema, requiresEvidence: z.boolean().default(false), basis: basisSchema }),
  z.object({
    type: z.literal('planCompletion'),
    points: z.number().positive(),
    label: textSchema,
    partialFrom: z.number().min(0).max(1),
    requiresEvidence: z.boolean().default(false),
    basis: basisSchema,
  }),
  z.object({ type: z.literal('themeCoverage'), points: z.number().positive(), label: textSchema, requiresEvidence: z.boolean().default(false), basis: basisSchema }),
  z.object({
    type: z.literal('formDiversity'),
    points: z.number().positive(),
    label: textSchema,
    target: z.number().int().positive(),
    requiresEvidence: z.boolean().default(false),
    basis: basisSchema,
  }),
  z.object({
    type: z.literal('formGroups'),
    points: z.number().positive(),
    label: textSchema,
    groups: z
      .array(
        z.object({
          label: textSchema,
          points: z.number().positive(),
          forms: z.array(code).default([]),
          others: z.boolean().default(false),
        }),
      )
      .min(1),
    requiresEvidence: z.boolean().default(false),
    basis: basisSchema,
  }),
  z.object({ type: z.literal('timeliness'), points: z.number().positive(), label: textSchema, lateCredit: lateCreditSchema.optional(), basis: basisSchema }),
]);

export const profileSchema = z.object({
  id,
  name: textSchema,
  /** Maximum score (e.g. 100 or 2); components' points must add up to it. */
  scale: z.number().positive(),
  components: z.array(componentSchema).min(1),
  /** Result bands, any order in the file; sorted by `min` descending when loaded. */
  bands: z.array(bandSchema).min(1),
  source: z.string().optional(),
});

/**
 * Submission deadline rule: `daysAfterCutoff` days after the end of the period's Decree 09/2019
 * cut-off window, with its basis (the decree leaves deadlines to local rules; the plan text we
 * have sets none).
 */
export const deadlineSchema = z.object({ daysAfterCutoff: z.number().int().min(0), basis: basisSchema });

/** The deadline rule of a plan that gives none: 6 days after the cut-off window, our convention. */
export const DEFAULT_DEADLINE_RULE: z.infer<typeof deadlineSchema> = {
  daysAfterCutoff: 6,
  basis: {
    kind: 'convention',
    why: 'Mặc định của cchc-kpi: 6 ngày sau ngày chốt số liệu của kỳ (Nghị định 09/2019/NĐ-CP, Điều 12, để thời hạn gửi báo cáo cho quy định của địa phương).',
  },
};

/**
 * How the city's consolidated report is headed and signed, in the administrative layout of
 * Decree 30/2020/NĐ-CP (Appendix I): the governing body (cơ quan chủ quản) and the issuing body
 * (cơ quan ban hành) in the top-left block, the document symbol after "Số:", the place of the
 * place-and-date line, the signer and the recipients ("Nơi nhận"). All Vietnamese, as printed.
 */
export const reportHeadingSchema = z.object({
  /** Governing body, printed above the issuing body, e.g. "UBND THÀNH PHỐ HÀ TĨNH"; empty for a People's Committee, which has none. */
  parentBody: z.string().default(''),
  /**
   * Issuing body, printed in bold capitals, e.g. "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ TĨNH" (printed on
   * two lines, see `issuingBodyLines`; a line break typed here is kept).
   */
  issuingBody: z.string().min(1),
  /** Place name of the place-and-date line, e.g. "Hà Tĩnh". */
  place: z.string().min(1),
  /** Document symbol after the number: "Số: …/BC-UBND"; it must be the issuer's (`symbolMatchesIssuer`). */
  symbol: z.string().min(1),
  /**
   * Signature block: the collective signed for (e.g. "TM. ỦY BAN NHÂN DÂN", may be empty), the
   * authority line (e.g. "KT. CHỦ TỊCH", "TL. CHỦ TỊCH", may be empty), the signer's title and
   * name (may be empty: signed by hand).
   */
  signer: z.object({ onBehalf: z.string().default(''), authority: z.string().default(''), title: z.string().min(1), name: z.string().default('') }),
  /** "Nơi nhận" lines, e.g. "UBND tỉnh (để b/c);"; printed with a leading "- ". */
  recipients: z.array(z.string()).default([]),
});

export const planSchema = z.object({
  id,
  title: textSchema,
  /** The plan document: number, date (ISO yyyy-mm-dd) and issuer. */
  document: z.object({ number: z.string(), date: z.iso.date(), issuer: z.string() }),
  year: z.number().int().min(2000).max(2100),
  indicators: z.array(indicatorSchema).min(1),
  themes: z.array(themeSchema).min(1),
  forms: z.array(formSchema).min(1),
  profiles: z.array(profileSchema).min(1),
  /** Profile whose score is `score` in outputs (the 100-point one). */
  primaryProfile: id,
  deadline: deadlineSchema.default(DEFAULT_DEADLINE_RULE),
  /** Heading and signature of the consolidated report (Decree 30/2020/NĐ-CP); optional, see {@link reportHeadingSchema}. */
  report: reportHeadingSchema.optional(),
});

export type Text = z.infer<typeof textSchema>;
export type Basis = z.infer<typeof basisSchema>;
export type ScoreBand = z.infer<typeof bandSchema>;
export type DeadlineRule = z.infer<typeof deadlineSchema>;
export type UnitKind = z.infer<typeof unitKindSchema>;
export type Measure = z.infer<typeof measureSchema>;
export type Target = z.infer<typeof targetSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type Form = z.infer<typeof formSchema>;
export type ScoringComponent = z.infer<typeof componentSchema>;
export type ScoringProfile = z.infer<typeof profileSchema>;
export type Plan = z.infer<typeof planSchema>;
/** The plan as written in a JSON file, before defaults are applied. */
export type PlanInput = z.input<typeof planSchema>;
export type ReportHeading = z.infer<typeof reportHeadingSchema>;
