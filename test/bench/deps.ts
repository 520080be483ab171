/**
 * fflate and saxes for the benchmark, loaded from the xlsx package that depends on them (the
 * test workspace does not list them itself), typed with just the parts the benchmark uses.
 */
import { createRequire } from 'node:module';

/** The fflate functions the benchmark uses. */
export interface Fflate {
  unzipSync(data: Uint8Array, options?: { filter?: (file: { name: string; size: number; originalSize: number }) => boolean }): Record<string, Uint8Array>;
  zipSync(files: Record<string, Uint8Array>, options?: { level?: number; mtime?: Date }): Uint8Array;
  strFromU8(data: Uint8Array, latin1?: boolean): string;
  strToU8(text: string): Uint8Array;
}

/** The saxes parser surface the benchmark uses. */
export interface SaxesParserLike {
  on(event: 'opentag' | 'closetag', handler: (tag: { name: string; attributes: Record<string, unknown> }) => void): void;
  on(event: 'text', handler: (text: string) => void): void;
  write(chunk: string): SaxesParserLike;
  close(): SaxesParserLike;
}

const require = createRequire(new URL('../../packages/xlsx/package.json', import.meta.url));

/** fflate, as the OOXML reader uses it. */
export const fflate = require('fflate') as Fflate;
/** saxes' parser class, as the OOXML reader uses it. */
export const SaxesParser = (require('saxes') as { SaxesParser: new (options?: { position?: boolean }) => SaxesParserLike }).SaxesParser;
