import { availableParallelism } from 'node:os';
import { Option } from 'commander';
import { invalidArgument } from '../io/commander-errors.ts';

/** The default worker count: the cores this process may use (at least 1). */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Reads the `--workers` value: a whole number from 1 to 256.
 * @throws InvalidArgumentError (commander prints it, Vietnamese then English, and the command exits 2) for anything else.
 */
export function parseWorkers(text: string): number {
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > 256) {
    throw invalidArgument({ vi: 'cần một số nguyên từ 1 đến 256', en: 'Expected a whole number from 1 to 256.' });
  }
  return n;
}

/** The `--workers <n>` option of `consolidate`: files read in parallel, default the available cores. */
export function workersOption(): Option {
  return new Option('--workers <n>', `số luồng đọc song song (1: không dùng luồng phụ) / files read in parallel (1: in-process)`)
    .argParser(parseWorkers)
    .default(defaultWorkerCount(), `${defaultWorkerCount()} = số lõi CPU / the available cores`);
}
