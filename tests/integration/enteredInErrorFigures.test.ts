// "Entered in error" leaves a record out of every figure and export (issue 16, item 3): a contact,
// an assessment and a whole referral, each added then marked in error, leave the monthly return,
// its drill-downs, the trends, the wellbeing pairs, data quality, My day and every export exactly
// as they were before the records were made.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AppContext } from '../../core/api/context';
import { DRILL_MEASURES } from '../../core/domain/export/drill';
import { daysAgo, must, newWorkspace, referral, tempDir } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const phq = (values: number[]) => Object.fromEntries(values.map((v, i) => [`q${i + 1}`, v]));
const period = { kind: 'custom' as const, start: daysAgo(365), end: daysAgo(0) };

/** Everything a figure or an export shows, read through the API as the screens read it. */
async function figures(ctx: AppContext) {
  const drill: Record<string, unknown> = {};
  for (const measure of DRILL_MEASURES) {
    drill[measure] = await must(ctx, 'reports.drillDown', { period, measure });
  }
  const file = async (profileId: string) => {
    const run = await must(ctx, 'exports.run', { profileId, period, confirmIdentifiable: true });
    return readFileSync(run.location, 'utf8');
  };
  return {
    monthly: await must(ctx, 'reports.monthly', { period }),
    trends: await must(ctx, 'reports.trends', { period }),
    dataQuality: await must(ctx, 'reports.dataQuality', {}),
    myDay: await must(ctx, 'myDay.get', {}),
    list: await must(ctx, 'people.list', {}),
    drill,
    returnFile: await file('monthly_return'),
    referrals: await file('referrals'),
    outcomes: await file('outcomes'),
  };
}

it('a contact, an assessment and a referral marked in error count exactly as if they had never been recorded', async () => {
  const { ctx, close } = await newWorkspace(dir);
  const a = await must(ctx, 'people.create', { preferredName: 'Ama Mensah', dateOfBirth: '1985-04-12', diagnosisMonth: daysAgo(150).slice(0, 7), ...referral(daysAgo(120)) });
  const episodeId = a.episodes[0].id;
  await must(ctx, 'contacts.create', { episodeId, contactOn: daysAgo(110), mode: 'in_clinic', type: 'one_to_one', attendance: 'attended', topics: [] });
  await must(ctx, 'assessments.record', { episodeId, instrument: 'phq9', completedOn: daysAgo(105), method: 'self_completed', responses: phq([2, 2, 2, 2, 2, 2, 2, 2, 0]) });
  const before = await figures(ctx);

  // A second contact, a follow-up assessment (making a wellbeing pair) and someone else's referral.
  let r = await must(ctx, 'contacts.create', { episodeId, contactOn: daysAgo(20), mode: 'phone', type: 'one_to_one', attendance: 'dna', topics: [] });
  const contactId = r.episodes[0].contacts.find((c) => c.contactOn === daysAgo(20))!.id;
  r = await must(ctx, 'assessments.record', { episodeId, instrument: 'phq9', completedOn: daysAgo(15), method: 'self_completed', responses: phq([0, 0, 0, 1, 0, 0, 0, 0, 0]) });
  const assessmentId = r.episodes[0].outcomes.assessments.find((x) => x.completedOn === daysAgo(15))!.id;
  const b = await must(ctx, 'people.create', { preferredName: 'Kofi Boateng', dateOfBirth: '1990-01-01', ...referral(daysAgo(10)) });
  const during = await figures(ctx);
  expect(during.monthly).not.toEqual(before.monthly);
  expect(during.referrals).not.toEqual(before.referrals);
  expect(during.outcomes).not.toEqual(before.outcomes);

  await must(ctx, 'records.markEnteredInError', { kind: 'contact', id: contactId, reason: 'Logged twice' });
  await must(ctx, 'records.markEnteredInError', { kind: 'assessment', id: assessmentId, reason: 'Another person’s answers' });
  await must(ctx, 'records.markEnteredInError', { kind: 'referral', id: b.episodes[0].id, reason: 'Referral sent to us by mistake' });
  const after = await figures(ctx);
  // The person whose only referral went is still on the caseload (their record holds the mistake).
  expect(after.list.total).toBe(before.list.total + 1);
  const { list: _listAfter, ...rest } = after;
  const { list: _listBefore, ...restBefore } = before;
  expect(rest).toEqual(restBefore);
  close();
});
