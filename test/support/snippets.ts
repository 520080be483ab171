import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './cli.ts';

/** A fenced code block of a Markdown file: its language, first line (1-based) and text. */
export interface Snippet {
  lang: 'ts' | 'js';
  line: number;
  code: string;
}

/** The ```ts and ```js blocks of a Markdown file (README.md by default), text as written. */
export function snippets(file = join(repoRoot, 'README.md')): Snippet[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(ts|typescript|js|javascript)\s*$/.exec(lines[i] ?? '');
    if (!fence) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !(lines[end] ?? '').startsWith('```')) end++;
    out.push({ lang: fence[1]!.startsWith('t') ? 'ts' : 'js', line: start + 1, code: `${lines.slice(start, end).join('\n')}\n` });
    i = end;
  }
  return out;
}
