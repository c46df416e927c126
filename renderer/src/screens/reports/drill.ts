// The people behind a figure. There is no drill-down method in the API yet, so referrals are
// found through the caseload list: people whose latest referral falls in the period (optionally
// on one pathway). Someone referred again since the period is therefore not listed; the drawer
// says so when the counts differ.
import type { Period } from '../../../../core/domain/export/periods';
import type { PersonSummary } from '../../../../core/domain/person';
import { PEOPLE_PAGE_MAX } from '../../../../core/domain/person';
import { call } from '../../api';

export interface Drill {
  title: string;
  /** Only referrals on this pathway (a pathway code). */
  pathway?: string;
  /** How many the figure counts, to say when the list is shorter. */
  expected?: number;
}

/** Pages read at most: the list is newest first, so an old period costs more pages. */
const MAX_PAGES = 20;

export interface DrillResult {
  rows: PersonSummary[];
  /** False when the page limit stopped the search before the period's start. */
  complete: boolean;
}

export async function referralsIn(period: Period, pathway?: string): Promise<DrillResult> {
  const rows: PersonSummary[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const found = await call('people.list', { status: 'all', sort: 'referred', pathway, offset: page * PEOPLE_PAGE_MAX, limit: PEOPLE_PAGE_MAX });
    for (const r of found.rows) if (r.referralReceivedOn && r.referralReceivedOn >= period.start && r.referralReceivedOn <= period.end) rows.push(r);
    const last = found.rows.at(-1);
    if (!last?.referralReceivedOn || last.referralReceivedOn < period.start || found.rows.length < PEOPLE_PAGE_MAX) return { rows, complete: true };
  }
  return { rows, complete: false };
}
