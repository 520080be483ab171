import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sharedDir } from './cli.ts';

/** `../shared/tools/lo-recalc`, beside the repository. */
export const loRecalc = resolve(sharedDir, 'tools/lo-recalc');

/** Why LibreOffice tests cannot run here, or null when they can. */
export function libreOfficeMissing(): string | null {
  if (spawnSync('sh', ['-c', 'command -v soffice']).status !== 0) {
    return 'skipped: LibreOffice not installed, install with apt-get install -y libreoffice-calc-nogui';
  }
  if (!existsSync(loRecalc)) return `skipped: ${loRecalc} not found (../shared/tools beside the repository, or $CCHC_SHARED_DIR)`;
  return null;
}

/** Minimal RFC 4180 CSV parser for LibreOffice's output. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Recalculates `workbook` in LibreOffice and returns each sheet's rows, keyed by sheet name. */
export function recalculate(workbook: string, outDir: string): Map<string, string[][]> {
  const run = spawnSync(loRecalc, [workbook, outDir], { encoding: 'utf8', timeout: 180_000 });
  if (run.status !== 0) throw new Error(`lo-recalc failed: ${run.stderr}`);
  const base = workbook.split('/').pop()!.replace(/\.xlsx$/, '');
  const sheets = new Map<string, string[][]>();
  for (const name of readdirSync(outDir)) {
    if (!name.startsWith(`${base}-`) || !name.endsWith('.csv')) continue;
    sheets.set(name.slice(base.length + 1, -4), parseCsv(readFileSync(resolve(outDir, name), 'utf8')));
  }
  return sheets;
}
