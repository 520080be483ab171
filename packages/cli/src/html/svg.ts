import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Renders Vega-Lite specifications to SVG text in Node, when the report is written: Vega-Lite
 * compiles the spec to Vega, a headless `View` (renderer `none`, no canvas, no network: data is
 * always inline) draws it, and `toSVG()` gives the markup that goes straight into the page.
 */

/** Font stack of every chart: DejaVu Sans (Debian's fonts-dejavu-core) covers Vietnamese fully. */
export const CHART_FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

/**
 * Advance widths of DejaVu Sans in em, by character class. Without a canvas Vega guesses every
 * character at 0.8 em, which leaves wide gaps beside axis labels; this closer guess keeps the
 * layout tight and is the same on every machine (no font is measured).
 */
function charWidth(ch: string): number {
  if (/[0-9]/.test(ch)) return 0.636;
  if (ch === ' ') return 0.318;
  if (/[.,:;'|!iìíỉĩịIÌÍỈĨỊjlṭ]/.test(ch)) return 0.3;
  if (/[()[\]\-–/]/.test(ch)) return 0.39;
  if (/[mwMW%]/.test(ch)) return 0.9;
  const base = ch.normalize('NFD').charAt(0);
  if (/[A-ZĐ]/.test(base)) return 0.7;
  return 0.6;
}

/** Estimated width in pixels of `text` at `size` px, bold 5% wider. */
export function estimateTextWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text.normalize('NFC')) em += charWidth(ch);
  return Math.ceil(em * size * (bold ? 1.05 : 1));
}

type TextItem = { text?: unknown; fontSize?: number; fontWeight?: unknown; limit?: number };

/** Vega's text measurer (exported by vega-scenegraph, not in vega's typings). */
const textMetrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }).textMetrics;

/** The text Vega measures for an item (a string, or lines joined). */
function itemText(item: TextItem, text: unknown): string {
  const t = text ?? item.text;
  if (t === null || t === undefined) return '';
  return Array.isArray(t) ? t.map(String).join(' ') : String(t);
}

/**
 * Makes SVG element ids unique per chart and stable: Vega numbers clip paths and gradients with
 * a process-wide counter, so two charts in one page, or the same chart rendered twice, would
 * differ; every id (and each `url(#…)` / `href="#…"` reference) becomes `<prefix>-<n>` in
 * document order.
 */
export function renumberIds(svg: string, prefix: string): string {
  const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string);
  const map = new Map<string, string>();
  ids.forEach((id) => {
    if (!map.has(id)) map.set(id, `${prefix}-${map.size + 1}`);
  });
  return svg.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (whole, lead: string, id: string) => {
    const next = map.get(id);
    return next === undefined ? whole : `${lead}${next}`;
  });
}

/** A logger for Vega-Lite and Vega that keeps warnings and errors instead of printing them. */
function collectingLogger(messages: string[]) {
  let level = 2;
  const logger = {
    level(next?: number) {
      if (next === undefined) return level;
      level = next;
      return logger;
    },
    error(...args: unknown[]) {
      messages.push(`error: ${args.map(String).join(' ')}`);
      return logger;
    },
    warn(...args: unknown[]) {
      messages.push(`warning: ${args.map(String).join(' ')}`);
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}

/** A rendered chart and the warnings Vega-Lite or Vega raised for it (none expected). */
export interface RenderedChart {
  svg: string;
  warnings: string[];
}

/**
 * Renders one Vega-Lite spec to an SVG string.
 * @param spec a Vega-Lite spec with inline data (`data.values`) only.
 * @param idPrefix prefix for the SVG's element ids (unique within the page).
 * @param title accessible title (`<title>` and `aria-label`).
 * @returns `<svg …>…</svg>` (NFC, ids renumbered) and the warnings raised, which are never printed.
 * @throws Error when the spec does not compile.
 */
export async function renderChart(spec: TopLevelSpec, idPrefix: string, title: string): Promise<RenderedChart> {
  const saved = textMetrics.width;
  const warnings: string[] = [];
  const logger = collectingLogger(warnings);
  textMetrics.width = (item, text) => estimateTextWidth(itemText(item, text), item.fontSize ?? 11, item.fontWeight === 'bold' || item.fontWeight === 700);
  try {
    const vg = compile(spec, { logger: logger as never }).spec;
    const view = new vega.View(vega.parse(vg), { renderer: 'none', logger: logger as never });
    const svg = await view.toSVG();
    view.finalize();
    const titled = svg.replace(/^<svg([^>]*)>/, (_, attrs: string) => `<svg${attrs} role="img" aria-label="${escapeAttr(title)}"><title>${escapeText(title)}</title>`);
    return { svg: renumberIds(titled, idPrefix).normalize('NFC'), warnings };
  } finally {
    textMetrics.width = saved;
  }
}

/** {@link renderChart}'s SVG only. */
export async function renderSvg(spec: TopLevelSpec, idPrefix: string, title: string): Promise<string> {
  return (await renderChart(spec, idPrefix, title)).svg;
}

/** Escapes text for an HTML/SVG text node. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes text for a double-quoted HTML/SVG attribute. */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
