/**
 * Entry point of functions.js (IIFE, loaded by Excel's custom-functions runtime): associates each
 * function id of functions.json with its implementation.
 */
import '../compat/polyfills.ts';
import { band, completion, ratio, status, unitScore } from './functions.ts';

/** Function ids (as in the generated metadata) → implementations. */
export const FUNCTIONS: Record<string, (...args: never[]) => unknown> = {
  RATIO: ratio,
  COMPLETION: completion,
  STATUS: status,
  UNITSCORE: unitScore,
  BAND: band,
};

const runtime = (globalThis as { CustomFunctions?: { associate(id: string, fn: (...args: never[]) => unknown): void } }).CustomFunctions;
if (runtime) for (const [id, fn] of Object.entries(FUNCTIONS)) runtime.associate(id, fn);
