import { NO, NO_DATA, NOT_SENT, STATUS_WORDS, SUBMISSION_STATUS_LABELS, YES, formatNumber, formatPercent, unitDisplayName, type Comparison, type Consolidation, type IndicatorResult, type Plan, type UnitResult } from '@cchc-kpi/core';
import type { TopLevelSpec } from 'vega-lite';
import { CHART_FONT } from './svg.ts';

/**
 * The Vega-Lite specifications of the HTML report's four charts, built from a consolidation.
 * Data is inline; every label shown is computed here in Vietnamese style (`85,5%`), so the
 * charts do not depend on a number-format locale. Units appear in the order given (the
 * registry's official order, or by name with `--sort name`).
 */

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Shared look: the font stack, no frame, readable axis labels. */
const CONFIG = {
  font: CHART_FONT,
  view: { stroke: null },
  axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 0 },
  legend: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 0 },
  title: { fontSize: 15, anchor: 'start', fontWeight: 'bold' },
} as const;

/** Colours of result bands, best band first. */
const BAND_COLORS = ['#1b7837', '#5aae61', '#f6a623', '#d6604d', '#b2182b', '#762a83'];

/** Status names (heat map, indicator chart): the vocabulary's, plus the unit whose report did not arrive. */
export const STATUS_VI: Record<IndicatorResult['status'] | 'notSubmitted', string> = { ...STATUS_WORDS, notSubmitted: NOT_SENT };

/** A score as the workbook shows it: two decimals, Vietnamese comma (`86,90`). */
export function formatScore(score: number): string {
  return score.toFixed(2).replace('.', ',');
}

/** Chart 1: each unit's score (primary profile) as a bar coloured by its band, over the band ranges. */
export function scoresSpec(plan: Plan, units: readonly UnitResult[]): TopLevelSpec {
  const profile = plan.profiles.find((p) => p.id === plan.primaryProfile) ?? plan.profiles[0];
  const scale = profile?.scale ?? 100;
  const bands = [...(profile?.bands ?? [])].sort((a, b) => b.min - a.min);
  const bandLabels = bands.map((b) => b.label.vi);
  const bandRanges = bands.map((b, i) => ({ band: b.label.vi, min: b.min, max: i === 0 ? scale : (bands[i - 1]?.min ?? scale), fill: BAND_COLORS[i] ?? '#999' }));
  const rows = units.map((u) => ({
    unit: unitDisplayName(u),
    score: u.submitted ? u.score : null,
    band: u.submitted && u.band ? u.band.vi : null,
    x: u.submitted && u.score !== null ? u.score : 0,
    label: u.submitted && u.score !== null ? `${formatScore(u.score)}${u.band ? ` · ${u.band.vi}` : ''}` : u.status === 'unreadable' ? SUBMISSION_STATUS_LABELS.unreadable.vi : `${NOT_SENT} báo cáo`,
  }));
  const color = { field: 'band', type: 'nominal', scale: { domain: bandLabels, range: BAND_COLORS.slice(0, bandLabels.length) } } as const;
  // Data order (already the table order): an explicit sort list breaks Vega when a unit is named
  // like an Object.prototype member ("constructor", "toString").
  const y = { field: 'unit', type: 'nominal', sort: null, title: null, axis: { labelFontSize: 12 } } as const;
  return {
    $schema: SCHEMA,
    width: 600,
    height: { step: 22 },
    config: CONFIG,
    layer: [
      {
        data: { values: bandRanges },
        mark: { type: 'rect', opacity: 0.13 },
        encoding: {
          x: { field: 'min', type: 'quantitative', scale: { domain: [0, scale], nice: false }, title: `Điểm (thang ${formatNumber(scale, 'vi')})` },
          x2: { field: 'max' },
          // the band's own colour, pale; no scale, so no second legend
          color: { field: 'fill', type: 'nominal', scale: null },
        },
      },
      {
        data: { values: bandRanges.filter((b) => b.min > 0) },
        mark: { type: 'rule', strokeDash: [4, 3], color: '#666' },
        encoding: { x: { field: 'min', type: 'quantitative' } },
      },
      {
        data: { values: rows },
        mark: { type: 'bar', height: 15 },
        encoding: { y, x: { field: 'score', type: 'quantitative' }, color: { ...color, legend: { title: 'Xếp loại', orient: 'bottom', direction: 'horizontal', symbolOpacity: 1 } } },
      },
      {
        data: { values: rows },
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 },
        encoding: { y, x: { field: 'x', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  } as unknown as TopLevelSpec;
}

/** The ratio a target is judged on, and the value drawn for the city (fractions). */
interface IndicatorRow {
  code: string;
  value: number | null;
  target: number;
  status: string;
  label: string;
  previous: number | null;
}

/**
 * One row per plan indicator: the city ratio (Σ numerators ÷ Σ denominators; yes/no: share of
 * "Có"; comparison: this period ÷ last year; count: share of units reaching the minimum), the
 * target line and the verdict.
 */
export function indicatorRows(plan: Plan, result: Consolidation, comparison?: Comparison): IndicatorRow[] {
  return plan.indicators.map((indicator) => {
    const t = result.totals.indicators[indicator.code];
    const prev = comparison?.indicators.find((c) => c.code === indicator.code)?.previous ?? null;
    const target = indicator.target;
    let value: number | null = null;
    let goal = 1;
    let met: boolean | null = null;
    let label = 'Chưa có số liệu';
    let previous: number | null = null;
    if (t && t.unitsCounted > 0) {
      const units = `${t.unitsMet}/${t.unitsCounted} đơn vị đạt`;
      if (target.rule === 'countAtLeast') {
        value = t.unitsMet / t.unitsCounted;
        met = t.unitsMet === t.unitsCounted;
        label = `${formatNumber(t.value ?? 0, 'vi')} ${indicator.unitOfMeasure}; ${units}`;
        previous = prev && prev.unitsCounted > 0 ? prev.unitsMet / prev.unitsCounted : null;
      } else if (target.rule === 'increase') {
        value = t.ratio;
        met = t.numerator !== null && t.denominator !== null ? t.numerator > t.denominator : null;
        label = `${formatNumber(t.numerator ?? 0, 'vi')} so với ${formatNumber(t.denominator ?? 0, 'vi')} ${indicator.unitOfMeasure} cùng kỳ`;
        previous = prev?.ratio ?? null;
      } else {
        goal = target.rule === 'ratioAtLeast' ? target.min : 1;
        value = t.ratio;
        met = t.ratio === null ? null : t.ratio >= goal - 1e-12;
        label = t.ratio === null ? 'Chưa có số liệu' : `${formatPercent(t.ratio, 'vi')} (${formatNumber(t.numerator ?? 0, 'vi')}/${formatNumber(t.denominator ?? 0, 'vi')}); ${units}`;
        previous = prev?.ratio ?? null;
      }
    }
    return { code: indicator.code, value, target: goal, status: met === null ? NO_DATA : met ? STATUS_WORDS.met : STATUS_WORDS.notMet, label, previous };
  });
}

/** Chart 2: each indicator's city ratio against its target (and the earlier period's, with a comparison). */
export function indicatorsSpec(plan: Plan, result: Consolidation, comparison?: Comparison): TopLevelSpec {
  const rows = indicatorRows(plan, result, comparison);
  const max = Math.max(1.1, ...rows.map((r) => (r.value ?? 0) * 1.05), ...rows.map((r) => (r.previous ?? 0) * 1.05));
  const codes = rows.map((r) => r.code);
  const y = { field: 'code', type: 'nominal', sort: codes, title: null, axis: { labelFontSize: 12, labelFontWeight: 'bold' } } as const;
  const x = { type: 'quantitative', scale: { domain: [0, max], nice: false }, axis: { format: '.0%', title: 'Tỷ lệ của thành phố (vạch đen: chỉ tiêu kế hoạch)' } } as const;
  const layers: unknown[] = [
    {
      mark: { type: 'bar', height: 16 },
      encoding: {
        y,
        x: { field: 'value', ...x },
        color: {
          field: 'status',
          type: 'nominal',
          scale: { domain: [STATUS_WORDS.met, STATUS_WORDS.notMet, NO_DATA], range: ['#1b7837', '#f6a623', '#bdbdbd'] },
          legend: { title: 'Đánh giá', orient: 'bottom', direction: 'horizontal' },
        },
      },
    },
    {
      mark: { type: 'tick', thickness: 3, size: 24, color: '#000' },
      encoding: { y, x: { field: 'target', type: 'quantitative' } },
    },
    {
      mark: { type: 'text', align: 'left', dx: 6, fontSize: 11 },
      encoding: { y, x: { field: 'labelX', type: 'quantitative' }, text: { field: 'label' } },
    },
  ];
  if (comparison) {
    layers.splice(2, 0, {
      mark: { type: 'point', shape: 'diamond', filled: true, size: 90, color: '#3f51b5' },
      encoding: {
        y,
        x: { field: 'previous', type: 'quantitative' },
        opacity: { value: 0.9 },
        shape: { datum: `Kỳ ${comparison.previous.period}`, legend: { title: null, orient: 'bottom' } },
      },
    });
  }
  return {
    $schema: SCHEMA,
    width: 500,
    height: { step: 30 },
    config: CONFIG,
    data: { values: rows.map((r) => ({ ...r, labelX: Math.max(r.value ?? 0, r.target) })) },
    layer: layers,
  } as unknown as TopLevelSpec;
}

/** Short text shown in a heat-map cell. */
function cellText(indicatorMeasure: string, r: IndicatorResult | undefined, submitted: boolean): string {
  if (!submitted) return NOT_SENT;
  if (!r) return 'Thiếu';
  if (r.status === 'notApplicable') return '–';
  if (r.status === 'invalid') return 'Lỗi';
  if (r.status === 'missing') return 'Thiếu';
  if (typeof r.value === 'boolean') return r.value ? YES : NO;
  if (indicatorMeasure === 'count' && typeof r.value === 'number') return formatNumber(r.value, 'vi');
  if (r.ratio !== null) return formatPercent(r.ratio, 'vi', 1);
  return STATUS_WORDS[r.status === 'met' ? 'met' : 'notMet'];
}

/**
 * Chart 3: units × indicators. Cells with a completion (0–100%) are coloured from red to green;
 * cells without one (not applicable, missing, invalid, not submitted) in greys and pink.
 */
export function heatmapSpec(plan: Plan, units: readonly UnitResult[]): TopLevelSpec {
  const codes = plan.indicators.map((i) => i.code);
  const cells = units.flatMap((u) =>
    plan.indicators.map((indicator) => {
      const r = u.submitted ? u.indicators[indicator.code] : undefined;
      const completion = u.submitted && r && r.counted && r.completion !== null ? r.completion : null;
      const status = !u.submitted ? STATUS_VI.notSubmitted : r ? STATUS_VI[r.status] : STATUS_VI.missing;
      return {
        unit: unitDisplayName(u),
        code: indicator.code,
        completion,
        status,
        text: cellText(indicator.measure, r, u.submitted),
        // white text on the dark ends of the colour scale
        dark: completion !== null && (completion < 0.35 || completion > 0.97),
      };
    }),
  );
  const x = { field: 'code', type: 'nominal', sort: codes, title: null, axis: { orient: 'top', labelAngle: 0, labelFontWeight: 'bold', domain: false, ticks: false } } as const;
  const y = { field: 'unit', type: 'nominal', sort: null, title: null, axis: { domain: false, ticks: false } } as const;
  return {
    $schema: SCHEMA,
    config: CONFIG,
    width: { step: 64 },
    height: { step: 22 },
    data: { values: cells },
    layer: [
      {
        transform: [{ filter: 'datum.completion != null' }],
        mark: { type: 'rect', stroke: '#fff', strokeWidth: 1 },
        encoding: {
          x,
          y,
          color: {
            field: 'completion',
            type: 'quantitative',
            scale: { domain: [0, 0.5, 0.9, 1], range: ['#d73027', '#fc8d59', '#fee08b', '#1a9850'] },
            legend: { title: 'Mức hoàn thành', format: '.0%', orient: 'bottom', direction: 'horizontal', gradientLength: 180 },
          },
        },
      },
      {
        transform: [{ filter: 'datum.completion == null' }],
        mark: { type: 'rect', stroke: '#fff', strokeWidth: 1 },
        encoding: {
          x,
          y,
          color: {
            field: 'status',
            type: 'nominal',
            scale: {
              domain: [STATUS_VI.notApplicable, STATUS_VI.missing, STATUS_VI.invalid, STATUS_VI.notSubmitted],
              range: ['#f0f0f0', '#c8c8c8', '#f4a6b0', '#8c8c8c'],
            },
            legend: { title: 'Không tính', orient: 'bottom', direction: 'horizontal' },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          x,
          y,
          text: { field: 'text' },
          color: { condition: { test: `datum.dark || datum.status == '${NOT_SENT}'`, value: '#fff' }, value: '#111' },
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  } as unknown as TopLevelSpec;
}

/** Chart 4: activities counted by top-level theme × top-level form (an activity with two themes counts under each). */
export function activitiesSpec(result: Consolidation): TopLevelSpec {
  const { themes, forms, counts } = result.activities;
  const max = Math.max(1, ...counts.flat());
  const cells = themes.flatMap((theme, i) => forms.map((form, j) => {
    const n = counts[i]?.[j] ?? 0;
    return { theme, form, n, text: n === 0 ? '' : formatNumber(n, 'vi'), dark: n > max * 0.55 };
  }));
  const x = { field: 'form', type: 'nominal', sort: forms, title: 'Hình thức', axis: { orient: 'top', labelAngle: 0, domain: false, ticks: false } } as const;
  const y = { field: 'theme', type: 'nominal', sort: themes, title: 'Nội dung', axis: { domain: false, ticks: false } } as const;
  return {
    $schema: SCHEMA,
    config: CONFIG,
    width: { step: 50 },
    height: { step: 30 },
    data: { values: cells },
    layer: [
      {
        mark: { type: 'rect', stroke: '#fff', strokeWidth: 1 },
        encoding: {
          x,
          y,
          color: { field: 'n', type: 'quantitative', scale: { domain: [0, max], range: ['#f7fbff', '#08519c'] }, legend: { title: 'Số hoạt động', orient: 'right' } },
        },
      },
      {
        mark: { type: 'text', fontSize: 12 },
        encoding: { x, y, text: { field: 'text' }, color: { condition: { test: 'datum.dark', value: '#fff' }, value: '#111' } },
      },
    ],
  } as unknown as TopLevelSpec;
}
