/**
 * Library usage: read one filled report, validate it, score it and consolidate it with the
 * others — the same calls the CLI and the add-in make. Run with `pnpm --filter @cchc-kpi/examples usage`
 * after `pnpm start` has generated the example reports.
 */
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReport, createConsolidator, hatinh2021, hatinhCity2020, parsePeriod, scoreUnit } from '@cchc-kpi/core';
import { readReport } from '@cchc-kpi/xlsx';

const reports = join(dirname(fileURLToPath(import.meta.url)), 'reports');
const period = parsePeriod('2021-H1');
if (!period.ok) throw new Error('bad period');
const consolidator = createConsolidator({ plan: hatinh2021, units: hatinhCity2020.units, period: period.value });

for (const file of (await readdir(reports)).sort()) {
  const read = readReport(new Uint8Array(await readFile(join(reports, file))), { plan: hatinh2021, file });
  if (!read.ok) {
    consolidator.addUnreadable(file, read.findings); // its unit is `unreadable`, not `missing`
    continue;
  }
  const checked = checkReport(read.value, { plan: hatinh2021, units: hatinhCity2020.units, period: period.value, file });
  const profile = hatinh2021.profiles.find((p) => p.id === hatinh2021.primaryProfile)!;
  // On time: the date on the form, on or before the period's deadline (the CLI also reads a register).
  const onTime = checked.report.submittedOn === null ? null : checked.report.submittedOn <= period.value.deadline;
  const score = scoreUnit(checked, profile, hatinh2021, { onTime });
  console.log(`${file}: ${checked.unit?.name ?? '?'} — ${score.score}/${score.scale} (${score.band.vi}), ${checked.findings.length} findings`);
  consolidator.add(checked, file);
}

const result = consolidator.finish();
const ct3a = result.totals.indicators.CT3a;
console.log(`CT3a city total: ${ct3a?.numerator}/${ct3a?.denominator} = ${((ct3a?.ratio ?? 0) * 100).toFixed(1)}%`);
console.log(`Completeness ${result.totals.received}/${result.totals.expected}`);
