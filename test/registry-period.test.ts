/**
 * Issue 14: the built-in unit registry (Hà Tĩnh city's 15 wards and communes and the 2 centres)
 * is valid from 01/01/2020 to 31/12/2024 — Resolution 1283/NQ-UBTVQH15 reorganised the wards and
 * communes from 01/01/2025 and codes were reused — and that is enforced: forms, a check and a
 * consolidation for a period outside it are refused in both languages, and accepted with a
 * registry for that time given with `--units`. A plan for 2025 (the built-in plan copied with its
 * year changed) makes the period a plan period, so only the registry decides.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import data from '../packages/core/src/plan/plans/hatinh-2021.json' with { type: 'json' };
import { runCli } from './support/cli.ts';

let dir = '';
let plan2025 = '';
let units2025 = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-registry-'));
  plan2025 = join(dir, 'ke-hoach-2025.json');
  writeFileSync(plan2025, JSON.stringify({ ...data, id: 'hatinh-2025', year: 2025 }));
  // a unit list for that time, made up for the test (not the city's real 2025 list)
  units2025 = join(dir, 'don-vi-2025.csv');
  writeFileSync(units2025, 'code,name,kind\n18070,Trần Phú,ward\n18073,Nam Hà,ward\nTTHCC,Trung tâm Hành chính công thành phố,agency\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REFUSED_VI = 'Kỳ 2025-H1 (01/01/2025–30/06/2025) nằm ngoài thời gian hiệu lực của danh sách đơn vị hatinh-city-2020 (01/01/2020–31/12/2024)';
const REFUSED_EN = 'Period 2025-H1 (2025-01-01 to 2025-06-30) is outside the dates of unit registry hatinh-city-2020 (2020-01-01 to 2024-12-31)';

describe('a period outside the registry’s dates', () => {
  it('template: refused in Vietnamese and English, nothing written', () => {
    const out = join(dir, 'forms-refused');
    for (const [lang, text] of [['vi', REFUSED_VI], ['en', REFUSED_EN]] as const) {
      const run = runCli(['template', '--all', '--plan', plan2025, '--period', '2025-H1', '--out', out, '--lang', lang]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(text);
      expect(run.stderr).toContain(lang === 'vi' ? '--units TỆP.csv' : '--units FILE.csv');
      expect(run.stderr).toContain('1283/NQ-UBTVQH15');
      expect(run.stderr).not.toContain('    at ');
    }
    expect(existsSync(out)).toBe(false);
  });

  it('consolidate and check --period: refused the same way, nothing written', () => {
    const out = join(dir, 'refused.xlsx');
    const reports = join(dir, 'some-reports');
    runCli(['template', '--unit', '18070', '--period', '2021-H1', '--out', reports, '--quiet']);
    const consolidate = runCli(['consolidate', reports, '--plan', plan2025, '--period', '2025-H1', '--out', out, '--lang', 'en']);
    expect(consolidate.status).toBe(2);
    expect(consolidate.stderr).toContain(REFUSED_EN);
    expect(existsSync(out)).toBe(false);
    const check = runCli(['check', join(reports, '18070-2021-H1.xlsx'), '--plan', plan2025, '--period', '2025-H1']);
    expect(check.status).toBe(2);
    expect(check.stderr).toContain(REFUSED_VI);
  });

  it('is accepted with a registry for that time (--units): forms for its units only, and their consolidation', () => {
    const forms = join(dir, 'forms-2025');
    const template = runCli(['template', '--all', '--plan', plan2025, '--units', units2025, '--period', '2025-H1', '--out', forms, '--quiet']);
    expect(template.status, template.stderr).toBe(0);
    // the list's three units, not the built-in seventeen
    expect(readdirSync(forms).sort()).toEqual(['18070-2025-H1.xlsx', '18073-2025-H1.xlsx', 'TTHCC-2025-H1.xlsx']);
    const run = runCli(['consolidate', forms, '--plan', plan2025, '--units', units2025, '--period', '2025-H1', '--out', join(dir, 'tong-hop-2025.xlsx'), '--json', join(dir, 'tong-hop-2025.json'), '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'tong-hop-2025.json'), 'utf8'));
    expect(json.units.map((u: any) => u.code)).toEqual(['18070', '18073', 'TTHCC']);
    expect(json.totals.expected).toBe(3);
    const notice = json.findings.find((f: any) => f.code === 'registry-from-file');
    expect(notice).toMatchObject({ severity: 'notice', file: 'don-vi-2025.csv' });
    expect(notice.message.vi).toBe(
      'Kỳ 2025-H1 (01/01/2025–30/06/2025) nằm ngoài thời gian hiệu lực của danh sách đơn vị có sẵn hatinh-city-2020 (01/01/2020–31/12/2024); dùng danh sách don-vi-2025.csv (3 đơn vị) làm danh sách của thời kỳ này.',
    );
  });

  it('a period inside the dates keeps the built-in registry, with --units adding agencies to it', () => {
    const agencies = join(dir, 'co-quan.csv');
    writeFileSync(agencies, 'code,name,kind\nPNV,Phòng Nội vụ thành phố,agency\n');
    const forms = join(dir, 'forms-2021');
    const run = runCli(['template', '--all', '--units', agencies, '--period', '2021-Q4', '--out', forms, '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(forms)).toHaveLength(17 + 1);
    expect(readdirSync(forms)).toEqual(expect.arrayContaining(['18112-2021-Q4.xlsx', 'TTVHTT-2021-Q4.xlsx', 'TTHCC-2021-Q4.xlsx', 'PNV-2021-Q4.xlsx']));
  });
});
