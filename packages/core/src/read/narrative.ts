/**
 * The narrative cells of our form (`NARRATIVE_NAMES`): free text, lines kept.
 */
import { resolveName } from '../grid/access.ts';
import { emptyNarrative, type Narrative } from '../report/model.ts';
import { normalizeMultilineText } from '../text/multiline.ts';
import { NARRATIVE_FIELDS, NARRATIVE_NAMES } from '../template/names.ts';
import { cellText } from '../text/cell-text.ts';
import type { ReadContext } from './cells.ts';

/**
 * Reads the narrative from its named cells, or `null` when the workbook names none of them (a
 * form made before they existed: the narrative is then empty, with no finding). Each field is the
 * cell's text with its lines kept (`normalizeMultilineText`), `null` when blank; a number or date
 * typed there is read as its text. Never raises a finding.
 */
export function readNarrative(ctx: ReadContext): Narrative | null {
  const narrative = emptyNarrative();
  let named = false;
  for (const field of NARRATIVE_FIELDS) {
    const resolved = resolveName(ctx.grid, NARRATIVE_NAMES[field]);
    if (!resolved) continue;
    named = true;
    const cell = resolved.sheet.cells.get(resolved.ref);
    const raw = typeof cell?.value === 'string' ? cell.value : cellText(cell, ctx.grid.date1904);
    const text = raw === null ? '' : normalizeMultilineText(raw);
    narrative[field] = text === '' ? null : text;
  }
  return named ? narrative : null;
}
