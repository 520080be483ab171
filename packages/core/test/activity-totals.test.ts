import { describe, expect, it } from 'vitest';
import { addReportTotals, tallyActivities } from '../src/consolidate/activity-totals.ts';
import { hatinh2021 } from '../src/plan/builtin.ts';
import type { Activity } from '../src/report/model.ts';

const activity = (form: string | null, themes: string[], quantity: number | null, participants: number | null): Activity => ({
  date: '2021-02-01',
  themes,
  form,
  title: 'Hoạt động',
  quantity,
  participants,
  evidence: null,
  source: { sheet: 'Hoạt động', cell: 'A4' },
});

describe('tallyActivities', () => {
  const totals = tallyActivities(hatinh2021, [
    activity('HT1.3', ['ND3.2', 'ND3.6'], 6, null),
    activity('HT1', ['ND1'], 2, 40),
    activity('HT3', ['ND1', 'ND7'], 1, 60),
    activity('ht1.2', ['nd3.6'], 12, null),
    activity(null, ['ND5'], null, 10),
  ]);
  const form = (code: string) => totals.forms.find((t) => t.code === code);
  const theme = (code: string) => totals.themes.find((t) => t.code === code);

  it('counts an activity under its form and the form it belongs to, blanks adding nothing', () => {
    expect(form('HT1.3')).toEqual({ code: 'HT1.3', count: 1, quantity: 6, participants: 0 });
    expect(form('HT1.2')).toEqual({ code: 'HT1.2', count: 1, quantity: 12, participants: 0 });
    expect(form('HT1')).toEqual({ code: 'HT1', count: 3, quantity: 20, participants: 40 });
    expect(form('HT3')).toEqual({ code: 'HT3', count: 1, quantity: 1, participants: 60 });
    expect(form('HT9')).toEqual({ code: 'HT9', count: 0, quantity: 0, participants: 0 });
    expect(totals.forms.map((t) => t.code)).toEqual(hatinh2021.forms.map((f) => f.code));
  });

  it('counts an activity once under each theme it names and once under their parent', () => {
    expect(theme('ND3')).toEqual({ code: 'ND3', count: 2, quantity: 18, participants: 0 });
    expect(theme('ND3.6')).toEqual({ code: 'ND3.6', count: 2, quantity: 18, participants: 0 });
    expect(theme('ND3.2')).toEqual({ code: 'ND3.2', count: 1, quantity: 6, participants: 0 });
    expect(theme('ND1')).toEqual({ code: 'ND1', count: 2, quantity: 3, participants: 100 });
    expect(theme('ND5')).toEqual({ code: 'ND5', count: 1, quantity: 0, participants: 10 });
  });

  it('counts every activity in the total, one without a form too, and adds reports up', () => {
    expect(totals.total).toEqual({ count: 5, quantity: 21, participants: 110 });
    const sum = tallyActivities(hatinh2021, []);
    addReportTotals(sum, totals);
    addReportTotals(sum, totals);
    expect(sum.total).toEqual({ count: 10, quantity: 42, participants: 220 });
    expect(sum.forms.find((t) => t.code === 'HT1')).toEqual({ code: 'HT1', count: 6, quantity: 40, participants: 80 });
  });
});
