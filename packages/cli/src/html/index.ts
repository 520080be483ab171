/** The HTML report of `cchc consolidate --html`: Vega-Lite charts rendered to inline SVG in Node. */
export { renderHtmlReport, type HtmlReportOptions } from './page.ts';
export { renderChart, renderSvg, renumberIds, estimateTextWidth, CHART_FONT, type RenderedChart } from './svg.ts';
export { scoresSpec, indicatorsSpec, heatmapSpec, activitiesSpec, indicatorRows } from './charts.ts';
