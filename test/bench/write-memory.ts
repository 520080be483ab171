/**
 * Where the memory of `cchc consolidate` goes after reading, stage by stage, for N units:
 * the consolidator's summaries, `finish()`, the JSON text, and the consolidated workbook
 * (exceljs, in memory). Reads a few generated reports once and feeds the consolidator N copies
 * with N different unit codes, so no time is spent reading. For each stage it prints the
 * resident memory after a full GC and the stage's own peak (Linux: the peak-RSS counter is reset
 * before the stage through /proc/self/clear_refs).
 *
 * Usage: `node --expose-gc --import tsx test/bench/write-memory.ts [N] [REPORTS_DIR] [json|xlsx|both]`
 * (defaults: 10000, the bench's reports-1000 folder, both outputs one after the other); a fifth
 * argument `stream` or `memory` picks the workbook writer (default: as `writeConsolidated` chooses).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConsolidator, hatinh2021, hatinhCity2020, mergeUnits, parsePeriod, parseUnitsCsv, toJson, type CheckedReport } from '@cchc-kpi/core';
import { jsonChunks } from '../../packages/cli/src/io/json-chunks.ts';
import { processFile } from '../../packages/cli/src/pipeline.ts';
import { writeConsolidated } from '@cchc-kpi/xlsx/write';
import { benchUnit, BENCH_PERIOD, unitsCsv } from './generate.ts';

const n = Number(process.argv[2] ?? 10_000);
const dir = process.argv[3] ?? join(tmpdir(), 'cchc-bench', 'reports-1000');
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('Run with node --expose-gc');

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
function status(field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}
function resetPeak(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // not permitted: the peak then runs from the start of the process
  }
}
const rows: string[] = ['| stage | RSS after (GC) | heap used after | stage peak RSS |', '|---|---:|---:|---:|'];
async function stage<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  gc!();
  resetPeak();
  const value = await run();
  const peak = status('VmHWM');
  gc!();
  rows.push(`| ${name} | ${mib(process.memoryUsage().rss)} | ${mib(process.memoryUsage().heapUsed)} | ${mib(peak)} |`);
  return value;
}

const period = parsePeriod(BENCH_PERIOD, { deadlineDaysAfterCutoff: hatinh2021.deadline.daysAfterCutoff });
if (!period.ok) throw new Error('period');
const extra = parseUnitsCsv(unitsCsv(n));
if (!extra.ok) throw new Error('units');
const merged = mergeUnits(hatinhCity2020, extra.value);
if (!merged.ok) throw new Error('units');
const units = merged.value.units;

const samples = await stage('start (modules, 50 reports read)', async () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().slice(0, 50);
  const out: CheckedReport[] = [];
  for (const f of files) {
    const outcome = await processFile(join(dir, f), { plan: hatinh2021, units }, period.value);
    if (outcome.checked) out.push(outcome.checked);
  }
  return out;
});
const consolidator = createConsolidator({ plan: hatinh2021, units, period: period.value });
await stage(`consolidator with ${n} summaries`, () => {
  for (let i = 0; i < n; i++) {
    const base = samples[i % samples.length] as CheckedReport;
    const code = benchUnit(i).code;
    const unit = units.find((u) => u.code === code) ?? null;
    consolidator.add({ ...base, unit, report: { ...base.report, unitCode: code } }, `${code}-${BENCH_PERIOD}.xlsx`);
  }
});
const result = await stage('finish()', () => consolidator.finish());
// Each output alone (the other not held), as writeOutputs makes them one after the other.
const only = process.argv[4] ?? 'both';
if (only !== 'xlsx') {
  // As --json writes it: chunk by chunk (jsonChunks), each chunk dropped once counted.
  const length = await stage('JSON text (toJson, then chunk by chunk as --json writes it)', () => {
    let characters = 0;
    for (const chunk of jsonChunks(toJson(result))) characters += chunk.length;
    return characters;
  });
  rows.push(`| (JSON text: ${(length / 1e6).toFixed(0)} million characters) | | | |`);
}
if (only !== 'json') {
  const streaming = process.argv[5] === undefined ? undefined : process.argv[5] === 'stream';
  const how = streaming === undefined ? 'default writer' : streaming ? 'streaming writer' : 'in-memory writer';
  const size = await stage(`consolidated workbook (writeConsolidated, ${how})`, async () => (await writeConsolidated(result, hatinh2021, streaming === undefined ? {} : { streaming })).length);
  rows.push(`| (workbook: ${mib(size)}, ${result.units.length} units, ${result.findings.length} findings) | | | |`);
}
process.stdout.write(`${rows.join('\n')}\n`);
