// Contacts, goals, signposting, risk flags and closure on a real encrypted workspace.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, daysAgo, must, newWorkspace, referral, snapshot, tempDir } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const session = {
  contactOn: daysAgo(10),
  startTime: '10:30',
  minutes: 45,
  mode: 'in_clinic' as const,
  type: 'one_to_one' as const,
  attendance: 'attended' as const,
  topics: ['stigma', 'telling_others'] as ('stigma' | 'telling_others')[],
};

async function withEpisode() {
  const ws = await newWorkspace(dir);
  const record = await must(ws.ctx, 'people.create', { preferredName: 'Nia Example', dateOfBirth: '1992-02-02', ...referral(daysAgo(30)) });
  return { ...ws, personId: record.id, episodeId: record.episodes[0].id };
}

describe('contacts', () => {
  it('an attended session engages the referral and sets first and last contact', async () => {
    const { ctx, episodeId, close } = await withEpisode();
    let r = await must(ctx, 'contacts.create', { episodeId, ...session, note: 'Talked about telling family' });
    expect(r.episodes[0]).toMatchObject({ referralStatus: 'engaged', firstContactOn: daysAgo(10) });
    expect(r.episodes[0].contacts[0]).toMatchObject({ topics: ['stigma', 'telling_others'], note: 'Talked about telling family', createdByName: 'Sam Peer' });
    r = await must(ctx, 'contacts.create', { episodeId, ...session, contactOn: daysAgo(3), attendance: 'dna', topics: [] });
    expect(r.episodes[0].contacts.map((c) => c.attendance)).toEqual(['dna', 'attended']);
    const list = await must(ctx, 'people.list', {});
    expect(list.rows[0].lastContactOn).toBe(daysAgo(10));
    close();
  });

  it('a planned contact may be in the future, but only without an attendance', async () => {
    const { ctx, episodeId, close } = await withEpisode();
    const tomorrow = daysAgo(-1);
    const planned = await must(ctx, 'contacts.create', { episodeId, ...session, contactOn: tomorrow, attendance: null });
    expect(planned.episodes[0].contacts[0]).toMatchObject({ contactOn: tomorrow, attendance: null });
    const refused = await call(ctx, 'contacts.create', { episodeId, ...session, contactOn: tomorrow });
    expect(refused.ok ? 'saved' : refused.error.fields).toEqual({ attendance: expect.stringMatching(/can only be planned/) });
    // Recording what happened later.
    const id = planned.episodes[0].contacts[0].id;
    const updated = await must(ctx, 'contacts.update', { id, ...session, contactOn: daysAgo(0), attendance: 'attended' });
    expect(updated.episodes[0].contacts[0]).toMatchObject({ id, attendance: 'attended' });
    close();
  });

  it('refuses a contact before the referral and leaves the database unchanged', async () => {
    const { ctx, episodeId, close } = await withEpisode();
    const before = snapshot(ctx);
    const r = await call(ctx, 'contacts.create', { episodeId, ...session, contactOn: daysAgo(40) });
    expect(r.ok ? 'saved' : r.error.fields).toEqual({ contactOn: expect.stringMatching(/cannot be before the referral/) });
    const bad = await call(ctx, 'contacts.create', { episodeId, ...session, minutes: 0, topics: ['gardening' as 'stigma'] });
    expect(bad.ok ? 'saved' : Object.keys(bad.error.fields ?? {}).sort()).toEqual(['minutes', 'topics.0']);
    expect(snapshot(ctx)).toEqual(before);
    close();
  });
});

describe('goals and signposting', () => {
  it('sets a goal, reviews it, and keeps the history of reviews', async () => {
    const { ctx, episodeId, close } = await withEpisode();
    let r = await must(ctx, 'goals.create', { episodeId, description: 'Tell my sister', area: 'telling_others', setOn: daysAgo(20), reviewBy: daysAgo(1) });
    const goalId = r.episodes[0].goals[0].id;
    expect(r.episodes[0].goals[0]).toMatchObject({ status: 'open', reviewBy: daysAgo(1) });
    r = await must(ctx, 'goals.review', { goalId, reviewedOn: daysAgo(1), status: 'open', note: 'Not yet ready', nextReviewBy: daysAgo(-14) });
    r = await must(ctx, 'goals.review', { goalId, reviewedOn: daysAgo(0), status: 'achieved', note: 'Done' });
    expect(r.episodes[0].goals[0]).toMatchObject({ status: 'achieved', reviews: [{ status: 'open' }, { status: 'achieved', note: 'Done' }] });
    const early = await call(ctx, 'goals.review', { goalId, reviewedOn: daysAgo(25), status: 'open' });
    expect(early.ok ? 'saved' : early.error.fields).toEqual({ reviewedOn: 'A review cannot be before the goal was set.' });
    close();
  });

  it('signposts to a service and records what came of it', async () => {
    const { ctx, episodeId, close } = await withEpisode();
    let r = await must(ctx, 'signposting.create', { episodeId, serviceType: 'benefits_advice', madeOn: daysAgo(5), organisation: 'Citizens Advice' });
    expect(r.episodes[0].signposting[0]).toMatchObject({ outcome: 'pending', organisation: 'Citizens Advice' });
    r = await must(ctx, 'signposting.update', { id: r.episodes[0].signposting[0].id, outcome: 'accessed', note: 'Claim started' });
    expect(r.episodes[0].signposting[0]).toMatchObject({ outcome: 'accessed', note: 'Claim started' });
    close();
  });
});

describe('risk flags', () => {
  it('raises, escalates and resolves a flag; the caseload shows it while open', async () => {
    const { ctx, personId, episodeId, close } = await withEpisode();
    let r = await must(ctx, 'risks.raise', { personId, episodeId, raisedOn: daysAgo(2), description: 'Said they feel unsafe at home' });
    const riskId = r.riskFlags[0].id;
    expect((await must(ctx, 'people.list', {})).rows[0].openRisk).toBe(true);
    const noDate = await call(ctx, 'risks.update', { id: riskId, actionTaken: 'Told duty clinician', escalated: true });
    expect(noDate.ok ? 'saved' : noDate.error.fields).toEqual({ escalatedOn: expect.stringMatching(/Enter the date/) });
    r = await must(ctx, 'risks.update', { id: riskId, actionTaken: 'Told duty clinician', escalated: true, escalatedOn: daysAgo(2) });
    expect(r.riskFlags[0]).toMatchObject({ escalated: true, escalatedOn: daysAgo(2), raisedByName: 'Sam Peer' });
    r = await must(ctx, 'risks.resolve', { id: riskId, resolvedOn: daysAgo(0), note: 'Safe housing found' });
    expect(r.riskFlags[0].resolvedOn).toBe(daysAgo(0));
    expect((await must(ctx, 'people.list', {})).rows[0].openRisk).toBe(false);
    const again = await call(ctx, 'risks.resolve', { id: riskId, resolvedOn: daysAgo(0) });
    expect(again.ok ? 'saved' : again.error.code).toBe('CONFLICT');
    close();
  });
});

describe('closing an episode', () => {
  it('makes the episode read-only until it is reopened, and records the reopening', async () => {
    const { ctx, episodeId, close } = await withEpisode();
    await must(ctx, 'contacts.create', { episodeId, ...session });
    const beforeLast = await call(ctx, 'episodes.close', { episodeId, closedOn: daysAgo(12), reason: 'goals_met' });
    expect(beforeLast.ok ? 'closed' : beforeLast.error.fields).toEqual({ closedOn: expect.stringMatching(/last contact/) });
    let r = await must(ctx, 'episodes.close', { episodeId, closedOn: daysAgo(1), reason: 'goals_met', summary: 'Feels confident now' });
    expect(r.episodes[0]).toMatchObject({ open: false, closure: { reason: 'goals_met', summary: 'Feels confident now' } });

    const before = snapshot(ctx);
    for (const [method, input] of [
      ['contacts.create', { episodeId, ...session }],
      ['attempts.create', { episodeId, attemptedOn: daysAgo(1), method: 'phone', outcome: 'no_answer' }],
      ['goals.create', { episodeId, description: 'x', area: 'other', setOn: daysAgo(1) }],
      ['signposting.create', { episodeId, serviceType: 'housing', madeOn: daysAgo(1) }],
      ['episodes.close', { episodeId, closedOn: daysAgo(0), reason: 'other' }],
    ] as const) {
      const refused = await call(ctx, method, input as never);
      expect(refused.ok ? `${method} saved` : refused.error).toEqual(expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/closed/) }));
    }
    expect(snapshot(ctx)).toEqual(before);

    r = await must(ctx, 'episodes.reopen', { episodeId, reason: 'Asked for more support' });
    expect(r.episodes[0]).toMatchObject({ open: true, closure: null, closures: [{ reason: 'goals_met', reopenReason: 'Asked for more support', reopenedByName: 'Sam Peer' }] });
    expect((await call(ctx, 'contacts.create', { episodeId, ...session, contactOn: daysAgo(0) })).ok).toBe(true);
    close();
  });
});
