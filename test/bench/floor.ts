/**
 * The benchmark's floor: what reading the reports costs with no domain work at all. Each file is
 * read, its worksheet parts and shared strings are unzipped with fflate and parsed with saxes
 * (every element and text node visited, nothing kept), in this one process, one file after the other.
 */
import { readFileSync } from 'node:fs';
import { fflate, SaxesParser } from './deps.ts';

const decoder = new TextDecoder();

/** True for the parts the floor parses: worksheets and the shared-string table. */
function floorPart(name: string): boolean {
  return (name.startsWith('xl/worksheets/') && name.endsWith('.xml')) || name === 'xl/sharedStrings.xml';
}

/** Unzips and parses one file's sheet and shared-string parts; returns the number of XML nodes seen. */
export function floorOne(bytes: Uint8Array): number {
  const parts = fflate.unzipSync(bytes, { filter: (file) => floorPart(file.name) });
  let nodes = 0;
  for (const data of Object.values(parts)) {
    const parser = new SaxesParser({ position: false });
    parser.on('opentag', () => {
      nodes += 1;
    });
    parser.on('text', () => {
      nodes += 1;
    });
    parser.write(decoder.decode(data)).close();
  }
  return nodes;
}

/** Runs the floor over `files`; returns the wall time in seconds and the nodes seen. */
export function runFloor(files: readonly string[]): { seconds: number; nodes: number } {
  const started = performance.now();
  let nodes = 0;
  for (const file of files) nodes += floorOne(new Uint8Array(readFileSync(file)));
  return { seconds: (performance.now() - started) / 1000, nodes };
}
