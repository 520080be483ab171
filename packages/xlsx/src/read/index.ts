/**
 * The OOXML → Grid reader's public surface (re-exported by the package index).
 */
export { readGrid } from './grid.ts';
export type { ReadGridOptions } from './grid.ts';
export { READ_CODES } from './findings.ts';
export { DEFAULT_LIMITS, resolveLimits } from '../limits.ts';
export type { ReadLimits } from '../limits.ts';
