// Referrals through to first contact: attempts, status, waiting time, newly diagnosed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workingDaysBetween } from '../../core/domain/workingDays';
import { call, daysAgo, must, newWorkspace, referral, snapshot, tempDir } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

async function withPerson(extra: object = {}) {
  const ws = await newWorkspace(dir);
  const record = await must(ws.ctx, 'people.create', { preferredName: 'Kofi Example', dateOfBirth: '1985-06-01', ...referral(daysAgo(20)), ...extra });
  return { ...ws, record, episodeId: record.episodes[0].id };
}

describe('a referral', () => {
  it('starts as received, newly diagnosed when diagnosed within 12 months before it', async () => {
    const month = daysAgo(90).slice(0, 7);
    const { record, close } = await withPerson({ diagnosisMonth: month });
    expect(record.episodes[0]).toMatchObject({ referralStatus: 'received', newlyDiagnosed: true, firstContactOn: null, open: true });
    expect(record.episodes[0].workingDaysWaited).toBe(workingDaysBetween(daysAgo(20), daysAgo(0)));
    close();
  });

  it('is not newly diagnosed for a diagnosis years before, and re-engagement is a fact of that pathway', async () => {
    const { record, close } = await withPerson({ diagnosisMonth: '2015-03', pathway: 'opt_out_reengagement' });
    expect(record.episodes[0]).toMatchObject({ newlyDiagnosed: false, reEngaging: true });
    close();
  });

  it('moves received → contact attempted → engaged, and the day they were reached is first contact', async () => {
    const { ctx, episodeId, close } = await withPerson();
    let r = await must(ctx, 'attempts.create', { episodeId, attemptedOn: daysAgo(18), method: 'phone', outcome: 'no_answer' });
    expect(r.episodes[0]).toMatchObject({ referralStatus: 'contact_attempted', firstContactOn: null });
    r = await must(ctx, 'attempts.create', { episodeId, attemptedOn: daysAgo(15), method: 'phone', outcome: 'spoke_engaged', note: 'Happy to meet' });
    expect(r.episodes[0]).toMatchObject({ referralStatus: 'engaged', firstContactOn: daysAgo(15) });
    expect(r.episodes[0].workingDaysWaited).toBe(workingDaysBetween(daysAgo(20), daysAgo(15)));
    expect(r.episodes[0].attempts.map((a) => a.outcome)).toEqual(['spoke_engaged', 'no_answer']);
    expect(r.episodes[0].attempts[0].createdByName).toBe('Sam Peer');
    close();
  });

  it('records declined and not contactable', async () => {
    const { ctx, episodeId, close } = await withPerson();
    let r = await must(ctx, 'attempts.create', { episodeId, attemptedOn: daysAgo(10), method: 'sms', outcome: 'spoke_declined' });
    expect(r.episodes[0].referralStatus).toBe('declined');
    r = await must(ctx, 'episodes.setReferralStatus', { episodeId, status: 'not_contactable' });
    expect(r.episodes[0].referralStatus).toBe('not_contactable');
    close();
  });

  it('refuses an attempt before the referral or in the future, changing nothing', async () => {
    const { ctx, episodeId, close } = await withPerson();
    const before = snapshot(ctx);
    const early = await call(ctx, 'attempts.create', { episodeId, attemptedOn: daysAgo(30), method: 'phone', outcome: 'no_answer' });
    expect(early).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION', fields: { attemptedOn: expect.stringMatching(/cannot be before the referral/) } }) });
    const future = await call(ctx, 'attempts.create', { episodeId, attemptedOn: '2999-01-01', method: 'phone', outcome: 'no_answer' });
    expect(future).toEqual({ ok: false, error: expect.objectContaining({ fields: { attemptedOn: 'An attempt cannot be in the future.' } }) });
    const badCode = await call(ctx, 'attempts.create', { episodeId, attemptedOn: daysAgo(5), method: 'carrier pigeon' as 'phone', outcome: 'no_answer' });
    expect(badCode.ok).toBe(false);
    expect(snapshot(ctx)).toEqual(before);
    close();
  });

  it('edits the referral, keeping dates that cannot be right out', async () => {
    const { ctx, episodeId, close } = await withPerson({ diagnosisMonth: '2015-01' });
    await must(ctx, 'attempts.create', { episodeId, attemptedOn: daysAgo(15), method: 'phone', outcome: 'no_answer' });
    const r = await must(ctx, 'episodes.updateReferral', { episodeId, ...referral(daysAgo(16)), referralSource: 'gp', pathway: 'other', referrerOrganisation: 'Riverside GP', referralReasons: 'Isolated' });
    expect(r.episodes[0]).toMatchObject({ referralSource: 'gp', referrerOrganisation: 'Riverside GP', referralReceivedOn: daysAgo(16) });
    const after = await call(ctx, 'episodes.updateReferral', { episodeId, ...referral(daysAgo(10)) });
    expect(after.ok ? 'saved' : after.error.fields).toEqual({ referralReceivedOn: expect.stringMatching(/Contact was recorded on/) });
    close();
  });

  it('allows a new referral only once the previous episode is closed', async () => {
    const { ctx, record, episodeId, close } = await withPerson();
    const refused = await call(ctx, 'episodes.create', { personId: record.id, ...referral(daysAgo(1)) });
    expect(refused.ok ? 'created' : refused.error.code).toBe('CONFLICT');
    await must(ctx, 'episodes.close', { episodeId, closedOn: daysAgo(5), reason: 'no_contact' });
    const r = await must(ctx, 'episodes.create', { personId: record.id, ...referral(daysAgo(1)) });
    expect(r.episodes.map((e) => e.open)).toEqual([true, false]);
    // A referral closed before anyone was reached ends as not contactable.
    expect(r.episodes[1].referralStatus).toBe('not_contactable');
    close();
  });
});
