/**
 * Rules `activity-theme-unknown`, `activity-form-unknown` (errors, activity excluded) and
 * `activity-theme-missing`, `activity-form-missing` (warnings, activity kept).
 */
import type { Finding } from '../../finding.ts';
import { formByCode, themeByCode } from '../../plan/lookup.ts';
import type { Activity } from '../../report/model.ts';
import { activityFinding, type ActivityContext, type ActivityOutcome } from './activity-types.ts';

/**
 * Checks an activity's theme codes (`ND…`) and form code (`HT…`) against the plan (matched as
 * `themeByCode`/`formByCode`: exact, then case-insensitive). Known codes are rewritten in the
 * plan's spelling. Any unknown code → error naming the code and its cell; the activity is
 * excluded. No theme / no form → warning; the activity is kept.
 */
export function checkActivityCodes(activity: Activity, context: ActivityContext): ActivityOutcome {
  const findings: Finding[] = [];
  let excluded = false;
  const themes: string[] = [];
  activity.themes.forEach((code, i) => {
    const theme = themeByCode(context.plan, code);
    if (theme) {
      if (!themes.includes(theme.code)) themes.push(theme.code);
      return;
    }
    excluded = true;
    findings.push(
      activityFinding(activity, i === 0 ? 'theme' : 'theme2', context, 'error', 'activity-theme-unknown', {
        vi: `mã nội dung "${code}" không có trong kế hoạch (ND1…ND7, ND3.1…ND3.7); hoạt động không được tính.`,
        en: `theme code "${code}" is not in the plan (ND1…ND7, ND3.1…ND3.7); the activity is not counted.`,
      }),
    );
  });
  let form: string | null = null;
  if (activity.form !== null) {
    const known = formByCode(context.plan, activity.form);
    if (known) form = known.code;
    else {
      excluded = true;
      findings.push(
        activityFinding(activity, 'form', context, 'error', 'activity-form-unknown', {
          vi: `mã hình thức "${activity.form}" không có trong kế hoạch (HT1…HT9); hoạt động không được tính.`,
          en: `form code "${activity.form}" is not in the plan (HT1…HT9); the activity is not counted.`,
        }),
      );
    }
  }
  if (excluded) return { activity: null, findings };
  if (activity.themes.length === 0) {
    findings.push(
      activityFinding(activity, 'theme', context, 'warning', 'activity-theme-missing', {
        vi: 'để trống; hoạt động không được tính cho nội dung tuyên truyền nào.',
        en: 'is blank; the activity covers no theme.',
      }),
    );
  }
  if (activity.form === null) {
    findings.push(
      activityFinding(activity, 'form', context, 'warning', 'activity-form-missing', {
        vi: 'để trống; hoạt động không được tính cho hình thức tuyên truyền nào.',
        en: 'is blank; the activity adds no communication form.',
      }),
    );
  }
  return { activity: { ...activity, themes, form }, findings };
}
