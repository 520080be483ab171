/**
 * Reading one table candidate of a sheet: settle its columns, classify its rows, match every data
 * row to an indicator (by a saved mapping, by code, or by wording). Figures are read later, only
 * for the table the reader keeps.
 */
import { foldText } from '../../text/fold.ts';
import { settleColumns, type ColumnNote } from './columns.ts';
import type { HeaderGuess } from './header.ts';
import type { LayoutMapping } from './mapping.ts';
import type { IndicatorMatcher } from './match.ts';
import { classifyRow, rowHasFigures } from './row-kind.ts';
import type { SheetView } from './sheet-view.ts';
import type { LayoutColumn, LayoutRow } from './types.ts';

/** Most rows read in one table: a report has tens; a sheet of thousands of rows is no report table. */
export const MAX_TABLE_ROWS = 5000;

/** A table candidate, read. */
export interface TableRead {
  view: SheetView;
  headerRows: number[];
  columns: LayoutColumn[];
  notes: ColumnNote[];
  /** Non-blank rows of the table (data, section, total, numbering), top to bottom; figures not yet read. */
  rows: LayoutRow[];
  /** The first row of the signature block or footer after the table, or null when the table runs to the end. */
  endRow: number | null;
  /** Data rows with an indicator. */
  matched: number;
  /** Section and total rows that hold figures (skipped; reported as a notice). */
  skippedWithFigures: number[];
  /** The first row not read when the table was cut at `MAX_TABLE_ROWS` rows, else null. */
  truncatedAt: number | null;
  /** Mapping rows whose wording was not found in the table. */
  mappingRowsMissing: { row: number; text: string }[];
  headerScore: number;
}

/**
 * Reads a table from a header guess: the rows after the header up to the signature block
 * (`classifyRow`); data rows matched in this order — a mapping row with the same folded wording
 * (`via: 'mapping'`, confidence 1; `indicator: null` there marks a row as not an indicator), then
 * `matcher.match(wording, code cell, unit of measure)`.
 */
export function readTable(view: SheetView, guess: HeaderGuess, matcher: IndicatorMatcher, mapping?: LayoutMapping): TableRead {
  const lastHeader = guess.rows[guess.rows.length - 1] ?? 0;
  const below = view.rows.filter((r) => r > lastHeader);
  const settled = settleColumns(view, guess.columns, below, guess.rows[0] ?? lastHeader);
  const columns = settled.columns;
  const textCol = columns.find((c) => c.role === 'text');
  const codeCol = columns.find((c) => c.role === 'code');
  const uomCol = columns.find((c) => c.role === 'unitOfMeasure');
  const mapped = (mapping?.rows ?? []).map((r) => ({ ...r, key: foldText(r.text), used: false }));

  const rows: LayoutRow[] = [];
  const skippedWithFigures: number[] = [];
  let endRow: number | null = null;
  let matched = 0;
  let truncatedAt: number | null = null;
  for (const row of below) {
    if (rows.length >= MAX_TABLE_ROWS) {
      truncatedAt = row;
      break;
    }
    const kind = classifyRow(view, row, columns);
    if (kind === 'blank') continue;
    if (kind === 'end') {
      endRow = row;
      break;
    }
    const decoded = textCol ? view.decoded(row, textCol.col) : { text: '', encoding: 'unicode' as const, by: null };
    const entry: LayoutRow = { row, kind, text: decoded.text, indicator: null, confidence: null, via: null, candidates: [], figures: null };
    if (decoded.encoding !== 'unicode') entry.encoding = decoded.encoding;
    if (kind !== 'data') {
      if ((kind === 'section' || kind === 'total') && rowHasFigures(view, row, columns)) skippedWithFigures.push(row);
      rows.push(entry);
      continue;
    }
    const key = foldText(decoded.text);
    const fromMapping = key === '' ? undefined : mapped.find((m) => !m.used && m.key === key);
    if (fromMapping) {
      fromMapping.used = true;
      entry.via = 'mapping';
      entry.indicator = fromMapping.indicator;
      entry.confidence = 1;
      if (fromMapping.indicator !== null) {
        entry.candidates = [{ code: fromMapping.indicator, confidence: 1 }];
        matched += 1;
      }
      rows.push(entry);
      continue;
    }
    const result = matcher.match(decoded.text, codeCol ? view.text(row, codeCol.col) : undefined, uomCol ? view.text(row, uomCol.col) : undefined);
    entry.indicator = result.indicator;
    entry.confidence = result.confidence;
    entry.via = result.via;
    entry.candidates = result.candidates;
    if (result.ambiguous) entry.ambiguous = true;
    if (result.indicator !== null) matched += 1;
    rows.push(entry);
  }
  return {
    view,
    headerRows: guess.rows,
    columns,
    notes: settled.notes,
    rows,
    endRow,
    matched,
    skippedWithFigures,
    truncatedAt,
    mappingRowsMissing: mapped.filter((m) => !m.used).map((m) => ({ row: m.row, text: m.text })),
    headerScore: guess.score,
  };
}
