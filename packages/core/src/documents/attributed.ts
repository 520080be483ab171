import type { UnitResult } from '../consolidate/types.ts';
import { body } from '../document/decree30.ts';
import { run } from '../document/build.ts';
import type { ParagraphModel } from '../document/model.ts';
import type { Narrative } from '../report/model.ts';
import { unitDisplayName } from '../vocabulary/units.ts';

/**
 * The units' own words on one narrative field, each unit's text opened by the unit's name
 * (`- Phường Trần Phú: …`), nothing cut; a line the unit broke is a paragraph of its own (a line
 * break inside a justified paragraph would stretch the words of the line before it). Units in
 * the order given, those that wrote nothing left out.
 */
export function attributedNarrative(units: readonly Pick<UnitResult, 'name' | 'kind' | 'narrative'>[], field: keyof Narrative): ParagraphModel[] {
  const out: ParagraphModel[] = [];
  for (const unit of units) {
    const text = unit.narrative[field];
    if (text === null || text.trim() === '') continue;
    const [first = '', ...rest] = text.split('\n');
    out.push(body([run('- '), run(`${unitDisplayName(unit)}: `, { bold: true, italic: true }), run(first)]));
    for (const line of rest) if (line.trim() !== '') out.push(body(line));
  }
  return out;
}
