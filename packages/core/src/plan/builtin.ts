import type { Plan } from './schema.ts';
import { parsePlan } from './load.ts';
import data from './plans/hatinh-2021.json' with { type: 'json' };

/**
 * Built-in plans shipped with the tool, validated when this module loads.
 * An invalid built-in plan is a bug in this repository, so loading throws an `Error` listing
 * the findings instead of returning them.
 */

function load(input: unknown, source: string): Plan {
  const result = parsePlan(input, source);
  if (!result.ok) {
    const details = result.findings.map((f) => `- ${f.message.en}`).join('\n');
    throw new Error(`Built-in plan ${source} is invalid:\n${details}`);
  }
  return result.value;
}

/**
 * Plan 163/KH-UBND of 28/12/2020 of UBND thành phố Hà Tĩnh: communication on administrative
 * reform (CCHC) in 2021. Nine indicators CT1…CT5b (BRIEF §3.1), themes ND1…ND7 with ND3.1…ND3.7,
 * forms HT1…HT9 with HT1.1–HT1.3 and HT2.1–HT2.2, profiles `general-100` (primary) and
 * `communication-2` (Xuân Lộc, Đồng Nai guideline); deadline 6 days after the cut-off window.
 */
export const hatinh2021: Plan = load(data, 'plans/hatinh-2021.json');

/** Built-in plans by id (`hatinh-2021`). A `Map`-like lookup: use `Object.hasOwn` before indexing. */
export const builtinPlans: Record<string, Plan> = Object.freeze({ [hatinh2021.id]: hatinh2021 }) as Record<string, Plan>;
