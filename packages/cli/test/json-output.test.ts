/**
 * The `--json` output written chunk by chunk (io/json-chunks.ts, io/write-chunks.ts,
 * io/atomic-write.ts): the bytes must be exactly `JSON.stringify(value, null, 2) + '\n'`, to a
 * file and to a stream that applies back-pressure, for a real consolidation of the example
 * reports and for edge values; a write stopped half-way (Ctrl-C, a failing value) leaves no file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsolidator, parsePeriod, type Consolidation, type Plan } from '@cchc-kpi/core';
import { loadContext } from '../src/context.ts';
import { consolidationJson } from '../src/consolidate/report-outputs.ts';
import { writeOutputs } from '../src/consolidate/write-outputs.ts';
import { removePendingTempFiles, writeFileAtomic } from '../src/io/atomic-write.ts';
import { jsonChunks } from '../src/io/json-chunks.ts';
import { writeChunks } from '../src/io/write-chunks.ts';
import { processFile } from '../src/pipeline.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

let dir = '';
let consolidation: Consolidation;
let plan: Plan;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-json-out-'));
  // The example's fourteen filled forms, generated as `pnpm start` does (a clean clone has none).
  const reports = join(dir, 'reports');
  const generated = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'examples/generate-reports.ts'), dir], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 180_000 });
  if (generated.status !== 0) throw new Error(`generate-reports failed: ${generated.stderr}`);
  const context = await loadContext({});
  if (!context.ok) throw new Error('context');
  plan = context.value.plan;
  const period = parsePeriod('2021-H1', { deadlineDaysAfterCutoff: plan.deadline.daysAfterCutoff });
  if (!period.ok) throw new Error('period');
  const consolidator = createConsolidator({ plan, units: context.value.units, period: period.value });
  const files = readdirSync(reports).filter((f) => f.endsWith('.xlsx')).sort();
  for (const file of files) {
    const outcome = await processFile(join(reports, file), context.value, period.value);
    if (outcome.checked) consolidator.add(outcome.checked, outcome.file);
    else consolidator.addFailure(outcome.file, outcome.findings);
  }
  consolidation = consolidator.finish();
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A writable that takes `highWaterMark` bytes at a time and drains on the next turn of the event loop. */
function slowSink(highWaterMark: number): { stream: Writable; bytes: () => Buffer; refusals: () => number } {
  const parts: Buffer[] = [];
  let refusals = 0;
  const stream = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, done) {
      parts.push(chunk);
      setImmediate(done);
    },
  });
  const write = stream.write.bind(stream) as (chunk: string) => boolean;
  stream.write = ((chunk: string) => {
    const accepted = write(chunk);
    if (!accepted) refusals += 1;
    return accepted;
  }) as typeof stream.write;
  return { stream, bytes: () => Buffer.concat(parts), refusals: () => refusals };
}

/** The values whose JSON must come out the same, byte for byte. */
const EDGE_CASES: Array<{ name: string; value: () => object }> = [
  { name: 'a real consolidation (14 example reports)', value: () => consolidationJson(consolidation) },
  { name: 'an empty object', value: () => ({}) },
  { name: 'an empty array', value: () => [] },
  { name: 'empty arrays and objects nested', value: () => ({ a: [], b: {}, c: [[], {}, [[]]], d: { e: {} } }) },
  { name: 'null values', value: () => ({ a: null, b: [null, null], c: { d: null } }) },
  {
    name: 'undefined values (keys left out of objects, null in arrays)',
    value: () => ({ before: 1, gone: undefined, list: [undefined, 1, undefined], only: { gone: undefined }, after: 2 }),
  },
  {
    name: 'Vietnamese text in NFC',
    value: () => ({
      'Tên đơn vị': 'Phường Trần Phú'.normalize('NFC'),
      title: 'Kế hoạch tuyên truyền cải cách hành chính năm 2021'.normalize('NFC'),
      list: ['Thạch Trung', 'Nam Hà', 'Đồng Môn', 'ỹ ự ẩ ở'].map((s) => s.normalize('NFC')),
    }),
  },
  { name: 'numbers', value: () => ({ sum: 0.1 + 0.2, negativeZero: -0, list: [-0, 0, 1e21, 1e-7, 5e-324, Number.MAX_SAFE_INTEGER, -1.5], nan: NaN, inf: [Infinity, -Infinity] }) },
  {
    name: 'strings that need escapes',
    value: () => ({ quote: 'a "b" \\ c', control: '\u0000\u0001\b\f\n\r\t\u001f\u007f', lone: '\ud800 x \udfff', pair: '😀 \u2028\u2029', key: { 'a"b\n': 1 } }),
  },
  { name: 'booleans, dates and Maps', value: () => ({ yes: true, no: false, on: new Date(Date.UTC(2021, 5, 15)), map: new Map([['a', 1]]) }) },
  { name: 'a long array spanning many chunks', value: () => Array.from({ length: 5000 }, (_, i) => ({ i, name: `Đơn vị ${i}`, ratio: i / 7 })) },
];

describe('jsonChunks', () => {
  for (const { name, value } of EDGE_CASES) {
    it(`joins to JSON.stringify(value, null, 2) + "\\n": ${name}`, () => {
      const v = value();
      expect([...jsonChunks(v)].join('')).toBe(`${JSON.stringify(v, null, 2)}\n`);
    });
  }

  it('gives the real consolidation in several chunks of about 16 K characters, the newline last', () => {
    const chunks = [...jsonChunks(consolidationJson(consolidation))];
    const total = chunks.reduce((n, c) => n + c.length, 0);
    expect(total).toBeGreaterThan(100_000);
    expect(chunks.length).toBeGreaterThan(total / 20_000);
    expect(chunks.slice(0, -2).every((c) => c.length >= 16_384 && c.length < 20_000)).toBe(true);
    expect(chunks.at(-1)).toBe('\n');
  });

  it('throws a TypeError for a circular structure, as JSON.stringify does', () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    expect(() => [...jsonChunks(loop)]).toThrow(TypeError);
  });
});

describe('the JSON written chunk by chunk', () => {
  for (const { name, value } of EDGE_CASES) {
    it(`to a file through writeFileAtomic, same bytes: ${name}`, async () => {
      const v = value();
      const path = join(dir, 'file', `${name.replace(/\W+/g, '-')}.json`);
      await writeFileAtomic(path, jsonChunks(v));
      expect(readFileSync(path).equals(Buffer.from(`${JSON.stringify(v, null, 2)}\n`, 'utf8'))).toBe(true);
    });

    it(`to a slow stream, waiting for it to drain, same bytes: ${name}`, async () => {
      const v = value();
      const sink = slowSink(1024);
      await writeChunks(sink.stream, jsonChunks(v));
      await new Promise<void>((done) => sink.stream.end(done));
      expect(sink.bytes().equals(Buffer.from(`${JSON.stringify(v, null, 2)}\n`, 'utf8'))).toBe(true);
    });
  }

  it('waits for drain whenever the stream refuses more, and never writes past a refusal', async () => {
    const sink = slowSink(16);
    let inFlight = 0;
    let most = 0;
    sink.stream.on('drain', () => (inFlight = 0));
    const counting = (function* (): Generator<string> {
      for (const chunk of jsonChunks(consolidationJson(consolidation))) {
        inFlight += 1;
        most = Math.max(most, inFlight);
        yield chunk;
      }
    })();
    await writeChunks(sink.stream, counting);
    await new Promise<void>((done) => sink.stream.end(done));
    // A 16-byte buffer refuses after every chunk, so each chunk waited for the previous one to drain.
    expect(sink.refusals()).toBeGreaterThan(5);
    expect(most).toBe(1);
    expect(sink.bytes().toString('utf8')).toBe(`${JSON.stringify(consolidationJson(consolidation), null, 2)}\n`);
  });

  it('rejects when the stream fails or closes while a drain is awaited', async () => {
    const failing = new Writable({ highWaterMark: 1, write: (_chunk, _encoding, done) => setImmediate(() => done(new Error('disk gone'))) });
    failing.on('error', () => undefined);
    await expect(writeChunks(failing, ['{', '}'])).rejects.toThrow('disk gone');
    const closed = new Writable({ highWaterMark: 1, write: (_chunk, _encoding, _done) => undefined });
    const pending = writeChunks(closed, ['{', '}']);
    closed.destroy();
    await expect(pending).rejects.toThrow(/closed before all the text was written/);
  });

  it('writeOutputs: the JSON file and --json - carry the same bytes as JSON.stringify', async () => {
    const expected = Buffer.from(`${JSON.stringify(consolidationJson(consolidation), null, 2)}\n`, 'utf8');
    const sink = slowSink(4096);
    await writeOutputs(consolidation, plan, { out: join(dir, 'outputs', 'a.xlsx'), json: join(dir, 'outputs', 'a.json') }, sink.stream);
    expect(readFileSync(join(dir, 'outputs', 'a.json')).equals(expected)).toBe(true);
    expect(sink.bytes().length).toBe(0);
    await writeOutputs(consolidation, plan, { out: join(dir, 'outputs', 'b.xlsx'), json: '-' }, sink.stream);
    await new Promise<void>((done) => sink.stream.end(done));
    expect(sink.bytes().equals(expected)).toBe(true);
    expect(readdirSync(join(dir, 'outputs')).sort()).toEqual(['a.json', 'a.xlsx', 'b.xlsx']);
  });
});

describe('an interrupted chunked write', () => {
  it('leaves no file when Ctrl-C removes the pending temporary file half-way', async () => {
    const folder = join(dir, 'interrupted');
    let release!: () => void;
    const paused = new Promise<void>((done) => (release = done));
    let started!: () => void;
    const halfWay = new Promise<void>((done) => (started = done));
    async function* chunks(): AsyncGenerator<string> {
      yield '{\n  "a": 1';
      started();
      await paused;
      yield '\n}\n';
    }
    const writing = writeFileAtomic(join(folder, 'tong-hop.json'), chunks());
    await halfWay;
    // The first chunk sits in a hidden temporary file next to the output, of a fixed-length name.
    const temps = readdirSync(folder);
    expect(temps).toHaveLength(1);
    expect(temps[0]).toMatch(/^\.cchc-[0-9a-f]{12}\.tmp$/);
    removePendingTempFiles();
    expect(readdirSync(folder)).toEqual([]);
    release();
    // The error names the output, never the temporary file.
    await expect(writing).rejects.toMatchObject({ code: 'ENOENT', path: join(folder, 'tong-hop.json') });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('removes the temporary file and writes nothing when the value cannot be serialised', async () => {
    const folder = join(dir, 'circular');
    const loop: Record<string, unknown> = { list: Array.from({ length: 2000 }, (_, i) => ({ i, text: 'Đơn vị' })) };
    (loop.list as unknown[]).push(loop);
    await expect(writeFileAtomic(join(folder, 'x.json'), jsonChunks(loop))).rejects.toThrow(TypeError);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('the temporary file never makes a valid name invalid (issue p1 D)', () => {
  it('writes a 245-byte name (255 is the limit; the old temporary name added 18 bytes)', async () => {
    const folder = join(dir, 'long-names');
    const name = `${'đ'.repeat(120)}.xlsx`; // 120 × 2 bytes + 5 = 245 bytes
    expect(Buffer.byteLength(name)).toBe(245);
    await writeFileAtomic(join(folder, name), 'x');
    expect(readdirSync(folder)).toEqual([name]);
    const exact = `${'a'.repeat(250)}.xlsx`;
    await writeFileAtomic(join(folder, exact), 'y');
    expect(readFileSync(join(folder, exact), 'utf8')).toBe('y');
  });

  it('names the output, not the temporary file, when the name itself is too long', async () => {
    const path = join(dir, 'long-names', `${'a'.repeat(300)}.xlsx`);
    await expect(writeFileAtomic(path, 'x')).rejects.toMatchObject({ code: 'ENAMETOOLONG', path });
    expect(readdirSync(join(dir, 'long-names')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
