/**
 * The activity totals of `cchc consolidate --json` over the bundled example reports equal sums
 * worked out here from the reports' own activity rows: every row of each unit's "Hoạt động"
 * table read from the grid by column (not through the template reader), kept when its form is
 * one of the plan's and its date within the period (the example's Văn Yên adds a row with form
 * HT10 dated after the cut-off, which the check rejects), then summed.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hatinh2021, hatinhCity2020, parsePeriod, type ActivityTally, type ConsolidationJson } from '@cchc-kpi/core';
import { readGrid } from '@cchc-kpi/xlsx';
import { repoRoot, runCli } from './support/cli.ts';
import { spawnSync } from 'node:child_process';

let work = '';
let json: ConsolidationJson;
/** unit code → its kept activity rows: form code, theme codes, quantity, participants */
const rows = new Map<string, { form: string; themes: string[]; quantity: number; participants: number }[]>();

const code = (text: unknown): string | null => (typeof text === 'string' ? (/^(ND|HT)\d+(\.\d+)?/.exec(text)?.[0] ?? null) : null);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cchc-activity-totals-'));
  const made = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'examples/generate-reports.ts'), work], { cwd: repoRoot, encoding: 'utf8' });
  expect(made.status, made.stderr).toBe(0);
  const run = runCli(['consolidate', join(work, 'reports'), '--period', '2021-H1', '--out', join(work, 'out.xlsx'), '--json', join(work, 'out.json'), '--quiet']);
  expect(run.status, run.stderr).toBe(0);
  json = JSON.parse(readFileSync(join(work, 'out.json'), 'utf8')) as ConsolidationJson;
  const period = parsePeriod('2021-H1');
  if (!period.ok) throw new Error('period');
  const forms = new Set(hatinh2021.forms.map((f) => f.code));
  const serial = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000 + 25_569;
  for (const file of readdirSync(join(work, 'reports')).sort()) {
    const grid = readGrid(new Uint8Array(readFileSync(join(work, 'reports', file))));
    if (!grid.ok) throw new Error(file);
    const sheet = grid.value.sheets.find((s) => s.name === 'Hoạt động')!;
    const value = (col: string, row: number): unknown => sheet.cells.get(`${col}${row}`)?.value ?? null;
    const kept: { form: string; themes: string[]; quantity: number; participants: number }[] = [];
    for (let row = 4; row <= 203; row++) {
      const form = code(value('E', row));
      const date = value('B', row);
      if (form === null || !forms.has(form) || typeof date !== 'number') continue;
      if (date < serial(period.value.cutoffStart) || date > serial(period.value.cutoffEnd)) continue;
      const themes = [code(value('C', row)), code(value('D', row))].filter((t): t is string => t !== null);
      kept.push({ form, themes, quantity: Number(value('G', row) ?? 0), participants: Number(value('H', row) ?? 0) });
    }
    rows.set(file.slice(0, file.indexOf('-')), kept); // the unit code before the period: 18070, TTVHTT
  }
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const sum = (list: { quantity: number; participants: number }[]): ActivityTally => ({
  count: list.length,
  quantity: list.reduce((s, r) => s + r.quantity, 0),
  participants: list.reduce((s, r) => s + r.participants, 0),
});

describe('activity totals over the example reports', () => {
  it('give each unit the count and sums of its own rows, zeros for the unit that sent nothing', () => {
    const expected = hatinhCity2020.units.map((u) => ({ code: u.code, ...sum(rows.get(u.code) ?? []) }));
    expect(json.activityTotals.units).toEqual(expected);
    expect(json.activityTotals.units.find((u) => u.code === '18112')).toEqual({ code: '18112', count: 0, quantity: 0, participants: 0 });
    expect(json.activityTotals.total).toEqual(sum([...rows.values()].flat()));
    expect(json.activityTotals.total.count).toBeGreaterThan(50);
  });

  it('give each form the rows of that form and, for a top-level form, of its sub-forms', () => {
    const all = [...rows.values()].flat();
    for (const form of hatinh2021.forms) {
      const mine = all.filter((r) => r.form === form.code || r.form.startsWith(`${form.code}.`));
      expect(json.activityTotals.forms.find((t) => t.code === form.code), form.code).toEqual({ code: form.code, ...sum(mine) });
    }
  });

  it('give each theme the rows naming it or one of its sub-themes, each row once', () => {
    const all = [...rows.values()].flat();
    for (const theme of hatinh2021.themes) {
      const mine = all.filter((r) => r.themes.some((t) => t === theme.code || t.startsWith(`${theme.code}.`)));
      expect(json.activityTotals.themes.find((t) => t.code === theme.code), theme.code).toEqual({ code: theme.code, ...sum(mine) });
    }
  });
});
