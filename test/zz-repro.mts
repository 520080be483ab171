import { spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureReports } from '/work/main/test/bench/generate.ts';
const dir = '/tmp/repro/w';
mkdirSync(dir, { recursive: true });
const set = await ensureReports(dir, 18);
const names = readdirSync(set.reportsDir).filter((n) => n.startsWith('CQ')).sort().slice(0, 9);
const counts: Record<string, number> = {};
for (let i = 0; i < Number(process.argv[2] ?? 20); i++) {
  const inputs = join(dir, `in-${i}`);
  rmSync(inputs, { recursive: true, force: true });
  mkdirSync(inputs);
  for (const n of names) copyFileSync(join(set.reportsDir, n), join(inputs, n));
  const fifo = join(inputs, 'zz-cho.xlsx');
  spawnSync('mkfifo', [fifo]);
  const out = join(dir, `o-${i}.xlsx`);
  const child = spawn(process.execPath, ['--import', 'tsx', '/work/main/packages/cli/src/main.ts', 'consolidate', ...names.map((n) => join(inputs, n)), fifo, '--period', '2021-H1', '--units', set.unitsFile, '--out', out, '--json', join(dir, `o-${i}.json`), '--workers', '2', '--force'], { cwd: '/work/main', stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const exited = new Promise<string>((d) => child.on('exit', (c, s) => d(`${c}/${s}`)));
  await new Promise<void>((d) => { child.stderr.setEncoding('utf8'); child.stderr.on('data', (c) => { text += c; if (/9\/10/.test(text)) d(); }); child.on('exit', () => d()); });
  child.kill('SIGINT');
  try { closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK)); } catch {}
  const r = await exited;
  counts[r] = (counts[r] ?? 0) + 1;
  if (r !== '130/null') console.log(i, r, text.slice(-600), existsSync(out));
}
console.log(counts);
