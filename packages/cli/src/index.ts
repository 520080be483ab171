/**
 * The `cchc` command line, also usable programmatically: `main(argv)` runs it and returns the
 * exit code; the pieces it is made of (reading one file, the CSV tables, the HTML report, the
 * JSON writer) are exported too.
 *
 * @module @cchc-kpi/cli
 */
export { main, buildProgram, addLoadedOptions, prepareProcess } from './program.ts';
export { processFile, type FileOutcome } from './pipeline.ts';
export { prepareWorkbookBytes, convertibleKind, type Conversion } from './io/convert.ts';
export { toCsv, csvField, escapeFormulaText, parseCsvSeparator, CSV_BOM, type CsvSeparator, type CsvValue } from './io/csv.ts';
export { consolidationCsv, unitIndicatorRows, findingRows, csvFindingsPath, CSV_FINDINGS_SUFFIX } from './consolidate/csv-tables.ts';
export { limitsFromOptions, parseByteSize, LIMIT_OPTIONS, type LimitFlags } from './io/limits.ts';
export { printable, formatFinding } from './io/lang.ts';
export { renderHtmlReport, renderChart, renderSvg, renumberIds, type HtmlReportOptions } from './html/index.ts';
export { writeReportOutputs, consolidationJson } from './consolidate/report-outputs.ts';
export { jsonChunks } from './io/json-chunks.ts';
export { addReportOptions, type ReportFlags } from './consolidate/report-options.ts';
export { forEachChunk, openRegularFile, readRegularFile, readInputFile, type ChunksEnd } from './io/read-file.ts';
export { csvSafeText, jsonSafeText } from './io/terminal-text.ts';
