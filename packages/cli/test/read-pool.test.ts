/**
 * The read loop and its helpers, without threads: `readAll` with a fake pool (bounded in-flight
 * files, results streamed into the consolidator in any order, abort, a failed read), the
 * progress display (injected clock, no timing), `--workers` parsing and the workers' script.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CheckedReport, Consolidation, Consolidator, Finding } from '@cchc-kpi/core';
import { readAll } from '../src/consolidate/read-all.ts';
import type { FileOutcome } from '../src/pipeline.ts';
import { workerScript, type ReadPool } from '../src/pool/read-pool.ts';
import { parseWorkers } from '../src/pool/workers-option.ts';
import { createProgress, formatDuration } from '../src/progress.ts';

/** A consolidator that records what it is given. */
function recorder(): Consolidator & { added: string[]; failed: { file: string; findings: Finding[] }[]; unreadable: string[] } {
  const added: string[] = [];
  const failed: { file: string; findings: Finding[] }[] = [];
  const unreadable: string[] = [];
  return {
    added,
    failed,
    unreadable,
    add: (_checked: CheckedReport, file?: string) => void added.push(file ?? ''),
    addFailure: (file: string, findings: Finding[]) => void failed.push({ file, findings }),
    addUnreadable: (file: string, findings: Finding[]) => {
      unreadable.push(file);
      failed.push({ file, findings });
    },
    finish: () => ({}) as Consolidation,
  };
}

/** A pool whose reads finish when the test says so, in any order. */
function manualPool(workers: number): ReadPool & { pending: Map<string, (outcome: FileOutcome) => void>; failing: Map<string, (error: Error) => void>; maxInFlight: number } {
  const pending = new Map<string, (outcome: FileOutcome) => void>();
  const failing = new Map<string, (error: Error) => void>();
  const pool = {
    workers,
    pending,
    failing,
    maxInFlight: 0,
    read(path: string): Promise<FileOutcome> {
      return new Promise<FileOutcome>((done, fail) => {
        pending.set(path, done);
        failing.set(path, fail);
        pool.maxInFlight = Math.max(pool.maxInFlight, pending.size);
      });
    },
    destroy: async () => undefined,
  };
  return pool;
}

const checkedOutcome = (path: string): FileOutcome => ({ file: path, path, status: 'received', checked: {} as CheckedReport, findings: [] });
const quiet = { tick: () => undefined, stop: () => undefined };
const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('readAll', () => {
  it('keeps at most four files per worker in flight and adds results in the order they finish', async () => {
    const files = Array.from({ length: 20 }, (_, i) => `f${String(i).padStart(2, '0')}`);
    const pool = manualPool(2);
    const consolidator = recorder();
    const done = readAll(files, { pool, consolidator, progress: quiet });
    await settle();
    expect(pool.pending.size).toBe(8);
    // Finish them newest first, a few at a time.
    while (pool.pending.size > 0) {
      const last = [...pool.pending.keys()].pop() as string;
      const resolve = pool.pending.get(last)!;
      pool.pending.delete(last);
      resolve(checkedOutcome(last));
      await settle();
    }
    expect(await done).toBe(true);
    expect(pool.maxInFlight).toBe(8);
    expect([...consolidator.added].sort()).toEqual(files);
    expect(consolidator.added).not.toEqual(files);
  });

  it('turns a read that fails outside the reader into an error finding for that file', async () => {
    const pool = manualPool(2);
    const consolidator = recorder();
    const done = readAll(['a/ok.xlsx', 'a/crash.xlsx'], { pool, consolidator, progress: quiet });
    await settle();
    pool.pending.get('a/ok.xlsx')!(checkedOutcome('ok.xlsx'));
    pool.failing.get('a/crash.xlsx')!(new Error('worker died'));
    expect(await done).toBe(true);
    expect(consolidator.added).toEqual(['ok.xlsx']);
    expect(consolidator.failed).toHaveLength(1);
    expect(consolidator.failed[0]!.file).toBe('crash.xlsx');
    expect(consolidator.failed[0]!.findings[0]).toMatchObject({ severity: 'error', code: 'read-internal-error', file: 'crash.xlsx' });
    expect(consolidator.failed[0]!.findings[0]!.message.en).toContain('worker died');
  });

  it('stops at once when aborted: nothing more is started or added', async () => {
    const files = Array.from({ length: 10 }, (_, i) => `f${i}`);
    const pool = manualPool(1);
    const consolidator = recorder();
    const stop = new AbortController();
    const done = readAll(files, { pool, consolidator, progress: quiet, signal: stop.signal });
    await settle();
    pool.pending.get('f0')!(checkedOutcome('f0'));
    await settle();
    stop.abort();
    expect(await done).toBe(false);
    const started = pool.maxInFlight;
    for (const [path, resolve] of pool.pending) resolve(checkedOutcome(path));
    await settle();
    expect(consolidator.added).toEqual(['f0']);
    expect(pool.maxInFlight).toBe(started);
  });

  it('returns at once for no files, or an already aborted signal', async () => {
    const pool = manualPool(2);
    expect(await readAll([], { pool, consolidator: recorder(), progress: quiet })).toBe(true);
    const stop = new AbortController();
    stop.abort();
    expect(await readAll(['x'], { pool, consolidator: recorder(), progress: quiet, signal: stop.signal })).toBe(false);
    expect(pool.pending.size).toBe(0);
  });
});

describe('progress without a terminal', () => {
  it('prints a line every 10 % and at the end, with the rate and what is left', () => {
    let now = 0;
    const lines: string[] = [];
    const progress = createProgress({ total: 20, quiet: false, isTty: false, lang: 'en', err: (l) => lines.push(l), now: () => now });
    for (let i = 1; i <= 20; i++) {
      now = i * 100; // 10 files/s
      progress.tick(`f${i}.xlsx`);
    }
    progress.stop();
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('Reading reports: 2/20 (10 %), 10.0 files/s, about 0:02 left — f2.xlsx');
    expect(lines[9]).toBe('Reading reports: 20/20 (100 %), 10.0 files/s — f20.xlsx');
  });

  it('also prints when the interval has passed, in Vietnamese by default', () => {
    let now = 0;
    const lines: string[] = [];
    const progress = createProgress({ total: 1000, quiet: false, isTty: false, lang: 'vi', err: (l) => lines.push(l), now: () => now, intervalMs: 5000 });
    now = 6000;
    progress.tick('a.xlsx');
    expect(lines).toEqual(['Đọc báo cáo: 1/1000 (0%), 0,2 tệp/giây, còn khoảng 1:39:54 — a.xlsx']);
  });

  it('prints nothing when quiet', () => {
    const lines: string[] = [];
    const progress = createProgress({ total: 5, quiet: true, isTty: false, lang: 'vi', err: (l) => lines.push(l) });
    for (let i = 0; i < 5; i++) progress.tick('x');
    expect(lines).toEqual([]);
  });

  it('formats durations as m:ss or h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(75.4)).toBe('1:15');
    expect(formatDuration(3725)).toBe('1:02:05');
  });
});

describe('--workers and the workers\' script', () => {
  it('accepts whole numbers from 1 to 256', () => {
    expect(parseWorkers('1')).toBe(1);
    expect(parseWorkers(' 8 ')).toBe(8);
    for (const bad of ['0', '257', '1.5', '-2', 'two', '']) expect(() => parseWorkers(bad)).toThrow();
  });

  it('runs the built worker.js beside the built pool, and the build from the sources too', () => {
    expect(workerScript('file:///pkg/dist/read-pool-x1.js')).toBe('/pkg/dist/worker.js');
    expect(workerScript('file:///pkg/src/pool/read-pool.ts')).toBe('/pkg/dist/worker.js');
    expect(workerScript()).toBe(fileURLToPath(new URL('../dist/worker.js', import.meta.url)));
  });
});
