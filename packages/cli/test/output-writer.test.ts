/**
 * Writing the outputs of `cchc consolidate` (issue p1 E, K, L): each output announced before it is
 * written (a progress line for the feedback workbooks), an output that fails part-way named with
 * what is and is not in place, and Ctrl-C — passed on twice by `pnpm exec` — handled once.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createConsolidator, parsePeriod, type Consolidation, type Plan } from '@cchc-kpi/core';
import { loadContext } from '../src/context.ts';
import { handleInterrupts, REPEAT_MS, stoppedWritingText } from '../src/consolidate/interrupt.ts';
import { createOutputWriter, incompleteText, OutputsIncomplete, outputsText, type PlannedOutput } from '../src/consolidate/output-writer.ts';
import { writeReportOutputs } from '../src/consolidate/report-outputs.ts';
import { plannedOutputs, writeOutputs } from '../src/consolidate/write-outputs.ts';
import { writeFileAtomic, type AtomicData } from '../src/io/atomic-write.ts';

let dir = '';
let plan: Plan;
let consolidation: Consolidation;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-writer-'));
  const context = await loadContext({});
  if (!context.ok) throw new Error('context');
  plan = context.value.plan;
  const period = parsePeriod('2021-H1');
  if (!period.ok) throw new Error('period');
  consolidation = createConsolidator({ plan, units: context.value.units, period: period.value }).finish();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const denied = (): NodeJS.ErrnoException => Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', syscall: 'open' });

/** A writer's file function that fails with `error` for `failing`, and writes the others. */
const failingFor = (failing: string, error: unknown) => async (path: string, data: AtomicData): Promise<void> => {
  if (path === failing) throw error;
  await writeFileAtomic(path, data);
};

describe('an output that cannot be written part-way (issue p1 E)', () => {
  it('names it, why, the outputs in place and those not, and says a rerun needs --force', async () => {
    const out = join(dir, 'part-way');
    const paths = { out: join(out, 'ok', 'a.xlsx'), json: join(out, 'ok', 'a.json'), html: join(out, 'ro', 'b.html'), docx: join(out, 'ok', 'b.docx'), feedback: join(out, 'phan-hoi') };
    const lines: string[] = [];
    const writer = createOutputWriter(plannedOutputs(paths, consolidation), { quiet: true, isTty: false, lang: 'vi', err: (l) => lines.push(l), writeFile: failingFor(paths.html, denied()) });
    const error = await writeOutputs(consolidation, plan, paths, process.stdout, { writer, alsoWrite: (w) => writeReportOutputs(consolidation, plan, paths, w) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputsIncomplete);
    const incomplete = error as OutputsIncomplete;
    expect(incomplete.written.map((o) => o.kind)).toEqual(['workbook', 'json']);
    expect(incomplete.notWritten.map((o) => o.kind)).toEqual(['html', 'docx', ...consolidation.units.map(() => 'feedback')]);
    expect(incompleteText(incomplete, 'vi')).toBe(
      `Không ghi được ${paths.html}: không có quyền truy cập. Hãy chọn thư mục khác hoặc xin quyền ghi vào thư mục này. ` +
        `Đã ghi: ${paths.out}, ${paths.json}. Chưa ghi: ${paths.html}, ${paths.docx}, 17 phiếu phản hồi trong ${paths.feedback}. ` +
        'Sau khi sửa, chạy lại lệnh với --force để ghi đè các tệp đã ghi.',
    );
    expect(incompleteText(incomplete, 'en')).toBe(
      `Could not write ${paths.html}: permission denied. Choose another folder, or get the right to write in this one. ` +
        `Written: ${paths.out}, ${paths.json}. Not written: ${paths.html}, ${paths.docx}, 17 feedback workbooks in ${paths.feedback}. ` +
        'Once it is fixed, run the command again with --force to overwrite the files written.',
    );
    // In place and whole; nothing half-written; quiet said nothing.
    expect(readdirSync(join(out, 'ok')).sort()).toEqual(['a.json', 'a.xlsx']);
    expect(existsSync(paths.feedback)).toBe(false);
    expect(lines).toEqual([]);
  });

  it('counts the feedback workbooks written and not written by folder', () => {
    const feedback = (n: number): PlannedOutput[] => Array.from({ length: n }, (_, i) => ({ path: join('phan-hoi', `${i}.xlsx`), kind: 'feedback' as const }));
    expect(outputsText([{ path: 'a.xlsx', kind: 'workbook' }, ...feedback(3)], 'vi')).toBe(`a.xlsx, 3 phiếu phản hồi trong phan-hoi`);
    expect(outputsText(feedback(1), 'en')).toBe('1 feedback workbook in phan-hoi');
    expect(outputsText([{ path: '-', kind: 'json-stdout' }], 'vi')).toBe('không có');
  });
});

describe('what is being written is shown (issue p1 K)', () => {
  it('one line per output, then a progress line for the feedback workbooks (not a terminal)', async () => {
    const out = join(dir, 'shown');
    const paths = { out: join(out, 'a.xlsx'), csv: join(out, 'a.csv'), html: join(out, 'b.html'), docx: join(out, 'b.docx'), feedback: join(out, 'phan-hoi') };
    const lines: string[] = [];
    const writer = createOutputWriter(plannedOutputs(paths, consolidation), { quiet: false, isTty: false, lang: 'vi', err: (l) => lines.push(l) });
    await writeOutputs(consolidation, plan, paths, process.stdout, { writer, alsoWrite: (w) => writeReportOutputs(consolidation, plan, paths, w) });
    expect(lines.slice(0, 5)).toEqual([
      `Ghi sổ tổng hợp: ${paths.out}…`,
      `Ghi bảng CSV: ${paths.csv}…`,
      `Ghi danh sách lỗi, cảnh báo (CSV): ${join(out, 'a-phat-hien.csv')}…`,
      `Ghi báo cáo HTML: ${paths.html}…`,
      `Ghi báo cáo Word: ${paths.docx}…`,
    ]);
    expect(existsSync(paths.docx)).toBe(true);
    const progress = lines.slice(5);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((l) => l.startsWith('Ghi phiếu phản hồi: '))).toBe(true);
    // the registry's 17 units, the public administration centre last
    expect(progress.at(-1)).toMatch(/^Ghi phiếu phản hồi: 17\/17 \(100%\), .* — .*TTHCC-2021-H1-phan-hoi\.xlsx$/);
  });

  it('in English with --lang en, and nothing with --quiet', async () => {
    const out = join(dir, 'shown-en');
    const paths = { out: join(out, 'a.xlsx'), json: join(out, 'a.json') };
    const lines: string[] = [];
    await writeOutputs(consolidation, plan, paths, process.stdout, { writer: createOutputWriter(plannedOutputs(paths, consolidation), { quiet: false, isTty: false, lang: 'en', err: (l) => lines.push(l) }) });
    expect(lines).toEqual([`Writing the consolidated workbook: ${paths.out}…`, `Writing the JSON file: ${paths.json}…`]);
    const quiet: string[] = [];
    await writeOutputs(consolidation, plan, { ...paths, out: join(out, 'q.xlsx'), json: join(out, 'q.json') }, process.stdout, {
      writer: createOutputWriter(plannedOutputs(paths, consolidation), { quiet: true, isTty: false, lang: 'en', err: (l) => quiet.push(l) }),
    });
    expect(quiet).toEqual([]);
  });
});

describe('Ctrl-C (issue p1 L)', () => {
  const exits: number[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    exits.length = 0;
  });
  const spyExit = (): void => {
    vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      exits.push(code ?? 0);
      return undefined as never;
    }) as typeof process.exit);
  };

  it('takes the same Ctrl-C passed on twice at once (pnpm exec) as one: the run closes normally', () => {
    spyExit();
    const lines: string[] = [];
    let t = 0;
    const interruption = handleInterrupts((l) => lines.push(l), 'vi', () => t);
    try {
      process.emit('SIGINT', 'SIGINT');
      t = 5;
      process.emit('SIGINT', 'SIGINT');
      expect(interruption.signal.aborted).toBe(true);
      expect(exits).toEqual([]);
      // The reading stops; the command prints its closing line once.
      interruption.closeReading();
      interruption.closeReading();
      expect(lines).toEqual(['Đang dừng theo yêu cầu (Ctrl-C)…', 'Đã dừng theo yêu cầu; không ghi tệp kết quả nào.']);
    } finally {
      interruption.dispose();
      process.exitCode = 0;
    }
  });

  it('ends at a later second Ctrl-C, after printing the closing line and flushing stderr', async () => {
    spyExit();
    const lines: string[] = [];
    let t = 0;
    const interruption = handleInterrupts((l) => lines.push(l), 'en', () => t);
    try {
      process.emit('SIGINT', 'SIGINT');
      t = REPEAT_MS + 1;
      process.emit('SIGINT', 'SIGINT');
      expect(lines).toEqual(['Stopping on request (Ctrl-C)…', 'Stopped on request; no output written.']);
      expect(interruption.ending).toBe(true);
      await new Promise((done) => setTimeout(done, 50)); // the exit waits for stderr's callback
      expect(exits).toEqual([130]);
    } finally {
      interruption.dispose();
      process.exitCode = 0;
    }
  });

  it('while writing, lists what is in place and what is not, and stops starting outputs', async () => {
    spyExit();
    const lines: string[] = [];
    const out = join(dir, 'ctrl-c');
    const paths = { out: join(out, 'a.xlsx'), json: join(out, 'a.json'), html: join(out, 'b.html') };
    const interruption = handleInterrupts((l) => lines.push(l), 'vi', () => 0);
    try {
      const writer = createOutputWriter(plannedOutputs(paths, consolidation), { quiet: true, isTty: false, lang: 'vi', err: () => undefined, signal: interruption.signal });
      interruption.writing(writer);
      await writer.write({ path: paths.out, kind: 'workbook' }, () => 'x');
      process.emit('SIGINT', 'SIGINT');
      process.emit('SIGINT', 'SIGINT');
      expect(lines).toEqual([`Đã dừng theo yêu cầu trong khi ghi; không để lại tệp ghi dở. Đã ghi xong: ${paths.out}. Chưa ghi: ${paths.json}, ${paths.html}.`]);
      expect(stoppedWritingText(writer, 'en')).toBe(`Stopped on request while writing; no partial file left. Written: ${paths.out}. Not written: ${paths.json}, ${paths.html}.`);
      await expect(writer.write({ path: paths.json, kind: 'json' }, () => '{}')).rejects.toBeInstanceOf(OutputsIncomplete);
      expect(readdirSync(out)).toEqual(['a.xlsx']);
      await new Promise((done) => setTimeout(done, 50));
      expect(exits).toEqual([130]);
    } finally {
      interruption.dispose();
      process.exitCode = 0;
    }
  });
});
