/**
 * Mutation test (issue 6): a valid filled report, damaged at random — bytes flipped, the file cut
 * short, the XML inside edited (unzipped, changed, zipped again) — never makes the reader or the
 * validator throw. Every mutant gives a report or error findings naming the file, never the
 * reader's internal-error safety net, and everything read still consolidates into a workbook,
 * JSON and CSV. Seeded and bounded: the same cases run every time.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport, createConsolidator, hatinh2021, hatinhCity2020, toJson, type Finding } from '@cchc-kpi/core';
import { consolidationCsv } from '../packages/cli/src/consolidate/csv-tables.ts';
import { processFile } from '../packages/cli/src/pipeline.ts';
import { readReport } from '@cchc-kpi/xlsx';
import { writeConsolidated } from '@cchc-kpi/xlsx/write';
import { filledReport, period, unit } from './support/hostile.ts';
import { unzipParts, zipParts, type ZipPart } from './support/zip.ts';

const FILE = 'dot-bien.xlsx';
const p = period();
const good = await filledReport(unit('18070'), p);
const parts: ZipPart[] = unzipParts(good).filter((part) => !part.name.endsWith('/'));
const xmlParts = parts.filter((part) => /\.(xml|rels)$/.test(part.name)).map((part) => part.name);
const text = new Map(parts.map((part) => [part.name, Buffer.from(part.data).toString('utf8')]));

/** Everything the consolidation of all mutants needs. */
const consolidator = createConsolidator({ plan: hatinh2021, units: hatinhCity2020.units, period: p });
let reports = 0;
let refused = 0;

/**
 * Reads one mutant as the CLI does and checks the outcome: no exception, a report (then
 * validated) or at least one error finding; every finding names the file; the reader's
 * `read-internal-error` (an exception it had to catch) never appears.
 */
function readMutant(bytes: Uint8Array): void {
  const read = readReport(bytes, { plan: hatinh2021, file: FILE });
  const findings: Finding[] = [...read.findings];
  if (read.ok) {
    const checked = checkReport(read.value, { plan: hatinh2021, units: hatinhCity2020.units, period: p, file: FILE });
    findings.push(...checked.findings);
    consolidator.add({ ...checked, findings }, FILE);
    reports++;
  } else {
    expect(findings.some((f) => f.severity === 'error')).toBe(true);
    consolidator.addFailure(FILE, findings);
    refused++;
  }
  expect(findings.filter((f) => f.code === 'read-internal-error')).toEqual([]);
  expect(findings.filter((f) => f.file !== FILE)).toEqual([]);
}

/** Junk an edit may insert: markup fragments, entities, hostile declarations, odd numbers and references. */
const JUNK = [
  '<', '>', '&', '&amp', '&#0;', '&#xD800;', '&unknown;', '<x>', '</row>', '</sheetData>', '<row r="0">', '<row r="99999999999">',
  '<c r="A1" t="s"><v>999999</v></c>', '<c r="XFE1"><v>1</v></c>', '<c r="A1048577"><v>1</v></c>', '<c><v>1e400</v></c>',
  '<c r="F12" t="n"><v>abc</v></c>', '<c r="F12" t="d"><v>not-a-date</v></c>', '<c r="F12" t="b"><v>2</v></c>', '<c r="F12" t="e"><v>#REF!</v></c>',
  '<c r="F12" s="99999"><v>1</v></c>', '<definedName name="unit_code">Báo cáo!$ZZZ$0</definedName>', '<definedName name="x" localSheetId="999">A1</definedName>',
  '<f t="shared" si="999999"/>', '<f t="shared" ref="A1:XFD1048576" si="0">A1+1</f>', '<!DOCTYPE x [<!ENTITY a "b">]>', ']]>', '<![CDATA[', '\u0000',
  '<?xml version="1.0"?>', '<mergeCell ref="A1:XFD1048576"/>', '<dimension ref="A1:XFD1048576"/>', '_x0000_', '_xD800_', 'r:id="rId999"',
  '<sheet name="" sheetId="0" r:id="rId1"/>', '<Relationship Id="rId1" Type="x" Target="../../../../etc/passwd"/>', '__proto__', '\u202E', '𝟘',
];

/** One edit of one XML part. */
type XmlEdit =
  | { kind: 'delete'; part: number; at: number; length: number }
  | { kind: 'insert'; part: number; at: number; junk: string }
  | { kind: 'duplicate'; part: number; at: number; length: number }
  | { kind: 'value'; part: number; nth: number; value: string }
  | { kind: 'attribute'; part: number; nth: number; value: string }
  | { kind: 'swap'; part: number; other: number }
  | { kind: 'drop'; part: number };

const partIndex = fc.nat({ max: xmlParts.length - 1 });
/** A position in a file of `length` bytes, uniform (fast-check's doubles favour 0 and tiny values). */
const position = (length: number): fc.Arbitrary<number> => fc.nat({ max: length - 1 });
/** 1 to `max` flips: a position and a non-zero XOR mask each. */
const flips = (length: number, max: number): fc.Arbitrary<[number, number][]> =>
  fc.array(fc.tuple(position(length), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: max });

/** `bytes` with the flips applied (a copy). */
function flipped(bytes: Uint8Array, changes: readonly [number, number][]): Uint8Array {
  const copy = new Uint8Array(bytes);
  for (const [i, xor] of changes) copy[i] = (copy[i] ?? 0) ^ xor;
  return copy;
}
const xmlEdit: fc.Arbitrary<XmlEdit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), part: partIndex, at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('insert' as const), part: partIndex, at: fc.nat(), junk: fc.oneof(fc.constantFrom(...JUNK), fc.string({ maxLength: 12 })) }),
  fc.record({ kind: fc.constant('duplicate' as const), part: partIndex, at: fc.nat(), length: fc.integer({ min: 1, max: 2000 }) }),
  fc.record({
    kind: fc.constant('value' as const),
    part: partIndex,
    nth: fc.nat({ max: 200 }),
    value: fc.constantFrom('', '-1', '1e308', '1e400', 'NaN', '0x1F', '  ', '99999999999999999999999', '-0', '1.7976931348623157e309', 'Infinity', '１２３', '0,5', '12/31/2021'),
  }),
  fc.record({
    kind: fc.constant('attribute' as const),
    part: partIndex,
    nth: fc.nat({ max: 200 }),
    value: fc.constantFrom('', 'A0', 'ZZZZ999999999', 'XFD1048577', '-1', '4294967296', 'rId999', '../../x.xml', '1904', 'veryHidden', '"', '&lt;'),
  }),
  fc.record({ kind: fc.constant('swap' as const), part: partIndex, other: partIndex }),
  fc.record({ kind: fc.constant('drop' as const), part: partIndex }),
);

/** Applies XML edits to the parts, then zips them again (DEFLATE or stored). */
function applyEdits(edits: readonly XmlEdit[], store: boolean): Uint8Array {
  const current = new Map(text);
  for (const edit of edits) {
    const name = xmlParts[edit.part] as string;
    const xml = current.get(name);
    if (xml === undefined) continue;
    const at = 'at' in edit ? edit.at % (xml.length + 1) : 0;
    switch (edit.kind) {
      case 'delete':
        current.set(name, xml.slice(0, at) + xml.slice(at + edit.length));
        break;
      case 'insert':
        current.set(name, xml.slice(0, at) + edit.junk + xml.slice(at));
        break;
      case 'duplicate':
        current.set(name, xml.slice(0, at + edit.length) + xml.slice(at, at + edit.length) + xml.slice(at + edit.length));
        break;
      case 'value': {
        let n = 0;
        current.set(name, xml.replace(/<v>[^<]*<\/v>/g, (m) => (n++ === edit.nth % Math.max(1, (xml.match(/<v>/g) ?? []).length) ? `<v>${edit.value}</v>` : m)));
        break;
      }
      case 'attribute': {
        let n = 0;
        const count = (xml.match(/="[^"]*"/g) ?? []).length;
        current.set(name, xml.replace(/="[^"]*"/g, (m) => (n++ === edit.nth % Math.max(1, count) ? `="${edit.value}"` : m)));
        break;
      }
      case 'swap': {
        const otherName = xmlParts[edit.other] as string;
        const other = current.get(otherName);
        if (other !== undefined) {
          current.set(name, other);
          current.set(otherName, xml);
        }
        break;
      }
      case 'drop':
        current.delete(name);
        break;
    }
  }
  const entries: [string, Uint8Array | string][] = parts.map((part) => [part.name, current.get(part.name) ?? part.data]);
  return zipParts(
    entries.filter(([name]) => !xmlParts.includes(name) || current.has(name)),
    { store },
  );
}

describe('mutated reports never crash the reader or the validator', { timeout: 300_000 }, () => {
  it('the unmutated report reads without an error', () => {
    const read = readReport(good, { plan: hatinh2021, file: FILE });
    expect(read.ok).toBe(true);
    expect(read.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // The same bytes rezipped by the test helper read the same.
    expect(readReport(applyEdits([], false), { plan: hatinh2021, file: FILE }).ok).toBe(true);
  });

  it('random byte flips (1–30 bytes anywhere)', () => {
    fc.assert(
      fc.property(flips(good.length, 30), (changes) => readMutant(flipped(good, changes))),
      { seed: 60601, numRuns: 150 },
    );
  });

  it('truncations at any length, and byte flips in the stored (uncompressed) zip', () => {
    fc.assert(
      fc.property(fc.nat({ max: good.length }), (length) => readMutant(good.subarray(0, length))),
      { seed: 60602, numRuns: 60 },
    );
    const stored = applyEdits([], true);
    fc.assert(
      fc.property(flips(stored.length, 10), (changes) => readMutant(flipped(stored, changes))),
      { seed: 60603, numRuns: 120 },
    );
  });

  it('XML edits inside the zip: deletions, junk, duplicated ranges, odd values and attributes, swapped and missing parts', () => {
    fc.assert(
      fc.property(fc.array(xmlEdit, { minLength: 1, maxLength: 4 }), fc.boolean(), (edits, store) => readMutant(applyEdits(edits, store))),
      { seed: 60604, numRuns: 250 },
    );
  });

  it('through the CLI pipeline too (template reader, then the layout reader for what is no longer our form)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-mutants-'));
    const path = join(dir, FILE);
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(xmlEdit, { minLength: 1, maxLength: 4 }), flips(good.length, 3), fc.boolean(), async (edits, changes, flip) => {
          const mutant = applyEdits(edits, false);
          writeFileSync(path, flip ? flipped(mutant, changes.map(([i, x]) => [i % mutant.length, x] as [number, number])) : mutant);
          const outcome = await processFile(path, { plan: hatinh2021, units: hatinhCity2020.units }, p);
          if (!outcome.checked) expect(outcome.findings.some((f) => f.severity === 'error')).toBe(true);
          expect(outcome.findings.filter((f) => f.code === 'read-internal-error')).toEqual([]);
          expect(outcome.findings.filter((f) => f.file !== FILE)).toEqual([]);
        }),
        { seed: 60605, numRuns: 120 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('everything read still consolidates into a workbook, JSON and CSV', async () => {
    expect(reports).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    const result = consolidator.finish();
    expect(result.units.find((u) => u.code === '18070')?.submitted).toBe(true);
    const json = JSON.parse(JSON.stringify(toJson(result))) as { findings: Finding[] };
    expect(json.findings.filter((f) => f.code === 'duplicate-report')).toHaveLength(1);
    const workbook = await writeConsolidated(result, hatinh2021);
    expect(readReport(workbook, { plan: hatinh2021 }).ok).toBe(false);
    const csv = consolidationCsv(result, hatinh2021);
    expect(csv.table.startsWith('\uFEFFSTT,')).toBe(true);
  });
});
