// Two months of work for the reports and export journeys: last month busier than the month
// before, with one small category (to see small-number suppression in the return) and one
// person without demographics (to see the data-quality panel).
import type { AppContext } from '../../core/api/context';
import { todayIso } from '../../core/domain/dates';
import { lastMonth, previousPeriod, type Period } from '../../core/domain/export/periods';
import { contact, refer } from './seed';

export const LAST_MONTH_OPT_OUT = ['Amara Okonkwo', 'Bola Adeyemi', 'Chidi Nwosu', 'Dami Adeleke', 'Efe Obi', 'Funmi Lawal', 'Gbenga Eze', 'Halima Musa'];
/** Self-referrals on the "other" pathway: two, so the return hides them. */
export const LAST_MONTH_SELF = ['Ife Bello', 'Jide Cole'];
export const MONTH_BEFORE = ['Kemi Ola', 'Lanre Ayo', 'Musa Danjuma'];
/** Referred last month without any demographics recorded. */
export const NO_DEMOGRAPHICS = 'Jide Cole';

const DEMOGRAPHICS = { genderIdentity: '2', ethnicCategory: 'N', sexualOrientation: '1', borough: 'E09000022' } as const;

/** The nth day of a period's first month, as ISO. */
const day = (p: Period, n: number) => `${p.start.slice(0, 8)}${String(n).padStart(2, '0')}`;

export function reportingMonths(today = todayIso()) {
  const last = lastMonth(today);
  return { last, before: previousPeriod(last) };
}

/** Last month: 10 referrals, 10 attended contacts and 1 not attended. The month before: 3 and 3. */
export async function seedTwoMonths(ctx: AppContext) {
  const { last, before } = reportingMonths();
  for (const [i, name] of [...LAST_MONTH_OPT_OUT, ...LAST_MONTH_SELF].entries()) {
    const self = LAST_MONTH_SELF.includes(name);
    const person = await refer(ctx, {
      preferredName: name,
      referralReceivedOn: day(last, 2 + i),
      referralSource: self ? 'self' : 'opt_out_clinic',
      pathway: self ? 'other' : 'opt_out_new_diagnosis',
      ...(name === NO_DEMOGRAPHICS ? {} : DEMOGRAPHICS),
    });
    await contact(ctx, person, { contactOn: day(last, 14 + i), attendance: 'attended', minutes: 45 });
    if (i === 0) await contact(ctx, person, { contactOn: day(last, 26), attendance: 'dna' });
  }
  for (const [i, name] of MONTH_BEFORE.entries()) {
    const person = await refer(ctx, { preferredName: name, referralReceivedOn: day(before, 3 + i), ...DEMOGRAPHICS });
    await contact(ctx, person, { contactOn: day(before, 10 + i), attendance: 'attended', minutes: 30, mode: 'phone' });
  }
  return { last, before };
}
