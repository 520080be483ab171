import type { Period, Plan } from '@cchc-kpi/core';
import type { Lang } from './lang.ts';

/**
 * A plan covers one year (163/KH-UBND: 2021); forms or a consolidation for a period of another
 * year would measure the wrong targets. Returns the message to print, or null when the years agree.
 */
export function periodOutsidePlan(period: Period, plan: Plan, lang: Lang): string | null {
  if (period.year === plan.year) return null;
  return lang === 'vi'
    ? `Kỳ ${period.code} không thuộc năm ${plan.year} của kế hoạch ${plan.document.number}; dùng kế hoạch của năm ${period.year} (--plan TỆP.json).`
    : `Period ${period.code} is outside the plan's year ${plan.year} (${plan.document.number}); use the plan for ${period.year} (--plan FILE.json).`;
}
