import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkReport, createConsolidator, hatinh2021, hatinhCity2020, parsePeriod, registryForPeriod, scoreUnit } from '@cchc-kpi/core';
import { readReport } from '@cchc-kpi/xlsx';                       // the reader: Node and browsers
import { writeConsolidated } from '@cchc-kpi/xlsx/write';           // the writers (exceljs): Node

const [dir = 'reports', out = 'tong-hop.xlsx'] = process.argv.slice(2); // the units' reports, the city's workbook
const period = parsePeriod('2021-H1');                               // Result<Period>: cut-off 2020-12-15…2021-06-14
if (!period.ok) throw new Error(period.findings[0]?.message.en);
const registry = registryForPeriod(hatinhCity2020, period.value);    // the units of that time: refused outside 2020-01-01…2024-12-31
if (!registry.ok) throw new Error(registry.findings[0]?.message.en);
const { units } = registry.value;
const profile = hatinh2021.profiles.find((p) => p.id === hatinh2021.primaryProfile);
if (!profile) throw new Error('the plan has no primary scoring profile');
const consolidator = createConsolidator({ plan: hatinh2021, units, period: period.value });
for (const file of (await readdir(dir)).filter((name) => name.endsWith('.xlsx')).sort()) {
  const read = readReport(new Uint8Array(await readFile(join(dir, file))), { plan: hatinh2021, file }); // never throws on bad input
  if (!read.ok) {
    consolidator.addUnreadable(file, read.findings);                 // the unit its name names is `unreadable`, not `missing`
    continue;
  }
  const checked = checkReport(read.value, { plan: hatinh2021, units, period: period.value, file });
  const onTime = checked.report.submittedOn === null ? null : checked.report.submittedOn <= period.value.deadline;
  const score = scoreUnit(checked, profile, hatinh2021, { onTime }); // UnitScore: score, scale, band, components
  console.log(`${file}: ${score.score}/${score.scale} ${score.band.vi} — ${score.components.map((c) => `${c.label.en} ${c.points}/${c.max}`).join(', ')}`);
  consolidator.add(checked, file);                                   // keeps a summary only: streams any number of reports
}
const result = consolidator.finish();                                // Consolidation: units, totals, activities, findings
const ct3a = result.totals.indicators.CT3a;                          // Σ numerators ÷ Σ denominators, never a mean of ratios
console.log(`${result.totals.received}/${result.totals.expected} units; CT3a ${ct3a?.numerator}/${ct3a?.denominator}`);
await writeFile(out, await writeConsolidated(result, hatinh2021));   // the same bytes for the same inputs
