/**
 * Runs the benchmark's floor (see floor.ts) over every `.xlsx` file of a folder, in this process,
 * and prints `{ files, seconds, nodes }` as JSON on stdout. `seconds` covers reading, unzipping
 * and parsing the files, not Node's start-up. Usage: `node --import tsx test/bench/floor-cli.ts DIR`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runFloor } from './floor.ts';

const dir = process.argv[2];
if (dir === undefined) {
  process.stderr.write('usage: floor-cli.ts DIR\n');
  process.exit(2);
}
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.xlsx'))
  .sort()
  .map((name) => join(dir, name));
const { seconds, nodes } = runFloor(files);
process.stdout.write(`${JSON.stringify({ files: files.length, seconds, nodes })}\n`);
